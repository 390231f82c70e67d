/**
 * How long browsers and CloudFront may keep the site's files: one definition for the S3 uploads (the
 * deploy and the CodeBuild rebuild, infra/constructs/site*.ts), the CloudFront behaviour of the hashed
 * assets, and the local gateway (scripts/local/gateway.ts), so `npm start` answers as AWS does.
 */

/**
 * Everything under this folder carries a content hash in its name (the build writes only hashed
 * files there, e.g. css/monitor.1a2b3c4d.css): a new version is a new name, so it may be kept for a
 * year and never revalidated.
 */
export const HASHED_ASSETS_DIR = 'css';

/** Hashed assets: browsers and edges keep them a year without asking again. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Pages and every other file (form.js, CSV downloads, robots.txt, sitemap.xml, favicon): edges keep
 * them until the next invalidation (every deploy and every rebuild invalidates); browsers revalidate
 * each time, so a new release shows at once.
 */
export const SITE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=31536000';

/** One year, the lifetime of a hashed asset in seconds (the CloudFront cache policy's TTLs). */
export const IMMUTABLE_MAX_AGE_SECONDS = 31_536_000;

export function isHashedAsset(urlPath: string): boolean {
  return urlPath.startsWith(`/${HASHED_ASSETS_DIR}/`);
}

/** Cache-Control of a site file by its URL path (as S3 stores it for that object). */
export function cacheControlFor(urlPath: string): string {
  return isHashedAsset(urlPath) ? IMMUTABLE_CACHE_CONTROL : SITE_CACHE_CONTROL;
}

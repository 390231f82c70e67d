import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateSnapshot } from '../shared/imports/validate.ts';
import { HASHED_ASSETS_DIR } from '../shared/web/cache-policy.ts';
import { indexablePages, robotsTxt, sitemapXml } from '../shared/web/sitemap.ts';
import { buildStylesheet } from '../shared/web/stylesheet.ts';
import { loadSnapshotForSite, SITE_SNAPSHOT_PATH } from './snapshot-for-site.ts';

/**
 * Builds the static site: the content-hashed stylesheet (shared/web/stylesheet.ts), the Astro pages
 * (which link that stylesheet, as the pages the API renders do), then sitemap.xml and robots.txt from
 * the built pages, with the site's public URL (PUBLIC_URL; the local address by default).
 */
const stylesheet = buildStylesheet();
// The unhashed stylesheet of earlier builds must not travel with the site.
rmSync('site/public/css', { recursive: true, force: true });
const snapshot = await loadSnapshotForSite();
// The same check the import runs before a snapshot may go live: refuse to build on anything else
// (before anything of the site is written), so a deploy step after this build (the CodeBuild sync,
// the swap under `npm start`) never runs.
const check = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
if (!check.ok) {
  console.error(`Site build refused: snapshot ${snapshot.snapshotId} fails the snapshot check:\n  ${check.problems.join('\n  ')}`);
  process.exit(1);
}
mkdirSync(path.dirname(SITE_SNAPSHOT_PATH), { recursive: true });
writeFileSync(SITE_SNAPSHOT_PATH, JSON.stringify(snapshot));
console.log(`Regional pages from snapshot ${snapshot.snapshotId} (${snapshot.figures.length} figures).`);
// SITE_OUT_DIR: build elsewhere than site/dist (`npm start` builds aside and swaps on success).
const outDir = path.resolve(process.env.SITE_OUT_DIR ?? 'site/dist');
execSync(`astro build --root site --silent --outDir "${outDir}"`, {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
// Only hashed files live in css/ (shared/web/cache-policy.ts keeps that folder for a year).
rmSync(path.join(outDir, HASHED_ASSETS_DIR), { recursive: true, force: true });
mkdirSync(path.join(outDir, HASHED_ASSETS_DIR), { recursive: true });
writeFileSync(path.join(outDir, stylesheet.href), stylesheet.css);
console.log(`Stylesheet ${stylesheet.href}: ${(Buffer.byteLength(stylesheet.css) / 1024).toFixed(1)} KB (from ${(stylesheet.sourceBytes / 1024).toFixed(0)} KB of sources).`);
const publicUrl = (process.env.PUBLIC_URL ?? 'http://localhost:4321').replace(/\/$/, '');
const pages = indexablePages(outDir);
writeFileSync(path.join(outDir, 'sitemap.xml'), sitemapXml(publicUrl, pages));
writeFileSync(path.join(outDir, 'robots.txt'), robotsTxt(publicUrl));
console.log(`sitemap.xml: ${pages.length} pages under ${publicUrl}.`);

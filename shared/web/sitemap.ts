import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { esc } from './html.ts';

/**
 * robots.txt and sitemap.xml, made by the site build from the built pages (build time only). Every
 * static page is listed except the 404 page and pages marked noindex; the API (/api/, which renders
 * the form steps and the private pages of regions) is never listed and is closed to crawlers.
 */

/** URL paths ("/", "/regioscan/", ...) of the built pages that search engines may index. */
export function indexablePages(siteDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html') {
        const html = readFileSync(file, 'utf8');
        if (/<meta name="robots" content="[^"]*noindex/i.test(html)) continue;
        const rel = path.relative(siteDir, path.dirname(file)).split(path.sep).join('/');
        pages.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(siteDir);
  return pages.filter((p) => !p.startsWith('/api/')).sort();
}

export function sitemapXml(publicUrl: string, pages: readonly string[]): string {
  const origin = publicUrl.replace(/\/$/, '');
  const urls = pages.map((p) => `  <url><loc>${esc(`${origin}${encodeURI(p)}`)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`;
}

export function robotsTxt(publicUrl: string): string {
  return `User-agent: *
Disallow: /api/

Sitemap: ${publicUrl.replace(/\/$/, '')}/sitemap.xml
`;
}

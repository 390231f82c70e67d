import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../shared/routes.ts';
import { HASHED_ASSETS_DIR, IMMUTABLE_CACHE_CONTROL, SITE_CACHE_CONTROL } from '../../shared/web/cache-policy.ts';
import { indexablePages } from '../../shared/web/sitemap.ts';
import { buildStylesheet } from '../../shared/web/stylesheet.ts';
import { BUNDLING } from '../../tools/bundling.ts';
import { builtPages } from '../helpers/browser.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * How the site reaches the browser: one small hashed stylesheet linked by every static page and by
 * the pages the API renders (bundled as for Lambda too), compression and Cache-Control as CloudFront
 * and S3 give them, robots.txt and sitemap.xml. Runs on the built site (site/dist).
 */
const SITE = 'site/dist';
const LINK = /<link rel="stylesheet" href="([^"]+)">/g;

let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem({ site: true });
});
afterAll(() => system.close());

const get = (urlPath: string, headers: Record<string, string> = {}) => fetch(`${system.baseUrl}${urlPath}`, { headers, redirect: 'manual' });

describe('the stylesheet', () => {
  const expected = buildStylesheet().href;

  it('is one hashed file under 60 KB, the one the current sources make', () => {
    const files = readdirSync(path.join(SITE, HASHED_ASSETS_DIR));
    expect(files).toEqual([path.basename(expected)]);
    expect(statSync(path.join(SITE, expected)).size).toBeLessThan(60 * 1024);
    expect(existsSync(path.join(SITE, 'css/monitor.css'))).toBe(false);
  });

  it('is linked, and only it, by every built page', () => {
    const pages = builtPages(SITE);
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const file = path.join(SITE, page.endsWith('/') ? `${page}index.html` : page);
      const links = [...readFileSync(file, 'utf8').matchAll(LINK)].map((m) => m[1]);
      expect(links, page).toEqual([expected]);
    }
  });

  it('is linked by the pages the API renders, unbundled and as bundled for Lambda', async () => {
    const res = await get('/api/vragenlijst/onbekend-token', { accept: 'text/html' });
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect([...html.matchAll(LINK)].map((m) => m[1])).toEqual([expected]);
    // The bundle of a function that renders pages carries the same name (tools/bundling.ts).
    const out = await build({ ...BUNDLING, banner: { js: BUNDLING.banner }, entryPoints: [FUNCTIONS.regionalSearch.entry], bundle: true, write: false, external: ['@aws-sdk/*'], logLevel: 'silent' });
    const bundled = new Set([...out.outputFiles[0]!.text.matchAll(/\/css\/monitor\.[0-9a-f]{8}\.css/g)].map((m) => m[0]));
    expect([...bundled]).toEqual([expected]);
  });
});

describe('the local gateway, as CloudFront and S3', () => {
  it('compresses text with Brotli or gzip by Accept-Encoding, and not what is small or not asked', async () => {
    const file = readFileSync(path.join(SITE, 'index.html'));
    const br = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    // fetch decodes the body itself; compare the decoded page with the file.
    expect(Buffer.from(await br.arrayBuffer()).equals(file)).toBe(true);
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    await gz.arrayBuffer();
    const plain = await get('/', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(file)).toBe(true);
    // Under 1,000 bytes CloudFront sends it as it is.
    const robots = await get('/robots.txt', { 'accept-encoding': 'br, gzip' });
    expect(robots.headers.get('content-encoding')).toBeNull();
    await robots.arrayBuffer();
  });

  it('sends bytes that decode to the file (raw check of both encodings)', async () => {
    const { request } = await import('node:http');
    const css = buildStylesheet();
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${system.baseUrl}${css.href}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const br = await raw('br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(css.css);
    expect(br.body.length).toBeLessThan(css.css.length / 3);
    const gz = await raw('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(css.css);
  });

  it('sends Cache-Control per kind: a year for hashed assets, revalidate for pages and other files', async () => {
    const cases: [string, string][] = [
      [buildStylesheet().href, IMMUTABLE_CACHE_CONTROL],
      ['/', SITE_CACHE_CONTROL],
      ['/regioscan/', SITE_CACHE_CONTROL],
      ['/js/form.js', SITE_CACHE_CONTROL],
      ['/sitemap.xml', SITE_CACHE_CONTROL],
      ['/favicon.svg', SITE_CACHE_CONTROL],
    ];
    for (const [urlPath, cacheControl] of cases) {
      const res = await get(urlPath);
      expect(res.status, urlPath).toBe(200);
      expect(res.headers.get('cache-control'), urlPath).toBe(cacheControl);
      await res.arrayBuffer();
    }
    expect(IMMUTABLE_CACHE_CONTROL).toContain('immutable');
    const css = await get(buildStylesheet().href);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    await css.arrayBuffer();
  });
});

describe('robots.txt and sitemap.xml', () => {
  const robots = readFileSync(path.join(SITE, 'robots.txt'), 'utf8');
  const sitemap = readFileSync(path.join(SITE, 'sitemap.xml'), 'utf8');
  const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];

  it('robots.txt lets crawlers in, keeps them out of the API and points to the sitemap', () => {
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
    expect(sitemapUrl).toMatch(/^https?:\/\/[^/]+\/sitemap\.xml$/);
  });

  it('sitemap.xml is a valid URL set of every indexable built page, under the public URL', () => {
    expect(sitemap.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(sitemap.trim().endsWith('</urlset>')).toBe(true);
    const origin = sitemapUrl!.replace(/\/sitemap\.xml$/, '');
    const locs = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc><\/url>/g)].map((m) => m[1]!);
    // Nothing else than <url><loc> entries between the root tags.
    expect(sitemap.split('\n').slice(2, -2).every((line) => /^ {2}<url><loc>[^<]+<\/loc><\/url>$/.test(line))).toBe(true);
    expect(locs.length).toBeLessThanOrEqual(50_000);
    const paths = locs.map((loc) => {
      expect(loc.startsWith(`${origin}/`)).toBe(true);
      return loc.slice(origin.length);
    });
    expect(paths).toEqual(indexablePages(SITE));
    expect(paths).toEqual(expect.arrayContaining(['/', '/regioscan/', '/handleiding/', '/gebieden/gemeente/gm0344/']));
    for (const p of paths) {
      expect(p.startsWith('/api/')).toBe(false);
      expect(existsSync(path.join(SITE, p, 'index.html')), p).toBe(true);
    }
    expect(paths).not.toContain('/404.html');
  });
});

describe('meta descriptions', () => {
  it('every page of the information part has one of its own', () => {
    const seen = new Map<string, string>();
    for (const page of ['/', '/handleiding/', '/toegankelijkheid/', '/privacy/', '/startgesprek/', '/regioscan/', '/regioscan/stap-1/', '/aanmelden/', '/aanmelden/stap-1/']) {
      const html = readFileSync(path.join(SITE, page, 'index.html'), 'utf8');
      const description = /<meta name="description" content="([^"]+)">/.exec(html)?.[1];
      expect(description, page).toBeDefined();
      expect(description!.length, page).toBeGreaterThan(50);
      expect(description!.length, page).toBeLessThanOrEqual(160);
      expect(seen.has(description!), page).toBe(false);
      seen.set(description!, page);
    }
  });

  it('every page in the sitemap has one', () => {
    const sitemap = readFileSync(path.join(SITE, 'sitemap.xml'), 'utf8');
    const pages = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(pages.length).toBeGreaterThan(500);
    const without = pages.filter((page) => !/<meta name="description" content="[^"]{40,}">/.test(readFileSync(path.join(SITE, page, 'index.html'), 'utf8')));
    expect(without).toEqual([]);
  });
});

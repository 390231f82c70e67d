import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import lighthouse, { defaultConfig, type Flags } from 'lighthouse';
import { chromium } from 'playwright-core';
import { createGateway, listen } from '../scripts/local/gateway.ts';
import { freePort } from '../scripts/local/emulators.ts';

/**
 * `npm run bench -- lighthouse`: Lighthouse (mobile preset: a mid-range phone on slow 4G, simulated)
 * on the built site as the local gateway serves it (compression and Cache-Control as CloudFront and
 * S3 give them), with Debian's Chromium. Prints performance, accessibility, best practices and SEO
 * per page; the goal is at least 95 for performance and 100 for the other three. Builds the site
 * first when site/dist is missing. No network needed.
 *
 * Pages: home, the Regioscan's start page and step 1, a gemeente page, an SWV page and a map page.
 * Simulated timings vary between runs by a few points (total blocking time most).
 */
const SITE_DIR = 'site/dist';
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof GOALS;

if (!existsSync(path.join(SITE_DIR, 'index.html'))) {
  console.log('site/dist is missing: building the site first ...');
  execSync('npm run -s build:site', { stdio: 'inherit' });
}

const firstPage = (dir: string) => readdirSync(path.join(SITE_DIR, dir)).filter((name) => existsSync(path.join(SITE_DIR, dir, name, 'index.html'))).sort()[0];
const PAGES: [string, string][] = [
  ['home', '/'],
  ['Regioscan', '/regioscan/'],
  ['Regioscan stap 1', '/regioscan/stap-1/'],
  ['gemeente (Utrecht)', existsSync(path.join(SITE_DIR, 'gebieden/gemeente/gm0344')) ? '/gebieden/gemeente/gm0344/' : `/gebieden/gemeente/${firstPage('gebieden/gemeente')}/`],
  ['SWV PO', `/gebieden/swv-po/${firstPage('gebieden/swv-po')}/`],
  ['kaart', `/kaart/${firstPage('kaart')}/`],
];

const server = createGateway({
  siteDir: SITE_DIR,
  loadHandler: () => Promise.reject(new Error('the Lighthouse bench serves the static site only')),
});
const baseUrl = await listen(server, await freePort());
const debuggingPort = await freePort();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--remote-debugging-port=${debuggingPort}`,
  ],
});

const flags: Flags = {
  port: debuggingPort,
  output: 'json',
  logLevel: 'error',
  onlyCategories: Object.keys(GOALS),
  formFactor: 'mobile',
};

const rows: { page: string; path: string; scores: Record<Category, number>; failing: string[] }[] = [];
try {
  for (const [page, urlPath] of PAGES) {
    const result = await lighthouse(`${baseUrl}${urlPath}`, flags, defaultConfig);
    if (!result) throw new Error(`Lighthouse gave no result for ${urlPath}`);
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries((Object.keys(GOALS) as Category[]).map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
    // The audits that cost points (weighted ones below 1), to know where to look.
    const failing = (Object.keys(GOALS) as Category[]).flatMap((c) =>
      (categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${c}: ${ref.id}${audits[ref.id]?.displayValue ? ` (${audits[ref.id]!.displayValue})` : ''}`),
    );
    rows.push({ page, path: urlPath, scores, failing });
    console.log(`${page.padEnd(20)} ${urlPath.padEnd(44)} ${(Object.keys(GOALS) as Category[]).map((c) => `${c} ${scores[c]}`).join('  ')}`);
    for (const f of failing) console.log(`${''.padEnd(22)}- ${f}`);
  }
} finally {
  await browser.close();
  server.close();
}

const below = rows.flatMap((r) => (Object.keys(GOALS) as Category[]).filter((c) => r.scores[c] < GOALS[c]).map((c) => `${r.page} ${c} ${r.scores[c]} < ${GOALS[c]}`));
console.log(below.length ? `\nBelow the goal:\n  ${below.join('\n  ')}` : '\nEvery page meets the goal (performance >= 95, the others 100).');

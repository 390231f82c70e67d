import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { send, type Target } from '../../scripts/admin/client.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * The region's results page in Chromium: axe (WCAG 2.1 AA) with every <details> open at a wide and a
 * narrow screen, no sideways page scroll on a phone, every table region reachable by Tab, the print
 * button (with JavaScript) and the Ctrl+P text (without), the printed page count on A4 and the
 * response page's link to the results. One demo (seven made-up regions) and one run of the job.
 */
// axe takes 20 s and more on this long page when other test files run beside it.
vi.setConfig({ testTimeout: 90_000 });

let system: LocalSystem;
let browser: Browser;
let demo: { regionId: string; roundId: string; resultsLink: string; statusLink: string; otherRegions: number };
let resultsUrl: string;

type Job = (event: { force: boolean }) => Promise<{ ran: boolean; rounds: number; written: number; reports: number }>;

beforeAll(async () => {
  system = await startLocalSystem({ site: true });
  const operator: Target = { baseUrl: system.baseUrl, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, local: true };
  const [made, launched] = await Promise.all([send(operator, { method: 'POST', path: '/api/beheer/demo' }), launchBrowser()]);
  browser = launched;
  expect(made.status).toBe(201);
  demo = made.body as typeof demo;
  const job = (await system.loadHandler('benchmark')) as unknown as Job;
  const run = await job({ force: true });
  expect(run).toMatchObject({ ran: true, reports: 2 + demo.otherRegions });
  resultsUrl = local(demo.resultsLink);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const local = (link: string) => link.replace('http://localhost:4321', system.baseUrl);

async function openResults(page: Page): Promise<void> {
  const res = await page.goto(resultsUrl);
  expect(res!.status()).toBe(200);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Uitkomsten van ');
}

/** Every <details> open, so axe and the keyboard reach the tables inside. */
async function openAllDetails(page: Page): Promise<number> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('details')];
    for (const d of all) d.open = true;
    return all.length;
  });
}

describe.concurrent('the results page in the browser', () => {
  it.each([1200, 360])('has no axe violations with every <details> open at %i px', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await openResults(page);
    expect(await openAllDetails(page)).toBeGreaterThan(0);
    expect(await axeViolations(page), `${width} px`).toEqual([]);
    if (width === 360) {
      // The page itself never scrolls sideways on a phone: only the table regions do.
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360 + 1);
    }
    await context.close();
  });

  it('reaches every table region by Tab', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await openResults(page);
    await openAllDetails(page);
    // Number the regions, so two with the same caption still count apart.
    const regions = await page.evaluate(() =>
      [...document.querySelectorAll('.maoj-table-scroll')].map((el, i) => {
        el.setAttribute('data-test-region', String(i));
        return el.getAttribute('aria-label') ?? '';
      }),
    );
    expect(regions.length).toBeGreaterThan(10);
    const focusables = await page.evaluate(
      () => document.querySelectorAll('a[href], button:not([hidden]), summary, [tabindex]:not([tabindex="-1"]), input, select, textarea').length,
    );
    const reached = new Set<number>();
    // Tab through the whole page once (a few extra presses for the browser's own stops).
    for (let i = 0; i < focusables + 5 && reached.size < regions.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.classList.contains('maoj-table-scroll') ? { index: Number(el.getAttribute('data-test-region')), role: el.getAttribute('role') } : null;
      });
      if (focused) {
        expect(focused.role).toBe('region');
        reached.add(focused.index);
      }
    }
    const missed = regions.filter((_label, i) => !reached.has(i));
    expect(missed, 'table regions not reached by Tab').toEqual([]);
    await context.close();
  });

  it('prints through the print button', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openResults(page);
    const button = page.getByRole('button', { name: 'Druk deze pagina af' });
    await button.waitFor({ state: 'visible' });
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed++;
      };
    });
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await context.close();
  });

  it('renders without JavaScript: the downloads and the Ctrl+P text, no print button', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await openResults(page);
    const csv = page.getByRole('link', { name: 'Download de cijfers (CSV, voor Excel)' });
    const pdf = page.getByRole('link', { name: 'Download het rapport (PDF)' });
    expect(await csv.getAttribute('href')).toMatch(/uitkomsten\.csv/);
    expect(await pdf.getAttribute('href')).toMatch(/rapport\.pdf/);
    // The links lead somewhere.
    for (const link of [csv, pdf]) {
      const res = await context.request.get(new URL((await link.getAttribute('href'))!, system.baseUrl).href);
      expect(res.status()).toBe(200);
    }
    expect(await page.locator('main').innerText()).toContain('Druk deze pagina af met Ctrl+P');
    const button = page.locator('button[data-print]');
    expect(await button.count()).toBe(1);
    expect(await button.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Druk deze pagina af' }).count()).toBe(0);
    // Every figure is in the HTML itself: the charts and their tables.
    expect(await page.locator('svg').count()).toBeGreaterThan(3);
    expect(await page.getByRole('table').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('prints on at most 8 A4 pages, without the navigation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openResults(page);
    const nav = await page.evaluate(() => ({
      site: [...document.querySelectorAll('nav[aria-label="Hoofdmenu"] a, nav[aria-label="Over deze website"] a')].map((a) => a.textContent!.trim()),
      toc: [...document.querySelectorAll('nav[aria-label="Op deze pagina"] a')].map((a) => a.textContent!.trim()),
      main: document.querySelector('main')!.textContent!.replace(/\s+/g, ' '),
    }));
    expect(nav.site.length).toBeGreaterThan(3);
    expect(nav.toc.length).toBeGreaterThan(3);
    await page.emulateMedia({ media: 'print' });
    const bytes = await page.pdf({ format: 'A4' });
    const task = getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS });
    const doc = await task.promise;
    const pages = doc.numPages;
    const parts: string[] = [];
    for (let i = 1; i <= pages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    await task.destroy();
    const text = parts.join(' ').replace(/\s+/g, ' ');
    // Measured on the demo region: 8 A4 pages (three groups, one earlier round; Chromium, A4, default margins).
    expect(pages).toBeLessThanOrEqual(8);
    expect(text).toContain('Uitkomsten van ');
    expect(text).toContain('Scores per thema');
    // No site navigation (labels that are not also words of the content), no table of contents, no downloads.
    const navOnly = nav.site.filter((label) => !nav.main.includes(label));
    expect(navOnly.length).toBeGreaterThan(0);
    for (const label of navOnly) expect(text, label).not.toContain(label);
    expect(text).not.toContain(nav.toc.join(' '));
    expect(text).not.toContain('Naar de inhoud');
    expect(text).not.toContain('Download de cijfers');
    await context.close();
  });

  it('the response page links to the results page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(local(demo.statusLink));
    expect(res!.status()).toBe(200);
    const link = page.getByRole('link', { name: /^Bekijk de uitkomsten/ });
    expect(await link.count()).toBe(1);
    const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
    expect(response!.status()).toBe(200);
    expect(page.url()).toBe(resultsUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Uitkomsten van ');
    await context.close();
  });
});

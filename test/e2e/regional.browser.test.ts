import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

let system: LocalSystem;
let browser: Browser;
beforeAll(async () => {
  system = await startLocalSystem({ site: true, snapshot: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

async function h1(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.first().waitFor();
  return ((await heading.first().textContent()) ?? '').trim();
}

describe('cijfers per gebied, as a new visitor', () => {
  it('browses from /gebieden/ to a gemeente, to its SWV, back to a gemeente, and downloads the CSV', async () => {
    const page = await browser.newPage();
    await page.goto(system.baseUrl);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cijfers per gebied' }).click();
    expect(await h1(page)).toBe('Cijfers per gebied');
    expect(await page.getByLabel('Zoek een gemeente, samenwerkingsverband of regio op naam of code').count()).toBe(1);

    await page.getByText('Flevoland (6 gemeenten)').click();
    await page.getByRole('link', { name: 'Almere', exact: true }).click();
    expect(await h1(page)).toBe('Gemeente Almere');
    expect(await page.getByText('6.660', { exact: true }).count()).toBeGreaterThan(0);

    await page.getByRole('list').getByRole('link', { name: /^Samenwerkingsverband PO/ }).first().click();
    expect(await h1(page)).toMatch(/^Samenwerkingsverband PO \d{2}-\d{2}$/);
    await page.locator('#ligging + p + ul').getByRole('link', { name: 'Almere', exact: true }).click();
    expect(await h1(page)).toBe('Gemeente Almere');

    const href = await page.getByRole('link', { name: /Download alle cijfers van Almere/ }).getAttribute('href');
    expect(href).toBe('/gebieden/gemeente/gm0034/cijfers.csv');
    const response = await fetch(new URL(href!, system.baseUrl));
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/GM0034;Almere;jongeren_met_jeugdzorg;[^;]+;2022;6660;/);
    await page.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`compares Amsterdam with areas of its own choice through the chooser (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(new URL('/gebieden/gemeente/gm0363/', system.baseUrl).href);
      // The static page has no option lists: a link leads to the chooser that the API serves.
      expect(await page.locator('select, option').count()).toBe(0);
      await page.getByRole('link', { name: 'Kies andere gebieden om mee te vergelijken' }).click();
      await page.waitForURL(/\/api\/gebieden\/vergelijk\?gebied=GM0363$/);
      expect(await h1(page)).toBe('Vergelijk Amsterdam met andere gebieden');
      const form = page.locator('form[action="/api/gebieden/vergelijk"]');
      await form.getByLabel('Gemeente 1', { exact: true }).selectOption({ label: 'Utrecht' });
      await form.getByLabel('Gemeente 2', { exact: true }).selectOption({ label: 'Rotterdam' });
      await form.getByRole('button', { name: 'Vergelijk' }).click();
      await page.waitForURL(/\/api\/gebieden\/vergelijk\?.*met=/);
      expect(await h1(page)).toBe('Gemeente Amsterdam');
      const main = await page.locator('main').innerText();
      expect(main).toContain('door u gekozen');
      expect(main).toContain('Utrecht');
      expect(main).toContain('Rotterdam');
      // axe runs as a script in the page, so it can only check with JavaScript on (same HTML).
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      // Back to the chooser: it keeps the choice.
      await page.getByRole('link', { name: 'Kies andere gebieden om mee te vergelijken' }).click();
      expect(await h1(page)).toBe('Vergelijk Amsterdam met andere gebieden');
      expect(await page.getByLabel('Gemeente 1', { exact: true }).inputValue()).toBe('GM0344');
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('finds a gemeente by name with the search form, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('/gebieden/', system.baseUrl).href);
    await page.getByLabel('Zoek een gemeente, samenwerkingsverband of regio op naam of code').fill('Súdwest-Fryslân');
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    expect(await h1(page)).toBe('Gemeente Súdwest-Fryslân');
    await page.goto(new URL('/gebieden/', system.baseUrl).href);
    await page.getByLabel('Zoek een gemeente, samenwerkingsverband of regio op naam of code').fill('berg');
    await page.getByRole('button', { name: 'Zoek', exact: true }).click();
    expect(await h1(page)).toBe('Zoekresultaten');
    expect(await page.getByRole('status').innerText()).toMatch(/\d+ gebieden gevonden voor "berg"/);
    await context.close();
    // The same results page, checked by axe (which needs JavaScript in the page to run).
    const withScript = await browser.newContext();
    const checked = await withScript.newPage();
    await checked.goto(new URL('/api/gebieden/zoek?q=berg', system.baseUrl).href);
    expect(await axeViolations(checked)).toEqual([]);
    await withScript.close();
  });

  it('forgives: aliases, a typo and a postcode find the area, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const search = async (q: string) => {
      await page.goto(new URL('/gebieden/', system.baseUrl).href);
      await page.getByLabel('Zoek een gemeente, samenwerkingsverband of regio op naam of code').fill(q);
      await page.getByRole('button', { name: 'Zoek', exact: true }).click();
      return h1(page);
    };
    expect(await search('den haag')).toMatch(/^Gemeente .s-Gravenhage$/);
    expect(await search('Den Bosch')).toMatch(/^Gemeente .s-Hertogenbosch$/);
    expect(await search('sGravenhage')).toMatch(/^Gemeente .s-Gravenhage$/);
    expect(await search('3511 AB')).toBe('Gemeente Utrecht');

    expect(await search('Amsterdm')).toBe('Zoekresultaten');
    expect(await page.getByRole('status').innerText()).toContain('Bedoelde u');
    await page.getByRole('link', { name: 'Amsterdam', exact: true }).click();
    expect(await h1(page)).toBe('Gemeente Amsterdam');

    expect(await search('Utrecht')).toBe('Zoekresultaten');
    const groups = page.getByRole('heading', { name: 'Gebieden waar de gemeente Utrecht bij hoort' });
    expect(await groups.count()).toBe(1);
    await page.locator('h2:has-text("Gebieden waar de gemeente Utrecht bij hoort") + ul').getByRole('link', { name: /PO 26-01/ }).click();
    expect(await h1(page)).toMatch(/PO 26-01/);

    expect(await search('3198')).toBe('Zoekresultaten');
    expect(await page.getByText('Postcodegebied 3198 ligt in de gemeente Rotterdam.').count()).toBe(1);
    await context.close();

    const withScript = await browser.newContext();
    const checked = await withScript.newPage();
    for (const q of ['Amsterdm', 'Utrecht', '3011']) {
      await checked.goto(new URL(`/api/gebieden/zoek?q=${q}`, system.baseUrl).href);
      expect(await axeViolations(checked), q).toEqual([]);
    }
    await withScript.close();
  });

  it('has no axe violations on the index, maps and area pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const paths = ['/gebieden/', '/kaart/', '/kaart/aandeel_jongeren_0_14/', '/kaart/pct_jeugdreclassering/', '/gebieden/gemeente/gm0363/', '/gebieden/swv-po/po-27-09/', '/gebieden/swv-vo/vo-27-08/', '/gebieden/nederland/nl01/'];
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(new URL(path, system.baseUrl).href);
      // Open any <details> so that everything is checked (scrollable-region-focusable included).
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const violations = await axeViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  }, 180_000);

  it('map and tables for everyone: map areas are links, tables reachable at 360 px, a page prints in at most 6 A4', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // Tap a gemeente on the map: its page opens. The same link is in the list next to the map.
    await page.goto(new URL('/kaart/aandeel_jongeren_0_14/', system.baseUrl).href);
    expect(await page.locator('svg.maoj-map a').count()).toBe(342);
    await page.locator('svg.maoj-map a[href="/gebieden/gemeente/gm0344/"] path').click();
    expect(await h1(page)).toBe('Gemeente Utrecht');
    await page.goBack();
    const list = page.getByRole('region', { name: /Aandeel kinderen van 0 tot 15 jaar per gemeente/ });
    expect(await list.getByRole('link', { name: 'Utrecht', exact: true }).count()).toBe(1);

    // At 360 px no table is cut off without a way to scroll: a wider table sits in a focusable region.
    for (const path of ['/gebieden/gemeente/gm0344/', '/gebieden/swv-po/po-27-09/', '/kaart/aandeel_jongeren_0_14/']) {
      await page.goto(new URL(path, system.baseUrl).href);
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('page scrolls sideways');
        for (const table of document.querySelectorAll('main table')) {
          const region = table.closest('.maoj-scroll');
          const name = table.querySelector('caption')?.textContent ?? '?';
          if (!region || region.getAttribute('tabindex') !== '0' || region.getAttribute('role') !== 'region') out.push(`${name}: not in a focusable region`);
          else if (table.getBoundingClientRect().width > region.clientWidth + 1 && getComputedStyle(region).overflowX !== 'auto') out.push(`${name}: cut off`);
        }
        return out;
      });
      expect(problems, path).toEqual([]);
    }
    await context.close();

    // Print: summary and charts, no forms or navigation; at most 6 A4 pages.
    const printing = await browser.newPage();
    for (const path of ['/gebieden/gemeente/gm0344/', '/gebieden/swv-po/po-27-09/']) {
      await printing.goto(new URL(path, system.baseUrl).href);
      const pdf = await printing.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      expect(pages, path).toBeGreaterThan(0);
      expect(pages, path).toBeLessThanOrEqual(6);
      await printing.emulateMedia({ media: 'print' });
      expect(await printing.locator('nav[aria-label="Hoofdmenu"]').isVisible(), path).toBe(false);
      expect(await printing.getByRole('heading', { name: 'In het kort' }).isVisible(), path).toBe(true);
      await printing.emulateMedia({ media: null });
    }
    await printing.close();
  }, 120_000);
});

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
    it(`compares Amsterdam with areas of its own choice (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(new URL('/gebieden/gemeente/gm0363/', system.baseUrl).href);
      const form = page.locator('form[action="/api/gebieden/vergelijk"]');
      const selects = form.locator('select[name="met"]');
      await selects.nth(0).selectOption({ label: 'Utrecht' });
      await selects.nth(1).selectOption({ label: 'Rotterdam' });
      await form.getByRole('button', { name: 'Vergelijk' }).click();
      await page.waitForURL(/\/api\/gebieden\/vergelijk\?/);
      expect(await h1(page)).toBe('Gemeente Amsterdam');
      const main = await page.locator('main').innerText();
      expect(main).toContain('door u gekozen');
      expect(main).toContain('Utrecht');
      expect(main).toContain('Rotterdam');
      // axe runs as a script in the page, so it can only check with JavaScript on (same HTML).
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
    const paths = ['/gebieden/', '/kaart/', '/kaart/aandeel_jongeren_0_14/', '/gebieden/gemeente/gm0363/', '/gebieden/swv-po/po-27-09/', '/gebieden/swv-vo/vo-27-08/', '/gebieden/nederland/nl01/'];
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(new URL(path, system.baseUrl).href);
      // Open every "bekijk als tabel" so the tables are checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const violations = await axeViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  }, 180_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Form controls as the theme draws them in a real browser: a select shows its dropdown arrow, and a
 * checkbox (the Regioscan's consent, the registration's lists) is as large as the radios beside it.
 */
let system: LocalSystem;
let browser: Browser;
beforeAll(async () => {
  system = await startLocalSystem({ site: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await system.close();
});

describe('form controls', () => {
  it('a select shows its arrow and a checkbox is as large as a radio', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${system.baseUrl}/regioscan/stap-1/`);
    const select = await page.locator('select#gemeente').evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(select).toMatch(/^url\("data:image\/svg\+xml/);
    const sizes = await page.evaluate(() => {
      const radio = document.querySelector('input[type=radio]')!.getBoundingClientRect();
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'utrecht-checkbox utrecht-checkbox--html-input';
      document.querySelector('form')!.append(box);
      const check = box.getBoundingClientRect();
      return { radio: [radio.width, radio.height], checkbox: [check.width, check.height] };
    });
    expect(sizes.radio[0]).toBeGreaterThanOrEqual(24);
    expect(sizes.checkbox).toEqual(sizes.radio);
    await page.close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Form controls as the theme draws them in a real browser: a select shows its dropdown arrow, and a
 * checkbox (the Regioscan's consent, the registration's lists) is as large as the radios beside it; and the
 * states the pruned stylesheet (shared/web/stylesheet.ts) must keep: skip link, focus ring, button colours.
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

describe('the Startgesprek asks people to print it', () => {
  it('offers a print button with JavaScript (it prints), and says how to print without', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.goto(`${system.baseUrl}/startgesprek/`);
    const button = page.getByRole('button', { name: 'Druk de lijst af' });
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.close();
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await noScript.goto(`${system.baseUrl}/startgesprek/`);
    expect(await noScript.getByRole('button', { name: 'Druk de lijst af' }).count()).toBe(0);
    expect(await noScript.locator('main').innerText()).toContain('Ctrl en P');
    await plain.close();
  });
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

  it('keeps the states the pruned stylesheet must still carry: skip link on focus, focus ring, primary button colours', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
    await page.goto(`${system.baseUrl}/`);
    const skip = page.locator('.utrecht-skip-link');
    const hidden = await skip.boundingBox();
    await page.keyboard.press('Tab');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const shown = await skip.boundingBox();
    // Out of sight until focused, then in view at the top of the page.
    const inView = (box: { x: number; y: number; width: number; height: number } | null) =>
      !!box && box.width > 50 && box.height > 20 && box.x >= 0 && box.y >= 0 && box.x + box.width <= 360;
    expect(inView(hidden)).toBe(false);
    expect(inView(shown)).toBe(true);
    const link = page.locator('main a.utrecht-link').first();
    await page.keyboard.press('Tab');
    await link.focus();
    const outline = await link.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), shadow: cs.boxShadow };
    });
    expect(outline.style !== 'none' || outline.shadow !== 'none').toBe(true);
    const button = await page.locator('.utrecht-button-link--primary-action').first().evaluate((el) => {
      const cs = getComputedStyle(el);
      return { background: cs.backgroundColor, color: cs.color, height: el.getBoundingClientRect().height };
    });
    expect(button.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(button.background).not.toBe(button.color);
    expect(button.height).toBeGreaterThanOrEqual(44);
    expect(failed).toEqual([]);
    await page.close();
  });
});

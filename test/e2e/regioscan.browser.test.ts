import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATEMENTS, THEMES } from '../../shared/regioscan/definition.ts';
import { axeViolations, launchBrowser, pagesForAxe } from '../helpers/browser.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

let system: LocalSystem;
let browser: Browser;
beforeAll(async () => {
  system = await startLocalSystem({ site: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

async function answerTheme(page: Page, themeIndex: number, label: string) {
  for (const statement of THEMES[themeIndex]!.statements) {
    const number = STATEMENTS.indexOf(statement) + 1;
    await page.getByRole('group', { name: new RegExp(`^Stelling ${number}\\.`) }).getByLabel(label, { exact: true }).check();
  }
}

/** Fills in the whole Regioscan as a new visitor would, starting from the home page. */
async function fillInRegioscan(page: Page, email: string, onEachPage?: (page: Page) => Promise<void>, consent = true) {
  await page.goto(system.baseUrl);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regioscan' }).click();
  await onEachPage?.(page);
  await page.getByRole('link', { name: 'Start de Regioscan' }).click();
  expect(await page.title()).toContain('stap 1 van 7');
  await onEachPage?.(page);
  await page.getByLabel('In welke gemeente werkt u?').selectOption({ label: 'Utrecht' });
  await page.getByLabel('Samenwerkingsverband passend onderwijs').check();
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.waitForURL(STEP_URL(2));

  // Step 2: first try without answers, to see the errors.
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  expect(await page.title()).toMatch(/^Fout: /);
  expect(await countOf(page.getByRole('alert').getByRole('link'))).toBe(4);
  await onEachPage?.(page);
  await answerTheme(page, 0, 'Helemaal eens');
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await answerTheme(page, 1, 'Oneens');
  await onEachPage?.(page);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await answerTheme(page, 2, 'Weet ik niet');
  await onEachPage?.(page);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await answerTheme(page, 3, 'Eens');
  await onEachPage?.(page);
  await page.getByRole('button', { name: 'Naar controle' }).click();

  // Check your answers, change one, and come back to the check page.
  expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Controleer uw antwoorden');
  await onEachPage?.(page);
  await page.getByRole('link', { name: 'Wijzig antwoord op stelling 16' }).click();
  await page.waitForURL(/\/stap\/5\?terug=controle$/);
  await page.getByRole('group', { name: /^Stelling 16\./ }).getByLabel('Helemaal eens', { exact: true }).check();
  await page.getByRole('button', { name: 'Naar controle' }).click();
  expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Controleer uw antwoorden');
  await page.getByRole('button', { name: 'Antwoorden kloppen' }).click();

  // An address that is no address first, to see the error; consent is a choice, not a condition.
  await page.getByLabel('E-mailadres (niet verplicht)').fill('geen adres');
  await page.getByRole('button', { name: 'Versturen' }).click();
  expect(await page.title()).toMatch(/^Fout: /);
  await page.getByLabel('E-mailadres (niet verplicht)').fill(email);
  await onEachPage?.(page);
  if (consent) await page.getByLabel(/Ja, u mag mijn antwoorden bewaren/).check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.waitForURL(/\/api\/regioscan\/[A-Za-z0-9_-]{22}\/uitkomst$/);
  expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Uw uitkomst van de Regioscan');
  await onEachPage?.(page);
}

type Locator = ReturnType<Page['locator']>;

/** A step page of a server-side draft (every step after the static step 1 is one). */
const STEP_URL = (step: number) => new RegExp(`/api/regioscan/[A-Za-z0-9_-]{22}/stap/${step}$`);

/** Fails the test when the browser asks anything (e.g. "confirm form resubmission"). */
function noDialogs(page: Page) {
  page.on('dialog', (dialog) => {
    void dialog.dismiss();
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
}

/** A valid address of exactly `length` characters (local part at most 64, labels at most 63). */
function longAddress(length: number): string {
  const local = `lang.${'a'.repeat(55)}`;
  let domain = 'example.nl';
  while (local.length + 1 + domain.length < length) {
    const room = length - (local.length + 1 + domain.length) - 1;
    domain = `${'b'.repeat(Math.min(60, room))}.${domain}`;
  }
  return `${local}@${domain}`;
}

/** playwright-core has no test runner, so no web-first assertions: wait, then assert. */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return ((await locator.first().textContent()) ?? '').trim();
}

async function countOf(locator: Locator): Promise<number> {
  await locator.first().waitFor();
  return locator.count();
}

async function checkResult(page: Page, email: string, consent = true) {
  const body = await page.locator('main').innerText();
  if (consent) expect(body).toContain('U kunt deze uitkomst later terugvinden via deze link');
  else expect(body).toContain('Daarom hebben wij ze niet bewaard');
  expect(body).toContain(`Wij hebben de uitkomst gestuurd naar ${email}`);
  expect(body).toContain('Score 100 van 100'); // theme 1: all "helemaal eens"
  expect(body).toContain('Score 25 van 100'); // theme 2: all "oneens"
  expect(body).toContain('Geen score'); // theme 3: all "weet ik niet"
  expect(body).toContain('Score 81 van 100'); // theme 4: 75, 75, 75, 100
  const mails = await system.emailsTo(email);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe('Uw uitkomst van de Regioscan voor Utrecht');
  expect(mails[0]!.body.text).toContain('Score 81 van 100: Gaat goed');
  return mails[0]!;
}

describe('Regioscan in the browser', () => {
  it('a new visitor fills it in with JavaScript on, sees the result and gets the email', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = testAddress();
    await fillInRegioscan(page, email);
    const mail = await checkResult(page, email);

    // The link in the email opens the result page.
    const link = /http:\/\/localhost:4321(\/api\/regioscan\/uitkomst\/[0-9a-f-]+)/.exec(mail.body.text)![1]!;
    await page.goto(`${system.baseUrl}${link}`);
    expect(await page.locator('h1').textContent()).toBe('Uitkomst van de Regioscan');
    expect(await page.locator('main').innerText()).toContain('Score 81 van 100');
    await context.close();
  });

  it('works the same with JavaScript off, and shows the outcome without consent', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    noDialogs(page);
    const email = testAddress();
    await fillInRegioscan(page, email, undefined, false);
    await checkResult(page, email, false);
    // Reload and Back on the outcome: no resubmission, one email.
    await page.reload();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Uw uitkomst van de Regioscan');
    await page.goBack();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Uw uitkomst van de Regioscan');
    expect(await system.emailsTo(email)).toHaveLength(1);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`Back and reload show the steps with their answers, without a resubmission dialog (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      noDialogs(page);
      await page.goto(`${system.baseUrl}/regioscan/stap-1/`);
      await page.getByLabel('In welke gemeente werkt u?').selectOption({ label: 'Utrecht' });
      await page.getByLabel('Samenwerkingsverband passend onderwijs').check();
      await page.getByRole('button', { name: 'Volgende stap' }).click();
      await page.waitForURL(STEP_URL(2));
      await answerTheme(page, 0, 'Eens');
      await page.getByRole('button', { name: 'Volgende stap' }).click();
      await page.waitForURL(STEP_URL(3));
      await answerTheme(page, 1, 'Oneens');
      await page.getByRole('button', { name: 'Volgende stap' }).click();
      await page.waitForURL(STEP_URL(4));

      await page.reload();
      expect(await page.locator('.maoj-step-count').textContent()).toBe('Stap 4 van 7');
      await page.goBack();
      await page.waitForURL(STEP_URL(3));
      expect(await page.locator('.maoj-step-count').textContent()).toBe('Stap 3 van 7');
      expect(await page.getByRole('group', { name: /^Stelling 5\./ }).getByLabel('Oneens', { exact: true }).isChecked()).toBe(true);
      await page.reload();
      expect(await page.getByRole('group', { name: /^Stelling 8\./ }).getByLabel('Oneens', { exact: true }).isChecked()).toBe(true);
      await page.goBack();
      await page.waitForURL(STEP_URL(2));
      expect(await page.getByRole('group', { name: /^Stelling 1\./ }).getByLabel('Eens', { exact: true }).isChecked()).toBe(true);
      // "Vorige stap" leads to step 1 of the draft, with its answers.
      await page.getByRole('button', { name: 'Vorige stap' }).click();
      await page.waitForURL(STEP_URL(1));
      expect(await page.getByLabel('In welke gemeente werkt u?').inputValue()).toBe('GM0344');
      expect(await page.getByLabel('Samenwerkingsverband passend onderwijs').isChecked()).toBe(true);
      // Forward again with the browser: step 2 as saved.
      await page.getByRole('button', { name: 'Volgende stap' }).click();
      await page.waitForURL(STEP_URL(2));
      expect(await page.getByRole('group', { name: /^Stelling 4\./ }).getByLabel('Eens', { exact: true }).isChecked()).toBe(true);
      await context.close();
    });
  }

  it('at 360 px the outcome with a 200-character address is no wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const email = longAddress(200);
    expect(email).toHaveLength(200);
    const widths: Record<string, number> = {};
    await fillInRegioscan(page, email, async (p) => {
      widths[await p.title()] = await p.evaluate(() => document.documentElement.scrollWidth);
    });
    for (const [title, width] of Object.entries(widths)) expect(width, title).toBeLessThanOrEqual(360);
    expect(await page.locator('main').innerText()).toContain(email);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('moves focus to the error summary when JavaScript is on', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/regioscan/stap-1/`);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.locator('[data-error-summary]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    // The links in the summary lead to the fields.
    await page.getByRole('link', { name: 'Kies de gemeente waar u werkt.' }).click();
    expect(page.url()).toMatch(/#gemeente$/);
    await context.close();
  });

  it('can be filled in with the keyboard only', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/regioscan/stap-1/`);
    await page.getByLabel('In welke gemeente werkt u?').focus();
    await page.keyboard.press('ArrowDown'); // first gemeente in the list
    await page.keyboard.press('Tab'); // to the role radios
    await page.keyboard.press('Space');
    // Tab past the other radios in the group to the button, then press Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(STEP_URL(2));
    expect(await page.locator('.maoj-step-count').textContent()).toBe('Stap 2 van 7');
    await context.close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(() => context.close());

  it.each(pagesForAxe())('static page %s has no violations', async (path) => {
    const page = await context.newPage();
    const res = await page.goto(`${system.baseUrl}${path}`);
    expect(res!.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('an unknown address gets the 404 page, without violations', async () => {
    const page = await context.newPage();
    const res = await page.goto(`${system.baseUrl}/bestaat-niet/`);
    expect(res!.status()).toBe(404);
    expect(await textOf(page.locator('h1'))).toBe('Pagina niet gevonden');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('every page the API renders has no violations (steps, errors, check, result)', async () => {
    const page = await context.newPage();
    const seen: string[] = [];
    await fillInRegioscan(page, testAddress(), async (p) => {
      seen.push(await p.title());
      expect(await axeViolations(p), await p.title()).toEqual([]);
    });
    expect(seen.length).toBe(9); // start, step 1, 4 themes (one with errors), check, email, outcome
    // The page of a draft that is not there (any more).
    const res = await page.goto(`${system.baseUrl}/api/regioscan/AAAAAAAAAAAAAAAAAAAAAA/stap/2`);
    expect(res!.status()).toBe(404);
    expect(await textOf(page.locator('h1'))).toBe('Deze Regioscan bestaat niet (meer)');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);
});

import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GEMEENTEN } from '../../shared/areas/gemeenten.ts';
import { currentQuestionnaire, LIKERT_SCALE, type GroupId } from '../../shared/questionnaires/definition.ts';
import { questionnaireSteps } from '../../shared/questionnaires/flow.ts';
import { itemsOf, tailor, type RoundQuestionnaire } from '../../shared/questionnaires/tailoring.ts';
import { CONFIRMATION_LABEL } from '../../shared/registration/pages.ts';
import { send, type Target } from '../../scripts/admin/client.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { postJson } from '../helpers/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Registration and the three questionnaires in Chromium, with and without JavaScript: every step
 * by label, axe (WCAG 2.1 AA) on every page the API renders, resume on another device, the Back
 * button after post-redirect-get, the shared link with its code, and the region's response page.
 */
// The tests run two or three at a time, and axe takes seconds on the long checkbox pages.
vi.setConfig({ testTimeout: 90_000 });

let system: LocalSystem;
let browser: Browser;
let operator: Target;
beforeAll(async () => {
  system = await startLocalSystem({ site: true });
  browser = await launchBrowser();
  operator = { baseUrl: system.baseUrl, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, local: true };
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

type Locator = ReturnType<Page['locator']>;

const op = async (method: 'GET' | 'POST', path: string, body?: unknown) => send(operator, { method, path: `/api/beheer${path}`, ...(body === undefined ? {} : { body }) });
const local = (link: string) => link.replace('http://localhost:4321', system.baseUrl);

/** playwright-core has no web-first assertions: wait, then read. */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return ((await locator.first().textContent()) ?? '').trim();
}

const heading = (page: Page) => textOf(page.getByRole('heading', { level: 1 }));

async function expectNoViolations(page: Page) {
  expect(await axeViolations(page), `${await page.title()} (${page.url()})`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Registration

const AMSTERDAM = GEMEENTEN.find((g) => g.code === 'GM0363')!;

interface Contact {
  name: string;
  role: string;
  email: string;
  phone?: string;
}

/** A page of a registration draft: every step after the static step 1, and the confirmation. */
const REGISTRATION_URL = (step: number | 'ontvangen') => new RegExp(`/api/aanmelden/[A-Za-z0-9_-]{22}/${step === 'ontvangen' ? step : `stap/${step}`}$`);

/** Fails the test when the browser asks anything (e.g. "confirm form resubmission"). */
function noDialogs(page: Page) {
  page.on('dialog', (dialog) => {
    void dialog.dismiss();
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
}

/**
 * Fills the registration form from the static start page to the confirmation, calling `onEachPage` on
 * every page. Every step is a GET page after a redirect: Back, Forward and reload on the way never ask
 * to resubmit and show the saved answers; "Wijzig" on the check page leads to the step and back.
 */
async function register(page: Page, regionName: string, contacts: [Contact, Contact], onEachPage?: (page: Page) => Promise<void>) {
  noDialogs(page);
  await page.goto(`${system.baseUrl}/aanmelden/`);
  await onEachPage?.(page);
  await page.getByRole('link', { name: 'Start de aanmelding' }).click();

  // 1: name of the region
  expect(await heading(page)).toBe('Uw regio');
  await onEachPage?.(page);
  const name = page.getByLabel('Naam van uw regio');
  await name.click();
  await name.pressSequentially(regionName);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.waitForURL(REGISTRATION_URL(2));

  // 2: gemeenten (one)
  expect(await heading(page)).toBe('Gemeenten');
  await onEachPage?.(page);
  await page.getByRole('checkbox', { name: AMSTERDAM.name, exact: true }).check();
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.waitForURL(REGISTRATION_URL(3));

  // 3: the SWVs listed for the chosen gemeente
  expect(await heading(page)).toBe('Samenwerkingsverbanden');
  await onEachPage?.(page);
  for (const [legend, codes] of [
    ['Samenwerkingsverbanden primair onderwijs (SWV PO)', AMSTERDAM.swvPoAll],
    ['Samenwerkingsverbanden voortgezet onderwijs (SWV VO)', AMSTERDAM.swvVoAll],
  ] as const) {
    const suggested = page.getByRole('group', { name: legend }).getByRole('group', { name: 'Bij de gekozen gemeenten horen:' }).getByRole('checkbox');
    await suggested.first().waitFor();
    expect(await suggested.count()).toBe(new Set(codes).size);
    for (const box of await suggested.all()) await box.check();
  }
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.waitForURL(REGISTRATION_URL(4));

  // Reload, Back twice and Forward twice: the saved answers, no resubmission.
  await page.reload();
  expect(await heading(page)).toBe('Contactpersoon gemeenten');
  await page.goBack();
  await page.waitForURL(REGISTRATION_URL(3));
  expect(await page.getByRole('checkbox', { name: new RegExp(AMSTERDAM.name) }).first().isChecked()).toBe(true);
  await page.goBack();
  await page.waitForURL(REGISTRATION_URL(2));
  expect(await page.getByRole('checkbox', { name: AMSTERDAM.name, exact: true }).isChecked()).toBe(true);
  await page.reload();
  expect(await page.getByRole('checkbox', { name: AMSTERDAM.name, exact: true }).isChecked()).toBe(true);
  await page.goForward();
  await page.waitForURL(REGISTRATION_URL(3));
  await page.goForward();
  await page.waitForURL(REGISTRATION_URL(4));

  // 4 and 5: the two contact persons
  for (const [title, contact] of [
    ['Contactpersoon gemeenten', contacts[0]],
    ['Contactpersoon samenwerkingsverbanden', contacts[1]],
  ] as const) {
    expect(await heading(page)).toBe(title);
    await onEachPage?.(page);
    await page.getByLabel('Naam', { exact: true }).fill(contact.name);
    await page.getByLabel('Functie', { exact: true }).fill(contact.role);
    await page.getByLabel('E-mailadres', { exact: true }).fill(contact.email);
    if (contact.phone) await page.getByLabel('Telefoonnummer (niet verplicht)').fill(contact.phone);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
  }

  // 6: confirmation that both sides take part; first without the box, to see the error
  expect(await heading(page)).toBe('Deelname bevestigen');
  const confirmUrl = page.url();
  await page.getByRole('button', { name: 'Naar controle' }).click();
  await page.waitForLoadState();
  expect(await page.title()).toMatch(/^Fout: /);
  // The errors are a GET page of the step too (after a redirect).
  expect(page.url()).toBe(confirmUrl);
  await onEachPage?.(page);
  await page.getByRole('checkbox', { name: CONFIRMATION_LABEL }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Naar controle' }).click();

  // 7: check, then send
  expect(await heading(page)).toBe('Controleer uw aanmelding');
  await onEachPage?.(page);
  const check = await page.locator('main').innerText();
  expect(check).toContain(regionName);
  expect(check).toContain(AMSTERDAM.name);
  expect(check).toContain(contacts[0].email);
  expect(check).toContain(contacts[1].email);
  // "Wijzig": the step with its answer, and back to the check page.
  await page.getByRole('link', { name: 'Wijzig naam van de regio' }).click();
  await page.waitForURL(/\/stap\/1\?terug=controle$/);
  expect(await page.getByLabel('Naam van uw regio').inputValue()).toBe(regionName);
  await page.getByRole('button', { name: 'Naar controle' }).click();
  await page.waitForURL(REGISTRATION_URL(7));
  expect(await heading(page)).toBe('Controleer uw aanmelding');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();

  await page.waitForURL(REGISTRATION_URL('ontvangen'));
  expect(await heading(page)).toBe('Wij hebben uw aanmelding ontvangen');
  await onEachPage?.(page);
  const body = await page.locator('main').innerText();
  expect(body).toContain(`beide contactpersonen: ${contacts[0].email} en ${contacts[1].email}`);
  // Reload, and Back to the check page: the confirmation again, nothing sent twice.
  await page.reload();
  expect(await heading(page)).toBe('Wij hebben uw aanmelding ontvangen');
  await page.goBack();
  await page.waitForURL(REGISTRATION_URL('ontvangen'));
  expect(await heading(page)).toBe('Wij hebben uw aanmelding ontvangen');
}

function contacts(): [Contact, Contact] {
  return [
    { name: 'Anna de Vries', role: 'Beleidsadviseur jeugd', email: testAddress() },
    { name: 'Bram Jansen', role: 'Directeur SWV', email: testAddress(), phone: '06 1234 5678' },
  ];
}

describe.concurrent('registration in the browser', () => {
  it('a new user registers with JavaScript on, and every page passes axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const people = contacts();
    const seen: string[] = [];
    await register(page, 'Regio Grachtenland', people, async (p) => {
      seen.push(await p.title());
      await expectNoViolations(p);
    });
    expect(seen).toHaveLength(9); // start page, 7 steps (one with an error), confirmation
    for (const contact of people) expect(await system.emailsTo(contact.email)).toHaveLength(1);
    // An unknown draft: a Dutch 404 page with a link to start again, that passes axe too.
    const gone = await page.goto(`${system.baseUrl}/api/aanmelden/AAAAAAAAAAAAAAAAAAAAAA/stap/2`);
    expect(gone?.status()).toBe(404);
    expect(await heading(page)).toBe('Deze aanmelding bestaat niet (meer)');
    expect(await page.getByRole('link', { name: 'Begin opnieuw met aanmelden' }).getAttribute('href')).toBe('/aanmelden/stap-1/');
    await expectNoViolations(page);
    await context.close();
  });

  it('works the same with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const people = contacts();
    await register(page, 'Regio Zonder Script', people);
    for (const contact of people) expect(await system.emailsTo(contact.email)).toHaveLength(1);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// Questionnaires

/** An approved region (through the JSON API and the operator API) with an open round for one group. */
async function regionWithRound(group: GroupId): Promise<{ regionId: string; roundId: string }> {
  const res = await postJson(system.baseUrl, '/api/aanmelden', {
    registrationId: randomUUID(),
    regionName: `Regio Test ${group}`,
    gemeenten: [AMSTERDAM.code],
    swvPo: [AMSTERDAM.swvPo],
    swvVo: [AMSTERDAM.swvVo],
    contactGemeenten: { name: 'Anna de Vries', role: 'Beleidsadviseur jeugd', email: testAddress() },
    contactSwv: { name: 'Bram Jansen', role: 'Directeur SWV', email: testAddress() },
    bevestiging: true,
  });
  expect(res.status).toBe(201);
  const regionId = res.json.regionId as string;
  expect((await op('POST', `/regios/${regionId}/goedkeuren`)).status).toBe(200);
  const closes = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const round = await op('POST', '/rondes', { regionId, groups: [group], closes, omitThemes: [], extraQuestions: [] });
  expect(round.status).toBe(201);
  return { regionId, roundId: (round.body as { roundId: string }).roundId };
}

async function personalLink(roundId: string, group: GroupId): Promise<string> {
  const made = await op('POST', `/rondes/${roundId}/uitnodigingen`, { group, count: 1 });
  expect(made.status).toBe(201);
  return local((made.body as { links: string[] }).links[0]!);
}

const questionnaireOf = (group: GroupId): RoundQuestionnaire => tailor(currentQuestionnaire(group), { omitThemes: [], extraQuestions: [] });

/** The answer label given to item n of a theme: varied, so a kept answer is not a coincidence. */
const likertLabel = (n: number) => LIKERT_SCALE[n % LIKERT_SCALE.length]!.label;

const statement = (page: Page, number: number) => page.getByRole('group', { name: new RegExp(`^Vraag ${number}\\.`) });

/** Answers the theme on step `step` (1-based) by label. */
async function answerTheme(page: Page, rq: RoundQuestionnaire, step: number) {
  const kind = questionnaireSteps(rq)[step - 1]!;
  if (kind.kind !== 'theme') throw new Error(`step ${step} is no theme`);
  const numbers = new Map(itemsOf(rq).map((i) => [i.id, i.number]));
  for (const item of kind.theme.items) {
    const n = numbers.get(item.id)!;
    await statement(page, n).getByLabel(likertLabel(n), { exact: true }).check();
  }
}

/** Whether every item of the theme on `step` shows the answer answerTheme gave. */
async function expectThemeKept(page: Page, rq: RoundQuestionnaire, step: number) {
  const kind = questionnaireSteps(rq)[step - 1]!;
  if (kind.kind !== 'theme') throw new Error(`step ${step} is no theme`);
  const numbers = new Map(itemsOf(rq).map((i) => [i.id, i.number]));
  for (const item of kind.theme.items) {
    const n = numbers.get(item.id)!;
    expect(await statement(page, n).getByLabel(likertLabel(n), { exact: true }).isChecked(), `vraag ${n}`).toBe(true);
  }
}

async function answerClosing(page: Page, rq: RoundQuestionnaire) {
  await page.getByRole('group', { name: rq.grade.text }).getByLabel('7', { exact: true }).check();
  if (rq.open[0]) await page.getByLabel(`${rq.open[0].text} (niet verplicht)`).fill('De korte lijnen met de school.');
}

/** Ouders en jongeren are addressed as "je" (or "jou"): never "u" or "uw" in the main content. */
async function expectAddress(page: Page, rq: RoundQuestionnaire) {
  if (rq.address !== 'je') return;
  const text = await page.locator('main').innerText();
  expect(text, page.url()).toMatch(/\b([Jj]e|[Jj]ouw?)\b/);
  expect(text, page.url()).not.toMatch(/(^|[\s(])(u|uw|U|Uw)[\s.,:?!)]/);
}

const stepUrl = (link: string, n: number | 'klaar') => `${link}/${n}`;

/**
 * Answers from the page the browser is on (step `from`) to the thank-you page, running
 * `onEachPage` on every step, the check page and the thank-you page.
 */
async function answerToTheEnd(page: Page, link: string, rq: RoundQuestionnaire, from: number, onEachPage?: (page: Page) => Promise<void>) {
  const steps = questionnaireSteps(rq);
  for (let n = from; n <= steps.length; n++) {
    expect(page.url()).toBe(stepUrl(link, n));
    expect(await textOf(page.locator('.maoj-step-count'))).toBe(`Stap ${n} van ${steps.length}`);
    await onEachPage?.(page);
    const kind = steps[n - 1]!;
    if (kind.kind === 'theme') {
      await answerTheme(page, rq, n);
      await page.getByRole('button', { name: n === steps.length - 1 ? 'Naar controle' : 'Volgende stap' }).click();
    } else if (kind.kind === 'afsluiting') {
      await answerClosing(page, rq);
      await page.getByRole('button', { name: 'Naar controle' }).click();
    } else {
      expect(await heading(page)).toBe(rq.address === 'je' ? 'Controleer je antwoorden' : 'Controleer uw antwoorden');
      if (rq.open[0]) expect(await page.locator('main').innerText()).toContain('De korte lijnen met de school.');
      await page.getByRole('button', { name: 'Versturen' }).click();
    }
  }
  await page.waitForURL(stepUrl(link, 'klaar'));
  expect(await heading(page)).toBe('Bedankt voor het invullen');
  await onEachPage?.(page);
}

describe('the three questionnaires in the browser', () => {
  it.concurrent.each(['beleid', 'uitvoering', 'ouders-jongeren'] as const)('%s: resumes on another device, survives Back, passes axe on every page, is sent once', async (group) => {
    const rq = questionnaireOf(group);
    const { roundId } = await regionWithRound(group);
    const link = await personalLink(roundId, group);

    // Device 1: the link opens step 1; answer it, then stop.
    const first = await browser.newContext();
    let page = await first.newPage();
    await page.goto(link);
    expect(page.url()).toBe(stepUrl(link, 1));
    await expectNoViolations(page);
    await expectAddress(page, rq);
    if (rq.address === 'je') expect(await page.locator('main').innerText()).toMatch(/ je |Je /);
    await answerTheme(page, rq, 1);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.waitForURL(stepUrl(link, 2));
    await first.close();

    // Device 2: the same link continues at step 2, and step 1 kept its answers.
    const second = await browser.newContext();
    page = await second.newPage();
    await page.goto(link);
    expect(page.url()).toBe(stepUrl(link, 2));
    await expectNoViolations(page);
    await expectAddress(page, rq);
    await page.getByRole('button', { name: 'Vorige stap' }).click();
    await page.waitForURL(stepUrl(link, 1));
    await expectThemeKept(page, rq, 1);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.waitForURL(stepUrl(link, 2));

    // Answer step 2, then the browser's Back button: a plain GET of step 2, no resubmission.
    await answerTheme(page, rq, 2);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.waitForURL(stepUrl(link, 3));
    const back = await page.goBack();
    expect(page.url()).toBe(stepUrl(link, 2));
    if (back) {
      expect(back.status()).toBe(200);
      expect(back.request().method()).toBe('GET');
    }
    expect(await page.title()).not.toMatch(/^Fout: /);
    expect(await textOf(page.locator('.maoj-step-count'))).toMatch(/^Stap 2 van /);
    await expectThemeKept(page, rq, 2);
    await page.goForward();
    expect(page.url()).toBe(stepUrl(link, 3));

    // The rest, with axe on every step, the check page and the thank-you page.
    let checked = 0;
    await answerToTheEnd(page, link, rq, 3, async (p) => {
      checked++;
      await expectNoViolations(p);
      await expectAddress(p, rq);
    });
    expect(checked).toBe(questionnaireSteps(rq).length - 2 + 1); // steps 3 to the check page, and the thank-you page

    // The link now says it was used, on any device.
    await page.goto(link);
    expect(await heading(page)).toBe('Deze vragenlijst is al ingevuld');
    await expectNoViolations(page);
    await second.close();
  });
});

describe.concurrent('questionnaires: no JavaScript, the shared link, the response page', () => {
  it('a questionnaire can be answered fully with JavaScript off', async () => {
    const rq = questionnaireOf('uitvoering');
    const { roundId } = await regionWithRound('uitvoering');
    const link = await personalLink(roundId, 'uitvoering');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link);
    // First without answers: the server shows the errors, and nothing is lost.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByRole('alert').getByRole('link').count()).toBe(rq.themes[0]!.items.length);
    await answerTheme(page, rq, 1);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.waitForURL(stepUrl(link, 2));
    await answerToTheEnd(page, link, rq, 2);
    await context.close();
  });

  it('the shared link hands out a code that continues on another device', async () => {
    const group = 'ouders-jongeren';
    const rq = questionnaireOf(group);
    const { roundId } = await regionWithRound(group);
    const shared = await op('POST', `/rondes/${roundId}/open-link`, { group });
    expect(shared.status).toBe(201);
    const sharedUrl = local((shared.body as { link: string }).link);

    const first = await browser.newContext();
    let page = await first.newPage();
    await page.goto(sharedUrl);
    expect(await heading(page)).toBe(rq.title);
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Begin met de vragenlijst' }).click();
    await page.waitForURL(/\/api\/vragenlijst\/[0-9A-Z]{16}\/1$/);
    const code = page.url().split('/').slice(-2)[0]!;
    const shown = await textOf(page.locator('.maoj-code'));
    expect(shown).toBe(code.match(/.{4}/g)!.join('-'));
    expect(await page.locator('main').innerText()).toContain('Je code om later verder te gaan');
    await expectNoViolations(page);
    await answerTheme(page, rq, 1);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.waitForURL(/\/2$/);
    await first.close();

    const second = await browser.newContext();
    page = await second.newPage();
    await page.goto(sharedUrl);
    // A wrong code first: a clear error at the field, without violations.
    await page.getByLabel('Je code', { exact: true }).fill('abcd');
    await page.getByRole('button', { name: 'Ga verder met de vragenlijst' }).click();
    expect(await page.title()).toMatch(/^Fout: /);
    await expectNoViolations(page);
    const typed = code.toLowerCase().match(/.{4}/g)!.join(' ');
    await page.getByLabel('Je code', { exact: true }).fill(typed);
    await page.getByLabel('Je code', { exact: true }).press('Enter');
    const link = `${system.baseUrl}/api/vragenlijst/${code}`;
    await page.waitForURL(stepUrl(link, 2));
    expect(await textOf(page.locator('.maoj-code'))).toBe(shown);
    await page.getByRole('button', { name: 'Vorige stap' }).click();
    await page.waitForURL(stepUrl(link, 1));
    await expectThemeKept(page, rq, 1);
    await second.close();
  });

  it("the region's private response page shows the counts table and passes axe", async () => {
    const { regionId, roundId } = await regionWithRound('beleid');
    const link = await personalLink(roundId, 'beleid');
    await personalLink(roundId, 'beleid');
    const rq = questionnaireOf('beleid');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await answerToTheEnd(page, link, rq, 1);

    const region = await op('GET', `/regios/${regionId}`);
    const statusLink = local((region.body as { statusLink: string }).statusLink);
    const res = await page.goto(statusLink);
    expect(res!.status()).toBe(200);
    expect(await heading(page)).toBe('Respons van Regio Test beleid');
    const table = page.getByRole('table', { name: 'Respons per groep' });
    const header = await table.getByRole('columnheader').allInnerTexts();
    expect(header.map((h) => h.trim())).toEqual(['Groep', 'Uitnodigingen', 'Begonnen', 'Ingevuld', 'Respons', 'Ingevuld via gedeelde link']);
    const row = await table.getByRole('row', { name: /Vragenlijst voor Beleid/ }).getByRole('cell').allInnerTexts();
    expect(row.map((c) => c.trim())).toEqual(['2', '1', '1', '50%', '0']);
    await expectNoViolations(page);
    await context.close();
  });
});

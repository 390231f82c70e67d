import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GEMEENTEN } from '../../shared/areas/gemeenten.ts';
import { resetRuntimeConfig } from '../../shared/config/runtime.ts';
import { HONEYPOT_FIELD } from '../../shared/forms/bot-check.ts';
import { REGIOSCAN_MIN_FILL_SECONDS, REGISTRATION_MIN_FILL_SECONDS, REGISTRATIONS_PER_IP_PER_HOUR } from '../../shared/privacy.ts';
import { STATEMENTS } from '../../shared/regioscan/definition.ts';
import { createRegioscanDraft } from '../../shared/regioscan/draft.ts';
import { createRegistrationDraft } from '../../shared/registration/draft.ts';
import { emptyState as emptyRegistrationState } from '../../shared/registration/flow.ts';
import { stepForms } from '../unit/registration/fixtures.ts';
import { emptyState } from '../../shared/regioscan/flow.ts';
import { postJson } from '../helpers/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

/**
 * The bot check through the local gateway with the real defaults of shared/privacy.ts (the other test
 * files switch the minimum fill time and the hourly limit off through the environment).
 */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(() => system.close());

function useDefaults(overrides: Record<string, string> = {}) {
  delete process.env.FORM_MIN_FILL_SECONDS;
  delete process.env.FORM_RATE_LIMIT_PER_HOUR;
  // The tests of this file start many drafts from one address; one test below sets a small limit.
  process.env.FORM_DRAFT_LIMIT_PER_HOUR = '100000';
  Object.assign(process.env, overrides);
  resetRuntimeConfig();
}
beforeEach(() => useDefaults());

/** What the registration once carried in a hidden field as its start time: a form post's own claim is ignored now. */
const STAMP_FIELD = 'gestart';
const claimedStart = (secondsAgo: number) => `${Math.floor(Date.now() / 1000) - secondsAgo}.${'ab'.repeat(32)}`;

async function postForm(path: string, form: URLSearchParams, headers: Record<string, string> = {}) {
  const res = await fetch(`${system.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form.toString(),
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const itemsOf = async (pk: string) => (await system.items()).filter((i) => i.pk === pk);
/** Regions are keyed by their own id, not the registration's: count them. */
const regionCount = async () => (await system.items()).filter((i) => i.sk === 'REGION').length;

// The Regioscan: a server-side draft with every step answered, made `secondsAgo` in the past (its
// start time is the bot check's clock), and the final post of its email step.
async function regioscanDraft(secondsAgo: number): Promise<string> {
  const deps = { store: { doc: system.doc, tableName: system.tableName }, key: Buffer.from(process.env.TOKEN_KEY!, 'utf8'), now: () => new Date(Date.now() - secondsAgo * 1000) };
  const draftId = await createRegioscanDraft(deps, { ...emptyState(), gemeente: 'GM0363', rol: 'gemeente' });
  for (const step of [2, 3, 4, 5]) {
    const res = await postForm(`/api/regioscan/${draftId}/stap/${step}`, new URLSearchParams(Object.fromEntries(STATEMENTS.map((s) => [s.id, '4']))));
    expect(res.status).toBe(303);
  }
  return draftId;
}
const regioscanSend = (draftId: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  postForm(`/api/regioscan/${draftId}/versturen`, new URLSearchParams({ toestemming: 'ja', actie: 'volgende', ...fields }), headers);
/** The stored submissions (the form keeps the submission id in the draft only). */
const submissionCount = async () => (await system.items()).filter((i) => i.sk === 'SUBMISSION').length;

// The registration: a server-side draft with every step answered, made `secondsAgo` in the past (its
// start time is the bot check's clock), and the final post of its check page.
const gemeente = GEMEENTEN.find((g) => g.code === 'GM0363')!;
async function registrationDraft(secondsAgo: number): Promise<string> {
  const deps = { store: { doc: system.doc, tableName: system.tableName }, key: Buffer.from(process.env.TOKEN_KEY!, 'utf8'), now: () => new Date(Date.now() - secondsAgo * 1000) };
  const { registrationId: _, ...reg } = registrationJson();
  const forms = stepForms(reg);
  const draftId = await createRegistrationDraft(deps, { ...emptyRegistrationState(), regionName: reg.regionName });
  for (let n = 2; n <= 6; n++) expect((await postForm(`/api/aanmelden/${draftId}/stap/${n}`, forms[n - 1]!)).status).toBe(303);
  return draftId;
}
const registrationSend = (draftId: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  postForm(`/api/aanmelden/${draftId}/versturen`, new URLSearchParams({ actie: 'volgende', ...fields }), headers);
const registrationJson = () => ({
  registrationId: randomUUID(),
  regionName: 'Regio Botvrij',
  gemeenten: [gemeente.code],
  swvPo: [gemeente.swvPo],
  swvVo: [gemeente.swvVo],
  contactGemeenten: { name: 'Anna de Vries', role: 'Beleidsadviseur', email: testAddress() },
  contactSwv: { name: 'Bram Jansen', role: 'Directeur', email: testAddress() },
  bevestiging: true,
});
const regioscanJson = () => ({
  submissionId: randomUUID(),
  gemeente: 'GM0363',
  rol: 'gemeente',
  antwoorden: Object.fromEntries(STATEMENTS.map((s) => [s.id, '3'])),
  toestemming: true,
});

describe('minimum fill time (defaults of shared/privacy.ts)', () => {
  it('Regioscan: the clock starts when the draft is made; sending at once gives 400 TOO_FAST with the answers kept, and nothing is stored', async () => {
    const start = await postForm('/api/regioscan/stap', new URLSearchParams({ gemeente: 'GM0363', rol: 'gemeente', actie: 'volgende' }));
    expect(start.status).toBe(303);
    const draftId = /\/api\/regioscan\/([^/]+)\/stap\/2$/.exec(start.headers.get('location')!)![1]!;
    for (const step of [2, 3, 4, 5]) await postForm(`/api/regioscan/${draftId}/stap/${step}`, new URLSearchParams(Object.fromEntries(STATEMENTS.map((s) => [s.id, '4']))));
    // No stamp travels in the form: nothing to forge.
    const page = await fetch(`${system.baseUrl}/api/regioscan/${draftId}/stap/7`).then((r) => r.text());
    expect(page).not.toContain(`name="${STAMP_FIELD}"`);
    const submissions = await submissionCount();
    const res = await regioscanSend(draftId, { email: 'iemand@example.nl', [STAMP_FIELD]: claimedStart(600) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('U verstuurde het formulier erg snel');
    // The email step again, with the address; the answers wait in the draft.
    expect(res.text).toContain('value="iemand@example.nl"');
    expect(res.text).toContain(`action="/api/regioscan/${draftId}/versturen"`);
    expect(await submissionCount()).toBe(submissions);
    const check = await fetch(`${system.baseUrl}/api/regioscan/${draftId}/stap/6`).then((r) => r.text());
    expect(check.split('>Eens<').length - 1).toBe(STATEMENTS.length);
  });

  it('Regioscan: from the minimum on the form post is stored; just before it is not', async () => {
    const submissions = await submissionCount();
    const tooSoon = await regioscanSend(await regioscanDraft(REGIOSCAN_MIN_FILL_SECONDS - 2));
    expect(tooSoon.status).toBe(400);
    expect(await submissionCount()).toBe(submissions);
    const draftId = await regioscanDraft(REGIOSCAN_MIN_FILL_SECONDS);
    const res = await regioscanSend(draftId);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/api/regioscan/${draftId}/uitkomst`);
    expect(await submissionCount()).toBe(submissions + 1);
  });

  it('Regioscan JSON (programs) carries no stamp: only the rate limit applies', async () => {
    expect((await postJson(system.baseUrl, '/api/regioscan', regioscanJson())).status).toBe(201);
  });

  it('registration: the clock starts when the draft is made (step 1); sent at once gives 400 with the data kept, from the minimum on it is stored', async () => {
    const regions = await regionCount();
    const start = await postForm('/api/aanmelden/stap', new URLSearchParams({ regionName: 'Regio Botvrij', actie: 'volgende' }));
    expect(start.status).toBe(303);
    const draftId = /\/api\/aanmelden\/([^/]+)\/stap\/2$/.exec(start.headers.get('location')!)![1]!;
    const { registrationId: _, ...reg } = registrationJson();
    const forms = stepForms(reg);
    for (let n = 2; n <= 6; n++) expect((await postForm(`/api/aanmelden/${draftId}/stap/${n}`, forms[n - 1]!)).status).toBe(303);
    // No stamp travels in the form: nothing to forge.
    const check = await fetch(`${system.baseUrl}/api/aanmelden/${draftId}/stap/7`).then((r) => r.text());
    expect(check).not.toContain(`name="${STAMP_FIELD}"`);
    const res = await registrationSend(draftId, { [STAMP_FIELD]: claimedStart(600) });
    expect(res.status).toBe(400);
    expect(res.text).toContain('U verstuurde de aanmelding erg snel');
    expect(res.text).toContain('Anna de Vries');
    expect(res.text).toContain(`action="/api/aanmelden/${draftId}/versturen"`);
    expect(await regionCount()).toBe(regions);

    expect((await registrationSend(await registrationDraft(REGISTRATION_MIN_FILL_SECONDS - 2))).status).toBe(400);
    expect(await regionCount()).toBe(regions);
    const ready = await registrationDraft(REGISTRATION_MIN_FILL_SECONDS);
    const ok = await registrationSend(ready);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/api/aanmelden/${ready}/ontvangen`);
    expect(await regionCount()).toBe(regions + 1);
  });
});

describe('honeypot', () => {
  it('Regioscan: a filled honeypot gives 400 FORM_REJECTED with a Dutch page, and nothing is stored', async () => {
    const submissions = await submissionCount();
    const draftId = await regioscanDraft(60);
    const res = await regioscanSend(draftId, { [HONEYPOT_FIELD]: 'https://spam.example' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Wij konden het formulier niet verwerken');
    expect(res.text).toContain('href="/regioscan/"');
    expect(await submissionCount()).toBe(submissions);
    // An empty honeypot (what a person sends) passes.
    const fine = await regioscanSend(draftId, { [HONEYPOT_FIELD]: '' });
    expect(fine.status).toBe(303);
    expect(await submissionCount()).toBe(submissions + 1);
  });

  it('registration: a filled honeypot on the check page gives 400 FORM_REJECTED, and nothing is stored', async () => {
    const regions = await regionCount();
    const draftId = await registrationDraft(60);
    const check = await fetch(`${system.baseUrl}/api/aanmelden/${draftId}/stap/7`).then((r) => r.text());
    expect(check.split(`name="${HONEYPOT_FIELD}"`).length - 1).toBe(1);
    const res = await registrationSend(draftId, { [HONEYPOT_FIELD]: 'x' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Wij konden de aanmelding niet verwerken');
    expect(await regionCount()).toBe(regions);
    expect((await registrationSend(draftId, { [HONEYPOT_FIELD]: '' })).status).toBe(303);
    expect(await regionCount()).toBe(regions + 1);
  });

  it('registration form post over the limit: 429 with Retry-After and the check page again; nothing stored, the draft not sent', async () => {
    useDefaults({ FORM_RATE_LIMIT_PER_HOUR: '1' });
    const E = '2001:db8::e';
    expect((await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), { 'x-forwarded-for': E })).status).toBe(201);
    const regions = await regionCount();
    const draftId = await registrationDraft(60);
    const res = await registrationSend(draftId, {}, { 'x-forwarded-for': E });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('Uw gegevens staan hieronder nog.');
    expect(res.text).toContain('Anna de Vries');
    expect(await regionCount()).toBe(regions);
    expect((await fetch(`${system.baseUrl}/api/aanmelden/${draftId}/stap/7`, { redirect: 'manual' })).status).toBe(200);
  });
});

describe('rate limit per keyed-hashed address', () => {
  const A = '203.0.113.7';
  const B = '198.51.100.9';
  const C = '192.0.2.44';
  const xff = (ip: string) => ({ 'x-forwarded-for': ip });

  it(`registration: the ${REGISTRATIONS_PER_IP_PER_HOUR + 1}th submit in an hour from one address gets 429 with Retry-After; another address passes`, async () => {
    for (let i = 0; i < REGISTRATIONS_PER_IP_PER_HOUR; i++) expect((await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), xff(A))).status).toBe(201);
    const regions = await regionCount();
    const res = await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), xff(A));
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('RATE_LIMITED');
    expect(res.json.error.message).toMatch(/Probeer het over \d+ minu(ut|ten) opnieuw/);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await regionCount()).toBe(regions);

    // Only the last X-Forwarded-For entry counts (the one CloudFront appends): a made-up first entry changes nothing.
    expect((await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), { 'x-forwarded-for': `${B}, ${A}` })).status).toBe(429);
    expect((await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), xff(B))).status).toBe(201);
  });

  it('a double submit or a conflict stored nothing new and does not count', async () => {
    const first = registrationJson();
    expect((await postJson(system.baseUrl, '/api/aanmelden', first, xff(C))).status).toBe(201);
    for (let i = 0; i < REGISTRATIONS_PER_IP_PER_HOUR; i++) expect((await postJson(system.baseUrl, '/api/aanmelden', first, xff(C))).status).toBe(200);
    expect((await postJson(system.baseUrl, '/api/aanmelden', { ...first, regionName: 'Regio Anders' }, xff(C))).status).toBe(409);
    for (let i = 1; i < REGISTRATIONS_PER_IP_PER_HOUR; i++) expect((await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), xff(C))).status).toBe(201);
    expect((await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), xff(C))).status).toBe(429);
  });

  it('Regioscan form post over the limit: 429 with Retry-After and the form again; nothing stored', async () => {
    useDefaults({ FORM_RATE_LIMIT_PER_HOUR: '2' });
    const D = '2001:db8::d';
    for (let i = 0; i < 2; i++) expect((await postJson(system.baseUrl, '/api/regioscan', regioscanJson(), xff(D))).status).toBe(201);
    const submissions = await submissionCount();
    const draftId = await regioscanDraft(60);
    const res = await regioscanSend(draftId, {}, xff(D));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('Vanaf uw netwerk zijn het afgelopen uur veel formulieren verstuurd');
    expect(res.text).toContain('Uw antwoorden staan nog klaar.');
    expect(await submissionCount()).toBe(submissions);
    // The draft is not sent: the email step is still there.
    expect((await fetch(`${system.baseUrl}/api/regioscan/${draftId}/stap/7`, { redirect: 'manual' })).status).toBe(200);
    // The Regioscan and the registration are counted apart.
    expect((await postJson(system.baseUrl, '/api/aanmelden', registrationJson(), xff(D))).status).toBe(201);
  });

  it('keeps no address in the table: the counter key is a keyed hash, and it expires within about 2 hours', async () => {
    const items = await system.items();
    const counters = items.filter((i) => String(i.pk).startsWith('RATELIMIT#'));
    expect(counters.length).toBeGreaterThan(0);
    const now = Date.now() / 1000;
    for (const c of counters) {
      expect(c.pk).toMatch(/^RATELIMIT#[0-9a-f]{64}$/);
      expect(c.sk).toBe('WINDOW');
      expect(Object.keys(c).sort()).toEqual(['count', 'expiresAt', 'pk', 'sk']);
      expect(c.expiresAt as number).toBeGreaterThan(now);
      expect(c.expiresAt as number).toBeLessThanOrEqual(now + 2 * 3600);
    }
    const text = JSON.stringify(items);
    const hour = new Date().toISOString().slice(0, 13);
    for (const ip of [A, B, C, '2001:db8::d', '127.0.0.1']) {
      expect(text).not.toContain(ip);
      // Not a plain hash of the address either, alone or with the hour.
      for (const input of [ip, `${hour}${ip}`, `${ip}${hour}`, `registration${hour}${ip}`]) {
        expect(text).not.toContain(createHash('sha256').update(input).digest('hex'));
      }
    }
  });
});

describe('starting a form is limited too (each start stores a draft for a day)', () => {
  const draftCount = async () => (await system.items()).filter((i) => String(i.pk).startsWith('DRAFT#')).length;

  it('the 3rd start in an hour from one address (limit 2) gets 429 with Retry-After and a Dutch page, and stores no draft; another address passes', async () => {
    useDefaults({ FORM_DRAFT_LIMIT_PER_HOUR: '2' });
    const D = '203.0.113.99';
    const regioscanStart = () => new URLSearchParams({ gemeente: 'GM0363', rol: 'gemeente', actie: 'volgende' });
    for (let i = 0; i < 2; i++) expect((await postForm('/api/regioscan/stap', regioscanStart(), { 'x-forwarded-for': D })).status).toBe(303);
    const drafts = await draftCount();
    const refused = await postForm('/api/regioscan/stap', regioscanStart(), { 'x-forwarded-for': D });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.text).toContain('Probeer het over');
    expect(refused.text).toContain('href="/regioscan/stap-1/"');
    expect(await draftCount()).toBe(drafts);
    // The registration counts apart, and another address is not affected.
    const { registrationId: _, ...reg } = registrationJson();
    expect((await postForm('/api/aanmelden/stap', stepForms(reg)[0]!, { 'x-forwarded-for': D })).status).toBe(303);
    expect((await postForm('/api/regioscan/stap', regioscanStart(), { 'x-forwarded-for': '198.51.100.99' })).status).toBe(303);
  });
});

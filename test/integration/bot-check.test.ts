import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GEMEENTEN } from '../../shared/areas/gemeenten.ts';
import { derivePurposeKey } from '../../shared/aws/secrets.ts';
import { resetRuntimeConfig } from '../../shared/config/runtime.ts';
import { HONEYPOT_FIELD, STAMP_FIELD, signStamp, verifyStamp, type BotForm } from '../../shared/forms/bot-check.ts';
import { REGIOSCAN_MIN_FILL_SECONDS, REGISTRATION_MIN_FILL_SECONDS, REGISTRATIONS_PER_IP_PER_HOUR } from '../../shared/privacy.ts';
import { STATEMENTS } from '../../shared/regioscan/definition.ts';
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
  Object.assign(process.env, overrides);
  resetRuntimeConfig();
}
beforeEach(() => useDefaults());

const formKey = () => derivePurposeKey(Buffer.from(process.env.TOKEN_KEY!, 'utf8'), 'form-start');
/** A stamp as the step route makes it, `secondsAgo` in the past. */
const stampAgo = (form: BotForm, id: string, secondsAgo: number) => signStamp(formKey(), form, id, new Date(Date.now() - secondsAgo * 1000));

async function postForm(path: string, form: URLSearchParams, headers: Record<string, string> = {}) {
  const res = await fetch(`${system.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form.toString(),
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The hidden fields of a rendered form page. */
function hiddenFields(page: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out.append(m[1]!, m[2]!);
  return out;
}

const itemsOf = async (pk: string) => (await system.items()).filter((i) => i.pk === pk);
/** Regions are keyed by their own id, not the registration's: count them. */
const regionCount = async () => (await system.items()).filter((i) => i.sk === 'REGION').length;

// The Regioscan: the final form post as the email step sends it.
function regioscanForm(fields: Record<string, string | undefined> = {}): URLSearchParams {
  const form = new URLSearchParams({ stap: '7', gemeente: 'GM0363', rol: 'gemeente', toestemming: 'ja', actie: 'volgende' });
  for (const s of STATEMENTS) form.set(s.id, '4');
  for (const [k, v] of Object.entries(fields)) if (v === undefined) form.delete(k); else form.set(k, v);
  return form;
}

// The registration: the final form post as the check step sends it.
const gemeente = GEMEENTEN.find((g) => g.code === 'GM0363')!;
function registrationForm(fields: Record<string, string | undefined> = {}): URLSearchParams {
  const form = new URLSearchParams({
    stap: '7',
    regionName: 'Regio Botvrij',
    gemeenten: gemeente.code,
    swvPo: gemeente.swvPo,
    swvVo: gemeente.swvVo,
    'contactGemeenten.name': 'Anna de Vries',
    'contactGemeenten.role': 'Beleidsadviseur',
    'contactGemeenten.email': testAddress(),
    'contactSwv.name': 'Bram Jansen',
    'contactSwv.role': 'Directeur',
    'contactSwv.email': testAddress(),
    bevestiging: 'ja',
    actie: 'volgende',
  });
  for (const [k, v] of Object.entries(fields)) if (v === undefined) form.delete(k); else form.set(k, v);
  return form;
}
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
  it('Regioscan: step 1 stamps the form; sending it at once gives 400 TOO_FAST with the answers, and nothing is stored', async () => {
    const step2 = await postForm('/api/regioscan/stap', new URLSearchParams({ stap: '1', gemeente: 'GM0363', rol: 'gemeente', actie: 'volgende' }));
    expect(step2.status).toBe(200);
    const carried = hiddenFields(step2.text);
    const id = carried.get('submissionId')!;
    const stamp = carried.get(STAMP_FIELD)!;
    expect(verifyStamp(formKey(), 'regioscan', id, stamp)).toBeGreaterThan(Date.now() / 1000 - 60);

    // Later steps keep the stamp (the clock does not restart).
    const step3 = await postForm('/api/regioscan/stap', new URLSearchParams([...carried, ['stap', '2'], ['v01', '4'], ['v02', '4'], ['v03', '4'], ['v04', '4']]));
    expect(hiddenFields(step3.text).get(STAMP_FIELD)).toBe(stamp);

    const res = await postForm('/api/regioscan', regioscanForm({ submissionId: id, [STAMP_FIELD]: stamp, email: 'iemand@example.nl' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('U verstuurde het formulier erg snel');
    expect(res.text).toContain('data-error-summary');
    // The form again, with every answer and the same stamp: sending again a moment later works.
    const again = hiddenFields(res.text);
    for (const s of STATEMENTS) expect(again.get(s.id)).toBe('4');
    expect(again.get(STAMP_FIELD)).toBe(stamp);
    expect(res.text).toContain('value="iemand@example.nl"');
    expect(res.text).toMatch(/<form method="post" action="\/api\/regioscan"/);
    expect(await itemsOf(`REGIOSCAN#${id}`)).toEqual([]);
  });

  it('Regioscan: a missing or forged stamp counts as too fast; the form shown again carries a fresh stamp', async () => {
    for (const stamp of [undefined, '1700000000.' + 'ab'.repeat(32), stampAgo('registration', randomUUID(), 60), 'nonsense']) {
      const id = randomUUID();
      const res = await postForm('/api/regioscan', regioscanForm({ submissionId: id, [STAMP_FIELD]: stamp }));
      expect(res.status).toBe(400);
      expect(res.text).toContain('erg snel');
      expect(verifyStamp(formKey(), 'regioscan', id, hiddenFields(res.text).get(STAMP_FIELD) ?? undefined)).toBeDefined();
      expect(await itemsOf(`REGIOSCAN#${id}`)).toEqual([]);
    }
    // A stamp of another submission does not count either.
    const res = await postForm('/api/regioscan', regioscanForm({ submissionId: randomUUID(), [STAMP_FIELD]: stampAgo('regioscan', randomUUID(), 60) }));
    expect(res.status).toBe(400);
  });

  it('Regioscan: from the minimum on the form post is stored; just before it is not', async () => {
    const early = randomUUID();
    const tooSoon = await postForm('/api/regioscan', regioscanForm({ submissionId: early, [STAMP_FIELD]: stampAgo('regioscan', early, REGIOSCAN_MIN_FILL_SECONDS - 2) }));
    expect(tooSoon.status).toBe(400);
    const id = randomUUID();
    const res = await postForm('/api/regioscan', regioscanForm({ submissionId: id, [STAMP_FIELD]: stampAgo('regioscan', id, REGIOSCAN_MIN_FILL_SECONDS) }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Uw uitkomst van de Regioscan');
    expect(await itemsOf(`REGIOSCAN#${id}`)).toHaveLength(1);
  });

  it('Regioscan JSON (programs) carries no stamp: only the rate limit applies', async () => {
    expect((await postJson(system.baseUrl, '/api/regioscan', regioscanJson())).status).toBe(201);
  });

  it('registration: sent at once after step 1 gives 400 with the data kept; from the minimum on it is stored', async () => {
    const regions = await regionCount();
    const step2 = await postForm('/api/aanmelden/stap', new URLSearchParams({ stap: '1', regionName: 'Regio Botvrij', actie: 'volgende' }));
    expect(step2.status).toBe(200);
    const carried = hiddenFields(step2.text);
    const id = carried.get('registrationId')!;
    const stamp = carried.get(STAMP_FIELD)!;
    expect(verifyStamp(formKey(), 'registration', id, stamp)).toBeDefined();

    const res = await postForm('/api/aanmelden', registrationForm({ registrationId: id, [STAMP_FIELD]: stamp }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('U verstuurde de aanmelding erg snel');
    expect(res.text).toContain('Anna de Vries');
    expect(hiddenFields(res.text).get(STAMP_FIELD)).toBe(stamp);

    const forged = await postForm('/api/aanmelden', registrationForm({ registrationId: id, [STAMP_FIELD]: undefined }));
    expect(forged.status).toBe(400);

    const early = await postForm('/api/aanmelden', registrationForm({ registrationId: id, [STAMP_FIELD]: stampAgo('registration', id, REGISTRATION_MIN_FILL_SECONDS - 2) }));
    expect(early.status).toBe(400);
    expect(await regionCount()).toBe(regions);
    const ok = await postForm('/api/aanmelden', registrationForm({ registrationId: id, [STAMP_FIELD]: stampAgo('registration', id, REGISTRATION_MIN_FILL_SECONDS) }));
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('Wij hebben uw aanmelding ontvangen');
    expect(await regionCount()).toBe(regions + 1);
  });
});

describe('honeypot', () => {
  it('Regioscan: a filled honeypot gives 400 FORM_REJECTED with a Dutch page, and nothing is stored', async () => {
    const id = randomUUID();
    const res = await postForm('/api/regioscan', regioscanForm({ submissionId: id, [STAMP_FIELD]: stampAgo('regioscan', id, 60), [HONEYPOT_FIELD]: 'https://spam.example' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Wij konden het formulier niet verwerken');
    expect(res.text).toContain('href="/regioscan/"');
    expect(await itemsOf(`REGIOSCAN#${id}`)).toEqual([]);
    // An empty honeypot (what a person sends) passes.
    const fine = await postForm('/api/regioscan', regioscanForm({ submissionId: id, [STAMP_FIELD]: stampAgo('regioscan', id, 60), [HONEYPOT_FIELD]: '' }));
    expect(fine.status).toBe(200);
  });

  it('registration: a filled honeypot gives 400 FORM_REJECTED, and nothing is stored', async () => {
    const regions = await regionCount();
    const id = randomUUID();
    const res = await postForm('/api/aanmelden', registrationForm({ registrationId: id, [STAMP_FIELD]: stampAgo('registration', id, 60), [HONEYPOT_FIELD]: 'x' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Wij konden de aanmelding niet verwerken');
    expect(await regionCount()).toBe(regions);
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

  it('Regioscan form post over the limit: 429 with Retry-After and the form with the answers; nothing stored', async () => {
    useDefaults({ FORM_RATE_LIMIT_PER_HOUR: '2' });
    const D = '2001:db8::d';
    for (let i = 0; i < 2; i++) expect((await postJson(system.baseUrl, '/api/regioscan', regioscanJson(), xff(D))).status).toBe(201);
    const id = randomUUID();
    const res = await postForm('/api/regioscan', regioscanForm({ submissionId: id, [STAMP_FIELD]: stampAgo('regioscan', id, 60) }), xff(D));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('Vanaf uw netwerk zijn het afgelopen uur veel formulieren verstuurd');
    expect(res.text).toContain('Uw antwoorden staan hieronder nog.');
    for (const s of STATEMENTS) expect(hiddenFields(res.text).get(s.id)).toBe('4');
    expect(await itemsOf(`REGIOSCAN#${id}`)).toEqual([]);
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

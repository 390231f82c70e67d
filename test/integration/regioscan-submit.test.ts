import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, sendDueMail, type MailDeps } from '../../shared/mail/outbox.ts';
import { THEMES } from '../../shared/regioscan/definition.ts';
import { MAIL_ADDRESS_TTL_SECONDS, MAILS_PER_ADDRESS_PER_DAY, REGIOSCAN_DRAFT_TTL_SECONDS } from '../../shared/privacy.ts';
import { createRegioscanDraft } from '../../shared/regioscan/draft.ts';
import { emptyState } from '../../shared/regioscan/flow.ts';
import { submitRegioscan } from '../../shared/regioscan/submit.ts';
import { submissionSchema } from '../../shared/regioscan/validation.ts';
import { freePort, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { answers, postJson, validSubmission } from '../helpers/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(() => system.close());

const byPk = async (submissionId: string) =>
  (await system.items()).filter((i) => i.pk === `REGIOSCAN#${submissionId}`);

describe('POST /api/regioscan against DynamoDB Local and the SES emulator', () => {
  it('stores a valid submission and mails the per-theme scores', async () => {
    const email = testAddress();
    // Theme 1: all "helemaal eens" (100); theme 2: all "oneens" (25); theme 3: 3x "weet ik niet" (no score);
    // theme 4: 1,2,3,4 -> 0,25,50,75 -> 37.5 -> 38.
    const body = validSubmission({
      email,
      antwoorden: answers({
        v01: '5', v02: '5', v03: '5', v04: '5',
        v05: '2', v06: '2', v07: '2', v08: '2',
        v09: 'weet-niet', v10: 'weet-niet', v11: 'weet-niet', v12: '4',
        v13: '1', v14: '2', v15: '3', v16: '4',
      }),
    });
    const res = await postJson(system.baseUrl, '/api/regioscan', body);
    expect(res.status).toBe(201);
    expect(res.json.email).toEqual({ status: 'sent' });
    expect(res.json.scores.map((s: { score: number | null }) => s.score)).toEqual([100, 25, null, 38]);

    const items = await byPk(body.submissionId as string);
    expect(items).toHaveLength(1); // the MAIL item is gone once sent
    const stored = items[0]!;
    expect(stored).toMatchObject({ sk: 'SUBMISSION', gemeente: 'GM0363', swvPo: 'PO 27-07', swvVo: 'VO 27-08', emailStatus: 'sent' });
    expect(JSON.stringify(stored)).not.toContain(email); // the address is not kept

    const mails = await system.emailsTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Uw uitkomst van de Regioscan voor Amsterdam');
    expect(mail.body.text).toContain('Score 100 van 100');
    expect(mail.body.text).toContain('Score 25 van 100');
    expect(mail.body.text).toContain('Geen score');
    expect(mail.body.text).toContain('Score 38 van 100');
    expect(mail.body.text).toContain(`http://localhost:4321/api/regioscan/uitkomst/${body.submissionId}`);
    for (const theme of THEMES) {
      expect(mail.body.text).toContain(theme.title);
      expect(mail.body.html).toContain(theme.title);
    }
  });

  it('stores one submission and sends one email when the same submission is sent twice', async () => {
    const email = testAddress();
    const body = validSubmission({ email });
    const [first, second] = await Promise.all([
      postJson(system.baseUrl, '/api/regioscan', body),
      postJson(system.baseUrl, '/api/regioscan', body),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    const third = await postJson(system.baseUrl, '/api/regioscan', body);
    expect(third.status).toBe(200);
    expect(third.json.duplicate).toBe(true);
    expect(third.json.scores).toEqual(first.json.scores);

    // Run the scheduled sender too: it must not send the email again.
    const sender = await system.loadHandler('mailSender');
    await (sender as unknown as () => Promise<unknown>)();
    expect(await byPk(body.submissionId as string)).toHaveLength(1);
    expect(await system.emailsTo(email)).toHaveLength(1);
  });

  it('refuses the same submission id with other answers (409) and keeps the first', async () => {
    const body = validSubmission();
    expect((await postJson(system.baseUrl, '/api/regioscan', body)).status).toBe(201);
    const other = await postJson(system.baseUrl, '/api/regioscan', { ...body, antwoorden: answers({ v01: '1', v02: '1' }) });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('SUBMISSION_CONFLICT');
    const [stored] = await byPk(body.submissionId as string);
    expect((stored!.antwoorden as Record<string, string>).v01).toBe('1'); // fixture: statement 1 -> "1"
    expect((stored!.antwoorden as Record<string, string>).v02).toBe('2');
  });

  it('loses nothing when SES is down: the submission is kept and the retry sends the email', async () => {
    const email = testAddress();
    const submission = submissionSchema.parse(validSubmission({ email }));
    // SES "stopped": a client whose endpoint has no server behind it.
    const deadPort = await freePort();
    const deadSes = new SESv2Client({ endpoint: `http://127.0.0.1:${deadPort}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    let clock = new Date(); // the real time: a TTL in the past is really deleted by DynamoDB Local
    const deps = (ses: SESv2Client): MailDeps => ({ doc: system.doc, ses, config: runtimeConfig(), now: () => clock });

    const outcome = await submitRegioscan(deps(deadSes), submission);
    expect(outcome).toMatchObject({ emailStatus: 'queued' });
    const items = await byPk(submission.submissionId);
    expect(items.map((i) => i.sk).sort()).toEqual(['MAIL', 'SUBMISSION']);
    expect(items.find((i) => i.sk === 'MAIL')).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.any(String) });
    expect(await system.emailsTo(email)).toHaveLength(0);

    // Before the backoff has passed, the sender leaves it alone.
    const realSes = new SESv2Client({ endpoint: system.sesEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    clock = new Date(clock.getTime() + 10_000);
    expect((await sendDueMail(deps(realSes))).sent).toBe(0);

    // SES is back and the retry is due: sent once, the address is gone.
    clock = new Date(clock.getTime() + RETRY_DELAYS_SECONDS[0] * 1000);
    const report = await sendDueMail(deps(realSes));
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(await system.emailsTo(email)).toHaveLength(1);
    const after = await byPk(submission.submissionId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ sk: 'SUBMISSION', emailStatus: 'sent' });
  });

  it('writes no email address or answers to the logs, also when sending fails', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture), vi.spyOn(console, 'warn').mockImplementation(capture)];
    try {
      const email = testAddress();
      const deadSes = new SESv2Client({ endpoint: `http://127.0.0.1:${await freePort()}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
      const deps: MailDeps = { doc: system.doc, ses: deadSes, config: runtimeConfig(), now: () => new Date() };
      await submitRegioscan(deps, submissionSchema.parse(validSubmission({ email })));
      await postJson(system.baseUrl, '/api/regioscan', validSubmission({ email }));
      expect(lines.length).toBeGreaterThanOrEqual(2); // the failure and the send were logged
      expect(lines.join('\n')).not.toMatch(/@|antwoorden|GM0363/);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('gives up after the last attempt and keeps the mail in the dead-letter state', async () => {
    const email = testAddress();
    const submission = submissionSchema.parse(validSubmission({ email }));
    const deadSes = new SESv2Client({ endpoint: `http://127.0.0.1:${await freePort()}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    let clock = new Date();
    const deps: MailDeps = { doc: system.doc, ses: deadSes, config: runtimeConfig(), now: () => clock };
    await submitRegioscan(deps, submission);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      clock = new Date(clock.getTime() + 13 * 3600 * 1000);
      await sendDueMail(deps);
    }
    const items = await byPk(submission.submissionId);
    expect(items.find((i) => i.sk === 'MAIL')).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, gsi1pk: 'MAIL#dead' });
    expect(items.find((i) => i.sk === 'SUBMISSION')).toMatchObject({ emailStatus: 'failed' });
    expect(items.find((i) => i.sk === 'MAIL')!.expiresAt).toEqual(expect.any(Number)); // the address still expires by TTL
  });

  it(`sends at most ${MAILS_PER_ADDRESS_PER_DAY} emails a day to one address, and says so`, async () => {
    const email = testAddress();
    const statuses: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i <= MAILS_PER_ADDRESS_PER_DAY; i++) {
      // The same address in other capitals is the same mailbox.
      const body = validSubmission({ email: i % 2 ? email.toUpperCase() : email });
      ids.push(`REGIOSCAN#${body.submissionId as string}`);
      const res = await postJson(system.baseUrl, '/api/regioscan', body);
      expect(res.status).toBe(201);
      statuses.push(res.json.email.status);
    }
    expect(statuses).toEqual([...Array(MAILS_PER_ADDRESS_PER_DAY).fill('sent'), 'limited']);
    expect((await system.emailsTo(email)).length + (await system.emailsTo(email.toUpperCase())).length).toBe(MAILS_PER_ADDRESS_PER_DAY);
    const all = await system.items();
    const items = all.filter((i) => ids.includes(String(i.pk)));
    expect(items.filter((i) => i.emailStatus === 'limited')).toHaveLength(1);
    expect(items.filter((i) => i.sk === 'MAIL')).toEqual([]); // the address of the limited one is gone too
    const counter = all.find((i) => String(i.pk).startsWith('MAILLIMIT#') && i.count === MAILS_PER_ADDRESS_PER_DAY);
    expect(counter).toBeDefined();
    expect(JSON.stringify(counter)).not.toContain(email.split('@')[0]!); // a hash, not the address
  });

  it('serves the result page behind the link, and 404 for an unknown one', async () => {
    const body = validSubmission();
    await postJson(system.baseUrl, '/api/regioscan', body);
    const page = await fetch(`${system.baseUrl}/api/regioscan/uitkomst/${body.submissionId}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Uitkomst van de Regioscan');
    expect(html).toContain('noindex');
    const missing = await fetch(`${system.baseUrl}/api/regioscan/uitkomst/00000000-0000-4000-8000-000000000000`, { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});

// The HTML form: every step a GET page of a server-side draft, every post answered with a redirect.
const FORM = 'application/x-www-form-urlencoded';
const DRAFT_ID = /^\/api\/regioscan\/([A-Za-z0-9_-]{22})\/stap\/2$/;

async function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${system.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': FORM, ...headers }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
}
async function get(path: string) {
  const res = await fetch(`${system.baseUrl}${path}`, { headers: { accept: 'text/html' }, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
}
const keysOf = (items: Record<string, unknown>[]) => new Set(items.map((i) => `${String(i.pk)}|${String(i.sk)}`));
/** The items written since `before` (a scan of the whole table). */
async function newItems(before: Set<string>) {
  return (await system.items()).filter((i) => !before.has(`${String(i.pk)}|${String(i.sk)}`));
}
const themeAnswers = (step: number, value: string) => Object.fromEntries(THEMES[step - 2]!.statements.map((s) => [s.id, value]));

/** Steps 1-5 through the form; returns the draft id. Every post must be a 303 to the next GET page. */
async function answerSteps(gemeente = 'GM0344'): Promise<string> {
  const first = await post('/api/regioscan/stap', { gemeente, rol: 'swv', actie: 'volgende' });
  expect(first.status).toBe(303);
  const draftId = DRAFT_ID.exec(first.location)![1]!;
  for (const [step, value] of [[2, '5'], [3, '2'], [4, 'weet-niet'], [5, '4']] as const) {
    const res = await post(`/api/regioscan/${draftId}/stap/${step}`, { ...themeAnswers(step, value), actie: 'volgende' });
    expect(res.status, `step ${step}`).toBe(303);
    expect(res.location).toBe(`/api/regioscan/${draftId}/stap/${step + 1}`);
    expect((await get(res.location)).status).toBe(200);
  }
  return draftId;
}

describe('the Regioscan form: post, redirect, get, with a server-side draft', () => {
  it('answers every step with 303 to a GET page that shows the saved answers; "Wijzig" and "Vorige" keep them', async () => {
    const draftId = await answerSteps();
    // Back (a GET of an earlier step) shows its saved answers; reload is the same GET.
    const step2 = await get(`/api/regioscan/${draftId}/stap/2`);
    expect(step2.status).toBe(200);
    expect(step2.text).toMatch(/id="v01-5" name="v01" value="5" checked/);
    expect((await get(`/api/regioscan/${draftId}/stap/2`)).text).toBe(step2.text);
    const step1 = await get(`/api/regioscan/${draftId}/stap/1`);
    expect(step1.text).toContain('<option value="GM0344" selected>');
    // The check page links "Wijzig" to the step; its button leads back to the check page.
    const check = await get(`/api/regioscan/${draftId}/stap/6`);
    expect(check.text).toContain('Helemaal eens');
    expect(check.text).toContain(`href="/api/regioscan/${draftId}/stap/5?terug=controle"`);
    const edit = await get(`/api/regioscan/${draftId}/stap/5?terug=controle`);
    expect(edit.text).toContain('Naar controle');
    const changed = await post(`/api/regioscan/${draftId}/stap/5`, { ...themeAnswers(5, '4'), v16: '5', terug: 'controle', actie: 'volgende' });
    expect(changed).toMatchObject({ status: 303, location: `/api/regioscan/${draftId}/stap/6` });
    // "Vorige stap" saves without checking and goes one back.
    const back = await post(`/api/regioscan/${draftId}/stap/3`, { v05: '1', actie: 'vorige' });
    expect(back).toMatchObject({ status: 303, location: `/api/regioscan/${draftId}/stap/2` });
    expect((await get(`/api/regioscan/${draftId}/stap/3`)).text).toMatch(/id="v05-1" name="v05" value="1" checked/);
    // A step with an error: 303 to the step too, whose GET page shows the Dutch message with 422, and nothing lost.
    const wrong = await post(`/api/regioscan/${draftId}/stap/3`, { v05: '2', actie: 'volgende' });
    expect(wrong).toMatchObject({ status: 303, location: `/api/regioscan/${draftId}/stap/3` });
    const shown = await get(wrong.location);
    expect(shown.status).toBe(422);
    expect(shown.text).toContain('Kies een antwoord bij stelling 6.');
    expect(shown.text).toMatch(/id="v05-2" name="v05" value="2" checked/);
    expect((await get(wrong.location)).status).toBe(422); // reload: the same
    // Step 1 of the static page with an error: a draft that shows it on its own step 1.
    const first = await post('/api/regioscan/stap', { rol: 'swv', actie: 'volgende' });
    expect(first.location).toMatch(/^\/api\/regioscan\/[A-Za-z0-9_-]{22}\/stap\/1$/);
    const firstPage = await get(first.location);
    expect(firstPage.status).toBe(422);
    expect(firstPage.text).toContain('Kies de gemeente waar u werkt.');
    expect(firstPage.text).toMatch(/id="rol-swv" name="rol" value="swv" checked/);
  });

  it('keeps the draft unreadable in a table dump: no draft id, no answers, no gemeente; expires about 24 hours from now', async () => {
    const before = keysOf(await system.items());
    const started = Math.floor(Date.now() / 1000);
    const draftId = await answerSteps('GM0599');
    const all = await newItems(before);
    // Besides the draft at most the hour's counter of starts from this address (a keyed HMAC, a count).
    for (const counter of all.filter((i) => String(i.pk).startsWith('RATELIMIT#'))) expect(Object.keys(counter).sort()).toEqual(['count', 'expiresAt', 'pk', 'sk']);
    const items = all.filter((i) => !String(i.pk).startsWith('RATELIMIT#'));
    expect(items).toHaveLength(1);
    const [draft] = items;
    expect(String(draft!.pk)).toMatch(/^DRAFT#/);
    const text = JSON.stringify(draft);
    for (const secret of [draftId, 'GM0599', 'Rotterdam', 'swv', 'weet-niet', '"v01"', 'antwoorden']) expect(text).not.toContain(secret);
    expect(Object.keys(draft!).sort()).toEqual(['expiresAt', 'pk', 'sealed', 'sk', 'version']);
    const ttl = Number(draft!.expiresAt);
    expect(ttl).toBeGreaterThanOrEqual(started + REGIOSCAN_DRAFT_TTL_SECONDS - 5);
    expect(ttl).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + REGIOSCAN_DRAFT_TTL_SECONDS);
    expect(REGIOSCAN_DRAFT_TTL_SECONDS).toBe(24 * 3600);
  });

  it('shows the outcome without consent and keeps nothing but the draft', async () => {
    const draftId = await answerSteps();
    const before = keysOf(await system.items());
    const sent = await post(`/api/regioscan/${draftId}/versturen`, { email: '', actie: 'volgende' });
    expect(sent).toMatchObject({ status: 303, location: `/api/regioscan/${draftId}/uitkomst` });
    const outcome = await get(sent.location);
    expect(outcome.status).toBe(200);
    expect(outcome.text).toContain('Uw uitkomst van de Regioscan');
    expect(outcome.text).toContain('Score 100 van 100: Gaat goed');
    expect(outcome.text).toContain('Score 25 van 100: Hier is nog veel te winnen');
    expect(outcome.text).toContain('Geen score');
    expect(outcome.text).toContain('Daarom hebben wij ze niet bewaard');
    expect(outcome.text).not.toContain('/api/regioscan/uitkomst/');
    // Only the draft changed (now holding the outcome without the answers): no submission, no mail, no counter.
    const written = await newItems(before);
    expect(written).toEqual([]);
    expect((await system.items()).filter((i) => i.sk === 'SUBMISSION' && i.gemeente === 'GM0344')).toEqual([]);
    // Reload shows the same page; Back to a step leads to the outcome again (no second send).
    expect((await get(sent.location)).text).toBe(outcome.text);
    expect(await get(`/api/regioscan/${draftId}/stap/7`)).toMatchObject({ status: 303, location: `/api/regioscan/${draftId}/uitkomst` });
  });

  it('with consent and an address: the submission is stored and the email sent once, also when sent twice', async () => {
    const email = testAddress();
    const draftId = await answerSteps('GM0014');
    const fields = { email, toestemming: 'ja', actie: 'volgende' };
    const [a, b] = await Promise.all([post(`/api/regioscan/${draftId}/versturen`, fields), post(`/api/regioscan/${draftId}/versturen`, fields)]);
    for (const res of [a, b]) expect(res).toMatchObject({ status: 303, location: `/api/regioscan/${draftId}/uitkomst` });
    const again = await post(`/api/regioscan/${draftId}/versturen`, fields);
    expect(again.status).toBe(303);
    const outcome = await get(`/api/regioscan/${draftId}/uitkomst`);
    expect(outcome.text).toContain(`Wij hebben de uitkomst gestuurd naar <strong class="maoj-long-text">${email}</strong>`);
    const link = /\/api\/regioscan\/uitkomst\/([0-9a-f-]{36})/.exec(outcome.text)![1]!;
    const stored = (await system.items()).filter((i) => i.pk === `REGIOSCAN#${link}`);
    expect(stored.map((i) => i.sk)).toEqual(['SUBMISSION']);
    expect(stored[0]).toMatchObject({ gemeente: 'GM0014', rol: 'swv', emailStatus: 'sent' });
    const mails = await system.emailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain(`/api/regioscan/uitkomst/${link}`);
  });

  it('without consent but with an address: the email is sent (without a link), no submission is stored', async () => {
    const email = testAddress();
    const draftId = await answerSteps('GM0153');
    const before = keysOf(await system.items());
    const sent = await post(`/api/regioscan/${draftId}/versturen`, { email, actie: 'volgende' });
    expect(sent.status).toBe(303);
    expect((await get(sent.location)).text).toContain(`Wij hebben de uitkomst gestuurd naar`);
    const mails = await system.emailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain('Uw antwoorden hebben wij niet bewaard');
    expect(mails[0]!.body.text).not.toContain('/api/regioscan/uitkomst/');
    const written = await newItems(before);
    expect(written.filter((i) => i.sk === 'SUBMISSION' || i.sk === 'MAIL')).toEqual([]);
    // What is left: the address check (keyed hash, expiring with the address), the day's counter, the rate counter.
    const check = written.find((i) => i.sk === 'ADDRESS')!;
    expect(check).toMatchObject({ emailStatus: 'sent' });
    expect(Number(check.expiresAt)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + MAIL_ADDRESS_TTL_SECONDS);
    expect(JSON.stringify(written)).not.toContain(email);
    expect(JSON.stringify(written)).not.toContain('GM0153');
  });

  it('an unknown, malformed or expired draft gets a Dutch page with a link to start again (404/410), never a 5xx', async () => {
    for (const path of ['/api/regioscan/AAAAAAAAAAAAAAAAAAAAAA/stap/2', '/api/regioscan/kort/stap/2', '/api/regioscan/AAAAAAAAAAAAAAAAAAAAAA/uitkomst']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain('Deze Regioscan bestaat niet (meer)');
      expect(res.text).toContain('href="/regioscan/stap-1/"');
    }
    const json = await fetch(`${system.baseUrl}/api/regioscan/AAAAAAAAAAAAAAAAAAAAAA/stap/2`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const posted = await post('/api/regioscan/AAAAAAAAAAAAAAAAAAAAAA/versturen', { email: '' });
    expect(posted.status).toBe(404);

    // A draft whose time is over (saved 25 hours ago): 410 until DynamoDB deletes it, then 404.
    const key = Buffer.from(process.env.TOKEN_KEY!, 'utf8');
    const deps = { store: { doc: system.doc, tableName: system.tableName }, key, now: () => new Date(Date.now() - 25 * 3600 * 1000) };
    const old = await createRegioscanDraft(deps, { ...emptyState(), gemeente: 'GM0363', rol: 'gemeente' });
    const expired = await get(`/api/regioscan/${old}/stap/2`);
    expect([404, 410]).toContain(expired.status);
    expect(expired.text).toMatch(/Deze Regioscan (is verlopen|bestaat niet)/);
    expect(expired.text).toContain('href="/regioscan/stap-1/"');
  });

  it('without consent but with an address (JSON): the daily limit and double submits hold as with consent', async () => {
    const email = testAddress();
    const statuses: string[] = [];
    const bodies = Array.from({ length: MAILS_PER_ADDRESS_PER_DAY + 1 }, () => validSubmission({ email, toestemming: false }));
    for (const body of bodies) {
      const res = await postJson(system.baseUrl, '/api/regioscan', body);
      expect(res.status).toBe(200);
      expect(res.json.stored).toBe(false);
      statuses.push(res.json.email.status);
    }
    expect(statuses).toEqual([...Array(MAILS_PER_ADDRESS_PER_DAY).fill('sent'), 'limited']);
    const again = await postJson(system.baseUrl, '/api/regioscan', bodies[0]);
    expect(again.json).toMatchObject({ duplicate: true, email: { status: 'sent' } });
    const other = await postJson(system.baseUrl, '/api/regioscan', { ...bodies[0], email: testAddress() });
    expect(other.status).toBe(409);
    expect(await system.emailsTo(email)).toHaveLength(MAILS_PER_ADDRESS_PER_DAY);
    const items = (await system.items()).filter((i) => bodies.some((b) => String(i.pk).endsWith(b.submissionId as string)));
    expect(items.map((i) => i.sk).sort()).toEqual(Array(bodies.length).fill('ADDRESS'));
  });

  it('without consent and without an address, JSON gets the outcome and nothing is stored', async () => {
    const before = keysOf(await system.items());
    const body = validSubmission({ toestemming: false });
    const res = await postJson(system.baseUrl, '/api/regioscan', body);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ stored: false, email: { status: 'none' } });
    expect(res.json).not.toHaveProperty('resultUrl');
    expect(res.json.scores).toHaveLength(4);
    expect(await newItems(before)).toEqual([]);
  });
});

import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, sendDueMail, type MailDeps } from '../../shared/mail/outbox.ts';
import { THEMES } from '../../shared/regioscan/definition.ts';
import { MAILS_PER_ADDRESS_PER_DAY } from '../../shared/privacy.ts';
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

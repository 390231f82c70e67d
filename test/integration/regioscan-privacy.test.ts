import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SendEmailCommand, SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePurposeKey, keyedHash } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import type { MailDeps } from '../../shared/mail/outbox.ts';
import { MAIL_ADDRESS_TTL_SECONDS, MAILS_PER_ADDRESS_PER_DAY } from '../../shared/privacy.ts';
import { submitRegioscan } from '../../shared/regioscan/submit.ts';
import { submissionSchema } from '../../shared/regioscan/validation.ts';
import { forgetLegacyPayloadHashes } from '../../shared/store/regioscan-store.ts';
import { answers, postJson, validSubmission } from '../helpers/fixtures.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Privacy of what the Regioscan stores: no plain hash of anything personal (an attacker with a dump of
 * the table and a list of guessed addresses links nothing), the address kept no longer than the
 * privacy page promises, and a duplicate check that looks at everything the respondent sent.
 */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(() => system.close());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmacNoKey = (s: string) => createHmac('sha256', '').update(s).digest('hex');

/** The values an attacker without the secret key would try for one guessed address. */
function guessesFor(email: string, day: string, stored: Record<string, unknown>[]): string[] {
  const forms = [email, email.toLowerCase(), email.trim().toLowerCase()];
  const inputs = forms.flatMap((f) => [f, `${day}${f}`, `${day}\0${f}`, `${day}#${f}`]);
  const out = inputs.flatMap((i) => [sha256(i), hmacNoKey(i), createHmac('sha256', i).digest('hex')]);
  // The old payload hash: the answers, gemeente and role are in the dump, only the address is guessed.
  for (const item of stored.filter((i) => i.sk === 'SUBMISSION')) {
    const canonical = (e: string | null) =>
      JSON.stringify({
        gemeente: item.gemeente,
        rol: item.rol,
        antwoorden: Object.keys(item.antwoorden as object)
          .sort()
          .map((k) => [k, (item.antwoorden as Record<string, string>)[k]]),
        email: e,
      });
    out.push(sha256(canonical(email)), hmacNoKey(canonical(email)));
  }
  // The keyed construction with a key that is not the secret: empty, or the purpose names.
  for (const key of [Buffer.alloc(0), Buffer.from('mail-limit'), Buffer.from('submission-duplicate')]) {
    out.push(keyedHash(key, day, email.toLowerCase()));
    for (const purpose of ['mail-limit', 'submission-duplicate'] as const) out.push(keyedHash(derivePurposeKey(key, purpose), day, email.toLowerCase()));
  }
  return out;
}

describe('Regioscan privacy', () => {
  it('a dump of the table and a list of guessed addresses link no item to an address', async () => {
    const guessedAddresses = Array.from({ length: 60 }, (_, i) => `respondent.${i}@gemeente-voorbeeld.nl`);
    const used = guessedAddresses.slice(0, 12);
    for (const [n, email] of used.entries()) {
      // Some addresses twice, one more often than the daily maximum (a "limited" submission).
      const times = n === 0 ? MAILS_PER_ADDRESS_PER_DAY + 1 : n % 3 === 0 ? 2 : 1;
      for (let t = 0; t < times; t++) {
        const res = await postJson(system.baseUrl, '/api/regioscan', validSubmission({ email: n % 2 ? email.toUpperCase() : email, gemeente: n % 2 ? 'GM0363' : 'GM0599' }));
        expect(res.status).toBe(201);
      }
    }
    const day = new Date().toISOString().slice(0, 10);
    const dump = await system.items();
    expect(dump.filter((i) => String(i.sk).startsWith('MAIL'))).toEqual([]); // every email was sent, so no address is left
    const text = JSON.stringify(dump);
    for (const email of guessedAddresses) {
      expect(text.toLowerCase()).not.toContain(email.toLowerCase());
      for (const guess of guessesFor(email, day, dump)) expect(text).not.toContain(guess);
    }
    for (const item of dump.filter((i) => i.sk === 'SUBMISSION')) expect(item).not.toHaveProperty('payloadHash');

    // The control: with the environment's secret the same attempt does link, so the test can see a link.
    const secret = Buffer.from(process.env.TOKEN_KEY!, 'utf8');
    const counter = keyedHash(derivePurposeKey(secret, 'mail-limit'), day, used[0]!.toLowerCase());
    expect(dump.find((i) => i.pk === `MAILLIMIT#${counter}#${day}`)).toMatchObject({ count: MAILS_PER_ADDRESS_PER_DAY });
  });

  it('keeps the address (and its keyed check) no longer than the privacy page promises: 3 days', async () => {
    // The privacy page (site/src/pages/privacy/index.astro, from MAIL_ADDRESS_TTL_SECONDS) and the README
    // promise 3 days. A longer time needs a new promise first: change this number with the texts.
    const PROMISED_DAYS = 3;
    expect(MAIL_ADDRESS_TTL_SECONDS).toBe(PROMISED_DAYS * 24 * 3600);
    expect(readFileSync('site/src/pages/privacy/index.astro', 'utf8')).toMatch(/verloopt uw e-mailadres \{mailTtlDays\} dagen/);
    expect(readFileSync('README.md', 'utf8')).toContain(`expires by TTL after ${PROMISED_DAYS} days`);

    const ses = new SESv2Client({});
    mockClient(ses).on(SendEmailCommand).rejects(new SESv2ServiceException({ name: 'TooManyRequestsException', $fault: 'client', $metadata: { httpStatusCode: 429 }, message: 'slow down' }));
    const deps: MailDeps = { doc: system.doc, ses, config: runtimeConfig(), now: () => new Date() };
    const submission = submissionSchema.parse(validSubmission({ email: 'ttl@example.nl' }));
    const before = Math.floor(Date.now() / 1000);
    expect(await submitRegioscan(deps, submission)).toMatchObject({ emailStatus: 'queued' });
    const after = Math.ceil(Date.now() / 1000);
    const items = (await system.items()).filter((i) => String(i.pk).endsWith(submission.submissionId));
    const mail = items.find((i) => i.sk === 'MAIL')!;
    expect(mail.to).toBe('ttl@example.nl');
    const promised = PROMISED_DAYS * 24 * 3600;
    for (const item of items.filter((i) => i.sk !== 'SUBMISSION')) {
      expect(Number(item.expiresAt)).toBeGreaterThanOrEqual(before + promised - 1);
      expect(Number(item.expiresAt)).toBeLessThanOrEqual(after + promised);
    }
    expect(items.map((i) => i.sk).sort()).toEqual(['ADDRESS', 'MAIL', 'SUBMISSION']);
  });

  it('tells a double submit from another one: gemeente, role, answers and address all count', async () => {
    const email = 'dubbel@example.nl';
    const body = validSubmission({ email, gemeente: 'GM0363', rol: 'gemeente' });
    expect((await postJson(system.baseUrl, '/api/regioscan', body)).status).toBe(201);
    const same = await postJson(system.baseUrl, '/api/regioscan', body);
    expect(same.status).toBe(200);
    expect(same.json.duplicate).toBe(true);
    for (const other of [
      { ...body, gemeente: 'GM0599' },
      { ...body, rol: 'school-po' },
      { ...body, antwoorden: answers({ v16: '5' }) },
      { ...body, email: 'iemand-anders@example.nl' },
      { ...body, email: undefined },
    ]) {
      const res = await postJson(system.baseUrl, '/api/regioscan', other);
      expect(res.status, JSON.stringify({ ...other, antwoorden: undefined })).toBe(409);
      expect(res.json.error.code).toBe('SUBMISSION_CONFLICT');
    }
    // Without an address: the same rules, and an address added later is another submission too.
    const plain = validSubmission({ gemeente: 'GM0363', rol: 'gemeente' });
    expect((await postJson(system.baseUrl, '/api/regioscan', plain)).status).toBe(201);
    expect((await postJson(system.baseUrl, '/api/regioscan', plain)).status).toBe(200);
    expect((await postJson(system.baseUrl, '/api/regioscan', { ...plain, gemeente: 'GM0599' })).status).toBe(409);
    expect((await postJson(system.baseUrl, '/api/regioscan', { ...plain, rol: 'school-po' })).status).toBe(409);
    expect((await postJson(system.baseUrl, '/api/regioscan', { ...plain, email })).status).toBe(409);
    expect(await system.emailsTo(email)).toHaveLength(1);
  });

  it('removes the unsalted payloadHash from submissions stored before, once', async () => {
    const legacy = { pk: 'REGIOSCAN#legacy-1', sk: 'SUBMISSION', submissionId: 'legacy-1', gemeente: 'GM0363', rol: 'gemeente', antwoorden: {}, payloadHash: sha256('old'), emailStatus: 'sent' };
    await system.doc.send(new PutCommand({ TableName: system.tableName, Item: legacy }));
    expect(await forgetLegacyPayloadHashes(system.doc, system.tableName)).toBeGreaterThanOrEqual(1);
    expect(await forgetLegacyPayloadHashes(system.doc, system.tableName)).toBe(0);
    const after = (await system.items()).find((i) => i.pk === legacy.pk);
    expect(after).toMatchObject({ submissionId: 'legacy-1', emailStatus: 'sent' });
    expect(after).not.toHaveProperty('payloadHash');
  });
});

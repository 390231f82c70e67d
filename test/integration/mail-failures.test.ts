import { SendEmailCommand, SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { pendingMailPut, sendDueMail, sendPendingMail, trySendNow, UNKNOWN_OUTCOME_WAIT_SECONDS, type MailDeps, type OutgoingMail } from '../../shared/mail/outbox.ts';
import { regioscanMailKey, submitRegioscan } from '../../shared/regioscan/submit.ts';
import { submissionSchema } from '../../shared/regioscan/validation.ts';
import { validSubmission } from '../helpers/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

/**
 * SES answers the emulator cannot give (throttling, a rejected message): SES is mocked with
 * aws-sdk-client-mock, DynamoDB is the real DynamoDB Local.
 */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(() => system.close());

const sesError = (name: string) =>
  new SESv2ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: name === 'TooManyRequestsException' ? 429 : 400 }, message: name });

async function submitWith(ses: SESv2Client) {
  const deps: MailDeps = { doc: system.doc, ses, config: runtimeConfig(), now: () => new Date() };
  const submission = submissionSchema.parse(validSubmission({ email: testAddress() }));
  const outcome = await submitRegioscan(deps, submission);
  const items = (await system.items()).filter((i) => i.pk === `REGIOSCAN#${submission.submissionId}`);
  return { deps, outcome, submission, mail: items.find((i) => i.sk === 'MAIL'), stored: items.find((i) => i.sk === 'SUBMISSION') };
}

describe('SES failures', () => {
  it('keeps a throttled email pending for a retry', async () => {
    const ses = new SESv2Client({});
    mockClient(ses).on(SendEmailCommand).rejects(sesError('TooManyRequestsException'));
    const { outcome, mail, stored } = await submitWith(ses);
    expect(outcome).toMatchObject({ emailStatus: 'queued' });
    expect(mail).toMatchObject({ status: 'pending', attempts: 1, lastError: 'TooManyRequestsException' });
    expect(stored).toMatchObject({ emailStatus: 'pending' });
  });

  it('gives up at once on a message SES rejects, and says so', async () => {
    const ses = new SESv2Client({});
    mockClient(ses).on(SendEmailCommand).rejects(sesError('MessageRejected'));
    const { outcome, mail, stored } = await submitWith(ses);
    expect(outcome).toMatchObject({ emailStatus: 'failed' });
    expect(mail).toMatchObject({ status: 'dead', gsi1pk: 'MAIL#dead', lastError: 'MessageRejected' });
    expect(stored).toMatchObject({ emailStatus: 'failed' });
  });

  it('never sends twice: a second sender finds the email claimed or gone', async () => {
    const ses = new SESv2Client({});
    const mock = mockClient(ses);
    mock.on(SendEmailCommand).rejects(sesError('TooManyRequestsException'));
    const { deps, submission } = await submitWith(ses);
    mock.reset();
    mock.on(SendEmailCommand).resolves({ MessageId: 'x' });
    const later = { ...deps, now: () => new Date(Date.now() + 3600_000) };
    const outcomes = await Promise.all([sendPendingMail(later, regioscanMailKey(submission.submissionId)), sendPendingMail(later, regioscanMailKey(submission.submissionId))]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(mock.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(await sendPendingMail(later, regioscanMailKey(submission.submissionId))).toBe('skipped');
  });
});

describe('an email stored already claimed by the request that sends it', () => {
  const content = { subject: 'Test', html: '<p>Test</p>', text: 'Test' };
  async function storeClaimed(count: number): Promise<OutgoingMail[]> {
    const pk = `TEST#${randomUUID()}`;
    const mails = Array.from({ length: count }, (_, i): OutgoingMail => ({ key: { pk, sk: `MAIL#${i}` }, kind: 'test', to: testAddress(), content, claimedBy: randomUUID() }));
    await system.doc.send(new TransactWriteCommand({ TransactItems: mails.map((m) => pendingMailPut(runtimeConfig().TABLE_NAME, m, new Date())) }));
    return mails;
  }
  const itemOf = async (mail: OutgoingMail) => (await system.items()).find((i) => i.pk === mail.key.pk && i.sk === mail.key.sk);

  it('is sent without a claim round trip: one SES call and one DynamoDB write', async () => {
    const [mail] = await storeClaimed(1);
    const ses = new SESv2Client({});
    const mock = mockClient(ses);
    mock.on(SendEmailCommand).resolves({ MessageId: 'x' });
    let dynamoCalls = 0;
    const doc = { send: (command: never) => (dynamoCalls++, system.doc.send(command)) } as unknown as MailDeps['doc'];
    expect(await trySendNow({ doc, ses, config: runtimeConfig(), now: () => new Date() }, mail!)).toBe('sent');
    expect(mock.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(dynamoCalls).toBe(1);
    expect(await itemOf(mail!)).toBeUndefined();
  });

  it('is sent by the scheduled sender, once, when its request stopped before sending (outcome unknown)', async () => {
    const [mail] = await storeClaimed(1);
    const ses = new SESv2Client({});
    const mock = mockClient(ses);
    mock.on(SendEmailCommand).resolves({ MessageId: 'x' });
    const deps = { doc: system.doc, ses, config: runtimeConfig(), now: () => new Date() };
    // Within the lease and the grace period nobody touches it: the request may still be sending.
    expect(await sendPendingMail(deps, mail!.key)).toBe('skipped');
    const later = { ...deps, now: () => new Date(Date.now() + (UNKNOWN_OUTCOME_WAIT_SECONDS + 5) * 1000) };
    expect(await sendPendingMail(later, mail!.key)).toBe('sent');
    expect(await sendPendingMail(later, mail!.key)).toBe('skipped');
    expect(mock.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('is given back untried when SES hung earlier in the same request, and the scheduled sender sends it', async () => {
    const [first, second] = await storeClaimed(2);
    const ses = new SESv2Client({});
    const mock = mockClient(ses);
    mock.on(SendEmailCommand).rejects(new Error('socket hang up'));
    const deps = { doc: system.doc, ses, config: runtimeConfig(), now: () => new Date() };
    expect(await trySendNow(deps, first!)).toBe('retry');
    expect(await trySendNow(deps, second!)).toBe('retry');
    expect(mock.commandCalls(SendEmailCommand)).toHaveLength(1); // the second was not tried
    expect(await itemOf(second!)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await itemOf(second!))!.attemptId).toBeUndefined();
    mock.reset();
    mock.on(SendEmailCommand).resolves({ MessageId: 'y' });
    const sweep = await sendDueMail({ ...deps, now: () => new Date(Date.now() + 1000) });
    expect(sweep.sent).toBeGreaterThanOrEqual(1);
    expect(await itemOf(second!)).toBeUndefined();
    expect(await itemOf(first!)).toMatchObject({ status: 'pending', attempts: 1, unknownOutcomes: 1 });
  });
});

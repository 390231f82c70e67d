import { SendEmailCommand, SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { sendPendingMail, type MailDeps } from '../../shared/mail/outbox.ts';
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

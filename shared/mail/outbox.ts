import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime.ts';
import { log } from '../log.ts';
import { DEAD_MAIL_MESSAGE } from './events.ts';
import { renderResultEmail } from '../regioscan/email.ts';
import { resultPath } from '../regioscan/pages.ts';
import { getSubmission } from '../store/regioscan-store.ts';
import { MAIL_QUEUE_DEAD, MAIL_QUEUE_PENDING, MAIL_SK, SUBMISSION_SK, TABLE_KEYS, regioscanKey } from '../store/table.ts';

/**
 * The outbox: a pending email is an item next to its submission. Sending is driven only from that
 * item, by the submit handler right away and by the scheduled sender for retries. A short lease makes
 * sure two senders never send the same email; after the last attempt the item is marked dead.
 */
export interface MailDeps {
  doc: DynamoDBDocumentClient;
  ses: SESv2Client;
  config: RuntimeConfig;
  now: () => Date;
}

/** Wait before attempt n+1 (after n failures): 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h. */
export const RETRY_DELAYS_SECONDS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const LEASE_SECONDS = 60;

/** SES errors that will not go away by trying again. */
const PERMANENT_ERRORS = new Set(['MessageRejected']);

export type SendOutcome = 'sent' | 'retry' | 'dead' | 'skipped';

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000).toISOString();

async function claim(deps: MailDeps, submissionId: string): Promise<{ to: string; attempts: number } | undefined> {
  const now = deps.now().toISOString();
  try {
    const out = await deps.doc.send(
      new UpdateCommand({
        TableName: deps.config.TABLE_NAME,
        Key: { pk: regioscanKey(submissionId), sk: MAIL_SK },
        UpdateExpression: 'SET leaseUntil = :lease',
        ConditionExpression: '#status = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':lease': addSeconds(deps.now(), LEASE_SECONDS), ':pending': 'pending', ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { to: out.Attributes!.to as string, attempts: out.Attributes!.attempts as number };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Sends the pending email of one submission, if it is still pending and nobody else is sending it. */
export async function sendPendingMail(deps: MailDeps, submissionId: string): Promise<SendOutcome> {
  const claimed = await claim(deps, submissionId);
  if (!claimed) return 'skipped';
  const { config } = deps;
  const record = await getSubmission(deps.doc, config.TABLE_NAME, submissionId);
  if (!record) throw new Error('pending email without submission');
  const email = renderResultEmail(record, `${config.PUBLIC_URL}${resultPath(submissionId)}`);
  const pk = regioscanKey(submissionId);
  try {
    await deps.ses.send(
      new SendEmailCommand({
        FromEmailAddress: config.MAIL_FROM,
        Destination: { ToAddresses: [claimed.to] },
        ...(config.MAIL_REPLY_TO ? { ReplyToAddresses: [config.MAIL_REPLY_TO] } : {}),
        ...(config.SES_CONFIGURATION_SET ? { ConfigurationSetName: config.SES_CONFIGURATION_SET } : {}),
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  } catch (error) {
    return recordFailure(deps, submissionId, claimed.attempts + 1, error);
  }
  // Sent: the address goes, the submission remembers only that it was sent.
  await deps.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: config.TABLE_NAME, Key: { pk, sk: MAIL_SK } } },
        {
          Update: {
            TableName: config.TABLE_NAME,
            Key: { pk, sk: SUBMISSION_SK },
            UpdateExpression: 'SET emailStatus = :sent, emailSentAt = :at',
            ExpressionAttributeValues: { ':sent': 'sent', ':at': deps.now().toISOString() },
          },
        },
      ],
    }),
  );
  log('info', 'mail sent', { submissionId, attempt: claimed.attempts + 1 });
  return 'sent';
}

async function recordFailure(deps: MailDeps, submissionId: string, attempts: number, error: unknown): Promise<SendOutcome> {
  const errorName = error instanceof Error ? error.name : 'unknown';
  const dead = PERMANENT_ERRORS.has(errorName) || attempts >= MAX_ATTEMPTS;
  const pk = regioscanKey(submissionId);
  const { config } = deps;
  const next = dead ? deps.now().toISOString() : addSeconds(deps.now(), RETRY_DELAYS_SECONDS[attempts - 1]!);
  const mailUpdate = {
    Update: {
      TableName: config.TABLE_NAME,
      Key: { pk, sk: MAIL_SK },
      UpdateExpression: 'SET attempts = :attempts, #status = :status, lastError = :error, #qpk = :queue, #qsk = :next REMOVE leaseUntil',
      ExpressionAttributeNames: {
        '#status': 'status',
        '#qpk': TABLE_KEYS.queueIndex.partitionKey,
        '#qsk': TABLE_KEYS.queueIndex.sortKey,
      },
      ExpressionAttributeValues: {
        ':attempts': attempts,
        ':status': dead ? 'dead' : 'pending',
        ':error': errorName,
        ':queue': dead ? MAIL_QUEUE_DEAD : MAIL_QUEUE_PENDING,
        ':next': next,
      },
    },
  };
  const submissionUpdate = {
    Update: {
      TableName: config.TABLE_NAME,
      Key: { pk, sk: SUBMISSION_SK },
      UpdateExpression: 'SET emailStatus = :failed',
      ExpressionAttributeValues: { ':failed': 'failed' },
    },
  };
  await deps.doc.send(new TransactWriteCommand({ TransactItems: dead ? [mailUpdate, submissionUpdate] : [mailUpdate] }));
  log(dead ? 'error' : 'warn', dead ? DEAD_MAIL_MESSAGE : 'mail failed, will retry', { submissionId, attempts, errorName });
  return dead ? 'dead' : 'retry';
}

export interface SweepReport {
  sent: number;
  retry: number;
  dead: number;
  skipped: number;
}

/** The scheduled sender: every pending email whose next attempt is due. */
export async function sendDueMail(deps: MailDeps, limit = 200): Promise<SweepReport> {
  const report: SweepReport = { sent: 0, retry: 0, dead: 0, skipped: 0 };
  const { queueIndex } = TABLE_KEYS;
  let startKey: Record<string, unknown> | undefined;
  let seen = 0;
  do {
    const page = await deps.doc.send(
      new QueryCommand({
        TableName: deps.config.TABLE_NAME,
        IndexName: queueIndex.name,
        KeyConditionExpression: '#qpk = :pending AND #qsk <= :now',
        ExpressionAttributeNames: { '#qpk': queueIndex.partitionKey, '#qsk': queueIndex.sortKey },
        ExpressionAttributeValues: { ':pending': MAIL_QUEUE_PENDING, ':now': deps.now().toISOString() },
        Limit: Math.min(50, limit - seen),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const submissionId = String(item.pk).slice(regioscanKey('').length);
      report[await sendPendingMail(deps, submissionId)]++;
      seen++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && seen < limit);
  return report;
}

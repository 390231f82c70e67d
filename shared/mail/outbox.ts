import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime.ts';
import { log } from '../log.ts';
import { MAIL_ADDRESS_TTL_SECONDS } from '../privacy.ts';
import { MAIL_QUEUE_DEAD, MAIL_QUEUE_PENDING, TABLE_KEYS, type ItemKey } from '../store/table.ts';
import { DEAD_MAIL_MESSAGE } from './events.ts';
import type { RenderedEmail } from './rendered.ts';

/**
 * The outbox, for every feature: a pending email is an item next to the item it belongs to, stored in
 * the same transaction as that item (store, then send). It carries its kind, its address and its
 * content, rendered by the feature when it was stored; the outbox knows no feature. Sending is driven
 * only from that item, right away by the handler that stored it and by the scheduled sender for
 * retries. A short lease makes sure two senders never send the same email; after the last attempt the
 * item is marked dead. The address goes as soon as the email is sent, and expires by TTL in any case.
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

/** What a feature hands the outbox: where the email lives, what it is and to whom it goes. */
export interface OutgoingMail {
  key: ItemKey;
  /** What kind of email this is (e.g. "regioscan-outcome"): for logs and operators, never for logic. */
  kind: string;
  to: string;
  content: RenderedEmail;
  /** An item whose `emailStatus` follows this email: "sent", or "failed" when it is given up. */
  statusOf?: ItemKey;
}

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000).toISOString();

/** The Put that stores a pending email; the feature adds it to the transaction that stores its own item. */
export function pendingMailPut(tableName: string, mail: OutgoingMail, now: Date) {
  const createdAt = now.toISOString();
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...mail.key,
        kind: mail.kind,
        to: mail.to,
        content: mail.content,
        ...(mail.statusOf ? { statusOf: mail.statusOf } : {}),
        attempts: 0,
        status: 'pending',
        createdAt,
        [TABLE_KEYS.queueIndex.partitionKey]: MAIL_QUEUE_PENDING,
        [TABLE_KEYS.queueIndex.sortKey]: createdAt,
        [TABLE_KEYS.ttlAttribute]: Math.floor(now.getTime() / 1000) + MAIL_ADDRESS_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

interface ClaimedMail {
  to: string;
  attempts: number;
  kind: string;
  content: RenderedEmail;
  statusOf?: ItemKey;
}

async function claim(deps: MailDeps, key: ItemKey): Promise<ClaimedMail | undefined> {
  const now = deps.now().toISOString();
  try {
    const out = await deps.doc.send(
      new UpdateCommand({
        TableName: deps.config.TABLE_NAME,
        Key: key,
        UpdateExpression: 'SET leaseUntil = :lease',
        ConditionExpression: '#status = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':lease': addSeconds(deps.now(), LEASE_SECONDS), ':pending': 'pending', ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as ClaimedMail;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

const statusUpdate = (tableName: string, statusOf: ItemKey, status: 'sent' | 'failed', at: string) => ({
  Update: {
    TableName: tableName,
    Key: statusOf,
    UpdateExpression: status === 'sent' ? 'SET emailStatus = :status, emailSentAt = :at' : 'SET emailStatus = :status',
    ExpressionAttributeValues: status === 'sent' ? { ':status': status, ':at': at } : { ':status': status },
  },
});

/** Sends one pending email, if it is still pending and nobody else is sending it. */
export async function sendPendingMail(deps: MailDeps, key: ItemKey): Promise<SendOutcome> {
  const claimed = await claim(deps, key);
  if (!claimed) return 'skipped';
  const { config } = deps;
  try {
    await deps.ses.send(
      new SendEmailCommand({
        FromEmailAddress: config.MAIL_FROM,
        Destination: { ToAddresses: [claimed.to] },
        ...(config.MAIL_REPLY_TO ? { ReplyToAddresses: [config.MAIL_REPLY_TO] } : {}),
        ...(config.SES_CONFIGURATION_SET ? { ConfigurationSetName: config.SES_CONFIGURATION_SET } : {}),
        Content: {
          Simple: {
            Subject: { Data: claimed.content.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: claimed.content.text, Charset: 'UTF-8' }, Html: { Data: claimed.content.html, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  } catch (error) {
    return recordFailure(deps, key, claimed, error);
  }
  // Sent: the address and the content go; the owning item remembers only that it was sent.
  await deps.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: config.TABLE_NAME, Key: key } },
        ...(claimed.statusOf ? [statusUpdate(config.TABLE_NAME, claimed.statusOf, 'sent', deps.now().toISOString())] : []),
      ],
    }),
  );
  log('info', 'mail sent', { kind: claimed.kind, attempt: claimed.attempts + 1 });
  return 'sent';
}

async function recordFailure(deps: MailDeps, key: ItemKey, claimed: ClaimedMail, error: unknown): Promise<SendOutcome> {
  const attempts = claimed.attempts + 1;
  const errorName = error instanceof Error ? error.name : 'unknown';
  const dead = PERMANENT_ERRORS.has(errorName) || attempts >= MAX_ATTEMPTS;
  const { config } = deps;
  const next = dead ? deps.now().toISOString() : addSeconds(deps.now(), RETRY_DELAYS_SECONDS[attempts - 1]!);
  const mailUpdate = {
    Update: {
      TableName: config.TABLE_NAME,
      Key: key,
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
  const items = dead && claimed.statusOf ? [mailUpdate, statusUpdate(config.TABLE_NAME, claimed.statusOf, 'failed', next)] : [mailUpdate];
  await deps.doc.send(new TransactWriteCommand({ TransactItems: items }));
  log(dead ? 'error' : 'warn', dead ? DEAD_MAIL_MESSAGE : 'mail failed, will retry', { kind: claimed.kind, attempts, errorName });
  return dead ? 'dead' : 'retry';
}

/** One try right away, after storing: a failure leaves the email pending for the scheduled sender. */
export async function trySendNow(deps: MailDeps, key: ItemKey): Promise<SendOutcome> {
  try {
    return await sendPendingMail(deps, key);
  } catch (error) {
    log('warn', 'immediate send failed', { errorName: error instanceof Error ? error.name : 'unknown' });
    return 'retry';
  }
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
      report[await sendPendingMail(deps, { pk: String(item.pk), sk: String(item.sk) })]++;
      seen++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && seen < limit);
  return report;
}

import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { log, metrics } from '../log.ts';
import { MAIL_ADDRESS_TTL_SECONDS } from '../privacy.ts';
import { MAIL_QUEUE_DEAD, MAIL_QUEUE_PENDING, TABLE_KEYS, type ItemKey } from '../store/table.ts';
import { DEAD_MAIL_MESSAGE, DEAD_MAIL_METRIC } from './events.ts';
import type { RenderedEmail } from './rendered.ts';

/**
 * The outbox, for every feature: a pending email is an item next to the item it belongs to, stored in
 * the same transaction as that item (store, then send). It carries its kind, its address and its
 * content, rendered by the feature when it was stored; the outbox knows no feature. Sending is driven
 * only from that item, right away by the handler that stored it and by the scheduled sender for
 * retries. A short lease makes sure two senders never send the same email; after the last attempt the
 * item is marked dead. The address goes as soon as the email is sent or given up, and expires by TTL
 * in any case.
 *
 * Whether SES sent an email is not always known: when the connection drops or times out after the
 * request went out, SES may have sent it without our hearing so. SES has no idempotency key, so the
 * outbox chooses, per attempt:
 * - Before calling SES the item is marked "sending" with a fresh attempt id and a lease (one write, the
 *   claim; a handler that sends right after storing stores the item already claimed: `claimedBy`). Nobody else claims it while it is "sending"; a sender that stops mid-send (a crash, a
 *   timeout of the function) leaves it "sending", and it counts as an attempt whose outcome is unknown.
 * - SES answered with an error, or the connection was never made: not sent, so it is retried with the
 *   usual backoff (a permanent reject gives up at once).
 * - The outcome is unknown (the answer was lost): the next try waits for the lease plus a grace period
 *   (UNKNOWN_OUTCOME_WAIT_SECONDS) and then sends once more. A second unknown outcome gives up.
 * The trade-off: an email is never sent twice within the lease, and never lost for one lost answer; the
 * price is at most ONE extra copy, and only when SES sent an email whose answer was then lost. (The
 * other choice, giving up after a lost answer, would lose every email whose request hung before SES
 * got it, while the respondent was told it would follow.)
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
/** Nobody else sends an email for this long after it was claimed. */
export const LEASE_SECONDS = 60;
/** After an attempt whose outcome is unknown, the next one waits the lease and this grace period. */
export const UNKNOWN_OUTCOME_GRACE_SECONDS = 5 * 60;
export const UNKNOWN_OUTCOME_WAIT_SECONDS = LEASE_SECONDS + UNKNOWN_OUTCOME_GRACE_SECONDS;
/** Attempts with an unknown outcome before the outbox gives up (so at most one extra copy). */
export const MAX_UNKNOWN_OUTCOMES = 2;

/** SES errors that will not go away by trying again. */
const PERMANENT_ERRORS = new Set(['MessageRejected']);
/** Network errors that mean the request never reached SES. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

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
  /**
   * Set by a handler that sends the email itself right after storing it (a fresh random id): the email
   * is stored already claimed by that first attempt, which saves the claim's round trip and write.
   * If the handler stops before it reports back, the scheduled sender treats it as an attempt whose
   * outcome is unknown, like any claimed attempt that never reported back.
   */
  claimedBy?: string;
}

/**
 * The content is stored gzipped: a rendered email is ~10 KB of HTML and text, ~2 KB gzipped, and
 * every write of the item (store, claim, sent) costs a write unit per KB (twice in a transaction).
 * Measured with `npm run bench -- load`: 99 write units per emailed submission before, see the README.
 */
export function packContent(content: RenderedEmail): Uint8Array {
  return gzipSync(JSON.stringify(content));
}

export function unpackContent(stored: unknown): RenderedEmail {
  // Items stored before the content was packed hold the plain object.
  if (stored instanceof Uint8Array) return JSON.parse(gunzipSync(stored).toString('utf8')) as RenderedEmail;
  return stored as RenderedEmail;
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
        content: packContent(mail.content),
        ...(mail.statusOf ? { statusOf: mail.statusOf } : {}),
        attempts: 0,
        createdAt,
        [TABLE_KEYS.queueIndex.partitionKey]: MAIL_QUEUE_PENDING,
        ...(mail.claimedBy
          ? // As claim() leaves it: the scheduled sender looks again once the lease and the grace period are over.
            { status: 'sending', attemptId: mail.claimedBy, leaseUntil: addSeconds(now, LEASE_SECONDS), [TABLE_KEYS.queueIndex.sortKey]: addSeconds(now, UNKNOWN_OUTCOME_WAIT_SECONDS) }
          : { status: 'pending', [TABLE_KEYS.queueIndex.sortKey]: createdAt }),
        [TABLE_KEYS.ttlAttribute]: Math.floor(now.getTime() / 1000) + MAIL_ADDRESS_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

interface ClaimedMail {
  to: string;
  attempts: number;
  /** Attempts so far whose outcome is unknown, this claim's predecessor included. */
  unknownOutcomes?: number;
  kind: string;
  content: RenderedEmail;
  statusOf?: ItemKey;
  attemptId: string;
}

/**
 * Claims an email for one attempt: marks it "sending" under a fresh attempt id and a lease, and moves
 * its place in the queue to when the lease and the grace period are over (where the scheduled sender
 * finds it if this attempt never reports back). Either a pending email that is due and not leased, or
 * one left "sending" by an attempt that never reported back, once its wait is over.
 */
async function claim(deps: MailDeps, key: ItemKey): Promise<ClaimedMail | undefined> {
  const now = deps.now();
  const attemptId = randomUUID();
  const claimWith = async (condition: string, extra: string, values: Record<string, unknown>) => {
    try {
      const out = await deps.doc.send(
        new UpdateCommand({
          TableName: deps.config.TABLE_NAME,
          Key: key,
          UpdateExpression: `SET #status = :sending, attemptId = :attempt, leaseUntil = :lease, #qsk = :recover${extra}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#status': 'status', '#qpk': TABLE_KEYS.queueIndex.partitionKey, '#qsk': TABLE_KEYS.queueIndex.sortKey },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':attempt': attemptId,
            ':lease': addSeconds(now, LEASE_SECONDS),
            ':recover': addSeconds(now, UNKNOWN_OUTCOME_WAIT_SECONDS),
            ':queue': MAIL_QUEUE_PENDING,
            ':now': now.toISOString(),
            ...values,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = out.Attributes as Omit<ClaimedMail, 'content'> & { content: unknown };
      return { ...item, content: unpackContent(item.content) };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  };
  return (
    (await claimWith(
      '#status = :pending AND #qpk = :queue AND #qsk <= :now AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
      '',
      { ':pending': 'pending' },
    )) ??
    // Left "sending" by an attempt that never reported back: its outcome is unknown.
    (await claimWith('#status = :sending AND #qpk = :queue AND #qsk <= :now', ' ADD unknownOutcomes :one', { ':one': 1 }))
  );
}

const statusUpdate = (tableName: string, statusOf: ItemKey, status: 'sent' | 'failed', at: string) => ({
  Update: {
    TableName: tableName,
    Key: statusOf,
    UpdateExpression: status === 'sent' ? 'SET emailStatus = :status, emailSentAt = :at' : 'SET emailStatus = :status',
    ExpressionAttributeValues: status === 'sent' ? { ':status': status, ':at': at } : { ':status': status },
  },
});

/** not-sent: SES answered with an error, or was never reached; unknown: the request may have been sent. */
export function failureKind(error: unknown): 'not-sent' | 'unknown' {
  const e = (error ?? {}) as { $metadata?: { httpStatusCode?: number }; code?: string; name?: string; message?: string };
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 300) return 'not-sent';
  if (e.code && NOT_CONNECTED.has(e.code)) return 'not-sent';
  // @smithy/node-http-handler's connection timeout: no connection, so no request.
  if (e.name === 'TimeoutError' && /did not establish a connection/.test(e.message ?? '')) return 'not-sent';
  return 'unknown';
}

/** Requests (MailDeps of one handler call) in which SES was slow or unreachable: their other emails wait for the scheduled sender. */
const sesTroubleIn = new WeakSet<MailDeps>();

/** Sends one pending email, if it is still pending and nobody else is sending it. */
export async function sendPendingMail(deps: MailDeps, key: ItemKey): Promise<SendOutcome> {
  const claimed = await claim(deps, key);
  if (!claimed) return 'skipped';
  if ((claimed.unknownOutcomes ?? 0) >= MAX_UNKNOWN_OUTCOMES) return giveUpUnknown(deps, key, claimed);
  return sendClaimed(deps, key, claimed);
}

/** One attempt at an email this attempt holds the claim of. */
async function sendClaimed(deps: MailDeps, key: ItemKey, claimed: ClaimedMail): Promise<SendOutcome> {
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
    if (!(typeof (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 'number')) sesTroubleIn.add(deps);
    return recordFailure(deps, key, claimed, error);
  }
  // Sent: the address and the content go; the owning item remembers only that it was sent.
  const sent = new TransactWriteCommand({
    TransactItems: [
      { Delete: { TableName: config.TABLE_NAME, Key: key } },
      ...(claimed.statusOf ? [statusUpdate(config.TABLE_NAME, claimed.statusOf, 'sent', deps.now().toISOString())] : []),
    ],
  });
  try {
    await deps.doc.send(sent);
  } catch {
    // One more try: an item left "sending" would count as an unknown outcome and be sent once more.
    await deps.doc.send(sent);
  }
  log('info', 'mail sent', { kind: claimed.kind, attempt: claimed.attempts + 1 });
  return 'sent';
}

/** The failed attempt's record; the attempt id makes sure only the attempt that holds the claim writes it. */
async function recordFailure(deps: MailDeps, key: ItemKey, claimed: ClaimedMail, error: unknown): Promise<SendOutcome> {
  const attempts = claimed.attempts + 1;
  const errorName = error instanceof Error ? error.name : 'unknown';
  const kind = failureKind(error);
  const unknownOutcomes = (claimed.unknownOutcomes ?? 0) + (kind === 'unknown' ? 1 : 0);
  const permanent = kind === 'not-sent' && PERMANENT_ERRORS.has(errorName);
  const dead = permanent || attempts >= MAX_ATTEMPTS || unknownOutcomes >= MAX_UNKNOWN_OUTCOMES;
  const delay = Math.max(RETRY_DELAYS_SECONDS[attempts - 1] ?? 0, kind === 'unknown' ? UNKNOWN_OUTCOME_WAIT_SECONDS : 0);
  const next = dead ? deps.now().toISOString() : addSeconds(deps.now(), delay);
  return finish(deps, key, claimed, { attempts, unknownOutcomes, dead, next, errorName, kind });
}

/** The attempt before this claim never reported back, and neither did one before it: give up without sending. */
function giveUpUnknown(deps: MailDeps, key: ItemKey, claimed: ClaimedMail): Promise<SendOutcome> {
  const at = deps.now().toISOString();
  return finish(deps, key, claimed, { attempts: claimed.attempts + 1, unknownOutcomes: claimed.unknownOutcomes ?? 0, dead: true, next: at, errorName: 'OutcomeUnknown', kind: 'unknown' });
}

interface Failure {
  attempts: number;
  unknownOutcomes: number;
  dead: boolean;
  next: string;
  errorName: string;
  kind: 'not-sent' | 'unknown';
}

async function finish(deps: MailDeps, key: ItemKey, claimed: ClaimedMail, f: Failure): Promise<SendOutcome> {
  const { config } = deps;
  const mailUpdate = {
    Update: {
      TableName: config.TABLE_NAME,
      Key: key,
      // A dead email keeps no address: it is given up, so nobody needs it any more.
      UpdateExpression: `SET attempts = :attempts, unknownOutcomes = :unknown, #status = :status, lastError = :error, #qpk = :queue, #qsk = :next REMOVE leaseUntil${f.dead ? ', #to' : ''}`,
      ConditionExpression: 'attemptId = :attempt',
      ExpressionAttributeNames: {
        '#status': 'status',
        '#qpk': TABLE_KEYS.queueIndex.partitionKey,
        '#qsk': TABLE_KEYS.queueIndex.sortKey,
        ...(f.dead ? { '#to': 'to' } : {}),
      },
      ExpressionAttributeValues: {
        ':attempts': f.attempts,
        ':unknown': f.unknownOutcomes,
        ':status': f.dead ? 'dead' : 'pending',
        ':error': f.errorName,
        ':queue': f.dead ? MAIL_QUEUE_DEAD : MAIL_QUEUE_PENDING,
        ':next': f.next,
        ':attempt': claimed.attemptId,
      },
    },
  };
  const items = f.dead && claimed.statusOf ? [mailUpdate, statusUpdate(config.TABLE_NAME, claimed.statusOf, 'failed', f.next)] : [mailUpdate];
  try {
    await deps.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    // Another attempt holds the email now (this one outlived its lease and the grace period): it decides.
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return 'skipped';
    throw error;
  }
  const fields = { kind: claimed.kind, attempts: f.attempts, errorName: f.errorName, outcome: f.kind };
  log(f.dead ? 'error' : 'warn', f.dead ? DEAD_MAIL_MESSAGE : 'mail failed, will retry', fields);
  if (f.dead) metrics.addMetric(DEAD_MAIL_METRIC, MetricUnit.Count, 1);
  return f.dead ? 'dead' : 'retry';
}

/**
 * One try right away, after storing; it never throws: a failure leaves the email pending for the
 * scheduled sender. When SES was slow or unreachable earlier in the same request (the same deps), the
 * email is left to the scheduled sender at once, so a handler with several emails stays within its
 * deadline.
 */
export async function trySendNow(deps: MailDeps, mailOrKey: OutgoingMail | ItemKey): Promise<SendOutcome> {
  const mail: Partial<OutgoingMail> & { key: ItemKey } = 'kind' in mailOrKey ? mailOrKey : { key: mailOrKey };
  try {
    if (!mail.claimedBy || !mail.kind || !mail.to || !mail.content) return sesTroubleIn.has(deps) ? 'retry' : await sendPendingMail(deps, mail.key);
    if (sesTroubleIn.has(deps)) return await release(deps, mail.key, mail.claimedBy);
    const { key, kind, to, content, statusOf, claimedBy } = mail;
    return await sendClaimed(deps, key, { kind, to, content, attempts: 0, attemptId: claimedBy, ...(statusOf ? { statusOf } : {}) });
  } catch (error) {
    log('warn', 'immediate send failed', { errorName: error instanceof Error ? error.name : 'unknown' });
    return 'retry';
  }
}

/** Gives a stored claim back untried: the email is due for the scheduled sender at once. */
async function release(deps: MailDeps, key: ItemKey, attemptId: string): Promise<SendOutcome> {
  try {
    await deps.doc.send(
      new UpdateCommand({
        TableName: deps.config.TABLE_NAME,
        Key: key,
        UpdateExpression: 'SET #status = :pending, #qsk = :now REMOVE leaseUntil, attemptId',
        ConditionExpression: 'attemptId = :attempt',
        ExpressionAttributeNames: { '#status': 'status', '#qsk': TABLE_KEYS.queueIndex.sortKey },
        ExpressionAttributeValues: { ':pending': 'pending', ':now': deps.now().toISOString(), ':attempt': attemptId },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return 'retry';
}

export interface SweepReport {
  sent: number;
  retry: number;
  dead: number;
  skipped: number;
}

/**
 * The scheduled sender: every pending email whose next attempt is due (and every email left "sending"
 * whose wait is over). `stopAt` (real time, ms) stops claiming before the function's deadline.
 */
export async function sendDueMail(deps: MailDeps, limit = 200, stopAt = Number.POSITIVE_INFINITY): Promise<SweepReport> {
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
      if (Date.now() >= stopAt) return report; // the rest waits for the next run, unclaimed
      report[await sendPendingMail(deps, { pk: String(item.pk), sk: String(item.sk) })]++;
      seen++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && seen < limit);
  return report;
}

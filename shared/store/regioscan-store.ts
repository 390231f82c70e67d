import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mailAllowanceUpdate } from '../mail/limit.ts';
import { pendingMailPut, type OutgoingMail } from '../mail/outbox.ts';
import { MAIL_ADDRESS_TTL_SECONDS } from '../privacy.ts';
import { sameSubmission, type StoredEmailStatus, type SubmissionRecord } from '../regioscan/record.ts';
import { SUBMISSION_SK, TABLE_KEYS, submissionKey, type ItemKey } from './table.ts';

/** stored: new (emailStatus says whether its email waits or was limited); duplicate: this exact one was stored before; conflict: the id was used with other answers. */
export type StoreResult =
  | { outcome: 'stored'; record: SubmissionRecord }
  | { outcome: 'duplicate'; record: SubmissionRecord }
  | { outcome: 'conflict' };

/** What to store: the submission and, when an address was given, its email with the two keyed hashes of that address. */
export interface SubmissionWrite {
  record: SubmissionRecord;
  mail?: {
    outgoing: OutgoingMail;
    /** `addressCheckHash` of this submission and its address: tells a double submit from another address. */
    addressCheck: string;
    /** The 'mail-limit' key for the daily allowance of the address. */
    limitKey: Buffer;
  };
}

/**
 * The keyed hash of the address a submission asked its outcome for, in an item of its own so that it
 * can expire with the address (MAIL_ADDRESS_TTL_SECONDS): the submission itself keeps nothing that
 * points to an address. After it expired, a second submit with that id and an address is a conflict,
 * because nobody can tell any more whether it is the same address.
 */
export const addressCheckKey = (submissionId: string): ItemKey => ({ pk: `REGIOSCANCHECK#${submissionId}`, sk: 'ADDRESS' });

const conditionFailed = (error: TransactionCanceledException, index: number) => error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';

/**
 * Stores the submission and, when an email is wanted, its pending email, the address's daily
 * allowance and the address check in one transaction: all or nothing. A full allowance stores the
 * submission (and the check) alone, marked "limited". A second call with the same submission returns
 * the stored one; the same id with another gemeente, role, answers or address is a conflict.
 */
export async function storeSubmission(doc: DynamoDBDocumentClient, tableName: string, write: SubmissionWrite, now: Date): Promise<StoreResult> {
  const { record, mail } = write;
  const put = (item: SubmissionRecord) => ({
    Put: { TableName: tableName, Item: { ...submissionKey(item.submissionId), ...item }, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  const checkPut = mail
    ? [
        {
          Put: {
            TableName: tableName,
            Item: { ...addressCheckKey(record.submissionId), hash: mail.addressCheck, [TABLE_KEYS.ttlAttribute]: Math.floor(now.getTime() / 1000) + MAIL_ADDRESS_TTL_SECONDS },
          },
        },
      ]
    : [];
  try {
    const items = mail
      ? [put(record), pendingMailPut(tableName, mail.outgoing, now), mailAllowanceUpdate(tableName, mail.outgoing.to, now, mail.limitKey), ...checkPut]
      : [put(record)];
    await doc.send(new TransactWriteCommand({ TransactItems: items }));
    return { outcome: 'stored', record };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    if (conditionFailed(error, 0)) return storedBefore(doc, tableName, write, now, error);
    if (!mail || !conditionFailed(error, 2)) throw error;
  }
  // The address had its maximum today: keep the answers, send nothing.
  const limited: SubmissionRecord = { ...record, emailStatus: 'limited' };
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: [put(limited), ...checkPut] }));
    return { outcome: 'stored', record: limited };
  } catch (error) {
    if (error instanceof TransactionCanceledException && conditionFailed(error, 0)) return storedBefore(doc, tableName, write, now, error);
    throw error;
  }
}

/** stored: the email waits (or was limited); duplicate: this id and address were sent before; conflict: not the same. */
export type EmailOnlyResult =
  | { outcome: 'stored'; emailStatus: 'pending' | 'limited' }
  | { outcome: 'duplicate'; emailStatus: StoredEmailStatus }
  | { outcome: 'conflict' };

/**
 * The outcome email of a Regioscan sent without consent to keep the answers: the submission itself is
 * not stored. Stored together, all or nothing: the address check (keyed HMAC of id and address,
 * expiring with the address; it also carries the email's status and makes a double submit send once),
 * the pending email and the address's daily allowance; and only while no submission with this id was
 * stored with consent. A full allowance stores the check alone, "limited", and sends nothing.
 */
export async function storeOutcomeEmail(doc: DynamoDBDocumentClient, tableName: string, submissionId: string, mail: NonNullable<SubmissionWrite['mail']>, now: Date): Promise<EmailOnlyResult> {
  const expires = Math.floor(now.getTime() / 1000) + MAIL_ADDRESS_TTL_SECONDS;
  const checkPut = (emailStatus: 'pending' | 'limited') => ({
    Put: {
      TableName: tableName,
      Item: { ...addressCheckKey(submissionId), hash: mail.addressCheck, emailStatus, [TABLE_KEYS.ttlAttribute]: expires },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  const noSubmission = { ConditionCheck: { TableName: tableName, Key: submissionKey(submissionId), ConditionExpression: 'attribute_not_exists(pk)' } };
  try {
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [checkPut('pending'), noSubmission, pendingMailPut(tableName, mail.outgoing, now), mailAllowanceUpdate(tableName, mail.outgoing.to, now, mail.limitKey)],
      }),
    );
    return { outcome: 'stored', emailStatus: 'pending' };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    if (conditionFailed(error, 0)) return sentBefore(doc, tableName, submissionId, mail.addressCheck, now);
    if (conditionFailed(error, 1)) return { outcome: 'conflict' };
    if (!conditionFailed(error, 3)) throw error;
  }
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: [checkPut('limited'), noSubmission] }));
    return { outcome: 'stored', emailStatus: 'limited' };
  } catch (error) {
    if (error instanceof TransactionCanceledException && conditionFailed(error, 0)) return sentBefore(doc, tableName, submissionId, mail.addressCheck, now);
    if (error instanceof TransactionCanceledException && conditionFailed(error, 1)) return { outcome: 'conflict' };
    throw error;
  }
}

async function sentBefore(doc: DynamoDBDocumentClient, tableName: string, submissionId: string, addressCheck: string, now: Date): Promise<EmailOnlyResult> {
  const check = await doc.send(new GetCommand({ TableName: tableName, Key: addressCheckKey(submissionId), ConsistentRead: true }));
  const live = check.Item && Number(check.Item[TABLE_KEYS.ttlAttribute]) > now.getTime() / 1000;
  if (!live || check.Item?.hash !== addressCheck) return { outcome: 'conflict' };
  const exists = await doc.send(new GetCommand({ TableName: tableName, Key: submissionKey(submissionId), ConsistentRead: true }));
  if (exists.Item) return { outcome: 'conflict' }; // stored with consent before: another submission
  return { outcome: 'duplicate', emailStatus: (check.Item?.emailStatus as StoredEmailStatus | undefined) ?? 'pending' };
}

/** The id was stored before: the same Regioscan (a double submit) or another one (a conflict). */
async function storedBefore(doc: DynamoDBDocumentClient, tableName: string, write: SubmissionWrite, now: Date, error: unknown): Promise<StoreResult> {
  const existing = await getSubmission(doc, tableName, write.record.submissionId);
  if (!existing) throw error;
  if (!sameSubmission(existing, write.record)) return { outcome: 'conflict' };
  const hadAddress = existing.emailStatus !== 'none';
  if (!write.mail) return hadAddress ? { outcome: 'conflict' } : { outcome: 'duplicate', record: existing };
  if (!hadAddress) return { outcome: 'conflict' };
  const check = await doc.send(new GetCommand({ TableName: tableName, Key: addressCheckKey(write.record.submissionId), ConsistentRead: true }));
  // DynamoDB deletes expired items some time after their TTL: an expired check counts as gone.
  const live = check.Item && Number(check.Item[TABLE_KEYS.ttlAttribute]) > now.getTime() / 1000;
  return live && check.Item?.hash === write.mail.addressCheck ? { outcome: 'duplicate', record: existing } : { outcome: 'conflict' };
}

export async function getSubmission(
  doc: DynamoDBDocumentClient,
  tableName: string,
  submissionId: string,
): Promise<SubmissionRecord | undefined> {
  const out = await doc.send(new GetCommand({ TableName: tableName, Key: submissionKey(submissionId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { pk: _pk, sk: _sk, ...record } = out.Item;
  return record as SubmissionRecord;
}

/**
 * One-off, for submissions stored before keyed hashes: removes their `payloadHash` (an unsalted sha256
 * of the answers, gemeente, role and address, which links a guessed address to its submission).
 * Returns how many it removed; running it again removes nothing.
 */
export async function forgetLegacyPayloadHashes(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let removed = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :submission AND attribute_exists(payloadHash)',
        ProjectionExpression: 'pk, sk',
        ExpressionAttributeValues: { ':submission': SUBMISSION_SK },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      await doc.send(new UpdateCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk }, UpdateExpression: 'REMOVE payloadHash' }));
      removed++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return removed;
}

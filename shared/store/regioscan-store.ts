import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mailAllowanceUpdate } from '../mail/limit.ts';
import { pendingMailPut, type OutgoingMail } from '../mail/outbox.ts';
import type { SubmissionRecord } from '../regioscan/record.ts';
import { submissionKey } from './table.ts';

/** stored: new (emailStatus says whether its email waits or was limited); duplicate: this exact one was stored before; conflict: the id was used with other answers. */
export type StoreResult =
  | { outcome: 'stored'; record: SubmissionRecord }
  | { outcome: 'duplicate'; record: SubmissionRecord }
  | { outcome: 'conflict' };

const conditionFailed = (error: TransactionCanceledException, index: number) => error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';

/**
 * Stores the submission and, when an email is wanted, its pending email and the address's daily
 * allowance in one transaction: all or nothing. A full allowance stores the submission alone, marked
 * "limited". A second call with the same submission returns the stored one; the same id with other
 * answers is a conflict.
 */
export async function storeSubmission(
  doc: DynamoDBDocumentClient,
  tableName: string,
  record: SubmissionRecord,
  mail: OutgoingMail | undefined,
  now: Date,
): Promise<StoreResult> {
  const put = (item: SubmissionRecord) => ({
    Put: { TableName: tableName, Item: { ...submissionKey(item.submissionId), ...item }, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  try {
    const items = mail ? [put(record), pendingMailPut(tableName, mail, now), mailAllowanceUpdate(tableName, mail.to, now)] : [put(record)];
    await doc.send(new TransactWriteCommand({ TransactItems: items }));
    return { outcome: 'stored', record };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    if (conditionFailed(error, 0)) {
      const existing = await getSubmission(doc, tableName, record.submissionId);
      if (!existing) throw error;
      return existing.payloadHash === record.payloadHash ? { outcome: 'duplicate', record: existing } : { outcome: 'conflict' };
    }
    if (!mail || !conditionFailed(error, 2)) throw error;
  }
  // The address had its maximum today: keep the answers, send nothing.
  const limited: SubmissionRecord = { ...record, emailStatus: 'limited' };
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: [put(limited)] }));
    return { outcome: 'stored', record: limited };
  } catch (error) {
    if (error instanceof TransactionCanceledException && conditionFailed(error, 0)) return storeSubmission(doc, tableName, record, undefined, now);
    throw error;
  }
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

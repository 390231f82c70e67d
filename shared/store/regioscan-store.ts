import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { findGemeente, INDELING_YEAR } from '../areas/gemeenten.ts';
import { httpError } from '../http/errors.ts';
import type { Role } from '../regioscan/definition.ts';
import { scoreRegioscan, type ThemeScore } from '../regioscan/scoring.ts';
import type { RegioscanSubmission } from '../regioscan/validation.ts';
import { MAIL_QUEUE_PENDING, MAIL_SK, SUBMISSION_SK, TABLE_KEYS, regioscanKey } from './table.ts';

/** How long an email address may wait in the outbox before it is removed, sent or not. */
export const MAIL_ADDRESS_TTL_SECONDS = 3 * 24 * 3600;

/** limited: not sent because the address had its maximum of emails for the day. */
export type StoredEmailStatus = 'none' | 'pending' | 'sent' | 'failed' | 'limited';

export interface SubmissionRecord {
  submissionId: string;
  gemeente: string;
  /** Kept so results can later be grouped per SWV and jeugdregio without a lookup. */
  swvPo: string;
  swvVo: string;
  jeugdregio: string;
  indeling: number;
  rol: Role;
  antwoorden: RegioscanSubmission['antwoorden'];
  scores: ThemeScore[];
  createdAt: string;
  payloadHash: string;
  emailStatus: StoredEmailStatus;
  emailSentAt?: string;
}

export interface StoreResult {
  record: SubmissionRecord;
  /** True when this exact submission was stored before (a double submit). */
  duplicate: boolean;
}

/** Hash of what the respondent sent, to tell a harmless double submit from a different one. */
export function payloadHash(submission: RegioscanSubmission): string {
  const canonical = JSON.stringify({
    gemeente: submission.gemeente,
    rol: submission.rol,
    antwoorden: Object.keys(submission.antwoorden)
      .sort()
      .map((k) => [k, submission.antwoorden[k]]),
    email: submission.email ?? null,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

export function buildRecord(submission: RegioscanSubmission, now: Date): SubmissionRecord {
  const gemeente = findGemeente(submission.gemeente)!;
  return {
    submissionId: submission.submissionId,
    gemeente: gemeente.code,
    swvPo: gemeente.swvPo,
    swvVo: gemeente.swvVo,
    jeugdregio: gemeente.jeugdregioCode,
    indeling: INDELING_YEAR,
    rol: submission.rol,
    antwoorden: submission.antwoorden,
    scores: scoreRegioscan(submission.antwoorden),
    createdAt: now.toISOString(),
    payloadHash: payloadHash(submission),
    emailStatus: submission.email ? 'pending' : 'none',
  };
}

/**
 * Stores the submission and, when an email is wanted, its pending email in one transaction:
 * both or neither. A second call with the same submission returns the stored one; a second call
 * with the same id but other answers is refused.
 */
export async function storeSubmission(
  doc: DynamoDBDocumentClient,
  tableName: string,
  submission: RegioscanSubmission,
  now: Date,
): Promise<StoreResult> {
  const record = buildRecord(submission, now);
  const pk = regioscanKey(record.submissionId);
  const items = [
    {
      Put: {
        TableName: tableName,
        Item: { pk, sk: SUBMISSION_SK, ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (submission.email) {
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          pk,
          sk: MAIL_SK,
          to: submission.email,
          attempts: 0,
          status: 'pending',
          createdAt: record.createdAt,
          [TABLE_KEYS.queueIndex.partitionKey]: MAIL_QUEUE_PENDING,
          [TABLE_KEYS.queueIndex.sortKey]: record.createdAt,
          [TABLE_KEYS.ttlAttribute]: Math.floor(now.getTime() / 1000) + MAIL_ADDRESS_TTL_SECONDS,
        } as never,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: items }));
    return { record, duplicate: false };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    if (!error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) throw error;
    const existing = await getSubmission(doc, tableName, record.submissionId);
    if (!existing) throw error;
    if (existing.payloadHash !== record.payloadHash) {
      throw httpError('SUBMISSION_CONFLICT', [], undefined, 'Deze Regioscan is al verstuurd met andere antwoorden. Begin opnieuw als u hem nog een keer wilt invullen.');
    }
    return { record: existing, duplicate: true };
  }
}

export async function getSubmission(
  doc: DynamoDBDocumentClient,
  tableName: string,
  submissionId: string,
): Promise<SubmissionRecord | undefined> {
  const out = await doc.send(
    new GetCommand({ TableName: tableName, Key: { pk: regioscanKey(submissionId), sk: SUBMISSION_SK }, ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  const { pk: _pk, sk: _sk, ...record } = out.Item;
  return record as SubmissionRecord;
}

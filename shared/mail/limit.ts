import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAILS_PER_ADDRESS_PER_DAY } from '../privacy.ts';
import { MAIL_SK, SUBMISSION_SK, TABLE_KEYS, regioscanKey } from '../store/table.ts';

/**
 * The daily maximum of emails per address (see MAILS_PER_ADDRESS_PER_DAY). The counter is keyed by a
 * one-way hash of the address, never the address itself, and expires with its window.
 */
const WINDOW_SECONDS = 24 * 3600;

const limitKey = (email: string) => ({
  pk: `MAILLIMIT#${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`,
  sk: 'WINDOW',
});

/** Counts one email to this address; false when the address had its maximum today. */
export async function takeMailAllowance(doc: DynamoDBDocumentClient, tableName: string, email: string, now: Date): Promise<boolean> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const names = { '#count': 'count', '#ttl': TABLE_KEYS.ttlAttribute };
  try {
    // No window yet, or the last one ended: start a new one.
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: limitKey(email),
        UpdateExpression: 'SET #count = :one, windowEnds = :end, #ttl = :end',
        ConditionExpression: 'attribute_not_exists(pk) OR windowEnds <= :now',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':one': 1, ':end': nowSeconds + WINDOW_SECONDS, ':now': nowSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: limitKey(email),
        UpdateExpression: 'ADD #count :one',
        ConditionExpression: '#count < :limit AND windowEnds > :now',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':limit': MAILS_PER_ADDRESS_PER_DAY, ':now': nowSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Drops the pending email of a submission (and its address) because the address had its maximum. */
export async function cancelPendingMail(doc: DynamoDBDocumentClient, tableName: string, submissionId: string): Promise<void> {
  const pk = regioscanKey(submissionId);
  await doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName, Key: { pk, sk: MAIL_SK } } },
        {
          Update: {
            TableName: tableName,
            Key: { pk, sk: SUBMISSION_SK },
            UpdateExpression: 'SET emailStatus = :limited',
            ExpressionAttributeValues: { ':limited': 'limited' },
          },
        },
      ],
    }),
  );
}

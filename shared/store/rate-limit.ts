import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keyedHash } from '../aws/secrets.ts';
import { RATE_LIMIT_TTL_SECONDS } from '../privacy.ts';
import { TABLE_KEYS, rateLimitKey } from './table.ts';

export type RateLimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The hour (UTC) a moment falls in, and the seconds until the next one begins. */
export function rateWindow(now: Date): { hour: string; secondsLeft: number; startSeconds: number } {
  const startSeconds = Math.floor(now.getTime() / 3_600_000) * 3600;
  const hour = new Date(startSeconds * 1000).toISOString().slice(0, 13);
  return { hour, secondsLeft: Math.max(1, startSeconds + 3600 - Math.ceil(now.getTime() / 1000)), startSeconds };
}

/**
 * Counts one submit of `scope` from `ip` in the current hour and says whether it is allowed. The
 * counter's key is a keyed HMAC (the 'rate-limit' key) of the scope, the hour and the address, so the
 * table holds no address and without the secret nobody can test a guessed address against it; the
 * counters of one address in two hours do not match either. The item expires (TTL) after
 * RATE_LIMIT_TTL_SECONDS from the start of its hour. A conditional update, like the mail limit: a full
 * counter is not raised, and the caller stores nothing.
 */
export async function takeRateLimit(
  doc: DynamoDBDocumentClient,
  tableName: string,
  key: Buffer,
  scope: string,
  ip: string,
  limit: number,
  now: Date,
): Promise<RateLimitOutcome> {
  const window = rateWindow(now);
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: windowKey(key, scope, ip, window.hour),
        UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :expires)',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': TABLE_KEYS.ttlAttribute },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': window.startSeconds + RATE_LIMIT_TTL_SECONDS },
      }),
    );
    return { ok: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { ok: false, retryAfterSeconds: window.secondsLeft };
    throw error;
  }
}

const windowKey = (key: Buffer, scope: string, ip: string, hour: string) => rateLimitKey(keyedHash(key, scope, hour, ip));

/**
 * Gives back a submit taken with takeRateLimit that stored nothing new (a conflict, or a double submit
 * of the same form): the limit counts what was stored. The last one deletes the counter, so a refused
 * request leaves the table as it was. Best effort: a failure here only leaves the count one too high.
 */
export async function giveBackRateLimit(doc: DynamoDBDocumentClient, tableName: string, key: Buffer, scope: string, ip: string, now: Date): Promise<void> {
  const Key = windowKey(key, scope, ip, rateWindow(now).hour);
  const names = { '#count': 'count' };
  try {
    await doc.send(new DeleteCommand({ TableName: tableName, Key, ConditionExpression: '#count = :one', ExpressionAttributeNames: names, ExpressionAttributeValues: { ':one': 1 } }));
    return;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  try {
    await doc.send(
      new UpdateCommand({ TableName: tableName, Key, UpdateExpression: 'ADD #count :minus', ConditionExpression: '#count > :one', ExpressionAttributeNames: names, ExpressionAttributeValues: { ':minus': -1, ':one': 1 } }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

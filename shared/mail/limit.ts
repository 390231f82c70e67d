import { keyedHash } from '../aws/secrets.ts';
import { MAILS_PER_ADDRESS_PER_DAY } from '../privacy.ts';
import { TABLE_KEYS, mailLimitKey } from '../store/table.ts';

/**
 * The daily maximum of emails per address (see MAILS_PER_ADDRESS_PER_DAY), counted per calendar day
 * (UTC). The counter is keyed by a keyed HMAC of the day and the address (the 'mail-limit' key, derived
 * from the environment's secret token key), never the address itself nor a plain hash of it: without
 * the secret nobody can test a guessed address against the table, and the counters of one address on
 * two days do not match each other. It expires the day after. Its update goes into the same
 * transaction that stores the email: a full counter cancels the transaction before anything is
 * stored, so "limited" is decided before sending, never after.
 */
export function mailAllowanceUpdate(tableName: string, email: string, now: Date, limitKey: Buffer) {
  const day = now.toISOString().slice(0, 10);
  const addressHash = keyedHash(limitKey, day, email.trim().toLowerCase());
  const endOfNextDay = Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 2 * 24 * 3600;
  return {
    Update: {
      TableName: tableName,
      Key: mailLimitKey(addressHash, day),
      UpdateExpression: 'ADD #count :one SET #ttl = :expires',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#count': 'count', '#ttl': TABLE_KEYS.ttlAttribute },
      ExpressionAttributeValues: { ':one': 1, ':limit': MAILS_PER_ADDRESS_PER_DAY, ':expires': endOfNextDay },
    },
  };
}

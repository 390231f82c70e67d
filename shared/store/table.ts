/**
 * The single DynamoDB table: key names and item shapes in one place, for the data layer, the
 * CDK stack and the local emulator setup.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  queueIndex: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;

export const regioscanKey = (submissionId: string) => `REGIOSCAN#${submissionId}`;
export const SUBMISSION_SK = 'SUBMISSION';
export const MAIL_SK = 'MAIL';
export const MAIL_QUEUE_PENDING = 'MAIL#pending';
export const MAIL_QUEUE_DEAD = 'MAIL#dead';

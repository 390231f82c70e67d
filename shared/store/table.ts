/**
 * The single DynamoDB table: every key name, key pattern and shared attribute in one place, for the
 * data layer, the CDK stack and the local emulator setup. No other module builds a key.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  /** A sparse index: pending and dead mail (by due time), and the list of regions (by registration time). */
  queueIndex: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;

export interface ItemKey {
  pk: string;
  sk: string;
}

// Regioscan: a submission and, next to it, its pending email.
export const regioscanKey = (submissionId: string) => `REGIOSCAN#${submissionId}`;
export const SUBMISSION_SK = 'SUBMISSION';
export const submissionKey = (submissionId: string): ItemKey => ({ pk: regioscanKey(submissionId), sk: SUBMISSION_SK });

// The outbox: a pending email lives next to the item it belongs to.
export const MAIL_SK = 'MAIL';
/** An item with more than one email (a registration) names each: MAIL#operators, MAIL#contact-swv. */
export const mailKey = (ownerPk: string, name?: string): ItemKey => ({ pk: ownerPk, sk: name ? `${MAIL_SK}#${name}` : MAIL_SK });
export const isMailSortKey = (sk: string) => sk === MAIL_SK || sk.startsWith(`${MAIL_SK}#`);
export const MAIL_QUEUE_PENDING = 'MAIL#pending';
export const MAIL_QUEUE_DEAD = 'MAIL#dead';
/** The daily email counter of one address, under a one-way hash, one item per calendar day (UTC). */
export const mailLimitKey = (addressHash: string, day: string): ItemKey => ({ pk: `MAILLIMIT#${addressHash}#${day}`, sk: 'WINDOW' });
/** Form submits per network address and hour: a keyed HMAC of form, hour and address, never the address. */
export const rateLimitKey = (windowHash: string): ItemKey => ({ pk: `RATELIMIT#${windowHash}`, sk: 'WINDOW' });

// Context figures: the live snapshot pointer and one item per imported file.
export const INDICATOR_POINTER_KEY: ItemKey = { pk: 'INDICATORS', sk: 'CURRENT' };
export const importFileKey = (sha: string): ItemKey => ({ pk: `IMPORTFILE#${sha}`, sk: 'FILE' });

// Regions taking part: the region (registration, contacts, status) and its emails.
export const regionPk = (regionId: string) => `REGION#${regionId}`;
export const REGION_SK = 'REGION';
export const regionKey = (regionId: string): ItemKey => ({ pk: regionPk(regionId), sk: REGION_SK });
/** gsi1 partition that lists every region, newest registration last. */
export const REGION_LIST = 'REGIONS';
/** The region's private response page: keyed by the HMAC of its access key, never the key itself. */
export const regionAccessKey = (keyHash: string): ItemKey => ({ pk: `REGIONACCESS#${keyHash}`, sk: 'ACCESS' });

// Rounds: the round (with the frozen questionnaires), its counters, and the anonymous responses.
export const roundPk = (roundId: string) => `ROUND#${roundId}`;
export const ROUND_SK = 'ROUND';
export const roundKey = (roundId: string): ItemKey => ({ pk: roundPk(roundId), sk: ROUND_SK });
/** Rounds of a region: an item per round under the region, so listing needs no scan. */
export const regionRoundKey = (regionId: string, roundId: string): ItemKey => ({ pk: regionPk(regionId), sk: `ROUND#${roundId}` });
/** Counters per group and kind of link (issued, started, completed), moved with the invitation states. */
export const counterKey = (roundId: string, group: string, linkKind: string): ItemKey => ({ pk: roundPk(roundId), sk: `COUNT#${group}#${linkKind}` });
/**
 * A completed response: a fresh random id, no token, no hash, no time. Its sort key begins with the
 * group so a group's responses are one query; the random id gives no order.
 */
export const responseKey = (roundId: string, group: string, responseId: string): ItemKey => ({ pk: roundPk(roundId), sk: `RESPONSE#${group}#${responseId}` });
export const responsePrefix = (group?: string) => (group ? `RESPONSE#${group}#` : 'RESPONSE#');

// Invitations and drafts: keyed by two different HMACs of the token, so neither points to the other.
export const invitationKey = (tokenHash: string): ItemKey => ({ pk: `INVITATION#${tokenHash}`, sk: 'INVITATION' });
export const draftKey = (draftHash: string): ItemKey => ({ pk: `DRAFT#${draftHash}`, sk: 'DRAFT' });

// Benchmark: the pre-computed results of a region per round, and the request to run the job soon.
export const resultsPk = (regionId: string) => `RESULTS#${regionId}`;
export const resultsKey = (regionId: string, roundId: string): ItemKey => ({ pk: resultsPk(regionId), sk: `ROUND#${roundId}` });
export const BENCHMARK_REQUEST_KEY: ItemKey = { pk: 'BENCHMARK', sk: 'REQUEST' };

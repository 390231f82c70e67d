/** Results of groups smaller than this are never shown (regional summaries, benchmark). */
export const MIN_GROUP_SIZE = 5;

/**
 * A public form that emails any address could be used to flood someone's mailbox (and would hurt
 * the sender's reputation at SES): one address gets at most this many outcome emails per day.
 */
export const MAILS_PER_ADDRESS_PER_DAY = 3;

/** How long an email address may wait in the outbox before it is removed, sent or not. */
export const MAIL_ADDRESS_TTL_SECONDS = 3 * 24 * 3600;

/** Per-item figures and breakdowns by background are shown only from this many responses. */
export const MIN_ITEM_SIZE = 10;

/** The all-regions benchmark a region sees excludes itself and needs at least this many other regions. */
export const MIN_OTHER_REGIONS = 5;

/** Ventile bands (like the original monitor's 20 bars) only from this many regions. */
export const VENTILE_MIN_REGIONS = 20;

/** An item's mean is not shown when more than this share answered "weet ik niet". */
export const MAX_DONT_KNOW_SHARE = 0.5;

/** Results of groups smaller than this are never shown (regional summaries, benchmark). */
export const MIN_GROUP_SIZE = 5;

/**
 * A public form that emails any address could be used to flood someone's mailbox (and would hurt
 * the sender's reputation at SES): one address gets at most this many outcome emails per day.
 */
export const MAILS_PER_ADDRESS_PER_DAY = 3;

/** How long an email address may wait in the outbox before it is removed, sent or not. */
export const MAIL_ADDRESS_TTL_SECONDS = 3 * 24 * 3600;

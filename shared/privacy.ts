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

/**
 * Bot protection of the public forms (Regioscan, registration), without cookies or outside services.
 * A form post that arrives sooner than this many seconds after step 1 was sent is refused as "too fast"
 * (a person needs longer; a script does not). FORM_MIN_FILL_SECONDS in the environment replaces both
 * (0 in the tests that post forms at machine speed).
 */
export const REGIOSCAN_MIN_FILL_SECONDS = 8;
export const REGISTRATION_MIN_FILL_SECONDS = 10;

/**
 * Most stored submissions per network address per hour. The Regioscan's limit leaves room for a
 * meeting of colleagues behind one office address; a region registers once. The count is kept under a
 * keyed HMAC of the address and the hour (never the address) and expires after RATE_LIMIT_TTL_SECONDS.
 * FORM_RATE_LIMIT_PER_HOUR in the environment replaces both (the tests and the local benchmark).
 */
export const REGIOSCAN_SUBMITS_PER_IP_PER_HOUR = 60;
export const REGISTRATIONS_PER_IP_PER_HOUR = 5;
export const RATE_LIMIT_TTL_SECONDS = 2 * 3600;

/**
 * Most new drafts (a Regioscan or registration started) per network address per hour, per form: a
 * draft is stored for a day, so a script must not start them without end. Room for a training room
 * behind one address; counted like the submits. FORM_DRAFT_LIMIT_PER_HOUR in the environment replaces it.
 */
export const FORM_DRAFTS_PER_IP_PER_HOUR = 120;

/**
 * How long an unfinished Regioscan lives on the server (its draft: the answers so far, encrypted under
 * a key only the visitor's link holds) after its last step, and how long its outcome page stays
 * reachable after sending. The privacy page states it.
 */
export const REGIOSCAN_DRAFT_TTL_SECONDS = 24 * 3600;

/**
 * How long an unfinished registration of a region lives on the server (its draft: the answers so far,
 * the contact persons included, encrypted under a key only the visitor's page address holds) after its
 * last step, and how long the confirmation page stays reachable after sending. The registration's
 * start page and the privacy page state it.
 */
export const REGISTRATION_DRAFT_TTL_SECONDS = 24 * 3600;

/**
 * The field names of the bot check (shared/forms/bot-check.ts), apart so that pages (also those the
 * static site renders) need not load the check's crypto and AWS code.
 */

/** The honeypot: a plausible name, so a script fills it. */
export const HONEYPOT_FIELD = 'website';

/**
 * Contact details shown on the information pages (privacy, toegankelijkheid, handleiding).
 *
 * OPERATOR: PLACEHOLDER. Replace CONTACT_EMAIL with the real, monitored address of the organisation
 * that runs the Monitor AOJ before going live. It is the only place the address is set.
 */
export const CONTACT_EMAIL = 'info@monitor-aoj.nl';

/**
 * Regional summaries only show groups of at least this many people (the Regioscan consent text in
 * shared/regioscan/pages.ts says the same). Move to shared/ when the benchmark code defines it.
 */
export const MIN_GROUP_SIZE = 5;

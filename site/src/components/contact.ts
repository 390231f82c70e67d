/**
 * Contact details shown on the information pages (privacy, toegankelijkheid, handleiding).
 *
 * OPERATOR: PLACEHOLDER. Replace CONTACT_EMAIL with the real, monitored address of the organisation
 * that runs the Monitor AOJ before going live. It is the only place the address is set.
 */
export const CONTACT_EMAIL = 'info@monitor-aoj.nl';

export { MIN_GROUP_SIZE } from '../../../shared/privacy.ts';

import { draftGoneResponse } from '../forms/drafts.ts';
import { DRAFT_HOURS, renderRegistrationGonePage } from './pages.ts';

/** An unknown (404) or expired (410 DRAFT_EXPIRED) registration draft: a Dutch page with a link to start again, or the code for programs. */
export function registrationGone(expired: boolean): never {
  return draftGoneResponse(expired, {
    page: renderRegistrationGonePage,
    expiredMessage: `Deze aanmelding is verlopen: wij bewaren haar ${DRAFT_HOURS} uur na de laatste stap. Begin opnieuw.`,
    unknownMessage: 'Deze aanmelding bestaat niet (meer). Begin opnieuw.',
  });
}

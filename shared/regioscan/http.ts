import { draftDeps, draftGoneResponse as formDraftGone, redirect } from '../forms/drafts.ts';
import { REGIOSCAN_DRAFT_TTL_SECONDS } from '../privacy.ts';
import { renderDraftGonePage } from './pages.ts';

/**
 * Post, redirect, get: a posted step is answered with 303 to the GET page that follows; the draft
 * dependencies are the forms' own (shared/forms/drafts.ts).
 */
export { redirect, draftDeps as regioscanDraftDeps };

/** An unknown or expired draft: a Dutch page with a link to start again (404 or 410), or the code for programs. */
export function draftGoneResponse(expired: boolean): never {
  const hours = Math.round(REGIOSCAN_DRAFT_TTL_SECONDS / 3600);
  return formDraftGone(expired, {
    page: renderDraftGonePage,
    expiredMessage: `Deze Regioscan is verlopen: wij bewaren hem ${hours} uur na de laatste stap. Begin opnieuw.`,
    unknownMessage: 'Deze Regioscan bestaat niet (meer). Begin opnieuw.',
  });
}

import { documentClient } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { draftDeps, redirect, type DraftDeps } from '../../shared/forms/drafts.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler, type ApiEvent, type ApiResult } from '../../shared/http/handler.ts';
import { draftLimitedResponse, takeDraftAllowance } from '../../shared/forms/bot-check.ts';
import { formStep, parseBody } from '../../shared/http/request.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import {
  createRegistrationDraft,
  draftWithState,
  openRegistrationDraft,
  saveRegistrationDraft,
  stateOfDraft,
  stepView,
} from '../../shared/registration/draft.ts';
import { CHECK_STEP, cleanState, emptyState, mergeStep, navigate, postedFields, TOTAL_STEPS, validateStep, type Navigation } from '../../shared/registration/flow.ts';
import { registrationGone } from '../../shared/registration/http.ts';
import { receivedPath, REGISTRATION_SECTION, renderRegistrationReceived, renderRegistrationStep, stepPath } from '../../shared/registration/pages.ts';

/**
 * The registration's steps as pages of a server-side draft (post, redirect, get), like the
 * Regioscan's: POST /api/aanmelden/stap (the static step 1) makes the draft; GET
 * /api/aanmelden/{draftId}/stap/{step} shows a step with the saved answers; POST to the same address
 * saves the step and redirects (303) to the next page, or, when the step has errors, to the same step,
 * whose GET page then shows them with status 422. So no page in the browser's history answers a post:
 * Back and reload work, with and without JavaScript. GET /api/aanmelden/{draftId}/ontvangen: the
 * confirmation after sending (registration-submit).
 */
const INVALID_STEP_MESSAGE = 'Deze stap van het formulier bestaat niet. Begin opnieuw met aanmelden.';
const MAX_SAVE_TRIES = 3;

async function start(event: ApiEvent, deps: DraftDeps): Promise<ApiResult> {
  const form = parseBody(event, ['form']).value as URLSearchParams;
  const allowed = await takeDraftAllowance({ doc: deps.store.doc, config: runtimeConfig(), now: deps.now }, event, 'registration');
  if (!allowed.ok) return draftLimitedResponse(allowed.retryAfterSeconds, { href: '/aanmelden/stap-1/', label: 'Terug naar aanmelden' }, '/aanmelden/');
  const state = mergeStep(emptyState(), 1, form);
  if (validateStep(1, state).length === 0) return redirect(stepPath(await createRegistrationDraft(deps, state), 2));
  // Errors: the draft keeps what was typed, and its step 1 shows the errors (a GET page, 422).
  const draftId = await createRegistrationDraft(deps, cleanState(state), { step: 1, fields: postedFields(1, form), fromCheck: false });
  return redirect(stepPath(draftId, 1));
}

async function step(event: ApiEvent, deps: DraftDeps, draftId: string): Promise<ApiResult> {
  const number = formStep(event.pathParameters?.step ?? null, TOTAL_STEPS, INVALID_STEP_MESSAGE);
  const isPost = event.requestContext.http.method === 'POST';
  const form = isPost ? (parseBody(event, ['form']).value as URLSearchParams) : undefined;
  for (let attempt = 0; attempt < MAX_SAVE_TRIES; attempt++) {
    const opened = await openRegistrationDraft(deps, draftId);
    if (opened.kind !== 'open') return registrationGone(opened.kind === 'expired');
    const { draft, version } = opened;
    // Sent already: every step leads to the confirmation (no second send through Back).
    if (draft.sent) return redirect(receivedPath(draftId));
    if (!form) {
      const fromCheck = new URLSearchParams(event.rawQueryString ?? '').get('terug') === 'controle' && number < CHECK_STEP;
      const view = stepView(draft, number, fromCheck);
      return htmlResponse(view.errors.length > 0 ? 422 : 200, renderRegistrationStep(number, view.state, draftId, view.errors));
    }
    const nav: Navigation = form.get('actie') === 'vorige' ? { action: 'vorige' } : { action: 'volgende' };
    const merged = mergeStep(stateOfDraft(draft, form.get('terug') === 'controle'), number, form);
    const outcome = navigate(number, nav, merged);
    // Save the step also when it has errors or goes back: nothing typed is lost; with errors, also
    // what was typed on the step as posted, for its page to show with the errors.
    const invalid = outcome.errors.length > 0 ? { step: outcome.step, ...(outcome.step === number ? { fields: postedFields(number, form) } : {}), fromCheck: merged.fromCheck } : undefined;
    const saved = await saveRegistrationDraft(deps, draftId, draftWithState(draft, cleanState(merged), invalid), version);
    if (saved === 'stale') continue; // another tab saved first: read again and merge
    return redirect(stepPath(draftId, outcome.step));
  }
  throw httpError('SUBMISSION_CONFLICT', [], undefined, 'Uw gegevens zijn tegelijk op een andere plek veranderd. Laad de pagina opnieuw.');
}

/** The confirmation page of a sent registration; a draft not sent yet leads to its check page. */
async function received(deps: DraftDeps, draftId: string): Promise<ApiResult> {
  const opened = await openRegistrationDraft(deps, draftId);
  if (opened.kind !== 'open') return registrationGone(opened.kind === 'expired');
  const sent = opened.draft.sent;
  if (!sent) return redirect(stepPath(draftId, CHECK_STEP));
  return htmlResponse(200, renderRegistrationReceived(sent.registration, sent.warnings));
}

export const handler = apiHandler(async (event) => {
  const deps = await draftDeps(documentClient(), runtimeConfig(), tokenKey);
  const draftId = event.pathParameters?.draftId;
  if (draftId === undefined) return start(event, deps);
  if (event.pathParameters?.step === undefined) return received(deps, draftId);
  return step(event, deps, draftId);
}, REGISTRATION_SECTION);

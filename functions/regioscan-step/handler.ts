import { documentClient } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler, type ApiEvent, type ApiResult } from '../../shared/http/handler.ts';
import { draftLimitedResponse, takeDraftAllowance } from '../../shared/forms/bot-check.ts';
import { formStep, parseBody } from '../../shared/http/request.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import {
  createRegioscanDraft,
  draftWithState,
  openRegioscanDraft,
  saveRegioscanDraft,
  stateOfDraft,
  stepView,
  type DraftDeps,
} from '../../shared/regioscan/draft.ts';
import { emptyState, mergeStep, cleanState, navigate, postedFields, TOTAL_STEPS, validateStep, type Navigation } from '../../shared/regioscan/flow.ts';
import { draftGoneResponse, redirect, regioscanDraftDeps } from '../../shared/regioscan/http.ts';
import { outcomePath, renderStepPage, stepPath, REGIOSCAN_SECTION } from '../../shared/regioscan/pages.ts';

/**
 * The Regioscan's steps as pages of a server-side draft (post, redirect, get): POST /api/regioscan/stap
 * (the static step 1) makes the draft; GET /api/regioscan/{draftId}/stap/{step} shows a step with the
 * saved answers; POST to the same address saves the step and redirects (303) to the next page, or,
 * when the step has errors, to the same step, whose GET page then shows them with status 422. So no
 * page in the browser's history answers a post: Back and reload work, with and without JavaScript.
 */
const MAX_SAVE_TRIES = 3;

async function start(event: ApiEvent, deps: DraftDeps): Promise<ApiResult> {
  const form = parseBody(event, ['form']).value as URLSearchParams;
  const allowed = await takeDraftAllowance({ doc: deps.store.doc, config: runtimeConfig(), now: deps.now }, event, 'regioscan');
  if (!allowed.ok) return draftLimitedResponse(allowed.retryAfterSeconds, { href: '/regioscan/stap-1/', label: 'Terug naar de Regioscan' }, '/regioscan/');
  const state = mergeStep(emptyState(), 1, form);
  if (validateStep(1, state).length === 0) return redirect(stepPath(await createRegioscanDraft(deps, state), 2));
  // Errors: the draft keeps what was typed, and its step 1 shows the errors (a GET page, 422).
  const draftId = await createRegioscanDraft(deps, cleanState(state), { step: 1, fields: postedFields(1, form), fromCheck: false });
  return redirect(stepPath(draftId, 1));
}

async function step(event: ApiEvent, deps: DraftDeps, draftId: string): Promise<ApiResult> {
  const number = formStep(event.pathParameters?.step ?? null, TOTAL_STEPS);
  const isPost = event.requestContext.http.method === 'POST';
  const form = isPost ? (parseBody(event, ['form']).value as URLSearchParams) : undefined;
  for (let attempt = 0; attempt < MAX_SAVE_TRIES; attempt++) {
    const opened = await openRegioscanDraft(deps, draftId);
    if (opened.kind !== 'open') return draftGoneResponse(opened.kind === 'expired');
    const { draft, version } = opened;
    // Sent already: every step leads to the outcome (no second send through Back).
    if (draft.sent) return redirect(outcomePath(draftId));
    if (!form) {
      const fromCheck = new URLSearchParams(event.rawQueryString ?? '').get('terug') === 'controle';
      const view = stepView(draft, number, fromCheck);
      return htmlResponse(view.errors.length > 0 ? 422 : 200, renderStepPage(number, view.state, draftId, view.errors));
    }
    const nav: Navigation = form.get('actie') === 'vorige' ? { action: 'vorige' } : { action: 'volgende' };
    const merged = mergeStep(stateOfDraft(draft, form.get('terug') === 'controle'), number, form);
    const outcome = navigate(number, nav, merged);
    // Save what is valid, also when the step has errors or goes back: nothing typed correctly is lost;
    // with errors, also what was typed on the step, for its page to show with the errors.
    const invalid = outcome.errors.length > 0 ? { step: outcome.step, ...(outcome.step === number ? { fields: postedFields(number, form) } : {}), fromCheck: merged.fromCheck } : undefined;
    const saved = await saveRegioscanDraft(deps, draftId, { ...draftWithState(draft, cleanState(merged)), ...(invalid ? { invalid } : {}) }, version);
    if (saved === 'stale') continue; // another tab saved first: read again and merge
    return redirect(stepPath(draftId, outcome.step));
  }
  throw httpError('SUBMISSION_CONFLICT', [], undefined, 'Uw antwoorden zijn tegelijk op een andere plek veranderd. Laad de pagina opnieuw.');
}

export const handler = apiHandler(async (event) => {
  const deps = await regioscanDraftDeps(documentClient(), runtimeConfig(), tokenKey);
  const draftId = event.pathParameters?.draftId;
  return draftId === undefined ? start(event, deps) : step(event, deps, draftId);
}, REGIOSCAN_SECTION);

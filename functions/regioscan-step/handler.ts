import { documentClient } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler, type ApiEvent, type ApiResult } from '../../shared/http/handler.ts';
import { formStep, parseBody } from '../../shared/http/request.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import {
  createRegioscanDraft,
  draftWithState,
  openRegioscanDraft,
  saveRegioscanDraft,
  stateOfDraft,
  type DraftDeps,
} from '../../shared/regioscan/draft.ts';
import { emptyState, mergeStep, cleanState, navigate, TOTAL_STEPS, validateStep, type Navigation } from '../../shared/regioscan/flow.ts';
import { draftGoneResponse, redirect, regioscanDraftDeps } from '../../shared/regioscan/http.ts';
import { outcomePath, renderStepPage, stepPath, REGIOSCAN_SECTION } from '../../shared/regioscan/pages.ts';

/**
 * The Regioscan's steps as pages of a server-side draft (post, redirect, get): POST /api/regioscan/stap
 * (the static step 1) makes the draft; GET /api/regioscan/{draftId}/stap/{step} shows a step with the
 * saved answers; POST to the same address saves the step and redirects (303) to the next page, or
 * shows the step again with its errors (422). Back and reload work, with and without JavaScript.
 */
const MAX_SAVE_TRIES = 3;

async function start(event: ApiEvent, deps: DraftDeps): Promise<ApiResult> {
  const form = parseBody(event, ['form']).value as URLSearchParams;
  const state = mergeStep(emptyState(), 1, form);
  const errors = validateStep(1, state);
  // Nothing is stored until step 1 is complete.
  if (errors.length > 0) return htmlResponse(422, renderStepPage(1, state, undefined, errors));
  const draftId = await createRegioscanDraft(deps, state);
  return redirect(stepPath(draftId, 2));
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
      return htmlResponse(200, renderStepPage(number, stateOfDraft(draft, fromCheck), draftId));
    }
    const nav: Navigation = form.get('actie') === 'vorige' ? { action: 'vorige' } : { action: 'volgende' };
    const merged = mergeStep(stateOfDraft(draft, form.get('terug') === 'controle'), number, form);
    const outcome = navigate(number, nav, merged);
    // Save what is valid, also when the step has errors or goes back: nothing typed correctly is lost.
    const saved = await saveRegioscanDraft(deps, draftId, draftWithState(draft, cleanState(merged)), version);
    if (saved === 'stale') continue; // another tab saved first: read again and merge
    if (outcome.errors.length > 0) return htmlResponse(422, renderStepPage(outcome.step, outcome.state, draftId, outcome.errors));
    return redirect(stepPath(draftId, outcome.step));
  }
  throw httpError('SUBMISSION_CONFLICT', [], undefined, 'Uw antwoorden zijn tegelijk op een andere plek veranderd. Laad de pagina opnieuw.');
}

export const handler = apiHandler(async (event) => {
  const deps = await regioscanDraftDeps(documentClient(), runtimeConfig(), tokenKey);
  const draftId = event.pathParameters?.draftId;
  return draftId === undefined ? start(event, deps) : step(event, deps, draftId);
}, REGIOSCAN_SECTION);

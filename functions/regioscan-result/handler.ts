import * as z from 'zod';
import { documentClient } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler, type ApiEvent, type ApiResult } from '../../shared/http/handler.ts';
import { wantsHtml } from '../../shared/http/request.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';
import { openRegioscanDraft, stateOfDraft } from '../../shared/regioscan/draft.ts';
import { EMAIL_STEP, firstIncompleteStep } from '../../shared/regioscan/flow.ts';
import { draftGoneResponse, redirect, regioscanDraftDeps } from '../../shared/regioscan/http.ts';
import { renderConfirmationPage, renderResultPage, stepPath, REGIOSCAN_SECTION } from '../../shared/regioscan/pages.ts';
import { getSubmission } from '../../shared/store/regioscan-store.ts';

const NOT_FOUND_MESSAGE = 'Deze uitkomst bestaat niet. Controleer of u de hele link uit de e-mail heeft gebruikt.';

/** GET /api/regioscan/uitkomst/{submissionId}: the lasting result page behind the link in the email (stored with consent). */
async function result(event: ApiEvent): Promise<ApiResult> {
  const id = z.uuid().safeParse(event.pathParameters?.submissionId);
  const record = id.success ? await getSubmission(documentClient(), runtimeConfig().TABLE_NAME, id.data) : undefined;
  if (!record) throw httpError('NOT_FOUND', [], undefined, NOT_FOUND_MESSAGE);
  if (!wantsHtml(event)) {
    const { submissionId, gemeente, rol, createdAt, scores } = record;
    return jsonResponse(200, { submissionId, gemeente, rol, createdAt, scores });
  }
  return htmlResponse(200, renderResultPage(record));
}

/**
 * GET /api/regioscan/{draftId}/uitkomst: the outcome right after sending, from the draft (so it is
 * shown also when nothing was stored), as long as the draft lives. Not sent yet: back to the form.
 */
async function outcome(draftId: string): Promise<ApiResult> {
  const config = runtimeConfig();
  const deps = await regioscanDraftDeps(documentClient(), config, tokenKey);
  const opened = await openRegioscanDraft(deps, draftId);
  if (opened.kind !== 'open') return draftGoneResponse(opened.kind === 'expired');
  const { draft } = opened;
  if (!draft.sent) return redirect(stepPath(draftId, firstIncompleteStep(stateOfDraft(draft), EMAIL_STEP) ?? EMAIL_STEP));
  const { sent } = draft;
  const view = { submissionId: draft.submissionId, gemeente: sent.gemeente, rol: sent.rol, createdAt: sent.at, scores: sent.scores };
  return htmlResponse(200, renderConfirmationPage(view, sent.emailStatus, sent.email, config.PUBLIC_URL, sent.kept));
}

export const handler = apiHandler(async (event) => {
  const draftId = event.pathParameters?.draftId;
  return draftId === undefined ? result(event) : outcome(draftId);
}, REGIOSCAN_SECTION);

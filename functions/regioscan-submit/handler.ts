import { mailDeps } from '../../shared/aws/clients.ts';
import { checkFormFillTime, honeypotFilled, rateLimitedMessage, rateLimitedResponse, takeSubmitAllowance } from '../../shared/forms/bot-check.ts';
import { ERRORS, httpError } from '../../shared/http/errors.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { parseBody } from '../../shared/http/request.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';
import { EMAIL_STEP, checkFormSubmission, stateFromForm, type FlowState } from '../../shared/regioscan/flow.ts';
import { formNotice } from '../../shared/web/form.ts';
import { renderConfirmationPage, renderStepPage, resultPath, REGIOSCAN_SECTION } from '../../shared/regioscan/pages.ts';
import { bandFor, themeById } from '../../shared/regioscan/scoring.ts';
import { submitRegioscan } from '../../shared/regioscan/submit.ts';
import { fieldErrors } from '../../shared/forms/fields.ts';
import { submissionSchema, type RegioscanSubmission } from '../../shared/regioscan/validation.ts';

/** POST /api/regioscan: a complete Regioscan, as JSON (API, script) or as the last form step (HTML). */
export const handler = apiHandler(async (event) => {
  const body = parseBody(event, ['json', 'form']);
  const deps = mailDeps();
  let submission: RegioscanSubmission;
  /** The answers of a form post, to show the form again when the submit is refused. */
  let formState: FlowState | undefined;
  if (body.kind === 'json') {
    const parsed = submissionSchema.safeParse(body.value);
    if (!parsed.success) throw httpError('VALIDATION_FAILED', fieldErrors(parsed.error));
    submission = parsed.data;
  } else {
    if (honeypotFilled(body.value)) throw httpError('FORM_REJECTED');
    let state = stateFromForm(body.value);
    const checked = checkFormSubmission(state);
    if (!checked.ok) throw httpError('VALIDATION_FAILED', checked.errors, renderStepPage(checked.step, state, checked.errors));
    submission = checked.submission;
    const fill = await checkFormFillTime(deps.config, 'regioscan', submission.submissionId, state.gestart, deps.now());
    if (!fill.ok) {
      state = { ...state, gestart: fill.stamp };
      throw httpError('TOO_FAST', [], renderStepPage(EMAIL_STEP, state, [], formNotice('Verstuur het formulier opnieuw', ERRORS.TOO_FAST.message)));
    }
    formState = state;
  }
  // JSON posts (programs) carry no stamp and no honeypot: for them only this limit applies.
  const allowance = await takeSubmitAllowance(deps, event, 'regioscan');
  if (!allowance.ok) {
    const page = formState
      ? renderStepPage(EMAIL_STEP, formState, [], formNotice('Probeer het later opnieuw', `${rateLimitedMessage(allowance.retryAfterSeconds)} Uw antwoorden staan hieronder nog.`))
      : undefined;
    return rateLimitedResponse(allowance.retryAfterSeconds, page);
  }

  const result = await submitRegioscan(deps, submission);
  if (result.outcome !== 'stored') await allowance.giveBack();
  if (result.outcome === 'conflict') {
    throw httpError('SUBMISSION_CONFLICT', [], undefined, 'Deze Regioscan is al verstuurd met andere antwoorden. Begin opnieuw als u hem nog een keer wilt invullen.');
  }
  const { record, duplicate, emailStatus } = result;
  const resultUrl = `${deps.config.PUBLIC_URL}${resultPath(record.submissionId)}`;
  if (body.kind === 'form') {
    return htmlResponse(200, renderConfirmationPage(record, emailStatus, submission.email, deps.config.PUBLIC_URL));
  }
  return jsonResponse(duplicate ? 200 : 201, {
    submissionId: record.submissionId,
    duplicate,
    resultUrl,
    email: { status: emailStatus },
    scores: record.scores.map((s) => ({
      themeId: s.themeId,
      title: themeById(s.themeId).title,
      score: s.score,
      band: s.score === null ? null : bandFor(themeById(s.themeId), s.score).label,
      answered: s.answered,
      dontKnow: s.dontKnow,
    })),
  });
}, REGIOSCAN_SECTION);

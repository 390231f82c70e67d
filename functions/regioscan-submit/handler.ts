import { mailDeps } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { filledLongEnough, honeypotFilled, rateLimitedMessage, rateLimitedResponse, takeSubmitAllowance } from '../../shared/forms/bot-check.ts';
import { fieldErrors } from '../../shared/forms/fields.ts';
import { ERRORS, httpError } from '../../shared/http/errors.ts';
import { apiHandler, type ApiEvent, type ApiResult } from '../../shared/http/handler.ts';
import { FORM_TYPE, mediaType, parseBody } from '../../shared/http/request.ts';
import { jsonResponse } from '../../shared/http/response.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import { draftWithState, openRegioscanDraft, saveRegioscanDraft, stateOfDraft, type DraftDeps, type RegioscanDraft } from '../../shared/regioscan/draft.ts';
import { EMAIL_STEP, checkFormSubmission, cleanState, mergeStep, postedFields } from '../../shared/regioscan/flow.ts';
import { draftGoneResponse, redirect } from '../../shared/regioscan/http.ts';
import { outcomePath, renderStepPage, resultPath, stepPath, REGIOSCAN_SECTION } from '../../shared/regioscan/pages.ts';
import { bandFor, themeById } from '../../shared/regioscan/scoring.ts';
import { submitRegioscan, type SubmitOutcome } from '../../shared/regioscan/submit.ts';
import { submissionSchema, type RegioscanSubmission } from '../../shared/regioscan/validation.ts';
import { formNotice } from '../../shared/web/form.ts';

const CONFLICT_MESSAGE = 'Deze Regioscan is al verstuurd met andere antwoorden. Begin opnieuw als u hem nog een keer wilt invullen.';

/**
 * Stores and sends when something is to be kept (the answers with consent, the email with an
 * address); counts against the hourly limit only then. Nothing stored: the outcome is only computed.
 */
async function store(event: ApiEvent, submission: RegioscanSubmission, limitedPage?: (message: string) => string): Promise<SubmitOutcome | ApiResult> {
  const deps = mailDeps();
  const storesSomething = submission.toestemming || submission.email !== undefined;
  const allowance = storesSomething ? await takeSubmitAllowance(deps, event, 'regioscan') : undefined;
  if (allowance && !allowance.ok) return rateLimitedResponse(allowance.retryAfterSeconds, limitedPage?.(rateLimitedMessage(allowance.retryAfterSeconds)));
  const result = await submitRegioscan(deps, submission);
  if (allowance?.ok && result.outcome !== 'stored') await allowance.giveBack();
  if (result.outcome === 'conflict') throw httpError('SUBMISSION_CONFLICT', [], undefined, CONFLICT_MESSAGE);
  return result;
}

const isResult = (value: SubmitOutcome | ApiResult): value is ApiResult => 'statusCode' in value;

/** POST /api/regioscan: a complete Regioscan as JSON (programs). */
async function submitJson(event: ApiEvent, body: unknown): Promise<ApiResult> {
  const parsed = submissionSchema.safeParse(body);
  if (!parsed.success) throw httpError('VALIDATION_FAILED', fieldErrors(parsed.error));
  // JSON posts (programs) carry no honeypot and have no draft: for them only the rate limit applies.
  const result = await store(event, parsed.data);
  if (isResult(result)) return result;
  if (result.outcome === 'conflict') throw httpError('SUBMISSION_CONFLICT');
  const { record, duplicate, emailStatus, kept } = result;
  return jsonResponse(result.outcome === 'stored' && kept ? 201 : 200, {
    submissionId: record.submissionId,
    duplicate,
    stored: kept,
    ...(kept ? { resultUrl: `${mailDeps().config.PUBLIC_URL}${resultPath(record.submissionId)}` } : {}),
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
}

/**
 * POST /api/regioscan/{draftId}/versturen: the email step of the form. Checks the honeypot, the whole
 * draft and the time since the draft was made; stores what is to be kept, notes the outcome in the
 * draft (without the answers) and redirects to the outcome page. A second post finds the draft sent
 * and redirects again: one submission, one email.
 */
async function submitForm(event: ApiEvent, form: URLSearchParams, draftId: string): Promise<ApiResult> {
  const config = mailDeps().config;
  const deps: DraftDeps = { store: { doc: mailDeps().doc, tableName: config.TABLE_NAME }, key: await tokenKey(config), now: () => new Date() };
  if (honeypotFilled(form)) throw httpError('FORM_REJECTED');
  const opened = await openRegioscanDraft(deps, draftId);
  if (opened.kind !== 'open') return draftGoneResponse(opened.kind === 'expired');
  const { draft, version } = opened;
  if (draft.sent) return redirect(outcomePath(draftId));
  const state = mergeStep(stateOfDraft(draft), EMAIL_STEP, form);
  const keep = (invalid?: RegioscanDraft['invalid']): Promise<unknown> =>
    saveRegioscanDraft(deps, draftId, { ...draftWithState(draft, cleanState(state)), ...(invalid ? { invalid } : {}) }, version);
  const checked = checkFormSubmission(state);
  if (!checked.ok) {
    // Post, redirect, get also for errors: the step's GET page shows them (422).
    await keep({ step: checked.step, ...(checked.step === EMAIL_STEP ? { fields: postedFields(EMAIL_STEP, form) } : {}), fromCheck: false });
    return redirect(stepPath(draftId, checked.step));
  }
  if (!filledLongEnough(config, 'regioscan', draft.startedAt, deps.now())) {
    await keep();
    throw httpError('TOO_FAST', [], renderStepPage(EMAIL_STEP, state, draftId, [], formNotice('Verstuur het formulier opnieuw', ERRORS.TOO_FAST.message)));
  }
  const submission = checked.submission;
  const result = await store(event, submission, (message) =>
    renderStepPage(EMAIL_STEP, state, draftId, [], formNotice('Probeer het later opnieuw', `${message} Uw antwoorden staan nog klaar.`)),
  );
  if (isResult(result)) return result;
  if (result.outcome === 'conflict') throw httpError('SUBMISSION_CONFLICT');
  const sent: RegioscanDraft = {
    submissionId: draft.submissionId,
    startedAt: draft.startedAt,
    antwoorden: {},
    sent: {
      at: result.record.createdAt,
      gemeente: result.record.gemeente,
      rol: result.record.rol,
      scores: result.record.scores,
      emailStatus: result.emailStatus,
      ...(submission.email ? { email: submission.email } : {}),
      kept: result.kept,
    },
  };
  // A double post of this draft: the post that stored (and sent) notes its outcome, over a duplicate's
  // if that saved first; a duplicate notes its own only if nothing was noted yet.
  let current = version;
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await saveRegioscanDraft(deps, draftId, sent, current)) === 'saved' || result.duplicate) break;
    const again = await openRegioscanDraft(deps, draftId);
    if (again.kind !== 'open') break;
    current = again.version;
  }
  return redirect(outcomePath(draftId));
}

/** POST /api/regioscan (JSON) and POST /api/regioscan/{draftId}/versturen (the form's last step). */
export const handler = apiHandler(async (event) => {
  const draftId = event.pathParameters?.draftId;
  if (draftId === undefined) {
    // The website's form sends its last step to its draft's address; this route is for programs.
    if (mediaType(event) === FORM_TYPE) throw httpError('UNSUPPORTED_MEDIA_TYPE', [], undefined, 'Stuur de gegevens als JSON. Vult u de Regioscan op de website in? Begin dan opnieuw op /regioscan/.');
    const body = parseBody(event, ['json']);
    return submitJson(event, body.value);
  }
  const body = parseBody(event, ['form']);
  return submitForm(event, body.value as URLSearchParams, draftId);
}, REGIOSCAN_SECTION);

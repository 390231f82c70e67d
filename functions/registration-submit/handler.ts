import { mailDeps } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { filledLongEnough, honeypotFilled, rateLimitedMessage, rateLimitedResponse, takeSubmitAllowance } from '../../shared/forms/bot-check.ts';
import { redirect, type DraftDeps } from '../../shared/forms/drafts.ts';
import { fieldErrors } from '../../shared/forms/fields.ts';
import { FORM_TYPE, mediaType, parseBody } from '../../shared/http/request.ts';
import { httpError } from '../../shared/http/errors.ts';
import { formNotice } from '../../shared/web/form.ts';
import { apiHandler, type ApiEvent, type ApiResult } from '../../shared/http/handler.ts';
import { jsonResponse } from '../../shared/http/response.ts';
import { register } from '../../shared/participation/registering.ts';
import { draftWithState, openRegistrationDraft, saveRegistrationDraft, stateOfDraft, type RegistrationDraft } from '../../shared/registration/draft.ts';
import { CHECK_STEP, checkFormSubmission } from '../../shared/registration/flow.ts';
import { registrationGone } from '../../shared/registration/http.ts';
import { receivedPath, REGISTRATION_SECTION, renderRegistrationStep, stepPath } from '../../shared/registration/pages.ts';
import { registrationSchema } from '../../shared/registration/validation.ts';

const FORM_REJECTED_MESSAGE =
  'Wij konden de aanmelding niet verwerken. Er stond iets in een veld dat leeg moet blijven. Vult een programma formulieren voor u in? Zet dat dan uit en begin opnieuw met aanmelden.';
const TOO_FAST_MESSAGE = 'U verstuurde de aanmelding erg snel. Kijk de gegevens nog even na en verstuur de aanmelding opnieuw.';

/** POST /api/aanmelden: a complete registration as JSON (programs). No draft, no honeypot: only the rate limit applies. */
async function submitJson(event: ApiEvent, body: unknown): Promise<ApiResult> {
  const deps = mailDeps();
  const parsed = registrationSchema.safeParse(body);
  if (!parsed.success) throw httpError('VALIDATION_FAILED', fieldErrors(parsed.error));
  const allowance = await takeSubmitAllowance(deps, event, 'registration');
  if (!allowance.ok) return rateLimitedResponse(allowance.retryAfterSeconds);
  const result = await register(deps, parsed.data);
  if (result.outcome !== 'stored') await allowance.giveBack();
  if (result.outcome === 'conflict') throw httpError('REGISTRATION_CONFLICT');
  const { region } = result;
  return jsonResponse(result.outcome === 'duplicate' ? 200 : 201, { regionId: region.regionId, duplicate: result.outcome === 'duplicate', status: region.status, warnings: region.warnings });
}

/**
 * POST /api/aanmelden/{draftId}/versturen: the check page's form. Checks the honeypot, the whole draft
 * and the time since the draft was made; stores the registration and its emails (one transaction, the
 * emails through the outbox; a double send is one registration), notes it in the draft (without the
 * answers) and redirects to the confirmation page. A second post finds the draft sent and redirects
 * again: one registration, one set of emails.
 */
async function submitForm(event: ApiEvent, form: URLSearchParams, draftId: string): Promise<ApiResult> {
  const mail = mailDeps();
  const deps: DraftDeps = { store: { doc: mail.doc, tableName: mail.config.TABLE_NAME }, key: await tokenKey(mail.config), now: () => new Date() };
  if (honeypotFilled(form)) throw httpError('FORM_REJECTED', [], undefined, FORM_REJECTED_MESSAGE);
  const opened = await openRegistrationDraft(deps, draftId);
  if (opened.kind !== 'open') return registrationGone(opened.kind === 'expired');
  const { draft, version } = opened;
  if (draft.sent) return redirect(receivedPath(draftId));
  const state = stateOfDraft(draft);
  const checked = checkFormSubmission(state);
  if (!checked.ok) {
    // Post, redirect, get also for errors: the step's GET page shows them (422).
    await saveRegistrationDraft(deps, draftId, draftWithState(draft, state, { step: checked.step, fromCheck: false }), version);
    return redirect(stepPath(draftId, checked.step));
  }
  if (!filledLongEnough(mail.config, 'registration', draft.startedAt, deps.now())) {
    throw httpError('TOO_FAST', [], renderRegistrationStep(CHECK_STEP, state, draftId, [], formNotice('Verstuur de aanmelding opnieuw', TOO_FAST_MESSAGE)));
  }
  const allowance = await takeSubmitAllowance(mail, event, 'registration');
  if (!allowance.ok) {
    const page = renderRegistrationStep(CHECK_STEP, state, draftId, [], formNotice('Probeer het later opnieuw', `${rateLimitedMessage(allowance.retryAfterSeconds)} Uw gegevens staan hieronder nog.`));
    return rateLimitedResponse(allowance.retryAfterSeconds, page);
  }
  const result = await register(mail, checked.registration);
  if (result.outcome !== 'stored') await allowance.giveBack();
  if (result.outcome === 'conflict') throw httpError('REGISTRATION_CONFLICT');
  const sent: RegistrationDraft = {
    ...draftWithState(draft, { ...state, regionName: undefined, gemeenten: [], swvPo: [], swvVo: [], contactGemeenten: {}, contactSwv: {}, bevestiging: false }),
    sent: { registration: checked.registration, warnings: result.region.warnings },
  };
  // A double post of this draft: the post that stored notes it, over a duplicate's if that saved
  // first; a duplicate notes its own only if nothing was noted yet.
  let current = version;
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await saveRegistrationDraft(deps, draftId, sent, current)) === 'saved' || result.outcome === 'duplicate') break;
    const again = await openRegistrationDraft(deps, draftId);
    if (again.kind !== 'open') break;
    current = again.version;
  }
  return redirect(receivedPath(draftId));
}

/** POST /api/aanmelden (JSON) and POST /api/aanmelden/{draftId}/versturen (the form's check page). */
export const handler = apiHandler(async (event) => {
  const draftId = event.pathParameters?.draftId;
  if (draftId === undefined) {
    // The website's form sends from its draft's address; this route is for programs.
    if (mediaType(event) === FORM_TYPE) throw httpError('UNSUPPORTED_MEDIA_TYPE', [], undefined, 'Stuur de gegevens als JSON. Meldt u uw regio aan op de website? Begin dan opnieuw op /aanmelden/.');
    return submitJson(event, parseBody(event, ['json']).value);
  }
  return submitForm(event, parseBody(event, ['form']).value as URLSearchParams, draftId);
}, REGISTRATION_SECTION);

import { mailDeps } from '../../shared/aws/clients.ts';
import { fieldErrors } from '../../shared/forms/fields.ts';
import { checkFormFillTime, honeypotFilled, rateLimitedMessage, rateLimitedResponse, takeSubmitAllowance } from '../../shared/forms/bot-check.ts';
import { httpError } from '../../shared/http/errors.ts';
import { formNotice } from '../../shared/web/form.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { parseBody } from '../../shared/http/request.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';
import { register } from '../../shared/participation/registering.ts';
import { CHECK_STEP, checkFormSubmission, stateFromForm, type FlowState } from '../../shared/registration/flow.ts';
import { REGISTRATION_SECTION, renderRegistrationReceived, renderRegistrationStep } from '../../shared/registration/pages.ts';
import { registrationSchema, type Registration } from '../../shared/registration/validation.ts';

const FORM_REJECTED_MESSAGE =
  'Wij konden de aanmelding niet verwerken. Er stond iets in een veld dat leeg moet blijven. Vult een programma formulieren voor u in? Zet dat dan uit en begin opnieuw met aanmelden.';
const TOO_FAST_MESSAGE = 'U verstuurde de aanmelding erg snel. Kijk de gegevens nog even na en verstuur de aanmelding opnieuw.';

/** POST /api/aanmelden: a complete registration, as JSON or as the last form step (HTML). */
export const handler = apiHandler(async (event) => {
  const body = parseBody(event, ['json', 'form']);
  const deps = mailDeps();
  let registration: Registration;
  /** The answers of a form post, to show the form again when the submit is refused. */
  let formState: FlowState | undefined;
  if (body.kind === 'json') {
    const parsed = registrationSchema.safeParse(body.value);
    if (!parsed.success) throw httpError('VALIDATION_FAILED', fieldErrors(parsed.error));
    registration = parsed.data;
  } else {
    if (honeypotFilled(body.value)) throw httpError('FORM_REJECTED', [], undefined, FORM_REJECTED_MESSAGE);
    let state = stateFromForm(body.value);
    const checked = checkFormSubmission(state);
    if (!checked.ok) throw httpError('VALIDATION_FAILED', checked.errors, renderRegistrationStep(checked.step, state, checked.errors));
    registration = checked.registration;
    const fill = await checkFormFillTime(deps.config, 'registration', registration.registrationId, state.gestart, deps.now());
    if (!fill.ok) {
      state = { ...state, gestart: fill.stamp };
      throw httpError('TOO_FAST', [], renderRegistrationStep(CHECK_STEP, state, [], formNotice('Verstuur de aanmelding opnieuw', TOO_FAST_MESSAGE)));
    }
    formState = state;
  }
  // JSON posts (programs) carry no stamp and no honeypot: for them only this limit applies.
  const allowance = await takeSubmitAllowance(deps, event, 'registration');
  if (!allowance.ok) {
    const page = formState
      ? renderRegistrationStep(CHECK_STEP, formState, [], formNotice('Probeer het later opnieuw', `${rateLimitedMessage(allowance.retryAfterSeconds)} Uw gegevens staan hieronder nog.`))
      : undefined;
    return rateLimitedResponse(allowance.retryAfterSeconds, page);
  }
  const result = await register(deps, registration);
  if (result.outcome !== 'stored') await allowance.giveBack();
  if (result.outcome === 'conflict') throw httpError('REGISTRATION_CONFLICT');
  const { region } = result;
  if (body.kind === 'form') return htmlResponse(200, renderRegistrationReceived(registration, region.warnings));
  return jsonResponse(result.outcome === 'duplicate' ? 200 : 201, { regionId: region.regionId, duplicate: result.outcome === 'duplicate', status: region.status, warnings: region.warnings });
}, REGISTRATION_SECTION);

import { randomUUID } from 'node:crypto';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { stampForStep } from '../../shared/forms/bot-check.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { formStep, parseBody } from '../../shared/http/request.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import { CHECK_STEP, TOTAL_STEPS, navigate, stateFromForm, type Navigation } from '../../shared/registration/flow.ts';
import { REGISTRATION_SECTION, renderRegistrationStep } from '../../shared/registration/pages.ts';

const INVALID_STEP_MESSAGE = 'Deze stap van het formulier bestaat niet. Begin opnieuw met aanmelden.';

/** POST /api/aanmelden/stap: the next page of the registration form, rendered on the server. */
export const handler = apiHandler(async (event) => {
  const form = parseBody(event, ['form']).value as URLSearchParams;
  const current = formStep(form.get('stap'), TOTAL_STEPS, INVALID_STEP_MESSAGE);
  const nav: Navigation = form.has('wijzig')
    ? { action: 'wijzig', step: formStep(form.get('wijzig'), CHECK_STEP - 1, INVALID_STEP_MESSAGE) }
    : form.get('actie') === 'vorige'
      ? { action: 'vorige' }
      : { action: 'volgende' };
  const outcome = navigate(current, nav, stateFromForm(form), randomUUID);
  // The bot check's clock starts when step 1 is sent (the static step 1 cannot hold a signed stamp).
  const state = outcome.state.registrationId
    ? { ...outcome.state, gestart: await stampForStep(runtimeConfig(), 'registration', outcome.state.registrationId, outcome.state.gestart, new Date()) }
    : outcome.state;
  return htmlResponse(outcome.errors.length > 0 ? 422 : 200, renderRegistrationStep(outcome.step, state, outcome.errors));
}, REGISTRATION_SECTION);

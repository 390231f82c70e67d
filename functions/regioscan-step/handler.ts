import { randomUUID } from 'node:crypto';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { stampForStep } from '../../shared/forms/bot-check.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { formStep, parseBody } from '../../shared/http/request.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import { CHECK_STEP, TOTAL_STEPS, navigate, stateFromForm, type Navigation } from '../../shared/regioscan/flow.ts';
import { renderStepPage, REGIOSCAN_SECTION } from '../../shared/regioscan/pages.ts';

/** POST /api/regioscan/stap: the next page of the Regioscan form, rendered on the server. */
export const handler = apiHandler(async (event) => {
  const form = parseBody(event, ['form']).value as URLSearchParams;
  const current = formStep(form.get('stap'), TOTAL_STEPS);
  const nav: Navigation = form.has('wijzig')
    ? { action: 'wijzig', step: formStep(form.get('wijzig'), CHECK_STEP - 1) }
    : form.get('actie') === 'vorige'
      ? { action: 'vorige' }
      : { action: 'volgende' };
  const outcome = navigate(current, nav, stateFromForm(form), randomUUID);
  // The bot check's clock starts when step 1 is sent (the static step 1 cannot hold a signed stamp).
  const state = outcome.state.submissionId
    ? { ...outcome.state, gestart: await stampForStep(runtimeConfig(), 'regioscan', outcome.state.submissionId, outcome.state.gestart, new Date()) }
    : outcome.state;
  return htmlResponse(outcome.errors.length > 0 ? 422 : 200, renderStepPage(outcome.step, state, outcome.errors));
}, REGIOSCAN_SECTION);

import { mailDeps } from '../../shared/aws/clients.ts';
import { fieldErrors } from '../../shared/forms/fields.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { parseBody } from '../../shared/http/request.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';
import { register } from '../../shared/participation/registering.ts';
import { checkFormSubmission, stateFromForm } from '../../shared/registration/flow.ts';
import { REGISTRATION_SECTION, renderRegistrationReceived, renderRegistrationStep } from '../../shared/registration/pages.ts';
import { registrationSchema, type Registration } from '../../shared/registration/validation.ts';

/** POST /api/aanmelden: a complete registration, as JSON or as the last form step (HTML). */
export const handler = apiHandler(async (event) => {
  const body = parseBody(event, ['json', 'form']);
  let registration: Registration;
  if (body.kind === 'json') {
    const parsed = registrationSchema.safeParse(body.value);
    if (!parsed.success) throw httpError('VALIDATION_FAILED', fieldErrors(parsed.error));
    registration = parsed.data;
  } else {
    const state = stateFromForm(body.value);
    const checked = checkFormSubmission(state);
    if (!checked.ok) throw httpError('VALIDATION_FAILED', checked.errors, renderRegistrationStep(checked.step, state, checked.errors));
    registration = checked.registration;
  }
  const result = await register(mailDeps(), registration);
  if (result.outcome === 'conflict') throw httpError('REGISTRATION_CONFLICT');
  const { region } = result;
  if (body.kind === 'form') return htmlResponse(200, renderRegistrationReceived(registration, region.warnings));
  return jsonResponse(result.outcome === 'duplicate' ? 200 : 201, { regionId: region.regionId, duplicate: result.outcome === 'duplicate', status: region.status, warnings: region.warnings });
}, REGISTRATION_SECTION);

import { STAMP_FIELD } from '../forms/bot-fields.ts';
import { fieldErrors, type FieldError, checkField } from '../forms/fields.ts';
import { firstIncompleteStep as firstIncomplete, navigateSteps, type Navigation, type StepForm, type StepOutcome } from '../forms/steps.ts';
import {
  bevestigingField,
  contactSchema,
  gemeentenField,
  regionNameField,
  registrationSchema,
  swvPoField,
  swvVoField,
  type Registration,
} from './validation.ts';

/**
 * The multi-step registration form without JavaScript, like the Regioscan's: every step posts all
 * earlier answers back as hidden fields, and the server decides which page comes next. Pure
 * functions; the handlers only parse the body and render what these return.
 */
export type ContactSide = 'contactGemeenten' | 'contactSwv';

export type Step =
  | { kind: 'regio'; title: string }
  | { kind: 'gemeenten'; title: string }
  | { kind: 'swv'; title: string }
  | { kind: 'contact'; title: string; side: ContactSide }
  | { kind: 'bevestigen'; title: string }
  | { kind: 'controle'; title: string };

export const STEPS: readonly Step[] = [
  { kind: 'regio', title: 'Uw regio' },
  { kind: 'gemeenten', title: 'Gemeenten' },
  { kind: 'swv', title: 'Samenwerkingsverbanden' },
  { kind: 'contact', title: 'Contactpersoon gemeenten', side: 'contactGemeenten' },
  { kind: 'contact', title: 'Contactpersoon samenwerkingsverbanden', side: 'contactSwv' },
  { kind: 'bevestigen', title: 'Deelname bevestigen' },
  { kind: 'controle', title: 'Controleer uw aanmelding' },
];
export const TOTAL_STEPS = STEPS.length;
export const CHECK_STEP = STEPS.findIndex((s) => s.kind === 'controle') + 1;

export function stepAt(number: number): Step {
  const step = STEPS[number - 1];
  if (!step) throw new Error(`No step ${number}`);
  return step;
}

/** The step that asks for a field (its first path segment), so an error can send the visitor there. */
export function stepOfField(field: string): number {
  const top = field.split('.')[0];
  const index = STEPS.findIndex((s) => {
    switch (s.kind) {
      case 'regio':
        return top === 'regionName' || top === 'registrationId';
      case 'gemeenten':
        return top === 'gemeenten';
      case 'swv':
        return top === 'swvPo' || top === 'swvVo';
      case 'contact':
        return top === s.side;
      case 'bevestigen':
        return top === 'bevestiging';
      case 'controle':
        return false;
    }
  });
  return index === -1 ? 1 : index + 1;
}

export interface ContactState {
  name?: string;
  role?: string;
  email?: string;
  phone?: string;
}

/** Everything the form carries from step to step. All values are raw strings until validated. */
export interface FlowState {
  registrationId?: string;
  regionName?: string;
  gemeenten: string[];
  swvPo: string[];
  swvVo: string[];
  contactGemeenten: ContactState;
  contactSwv: ContactState;
  bevestiging: boolean;
  /** The visitor came from the check page via "Wijzig": "Volgende" goes back there. */
  fromCheck: boolean;
  /** The signed time step 1 was sent (the bot check's minimum fill time, shared/forms/bot-check.ts). */
  gestart?: string;
}

export const CONTACT_KEYS = ['name', 'role', 'email', 'phone'] as const;

/** Longest value we keep from any form field; longer input is cut off and then fails validation. */
const MAX_FIELD_LENGTH = 300;
/** Most values we read for one checkbox group: more than any valid list, so the limit error still shows. */
const MAX_LIST_LENGTH = 400;

export function emptyState(): FlowState {
  return { gemeenten: [], swvPo: [], swvVo: [], contactGemeenten: {}, contactSwv: {}, bevestiging: false, fromCheck: false };
}

/** Reads the known fields of a posted form; unknown fields are ignored. */
export function stateFromForm(form: URLSearchParams): FlowState {
  const get = (name: string): string | undefined => {
    const value = form.get(name);
    return value === null ? undefined : value.slice(0, MAX_FIELD_LENGTH);
  };
  const getAll = (name: string): string[] =>
    form
      .getAll(name)
      .slice(0, MAX_LIST_LENGTH)
      .map((v) => v.slice(0, MAX_FIELD_LENGTH))
      .filter((v) => v !== '');
  const contact = (side: ContactSide): ContactState => {
    const out: ContactState = {};
    for (const key of CONTACT_KEYS) {
      const value = get(`${side}.${key}`)?.trim();
      if (value) out[key] = value;
    }
    return out;
  };
  return {
    registrationId: get('registrationId') || undefined,
    regionName: get('regionName')?.trim() || undefined,
    gemeenten: getAll('gemeenten'),
    swvPo: getAll('swvPo'),
    swvVo: getAll('swvVo'),
    contactGemeenten: contact('contactGemeenten'),
    contactSwv: contact('contactSwv'),
    bevestiging: get('bevestiging') === 'ja',
    fromCheck: get('controle') === '1',
    gestart: get(STAMP_FIELD) || undefined,
  };
}

/** Errors in the fields of one step (1-based). Errors of a checkbox group sit on the group's name. */
export function validateStep(number: number, state: FlowState): FieldError[] {
  const step = stepAt(number);
  const errors: FieldError[] = [];
  switch (step.kind) {
    case 'regio':
      checkField(errors, 'regionName', regionNameField, state.regionName);
      break;
    case 'gemeenten':
      checkField(errors, 'gemeenten', gemeentenField, state.gemeenten);
      break;
    case 'swv':
      checkField(errors, 'swvPo', swvPoField, state.swvPo);
      checkField(errors, 'swvVo', swvVoField, state.swvVo);
      break;
    case 'contact': {
      const result = contactSchema.safeParse(state[step.side]);
      if (!result.success) errors.push(...fieldErrors(result.error).map((e) => ({ ...e, field: `${step.side}.${e.field}` })));
      break;
    }
    case 'bevestigen':
      checkField(errors, 'bevestiging', bevestigingField, state.bevestiging);
      break;
    case 'controle':
      break;
  }
  return errors;
}

const STEP_FORM: StepForm<FlowState> = { checkStep: CHECK_STEP, afterCheck: CHECK_STEP, validate: validateStep, withId: (state) => state };

/** The first step (before `limit`) that still has errors, so the visitor is sent back there. */
export function firstIncompleteStep(state: FlowState, limit = CHECK_STEP): number | undefined {
  return firstIncomplete(STEP_FORM, state, limit);
}

export type { Navigation, StepOutcome };

/** Where a posted step leads: the same step with errors, or the next/previous/chosen step. */
export function navigate(current: number, nav: Navigation, state: FlowState, newId: () => string): StepOutcome<FlowState> {
  return navigateSteps({ ...STEP_FORM, withId: (s) => (s.registrationId ? s : { ...s, registrationId: newId() }) }, current, nav, state);
}

/** Turns the final form post into the same object the JSON API accepts. */
export function registrationFromState(state: FlowState): unknown {
  return {
    registrationId: state.registrationId,
    regionName: state.regionName,
    gemeenten: state.gemeenten,
    swvPo: state.swvPo,
    swvVo: state.swvVo,
    contactGemeenten: state.contactGemeenten,
    contactSwv: state.contactSwv,
    bevestiging: state.bevestiging,
  };
}

export type RegistrationCheck =
  | { ok: true; registration: Registration }
  | { ok: false; step: number; errors: FieldError[] };

/** Validates a complete form post; on failure, names the step to show again with its errors. */
export function checkFormSubmission(state: FlowState): RegistrationCheck {
  const incomplete = firstIncompleteStep(state);
  if (incomplete !== undefined) return { ok: false, step: incomplete, errors: validateStep(incomplete, state) };
  const parsed = registrationSchema.safeParse(registrationFromState(state));
  if (parsed.success) return { ok: true, registration: parsed.data };
  const errors = fieldErrors(parsed.error);
  const step = stepOfField(errors[0]!.field);
  return { ok: false, step, errors: errors.filter((e) => stepOfField(e.field) === step) };
}

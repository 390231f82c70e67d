import { findGemeente } from '../areas/gemeenten.ts';
import { fieldErrors, type FieldError, checkField } from '../forms/fields.ts';
import { firstIncompleteStep as firstIncomplete, navigateSteps, type Navigation, type StepForm, type StepOutcome } from '../forms/steps.ts';
import {
  bevestigingField,
  contactSchema,
  gemeentenField,
  regionNameField,
  registrationSchema,
  swvAreas,
  swvPoField,
  swvVoField,
  type Registration,
} from './validation.ts';

/**
 * The multi-step registration form without JavaScript, like the Regioscan's: the answers so far live
 * in a server-side draft (./draft.ts), every step is a GET page of it, and a posted step carries only
 * its own fields, which the server merges into the draft before it decides which page comes next.
 * Pure functions; the handlers only parse the body, save and redirect.
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
    fromCheck: get('terug') === 'controle',
  };
}

/** The form fields each step shows (and posts); a step's post changes only these. */
export function fieldsOfStep(number: number): string[] {
  const step = stepAt(number);
  switch (step.kind) {
    case 'regio':
      return ['regionName'];
    case 'gemeenten':
      return ['gemeenten'];
    case 'swv':
      return ['swvPo', 'swvVo'];
    case 'contact':
      return CONTACT_KEYS.map((key) => `${step.side}.${key}`);
    case 'bevestigen':
      return ['bevestiging'];
    case 'controle':
      return [];
  }
}

/**
 * The state with the fields of one posted step taken from the form (unknown fields are ignored, and
 * fields of other steps cannot be changed from this step). An empty field or no box ticked clears it.
 */
export function mergeStep(state: FlowState, number: number, form: URLSearchParams): FlowState {
  const posted = stateFromForm(form);
  const step = stepAt(number);
  switch (step.kind) {
    case 'regio':
      return { ...state, regionName: posted.regionName };
    case 'gemeenten':
      return { ...state, gemeenten: posted.gemeenten };
    case 'swv':
      return { ...state, swvPo: posted.swvPo, swvVo: posted.swvVo };
    case 'contact':
      return { ...state, [step.side]: posted[step.side] };
    case 'bevestigen':
      return { ...state, bevestiging: posted.bevestiging };
    case 'controle':
      return state;
  }
}

/** What a step's post carried in its own fields, as typed (cut like `stateFromForm` cuts), in order. */
export function postedFields(number: number, form: URLSearchParams): [string, string][] {
  const own = new Set(fieldsOfStep(number));
  return [...form.entries()]
    .filter(([name]) => own.has(name))
    .slice(0, 3 * MAX_LIST_LENGTH)
    .map(([name, value]): [string, string] => [name, value.slice(0, MAX_FIELD_LENGTH)]);
}

const KNOWN_CODES = {
  gemeenten: (code: string) => findGemeente(code) !== undefined,
  swvPo: (code: string) => swvAreas('swv-po').some((a) => a.code === code),
  swvVo: (code: string) => swvAreas('swv-vo').some((a) => a.code === code),
};

/**
 * What a draft may keep of a state: the lists hold only known codes, once each (so a draft stays
 * small whatever is posted); texts as typed (each cut to the longest value we keep), so the check
 * page and the final validation still see them.
 */
export function cleanState(state: FlowState): FlowState {
  const known = (group: keyof typeof KNOWN_CODES) => [...new Set(state[group].filter(KNOWN_CODES[group]))];
  return { ...state, gemeenten: known('gemeenten'), swvPo: known('swvPo'), swvVo: known('swvVo') };
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

/** The draft gives the registration its id when it is made, so no step has to. */
const STEP_FORM: StepForm<FlowState> = { checkStep: CHECK_STEP, afterCheck: CHECK_STEP, validate: validateStep, withId: (state) => state };

/** The first step (before `limit`) that still has errors, so the visitor is sent back there. */
export function firstIncompleteStep(state: FlowState, limit = CHECK_STEP): number | undefined {
  return firstIncomplete(STEP_FORM, state, limit);
}

export type { Navigation, StepOutcome };

/** Where a posted step leads: the same step with errors, or the next or previous step. */
export function navigate(current: number, nav: Navigation, state: FlowState): StepOutcome<FlowState> {
  return navigateSteps(STEP_FORM, current, nav, state);
}

/** Turns the draft's answers into the same object the JSON API accepts. */
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

/** Validates the draft's answers before sending; on failure, names the step to show again with its errors. */
export function checkFormSubmission(state: FlowState): RegistrationCheck {
  const incomplete = firstIncompleteStep(state);
  if (incomplete !== undefined) return { ok: false, step: incomplete, errors: validateStep(incomplete, state) };
  const parsed = registrationSchema.safeParse(registrationFromState(state));
  if (parsed.success) return { ok: true, registration: parsed.data };
  const errors = fieldErrors(parsed.error);
  const step = stepOfField(errors[0]!.field);
  return { ok: false, step, errors: errors.filter((e) => stepOfField(e.field) === step) };
}

import { STATEMENTS, THEMES, type Theme } from './definition.ts';
import {
  answerField,
  gemeenteField,
  roleField,
  submissionSchema,
  type RegioscanSubmission,
} from './validation.ts';
import { emailField, fieldErrors, type FieldError, checkField } from '../forms/fields.ts';
import { firstIncompleteStep as firstIncomplete, navigateSteps, type Navigation, type StepForm, type StepOutcome } from '../forms/steps.ts';

/**
 * The multi-step Regioscan form without JavaScript: the answers so far live in a server-side draft
 * (draft.ts); every step posts only its own fields, the server merges them into the draft and decides
 * which page comes next (post, redirect, get). Pure functions; the handlers read and save the draft
 * and render what these return.
 */
export type Step =
  | { kind: 'over-u'; title: string }
  | { kind: 'theme'; title: string; theme: Theme }
  | { kind: 'controle'; title: string }
  | { kind: 'e-mail'; title: string };

export const STEPS: readonly Step[] = [
  { kind: 'over-u', title: 'Over u' },
  ...THEMES.map((theme) => ({ kind: 'theme' as const, title: theme.title, theme })),
  { kind: 'controle', title: 'Controleer uw antwoorden' },
  { kind: 'e-mail', title: 'Uitkomst ontvangen' },
];
export const TOTAL_STEPS = STEPS.length;
export const CHECK_STEP = STEPS.findIndex((s) => s.kind === 'controle') + 1;
export const EMAIL_STEP = STEPS.findIndex((s) => s.kind === 'e-mail') + 1;

export function stepAt(number: number): Step {
  const step = STEPS[number - 1];
  if (!step) throw new Error(`No step ${number}`);
  return step;
}

/** Everything the form carries from step to step. All values are raw strings until validated. */
export interface FlowState {
  submissionId?: string;
  gemeente?: string;
  rol?: string;
  antwoorden: Record<string, string>;
  email?: string;
  toestemming?: boolean;
  /** The respondent came from the check page via "Wijzig": "Volgende" goes back there. */
  fromCheck: boolean;
}

/** Longest value we keep from any form field; longer input is cut off and then fails validation. */
const MAX_FIELD_LENGTH = 300;

export function emptyState(): FlowState {
  return { antwoorden: {}, fromCheck: false };
}

/** The form fields each step shows (and posts); a step's post changes only these. */
export function fieldsOfStep(number: number): string[] {
  const step = stepAt(number);
  switch (step.kind) {
    case 'over-u':
      return ['gemeente', 'rol'];
    case 'theme':
      return step.theme.statements.map((s) => s.id);
    case 'controle':
      return [];
    case 'e-mail':
      return ['email', 'toestemming'];
  }
}

/**
 * The state with the fields of one posted step taken from the form (unknown fields are ignored, and
 * fields of other steps cannot be changed from this step). An empty field clears its answer.
 */
export function mergeStep(state: FlowState, number: number, form: URLSearchParams): FlowState {
  const get = (name: string): string | undefined => {
    const value = form.get(name);
    return value === null ? undefined : value.slice(0, MAX_FIELD_LENGTH);
  };
  const next: FlowState = { ...state, antwoorden: { ...state.antwoorden } };
  for (const field of fieldsOfStep(number)) {
    if (field === 'gemeente' || field === 'rol') next[field] = get(field) || undefined;
    else if (field === 'email') next.email = get('email')?.trim() || undefined;
    else if (field === 'toestemming') next.toestemming = get('toestemming') === 'ja';
    else {
      const v = get(field);
      if (v !== undefined && v !== '') next.antwoorden[field] = v;
      else delete next.antwoorden[field];
    }
  }
  return next;
}

/** What a step's post carried in its own fields, as typed (cut to the longest value we keep). */
export function postedFields(number: number, form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fieldsOfStep(number)) {
    const value = form.get(field);
    if (value !== null) out[field] = value.slice(0, MAX_FIELD_LENGTH);
  }
  return out;
}

/** The state without values that fail their field check: what a draft may keep (the email as typed). */
export function cleanState(state: FlowState): FlowState {
  const valid = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => v !== undefined && schema.safeParse(v).success;
  const antwoorden: Record<string, string> = {};
  for (const s of STATEMENTS) {
    const v = state.antwoorden[s.id];
    if (valid(answerField(s.id), v)) antwoorden[s.id] = v!;
  }
  return {
    ...state,
    gemeente: valid(gemeenteField, state.gemeente) ? state.gemeente : undefined,
    rol: valid(roleField, state.rol) ? state.rol : undefined,
    antwoorden,
  };
}

/** Errors in the fields of one step (1-based). */
export function validateStep(number: number, state: FlowState): FieldError[] {
  const step = stepAt(number);
  const errors: FieldError[] = [];
  switch (step.kind) {
    case 'over-u':
      checkField(errors, 'gemeente', gemeenteField, state.gemeente);
      checkField(errors, 'rol', roleField, state.rol);
      break;
    case 'theme':
      for (const s of step.theme.statements) checkField(errors, `antwoorden.${s.id}`, answerField(s.id), state.antwoorden[s.id]);
      break;
    case 'controle':
      break;
    case 'e-mail':
      if (state.email !== undefined) checkField(errors, 'email', emailField, state.email);
      break;
  }
  return errors;
}

const STEP_FORM: StepForm<FlowState> = {
  checkStep: CHECK_STEP,
  afterCheck: EMAIL_STEP,
  validate: validateStep,
  withId: (state) => state,
};

/** The first step (before `limit`) that still has errors, so the respondent is sent back there. */
export function firstIncompleteStep(state: FlowState, limit = TOTAL_STEPS): number | undefined {
  return firstIncomplete(STEP_FORM, state, limit);
}

export type { Navigation, StepOutcome };

/** Where a posted step leads: the same step with errors, or the next/previous/chosen step. */
export function navigate(current: number, nav: Navigation, state: FlowState): StepOutcome<FlowState> {
  return navigateSteps(STEP_FORM, current, nav, state);
}

/** Turns the final form post into the same object the JSON API accepts. */
export function submissionFromState(state: FlowState): unknown {
  return {
    submissionId: state.submissionId,
    gemeente: state.gemeente,
    rol: state.rol,
    antwoorden: state.antwoorden,
    ...(state.email ? { email: state.email } : {}),
    toestemming: state.toestemming === true,
  };
}

export type SubmissionCheck =
  | { ok: true; submission: RegioscanSubmission }
  | { ok: false; step: number; errors: FieldError[] };

/** Validates a complete form post; on failure, names the step to show again. */
export function checkFormSubmission(state: FlowState): SubmissionCheck {
  const incomplete = firstIncompleteStep(state, EMAIL_STEP);
  if (incomplete !== undefined) return { ok: false, step: incomplete, errors: validateStep(incomplete, state) };
  const emailErrors = validateStep(EMAIL_STEP, state);
  if (emailErrors.length > 0) return { ok: false, step: EMAIL_STEP, errors: emailErrors };
  const parsed = submissionSchema.safeParse(submissionFromState(state));
  if (!parsed.success) return { ok: false, step: 1, errors: fieldErrors(parsed.error) };
  return { ok: true, submission: parsed.data };
}

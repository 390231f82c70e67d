import { STATEMENTS, THEMES, type Theme } from './definition.ts';
import {
  answerField,
  consentField,
  gemeenteField,
  roleField,
  submissionSchema,
  type RegioscanSubmission,
} from './validation.ts';
import { STAMP_FIELD } from '../forms/bot-fields.ts';
import { emailField, fieldErrors, type FieldError, checkField } from '../forms/fields.ts';
import { firstIncompleteStep as firstIncomplete, navigateSteps, type Navigation, type StepForm, type StepOutcome } from '../forms/steps.ts';

/**
 * The multi-step Regioscan form without JavaScript: every step posts all earlier answers back as
 * hidden fields, and the server decides which page comes next. Pure functions; the handlers only
 * parse the body and render what these return.
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
  /** The signed time step 1 was sent (the bot check's minimum fill time, shared/forms/bot-check.ts). */
  gestart?: string;
}

/** Longest value we keep from any form field; longer input is cut off and then fails validation. */
const MAX_FIELD_LENGTH = 300;

export function emptyState(): FlowState {
  return { antwoorden: {}, fromCheck: false };
}

/** Reads the known fields of a posted form; unknown fields are ignored. */
export function stateFromForm(form: URLSearchParams): FlowState {
  const get = (name: string): string | undefined => {
    const value = form.get(name);
    return value === null ? undefined : value.slice(0, MAX_FIELD_LENGTH);
  };
  const antwoorden: Record<string, string> = {};
  for (const s of STATEMENTS) {
    const v = get(s.id);
    if (v !== undefined && v !== '') antwoorden[s.id] = v;
  }
  return {
    submissionId: get('submissionId') || undefined,
    gemeente: get('gemeente') || undefined,
    rol: get('rol') || undefined,
    antwoorden,
    email: get('email')?.trim() || undefined,
    toestemming: get('toestemming') === 'ja',
    fromCheck: get('controle') === '1',
    gestart: get(STAMP_FIELD) || undefined,
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
      checkField(errors, 'toestemming', consentField, state.toestemming === true);
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
export function navigate(current: number, nav: Navigation, state: FlowState, newId: () => string): StepOutcome<FlowState> {
  return navigateSteps({ ...STEP_FORM, withId: (s) => (s.submissionId ? s : { ...s, submissionId: newId() }) }, current, nav, state);
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

import type { FieldError } from './fields.ts';

/**
 * Moving through a multi-step form that works without JavaScript (Regioscan, registration): a posted
 * step is merged into the answers so far (kept in a server-side draft, shared/forms/drafts.ts), and
 * this decides which step comes next. Pure; each form brings its own step validation.
 */
export type Navigation = { action: 'volgende' } | { action: 'vorige' } | { action: 'wijzig'; step: number };

export interface StepOutcome<S> {
  step: number;
  state: S;
  errors: FieldError[];
}

export interface StepForm<S extends { fromCheck: boolean }> {
  /** The check-your-answers step (1-based). */
  checkStep: number;
  /** Where "Volgende" on the check page leads (the Regioscan's email step); the check page itself if nothing follows. */
  afterCheck: number;
  validate: (step: number, state: S) => FieldError[];
  /** The state with its id, made on the first step that is complete. */
  withId: (state: S) => S;
}

/** The first step before `limit` that still has errors, so the visitor is sent back there. */
export function firstIncompleteStep<S extends { fromCheck: boolean }>(form: StepForm<S>, state: S, limit = form.checkStep): number | undefined {
  for (let n = 1; n < limit; n++) if (form.validate(n, state).length > 0) return n;
  return undefined;
}

/** Where a posted step leads: the same step with errors, or the next, previous or chosen step. */
export function navigateSteps<S extends { fromCheck: boolean }>(form: StepForm<S>, current: number, nav: Navigation, state: S): StepOutcome<S> {
  if (nav.action === 'vorige') return { step: Math.max(1, current - 1), state, errors: [] };
  if (nav.action === 'wijzig') return { step: nav.step, state: { ...state, fromCheck: true }, errors: [] };
  const errors = form.validate(current, state);
  if (errors.length > 0) return { step: current, state, errors };
  const withId = form.withId(state);
  if (current >= form.checkStep - 1 || withId.fromCheck) {
    // Before leaving the answers behind, make sure every earlier step is complete.
    const incomplete = firstIncompleteStep(form, withId);
    if (incomplete !== undefined) return { step: incomplete, state: withId, errors: form.validate(incomplete, withId) };
    return { step: current === form.checkStep ? form.afterCheck : form.checkStep, state: { ...withId, fromCheck: false }, errors: [] };
  }
  return { step: current + 1, state: withId, errors: [] };
}

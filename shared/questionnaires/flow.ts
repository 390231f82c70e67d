import * as z from 'zod';
import { fieldErrors, type FieldError } from '../forms/fields.ts';
import { formatNumber } from '../web/html.ts';
import { DONT_KNOW, GRADE_ANSWER_VALUES, LIKERT_ANSWER_VALUES, OPEN_ANSWER_MAX_LENGTH, type BackgroundQuestion, type OpenQuestion } from './definition.ts';
import { itemsOf, type RoundQuestionnaire, type RoundTheme } from './tailoring.ts';

/**
 * Answering a questionnaire, one theme per step, then a closing step (grade, background, open
 * questions) and a check step. Pure functions: the handlers load and save the answers and render
 * the pages; this module says which fields belong to a step and whether they are valid.
 */

export type QuestionnaireStep = { kind: 'theme'; theme: RoundTheme } | { kind: 'afsluiting' } | { kind: 'controle' };

/** Item id → '1'..'5' | 'weet-niet'; 'rapportcijfer' → '1'..'10' | 'weet-niet'; background id → option value; open id → text. */
export type Answers = Record<string, string>;

export function questionnaireSteps(rq: RoundQuestionnaire): QuestionnaireStep[] {
  return [...rq.themes.map((theme) => ({ kind: 'theme' as const, theme })), { kind: 'afsluiting' }, { kind: 'controle' }];
}

/** The step with this 1-based number, or undefined when there is none. */
export function stepAt(rq: RoundQuestionnaire, step: number): QuestionnaireStep | undefined {
  return Number.isInteger(step) && step >= 1 ? questionnaireSteps(rq)[step - 1] : undefined;
}

export function totalSteps(rq: RoundQuestionnaire): number {
  return rq.themes.length + 2;
}

/** Number of the check step (the last one). */
export function checkStep(rq: RoundQuestionnaire): number {
  return totalSteps(rq);
}

export function stepTitle(rq: RoundQuestionnaire, step: QuestionnaireStep): string {
  if (step.kind === 'theme') return step.theme.title;
  if (step.kind === 'afsluiting') return 'Tot slot';
  return rq.address === 'je' ? 'Controleer je antwoorden' : 'Controleer uw antwoorden';
}

function requireStep(rq: RoundQuestionnaire, step: number): QuestionnaireStep {
  const s = stepAt(rq, step);
  if (!s) throw new Error(`No step ${step} in this questionnaire`);
  return s;
}

/** The answer fields shown on one step, in page order. */
export function stepFields(rq: RoundQuestionnaire, step: number): string[] {
  const s = requireStep(rq, step);
  if (s.kind === 'theme') return s.theme.items.map((i) => i.id);
  if (s.kind === 'afsluiting') return [rq.grade.id, ...rq.background.map((b) => b.id), ...rq.open.map((o) => o.id)];
  return [];
}

/** Longest value kept from a choice field; anything longer is not a valid option anyway. */
const MAX_CHOICE_LENGTH = 40;

/** Reads the fields of one step from a posted form; other fields are ignored, empty ones left out. */
export function answersFromForm(rq: RoundQuestionnaire, step: number, form: URLSearchParams): Answers {
  const open = new Set(rq.open.map((o) => o.id));
  const answers: Answers = {};
  for (const field of stepFields(rq, step)) {
    const raw = form.get(field);
    if (raw === null) continue;
    // Browsers post line breaks as CRLF but count them as one character against maxlength.
    const value = open.has(field) ? raw.replace(/\r\n?/g, '\n').trim().slice(0, OPEN_ANSWER_MAX_LENGTH) : raw.trim().slice(0, MAX_CHOICE_LENGTH);
    if (value !== '') answers[field] = value;
  }
  return answers;
}

const itemMessage = (number: number) => `Kies een antwoord bij vraag ${number}.`;
const GRADE_MESSAGE = `Kies een rapportcijfer van 1 tot 10, of "${DONT_KNOW.label}".`;
const backgroundMessage = (q: BackgroundQuestion) => `Kies een van de antwoorden bij "${q.text}", of sla deze vraag over.`;
const openMessage = (rq: RoundQuestionnaire, q: OpenQuestion) =>
  `${rq.address === 'je' ? 'Je' : 'Uw'} antwoord bij "${q.text}" is te lang. Gebruik hoogstens ${formatNumber(OPEN_ANSWER_MAX_LENGTH)} tekens.`;

/** One zod field per answer id, with the Dutch message shown at the field. */
function fieldSchemas(rq: RoundQuestionnaire): Record<string, z.ZodType<string | undefined>> {
  const fields: Record<string, z.ZodType<string | undefined>> = {};
  for (const item of itemsOf(rq)) fields[item.id] = z.enum(LIKERT_ANSWER_VALUES, { error: itemMessage(item.number) });
  fields[rq.grade.id] = z.enum(GRADE_ANSWER_VALUES, { error: GRADE_MESSAGE });
  for (const b of rq.background) {
    fields[b.id] = z.enum(b.options.map((o) => o.value) as [string, ...string[]], { error: backgroundMessage(b) }).optional();
  }
  for (const o of rq.open) {
    fields[o.id] = z
      .string({ error: openMessage(rq, o) })
      .max(OPEN_ANSWER_MAX_LENGTH, { error: openMessage(rq, o) })
      .optional();
  }
  return fields;
}

/** Errors in the fields of one step (1-based); the check step itself has no fields. */
export function validateStep(rq: RoundQuestionnaire, step: number, answers: Answers): FieldError[] {
  const schemas = fieldSchemas(rq);
  const errors: FieldError[] = [];
  for (const field of stepFields(rq, step)) {
    const result = schemas[field]!.safeParse(answers[field]);
    if (!result.success) errors.push({ field, message: result.error.issues[0]!.message });
  }
  return errors;
}

/** The first step before the check step that still has errors. */
export function firstIncompleteStep(rq: RoundQuestionnaire, answers: Answers): number | undefined {
  for (let n = 1; n < checkStep(rq); n++) if (validateStep(rq, n, answers).length > 0) return n;
  return undefined;
}

/** The step that shows a field, or undefined for a field the questionnaire does not have. */
export function stepOfField(rq: RoundQuestionnaire, field: string): number | undefined {
  for (let n = 1; n < checkStep(rq); n++) if (stepFields(rq, n).includes(field)) return n;
  return undefined;
}

/** A complete set of answers to this round's questionnaire: for JSON bodies and the final check. Unknown fields are refused. */
export function responseSchema(rq: RoundQuestionnaire) {
  return z.strictObject(fieldSchemas(rq), { error: 'De antwoorden zijn niet compleet.' });
}

export type CompleteCheck = { ok: true; answers: Answers } | { ok: false; step: number; errors: FieldError[] };

/** Validates all answers before they are sent; on failure, names the step to show again. */
export function checkComplete(rq: RoundQuestionnaire, answers: Answers): CompleteCheck {
  const incomplete = firstIncompleteStep(rq, answers);
  if (incomplete !== undefined) return { ok: false, step: incomplete, errors: validateStep(rq, incomplete, answers) };
  const parsed = responseSchema(rq).safeParse(answers);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { ok: false, step: stepOfField(rq, errors[0]?.field ?? '') ?? 1, errors };
  }
  const complete: Answers = {};
  for (const [field, value] of Object.entries(parsed.data)) if (typeof value === 'string' && value.trim() !== '') complete[field] = value;
  return { ok: true, answers: complete };
}

/** The saved answers with exactly the fields of one step replaced (a field cleared on that step is removed). */
export function mergeAnswers(saved: Answers, stepAnswers: Answers, rq: RoundQuestionnaire, step: number): Answers {
  const fields = stepFields(rq, step);
  const merged: Answers = {};
  for (const [field, value] of Object.entries(saved)) if (!fields.includes(field)) merged[field] = value;
  for (const field of fields) {
    const value = stepAnswers[field];
    if (value !== undefined && value !== '') merged[field] = value;
  }
  return merged;
}

import { describe, expect, it } from 'vitest';
import { DONT_KNOW, OPEN_ANSWER_MAX_LENGTH, currentQuestionnaire } from '../../../shared/questionnaires/definition.ts';
import {
  answersFromForm,
  checkComplete,
  firstIncompleteStep,
  mergeAnswers,
  questionnaireSteps,
  responseSchema,
  stepFields,
  validateStep,
  type Answers,
} from '../../../shared/questionnaires/flow.ts';
import { tailor, tailoringSchema } from '../../../shared/questionnaires/tailoring.ts';
import { completeAnswers, roundOf } from './helpers.ts';

const rq = roundOf('beleid');
const AFSLUITING = 4;
const CONTROLE = 5;

describe('questionnaire steps', () => {
  it('has one step per theme, then the closing step, then the check step last', () => {
    expect(questionnaireSteps(rq).map((s) => (s.kind === 'theme' ? s.theme.id : s.kind))).toEqual([
      'samenwerking',
      'samenhang',
      'tevredenheid',
      'afsluiting',
      'controle',
    ]);
    const tailored = tailor(currentQuestionnaire('beleid'), tailoringSchema.parse({ omitThemes: ['samenwerking'], extraQuestions: [{ text: 'Een eigen stelling van de regio.', type: 'likert' }] }));
    expect(questionnaireSteps(tailored).map((s) => (s.kind === 'theme' ? s.theme.id : s.kind))).toEqual(['samenhang', 'tevredenheid', 'regio', 'afsluiting', 'controle']);
  });

  it('puts grade, background and open questions on the closing step', () => {
    expect(stepFields(rq, AFSLUITING)).toEqual(['rapportcijfer', 'sector', 'rol', 'schooltype', 'b-open-1', 'b-open-2']);
    expect(stepFields(rq, CONTROLE)).toEqual([]);
  });
});

describe('answersFromForm', () => {
  it('reads only the fields of the step; unknown fields and fields of other steps are ignored', () => {
    const form = new URLSearchParams({ 'b-sw-1': '4', 'b-sw-2': 'weet-niet', 'b-sh-1': '5', rapportcijfer: '8', onbekend: 'x', actie: 'volgende' });
    expect(answersFromForm(rq, 1, form)).toEqual({ 'b-sw-1': '4', 'b-sw-2': 'weet-niet' });
    expect(answersFromForm(rq, 2, form)).toEqual({ 'b-sh-1': '5' });
    expect(answersFromForm(rq, AFSLUITING, form)).toEqual({ rapportcijfer: '8' });
  });

  it('leaves out empty optional fields and cuts values to their maximum length', () => {
    const form = new URLSearchParams({ rapportcijfer: '7', sector: '', 'b-open-1': '   ', 'b-open-2': 'a\r\nb' + 'x'.repeat(3000), rol: 'y'.repeat(500) });
    const answers = answersFromForm(rq, AFSLUITING, form);
    expect(answers).not.toHaveProperty('sector');
    expect(answers).not.toHaveProperty('b-open-1');
    expect(answers['b-open-2']).toHaveLength(OPEN_ANSWER_MAX_LENGTH);
    expect(answers['b-open-2']!.startsWith('a\nb')).toBe(true);
    expect(answers.rol!.length).toBeLessThan(500);
  });
});

describe('validateStep', () => {
  it('requires every item of a theme and numbers items across the questionnaire', () => {
    const answers = { 'b-sh-1': '3', 'b-sh-2': DONT_KNOW.value, 'b-sh-3': '1', 'b-sh-4': '5', 'b-sh-5': '2' };
    // Step 2 starts after the 7 items of step 1: b-sh-6 is question 13.
    expect(validateStep(rq, 2, answers)).toEqual([{ field: 'b-sh-6', message: 'Kies een antwoord bij vraag 13.' }]);
    expect(validateStep(rq, 2, { ...answers, 'b-sh-6': '4' })).toEqual([]);
  });

  it('refuses an unknown value for an item', () => {
    const answers = Object.fromEntries(stepFields(rq, 1).map((id) => [id, '3']));
    expect(validateStep(rq, 1, { ...answers, 'b-sw-3': '6' })).toEqual([{ field: 'b-sw-3', message: 'Kies een antwoord bij vraag 3.' }]);
    expect(validateStep(rq, 1, { ...answers, 'b-sw-3': '0' })).toHaveLength(1);
  });

  it('requires a grade from 1 to 10 or "weet ik niet"', () => {
    expect(validateStep(rq, AFSLUITING, {}).map((e) => e.field)).toEqual(['rapportcijfer']);
    expect(validateStep(rq, AFSLUITING, { rapportcijfer: '11' }).map((e) => e.field)).toEqual(['rapportcijfer']);
    expect(validateStep(rq, AFSLUITING, { rapportcijfer: '0' }).map((e) => e.field)).toEqual(['rapportcijfer']);
    expect(validateStep(rq, AFSLUITING, { rapportcijfer: '10' })).toEqual([]);
    expect(validateStep(rq, AFSLUITING, { rapportcijfer: DONT_KNOW.value })).toEqual([]);
  });

  it('lets background questions be skipped but refuses an unknown option', () => {
    expect(validateStep(rq, AFSLUITING, { rapportcijfer: '6', sector: 'gemeente', schooltype: 'nvt' })).toEqual([]);
    const errors = validateStep(rq, AFSLUITING, { rapportcijfer: '6', sector: 'provincie' });
    expect(errors).toEqual([{ field: 'sector', message: expect.stringContaining('Waar werkt u?') }]);
    // An option of another group is not an option here.
    expect(validateStep(rq, AFSLUITING, { rapportcijfer: '6', rol: 'zorgcoordinator' }).map((e) => e.field)).toEqual(['rol']);
  });

  it('lets open questions be skipped but refuses one that is too long, in the right form of address', () => {
    expect(validateStep(rq, AFSLUITING, { rapportcijfer: '6', 'b-open-1': 'x'.repeat(OPEN_ANSWER_MAX_LENGTH) })).toEqual([]);
    const errors = validateStep(rq, AFSLUITING, { rapportcijfer: '6', 'b-open-1': 'x'.repeat(OPEN_ANSWER_MAX_LENGTH + 1) });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^Uw antwoord .* is te lang\. Gebruik hoogstens 2\.000 tekens\.$/);
    const oj = roundOf('ouders-jongeren');
    const ojErrors = validateStep(oj, 4, { rapportcijfer: '6', 'oj-open-1': 'x'.repeat(OPEN_ANSWER_MAX_LENGTH + 1) });
    expect(ojErrors[0]!.message).toMatch(/^Je antwoord/);
  });

  it('has nothing to validate on the check step', () => {
    expect(validateStep(rq, CONTROLE, {})).toEqual([]);
  });
});

describe('completeness', () => {
  it('points at the first incomplete step', () => {
    const answers = completeAnswers(rq);
    expect(firstIncompleteStep(rq, answers)).toBeUndefined();
    const { 'b-sh-3': _, ...withoutOne } = answers;
    expect(firstIncompleteStep(rq, withoutOne)).toBe(2);
    const result = checkComplete(rq, { ...withoutOne, rapportcijfer: '12' });
    expect(result).toEqual({ ok: false, step: 2, errors: [{ field: 'b-sh-3', message: 'Kies een antwoord bij vraag 10.' }] });
    const { rapportcijfer: __, ...withoutGrade } = answers;
    expect(checkComplete(rq, withoutGrade)).toMatchObject({ ok: false, step: AFSLUITING });
  });

  it('accepts a complete set with optional answers, and refuses unknown fields', () => {
    const answers = { ...completeAnswers(rq), sector: 'gemeente', 'b-open-2': 'Meer tijd voor overleg.' };
    expect(checkComplete(rq, answers)).toEqual({ ok: true, answers });
    const unknown = checkComplete(rq, { ...answers, 'oj-sw-1': '3' });
    expect(unknown.ok).toBe(false);
    expect(unknown.ok === false && unknown.errors[0]!.field).toBe('oj-sw-1');
  });

  it('has a strict response schema for JSON bodies', () => {
    const schema = responseSchema(rq);
    const answers = completeAnswers(rq);
    expect(schema.safeParse(answers).success).toBe(true);
    expect(schema.safeParse({ ...answers, extra: '1' }).success).toBe(false);
    expect(schema.safeParse({ ...answers, 'b-sw-1': 3 }).success).toBe(false);
    expect(schema.safeParse({ ...answers, 'b-open-1': 'x'.repeat(OPEN_ANSWER_MAX_LENGTH + 1) }).success).toBe(false);
  });
});

describe('mergeAnswers', () => {
  it('replaces exactly the fields of the step and removes a cleared optional field', () => {
    const saved: Answers = { ...completeAnswers(rq), sector: 'gemeente', 'b-open-1': 'Oude tekst' };
    const merged = mergeAnswers(saved, { rapportcijfer: '9', 'b-open-1': 'Nieuwe tekst', 'b-sw-1': '1' }, rq, AFSLUITING);
    expect(merged.rapportcijfer).toBe('9');
    expect(merged['b-open-1']).toBe('Nieuwe tekst');
    expect(merged).not.toHaveProperty('sector');
    // A field of another step in the step's answers is ignored.
    expect(merged['b-sw-1']).toBe(saved['b-sw-1']);
    expect(merged['b-sh-1']).toBe(saved['b-sh-1']);
    expect(saved.sector).toBe('gemeente');
  });
});

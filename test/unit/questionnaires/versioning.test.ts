import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_VERSIONS, currentQuestionnaire, type Questionnaire } from '../../../shared/questionnaires/definition.ts';
import { responseSchema, validateStep, type Answers } from '../../../shared/questionnaires/flow.ts';
import { renderQuestionnaireStep } from '../../../shared/questionnaires/pages.ts';
import { NO_TAILORING, itemsOf, tailor, tailoringSchema } from '../../../shared/questionnaires/tailoring.ts';
import { completeAnswers } from './helpers.ts';

const links = { action: '/api/vragenlijst/x/stap', stepHref: (n: number) => `/vragenlijst/x/stap/${n}` };

describe('version pinning', () => {
  it('freezes every published definition, deep down', () => {
    // ES modules are strict, so assigning to a frozen object throws.
    const v1 = currentQuestionnaire('uitvoering');
    expect(Object.isFrozen(QUESTIONNAIRE_VERSIONS)).toBe(true);
    expect(Object.isFrozen(QUESTIONNAIRE_VERSIONS.uitvoering)).toBe(true);
    expect(() => {
      (v1.themes[0]!.items[0] as { text: string }).text = 'Gewijzigd';
    }).toThrow(TypeError);
    expect(() => {
      (v1.background[0]!.options as { value: string; label: string }[]).push({ value: 'x', label: 'X' });
    }).toThrow(TypeError);
    expect(() => {
      (v1 as { version: number }).version = 2;
    }).toThrow(TypeError);
    expect(v1.themes[0]!.items[0]!.text).not.toBe('Gewijzigd');
  });

  it('gives a round a deep copy: changing it does not touch the definition', () => {
    const v1 = currentQuestionnaire('beleid');
    const before = JSON.stringify(v1);
    const rq = tailor(v1, NO_TAILORING);
    rq.themes[0]!.items[0]!.text = 'Gewijzigd';
    rq.themes[0]!.items.push({ id: 'extra', text: 'Extra' });
    rq.background[0]!.options[0]!.label = 'Gewijzigd';
    rq.open.pop();
    rq.grade.text = 'Gewijzigd';
    expect(JSON.stringify(v1)).toBe(before);
    expect(tailor(v1, NO_TAILORING).themes[0]!.items[0]!.text).toBe(v1.themes[0]!.items[0]!.text);
  });

  it('survives a JSON round trip unchanged', () => {
    const rq = tailor(currentQuestionnaire('ouders-jongeren'), tailoringSchema.parse({ omitThemes: ['samenhang'], extraQuestions: [{ text: 'Ik voel me veilig op school.', type: 'likert' }] }));
    expect(JSON.parse(JSON.stringify(rq))).toEqual(rq);
  });

  it('keeps a round stored from version 1 on its own items when a version 2 exists', () => {
    const v1 = currentQuestionnaire('uitvoering');
    // Version 2 rewrites an item, drops one and adds a new one: a round of version 1 must not notice.
    const v2: Questionnaire = structuredClone(v1) as Questionnaire;
    (v2 as { version: number }).version = 2;
    const theme = v2.themes[0] as unknown as { items: { id: string; text: string }[] };
    theme.items = [{ id: 'u-sw-1', text: 'Nieuwe tekst in versie 2.' }, ...theme.items.slice(2), { id: 'u-sw-8', text: 'Een nieuwe vraag in versie 2.' }];

    const stored = JSON.stringify(tailor(v1, NO_TAILORING));
    const rqV2 = tailor(v2, NO_TAILORING);
    const rq = JSON.parse(stored) as ReturnType<typeof tailor>;
    expect(rq.version).toBe(1);
    expect(rqV2.version).toBe(2);

    const page = renderQuestionnaireStep({ rq, step: 1, answers: {}, errors: [], links });
    for (const item of v1.themes[0]!.items) expect(page).toContain(`name="${item.id}"`);
    expect(page).toContain(v1.themes[0]!.items[0]!.text);
    expect(page).not.toContain('Nieuwe tekst in versie 2.');
    expect(page).not.toContain('name="u-sw-8"');

    const errors = validateStep(rq, 1, {});
    expect(errors.map((e) => e.field)).toEqual(v1.themes[0]!.items.map((i) => i.id));

    const answers: Answers = completeAnswers(rq);
    expect(responseSchema(rq).safeParse(answers).success).toBe(true);
    expect(responseSchema(rq).safeParse({ ...answers, 'u-sw-8': '3' }).success).toBe(false);
    expect(responseSchema(rqV2).safeParse(answers).success).toBe(false);
    expect(itemsOf(rq).map((i) => i.id)).toContain('u-sw-2');
    expect(itemsOf(rqV2).map((i) => i.id)).not.toContain('u-sw-2');
  });
});

import { describe, expect, it } from 'vitest';
import {
  DONT_KNOW,
  GRADE_ANSWER_VALUES,
  GROUPS,
  GROUP_IDS,
  LIKERT_ANSWER_VALUES,
  LIKERT_SCALE,
  OPEN_ANSWER_MAX_LENGTH,
  QUESTIONNAIRE_VERSIONS,
  THEME_IDS,
  currentQuestionnaire,
  groupById,
  questionnaireVersion,
} from '../../../shared/questionnaires/definition.ts';

const published = GROUP_IDS.flatMap((g) => QUESTIONNAIRE_VERSIONS[g]);

describe('questionnaire definition', () => {
  it('has three groups, each with a title, a short label and the right form of address', () => {
    expect(GROUPS.map((g) => g.id)).toEqual(['beleid', 'uitvoering', 'ouders-jongeren']);
    expect(groupById('beleid')).toMatchObject({ title: 'Vragenlijst voor Beleid', label: 'Beleid', address: 'u' });
    expect(groupById('uitvoering')).toMatchObject({ title: 'Vragenlijst voor de Uitvoering', label: 'Uitvoering', address: 'u' });
    expect(groupById('ouders-jongeren')).toMatchObject({ title: 'Vragenlijst voor ouders en jongeren', label: 'Ouders en jongeren', address: 'je' });
    for (const g of GROUPS) expect(g.audience.length).toBeGreaterThan(20);
  });

  it('keeps "weet ik niet" apart from the five-point scale', () => {
    expect(LIKERT_SCALE.map((a) => a.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(LIKERT_SCALE.map((a): string => a.value)).not.toContain(DONT_KNOW.value);
    expect(LIKERT_ANSWER_VALUES.at(-1)).toBe(DONT_KNOW.value);
    expect(GRADE_ANSWER_VALUES).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', DONT_KNOW.value]);
  });

  it('publishes version 1 of every group and returns the newest as current', () => {
    for (const g of GROUP_IDS) {
      expect(QUESTIONNAIRE_VERSIONS[g].map((q) => q.version)).toEqual([1]);
      expect(currentQuestionnaire(g).group).toBe(g);
      expect(questionnaireVersion(g, 1)).toBe(currentQuestionnaire(g));
      expect(questionnaireVersion(g, 2)).toBeUndefined();
    }
  });

  it.each(published.map((q) => [q.group, q] as const))('%s: three themes of 4-8 items, in the fixed order', (_, q) => {
    expect(q.themes.map((t) => t.id)).toEqual([...THEME_IDS]);
    for (const theme of q.themes) {
      expect(theme.items.length).toBeGreaterThanOrEqual(4);
      expect(theme.items.length).toBeLessThanOrEqual(8);
    }
  });

  it.each(published.map((q) => [q.group, q] as const))('%s: every item belongs to exactly one theme', (_, q) => {
    const ids = q.themes.flatMap((t) => t.items.map((i) => i.id));
    for (const id of ids) expect(q.themes.filter((t) => t.items.some((i) => i.id === id))).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has item ids unique across all questionnaires, and no field id used twice within one', () => {
    const items = published.flatMap((q) => q.themes.flatMap((t) => t.items.map((i) => i.id)));
    expect(new Set(items).size).toBe(items.length);
    for (const q of published) {
      const fields = [...q.themes.flatMap((t) => t.items.map((i) => i.id)), q.grade.id, ...q.background.map((b) => b.id), ...q.open.map((o) => o.id)];
      expect(new Set(fields).size).toBe(fields.length);
    }
  });

  it.each(published.map((q) => [q.group, q] as const))('%s: a grade, background questions with options, 1-2 open questions', (_, q) => {
    expect(q.grade.id).toBe('rapportcijfer');
    expect(q.grade.text).toMatch(/rapportcijfer/);
    expect(q.background.length).toBeGreaterThanOrEqual(2);
    for (const b of q.background) {
      expect(b.options.length).toBeGreaterThanOrEqual(2);
      expect(new Set(b.options.map((o) => o.value)).size).toBe(b.options.length);
    }
    expect(q.background.map((b) => b.id)).toContain('schooltype');
    expect(q.open.length).toBeGreaterThanOrEqual(1);
    expect(q.open.length).toBeLessThanOrEqual(2);
    expect(OPEN_ANSWER_MAX_LENGTH).toBe(2000);
  });

  it('asks Beleid and Uitvoering for sector, role and school type, and ouders en jongeren who fills it in', () => {
    for (const g of ['beleid', 'uitvoering'] as const) {
      const bg = currentQuestionnaire(g).background;
      expect(bg.map((b) => b.id)).toEqual(['sector', 'rol', 'schooltype']);
      expect(bg[0]!.options.map((o) => o.value)).toEqual(['gemeente', 'samenwerkingsverband', 'onderwijs', 'jeugdhulp', 'anders']);
      expect(bg[2]!.options.map((o) => o.value)).toEqual(['po', 'vo', 'so-vso', 'mbo', 'nvt']);
    }
    const oj = currentQuestionnaire('ouders-jongeren').background;
    expect(oj.map((b) => b.id)).toEqual(['invuller', 'schooltype']);
    expect(oj[0]!.options.map((o) => o.value)).toEqual(['ouder', 'jongere']);
    // The same values in every group, so the benchmark can compare by school type.
    expect(oj[1]!.options.map((o) => o.value)).toEqual(['po', 'vo', 'so-vso', 'mbo', 'nvt']);
  });

  it('writes the ouders-jongeren questionnaire with "je" and the others with "u"', () => {
    const texts = (g: (typeof GROUP_IDS)[number]) => {
      const q = currentQuestionnaire(g);
      return [q.title, q.intro, q.grade.text, ...q.themes.flatMap((t) => [t.title, t.intro, ...t.items.map((i) => i.text)]), ...q.background.flatMap((b) => [b.text, ...b.options.map((o) => o.label)]), ...q.open.map((o) => o.text)].join(' ');
    };
    expect(texts('ouders-jongeren')).not.toMatch(/\b(u|uw)\b/i);
    expect(texts('ouders-jongeren')).toMatch(/\bje\b/);
    for (const g of ['beleid', 'uitvoering'] as const) {
      expect(texts(g)).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
      expect(texts(g)).toMatch(/\buw?\b/);
    }
  });
});

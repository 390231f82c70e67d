import * as z from 'zod';
import {
  GRADE_ID,
  GROUP_IDS,
  THEME_IDS,
  groupById,
  type Address,
  type BackgroundQuestion,
  type GradeQuestion,
  type GroupId,
  type Item,
  type OpenQuestion,
  type Questionnaire,
  type ThemeId,
} from './definition.ts';

/**
 * "Monitor op maat": a region may leave out themes and add a few questions of its own. When a round
 * is created, the chosen questionnaire version and the tailoring become one plain copy (a
 * RoundQuestionnaire) that the round stores and uses from then on, whatever later versions change.
 */

export const MAX_OMITTED_THEMES = THEME_IDS.length - 1;
export const MAX_EXTRA_QUESTIONS = 5;
export const EXTRA_QUESTION_MIN_LENGTH = 10;
export const EXTRA_QUESTION_MAX_LENGTH = 300;

export const EXTRA_QUESTION_TYPES = ['likert', 'open'] as const;
export type ExtraQuestionType = (typeof EXTRA_QUESTION_TYPES)[number];

export const extraQuestionSchema = z.strictObject({
  text: z
    .string({ error: 'Vul de tekst van de vraag in.' })
    .trim()
    .min(EXTRA_QUESTION_MIN_LENGTH, { error: `Een eigen vraag heeft minstens ${EXTRA_QUESTION_MIN_LENGTH} tekens.` })
    .max(EXTRA_QUESTION_MAX_LENGTH, { error: `Een eigen vraag heeft hoogstens ${EXTRA_QUESTION_MAX_LENGTH} tekens.` }),
  type: z.enum(EXTRA_QUESTION_TYPES, { error: 'Kies of het een stelling (eens/oneens) of een open vraag is.' }),
});

export const tailoringSchema = z.strictObject({
  omitThemes: z
    .array(z.enum(THEME_IDS, { error: 'Kies een thema uit de lijst.' }), { error: 'Kies de thema’s die u wilt weglaten.' })
    .max(MAX_OMITTED_THEMES, { error: `U kunt hoogstens ${MAX_OMITTED_THEMES} thema’s weglaten. Er moet minstens één thema overblijven.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Kies elk thema maar één keer.' })
    .default([]),
  extraQuestions: z
    .array(extraQuestionSchema, { error: 'De eigen vragen zijn niet goed doorgegeven.' })
    .max(MAX_EXTRA_QUESTIONS, { error: `U kunt hoogstens ${MAX_EXTRA_QUESTIONS} eigen vragen toevoegen.` })
    .default([]),
});

export type Tailoring = z.output<typeof tailoringSchema>;
export type TailoringInput = z.input<typeof tailoringSchema>;

export const NO_TAILORING: Tailoring = Object.freeze({ omitThemes: [], extraQuestions: [] }) as Tailoring;

/** Id of the theme that holds a region's own likert questions. */
export const REGIO_THEME_ID = 'regio';
export type RoundThemeId = ThemeId | typeof REGIO_THEME_ID;

export interface RoundTheme {
  id: RoundThemeId;
  title: string;
  intro: string;
  items: Item[];
}

/** The questionnaire exactly as one round asks it: plain JSON data, a copy that shares nothing with the definition. */
export interface RoundQuestionnaire {
  group: GroupId;
  version: number;
  title: string;
  intro: string;
  address: Address;
  themes: RoundTheme[];
  grade: GradeQuestion;
  background: BackgroundQuestion[];
  open: OpenQuestion[];
}

const regioTheme = (address: Address) =>
  address === 'je'
    ? { title: 'Vragen van je regio', intro: 'Deze vragen heeft je regio zelf toegevoegd.' }
    : { title: 'Vragen van uw regio', intro: 'Deze vragen heeft uw regio zelf toegevoegd.' };

/** The round's copy of a questionnaire version with the region's choices applied. Pure; the input is not changed. */
export function tailor(q: Questionnaire, t: Tailoring): RoundQuestionnaire {
  const tailoring = tailoringSchema.parse(t);
  const address = groupById(q.group).address;
  const themes: RoundTheme[] = q.themes
    .filter((theme) => !tailoring.omitThemes.includes(theme.id))
    .map((theme) => ({ id: theme.id, title: theme.title, intro: theme.intro, items: theme.items.map((i) => ({ id: i.id, text: i.text })) }));
  const likert = tailoring.extraQuestions.filter((e) => e.type === 'likert');
  if (likert.length > 0) {
    themes.push({ id: REGIO_THEME_ID, ...regioTheme(address), items: likert.map((e, i) => ({ id: `regio-${i + 1}`, text: e.text })) });
  }
  const extraOpen = tailoring.extraQuestions
    .filter((e) => e.type === 'open')
    .map((e, i) => ({ id: `regio-open-${i + 1}`, text: e.text }));
  return {
    group: q.group,
    version: q.version,
    title: q.title,
    intro: q.intro,
    address,
    themes,
    grade: { id: q.grade.id, text: q.grade.text },
    background: q.background.map((b) => ({ id: b.id, text: b.text, options: b.options.map((o) => ({ value: o.value, label: o.label })) })),
    open: [...q.open.map((o) => ({ id: o.id, text: o.text })), ...extraOpen],
  };
}

export interface ItemWithTheme extends Item {
  themeId: RoundThemeId;
  /** 1-based number across the whole questionnaire, as shown to the respondent ("Vraag 3."). */
  number: number;
}

/** Every likert item of the round's questionnaire, in order, with its theme. */
export function itemsOf(rq: RoundQuestionnaire): ItemWithTheme[] {
  let number = 0;
  return rq.themes.flatMap((theme) => theme.items.map((item) => ({ id: item.id, text: item.text, themeId: theme.id, number: ++number })));
}

const optionSchema = z.strictObject({ value: z.string().min(1), label: z.string().min(1) });
const itemSchema = z.strictObject({ id: z.string().min(1), text: z.string().min(1) });

/** Checks a RoundQuestionnaire read back from storage (the data layer hands us `unknown`). */
export const roundQuestionnaireSchema = z.strictObject({
  group: z.enum(GROUP_IDS),
  version: z.number().int().positive(),
  title: z.string().min(1),
  intro: z.string(),
  address: z.enum(['u', 'je']),
  themes: z
    .array(
      z.strictObject({
        id: z.enum([...THEME_IDS, REGIO_THEME_ID]),
        title: z.string().min(1),
        intro: z.string(),
        items: z.array(itemSchema).min(1),
      }),
    )
    .min(1),
  grade: z.strictObject({ id: z.literal(GRADE_ID), text: z.string().min(1) }),
  background: z.array(z.strictObject({ id: z.string().min(1), text: z.string().min(1), options: z.array(optionSchema).min(1) })),
  open: z.array(itemSchema),
}) satisfies z.ZodType<RoundQuestionnaire>;

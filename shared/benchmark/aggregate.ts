import { DONT_KNOW, GRADE_SCALE, LIKERT_SCALE } from '../questionnaires/definition.ts';
import { itemsOf, type RoundQuestionnaire } from '../questionnaires/tailoring.ts';
import type { StoredResponse } from '../participation/model.ts';
import type { AnswerCounts, FigureSet, GroupFigures, Mean, ThemeCounts } from './model.ts';

/**
 * From raw responses to counts (GroupFigures), and from counts to means. Counts only: nothing here
 * decides what may be shown (that is suppression.ts), and no answer text ever leaves this module:
 * open answers are not read at all, and background answers only as the option they chose.
 *
 * Choices, in one place:
 * - "Weet ik niet" is counted apart (AnswerCounts.dontKnow) and never enters a mean. A mean's
 *   dontKnowShare is dontKnow / (n + dontKnow): the share among those who answered the question.
 * - A missing answer (an item left open, which the questionnaire flow does not allow today but an
 *   older or tailored copy might; an answer that is not a value of the scale) is counted in
 *   AnswerCounts.missing and enters no figure: not the mean, not its n, not the weet-niet share.
 *   Suppression then applies the item rule to the answers actually given (see suppression.ts).
 * - A theme's mean pools the scale answers of all its items (each answer weighs the same), and its
 *   n is the number of respondents with at least one scale answer in the theme: the people the
 *   mean speaks for. Its weet-niet share is pooled the same way. Pooling answers (rather than
 *   averaging per-respondent means) keeps the theme mean a plain function of the item counts.
 * - Background answers that are not one of the question's options count as "no answer".
 * - Keys are sorted and every scale value is present (0 when nobody chose it), so the same
 *   responses in any order give byte-identical JSON.
 */

const LIKERT_VALUES: readonly string[] = LIKERT_SCALE.map((a) => a.value);
const GRADE_VALUES: readonly string[] = GRADE_SCALE;

function emptyCounts(values: readonly string[]): AnswerCounts {
  const byValue: Record<string, number> = {};
  for (const v of values) byValue[v] = 0;
  return { byValue, dontKnow: 0, missing: 0 };
}

function count(counts: AnswerCounts, values: readonly string[], answer: string | undefined): void {
  if (answer === DONT_KNOW.value) counts.dontKnow++;
  else if (answer !== undefined && values.includes(answer)) counts.byValue[answer]!++;
  else counts.missing++;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedRecord<T>(entries: [string, T][]): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [k, v] of [...entries].sort((a, b) => byKey(a[0], b[0]))) record[k] = v;
  return record;
}

/** The counts of one set of responses to one round questionnaire. */
function figureSet(rq: RoundQuestionnaire, responses: readonly StoredResponse[]): FigureSet {
  const items = itemsOf(rq);
  const itemCounts = new Map(items.map((i) => [i.id, emptyCounts(LIKERT_VALUES)]));
  const grade = emptyCounts(GRADE_VALUES);
  const respondents = new Map(rq.themes.map((t) => [t.id as string, 0]));
  for (const response of responses) {
    for (const item of items) count(itemCounts.get(item.id)!, LIKERT_VALUES, response.answers[item.id]);
    count(grade, GRADE_VALUES, response.answers[rq.grade.id]);
    for (const theme of rq.themes) {
      if (theme.items.some((i) => LIKERT_VALUES.includes(response.answers[i.id] ?? ''))) {
        respondents.set(theme.id, respondents.get(theme.id)! + 1);
      }
    }
  }
  return {
    n: responses.length,
    items: sortedRecord([...itemCounts.entries()]),
    grade,
    themes: sortedRecord(
      rq.themes.map((t): [string, ThemeCounts] => [t.id, { items: t.items.map((i) => i.id), respondents: respondents.get(t.id)! }]),
    ),
  };
}

/**
 * The raw figures of one group in one round: counts per item, the grade, per theme, and the same
 * per background category. Responses of other groups are ignored. Never published as they are.
 */
export function groupFigures(regionId: string, roundId: string, rq: RoundQuestionnaire, responses: readonly StoredResponse[]): GroupFigures {
  const own = responses.filter((r) => r.group === rq.group);
  const background = sortedRecord(
    rq.background.map((question): [string, Record<string, FigureSet>] => [
      question.id,
      sortedRecord(question.options.map((o): [string, FigureSet] => [o.value, figureSet(rq, own.filter((r) => r.answers[question.id] === o.value))])),
    ]),
  );
  return { regionId, roundId, group: rq.group, ...figureSet(rq, own), background };
}

/** Sum of scale values and number of scale answers. Values are small integers, so sums are exact. */
function sumOf(counts: AnswerCounts): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (const [value, k] of Object.entries(counts.byValue)) {
    sum += Number(value) * k;
    n += k;
  }
  return { sum, n };
}

/** Mean on the scale without "weet ik niet"; undefined when nobody answered on the scale. */
export function meanOf(counts: AnswerCounts): Mean | undefined {
  const { sum, n } = sumOf(counts);
  if (n === 0) return undefined;
  return { mean: sum / n, n, dontKnowShare: counts.dontKnow / (n + counts.dontKnow) };
}

/** Answers given to a question: on the scale or "weet ik niet" (missing answers excluded). */
export function answered(counts: AnswerCounts): number {
  return sumOf(counts).n + counts.dontKnow;
}

/** The item counts of a theme added up: every answer to any of its items. */
export function pooledThemeCounts(figures: FigureSet, themeId: string): AnswerCounts | undefined {
  const theme = figures.themes[themeId];
  if (!theme) return undefined;
  const pooled = emptyCounts(LIKERT_VALUES);
  for (const itemId of theme.items) {
    const c = figures.items[itemId];
    if (!c) continue;
    for (const [v, k] of Object.entries(c.byValue)) pooled.byValue[v] = (pooled.byValue[v] ?? 0) + k;
    pooled.dontKnow += c.dontKnow;
    pooled.missing += c.missing;
  }
  return pooled;
}

/**
 * A theme's mean: all scale answers to its items pooled; n = respondents with at least one scale
 * answer in the theme; dontKnowShare pooled over all its answers. Undefined when the theme was not
 * asked or nobody answered it on the scale.
 */
export function themeMean(figures: FigureSet, themeId: string): Mean | undefined {
  const pooled = pooledThemeCounts(figures, themeId);
  const mean = pooled && meanOf(pooled);
  if (!mean) return undefined;
  return { mean: mean.mean, n: figures.themes[themeId]!.respondents, dontKnowShare: mean.dontKnowShare };
}

/** The mean rapportcijfer (1-10) without "weet ik niet". */
export function gradeMean(figures: FigureSet): Mean | undefined {
  return meanOf(figures.grade);
}

/** The respondents of a group who did not answer a background question (an unpublished pool). */
export function noAnswerSet(figures: GroupFigures, questionId: string): FigureSet {
  const categories = Object.values(figures.background[questionId] ?? {});
  const minus = (a: AnswerCounts, parts: AnswerCounts[]): AnswerCounts => {
    const byValue: Record<string, number> = {};
    for (const [v, k] of Object.entries(a.byValue)) byValue[v] = k - parts.reduce((s, p) => s + (p.byValue[v] ?? 0), 0);
    return {
      byValue,
      dontKnow: a.dontKnow - parts.reduce((s, p) => s + p.dontKnow, 0),
      missing: a.missing - parts.reduce((s, p) => s + p.missing, 0),
    };
  };
  const items: Record<string, AnswerCounts> = {};
  for (const [id, c] of Object.entries(figures.items)) items[id] = minus(c, categories.map((cat) => cat.items[id]!).filter(Boolean));
  const themes: Record<string, ThemeCounts> = {};
  for (const [id, t] of Object.entries(figures.themes)) {
    themes[id] = { items: t.items, respondents: t.respondents - categories.reduce((s, cat) => s + (cat.themes[id]?.respondents ?? 0), 0) };
  }
  return {
    n: figures.n - categories.reduce((s, c) => s + c.n, 0),
    items,
    grade: minus(figures.grade, categories.map((c) => c.grade)),
    themes,
  };
}

import type { Counts } from '../participation/model.ts';
import { MAX_DONT_KNOW_SHARE, MIN_GROUP_SIZE, MIN_ITEM_SIZE, MIN_OTHER_REGIONS } from '../privacy.ts';
import { GROUP_IDS, groupById, type GroupId } from '../questionnaires/definition.ts';
import { itemsOf, REGIO_THEME_ID, type RoundQuestionnaire } from '../questionnaires/tailoring.ts';
import type { SubmissionRecord } from '../regioscan/record.ts';
import type { StoredResponse } from '../participation/model.ts';
import { answered, gradeMean, groupFigures, noAnswerSet, pooledThemeCounts, themeMean } from './aggregate.ts';
import { benchmarksFor } from './benchmark.ts';
import type {
  BackgroundResult,
  FigureSet,
  GroupFigures,
  GroupResult,
  ItemResult,
  Mean,
  RegionResults,
  Shown,
  SuppressionReason,
  ThemeResult,
} from './model.ts';
import { readingOf } from './reading.ts';
import { regioscanResults } from './regioscan.ts';
import { assertPublishable, breakdown, groupMean, groupShown, hidden, itemComplements, itemFigures, shown, tooManyDontKnow } from './suppression.ts';

/**
 * Assembles the whole RegionResults view of one round: pure, no clock, no AWS. The same input gives
 * byte-identical JSON (responses, benchmark figures and submissions may come in any order).
 * Every figure goes through suppression.ts, and the finished view through assertPublishable.
 */

export interface EarlierRound {
  roundId: string;
  opens: string;
  closes: string;
  /** The round's figures per group (computed when it closed). */
  figures: GroupFigures[];
}

export interface RegionResultsInput {
  region: { id: string; name: string; demo: boolean; gemeenten: { code: string; name: string }[] };
  round: {
    id: string;
    opens: string;
    closes: string;
    groups: GroupId[];
    questionnaires: Partial<Record<GroupId, RoundQuestionnaire>>;
  };
  /** The round's completed responses per group (counted here), ... */
  responses?: Partial<Record<GroupId, readonly StoredResponse[]>>;
  /**
   * ... or the figures already counted from them (groupFigures): the job counts each group once and
   * lets its responses go, so it never holds more than one group's responses at a time.
   */
  figures?: readonly GroupFigures[];
  counts: Partial<Record<GroupId, Pick<Counts, 'issued' | 'completed'>>>;
  /** The region's earlier closed rounds (any order). */
  earlier: EarlierRound[];
  /** Every region's latest closed round, one GroupFigures per region and group (this region's are ignored). */
  benchmark: GroupFigures[];
  /** Regioscan submissions of the region's gemeenten (others are ignored). */
  regioscan: SubmissionRecord[];
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2027-03-01" → "1 maart 2027". */
export function dutchDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`Not a date: ${day}`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "Ronde van 1 maart 2027 tot en met 31 maart 2027". */
export function roundLabel(opens: string, closes: string): string {
  return `Ronde van ${dutchDate(opens)} tot en met ${dutchDate(closes)}`;
}

const themeDontKnow = (f: FigureSet, themeId: string) => pooledThemeCounts(f, themeId)?.dontKnow ?? 0;
const themeScore = (f: FigureSet, themeId: string): Shown<Mean> => groupMean(f.n, themeMean(f, themeId), themeDontKnow(f, themeId));
const gradeScore = (f: FigureSet): Shown<Mean> => groupMean(f.n, gradeMean(f), f.grade.dontKnow);

function itemResults(rq: RoundQuestionnaire, figures: FigureSet, themeId: string, complements: boolean): ItemResult[] {
  const items = itemsOf(rq).filter((i) => i.themeId === themeId);
  const extra = complements ? new Set(itemComplements(items.map((i) => ({ id: i.id, answers: answered(figures.items[i.id]!) })))) : new Set<string>();
  return items.map((i) => ({ itemId: i.id, number: i.number, text: i.text, ...itemFigures(figures.items[i.id]!, extra.has(i.id)) }));
}

/** A category's mean when the breakdown lets it show; else hidden with the breakdown's reason. */
function categoryMean(reason: SuppressionReason | null | undefined, mean: Mean | undefined): Shown<Mean> {
  if (reason) return hidden(reason);
  if (!mean || tooManyDontKnow(mean)) return hidden('te-veel-weet-niet');
  return shown(mean);
}

function backgroundResults(rq: RoundQuestionnaire, figures: GroupFigures, themeIds: string[]): BackgroundResult[] {
  return rq.background.map((question) => {
    const categories = question.options.map((o) => ({ option: o, set: figures.background[question.id]![o.value]! }));
    const none = noAnswerSet(figures, question.id);
    // Rule 6 per measure: the people counted, those on the grade's scale, those in each theme.
    const counts = breakdown(
      categories.map((c) => ({ key: c.option.value, n: c.set.n })),
      none.n,
      MIN_ITEM_SIZE,
    );
    const measure = (n: (s: FigureSet) => number) =>
      breakdown(
        categories.map((c) => ({ key: c.option.value, n: n(c.set), forced: counts.get(c.option.value) ?? undefined })),
        n(none),
        MIN_ITEM_SIZE,
      );
    const grade = measure((s) => gradeMean(s)?.n ?? 0);
    const themes = themeIds.map((id) => ({ id, reasons: measure((s) => s.themes[id]?.respondents ?? 0) }));
    return {
      questionId: question.id,
      text: question.text,
      categories: categories.map(({ option, set }) => {
        const reason = counts.get(option.value);
        return {
          value: option.value,
          label: option.label,
          n: reason ? hidden<number>(reason) : shown(set.n),
          grade: categoryMean(grade.get(option.value), gradeMean(set)),
          themes: themes.map((t) => ({ themeId: t.id, score: categoryMean(t.reasons.get(option.value), themeMean(set, t.id)) })),
        };
      }),
    };
  });
}

export function buildRegionResults(input: RegionResultsInput): RegionResults {
  const { region, round } = input;
  const groups = GROUP_IDS.filter((g) => round.groups.includes(g) && round.questionnaires[g]);
  const current = groups.map(
    (g) => input.figures?.find((f) => f.group === g) ?? groupFigures(region.id, round.id, round.questionnaires[g]!, input.responses?.[g] ?? []),
  );
  const benchmarks = benchmarksFor(region.id, input.benchmark, current);
  const earlier = [...input.earlier]
    .filter((r) => r.roundId !== round.id)
    .sort((a, b) => (a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : a.roundId < b.roundId ? -1 : a.roundId > b.roundId ? 1 : 0));

  const groupResults: GroupResult[] = groups.map((group, gi) => {
    const rq = round.questionnaires[group]!;
    const figures = current[gi]!;
    const counts = input.counts[group];
    const issued = counts?.issued ?? 0;
    const themes = rq.themes.filter((t) => t.id !== REGIO_THEME_ID);
    const themeResults: ThemeResult[] = themes.map((theme) => ({
      themeId: theme.id,
      title: theme.title,
      score: themeScore(figures, theme.id),
      benchmark: benchmarks[group].themes[theme.id] ?? hidden('te-weinig-regios'),
      earlier: earlier.flatMap((r) => {
        const f = r.figures.find((x) => x.group === group);
        if (!f || !f.themes[theme.id]) return [];
        return [{ roundId: r.roundId, label: roundLabel(r.opens, r.closes), score: themeScore(f, theme.id) }];
      }),
      items: itemResults(rq, figures, theme.id, true),
    }));
    return {
      group,
      title: groupById(group).title,
      n: figures.n,
      issued,
      responseRate: issued > 0 ? (counts?.completed ?? 0) / issued : null,
      shown: groupShown(figures.n),
      grade: gradeScore(figures),
      gradeBenchmark: benchmarks[group].grade,
      themes: themeResults,
      background: backgroundResults(
        rq,
        figures,
        themes.map((t) => t.id),
      ),
    };
  });

  const ownQuestions = groups.flatMap((group, gi) => {
    const rq = round.questionnaires[group]!;
    if (!rq.themes.some((t) => t.id === REGIO_THEME_ID)) return [];
    // Own questions are not pooled into any published figure, so the item rule alone protects them.
    return [{ group, items: itemResults(rq, current[gi]!, REGIO_THEME_ID, false) }];
  });

  const withoutReading = {
    regionId: region.id,
    regionName: region.name,
    demo: region.demo,
    roundId: round.id,
    roundLabel: roundLabel(round.opens, round.closes),
    opens: round.opens,
    closes: round.closes,
    groups: groupResults,
    regioscan: regioscanResults(region.id, region.name, region.gemeenten, input.regioscan),
    ownQuestions,
    method: {
      minGroupSize: MIN_GROUP_SIZE,
      minItemSize: MIN_ITEM_SIZE,
      minOtherRegions: MIN_OTHER_REGIONS,
      maxDontKnowShare: MAX_DONT_KNOW_SHARE,
      benchmarkRegions: new Set(input.benchmark.filter((f) => f.regionId !== region.id).map((f) => f.regionId)).size,
    },
  };
  const results: RegionResults = {
    regionId: withoutReading.regionId,
    regionName: withoutReading.regionName,
    demo: withoutReading.demo,
    roundId: withoutReading.roundId,
    roundLabel: withoutReading.roundLabel,
    opens: withoutReading.opens,
    closes: withoutReading.closes,
    groups: withoutReading.groups,
    reading: readingOf(withoutReading),
    regioscan: withoutReading.regioscan,
    ownQuestions: withoutReading.ownQuestions,
    method: withoutReading.method,
  };
  assertPublishable(results);
  return results;
}

import type { GroupId } from '../questionnaires/definition.ts';

/**
 * The figures of the benchmark, in the shapes every part shares: the aggregation job computes
 * `GroupFigures` per round and group from raw responses (never published as they are); the
 * suppression module turns them into `Shown` values; the results page, the CSV and the PDF all render
 * one `RegionResults` view, so they show the same numbers.
 */

/** A figure that may be hidden: the value, or the reason it is not shown (Dutch, for the page). */
export type Shown<T> = { shown: true; value: T } | { shown: false; reason: SuppressionReason };

export type SuppressionReason =
  /** Fewer respondents than the rule's minimum. */
  | 'te-weinig-antwoorden'
  /** Hidden so that a hidden figure cannot be worked out from the figures shown beside it. */
  | 'aanvullend-verborgen'
  /** More than half answered "weet ik niet": the mean would say little. */
  | 'te-veel-weet-niet'
  /** The benchmark needs enough other regions. */
  | 'te-weinig-regios';

/** Counts of the answers to one item (or the grade) in one group: the raw material of every figure. */
export interface AnswerCounts {
  /** Respondents who answered on the scale, per scale value ('1'..'5', or '1'..'10' for the grade). */
  byValue: Record<string, number>;
  /** Respondents who answered "weet ik niet". */
  dontKnow: number;
  /** Respondents who left it open (possible only for optional questions and tailored items). */
  missing: number;
}

/** What a theme's mean rests on in one group (or background category). */
export interface ThemeCounts {
  /** The theme's items in this round: its mean pools their answers (see aggregate.ts). */
  items: string[];
  /** Respondents with at least one answer on the scale to the theme's items: the n of the theme's mean. */
  respondents: number;
}

/** Counts of one set of respondents: a whole group, or one background category of it. */
export interface FigureSet {
  /** Completed responses. */
  n: number;
  items: Record<string, AnswerCounts>;
  grade: AnswerCounts;
  themes: Record<string, ThemeCounts>;
}

/** Raw, unsuppressed figures of one group in one round of one region: internal to the job. */
export interface GroupFigures extends FigureSet {
  regionId: string;
  roundId: string;
  group: GroupId;
  /** Per background question and option: the responses of that category (same shape, nested once). */
  background: Record<string, Record<string, FigureSet>>;
}

/** A mean with the number it rests on. Means are on the scale of the question (1-5, or 1-10 for the grade). */
export interface Mean {
  mean: number;
  /** Answers on the scale (without "weet ik niet"). */
  n: number;
  /** Share (0-1) of "weet ik niet" among all who saw the question. */
  dontKnowShare: number;
}

/** The all-regions comparison for one figure: the other regions only, never the region itself. */
export interface BenchmarkFigure {
  /** Regions that contributed (each with at least the minimum group size). */
  regions: number;
  mean: number;
  q1: number;
  median: number;
  q3: number;
  /** Ventile bands (20 upper bounds) like the original monitor; only from 20 regions on. */
  ventiles?: number[];
  /** Where the region's own value falls: 1-20 (ventile) when ventiles exist. */
  ventile?: number;
}

export interface ThemeResult {
  themeId: string;
  title: string;
  /** The theme's mean: the mean of its items' answers on the 1-5 scale. */
  score: Shown<Mean>;
  benchmark: Shown<BenchmarkFigure>;
  /** The same theme in the region's earlier rounds (closed), oldest first. */
  earlier: { roundId: string; label: string; score: Shown<Mean> }[];
  items: ItemResult[];
}

export interface ItemResult {
  itemId: string;
  number: number;
  text: string;
  /** n and the distribution are shown from the item minimum; the mean also needs <= 50 % "weet ik niet". */
  mean: Shown<Mean>;
  distribution: Shown<{ byValue: Record<string, number>; dontKnow: number }>;
}

export interface BackgroundResult {
  questionId: string;
  text: string;
  categories: { value: string; label: string; n: Shown<number>; grade: Shown<Mean>; themes: { themeId: string; score: Shown<Mean> }[] }[];
}

export interface GroupResult {
  group: GroupId;
  title: string;
  /** Completed responses; always shown (the count itself reveals no answer). */
  n: number;
  /** Personal links issued and completed (from the counters), for the response table. */
  issued: number;
  responseRate: number | null;
  /** False when the group has fewer than the minimum: then every figure below is hidden. */
  shown: boolean;
  grade: Shown<Mean>;
  gradeBenchmark: Shown<BenchmarkFigure>;
  themes: ThemeResult[];
  background: BackgroundResult[];
}

export interface RegioscanResult {
  /** Gemeente code, or the region id for the whole region. */
  code: string;
  name: string;
  n: Shown<number>;
  themes: { themeId: string; title: string; score: Shown<{ mean: number; n: number }> }[];
}

/** A sentence of the plain-language reading, with the figures it rests on. */
export interface Reading {
  kind: 'hoogste-thema' | 'laagste-thema' | 'grootste-verschil-groepen' | 'grootste-verandering';
  text: string;
}

/** Everything the region's results page, CSV and PDF show for one round. */
export interface RegionResults {
  regionId: string;
  regionName: string;
  demo: boolean;
  roundId: string;
  /** e.g. "Ronde van 1 maart 2027 tot en met 31 maart 2027". */
  roundLabel: string;
  opens: string;
  closes: string;
  groups: GroupResult[];
  reading: Reading[];
  regioscan: RegioscanResult[];
  /** The region's own questions ("Vragen van uw regio"), per group that had them. */
  ownQuestions: { group: GroupId; items: ItemResult[] }[];
  /** Method appendix: scale, rules, the questions. */
  method: {
    minGroupSize: number;
    minItemSize: number;
    minOtherRegions: number;
    maxDontKnowShare: number;
    benchmarkRegions: number;
  };
}

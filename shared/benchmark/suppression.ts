import {
  MAX_DONT_KNOW_SHARE,
  MIN_GROUP_SIZE,
  MIN_ITEM_SIZE,
  MIN_OTHER_REGIONS,
  VENTILE_MIN_REGIONS,
} from '../privacy.ts';
import { answered, meanOf } from './aggregate.ts';
import type { AnswerCounts, BenchmarkFigure, Mean, RegionResults, Shown, SuppressionReason } from './model.ts';

/**
 * Every rule that decides whether a figure may be shown, in one module. The numbers live in
 * shared/privacy.ts; each rule below says why it exists. The audit test
 * (test/unit/benchmark/audit.test.ts) tries every route to work a hidden figure out again.
 *
 * What is protected: the answers of small sets of people. A figure is hidden for
 * "te-weinig-antwoorden" (too few people) or "aanvullend-verborgen" (it would let someone compute a
 * hidden figure). "te-veel-weet-niet" is NOT a privacy rule but a quality rule (a mean of a minority
 * of the answers says little): an item's mean hidden for it can be read from its distribution,
 * which stays visible on purpose.
 *
 * Rules:
 * 1. groupShown: a group's figures only from MIN_GROUP_SIZE responses.
 * 2. groupMean: a group-level mean (theme, rapportcijfer) also needs its own n (people on the scale)
 *    from MIN_GROUP_SIZE, and at most MAX_DONT_KNOW_SHARE "weet ik niet".
 * 3. itemShown: per-item figures (distribution, mean) from MIN_ITEM_SIZE answers to that item
 *    ("weet ik niet" counts as an answer, a missing answer does not); the region's own questions
 *    follow the same rule. The mean also needs at most MAX_DONT_KNOW_SHARE "weet ik niet".
 * 4. itemComplements: if one item of a theme is hidden for too few answers while the others show
 *    (only possible with missing answers), the item with the fewest answers is hidden too, so the
 *    theme's pooled mean minus the visible items does not give the hidden one.
 * 5. categoryShown: background breakdowns from MIN_ITEM_SIZE respondents per category.
 * 6. breakdown: complementary suppression in any breakdown whose total is known (background
 *    categories of a group, gemeenten of a region in the Regioscan): the hidden cells together,
 *    plus the people not in any shown cell (who skipped the background question), must be nobody or
 *    at least the minimum; otherwise the smallest shown cell is hidden too ("aanvullend-verborgen").
 *    This is the GP Patient Survey's "next lowest" rule, made a little stronger: the total minus the
 *    shown cells never gives a figure of fewer people than the minimum, whether one cell is hidden
 *    or two tiny ones are.
 * 7. benchmarkShown: the benchmark excludes the region itself (benchmark.ts), uses only other
 *    regions whose own figure is shown to them (contributes), and is shown only from
 *    MIN_OTHER_REGIONS of them; ventile bands only from VENTILE_MIN_REGIONS.
 * 8. No total across groups is ever published (there is no field for one, and assertPublishable
 *    refuses any other key): with one, the region total minus the shown groups gives a hidden group.
 * 9. Open answers are never published (aggregate.ts never reads them).
 */

export const shown = <T>(value: T): Shown<T> => ({ shown: true, value });
export const hidden = <T = never>(reason: SuppressionReason): Shown<T> => ({ shown: false, reason });

/** Rule 1. Fewer than MIN_GROUP_SIZE people: any figure would come close to one person's answers. */
export function groupShown(n: number): boolean {
  return n >= MIN_GROUP_SIZE;
}

/** Quality rule: more than MAX_DONT_KNOW_SHARE "weet ik niet" and the mean speaks for a minority. */
export function tooManyDontKnow(mean: Pick<Mean, 'dontKnowShare'>): boolean {
  return mean.dontKnowShare > MAX_DONT_KNOW_SHARE;
}

/**
 * Rule 2. A group-level mean (a theme, the rapportcijfer) of a group of groupN responses. Also used
 * to decide whether a region contributes to the benchmark: only figures the region is shown itself.
 */
export function groupMean(groupN: number, mean: Mean | undefined, dontKnow = 0): Shown<Mean> {
  if (!groupShown(groupN)) return hidden('te-weinig-antwoorden');
  if (!mean) return hidden(dontKnow > 0 ? 'te-veel-weet-niet' : 'te-weinig-antwoorden');
  if (tooManyDontKnow(mean)) return hidden('te-veel-weet-niet');
  // The people the mean speaks for, not the group: a mean of fewer is hidden like a small group.
  if (mean.n < MIN_GROUP_SIZE) return hidden('te-weinig-antwoorden');
  return shown(mean);
}

/** Rule 3. Per-item figures rest on the answers to that one item: from MIN_ITEM_SIZE (like Ofsted Parent View). */
export function itemShown(answers: number): boolean {
  return answers >= MIN_ITEM_SIZE;
}

/** Rule 3 applied: an item's distribution and mean (the distribution may show while the mean does not). */
export function itemFigures(
  counts: AnswerCounts,
  complement = false,
): { mean: Shown<Mean>; distribution: Shown<{ byValue: Record<string, number>; dontKnow: number }> } {
  if (!itemShown(answered(counts))) return { mean: hidden('te-weinig-antwoorden'), distribution: hidden('te-weinig-antwoorden') };
  if (complement) return { mean: hidden('aanvullend-verborgen'), distribution: hidden('aanvullend-verborgen') };
  const distribution = shown({ byValue: { ...counts.byValue }, dontKnow: counts.dontKnow });
  const mean = meanOf(counts);
  return { mean: !mean || tooManyDontKnow(mean) ? hidden('te-veel-weet-niet') : shown(mean), distribution };
}

/**
 * Rule 4. Items of one theme: the theme's pooled mean is a published sum over its items. When
 * exactly one item is hidden for too few answers and others show, hide the shown item with the
 * fewest answers too, so no single item equals "theme minus the visible items". Returns the ids to
 * hide as complement.
 */
export function itemComplements(items: { id: string; answers: number }[]): string[] {
  const hiddenItems = items.filter((i) => !itemShown(i.answers));
  const visible = items.filter((i) => itemShown(i.answers));
  if (hiddenItems.length !== 1 || visible.length === 0) return [];
  const smallest = visible.reduce((a, b) => (b.answers < a.answers ? b : a));
  return [smallest.id];
}

/** Rule 5. A background category is a small group within a group: from MIN_ITEM_SIZE respondents. */
export function categoryShown(n: number): boolean {
  return n >= MIN_ITEM_SIZE;
}

export interface BreakdownCell {
  key: string;
  /** The people this cell's figure speaks for. */
  n: number;
  /** Hidden already for another reason (e.g. the category itself is hidden): its people join the pool. */
  forced?: SuppressionReason;
}

/**
 * Rule 6. Complementary suppression in a breakdown of a known total. `unpublished` is the number of
 * people in the total who are in no cell (who skipped the question), `min` the cell minimum. Returns
 * per key the reason it is hidden, or null when it may be shown. The pool of everything not shown
 * (hidden cells plus unpublished) is what "total minus visible cells" gives an attacker: it must be
 * nobody or at least `min` people; otherwise the smallest shown cell joins it. Ties go to the first
 * cell in the given order, so the result is deterministic.
 */
export function breakdown(cells: readonly BreakdownCell[], unpublished: number, min: number): Map<string, SuppressionReason | null> {
  const result = new Map<string, SuppressionReason | null>();
  let pool = unpublished;
  for (const cell of cells) {
    const reason = cell.forced ?? (cell.n < min ? 'te-weinig-antwoorden' : null);
    result.set(cell.key, reason);
    if (reason) pool += cell.n;
  }
  while (pool > 0 && pool < min) {
    let smallest: BreakdownCell | undefined;
    for (const cell of cells) if (result.get(cell.key) === null && cell.n > 0 && (!smallest || cell.n < smallest.n)) smallest = cell;
    if (!smallest) break; // everyone in the total is in the pool: it is the total itself, shown or not by its own rule
    result.set(smallest.key, 'aanvullend-verborgen');
    pool += smallest.n;
  }
  return result;
}

/** Rule 7. A benchmark of fewer other regions comes too close to a single region's value. */
export function benchmarkShown(regions: number): boolean {
  return regions >= MIN_OTHER_REGIONS;
}

/** Rule 7. Ventile bands over few regions are the regions' own values: only from VENTILE_MIN_REGIONS. */
export function ventilesShown(regions: number): boolean {
  return regions >= VENTILE_MIN_REGIONS;
}

/** Rule 7. A region's figure enters the benchmark of others only when it is shown to the region itself. */
export function contributes(groupN: number, mean: Mean | undefined): mean is Mean {
  return groupMean(groupN, mean).shown;
}

export function showBenchmark(figure: BenchmarkFigure | undefined): Shown<BenchmarkFigure> {
  return figure && benchmarkShown(figure.regions) ? shown(figure) : hidden('te-weinig-regios');
}

const RESULT_KEYS = [
  'regionId',
  'regionName',
  'demo',
  'roundId',
  'roundLabel',
  'opens',
  'closes',
  'groups',
  'reading',
  'regioscan',
  'ownQuestions',
  'method',
].join(',');

/**
 * A last check before anything is published (defence in depth; the builder applies the rules
 * above, this refuses a view that breaks them anyway). Throws with the path of the first offence.
 */
export function assertPublishable(results: RegionResults): void {
  const fail = (path: string, why: string): never => {
    throw new Error(`Not publishable: ${path}: ${why}`);
  };
  // Rule 8: the view has exactly the model's keys, so no total across groups can slip in.
  if (Object.keys(results).join(',') !== RESULT_KEYS) fail('results', `unexpected keys ${Object.keys(results).join(',')}`);
  const checkMean = (path: string, m: Shown<Mean>, min: number) => {
    if (!m.shown) return;
    if (m.value.n < min) fail(path, `n ${m.value.n} below ${min}`);
    if (tooManyDontKnow(m.value)) fail(path, 'too many "weet ik niet"');
  };
  const checkBenchmark = (path: string, b: Shown<BenchmarkFigure>) => {
    if (!b.shown) return;
    if (!benchmarkShown(b.value.regions)) fail(path, `${b.value.regions} regions`);
    if (b.value.ventiles && !ventilesShown(b.value.regions)) fail(path, 'ventiles from too few regions');
  };
  const checkItem = (path: string, item: { mean: Shown<Mean>; distribution: Shown<{ byValue: Record<string, number>; dontKnow: number }> }) => {
    if (item.distribution.shown) {
      const d = item.distribution.value;
      if (!itemShown(Object.values(d.byValue).reduce((a, b) => a + b, 0) + d.dontKnow)) fail(path, 'distribution of too few answers');
    } else if (item.mean.shown) fail(path, 'mean without its distribution');
    checkMean(path, item.mean, MIN_GROUP_SIZE);
  };
  for (const g of results.groups) {
    const gp = `groups.${g.group}`;
    if (g.shown !== groupShown(g.n)) fail(gp, 'shown flag does not follow the group rule');
    if (!g.shown && (g.grade.shown || g.themes.some((t) => t.score.shown || t.items.some((i) => i.distribution.shown)))) fail(gp, 'figure of a hidden group');
    checkMean(`${gp}.grade`, g.grade, MIN_GROUP_SIZE);
    checkBenchmark(`${gp}.gradeBenchmark`, g.gradeBenchmark);
    for (const t of g.themes) {
      checkMean(`${gp}.${t.themeId}`, t.score, MIN_GROUP_SIZE);
      checkBenchmark(`${gp}.${t.themeId}.benchmark`, t.benchmark);
      for (const e of t.earlier) checkMean(`${gp}.${t.themeId}.${e.roundId}`, e.score, MIN_GROUP_SIZE);
      for (const i of t.items) checkItem(`${gp}.${i.itemId}`, i);
    }
    for (const b of g.background) {
      for (const c of b.categories) {
        const cp = `${gp}.${b.questionId}.${c.value}`;
        if (c.n.shown && !categoryShown(c.n.value)) fail(cp, `category of ${c.n.value}`);
        if (!c.n.shown && (c.grade.shown || c.themes.some((t) => t.score.shown))) fail(cp, 'figure of a hidden category');
        checkMean(`${cp}.grade`, c.grade, MIN_ITEM_SIZE);
        for (const t of c.themes) checkMean(`${cp}.${t.themeId}`, t.score, MIN_ITEM_SIZE);
      }
    }
  }
  for (const o of results.ownQuestions) for (const i of o.items) checkItem(`ownQuestions.${o.group}.${i.itemId}`, i);
  const [region, ...gemeenten] = results.regioscan;
  for (const r of results.regioscan) {
    if (r.n.shown && !groupShown(r.n.value)) fail(`regioscan.${r.code}`, `n ${r.n.value}`);
    for (const t of r.themes) if (t.score.shown && !groupShown(t.score.value.n)) fail(`regioscan.${r.code}.${t.themeId}`, `n ${t.score.value.n}`);
  }
  // Rule 6 for the Regioscan, where the total is published: region minus shown gemeenten.
  if (region?.n.shown) {
    const pool = region.n.value - gemeenten.reduce((s, g) => s + (g.n.shown ? g.n.value : 0), 0);
    if (pool > 0 && pool < MIN_GROUP_SIZE) fail('regioscan', `region minus shown gemeenten leaves ${pool}`);
    region.themes.forEach((rt, k) => {
      if (!rt.score.shown) return;
      const p = rt.score.value.n - gemeenten.reduce((s, g) => s + (g.themes[k]?.score.shown ? g.themes[k]!.score.value.n : 0), 0);
      if (p > 0 && p < MIN_GROUP_SIZE) fail(`regioscan.${rt.themeId}`, `region minus shown gemeenten leaves ${p}`);
    });
  }
}

import { GROUP_IDS, type GroupId } from '../questionnaires/definition.ts';
import { REGIO_THEME_ID } from '../questionnaires/tailoring.ts';
import { gradeMean, themeMean } from './aggregate.ts';
import type { BenchmarkFigure, GroupFigures, Mean, Shown } from './model.ts';
import { contributes, groupMean, showBenchmark, ventilesShown } from './suppression.ts';

/**
 * The all-regions comparison. A region's benchmark is computed over the OTHER regions only (its own
 * value never enters it), from each other region's latest closed round, and only from regions whose
 * figure is shown to themselves (suppression.ts, contributes). It is shown from MIN_OTHER_REGIONS.
 *
 * Quartiles and ventiles use one method: linear interpolation between order statistics (Hyndman &
 * Fan type 7, the default of R and of Excel's KWARTIEL/PERCENTIEL.INC): for p in [0, 1] over the
 * sorted values x[0..k-1], h = (k - 1) p and Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */

/** Type 7 quantile of values sorted ascending. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The figure over the given values: mean, quartiles, and from VENTILE_MIN_REGIONS values the 20
 * ventile upper bounds Q(1/20) .. Q(20/20) with the ventile (1-20) the own value falls in: the first
 * band whose upper bound is at least the own value (20 when above them all).
 */
export function benchmarkFigure(values: readonly number[], own?: number): BenchmarkFigure {
  const sorted = [...values].sort((a, b) => a - b);
  // Summed in sorted order, so the same values in any order give the same mean to the last bit.
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const figure: BenchmarkFigure = {
    regions: sorted.length,
    mean,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
  };
  if (ventilesShown(sorted.length)) {
    const ventiles = Array.from({ length: 20 }, (_, k) => quantile(sorted, (k + 1) / 20));
    figure.ventiles = ventiles;
    if (own !== undefined) {
      const index = ventiles.findIndex((bound) => own <= bound);
      figure.ventile = index === -1 ? 20 : index + 1;
    }
  }
  return figure;
}

export interface GroupBenchmarks {
  grade: Shown<BenchmarkFigure>;
  /** Per theme id (sorted); the region's own questions ('regio') have no benchmark. */
  themes: Record<string, Shown<BenchmarkFigure>>;
}

type Measure = (f: GroupFigures) => Mean | undefined;

function benchmarkOf(others: GroupFigures[], own: GroupFigures | undefined, measure: Measure): Shown<BenchmarkFigure> {
  const values: number[] = [];
  for (const f of others) {
    const m = measure(f);
    if (contributes(f.n, m)) values.push(m.mean);
  }
  if (values.length === 0) return showBenchmark(undefined);
  const ownMean = own ? groupMean(own.n, measure(own)) : undefined;
  return showBenchmark(benchmarkFigure(values, ownMean?.shown ? ownMean.value.mean : undefined));
}

/**
 * The benchmarks a region sees, per group: the grade and every theme, over the other regions in
 * `all` (the latest closed round of each region, one GroupFigures per region and group; the
 * region's own entries are ignored). `own` are the region's figures of the round being shown, used
 * only to place its value in a ventile; by default its entries in `all`.
 */
export function benchmarksFor(
  regionId: string,
  all: readonly GroupFigures[],
  own: readonly GroupFigures[] = all.filter((f) => f.regionId === regionId),
): Record<GroupId, GroupBenchmarks> {
  const seen = new Set<string>();
  for (const f of all) {
    const key = `${f.regionId}\u0000${f.group}`;
    if (seen.has(key)) throw new Error(`benchmarksFor: more than one figure for region ${f.regionId}, group ${f.group}`);
    seen.add(key);
  }
  const result = {} as Record<GroupId, GroupBenchmarks>;
  for (const group of GROUP_IDS) {
    const others = all.filter((f) => f.group === group && f.regionId !== regionId);
    const mine = own.find((f) => f.group === group);
    const themeIds = new Set<string>();
    for (const f of [...others, ...(mine ? [mine] : [])]) for (const id of Object.keys(f.themes)) if (id !== REGIO_THEME_ID) themeIds.add(id);
    const themes: Record<string, Shown<BenchmarkFigure>> = {};
    for (const id of [...themeIds].sort()) themes[id] = benchmarkOf(others, mine, (f) => themeMean(f, id));
    result[group] = { grade: benchmarkOf(others, mine, gradeMean), themes };
  }
  return result;
}

import { describe, expect, it } from 'vitest';
import { gradeMean, themeMean } from '../../../shared/benchmark/aggregate.ts';
import { benchmarkFigure, benchmarksFor, quantile } from '../../../shared/benchmark/benchmark.ts';
import type { GroupFigures } from '../../../shared/benchmark/model.ts';
import { MIN_GROUP_SIZE, MIN_OTHER_REGIONS, VENTILE_MIN_REGIONS } from '../../../shared/privacy.ts';
import { otherRegion } from './testdata.ts';

describe('quartiles (type 7, linear interpolation)', () => {
  it('matches hand-computed values', () => {
    // h = 7p: Q1 at h = 1.75 → 2 + 0.75·1; median at 3.5; Q3 at 5.25.
    const f = benchmarkFigure([8, 1, 7, 2, 6, 3, 5, 4]);
    expect(f).toEqual({ regions: 8, mean: 4.5, q1: 2.75, median: 4.5, q3: 6.25 });
    // Five values: h = 1, 2, 3 land on order statistics.
    const g = benchmarkFigure([3.5, 2.9, 4.0, 3.1, 3.3]);
    expect([g.q1, g.median, g.q3]).toEqual([3.1, 3.3, 3.5]);
    expect(g.mean).toBeCloseTo(3.36, 12);
    expect(quantile([2, 4], 0.5)).toBe(3);
    expect(quantile([2, 4], 1)).toBe(4);
  });
});

describe('ventiles', () => {
  const values = (k: number) => Array.from({ length: k }, (_, i) => i + 1);
  it(`exist only from ${VENTILE_MIN_REGIONS} regions`, () => {
    expect(benchmarkFigure(values(VENTILE_MIN_REGIONS - 1), 3).ventiles).toBeUndefined();
    expect(benchmarkFigure(values(VENTILE_MIN_REGIONS - 1), 3).ventile).toBeUndefined();
    const f = benchmarkFigure(values(VENTILE_MIN_REGIONS));
    expect(f.ventiles).toHaveLength(20);
    // 1..20: Q(k/20) at h = 19k/20 → 1 + 0.95k.
    expect(f.ventiles![0]).toBeCloseTo(1.95, 12);
    expect(f.ventiles![9]).toBeCloseTo(10.5, 12);
    expect(f.ventiles![19]).toBe(20);
  });
  it('place the own value in a band of 1 to 20', () => {
    const v = values(20);
    expect(benchmarkFigure(v, 0).ventile).toBe(1);
    expect(benchmarkFigure(v, 1.95).ventile).toBe(1);
    expect(benchmarkFigure(v, 10.5).ventile).toBe(10);
    expect(benchmarkFigure(v, 10.6).ventile).toBe(11);
    expect(benchmarkFigure(v, 20).ventile).toBe(20);
    expect(benchmarkFigure(v, 99).ventile).toBe(20);
  });
});

describe('benchmarksFor', () => {
  const regions = (k: number, n = 12): GroupFigures[] => Array.from({ length: k }, (_, i) => otherRegion(`r-${i + 1}`, 'uitvoering', n, 50 + i));
  const own = otherRegion('r-eigen', 'uitvoering', 30, 999, { item: '5', grade: '10' });

  it('is computed over the other regions only: the own value never enters it', () => {
    const others = regions(6);
    const b = benchmarksFor('r-eigen', [own, ...others]).uitvoering;
    const expected = benchmarkFigure(others.map((f) => themeMean(f, 'samenwerking')!.mean));
    expect(b.themes['samenwerking']).toEqual({ shown: true, value: expected });
    expect(b.grade).toEqual({ shown: true, value: benchmarkFigure(others.map((f) => gradeMean(f)!.mean)) });
    // The own region's extreme answers change nothing.
    const own2 = otherRegion('r-eigen', 'uitvoering', 30, 998, { item: '1', grade: '1' });
    expect(benchmarksFor('r-eigen', [own2, ...others])).toEqual(benchmarksFor('r-eigen', [own, ...others]));
  });

  it(`needs ${MIN_OTHER_REGIONS} other regions: hidden with 4, shown with 5`, () => {
    expect(benchmarksFor('r-eigen', [own, ...regions(MIN_OTHER_REGIONS - 1)]).uitvoering.themes['samenwerking']).toEqual({ shown: false, reason: 'te-weinig-regios' });
    const five = benchmarksFor('r-eigen', [own, ...regions(MIN_OTHER_REGIONS)]).uitvoering.themes['samenwerking']!;
    expect(five.shown && five.value.regions).toBe(MIN_OTHER_REGIONS);
  });

  it(`leaves out regions whose group has fewer than ${MIN_GROUP_SIZE} responses`, () => {
    const small = otherRegion('r-klein', 'uitvoering', MIN_GROUP_SIZE - 1, 7);
    const withSmall = benchmarksFor('r-eigen', [own, ...regions(MIN_OTHER_REGIONS - 1), small]).uitvoering;
    expect(withSmall.grade).toEqual({ shown: false, reason: 'te-weinig-regios' });
    const atMinimum = otherRegion('r-net', 'uitvoering', MIN_GROUP_SIZE, 7);
    const b = benchmarksFor('r-eigen', [own, ...regions(MIN_OTHER_REGIONS - 1), atMinimum]).uitvoering.grade;
    expect(b.shown && b.value.regions).toBe(MIN_OTHER_REGIONS);
  });

  it('with exactly 2 regions neither sees a benchmark', () => {
    const [a, b] = regions(2);
    for (const r of [a!, b!]) {
      const seen = benchmarksFor(r.regionId, [a!, b!]).uitvoering;
      expect(seen.grade.shown).toBe(false);
      expect(Object.values(seen.themes).every((t) => !t.shown)).toBe(true);
    }
  });

  it('places the own value in a ventile from 20 other regions', () => {
    const b = benchmarksFor('r-eigen', [own, ...regions(20)]).uitvoering.grade;
    expect(b.shown && b.value.ventiles).toHaveLength(20);
    expect(b.shown && b.value.ventile).toBe(20); // all tens is above every other region
    const nineteen = benchmarksFor('r-eigen', [own, ...regions(19)]).uitvoering.grade;
    expect(nineteen.shown && nineteen.value.ventiles).toBeUndefined();
  });

  it('refuses two figures for one region and group', () => {
    const [a] = regions(1);
    expect(() => benchmarksFor('r-eigen', [a!, a!])).toThrow(/more than one/);
  });
});

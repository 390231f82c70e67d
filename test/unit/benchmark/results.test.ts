import { describe, expect, it } from 'vitest';
import { gradeMean, groupFigures, themeMean } from '../../../shared/benchmark/aggregate.ts';
import { buildRegionResults, dutchDate, roundLabel } from '../../../shared/benchmark/results.ts';
import { MIN_GROUP_SIZE } from '../../../shared/privacy.ts';
import { auditInput, OPEN_MARKER, rng } from './testdata.ts';

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = rng(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('buildRegionResults', () => {
  it('labels rounds in Dutch', () => {
    expect(dutchDate('2027-03-01')).toBe('1 maart 2027');
    expect(roundLabel('2027-03-01', '2027-03-31')).toBe('Ronde van 1 maart 2027 tot en met 31 maart 2027');
    expect(() => dutchDate('2027-13-01')).toThrow();
  });

  it('gives byte-identical JSON for the same input, also when the inputs come in another order', () => {
    const input = auditInput();
    const a = JSON.stringify(buildRegionResults(input));
    expect(JSON.stringify(buildRegionResults(auditInput()))).toBe(a);
    const reordered = {
      ...input,
      responses: Object.fromEntries(Object.entries(input.responses).map(([g, r], i) => [g, shuffled(r!, i + 1)])),
      benchmark: shuffled(input.benchmark, 7),
      regioscan: shuffled(input.regioscan, 8),
      region: { ...input.region, gemeenten: shuffled(input.region.gemeenten, 9) },
      round: { ...input.round, groups: [...input.round.groups].reverse() },
    };
    expect(JSON.stringify(buildRegionResults(reordered))).toBe(a);
  });

  it('never puts an open answer in the output', () => {
    const input = auditInput();
    expect(JSON.stringify(input.responses)).toContain(OPEN_MARKER);
    const json = JSON.stringify(buildRegionResults(input));
    expect(json).not.toContain(OPEN_MARKER);
    expect(json).not.toContain('belt nooit terug');
  });

  it('shows each group with its n, response rate, and figures only from the group minimum', () => {
    const results = buildRegionResults(auditInput());
    expect(results.groups.map((g) => [g.group, g.n, g.issued, g.responseRate, g.shown])).toEqual([
      ['beleid', 8, 20, 0.4, true],
      ['uitvoering', 25, 40, 25 / 40, true],
      ['ouders-jongeren', 3, 0, null, false],
    ]);
    const small = results.groups[2]!;
    expect(small.n).toBeLessThan(MIN_GROUP_SIZE);
    expect(small.grade).toEqual({ shown: false, reason: 'te-weinig-antwoorden' });
    expect(small.themes.every((t) => !t.score.shown && t.items.every((i) => !i.mean.shown && !i.distribution.shown))).toBe(true);
    expect(small.background.every((b) => b.categories.every((c) => !c.n.shown))).toBe(true);
  });

  it('computes the shown figures from the round alone, and earlier rounds from their own figures', () => {
    const input = auditInput();
    const results = buildRegionResults(input);
    const rq = input.round.questionnaires.uitvoering!;
    const f = groupFigures('r-audit', 'r-audit-2027', rq, input.responses.uitvoering!);
    const uitvoering = results.groups[1]!;
    expect(uitvoering.grade).toEqual({ shown: true, value: gradeMean(f) });
    expect(uitvoering.themes[0]!.score).toEqual({ shown: true, value: themeMean(f, 'samenwerking') });
    const earlierF = input.earlier[0]!.figures.find((x) => x.group === 'uitvoering')!;
    expect(uitvoering.themes[0]!.earlier).toEqual([
      { roundId: 'r-audit-2026', label: 'Ronde van 1 maart 2026 tot en met 31 maart 2026', score: { shown: true, value: themeMean(earlierF, 'samenwerking') } },
    ]);
    // The region's own questions are not a theme of the results: only under ownQuestions, with the item rule.
    expect(results.groups.every((g) => g.themes.every((t) => t.themeId !== 'regio'))).toBe(true);
    expect(results.ownQuestions.map((o) => [o.group, o.items.map((i) => i.distribution.shown)])).toEqual([
      ['beleid', [false]],
      ['uitvoering', [true]],
      ['ouders-jongeren', [false]],
    ]);
  });

  it('fills the method appendix from shared/privacy.ts and counts the other regions', () => {
    const results = buildRegionResults(auditInput());
    expect(results.method).toEqual({ minGroupSize: 5, minItemSize: 10, minOtherRegions: 5, maxDontKnowShare: 0.5, benchmarkRegions: 6 });
    expect(results.roundLabel).toBe('Ronde van 1 maart 2027 tot en met 31 maart 2027');
    expect(results.demo).toBe(true);
  });

  it('the benchmark a region sees leaves its own figures out', () => {
    const input = auditInput();
    const withOwn = { ...input, benchmark: [...input.benchmark, ...input.earlier[0]!.figures] };
    const a = buildRegionResults(input);
    const b = buildRegionResults(withOwn);
    expect(JSON.stringify(b.groups.map((g) => g.themes.map((t) => t.benchmark)))).toBe(JSON.stringify(a.groups.map((g) => g.themes.map((t) => t.benchmark))));
    expect(b.method.benchmarkRegions).toBe(6);
  });
});

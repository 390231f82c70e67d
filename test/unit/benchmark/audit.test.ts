/**
 * The audit: an attacker with the published view (RegionResults) tries every route the issue names
 * to work out a hidden figure. Two generic tools:
 *
 * 1. intervals(): for a breakdown of a published total (background categories of a group, gemeenten
 *    of a region), the range each hidden count can take given every published linear relation (the
 *    total, the shown cells, the reasons: "te-weinig-antwoorden" means below the minimum,
 *    "aanvullend-verborgen" means at least the minimum) — tau-Argus's audit, exact for these small
 *    tables. The attacker is given more than the page shows: how many people skipped the question.
 *    Every hidden count of a non-empty pool must have a range wider than one value.
 * 2. indistinguishable(): two made-up worlds in which a hidden figure differs but the published
 *    views are byte-identical. Then no route, known or not, can pin that figure down from the view.
 *
 * All data is TESTDATA (testdata.ts, auditInput).
 */
import { describe, expect, it } from 'vitest';
import { gradeMean, groupFigures, themeMean } from '../../../shared/benchmark/aggregate.ts';
import { benchmarksFor } from '../../../shared/benchmark/benchmark.ts';
import type { GroupFigures, RegionResults, Shown, SuppressionReason } from '../../../shared/benchmark/model.ts';
import { buildRegionResults, type RegionResultsInput as BaseInput } from '../../../shared/benchmark/results.ts';

/** The audit builds views from raw responses, so they are always there. */
type RegionResultsInput = BaseInput & Required<Pick<BaseInput, 'responses'>>;
import { MIN_GROUP_SIZE, MIN_ITEM_SIZE, MIN_OTHER_REGIONS } from '../../../shared/privacy.ts';
import type { StoredResponse } from '../../../shared/store/participation-store.ts';
import { itemsOf } from '../../../shared/questionnaires/tailoring.ts';
import { auditInput, otherRegion, responses } from './testdata.ts';

const view = (input: RegionResultsInput) => JSON.stringify(buildRegionResults(input));

/** Two worlds, one view: asserts the views are identical while the secret differs. */
function indistinguishable(a: RegionResultsInput, b: RegionResultsInput, secret: (input: RegionResultsInput) => unknown): void {
  expect(secret(a)).not.toEqual(secret(b));
  expect(view(b)).toBe(view(a));
}

interface Cell {
  key: string;
  n: Shown<number>;
}

/**
 * The range of each hidden count, from: total = shown cells + hidden cells + unpublished, a hidden
 * cell's reason ("te-weinig-antwoorden": 0..min-1, "aanvullend-verborgen": min..total). Exact for
 * one equation with box bounds: lo_i = max(low_i, pool - sum of the others' highs), hi_i likewise.
 */
function intervals(total: number, cells: Cell[], unpublished: number, min: number): Map<string, [number, number]> {
  const pool = total - unpublished - cells.reduce((s, c) => s + (c.n.shown ? c.n.value : 0), 0);
  const hiddenCells = cells.filter((c): c is Cell & { n: { shown: false; reason: SuppressionReason } } => !c.n.shown);
  const bounds = hiddenCells.map((c) => (c.n.reason === 'aanvullend-verborgen' ? [min, pool] : [0, Math.min(min - 1, pool)]) as [number, number]);
  const result = new Map<string, [number, number]>();
  hiddenCells.forEach((c, i) => {
    const othersHigh = bounds.reduce((s, b, j) => (j === i ? s : s + b[1]), 0);
    const othersLow = bounds.reduce((s, b, j) => (j === i ? s : s + b[0]), 0);
    result.set(c.key, [Math.max(bounds[i]![0], pool - othersHigh), Math.min(bounds[i]![1], pool - othersLow)]);
  });
  return result;
}

function expectAllWide(map: Map<string, [number, number]>, where: string): void {
  for (const [key, [lo, hi]] of map) expect(hi, `${where} ${key}: [${lo}, ${hi}]`).toBeGreaterThan(lo);
}

const replaceResponses = (input: RegionResultsInput, group: keyof RegionResultsInput['responses'], f: (rs: StoredResponse[]) => StoredResponse[]): RegionResultsInput => ({
  ...input,
  responses: { ...input.responses, [group]: f(structuredClone([...input.responses[group]!])) },
});

describe('audit: the published view of TESTDATA hides figures', () => {
  const results: RegionResults = buildRegionResults(auditInput());
  it('has suppressed figures of every kind to attack', () => {
    const reasons = JSON.stringify(results).match(/"reason":"[a-z-]+"/g) ?? [];
    expect(new Set(reasons)).toEqual(new Set(['"reason":"te-weinig-antwoorden"', '"reason":"aanvullend-verborgen"', '"reason":"te-weinig-regios"']));
  });
});

describe('route: region total minus the visible groups', () => {
  it('there is no total across groups, so a hidden group leaves no trace: any answers give the same view', () => {
    const input = auditInput();
    const small = input.responses['ouders-jongeren']!;
    expect(small.length).toBeLessThan(MIN_GROUP_SIZE);
    const other = replaceResponses(input, 'ouders-jongeren', (rs) =>
      rs.map((r) => ({ ...r, answers: Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, /^\d+$/.test(v) ? '1' : v])) })),
    );
    indistinguishable(input, other, (i) => gradeMean(groupFigures('r', 'k', i.round.questionnaires['ouders-jongeren']!, i.responses['ouders-jongeren']!)));
  });

  it('every published group-level figure rests on one group only', () => {
    const results = buildRegionResults(auditInput());
    expect(Object.keys(results)).not.toContain('total');
    for (const g of results.groups) {
      for (const m of [g.grade, ...g.themes.map((t) => t.score)]) if (m.shown) expect(m.value.n).toBeLessThanOrEqual(g.n);
    }
  });
});

describe('route: group total minus the visible background categories', () => {
  it('no hidden category count can be pinned down (n), for every group and question', () => {
    const input = auditInput();
    const results = buildRegionResults(input);
    let checked = 0;
    for (const g of results.groups) {
      const rs = input.responses[g.group]!;
      for (const b of g.background) {
        // The attacker even knows how many skipped the question.
        const skipped = rs.filter((r) => r.answers[b.questionId] === undefined).length;
        const map = intervals(g.n, b.categories.map((c) => ({ key: c.value, n: c.n })), skipped, MIN_ITEM_SIZE);
        const pool = g.n - skipped - b.categories.reduce((s, c) => s + (c.n.shown ? c.n.value : 0), 0);
        if (pool > 0) {
          expectAllWide(map, `${g.group}.${b.questionId}`);
          checked += map.size;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('the interval tool would catch a single hidden category (the complementary rule is needed)', () => {
    const one = intervals(25, [{ key: 'a', n: { shown: true, value: 22 } }, { key: 'b', n: { shown: false, reason: 'te-weinig-antwoorden' } }], 0, MIN_ITEM_SIZE);
    expect(one.get('b')).toEqual([3, 3]);
  });

  it('a hidden category\'s means cannot be derived: moving people between the hidden categories changes nothing shown', () => {
    const input = auditInput();
    const rs = input.responses.uitvoering!;
    // gemeente (3, hidden) and jeugdhulp (10, complementary): swap the sector of one of each with a different grade.
    const g = rs.findIndex((r) => r.answers['sector'] === 'gemeente');
    const j = rs.findIndex((r) => r.answers['sector'] === 'jeugdhulp' && r.answers['rapportcijfer'] !== rs[g]!.answers['rapportcijfer']);
    expect(j).toBeGreaterThanOrEqual(0);
    const other = replaceResponses(input, 'uitvoering', (list) => {
      list[g]!.answers['sector'] = 'jeugdhulp';
      list[j]!.answers['sector'] = 'gemeente';
      return list;
    });
    const secret = (i: RegionResultsInput) => {
      const f = groupFigures('r', 'k', i.round.questionnaires.uitvoering!, i.responses.uitvoering!);
      return [f.background['sector']!['gemeente']!.n, gradeMean(f.background['sector']!['gemeente']!), themeMean(f.background['sector']!['gemeente']!, 'samenwerking')];
    };
    indistinguishable(input, other, secret);
  });
});

describe('route: group total minus the visible items', () => {
  it('does not apply to complete answers: a group\'s items are all shown or all hidden together', () => {
    const results = buildRegionResults(auditInput());
    for (const g of results.groups) {
      const all = g.themes.flatMap((t) => t.items.map((i) => i.distribution.shown));
      expect(new Set(all).size, g.group).toBe(1);
      expect(all[0]).toBe(g.n >= MIN_ITEM_SIZE);
    }
  });

  it('with all items hidden, the theme mean is one equation over many items: swapping answers between items changes nothing shown', () => {
    const input = auditInput();
    const beleid = input.round.questionnaires.beleid!;
    const [a, b] = itemsOf(beleid).filter((i) => i.themeId === 'samenwerking');
    const k = input.responses.beleid!.findIndex((r) => r.answers[a!.id] !== r.answers[b!.id] && r.answers[a!.id] !== 'weet-niet' && r.answers[b!.id] !== 'weet-niet');
    expect(k).toBeGreaterThanOrEqual(0);
    const other = replaceResponses(input, 'beleid', (list) => {
      const x = list[k]!.answers;
      [x[a!.id], x[b!.id]] = [x[b!.id]!, x[a!.id]!];
      return list;
    });
    indistinguishable(input, other, (i) => groupFigures('r', 'k', beleid, i.responses.beleid!).items[a!.id]);
  });
});

describe('route: this round minus an earlier round', () => {
  it('rounds have separate respondents and no cumulative figure exists', () => {
    const input = auditInput();
    const results = buildRegionResults(input);
    for (const g of results.groups) {
      for (const t of g.themes) {
        for (const e of t.earlier) {
          const f = input.earlier.find((r) => r.roundId === e.roundId)!.figures.find((x) => x.group === g.group)!;
          // The earlier figure is that round's own figure, never a sum over rounds.
          if (e.score.shown) expect(e.score.value).toEqual(themeMean(f, t.themeId));
          if (e.score.shown) expect(e.score.value.n).toBeLessThanOrEqual(f.n);
        }
        if (t.score.shown) expect(t.score.value.n).toBeLessThanOrEqual(g.n);
      }
    }
  });

  it('the hidden group of this round (shown in the earlier round) cannot be recovered by differencing', () => {
    const input = auditInput();
    const earlierSmall = input.earlier[0]!.figures.find((f) => f.group === 'ouders-jongeren')!;
    expect(earlierSmall.n).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
    const rq = input.round.questionnaires['ouders-jongeren']!;
    const other = { ...input, responses: { ...input.responses, 'ouders-jongeren': responses(rq, 3, 777, { item: '5', grade: '10' }) } };
    indistinguishable(input, other, (i) => themeMean(groupFigures('r', 'k', rq, i.responses['ouders-jongeren']!), 'samenwerking'));
  });
});

describe('route: tailored items (the region\'s own questions)', () => {
  it('own questions follow the item rule and are in no published theme or total', () => {
    const input = auditInput();
    const results = buildRegionResults(input);
    const shownOwn = results.ownQuestions.map((o) => [o.group, o.items.every((i) => i.distribution.shown)]);
    expect(shownOwn).toEqual([
      ['beleid', false],
      ['uitvoering', true],
      ['ouders-jongeren', false],
    ]);
    // beleid has 8 responses: its own question is hidden while the group shows. Any answers to it give the same view.
    const other = replaceResponses(input, 'beleid', (list) => list.map((r) => ({ ...r, answers: { ...r.answers, 'regio-1': '1' } })));
    indistinguishable(input, other, (i) => groupFigures('r', 'k', i.round.questionnaires.beleid!, i.responses.beleid!).items['regio-1']);
  });
});

describe('route: the all-regions figure minus the region\'s own', () => {
  it('with exactly 2 regions, no benchmark is shown and the other region\'s answers leave no trace', () => {
    const input = auditInput();
    const two = { ...input, benchmark: input.benchmark.filter((f) => f.regionId === 'r-ander-1') };
    const results = buildRegionResults(two);
    for (const g of results.groups) {
      expect(g.gradeBenchmark).toEqual({ shown: false, reason: 'te-weinig-regios' });
      for (const t of g.themes) expect(t.benchmark).toEqual({ shown: false, reason: 'te-weinig-regios' });
    }
    const changed = { ...two, benchmark: [otherRegion('r-ander-1', 'beleid', 7, 4242, { item: '1', grade: '1' }), otherRegion('r-ander-1', 'uitvoering', 16, 4243, { item: '5', grade: '10' })] };
    indistinguishable(two, changed, (i) => i.benchmark.map((f) => gradeMean(f)));
    // And the other region, who knows its own value, sees no benchmark either.
    const seenByOther = benchmarksFor('r-ander-1', [...two.benchmark, ...input.earlier[0]!.figures]);
    for (const b of Object.values(seenByOther)) expect([b.grade, ...Object.values(b.themes)].every((x) => !x.shown)).toBe(true);
  });

  it('a benchmark with fewer than 5 other regions is never shown; every shown one excludes the region', () => {
    const results = buildRegionResults(auditInput());
    const oj = results.groups.find((g) => g.group === 'ouders-jongeren')!;
    expect(oj.gradeBenchmark).toEqual({ shown: false, reason: 'te-weinig-regios' }); // 4 other regions
    for (const g of results.groups) {
      for (const b of [g.gradeBenchmark, ...g.themes.map((t) => t.benchmark)]) if (b.shown) expect(b.value.regions).toBeGreaterThanOrEqual(MIN_OTHER_REGIONS);
    }
    // Adding the region's own figures to the benchmark input changes nothing.
    const input = auditInput();
    const own = input.round.groups.map((g) => groupFigures('r-audit', 'r-audit-2027', input.round.questionnaires[g]!, input.responses[g]!));
    expect(view({ ...input, benchmark: [...input.benchmark, ...own] })).toBe(view(input));
  });

  it('a region with fewer than 5 responses in a group never contributes', () => {
    const input = auditInput();
    const small = input.benchmark.find((f) => f.regionId === 'r-ander-6' && f.group === 'beleid')!;
    expect(small.n).toBeLessThan(MIN_GROUP_SIZE);
    const changed = { ...input, benchmark: input.benchmark.map((f) => (f === small ? otherRegion('r-ander-6', 'beleid', 4, 5151, { item: '1', grade: '1' }) : f)) };
    indistinguishable(input, changed, (i) => gradeMean(i.benchmark.find((f) => f.regionId === 'r-ander-6' && f.group === 'beleid')!));
  });

  it('knowing its own value and its benchmark, a region cannot tell which other region has which value', () => {
    const input = auditInput();
    const swap = (f: GroupFigures): GroupFigures =>
      f.regionId === 'r-ander-1' ? { ...f, regionId: 'r-ander-2' } : f.regionId === 'r-ander-2' ? { ...f, regionId: 'r-ander-1' } : f;
    const swapped = { ...input, benchmark: input.benchmark.map(swap) };
    indistinguishable(input, swapped, (i) => gradeMean(i.benchmark.find((f) => f.regionId === 'r-ander-1' && f.group === 'uitvoering')!));
  });
});

describe('route: Regioscan per gemeente versus per region', () => {
  it('no hidden gemeente count can be pinned down, in total or per theme', () => {
    const results = buildRegionResults(auditInput());
    const [region, ...gemeenten] = results.regioscan;
    expect(region!.n.shown).toBe(true);
    const total = region!.n.shown ? region!.n.value : 0;
    const counts = intervals(total, gemeenten.map((g) => ({ key: g.code, n: g.n })), 0, MIN_GROUP_SIZE);
    expect(counts.size).toBe(3);
    expectAllWide(counts, 'regioscan n');
    region!.themes.forEach((t, k) => {
      if (!t.score.shown) return;
      const cells = gemeenten.map((g) => {
        const s = g.themes[k]!.score;
        return { key: g.code, n: (s.shown ? { shown: true, value: s.value.n } : s) as Shown<number> };
      });
      expectAllWide(intervals(t.score.value.n, cells, 0, MIN_GROUP_SIZE), `regioscan ${t.themeId}`);
    });
  });

  it('moving a submission between the hidden gemeenten changes nothing shown', () => {
    const input = auditInput();
    const k = input.regioscan.findIndex((s) => s.gemeente === 'GM9003');
    const moved = { ...input, regioscan: input.regioscan.map((s, i) => (i === k ? { ...s, gemeente: 'GM9002' } : s)) };
    indistinguishable(input, moved, (i) => i.regioscan.filter((s) => s.gemeente === 'GM9003').length);
  });
});

describe('"te-veel-weet-niet" is a quality rule, not a privacy rule', () => {
  it('an item mean hidden for it rests on at least the item minimum and its distribution stays visible', () => {
    const input = auditInput();
    const rq = input.round.questionnaires.uitvoering!;
    const first = itemsOf(rq)[0]!.id;
    const other = replaceResponses(input, 'uitvoering', (list) => list.map((r, i) => ({ ...r, answers: { ...r.answers, [first]: i < 13 ? 'weet-niet' : '4' } })));
    const item = buildRegionResults(other).groups[1]!.themes[0]!.items[0]!;
    expect(item.mean).toEqual({ shown: false, reason: 'te-veel-weet-niet' });
    expect(item.distribution).toEqual({ shown: true, value: { byValue: { '1': 0, '2': 0, '3': 0, '4': 12, '5': 0 }, dontKnow: 13 } });
  });
});

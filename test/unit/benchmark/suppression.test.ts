import { describe, expect, it } from 'vitest';
import type { AnswerCounts, RegionResults } from '../../../shared/benchmark/model.ts';
import { regioscanResults } from '../../../shared/benchmark/regioscan.ts';
import { buildRegionResults } from '../../../shared/benchmark/results.ts';
import {
  assertPublishable,
  benchmarkShown,
  breakdown,
  categoryShown,
  contributes,
  groupMean,
  groupShown,
  itemComplements,
  itemFigures,
  itemShown,
  ventilesShown,
} from '../../../shared/benchmark/suppression.ts';
import { MAX_DONT_KNOW_SHARE, MIN_GROUP_SIZE, MIN_ITEM_SIZE, MIN_OTHER_REGIONS, VENTILE_MIN_REGIONS } from '../../../shared/privacy.ts';
import { sampleRegionResults } from '../../fixtures/benchmark/region-results.ts';
import { auditInput, bySlices, GEMEENTEN, responses, rqOf, submission, submissions } from './testdata.ts';

const counts = (scale: number, dontKnow: number, missing = 0): AnswerCounts => ({ byValue: { '1': 0, '2': 0, '3': scale, '4': 0, '5': 0 }, dontKnow, missing });

describe('thresholds', () => {
  it('take their numbers from shared/privacy.ts', () => {
    expect([groupShown(MIN_GROUP_SIZE - 1), groupShown(MIN_GROUP_SIZE)]).toEqual([false, true]);
    expect([itemShown(MIN_ITEM_SIZE - 1), itemShown(MIN_ITEM_SIZE)]).toEqual([false, true]);
    expect([categoryShown(MIN_ITEM_SIZE - 1), categoryShown(MIN_ITEM_SIZE)]).toEqual([false, true]);
    expect([benchmarkShown(MIN_OTHER_REGIONS - 1), benchmarkShown(MIN_OTHER_REGIONS)]).toEqual([false, true]);
    expect([ventilesShown(VENTILE_MIN_REGIONS - 1), ventilesShown(VENTILE_MIN_REGIONS)]).toEqual([false, true]);
  });
});

describe('group-level means', () => {
  const m = (n: number, dontKnowShare = 0) => ({ mean: 3, n, dontKnowShare });
  it('are hidden for a small group, too few on the scale, or too much "weet ik niet"', () => {
    expect(groupMean(MIN_GROUP_SIZE - 1, m(4))).toEqual({ shown: false, reason: 'te-weinig-antwoorden' });
    expect(groupMean(MIN_GROUP_SIZE, m(MIN_GROUP_SIZE))).toEqual({ shown: true, value: m(MIN_GROUP_SIZE) });
    expect(groupMean(6, m(4, 1 / 3))).toEqual({ shown: false, reason: 'te-weinig-antwoorden' });
    expect(groupMean(20, m(9, 11 / 20))).toEqual({ shown: false, reason: 'te-veel-weet-niet' });
    expect(groupMean(20, m(10, MAX_DONT_KNOW_SHARE)).shown).toBe(true);
    expect(groupMean(20, undefined, 20)).toEqual({ shown: false, reason: 'te-veel-weet-niet' });
    expect(contributes(MIN_GROUP_SIZE - 1, m(4))).toBe(false);
    expect(contributes(MIN_GROUP_SIZE, m(5))).toBe(true);
  });
});

describe('item figures', () => {
  it(`need ${MIN_ITEM_SIZE} answers ("weet ik niet" counts, missing does not)`, () => {
    expect(itemFigures(counts(5, 4, 3)).distribution).toEqual({ shown: false, reason: 'te-weinig-antwoorden' });
    expect(itemFigures(counts(5, 4, 3)).mean).toEqual({ shown: false, reason: 'te-weinig-antwoorden' });
    expect(itemFigures(counts(6, 4)).distribution.shown).toBe(true);
    expect(itemFigures(counts(6, 4)).mean).toEqual({ shown: true, value: { mean: 3, n: 6, dontKnowShare: 0.4 } });
  });
  it('hide the mean, not the distribution, when more than half answered "weet ik niet"', () => {
    const f = itemFigures(counts(4, 6));
    expect(f.mean).toEqual({ shown: false, reason: 'te-veel-weet-niet' });
    expect(f.distribution).toEqual({ shown: true, value: { byValue: { '1': 0, '2': 0, '3': 4, '4': 0, '5': 0 }, dontKnow: 6 } });
    expect(itemFigures(counts(5, 5)).mean.shown).toBe(true); // exactly half is allowed
  });
  it('hide the next smallest item when exactly one of a theme is hidden', () => {
    expect(itemComplements([{ id: 'a', answers: 20 }, { id: 'b', answers: 9 }, { id: 'c', answers: 15 }])).toEqual(['c']);
    expect(itemComplements([{ id: 'a', answers: 20 }, { id: 'b', answers: 20 }])).toEqual([]);
    expect(itemComplements([{ id: 'a', answers: 9 }, { id: 'b', answers: 8 }, { id: 'c', answers: 15 }])).toEqual([]);
    expect(itemFigures(counts(12, 0), true).distribution).toEqual({ shown: false, reason: 'aanvullend-verborgen' });
  });
  it('an item with missing answers in a full group gets its complement in the results', () => {
    const rq = rqOf('uitvoering');
    const missingFirst = responses(rq, 20, 4, { item: (id, i) => (id === 'u-sw-1' && i < 11 ? undefined : '4') });
    const input = { ...auditInput(), responses: { uitvoering: missingFirst }, round: { ...auditInput().round, groups: ['uitvoering' as const], questionnaires: { uitvoering: rq } } };
    const theme = buildRegionResults(input).groups[0]!.themes[0]!;
    expect(theme.items.map((i) => (i.distribution.shown ? 'shown' : i.distribution.reason)).slice(0, 2)).toEqual(['te-weinig-antwoorden', 'aanvullend-verborgen']);
  });
});

describe('complementary suppression (breakdown)', () => {
  const cells = (...n: number[]) => n.map((k, i) => ({ key: `c${i}`, n: k }));
  const reasons = (m: Map<string, unknown>) => [...m.values()];
  it('hides the next smallest when one non-empty cell is hidden', () => {
    expect(reasons(breakdown(cells(12, 3, 10, 25), 0, MIN_ITEM_SIZE))).toEqual([null, 'te-weinig-antwoorden', 'aanvullend-verborgen', null]);
  });
  it('does nothing when the hidden cell is empty, or the hidden cells hold the minimum together', () => {
    expect(reasons(breakdown(cells(12, 0, 10), 0, MIN_ITEM_SIZE))).toEqual([null, 'te-weinig-antwoorden', null]);
    expect(reasons(breakdown(cells(12, 6, 5), 0, MIN_ITEM_SIZE))).toEqual([null, 'te-weinig-antwoorden', 'te-weinig-antwoorden']);
  });
  it('also when two tiny cells are hidden, or only the people who skipped the question', () => {
    expect(reasons(breakdown(cells(12, 1, 1, 11), 0, MIN_ITEM_SIZE))).toEqual([null, 'te-weinig-antwoorden', 'te-weinig-antwoorden', 'aanvullend-verborgen']);
    expect(reasons(breakdown(cells(12, 11), 2, MIN_ITEM_SIZE))).toEqual([null, 'aanvullend-verborgen']);
    expect(reasons(breakdown(cells(12, 11), 10, MIN_ITEM_SIZE))).toEqual([null, null]);
  });
  it('stops when everyone is hidden already', () => {
    expect(reasons(breakdown(cells(3, 2), 0, MIN_ITEM_SIZE))).toEqual(['te-weinig-antwoorden', 'te-weinig-antwoorden']);
  });
  it('hides a measure of a hidden category with the category\'s reason', () => {
    expect(reasons(breakdown([{ key: 'a', n: 40, forced: 'aanvullend-verborgen' }, { key: 'b', n: 40 }], 0, MIN_ITEM_SIZE))).toEqual(['aanvullend-verborgen', null]);
  });
  it('applies to background categories, with the reason per category', () => {
    const g = buildRegionResults(auditInput()).groups[1]!;
    const sector = g.background.find((b) => b.questionId === 'sector')!;
    expect(sector.categories.map((c) => [c.value, c.n.shown ? c.n.value : c.n.reason])).toEqual([
      ['gemeente', 'te-weinig-antwoorden'],
      ['samenwerkingsverband', 'te-weinig-antwoorden'],
      ['onderwijs', 12],
      ['jeugdhulp', 'aanvullend-verborgen'],
      ['anders', 'te-weinig-antwoorden'],
    ]);
    expect(sector.categories.find((c) => c.value === 'jeugdhulp')!.grade).toEqual({ shown: false, reason: 'aanvullend-verborgen' });
    // 3 people skipped the school type: po and vo (11 each) cannot both show.
    const schooltype = g.background.find((b) => b.questionId === 'schooltype')!;
    expect(schooltype.categories.filter((c) => c.n.shown).map((c) => c.value)).toEqual(['vo']);
  });
  it('hides a category\'s grade when too few of it are on the scale', () => {
    const rq = rqOf('uitvoering');
    const rs = responses(rq, 30, 9, {
      grade: (i) => (i >= 8 && i < 15 ? 'weet-niet' : '7'),
      background: { sector: bySlices([['onderwijs', 15], ['jeugdhulp', 15]]) },
    });
    const input = { ...auditInput(), responses: { uitvoering: rs }, round: { ...auditInput().round, groups: ['uitvoering' as const], questionnaires: { uitvoering: rq } } };
    const sector = buildRegionResults(input).groups[0]!.background.find((b) => b.questionId === 'sector')!;
    // onderwijs: 15 people, 8 grades on the scale → hidden; then jeugdhulp's grade hides as complement.
    expect(sector.categories.filter((c) => c.n.shown).map((c) => [c.value, c.grade.shown ? c.grade.value.n : c.grade.reason])).toEqual([
      ['onderwijs', 'te-weinig-antwoorden'],
      ['jeugdhulp', 'aanvullend-verborgen'],
    ]);
  });
});

describe('Regioscan per gemeente', () => {
  it('hides gemeenten below the minimum and the next smallest as complement', () => {
    const r = regioscanResults('r-x', 'Regio X', GEMEENTEN, [...submissions('a', 'GM9001', 20, 1), ...submissions('b', 'GM9002', 12, 2), ...submissions('c', 'GM9003', 3, 3)]);
    expect(r.map((x) => [x.code, x.n.shown ? x.n.value : x.n.reason])).toEqual([
      ['r-x', 35],
      ['GM9003', 'te-weinig-antwoorden'],
      ['GM9004', 'te-weinig-antwoorden'],
      ['GM9002', 'aanvullend-verborgen'],
      ['GM9001', 20],
    ]);
  });
  it('computes mean theme scores without the submissions that have no score, and applies the rule per theme', () => {
    const subs = [
      ...Array.from({ length: 6 }, (_, i) => submission(`a${i}`, 'GM9001', [50, i < 2 ? null : 100, 0, 25])),
      ...Array.from({ length: 7 }, (_, i) => submission(`b${i}`, 'GM9002', [100, 50, 0, 25])),
    ];
    const r = regioscanResults('r-x', 'Regio X', GEMEENTEN.slice(0, 2), subs);
    expect(r[0]!.themes[0]!.score).toEqual({ shown: true, value: { mean: (6 * 50 + 7 * 100) / 13, n: 13 } });
    const gm1 = r.find((x) => x.code === 'GM9001')!;
    const gm2 = r.find((x) => x.code === 'GM9002')!;
    expect(gm1.n).toEqual({ shown: true, value: 6 });
    expect(gm1.themes[1]!.score).toEqual({ shown: false, reason: 'te-weinig-antwoorden' }); // 4 scores
    expect(gm2.themes[1]!.score).toEqual({ shown: false, reason: 'aanvullend-verborgen' });
    expect(gm2.themes[0]!.score).toEqual({ shown: true, value: { mean: 100, n: 7 } });
  });
  it('hides everything when the region has fewer than the minimum', () => {
    const r = regioscanResults('r-x', 'Regio X', GEMEENTEN, submissions('a', 'GM9001', 4, 1));
    expect(r.every((x) => !x.n.shown && x.themes.every((t) => !t.score.shown))).toBe(true);
  });
});

describe('assertPublishable', () => {
  const ok = (): RegionResults => buildRegionResults(auditInput());
  it('accepts the built view and the rendering fixture', () => {
    expect(() => assertPublishable(ok())).not.toThrow();
    expect(() => assertPublishable(sampleRegionResults())).not.toThrow();
  });
  it('refuses a total across groups', () => {
    expect(() => assertPublishable({ ...ok(), total: { n: 36 } } as RegionResults)).toThrow(/unexpected keys/);
  });
  it('refuses a figure below a minimum', () => {
    const r = ok();
    r.groups[2]!.grade = { shown: true, value: { mean: 7, n: 3, dontKnowShare: 0 } };
    expect(() => assertPublishable(r)).toThrow(/ouders-jongeren/);
    const s = ok();
    s.groups[1]!.background[0]!.categories[0]!.n = { shown: true, value: 3 };
    expect(() => assertPublishable(s)).toThrow(/category of 3/);
    const t = ok();
    const b = t.groups[0]!.gradeBenchmark;
    if (b.shown) b.value.regions = 4;
    expect(() => assertPublishable(t)).toThrow(/4 regions/);
    const u = ok();
    u.regioscan[1]!.n = { shown: true, value: 3 };
    expect(() => assertPublishable(u)).toThrow(/regioscan/);
  });
});

import { describe, expect, it } from 'vitest';
import { gradeMean, groupFigures, meanOf, noAnswerSet, themeMean } from '../../../shared/benchmark/aggregate.ts';
import type { StoredResponse } from '../../../shared/store/participation-store.ts';
import { itemsOf } from '../../../shared/questionnaires/tailoring.ts';
import { OPEN_MARKER, responses, rqOf } from './testdata.ts';

describe('meanOf', () => {
  it('leaves "weet ik niet" out of the mean and reports its share among the answers', () => {
    expect(meanOf({ byValue: { '1': 1, '2': 0, '3': 0, '4': 0, '5': 1 }, dontKnow: 2, missing: 7 })).toEqual({ mean: 3, n: 2, dontKnowShare: 0.5 });
    expect(meanOf({ byValue: { '2': 3, '4': 1 }, dontKnow: 0, missing: 0 })).toEqual({ mean: 2.5, n: 4, dontKnowShare: 0 });
  });
  it('has no mean without answers on the scale', () => {
    expect(meanOf({ byValue: { '1': 0 }, dontKnow: 4, missing: 0 })).toBeUndefined();
  });
});

describe('groupFigures', () => {
  const rq = rqOf('beleid', { extraQuestions: [{ text: 'Een eigen stelling van de regio.', type: 'likert' }] });
  const items = itemsOf(rq);
  const first = items[0]!.id;
  const answer = (a: Record<string, string>): StoredResponse => ({ group: 'beleid', version: rq.version, linkKind: 'personal', answers: a });
  const all = (v: string) => Object.fromEntries(items.map((i) => [i.id, v]));
  const rs = [
    answer({ ...all('4'), rapportcijfer: '8', sector: 'gemeente', 'b-open-1': OPEN_MARKER }),
    answer({ ...all('weet-niet'), rapportcijfer: 'weet-niet', sector: 'onderwijs' }),
    answer({ ...all('2'), [first]: 'weet-niet', rapportcijfer: '6' }),
    // An item left open and a value off the scale count as missing, an unknown option as no answer.
    answer({ ...all('5'), [first]: '7', 'b-sw-2': '', rapportcijfer: '11', sector: 'nergens' }),
  ];

  it('counts answers per item, the grade, themes and background categories', () => {
    const f = groupFigures('r-1', 'ronde-1', rq, rs);
    expect(f.n).toBe(4);
    expect(f.items[first]).toEqual({ byValue: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 }, dontKnow: 2, missing: 1 });
    expect(f.items['b-sw-2']).toEqual({ byValue: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 0 }, dontKnow: 1, missing: 1 });
    expect(f.grade.byValue['8']).toBe(1);
    expect(f.grade).toMatchObject({ dontKnow: 1, missing: 1 });
    // Respondents with at least one scale answer in the theme (the second answered only "weet ik niet").
    expect(f.themes['samenwerking']).toEqual({ items: rq.themes[0]!.items.map((i) => i.id), respondents: 3 });
    expect(f.themes['regio']!.respondents).toBe(3);
    expect(f.background['sector']!['gemeente']!.n).toBe(1);
    expect(f.background['sector']!['onderwijs']!.grade.dontKnow).toBe(1);
    expect(noAnswerSet(f, 'sector').n).toBe(2);
    expect(noAnswerSet(f, 'sector').grade.byValue['6']).toBe(1);
    expect(Object.keys(f.items)).toEqual([...Object.keys(f.items)].sort());
    expect(JSON.stringify(f)).not.toContain(OPEN_MARKER);
  });

  it('pools a theme: all its scale answers, n = respondents with one or more', () => {
    const f = groupFigures('r-1', 'ronde-1', rq, rs);
    const theme = rq.themes.find((t) => t.id === 'samenwerking')!;
    const k = theme.items.length;
    // Respondent 1: k fours; respondent 3: k-1 twos; respondent 4: k-2 fives (first item missing, b-sw-2 missing).
    const sum = 4 * k + 2 * (k - 1) + 5 * (k - 2);
    const n = k + (k - 1) + (k - 2);
    const dontKnow = k + 1;
    expect(themeMean(f, 'samenwerking')).toEqual({ mean: sum / n, n: 3, dontKnowShare: dontKnow / (n + dontKnow) });
    expect(themeMean(f, 'bestaat-niet')).toBeUndefined();
    expect(gradeMean(f)).toEqual({ mean: 7, n: 2, dontKnowShare: 1 / 3 });
  });

  it('is the same for the same responses in any order, and ignores other groups', () => {
    const many = responses(rq, 30, 5);
    const a = JSON.stringify(groupFigures('r', 'k', rq, many));
    const other: StoredResponse = { group: 'uitvoering', version: 1, linkKind: 'open', answers: { rapportcijfer: '1' } };
    expect(JSON.stringify(groupFigures('r', 'k', rq, [other, ...many].reverse()))).toBe(a);
  });
});

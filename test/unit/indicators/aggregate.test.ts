import { describe, expect, test } from 'vitest';
import { buildAreaSet } from '../../../shared/areas/model.ts';
import { computeFigures } from '../../../shared/indicators/aggregate.ts';
import type { IndicatorDefinition } from '../../../shared/indicators/catalogue.ts';
import type { Observation } from '../../../shared/indicators/parse.ts';
import type { Cell } from '../../../shared/indicators/values.ts';

// TEST DATA: a made-up country of three gemeenten, one dissolved gemeente, two PO and two VO SWVs.
// Beland (GM0002) is split: 3 postcode areas in PO 01-01, 1 in PO 01-02.
const AREAS = buildAreaSet({
  gemeenten: 'gemeentecode,gemeentenaam,provinciecode,jeugdregiocode\nGM0001,Aland,PV20,JZ01\nGM0002,Beland,PV20,JZ01\nGM0003,Celand,PV21,JZ02\n',
  provincies: 'provinciecode,provincienaam_cbs_lijst\nPV20,Noord\nPV21,Zuid\n',
  jeugdregios: 'jeugdregiocode,jeugdregionaam\nJZ01,Regio Noord\nJZ02,Regio Zuid\n',
  swvPerGemeente:
    'gemeentecode,swv_po_alle,swv_vo_alle\nGM0001,PO 01-01:10,VO 01-01:10\nGM0002,PO 01-01:3;PO 01-02:1;Havengebied:2,VO 01-01:4;Havengebied:2\nGM0003,PO 01-02:5,VO 01-02:5\n',
  herindelingen: 'oude_gemeentecode,oude_gemeentenaam,nieuwe_gemeentecode,opgeheven_tussen\nGM0009,Oudland,GM0001,2019-2020\n',
});

const COUNT: IndicatorDefinition = {
  id: 'telling', name: 'Telling', description: 'Test', unit: 'personen', decimals: 0, theme: 'bevolking',
  sources: [{ publisher: 'TEST', title: 'TESTDATA', licence: 'none' }], aggregation: { kind: 'sum' }, availability: 'public',
  period: 'peildatum-1-januari', range: { min: 0, max: 1_000_000 }, role: 'main',
};
const BASE: IndicatorDefinition = { ...COUNT, id: 'basis', role: 'base' };
const SHARE: IndicatorDefinition = { ...COUNT, id: 'aandeel', unit: 'procent', aggregation: { kind: 'ratio', numerator: 'telling', denominator: 'basis', factor: 100 } };
const PERCENT: IndicatorDefinition = { ...COUNT, id: 'procent', unit: 'procent', aggregation: { kind: 'not-aggregatable', reason: 'basis ontbreekt' } };
const CATALOGUE = [COUNT, BASE, SHARE, PERCENT];

const v = (value: number): Cell => ({ state: 'value', value });
const o = (indicatorId: string, areaCode: string, period: string, cell: Cell, provisional = false): Observation => ({
  indicatorId, areaCode, period, cell, provisional, formatId: 'test', line: 0,
});
const figures = (observations: Observation[]) => computeFigures(observations, AREAS, CATALOGUE);

describe('area set (test data)', () => {
  test('shares of a split gemeente come from postcode areas that belong to an SWV', () => {
    const beland = AREAS.groupsOf.get('GM0002')!.filter((m) => m.groupKind === 'swv-po');
    expect(beland.map((m) => [m.groupCode, m.share])).toEqual([['PO 01-01', 0.75], ['PO 01-02', 0.25]]);
    expect(AREAS.postcodeAreasOutsideSwv).toEqual([{ gemeenteCode: 'GM0002', label: 'Havengebied', count: 2 }]);
  });
});

describe('sum of counts', () => {
  const set = figures([o('telling', 'GM0001', '2021', v(100)), o('telling', 'GM0002', '2021', v(40)), o('telling', 'GM0003', '2021', v(10))]);

  test('an SWV adds its gemeenten, a split gemeente by its postcode share, and says so', () => {
    const po1 = set.get('telling', 'PO 01-01', '2021')!;
    expect(po1).toMatchObject({ method: 'sum', result: { state: 'value', value: 130 }, memberCount: 2 });
    expect(po1.splitMembers).toEqual([{ gemeenteCode: 'GM0002', share: 0.75, postcodeAreas: 3, postcodeAreasInGemeente: 4 }]);
    expect(set.get('telling', 'PO 01-02', '2021')!.result).toEqual({ state: 'value', value: 20 });
  });

  test('the SWVs together add up to Nederland; jeugdregio and provincie use whole gemeenten', () => {
    expect(set.get('telling', 'NL01', '2021')).toMatchObject({ method: 'sum', result: { value: 150 } });
    expect(set.get('telling', 'JZ01', '2021')!.result).toEqual({ state: 'value', value: 140 });
    expect(set.get('telling', 'PV21', '2021')!.result).toEqual({ state: 'value', value: 10 });
    expect(set.get('telling', 'JZ01', '2021')!.splitMembers).toBeUndefined();
  });

  test('a secret member makes the total incomplete, with the member named; never a smaller number', () => {
    const s = figures([o('telling', 'GM0001', '2021', v(100)), o('telling', 'GM0002', '2021', { state: 'secret', marker: '.' }), o('telling', 'GM0003', '2021', v(10))]);
    expect(s.get('telling', 'PO 01-01', '2021')!.result).toEqual({ state: 'incomplete', lacking: [{ areaCode: 'GM0002', state: 'secret' }] });
    expect(s.get('telling', 'NL01', '2021')!.result.state).toBe('incomplete');
    expect(s.get('telling', 'PV21', '2021')!.result).toEqual({ state: 'value', value: 10 });
    expect(s.get('telling', 'GM0002', '2021')!.result).toEqual({ state: 'secret' });
  });

  test('a missing or undelivered member also makes the total incomplete', () => {
    const s = figures([o('telling', 'GM0001', '2021', v(100)), o('telling', 'GM0002', '2021', { state: 'missing' })]);
    expect(s.get('telling', 'PO 01-02', '2021')!.result).toEqual({
      state: 'incomplete',
      lacking: [{ areaCode: 'GM0002', state: 'missing' }, { areaCode: 'GM0003', state: 'no-data' }],
    });
  });

  test('Nederland from the source row when there is one, with the sum of gemeenten beside it', () => {
    const s = figures([o('telling', 'GM0001', '2021', v(100)), o('telling', 'GM0002', '2021', v(40)), o('telling', 'GM0003', '2021', v(10)), o('telling', 'NL01', '2021', v(155))]);
    expect(s.get('telling', 'NL01', '2021')).toMatchObject({ method: 'source', result: { value: 155 }, sumOfMembers: 150 });
  });

  test('a source figure for an SWV itself (e.g. DUO per SWV) is used as it is', () => {
    const s = figures([o('telling', 'PO 01-01', '2021', v(999))]);
    expect(s.get('telling', 'PO 01-01', '2021')).toMatchObject({ method: 'source', result: { value: 999 } });
    expect(s.get('telling', 'PO 01-02', '2021')!.result.state).toBe('no-data');
  });

  test('a provisional member makes the total provisional', () => {
    const s = figures([o('telling', 'GM0001', '2021', v(1), true), o('telling', 'GM0002', '2021', v(1)), o('telling', 'GM0003', '2021', v(1))]);
    expect(s.get('telling', 'NL01', '2021')!.provisional).toBe(true);
    expect(s.get('telling', 'PO 01-02', '2021')!.provisional).toBe(false);
  });
});

describe('ratio recomputed from summed numerator and denominator', () => {
  test('never the average of the percentages', () => {
    const s = figures([
      o('telling', 'GM0001', '2021', v(10)), o('basis', 'GM0001', '2021', v(100)),
      o('telling', 'GM0002', '2021', v(50)), o('basis', 'GM0002', '2021', v(1000)),
    ]);
    expect(s.get('aandeel', 'GM0001', '2021')).toMatchObject({ method: 'ratio', result: { value: 10 } });
    expect(s.get('aandeel', 'GM0002', '2021')!.result).toEqual({ state: 'value', value: 5 });
    const jz = s.get('aandeel', 'JZ01', '2021')!;
    expect(jz.ratio).toEqual({ numerator: 60, denominator: 1100 });
    expect(jz.result.state === 'value' && jz.result.value).toBeCloseTo((60 / 1100) * 100, 12); // not (10 + 5) / 2
    const po1 = s.get('aandeel', 'PO 01-01', '2021')!;
    expect(po1.ratio).toEqual({ numerator: 10 + 0.75 * 50, denominator: 100 + 0.75 * 1000 });
  });

  test('a secret numerator member makes the share incomplete; a zero denominator is its own state', () => {
    const s = figures([
      o('telling', 'GM0001', '2021', { state: 'secret', marker: 'x' }), o('basis', 'GM0001', '2021', v(100)),
      o('telling', 'GM0002', '2021', v(0)), o('basis', 'GM0002', '2021', v(0)),
    ]);
    expect(s.get('aandeel', 'JZ01', '2021')!.result).toEqual({ state: 'incomplete', lacking: [{ areaCode: 'GM0001', state: 'secret' }] });
    expect(s.get('aandeel', 'GM0002', '2021')!.result).toEqual({ state: 'zero-denominator' });
  });
});

describe('not aggregatable', () => {
  test('gemeente and Nederland keep the source value; groups say why there is none', () => {
    const s = figures([o('procent', 'GM0001', '2021', v(12.5)), o('procent', 'NL01', '2021', v(13.2))]);
    expect(s.get('procent', 'GM0001', '2021')).toMatchObject({ method: 'source', result: { value: 12.5 } });
    expect(s.get('procent', 'NL01', '2021')).toMatchObject({ method: 'source', result: { value: 13.2 } });
    expect(s.get('procent', 'PO 01-01', '2021')!.result).toEqual({ state: 'not-aggregatable', reason: 'basis ontbreekt' });
    expect(s.get('procent', 'JZ01', '2021')!.result.state).toBe('not-aggregatable');
  });
});

describe('herindeling: dissolved gemeente Oudland (GM0009) merged into Aland (GM0001) between 2019 and 2020', () => {
  test('counts before the merger are added to the successor (current boundaries) and kept under the old code', () => {
    const s = figures([o('telling', 'GM0001', '2018', v(100)), o('telling', 'GM0009', '2018', v(20)), o('telling', 'GM0002', '2018', v(1)), o('telling', 'GM0003', '2018', v(1))]);
    expect(s.get('telling', 'GM0001', '2018')).toMatchObject({ method: 'sum', result: { value: 120 }, predecessorsIncluded: ['GM0009'], boundaries: 'current' });
    expect(s.get('telling', 'GM0009', '2018')).toMatchObject({ result: { value: 20 }, boundaries: 'as-of-year' });
    expect(s.get('telling', 'NL01', '2018')!.result).toEqual({ state: 'value', value: 122 });
  });

  test('a predecessor that certainly existed but has no figure makes the successor incomplete', () => {
    const s = figures([o('telling', 'GM0001', '2018', v(100))]);
    expect(s.get('telling', 'GM0001', '2018')!.result).toEqual({ state: 'incomplete', lacking: [{ areaCode: 'GM0009', state: 'no-data' }] });
  });

  test('an empty row of the old gemeente in the year of the merger is ignored', () => {
    const s = figures([o('telling', 'GM0001', '2019', v(100)), o('telling', 'GM0009', '2019', { state: 'missing' })]);
    expect(s.get('telling', 'GM0001', '2019')!.result).toEqual({ state: 'value', value: 100 });
  });

  test('a percentage is shown on the boundaries of that year, naming the old gemeente it lacks', () => {
    const s = figures([o('procent', 'GM0001', '2018', v(7)), o('procent', 'GM0009', '2018', v(9))]);
    expect(s.get('procent', 'GM0001', '2018')).toMatchObject({ result: { value: 7 }, boundaries: 'as-of-year', predecessorsNotIncluded: ['GM0009'] });
    expect(s.get('procent', 'GM0001', '2021')).toBeUndefined();
  });

  test('before the herindelingen list starts, groups are not put together from gemeenten', () => {
    expect(AREAS.crosswalkFromYear).toBe(2018);
    const s = figures([o('telling', 'GM0001', '2010', v(100)), o('telling', 'GM0002', '2010', v(1)), o('telling', 'GM0003', '2010', v(1)), o('telling', 'NL01', '2010', v(150))]);
    expect(s.get('telling', 'PO 01-01', '2010')!.result.state).toBe('not-available');
    expect(s.get('telling', 'NL01', '2010')).toMatchObject({ method: 'source', result: { value: 150 } });
    expect(s.get('telling', 'GM0001', '2010')!.boundaries).toBe('as-of-year');
  });
});

describe('series', () => {
  test('oldest first', () => {
    const s = figures([o('telling', 'GM0003', '2022', v(2)), o('telling', 'GM0003', '2021', v(1))]);
    expect(s.series('telling', 'GM0003').map((f) => f.period)).toEqual(['2021', '2022']);
  });
});

import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultAreaSet } from '../../../shared/areas/default-areas.ts';
import { computeFigures } from '../../../shared/indicators/aggregate.ts';
import { FIXTURES, ok, parseFile } from './helpers.ts';

// The files read here are made-up TESTDATA (see test/fixtures/indicators/README.md).

describe('made-to-order and DUO layouts (TESTDATA)', () => {
  test('youth care per type of education: secret cells stay secret; an SWV share is recomputed from counts', () => {
    const result = ok(parseFile(path.join(FIXTURES, 'TESTDATA_maatwerk-jeugdhulp-onderwijssoort.csv')));
    expect(result.format.id).toBe('maatwerk-jeugdhulp-onderwijssoort');
    expect(result.format.availability).toBe('made-to-order');
    const figures = computeFigures(result.observations, defaultAreaSet());
    // GM0363 (Amsterdam, 81/84 of it) and GM0384 (Diemen) are PO 27-07; Weesp's part of Amsterdam is in PO 27-09.
    const share = 81 / 84;
    const po = figures.get('aandeel_leerlingen_met_jeugdhulp_po', 'PO 27-07', '2023')!;
    expect(po.ratio!.numerator).toBeCloseTo(share * 100 + 10, 10);
    expect(po.ratio!.denominator).toBeCloseTo(share * 1000 + 200, 10);
    expect(figures.get('aandeel_leerlingen_met_jeugdhulp_po', 'GM0363', '2023')!.result).toEqual({ state: 'value', value: 10 });
    expect(figures.get('leerlingen_met_jeugdhulp_vso', 'GM0363', '2023')!.result).toEqual({ state: 'secret' });
    expect(figures.get('aandeel_leerlingen_met_jeugdhulp_po', 'NL01', '2023')).toMatchObject({ method: 'ratio', ratio: { numerator: 900, denominator: 10000 } });
  });

  test('NEET risk: a figure delivered per VO SWV is used as the SWV\'s own', () => {
    const result = ok(parseFile(path.join(FIXTURES, 'TESTDATA_maatwerk-neet.csv')));
    const figures = computeFigures(result.observations, defaultAreaSet());
    expect(figures.get('aandeel_jongeren_met_neet_risico', 'VO 27-08', '2023')).toMatchObject({ method: 'ratio', ratio: { numerator: 95, denominator: 1700 } });
    expect(figures.get('jongeren_met_neet_risico', 'VO 27-08', '2023')).toMatchObject({ method: 'source', result: { value: 95 } });
  });

  test('school years: 2022-2023 and 2022/2023 are the same period', () => {
    const result = ok(parseFile(path.join(FIXTURES, 'TESTDATA_duo-vsv.csv')));
    expect(new Set(result.observations.map((o) => o.period))).toEqual(new Set(['2022/2023']));
    const figures = computeFigures(result.observations, defaultAreaSet());
    expect(figures.get('pct_voortijdig_schoolverlaters', 'GM0363', '2022/2023')!.result).toEqual({ state: 'value', value: 2 });
  });

  test('thuiszitters per 1,000 leerplichtigen', () => {
    const result = ok(parseFile(path.join(FIXTURES, 'TESTDATA_duo-thuiszitters.csv')));
    const figures = computeFigures(result.observations, defaultAreaSet());
    expect(figures.get('thuiszitters_per_1000', 'GM0363', '2022/2023')!.result).toEqual({ state: 'value', value: 0.3 });
  });
});

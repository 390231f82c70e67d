import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, parseFile } from './helpers.ts';

/** One made-up file per import problem (TESTDATA), with the exact error it must give. */
const DIR = path.join(FIXTURES, 'problems');

import { EXPECTED } from '../../fixtures/indicators/problems/expected.ts';

describe('problem files', () => {
  test('every fixture is listed and marked as test data', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) expect(f).toContain('TESTDATA');
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(file, () => {
      const result = parseFile(path.join(DIR, file));
      if (expected === 'ok') {
        expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map(({ line, column, code }) => ({ line, ...(column !== undefined ? { column } : {}), code }))).toEqual(expected);
      for (const error of result.errors) {
        expect(error.file).toBe(file);
        expect(error.message.length).toBeGreaterThan(10);
      }
    });
  }
});

describe('what the accepted problem files contain', () => {
  const indicators = (file: string) => {
    const result = parseFile(path.join(DIR, file));
    if (!result.ok || result.kind !== 'indicators') throw new Error('not ok');
    return result;
  };

  test('BOM, quotes, decimal comma, provisional period and markers in a StatLine file', () => {
    const { observations } = indicators('14_TESTDATA_bom-quotes-ok.csv');
    const beek = observations.filter((x) => x.areaCode === 'GM0888');
    expect(beek.map((x) => [x.indicatorId, x.cell])).toEqual([
      ['pct_jeugdhulp_in_natura', { state: 'value', value: 12 }],
      ['pct_jeugdhulp_met_verblijf', { state: 'secret', marker: '.' }],
      ['pct_jeugdbescherming', { state: 'secret', marker: 'x' }],
      ['pct_jeugdbescherming_met_verblijf', { state: 'missing' }],
      ['pct_jeugdreclassering', { state: 'missing' }],
    ]);
    expect(observations.every((x) => x.provisional && x.period === '2022')).toBe(true);
    expect(observations.find((x) => x.areaCode === 'GM0014' && x.indicatorId === 'pct_jeugdhulp_in_natura')!.cell).toEqual({ state: 'value', value: 15.3 });
  });

  test('markers and padding in a DUO file', () => {
    const { observations } = indicators('18_TESTDATA_secret-markers-ok.csv');
    const cell = (area: string, id: string) => observations.find((x) => x.areaCode === area && x.indicatorId === id)!.cell;
    expect(cell('GM0363', 'leerlingen_so')).toEqual({ state: 'secret', marker: '.' });
    expect(cell('GM0363', 'leerlingen_vo')).toEqual({ state: 'secret', marker: 'x' });
    expect(cell('GM0363', 'leerlingen_vso')).toEqual({ state: 'missing' });
    expect(cell('GM0014', 'leerlingen_po')).toEqual({ state: 'value', value: 200 });
    expect(cell('GM0014', 'leerlingen_so')).toEqual({ state: 'secret', marker: 'geheim' });
    expect(cell('GM0014', 'leerlingen_vo')).toEqual({ state: 'value', value: 0, marker: '-' });
  });

  test('space padded CBS codes; wijk rows and other youth care forms are skipped and counted', () => {
    const result = indicators('27_TESTDATA_space-padding-ok.csv');
    expect(result.observations.filter((x) => x.indicatorId === 'jongeren_met_jeugdzorg').map((x) => [x.areaCode, x.cell])).toEqual([
      ['NL01', { state: 'value', value: 461985 }],
      ['GM1680', { state: 'value', value: 595 }],
    ]);
    expect(result.observations.find((x) => x.areaCode === 'GM1680' && x.indicatorId === 'jongeren_met_jeugdzorg_18_22')!.cell).toEqual({ state: 'secret', marker: '.' });
    expect(result.skipped.map((s) => [s.count, s.firstLine])).toEqual([
      [1, 4],
      [1, 5],
    ]);
  });

  test('a dissolved gemeente in a year it still existed is kept under its own code', () => {
    const { observations } = indicators('28_TESTDATA_dissolved-own-year-ok.csv');
    expect(observations.filter((x) => x.areaCode === 'GM0457')).toHaveLength(4);
  });

  test('an SWV names file replaces the default SWV name', () => {
    const result = parseFile(path.join(DIR, '23_TESTDATA_swv-names-ok.csv'));
    if (!result.ok || result.kind !== 'areas') throw new Error('not ok');
    expect(result.format.id).toBe('areas-swv-namen');
    expect(result.areaSet.areas.get('PO 27-07')).toMatchObject({ name: 'Testnaam SWV PO Amsterdam (TESTDATA)', hasOwnName: true });
    expect(result.areaSet.areas.get('VO 27-08')).toMatchObject({ name: 'Samenwerkingsverband VO 27-08', hasOwnName: false });
  });
});

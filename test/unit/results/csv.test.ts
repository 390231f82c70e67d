import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { MIN_GROUP_SIZE, MIN_ITEM_SIZE, MIN_OTHER_REGIONS } from '../../../shared/privacy.ts';
import { csvCell, RESULTS_CSV_HEADER, resultsCsv } from '../../../shared/results/csv.ts';
import { renderResultsPage } from '../../../shared/results/page.ts';
import { sampleRegionResults } from '../../fixtures/benchmark/region-results.ts';

type Record = { [K in (typeof RESULTS_CSV_HEADER)[number]]: string };

function read(csv: string): Record[] {
  return parse(csv, { delimiter: ';', bom: true, columns: true, record_delimiter: '\r\n', relax_quotes: false }) as Record[];
}

const ROUND = 'Ronde van 1 maart 2026 tot en met 31 maart 2026';
const SAMENWERKING = 'Samenwerking: werkwijze, proces en afspraken';

describe('resultsCsv, for the TESTDATA sample', () => {
  const csv = resultsCsv(sampleRegionResults());
  const records = read(csv);
  const find = (match: Partial<Record>) => records.filter((r) => Object.entries(match).every(([k, v]) => r[k as keyof Record] === v));

  it('is Excel-ready: BOM, semicolons, CRLF, and the expected header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('gebied;ronde;groep;thema;vraag;cijfer;waarde;n;toelichting');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(Object.keys(records[0]!)).toEqual([...RESULTS_CSV_HEADER]);
    expect(records.length).toBeGreaterThan(100);
  });

  it('writes numbers with a decimal comma and no thousands separator, each with its n', () => {
    expect(find({ groep: 'Beleid', thema: SAMENWERKING, vraag: '', cijfer: 'score', ronde: ROUND })).toEqual([
      { gebied: 'Voorbeeldregio (TESTDATA)', ronde: ROUND, groep: 'Beleid', thema: SAMENWERKING, vraag: '', cijfer: 'score', waarde: '3,2', n: '40', toelichting: '' },
    ]);
    expect(find({ groep: 'Beleid', thema: SAMENWERKING, cijfer: 'score', ronde: 'Ronde 2025' })[0]).toMatchObject({ waarde: '3,0', n: '35' });
    expect(find({ groep: 'Beleid', thema: SAMENWERKING, cijfer: 'score: aandeel weet ik niet (%)', ronde: ROUND })[0]).toMatchObject({ waarde: '5,0', n: '40' });
    expect(find({ groep: 'Uitvoering', thema: SAMENWERKING, cijfer: "score, andere regio's: mediaan" })[0]).toMatchObject({ waarde: '3,5', n: '7' });
    expect(find({ groep: 'Uitvoering', cijfer: 'rapportcijfer', thema: '', vraag: '' })[0]).toMatchObject({ waarde: '6,8', n: '42' });
    expect(find({ groep: 'Beleid', cijfer: 'respons (%)' })[0]).toMatchObject({ waarde: '50,0' });
    const item = find({ groep: 'Beleid', thema: SAMENWERKING, cijfer: 'gemiddelde' })[1]!;
    expect(item.vraag).toMatch(/^2\. /);
    expect(item).toMatchObject({ waarde: '3,3', n: '13' });
    expect(find({ vraag: item.vraag, cijfer: 'aantal: weet ik niet' })[0]).toMatchObject({ waarde: '1' });
    for (const r of records) if (r.waarde) expect(r.waarde, JSON.stringify(r)).toMatch(/^-?\d+(,\d)?$/);
  });

  it('gives hidden figures no value but the reason', () => {
    expect(find({ groep: 'Ouders en jongeren', toelichting: `Minder dan ${MIN_GROUP_SIZE} antwoorden` })).toHaveLength(1);
    expect(find({ groep: 'Ouders en jongeren', cijfer: 'rapportcijfer' })).toHaveLength(0);
    const item = find({ groep: 'Uitvoering', cijfer: 'gemiddelde', toelichting: "Meer dan de helft antwoordde 'weet ik niet'" });
    expect(item.length).toBeGreaterThan(0);
    const benchmark = find({ groep: 'Beleid', thema: 'Tevredenheid over de samenwerking', cijfer: "score, andere regio's: mediaan" });
    expect(benchmark).toEqual([expect.objectContaining({ waarde: '', n: '', toelichting: `Te weinig andere regio's om mee te vergelijken (minimaal ${MIN_OTHER_REGIONS})` })]);
    expect(find({ vraag: 'In welke sector werkt u? Jeugdhulp of wijkteam', cijfer: 'ingevuld', groep: 'Beleid' })[0]).toMatchObject({ waarde: '', toelichting: `Minder dan ${MIN_ITEM_SIZE} antwoorden` });
    expect(find({ vraag: 'In welke sector werkt u? Anders', cijfer: 'ingevuld', groep: 'Beleid' })[0]).toMatchObject({ waarde: '', toelichting: 'Verborgen, zodat een ander verborgen cijfer niet te berekenen is' });
    expect(find({ gebied: 'Almere (GM0034)', cijfer: 'ingevuld' })[0]).toMatchObject({ waarde: '', toelichting: `Minder dan ${MIN_GROUP_SIZE} antwoorden` });
    // Every empty value says why.
    for (const r of records) if (r.waarde === '') expect(r.toelichting, JSON.stringify(r)).not.toBe('');
  });

  it('shows the same numbers as the page', () => {
    const page = renderResultsPage(sampleRegionResults(), { csv: 'x.csv', respons: '/r' });
    for (const r of records.filter((r) => r.cijfer === 'score' || r.cijfer === 'rapportcijfer' || r.cijfer === 'gemiddelde')) {
      if (r.waarde) expect(page.includes(`>${r.waarde}<`) || page.includes(`>${r.waarde} <span class="maoj-n">(n = ${r.n})`), JSON.stringify(r)).toBe(true);
    }
  });

  it('holds aggregates only: no open answers, no column beyond the header', () => {
    for (const line of csv.slice(1).trimEnd().split('\r\n')) expect(parse(line, { delimiter: ';' })[0]).toHaveLength(RESULTS_CSV_HEADER.length);
    expect(records.every((r) => /^(uitgenodigd|ingevuld|respons|rapportcijfer|score|gemiddelde|aantal|alle uitkomsten)/.test(r.cijfer))).toBe(true);
  });
});

describe('CSV injection (OWASP)', () => {
  it('neutralises a region name that starts with "="', () => {
    const results = { ...sampleRegionResults(), regionName: '=HYPERLINK("x")' };
    const records = read(resultsCsv(results));
    const own = records.filter((r) => r.groep !== 'Regioscan');
    expect(own.length).toBeGreaterThan(0);
    for (const r of own) expect(r.gebied).toBe(`'=HYPERLINK("x")`);
    for (const r of records) for (const value of Object.values(r)) if (/^[=+\-@\t\r]/.test(value)) expect(value).toMatch(/^-?\d+(,\d+)?$/);
  });

  it('keeps real numbers, also negative ones, and quotes what needs it', () => {
    expect(csvCell('-0,3')).toBe('-0,3');
    expect(csvCell('12')).toBe('12');
    expect(csvCell('-x')).toBe(`"'-x"`);
    expect(csvCell('+1+1')).toBe(`"'+1+1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvCell("regio's")).toBe("regio's");
  });
});

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultAreaSet } from '../../../shared/areas/default-areas.ts';
import { computeFigures, type FigureSet } from '../../../shared/indicators/aggregate.ts';
import type { Observation } from '../../../shared/indicators/parse.ts';
import { REPO, ok, parseFile } from './helpers.ts';

/** The copied CBS files in data/indicators; check values from data/SOURCES.md. */
const DIR = path.join(REPO, 'data/indicators');
const files = readdirSync(DIR).filter((f) => f.endsWith('.csv'));
const byFile = new Map<string, Observation[]>();
let all: Observation[] = [];
let figures: FigureSet;
let parseMs = 0;

const value = (observations: Observation[], indicatorId: string, areaCode: string, period: string) => {
  const found = observations.find((o) => o.indicatorId === indicatorId && o.areaCode === areaCode && o.period === period);
  if (!found) throw new Error(`no observation ${indicatorId} ${areaCode} ${period}`);
  return found;
};
const num = (observations: Observation[], indicatorId: string, areaCode: string, period: string) => {
  const cell = value(observations, indicatorId, areaCode, period).cell;
  return cell.state === 'value' ? cell.value : cell.state;
};
const fig = (indicatorId: string, areaCode: string, period: string) => {
  const found = figures.get(indicatorId, areaCode, period);
  if (!found) throw new Error(`no figure ${indicatorId} ${areaCode} ${period}`);
  return found;
};

beforeAll(() => {
  const start = performance.now();
  for (const file of files) {
    const result = ok(parseFile(path.join(DIR, file)));
    byFile.set(file, result.observations);
  }
  parseMs = performance.now() - start;
  all = [...byFile.values()].flat();
  figures = computeFigures(all, defaultAreaSet());
});

const obs = (fragment: string) => [...byFile.entries()].find(([f]) => f.includes(fragment))![1];

describe('every copied CBS file parses', () => {
  test('six files, all accepted, in well under a few seconds', () => {
    expect(files).toHaveLength(6);
    expect(byFile.size).toBe(6);
    expect(parseMs).toBeLessThan(3000);
  });

  test('no two files fill the same indicator, area and period', () => {
    const seen = new Map<string, string>();
    for (const o of all) {
      const key = `${o.indicatorId}|${o.areaCode}|${o.period}`;
      expect(seen.get(key), key).toBeUndefined();
      seen.set(key, o.formatId);
    }
  });
});

describe('37259eng population', () => {
  test('Amsterdam and Nederland on 1 January', () => {
    const o = obs('37259eng');
    expect(num(o, 'inwoners', 'GM0363', '2019')).toBe(862965);
    expect(num(o, 'inwoners', 'GM0363', '2020')).toBe(872757);
    expect(num(o, 'inwoners', 'GM0363', '2023')).toBe(918117);
    expect(num(o, 'inwoners', 'NL01', '2012')).toBe(16730348);
    expect(num(o, 'inwoners', 'NL01', '2023')).toBe(17811291);
  });

  test('reads only Sex = T001038 and one row per gemeente per year (342 in 2023)', () => {
    const o = obs('37259eng');
    expect(o.filter((x) => x.period === '2023' && x.areaCode.startsWith('GM'))).toHaveLength(342);
    expect(o.filter((x) => x.period === '2019' && x.areaCode.startsWith('GM'))).toHaveLength(355);
  });

  test('Nederland comes from the source row; the sum of the 2025 gemeenten agrees', () => {
    const nl = fig('inwoners', 'NL01', '2023');
    expect(nl.method).toBe('source');
    expect(nl.result).toEqual({ state: 'value', value: 17811291 });
    expect(nl.sumOfMembers).toBe(17811291);
  });

  test('years before 2015 are not put together for SWVs (boundaries unknown), but Nederland has its own row', () => {
    expect(fig('inwoners', 'PO 27-07', '2012').result.state).toBe('not-available');
    expect(fig('inwoners', 'NL01', '2012').result).toEqual({ state: 'value', value: 16730348 });
    expect(fig('inwoners', 'GM0363', '2012').boundaries).toBe('as-of-year');
  });

  test('Amsterdam 2021 on current boundaries adds Weesp (merged in 2022)', () => {
    const o = obs('37259eng');
    const amsterdam = num(o, 'inwoners', 'GM0363', '2021') as number;
    const weesp = num(o, 'inwoners', 'GM0457', '2021') as number;
    const figure = fig('inwoners', 'GM0363', '2021');
    expect(figure.result).toEqual({ state: 'value', value: amsterdam + weesp });
    expect(figure.predecessorsIncluded).toEqual(['GM0457']);
    expect(fig('inwoners', 'GM0457', '2021')).toMatchObject({ result: { state: 'value', value: weesp }, boundaries: 'as-of-year' });
  });
});

describe('KWB 2019 and 2024', () => {
  test('KWB 2019: Amsterdam 862,965, sum of gemeenten 17,282,163', () => {
    const o = obs('kwb2019');
    expect(num(o, 'inwoners_kwb', 'GM0363', '2019')).toBe(862965);
    expect(num(o, 'inwoners_kwb', 'GM0599', '2019')).toBe(644618);
    expect(o.filter((x) => x.indicatorId === 'inwoners_kwb').reduce((s, x) => s + (x.cell.state === 'value' ? x.cell.value : 0), 0)).toBe(17282163);
  });

  test('85984NED: Amsterdam 931,298, Rotterdam 670,610, Almere 226,500; Nederland 2024 = sum of gemeenten 17,942,942', () => {
    const o = obs('85984NED');
    expect(num(o, 'inwoners', 'GM0363', '2024')).toBe(931298);
    expect(num(o, 'inwoners', 'GM0599', '2024')).toBe(670610);
    expect(num(o, 'inwoners', 'GM0034', '2024')).toBe(226500);
    expect(fig('inwoners', 'NL01', '2024')).toMatchObject({ method: 'sum', result: { state: 'value', value: 17942942 } });
  });
});

describe('youth care (85335NED, 85075NED via KWB 2021/2022)', () => {
  test('85335NED 2022: Amsterdam 21,520, Almere 6,660, Nederland 461,985', () => {
    const o = obs('85335NED_jeugdzorg');
    expect(num(o, 'jongeren_met_jeugdzorg', 'GM0363', '2022')).toBe(21520);
    expect(num(o, 'jongeren_met_jeugdzorg', 'GM0034', '2022')).toBe(6660);
    expect(num(o, 'jongeren_met_jeugdzorg', 'NL01', '2022')).toBe(461985);
  });

  test('Nederland 2022 uses the source row (461,985), not the sum of gemeenten (461,955, CBS rounding)', () => {
    const nl = fig('jongeren_met_jeugdzorg', 'NL01', '2022');
    expect(nl).toMatchObject({ method: 'source', result: { state: 'value', value: 461985 }, sumOfMembers: 461955 });
  });

  test('KWB 2021 file: Amsterdam 21,075, Almere 6,555; its Nederland row is empty, so Nederland 2021 is summed', () => {
    const o = obs('kwb2021-2022');
    expect(num(o, 'jongeren_met_jeugdzorg', 'GM0363', '2021')).toBe(21075);
    expect(num(o, 'jongeren_met_jeugdzorg', 'GM0034', '2021')).toBe(6555);
    expect(num(o, 'jongeren_met_jeugdzorg', 'NL01', '2021')).toBe('missing');
    const nl = fig('jongeren_met_jeugdzorg', 'NL01', '2021');
    expect(nl.method).toBe('sum');
    expect(nl.result.state).toBe('value');
  });

  test('85335NED "." cells stay secret', () => {
    const o = obs('85335NED_jeugdzorg');
    expect(o.some((x) => x.cell.state === 'secret')).toBe(true);
    expect(o.every((x) => x.cell.state !== 'value' || x.cell.value >= 0)).toBe(true);
  });

  test('a jeugdregio with a gemeente whose count is empty is incomplete, not a smaller number', () => {
    const o = obs('85335NED_jeugdzorg');
    const lackingGemeente = o.find((x) => x.indicatorId === 'jongeren_met_jeugdzorg_18_22' && x.cell.state !== 'value' && x.areaCode.startsWith('GM'))!;
    const region = defaultAreaSet().gemeenten.get(lackingGemeente.areaCode)!.jeugdregioCode;
    const figure = fig('jongeren_met_jeugdzorg_18_22', region, '2022');
    expect(figure.result.state).toBe('incomplete');
    expect(figure.result.state === 'incomplete' && figure.result.lacking.map((l) => l.areaCode)).toContain(lackingGemeente.areaCode);
  });
});

describe('Indicatoren jeugdzorg 2022 (StatLine labels, decimal comma, provisional)', () => {
  test('Amsterdam 13.9, Almere 13.0, Nederland 13.2, all provisional', () => {
    const o = obs('indicatoren_jeugdzorg');
    expect(num(o, 'pct_jeugdhulp_in_natura', 'GM0363', '2022')).toBe(13.9);
    expect(num(o, 'pct_jeugdhulp_in_natura', 'GM0034', '2022')).toBe(13);
    expect(num(o, 'pct_jeugdhulp_in_natura', 'NL01', '2022')).toBe(13.2);
    expect(num(o, 'pct_jeugdbescherming_met_verblijf', 'NL01', '2022')).toBe(46.3);
    expect(value(o, 'pct_jeugdhulp_in_natura', 'GM0363', '2022').provisional).toBe(true);
  });

  test('names with suffixes are matched to codes', () => {
    const o = obs('indicatoren_jeugdzorg');
    expect(num(o, 'pct_jeugdhulp_in_natura', 'GM0014', '2022')).toBe(15.3); // "Groningen (gemeente)"
    expect(value(o, 'pct_jeugdhulp_in_natura', 'GM0888', '2022')).toBeDefined(); // "Beek (L.)"
    expect(value(o, 'pct_jeugdhulp_in_natura', 'GM0518', '2022')).toBeDefined(); // "'s-Gravenhage (gemeente)"
  });

  test('the ten gemeenten dissolved on 1 January 2022 are kept as empty rows under their own code', () => {
    const o = obs('indicatoren_jeugdzorg');
    expect(value(o, 'pct_jeugdhulp_in_natura', 'GM0370', '2022').cell).toEqual({ state: 'missing' }); // Beemster
  });

  test('a percentage without its base is not combined: no SWV figure, Nederland from the source', () => {
    expect(fig('pct_jeugdhulp_in_natura', 'PO 27-07', '2022').result.state).toBe('not-aggregatable');
    expect(fig('pct_jeugdhulp_in_natura', 'JZ13', '2022').result.state).toBe('not-aggregatable');
    expect(fig('pct_jeugdhulp_in_natura', 'NL01', '2022')).toMatchObject({ method: 'source', result: { value: 13.2 }, provisional: true });
  });
});

describe('KWB 2021/2022: households and low income (decimals lost in 2021)', () => {
  test('low income 2021 is read as whole tenths: Nederland 68 → 6.8, Groningen 118 → 11.8, Amsterdam 120 → 12.0', () => {
    const o = obs('kwb2021-2022');
    expect(num(o, 'huishoudens_laag_inkomen', 'NL01', '2021')).toBe(6.8);
    expect(num(o, 'huishoudens_laag_inkomen', 'GM0014', '2021')).toBe(11.8);
    expect(num(o, 'huishoudens_laag_inkomen', 'GM0363', '2021')).toBe(12);
    expect(num(o, 'huishoudens_rond_sociaal_minimum', 'NL01', '2021')).toBe(6.7);
    expect(o.some((x) => x.indicatorId === 'huishoudens_laag_inkomen' && x.period === '2022')).toBe(false);
  });

  test('households with children: counts in both years; share recomputed from the counts', () => {
    const o = obs('kwb2021-2022');
    expect(num(o, 'huishoudens_met_kinderen', 'NL01', '2021')).toBe(2614872);
    expect(num(o, 'huishoudens', 'NL01', '2021')).toBe(8043443);
    const nl = fig('aandeel_huishoudens_met_kinderen', 'NL01', '2021');
    expect(nl.method).toBe('ratio');
    expect(nl.ratio).toEqual({ numerator: 2614872, denominator: 8043443 });
    expect(nl.result.state === 'value' && nl.result.value).toBeCloseTo((2614872 / 8043443) * 100, 10);
  });

  test('share of young people 0-14 for an SWV is summed counts over summed inhabitants', () => {
    const areaSet = defaultAreaSet();
    const members = areaSet.members.get('PO 27-07')!;
    const o = obs('kwb2021-2022');
    let numerator = 0;
    let denominator = 0;
    // On current boundaries: Weesp (GM0457) still had its own row in KWB 2022 and counts with Amsterdam.
    const current = (indicatorId: string, code: string) =>
      [code, ...(areaSet.predecessors.get(code) ?? []).map((p) => p.code)]
        .map((c) => o.find((x) => x.indicatorId === indicatorId && x.areaCode === c && x.period === '2022'))
        .reduce((sum, x) => sum + (x?.cell.state === 'value' ? x.cell.value : 0), 0);
    expect(current('jongeren_0_14', 'GM0363')).toBeGreaterThan(num(o, 'jongeren_0_14', 'GM0363', '2022') as number);
    for (const m of members) {
      numerator += m.share * current('jongeren_0_14', m.gemeenteCode);
      denominator += m.share * current('inwoners_kwb', m.gemeenteCode);
    }
    const figure = fig('aandeel_jongeren_0_14', 'PO 27-07', '2022');
    expect(figure.method).toBe('ratio');
    expect(figure.result.state === 'value' && figure.result.value).toBeCloseTo((numerator / denominator) * 100, 10);
    expect(figure.splitMembers?.map((s) => s.gemeenteCode)).toContain('GM0363');
  });
});

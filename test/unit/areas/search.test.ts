import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultAreaSet } from '../../../shared/areas/default-areas.ts';
import { bundledPostcodeTable } from '../../../shared/areas/postcode-table.ts';
import { derivePostcodeRanges, parsePostcodeRanges } from '../../../shared/areas/postcodes.ts';
import { buildSearchIndex, compact, editDistance, searchAreas, typoBudget } from '../../../shared/areas/search.ts';
import { searchIndexFor } from '../../../shared/areas/search-index.ts';

/** The real bundled areas (342 gemeenten, SWVs, jeugdregio's, provincies), searched as the function does. */
const set = defaultAreaSet();
const index = searchIndexFor({ snapshotId: 'unit', areas: set.areas, groups: (code) => set.groupsOf.get(code) ?? [] });
const codes = (q: string) => index.search(q).hits.map((h) => h.area.code);

describe('normalisation', () => {
  it('ignores case, accents, apostrophes, hyphens, brackets and spaces', () => {
    expect(compact("'s-Gravenhage")).toBe('sgravenhage');
    expect(compact('sGravenhage')).toBe('sgravenhage');
    expect(compact('Súdwest-Fryslân')).toBe('sudwestfryslan');
    expect(compact('Bergen (NH.)')).toBe('bergennh');
    expect(compact('  PO 27-07 ')).toBe('po2707');
  });
  it.each([
    ["'s-Gravenhage", 'GM0518'],
    ['sGravenhage', 'GM0518'],
    ['s-gravenhage', 'GM0518'],
    ["’s-Hertogenbosch", 'GM0796'],
    ['Sudwest Fryslan', 'GM1900'],
    ['Bergen (L.)', 'GM0893'],
    ['bergen nh', 'GM0373'],
    ['gm0363', 'GM0363'],
    ['po2707', 'PO 27-07'],
    ['Hengelo (O.)', 'GM0164'],
  ])('%s is an exact hit for %s', (q, code) => {
    expect(index.search(q).exact?.code).toBe(code);
  });
});

describe('aliases', () => {
  it.each([
    ['Den Haag', 'GM0518'],
    ['den haag', 'GM0518'],
    ['DenHaag', 'GM0518'],
    ['The Hague', 'GM0518'],
    ['Den Bosch', 'GM0796'],
    ['den bosch', 'GM0796'],
    ['Bergen Limburg', 'GM0893'],
    ['Bergen Noord-Holland', 'GM0373'],
    ['Friesland', 'PV21'],
    ['Tietjerksteradeel', 'GM0737'],
  ])('%s goes to %s', (q, code) => {
    expect(index.search(q).exact?.code).toBe(code);
  });
  it('says which other name matched', () => {
    const hit = index.search('haag').hits.find((h) => h.area.code === 'GM0518');
    expect(hit?.via).toEqual({ kind: 'alias', name: 'Den Haag' });
  });
  it('"Bergen" offers both Bergens and goes to neither', () => {
    const r = index.search('Bergen');
    expect(r.exact).toBeUndefined();
    const prefix = r.hits.filter((h) => h.match === 'prefix').map((h) => h.area.code);
    expect(prefix).toEqual(expect.arrayContaining(['GM0373', 'GM0893']));
  });
  it('a dissolved gemeente is found under its successor, but not taken as the exact answer', () => {
    const r = index.search('Weesp');
    expect(r.exact).toBeUndefined();
    expect(r.hits[0]).toMatchObject({ area: { code: 'GM0363' }, match: 'former', via: { kind: 'former', name: 'Weesp' } });
  });
});

describe('typos', () => {
  it('edit distance counts insertions, deletions, substitutions and swaps, and stops early', () => {
    expect(editDistance('amsterdm', 'amsterdam', 2)).toBe(1);
    expect(editDistance('amsetrdam', 'amsterdam', 2)).toBe(1);
    expect(editDistance('rotterdam', 'amsterdam', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
  it('allows none up to 4 characters, one up to 8, two from 9', () => {
    expect([4, 5, 8, 9, 20].map(typoBudget)).toEqual([0, 1, 1, 2, 2]);
  });
  it.each([
    ['Amsterdm', 'GM0363'],
    ['amsterdan', 'GM0363'],
    ['Roterdam', 'GM0599'],
    ['Utrect', 'GM0344'],
    ['Den Bosh', 'GM0796'],
    ['Hertogenbosh', 'GM0796'],
    ['Groningn', 'GM0014'],
    ['Apeldorn', 'GM0200'],
  ])('%s finds %s', (q, code) => {
    const r = index.search(q);
    expect(r.exact).toBeUndefined();
    expect(r.hits.map((h) => h.area.code)).toContain(code);
    expect(r.hits.find((h) => h.area.code === code)!.match).toBe('typo');
  });
  it('ranks typo hits after exact, prefix and substring hits', () => {
    const hits = index.search('Almelo').hits;
    expect(hits[0]).toMatchObject({ area: { code: 'GM0141' }, match: 'exact' });
    const order = { exact: 0, postcode: 0, former: 1, prefix: 2, contains: 3, typo: 4 };
    const ranks = index.search('berg').hits.map((h) => order[h.match]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // "Amsterdam" itself is exact; jeugdregio Amsterdam-Amstelland a prefix hit after it.
    expect(codes('Amsterdam').slice(0, 2)).toEqual(['GM0363', 'JZ13']);
  });
  it('short texts get no typo hits (too many names lie one letter apart)', () => {
    expect(index.search('Epe').hits.every((h) => h.match !== 'typo')).toBe(true);
  });
  it('nonsense finds nothing', () => {
    expect(index.search('Atlantis').hits).toEqual([]);
    expect(index.search('xqzzv').hits).toEqual([]);
  });
});

describe('a gemeente also offers its SWVs, jeugdregio and provincie', () => {
  it('"Utrecht": gemeente and provincie, and the areas the gemeente belongs to', () => {
    const r = index.search('Utrecht');
    expect(r.exact).toBeUndefined();
    expect(r.hits.slice(0, 2).map((h) => h.area.code)).toEqual(['GM0344', 'PV26']);
    expect(r.related).toHaveLength(1);
    expect(r.related[0]!.gemeente.code).toBe('GM0344');
    expect(r.related[0]!.groups.map((a) => a.code)).toEqual(['PO 26-01', 'VO 26-01', 'JZ22', 'PV26']);
  });
  it('a split gemeente lists every SWV it lies in', () => {
    const groups = index.search('Rotterdam').related[0]!.groups.map((a) => a.code);
    expect(groups).toEqual(expect.arrayContaining(['PO 28-06', 'PO 28-03', 'PO 28-08', 'VO 28-10', 'VO 28-12']));
  });
});

describe('postcode', () => {
  const table = bundledPostcodeTable();
  it('the bundled range table is exactly the Regeling postcode table mapped to the 2025 gemeenten', () => {
    const raw = readFileSync(new URL('../../../data/areas/swv_pc4_regeling_2015.csv', import.meta.url), 'utf8');
    const derived = readFileSync(new URL('../../../data/areas/pc4_gemeente_swv_2025_derived.csv', import.meta.url), 'utf8');
    // Regenerate after changing either input: write derivePostcodeRanges(raw, defaultAreaSet()) to the derived file.
    expect(derivePostcodeRanges(raw, set)).toBe(derived);
    expect(table.size).toBe(4046);
  });
  it('agrees with the SWVs per gemeente that the area set is built from (postcode counts per SWV)', () => {
    const counts = new Map<string, number>();
    for (let n = 0; n < 10_000; n++) {
      const pc = table.lookup(String(n).padStart(4, '0'));
      if (!pc) continue;
      for (const swv of [pc.swvPo, pc.swvVo]) if (swv) counts.set(`${pc.gemeenteCode}|${swv}`, (counts.get(`${pc.gemeenteCode}|${swv}`) ?? 0) + 1);
    }
    const expected = new Map<string, number>();
    for (const list of set.groupsOf.values()) for (const m of list) if (m.postcodeAreas !== undefined) expected.set(`${m.gemeenteCode}|${m.groupCode}`, m.postcodeAreas);
    expect(counts).toEqual(expected);
  });
  it('maps a 2015 gemeente to its 2025 successor', () => {
    // 1381 was Weesp (dissolved into Amsterdam in 2022); 5401 Uden (now Maashorst).
    expect(table.lookup('1381')?.gemeenteCode).toBe('GM0363');
    expect(table.lookup('5401')?.gemeenteCode).toBe('GM1991');
  });
  it('"3511" goes to the gemeente Utrecht, which lies in one SWV PO and one VO', () => {
    const r = index.search('3511');
    expect(r.exact?.code).toBe('GM0344');
    expect(r.postcode?.swv.map((a) => a.code)).toEqual(['PO 26-01', 'VO 26-01']);
    expect(index.search('3511 AB').exact?.code).toBe('GM0344');
    expect(index.search('3511ab').exact?.code).toBe('GM0344');
  });
  it('a postcode in a gemeente split over SWVs lists the gemeente and the SWVs of that postcode', () => {
    const pcs = ['3000', '3011', '3021', '3191'];
    const r = index.search(pcs.find((p) => table.lookup(p)?.swvPo === 'PO 28-06') ?? '3011');
    expect(r.exact).toBeUndefined();
    expect(r.hits[0]).toMatchObject({ area: { code: 'GM0599' }, match: 'postcode' });
    expect(r.postcode?.swv.map((a) => a.code)).toEqual(['PO 28-06', 'VO 28-10']);
  });
  it('Europoort belongs to no SWV', () => {
    const r = index.search('3198');
    expect(r.postcode).toMatchObject({ gemeente: { code: 'GM0599' }, swv: [], outsideSwv: true });
    expect(r.exact).toBeUndefined();
  });
  it('an unknown postcode says so and goes nowhere', () => {
    const r = index.search('0999');
    expect(r.exact).toBeUndefined();
    expect(r.postcode).toEqual({ pc4: '0999', swv: [], outsideSwv: false });
  });
  it('the range file is read strictly', () => {
    expect(() => parsePostcodeRanges('pc4_van,pc4_tot,gemeentecode,swv_po,swv_vo\n1011,1009,GM0363,,\n')).toThrow(/bad line/);
    expect(() => parsePostcodeRanges('pc4,gemeente\n')).toThrow(/header/);
  });
});

describe('speed', () => {
  it('answers 10,000 mixed searches in well under a second per thousand', () => {
    const queries = ['Den Haag', 'Amsterdm', 'Utrecht', '3511', 'berg', 'po2707', 'Hertogenbosh', 'Roterdam', 'Friesland', 'xqzzv'];
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) index.search(queries[i % queries.length]!);
    const ms = performance.now() - t0;
    console.log(`search: 10,000 queries in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('searchAreas (names and codes only)', () => {
  it('still finds by name and code', () => {
    expect(searchAreas(set.areas.values(), 'Almere').exact?.code).toBe('GM0034');
    expect(buildSearchIndex({ areas: [] }).search('x').hits).toEqual([]);
  });
});

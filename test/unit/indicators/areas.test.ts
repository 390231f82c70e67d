import { describe, expect, test } from 'vitest';
import { DEFAULT_AREA_SOURCES, defaultAreaSet } from '../../../shared/areas/default-areas.ts';
import { GEMEENTEN } from '../../../shared/areas/gemeenten.ts';
import { AreaDataError, areasOfKind, buildAreaSet, groupsOfGemeente, normaliseName, splitMembers } from '../../../shared/areas/model.ts';

const areas = defaultAreaSet();

describe('default area set from data/areas', () => {
  test('342 gemeenten, 12 provincies, 42 jeugdregio\'s, 76 PO and 74 VO samenwerkingsverbanden, Nederland', () => {
    expect(areas.gemeenten.size).toBe(342);
    expect(areasOfKind(areas, 'provincie')).toHaveLength(12);
    expect(areasOfKind(areas, 'jeugdregio')).toHaveLength(42);
    expect(areasOfKind(areas, 'swv-po')).toHaveLength(76);
    expect(areasOfKind(areas, 'swv-vo')).toHaveLength(74);
    expect(areasOfKind(areas, 'nederland')).toHaveLength(1);
    expect(areas.gemeenten.size).toBe(GEMEENTEN.length);
  });

  test('27 gemeenten lie in more than one SWV; every gemeente\'s shares add up to 1 per sector', () => {
    const split = [...areas.gemeenten.keys()].filter((code) => groupsOfGemeente(areas, code).some((m) => m.share < 1));
    expect(split).toHaveLength(27);
    for (const code of areas.gemeenten.keys()) {
      for (const kind of ['swv-po', 'swv-vo'] as const) {
        const total = groupsOfGemeente(areas, code).filter((m) => m.groupKind === kind).reduce((s, m) => s + m.share, 0);
        expect(total).toBeCloseTo(1, 12);
      }
    }
  });

  test('Amsterdam: PV27, JZ13, PO 27-07 for 81 of 84 postcode areas (Weesp lies in PO 27-09)', () => {
    const groups = groupsOfGemeente(areas, 'GM0363').map((m) => [m.groupCode, m.share]);
    expect(groups).toEqual(expect.arrayContaining([['PV27', 1], ['JZ13', 1], ['PO 27-07', 81 / 84], ['PO 27-09', 3 / 84], ['VO 27-08', 81 / 84]]));
    expect(splitMembers(areas, 'PO 27-07').map((m) => m.gemeenteCode)).toEqual(['GM0363']);
  });

  test('Rotterdam\'s Europoort postcode areas belong to no SWV and are left out of the shares', () => {
    expect(areas.postcodeAreasOutsideSwv).toEqual([{ gemeenteCode: 'GM0599', label: 'Europoort', count: 3 }]);
    const po = groupsOfGemeente(areas, 'GM0599').filter((m) => m.groupKind === 'swv-po');
    expect(po.find((m) => m.groupCode === 'PO 28-06')!.share).toBeCloseTo(71 / 73, 12);
  });

  test('codes, slugs and names; SWVs without a names file are called by their code', () => {
    expect(areas.areas.get('PO 27-07')).toEqual({ kind: 'swv-po', code: 'PO 27-07', slug: 'po-27-07', name: 'Samenwerkingsverband PO 27-07', hasOwnName: false });
    expect(areas.bySlug.get('vo-27-08')!.code).toBe('VO 27-08');
    expect(areas.bySlug.get('gm0363')!.name).toBe('Amsterdam');
    expect(areas.bySlug.get('jz13')!.name).toBe('Amsterdam-Amstelland');
    expect(areas.bySlug.get('nl01')!.name).toBe('Nederland');
    for (const area of areas.areas.values()) expect(area.slug).toMatch(/^[a-z0-9-]+$/);
    expect(new Set([...areas.areas.values()].map((a) => a.slug)).size).toBe(areas.areas.size);
  });

  test('names as StatLine writes them find their code; dissolved gemeenten too', () => {
    const code = (name: string) => areas.codeByName.get(normaliseName(name));
    expect(code('Groningen (gemeente)')).toBe('GM0014');
    expect(code("'s-Gravenhage (gemeente)")).toBe('GM0518');
    expect(code('Beek (L.)')).toBe('GM0888');
    expect(code('Hengelo (O.)')).toBe('GM0164');
    expect(code('Súdwest-Fryslân')).toBe('GM1900');
    expect(code('Weesp')).toBe('GM0457');
    expect(code('Nederland')).toBe('NL01');
  });

  test('herindelingen: Weesp merged into Amsterdam between 2022 and 2023; the list starts in 2015', () => {
    expect(areas.dissolved.get('GM0457')).toMatchObject({ successorCode: 'GM0363', lastYearCertain: 2021, firstYearGone: 2023 });
    expect(areas.predecessors.get('GM1980')!.map((p) => p.code).sort()).toEqual(['GM0398', 'GM0416']);
    expect(areas.crosswalkFromYear).toBe(2015);
  });

  test('an inconsistent replacement area file is refused with every problem listed', () => {
    const broken = DEFAULT_AREA_SOURCES.swvPerGemeente.split('\n').filter((line) => !line.startsWith('GM0363,')).join('\n');
    expect(() => buildAreaSet({ ...DEFAULT_AREA_SOURCES, swvPerGemeente: broken })).toThrow(AreaDataError);
    try {
      buildAreaSet({ ...DEFAULT_AREA_SOURCES, swvPerGemeente: broken });
    } catch (error) {
      expect((error as AreaDataError).problems).toEqual(['swv_per_gemeente: no row for GM0363']);
    }
  });
});

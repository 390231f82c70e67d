import { describe, expect, it } from 'vitest';
import { GEMEENTEN } from '../../../shared/areas/gemeenten.ts';
import { coverageWarnings, suggestedSwvs } from '../../../shared/registration/coverage.ts';
import { swvLabelOf } from '../../../shared/registration/validation.ts';
import { far, home } from './fixtures.ts';

describe('coverage of a region', () => {
  it('gives no warning for a gemeente with its own main SWV PO and VO', () => {
    expect(coverageWarnings({ gemeenten: [home.code], swvPo: [home.swvPo], swvVo: [home.swvVo] })).toEqual([]);
  });

  it('gives no warning for any gemeente with its own SWVs (the data agree with themselves)', () => {
    for (const g of GEMEENTEN) expect(coverageWarnings({ gemeenten: [g.code], swvPo: [g.swvPo], swvVo: [g.swvVo] })).toEqual([]);
  });

  it('names a gemeente that lies in none of the chosen SWVs PO and VO', () => {
    const warnings = coverageWarnings({ gemeenten: [home.code, far.code], swvPo: [home.swvPo], swvVo: [home.swvVo] });
    expect(warnings).toEqual([
      `Deze gemeente ligt in geen van de gekozen samenwerkingsverbanden PO (primair onderwijs): ${far.name}.`,
      `Deze gemeente ligt in geen van de gekozen samenwerkingsverbanden VO (voortgezet onderwijs): ${far.name}.`,
    ]);
  });

  it('names a chosen SWV that works in none of the chosen gemeenten', () => {
    const warnings = coverageWarnings({ gemeenten: [home.code], swvPo: [home.swvPo, far.swvPo], swvVo: [home.swvVo, far.swvVo] });
    expect(warnings).toEqual([
      `Dit samenwerkingsverband PO werkt in geen van de gekozen gemeenten: ${swvLabelOf(far.swvPo)}.`,
      `Dit samenwerkingsverband VO werkt in geen van de gekozen gemeenten: ${swvLabelOf(far.swvVo)}.`,
    ]);
    expect(warnings.join(' ')).toContain(far.swvPo);
  });

  it('counts every SWV a gemeente lies in, not only its main one', () => {
    const split = GEMEENTEN.find((g) => g.swvPoAll.length > 1)!;
    const other = split.swvPoAll.find((c) => c !== split.swvPo)!;
    expect(coverageWarnings({ gemeenten: [split.code], swvPo: [other], swvVo: [split.swvVo] })).toEqual([]);
  });

  it('suggests the SWVs of the chosen gemeenten, without duplicates', () => {
    const s = suggestedSwvs([home.code, home.code, far.code, 'GM9999']);
    expect(s.po).toEqual([...new Set([...home.swvPoAll, ...far.swvPoAll])].sort());
    expect(s.vo).toEqual([...new Set([...home.swvVoAll, ...far.swvVoAll])].sort());
    expect(suggestedSwvs([])).toEqual({ po: [], vo: [] });
  });
});

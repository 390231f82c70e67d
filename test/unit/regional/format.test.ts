import { describe, expect, it } from 'vitest';
import { csvNumber, explainState, figureText, formatDecimal, formatShare, formatValue, formatValueWithUnit } from '../../../shared/regional/format.ts';
import { indicator } from '../../../shared/indicators/catalogue.ts';

describe('Dutch number formatting', () => {
  it('writes thousands with a dot and decimals with a comma', () => {
    expect(formatValue(862965, indicator('inwoners'))).toBe('862.965');
    expect(formatValue(12.43, indicator('aandeel_jongeren_0_14'))).toBe('12,4%');
    expect(formatValue(3.25, indicator('thuiszitters_per_1000'))).toBe('3,3 per 1.000');
    expect(formatValueWithUnit(918117, indicator('inwoners'))).toBe('918.117 personen');
    expect(formatDecimal(235283.0526, 0)).toBe('235.283');
    expect(formatDecimal(-1.5, 1)).toBe('-1,5');
  });
  it('rounds a weighted sum of a split gemeente to whole numbers', () => {
    expect(formatValue(0.4999, indicator('inwoners'))).toBe('0');
    expect(csvNumber(235283.0526, 0)).toBe('235283');
    expect(csvNumber(12.46, 1)).toBe('12,5');
    expect(formatShare(0.9642857)).toBe('96%');
    expect(formatShare(0.004)).toBe('0,4%');
  });
  it('never writes a state as 0', () => {
    const d = indicator('aandeel_jongeren_0_14');
    const base = { indicatorId: d.id, areaCode: 'GM0001', areaKind: 'gemeente' as const, period: '2022', method: 'none' as const, provisional: false, boundaries: 'current' as const };
    expect(figureText({ ...base, result: { state: 'secret' } }, d)).toBe('geheim');
    expect(figureText({ ...base, result: { state: 'incomplete', lacking: [] } }, d)).toBe('onvolledig');
    expect(figureText({ ...base, result: { state: 'not-aggregatable', reason: 'x' } }, d)).toBe('niet op te tellen');
    expect(figureText(undefined, d)).toBe('geen cijfer');
    expect(figureText({ ...base, result: { state: 'value', value: 0 } }, d)).toBe('0,0%');
    const text = explainState({ state: 'incomplete', lacking: [{ areaCode: 'GM0002', state: 'secret' }, { areaCode: 'GM0009', state: 'missing' }] }, (c) => (c === 'GM0002' ? 'Beekstad' : c));
    expect(text).toContain('Beekstad (geheim)');
    expect(text).toContain('GM0009 (geen cijfer)');
  });
});

import { describe, expect, it } from 'vitest';
import { areaCsv, CSV_HEADER } from '../../../shared/regional/csv.ts';
import { testView } from './helpers.ts';

describe('areaCsv', () => {
  const view = testView();
  it('starts with a BOM and a header, separated by semicolons', () => {
    const csv = areaCsv(view, view.areas.get('GM0001')!);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(';'));
    expect(lines[0]).toBe('gebiedscode;gebied;indicator;omschrijving;periode;waarde;eenheid;status;voorlopig;bron;brontabel');
    for (const line of lines) expect(line.split(';').length).toBeGreaterThanOrEqual(CSV_HEADER.length);
  });
  it('uses a decimal comma, no thousands separator, and says provisional', () => {
    const csv = areaCsv(view, view.areas.get('GM0001')!);
    expect(csv).toContain('GM0001;Aadorp;aandeel_jongeren_0_14;Aandeel kinderen van 0 tot 15 jaar;2022;14,3;%;waarde;ja;CBS;');
    expect(csv).toContain('GM0001;Aadorp;inwoners;Inwoners;2022;1200;personen;waarde;nee;CBS;');
  });
  it('gives a status word and an empty value for figures that are not numbers', () => {
    const secret = areaCsv(view, view.areas.get('GM0002')!);
    expect(secret).toMatch(/aandeel_jongeren_0_14;[^;]*;2022;;%;geheim;nee/);
    const swv = areaCsv(view, view.areas.get('PO 01-01')!);
    expect(swv).toMatch(/aandeel_jongeren_0_14;[^;]*;2022;;%;onvolledig;/);
    expect(swv).toMatch(/pct_jeugdhulp_in_natura;[^;]*;2022;;%;niet op te tellen;/);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { INDICATORS, INDICATORS_BY_ID, THEMES, UNIT_LABELS } from '../../../shared/indicators/catalogue.ts';
import { AREA_FORMATS, FORMATS, INDICATOR_FORMATS } from '../../../shared/indicators/formats.ts';
import { REPO, parseText } from './helpers.ts';

const filledDirectly = new Set(INDICATOR_FORMATS.flatMap((f) => f.values.map((v) => v.indicator)));

describe('catalogue', () => {
  test('ids are unique and simple', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) expect(i.id).toMatch(/^[a-z0-9_]+$/);
  });

  test.each(INDICATORS.map((i) => [i.id, i] as const))('%s has a name, description, source, unit, theme and rule', (_id, i) => {
    expect(i.name.length).toBeGreaterThan(3);
    expect(i.description.length).toBeGreaterThan(20);
    expect(i.sources.length).toBeGreaterThan(0);
    for (const s of i.sources) {
      expect(s.publisher).not.toBe('');
      expect(s.title).not.toBe('');
      expect(s.licence).not.toBe('');
    }
    expect(UNIT_LABELS[i.unit]).toBeDefined();
    expect(THEMES[i.theme]).toBeDefined();
    expect(['sum', 'ratio', 'not-aggregatable']).toContain(i.aggregation.kind);
    expect(i.range.min).toBeLessThanOrEqual(0);
    // Every indicator states a finite maximum: counts have a ceiling of their own.
    expect(Number.isFinite(i.range.max)).toBe(true);
    expect(i.range.max).toBeGreaterThan(i.range.min);
    if (i.unit === 'procent') expect(i.range).toEqual({ min: 0, max: 100 });
    else if (i.unit === 'per-1000') expect(i.range).toEqual({ min: 0, max: 1000 });
    else {
      expect(i.range.min).toBe(0);
      expect(i.range.max).toBeLessThanOrEqual(25_000_000);
    }
    if (i.aggregation.kind === 'sum') expect(['procent', 'per-1000']).not.toContain(i.unit);
    if (i.aggregation.kind === 'not-aggregatable') expect(i.aggregation.reason.length).toBeGreaterThan(20);
  });

  test('a ratio refers to existing count indicators that are summed, never to another share', () => {
    for (const i of INDICATORS) {
      if (i.aggregation.kind !== 'ratio') continue;
      for (const ref of [i.aggregation.numerator, i.aggregation.denominator]) {
        const target = INDICATORS_BY_ID.get(ref);
        expect(target, `${i.id} → ${ref}`).toBeDefined();
        expect(target!.aggregation.kind).toBe('sum');
        expect(target!.availability).toBe(i.availability);
      }
      expect(i.aggregation.factor).toBeGreaterThan(0);
    }
  });

  test('every indicator can be filled by a file format (directly, or through its numerator and denominator)', () => {
    for (const i of INDICATORS) {
      const viaRatio = i.aggregation.kind === 'ratio' && filledDirectly.has(i.aggregation.numerator) && filledDirectly.has(i.aggregation.denominator);
      expect(filledDirectly.has(i.id) || viaRatio, i.id).toBe(true);
    }
  });

  test('the issue\'s themes are all in the catalogue, the made-to-order ones marked as such', () => {
    for (const id of ['leerlingen_po', 'leerlingen_so', 'leerlingen_vo', 'leerlingen_vso', 'leerlingen_met_onderwijsachterstand', 'voortijdig_schoolverlaters', 'thuiszitters']) {
      expect(INDICATORS_BY_ID.get(id)?.availability, id).toBe('public');
    }
    for (const id of ['leerlingen_met_jeugdhulp_po', 'leerlingen_met_jeugdhulp_vso', 'aandeel_leerlingen_met_jeugdhulp_vo', 'aandeel_jongeren_met_neet_risico']) {
      expect(INDICATORS_BY_ID.get(id)?.availability, id).toBe('made-to-order');
    }
  });

  test('the two youth care measures that must not share a series say so', () => {
    expect(INDICATORS_BY_ID.get('pct_jeugdhulp_in_natura')!.notComparableWith).toContain('jongeren_met_jeugdzorg');
  });
});

describe('formats', () => {
  test('ids unique; every target indicator exists; made-to-order layouts only fill made-to-order indicators', () => {
    expect(new Set(FORMATS.map((f) => f.id)).size).toBe(FORMATS.length);
    for (const f of INDICATOR_FORMATS) {
      for (const v of f.values) {
        const target = INDICATORS_BY_ID.get(v.indicator);
        expect(target, `${f.id}: ${v.indicator}`).toBeDefined();
        expect(target!.availability).toBe(f.availability);
        expect(f.requiredColumns).toContain(v.column);
      }
      expect(f.requiredColumns).toContain(f.area.column);
      if (f.period.kind !== 'fixed') expect(f.requiredColumns).toContain(f.period.column);
    }
  });

  test('no two layouts share a header signature', () => {
    const signatures = FORMATS.map((f) => [...f.requiredColumns].sort().join('|'));
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  test.each(FORMATS.map((f) => [f.id, f] as const))('the example of %s is recognised and accepted', (_id, f) => {
    const fileName = f.kind === 'indicators' && f.period.kind === 'fixed' ? `example-${f.period.fileNameMustContain}.csv` : 'example.csv';
    const result = parseText(fileName, f.example);
    if (f.kind === 'areas') {
      // An area example has one row: as a replacement of a whole table it may fail the cross-check only.
      if (result.ok) expect(result.format.id).toBe(f.id);
      else {
        expect(result.formatId).toBe(f.id);
        expect(new Set(result.errors.map((e) => e.code))).toEqual(new Set(['area-data-inconsistent']));
      }
      return;
    }
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (result.ok) expect(result.format.id).toBe(f.id);
  });

  test('docs/import-formats.md documents every layout with its example header', () => {
    const docs = readFileSync(path.join(REPO, 'docs/import-formats.md'), 'utf8');
    for (const f of FORMATS) {
      expect(docs, f.id).toContain(`\`${f.id}\``);
      expect(docs, f.id).toContain(f.example.split('\n')[0]!);
    }
  });

  test('area layouts each replace a different area table', () => {
    expect(new Set(AREA_FORMATS.map((f) => f.replaces)).size).toBe(AREA_FORMATS.length);
  });
});

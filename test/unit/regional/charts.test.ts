import { describe, expect, it } from 'vitest';
import { barChart, lineChart, niceStep } from '../../../shared/regional/charts.ts';
import { quantileClasses } from '../../../shared/regional/map.ts';

describe('SVG charts', () => {
  const bars = barChart({
    id: 'x',
    title: 'Aandeel, 2022',
    description: 'Aadorp ligt onder Nederland.',
    data: [
      { label: 'Aadorp (dit gebied)', value: 14.2, text: '14,2%', highlight: true },
      { label: 'Beekstad', value: undefined, text: 'geheim' },
      { label: 'Cedam', value: 0, text: '0,0%' },
    ],
    reference: { label: 'Nederland', value: 15.4, text: '15,4%' },
  });
  it('is an image with a title and description', () => {
    expect(bars).toMatch(/^<svg [^>]*role="img" aria-labelledby="x-t x-d"/);
    expect(bars).toContain('<title id="x-t">Aandeel, 2022</title>');
    expect(bars).toContain('<desc id="x-d">Aadorp ligt onder Nederland.</desc>');
    expect(bars).not.toMatch(/\sstyle=/);
  });
  it('draws the national value as a dashed, labelled line', () => {
    expect(bars).toMatch(/<line [^>]*stroke-dasharray/);
    expect(bars).toContain('Nederland: 15,4%');
  });
  it('labels a figure without a number instead of drawing a bar of 0', () => {
    expect(bars).toContain('>geheim</text>');
    expect((bars.match(/<rect /g) ?? []).length).toBe(2);
    expect(bars).not.toMatch(/NaN|undefined|Infinity/);
  });
  it('draws a line chart without NaN, also for one point or equal values', () => {
    for (const values of [[5], [5, 5, 5], [840100, 862965, 931298], [0.1, 0.2, 0.15]]) {
      const svg = lineChart({ id: 'l', title: 't', description: 'd', series: [{ label: 'A', points: values.map((v, i) => ({ period: String(2020 + i), value: v, text: String(v) })) }] });
      expect(svg).toContain('role="img"');
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    }
    expect(niceStep(91198)).toBe(25000);
  });
  it('makes at most 5 quantile classes and fewer when values repeat', () => {
    const classes = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes).toHaveLength(5);
    expect(classes.reduce((s, c) => s + c.count, 0)).toBe(10);
    expect(quantileClasses([3, 3, 3, 3])).toHaveLength(1);
    expect(quantileClasses([])).toEqual([]);
  });
});

import { esc } from '../web/html.ts';
import { formatDecimal } from './format.ts';

/**
 * Hand-written SVG charts, made on the server: no chart JavaScript in the browser. Mobile-first: drawn
 * in a 360-unit wide viewBox with text of 12-13 units, names above the bars instead of in a left
 * margin, every bar and line labelled directly (colour is never the only cue), and the national value
 * as a dashed, labelled reference line. Each chart is role="img" with a <title> and <desc>; the page
 * puts the same numbers in a table next to it.
 */

export const CHART_WIDTH = 360;
const FONT = 13;
const SMALL = 12;
export const COLOURS = {
  text: '#1a1f25',
  muted: '#424c57',
  grid: '#bfc5cc',
  own: '#0e5a70',
  other: '#86bfcf',
  otherStroke: '#1c7089',
  reference: '#1a1f25',
} as const;

const r1 = (n: number) => Math.round(n * 10) / 10;

function svgOpen(id: string, height: number, title: string, description: string, extraClass = ''): string {
  // Without a description the chart is named by its title only; the figure's caption says the rest.
  const labelledBy = description ? `${id}-t ${id}-d` : `${id}-t`;
  return (
    `<svg class="maoj-chart${extraClass ? ` ${extraClass}` : ''}" viewBox="0 0 ${CHART_WIDTH} ${r1(height)}" role="img" aria-labelledby="${labelledBy}" ` +
    `xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="${FONT}" fill="${COLOURS.text}">` +
    `<title id="${id}-t">${esc(title)}</title>${description ? `<desc id="${id}-d">${esc(description)}</desc>` : ''}`
  );
}

export interface BarDatum {
  label: string;
  /** undefined: no number (the text says why, e.g. "geheim"); never drawn as a bar of 0. */
  value: number | undefined;
  /** The value as shown: "12,4%" or the state word. */
  text: string;
  /** The area the page is about: dark bar, label in bold. */
  highlight?: boolean;
}

export interface Reference {
  label: string;
  value: number;
  text: string;
}

/** Horizontal bars, one row per area (name above its bar), with the reference as a dashed line. */
export function barChart(options: { id: string; title: string; description: string; data: readonly BarDatum[]; reference?: Reference }): string {
  const { id, data, reference } = options;
  const left = 8;
  const right = 78;
  const plotWidth = CHART_WIDTH - left - right;
  const top = reference ? 30 : 8;
  const row = 40;
  const height = top + data.length * row + 6;
  const values = data.flatMap((d) => (d.value !== undefined && Number.isFinite(d.value) ? [d.value] : []));
  if (reference && Number.isFinite(reference.value)) values.push(reference.value);
  const max = Math.max(0, ...values) || 1;
  const x = (v: number) => left + (Math.max(0, v) / max) * plotWidth;

  const parts: string[] = [svgOpen(id, height, options.title, options.description)];
  data.forEach((d, i) => {
    const y = top + i * row;
    const weight = d.highlight ? ' font-weight="700"' : '';
    parts.push(`<text x="${left}" y="${r1(y + 13)}"${weight}>${esc(d.label)}</text>`);
    if (d.value !== undefined && Number.isFinite(d.value)) {
      const end = x(d.value);
      const width = Math.max(1, end - left);
      parts.push(
        d.highlight
          ? `<rect x="${left}" y="${r1(y + 18)}" width="${r1(width)}" height="16" fill="${COLOURS.own}"/>`
          : `<rect x="${left}" y="${r1(y + 18.5)}" width="${r1(width)}" height="15" fill="${COLOURS.other}" stroke="${COLOURS.otherStroke}"/>`,
      );
      parts.push(`<text x="${r1(end + 5)}" y="${r1(y + 31)}"${weight}>${esc(d.text)}</text>`);
    } else {
      parts.push(`<text x="${left}" y="${r1(y + 31)}" font-style="italic" fill="${COLOURS.muted}">${esc(d.text)}</text>`);
    }
  });
  if (reference && Number.isFinite(reference.value)) {
    const rx = x(reference.value);
    const label = `${reference.label}: ${reference.text}`;
    const anchor = rx > CHART_WIDTH / 2 ? 'end' : 'start';
    const tx = anchor === 'end' ? rx + 4 : rx - 4;
    parts.push(`<line x1="${r1(rx)}" y1="${top - 8}" x2="${r1(rx)}" y2="${r1(height - 2)}" stroke="${COLOURS.reference}" stroke-width="2" stroke-dasharray="5 3"/>`);
    parts.push(`<text x="${r1(Math.min(Math.max(tx, 2), CHART_WIDTH - 2))}" y="${top - 12}" text-anchor="${anchor}" font-size="${SMALL}">${esc(label)} (stippellijn)</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

export interface LinePoint {
  period: string;
  value: number;
  text: string;
}

export interface LineSeries {
  label: string;
  points: readonly LinePoint[];
  /** The reference series (Nederland): dashed, square markers. */
  reference?: boolean;
}

/** A step of 1, 2, 2.5 or 5 × 10^k that gives about `count` intervals. */
export function niceStep(range: number, count = 4): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/** Lines over periods (categorical x axis), gridlines labelled above the line (no left margin). */
export function lineChart(options: { id: string; title: string; description: string; series: readonly LineSeries[]; unitSuffix?: string }): string {
  const { id, series } = options;
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const values = series.flatMap((s) => s.points.map((p) => p.value)).filter(Number.isFinite);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = 1;
  }
  if (min >= 0 && min < 0.4 * max) min = 0;
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;

  const left = 12;
  const right = 20;
  const top = 22;
  const plotHeight = 150;
  const bottom = 30;
  const height = top + plotHeight + bottom;
  // Years are placed by their number, so a missing year (2020) leaves a gap; other periods evenly.
  const years = periods.every((p) => /^\d{4}$/.test(p)) ? periods.map(Number) : periods.map((_, i) => i);
  const span = years.at(-1)! - years[0]! || 1;
  const xs = (i: number) => (periods.length === 1 ? left + (CHART_WIDTH - left - right) / 2 : left + 6 + ((years[i]! - years[0]!) / span) * (CHART_WIDTH - left - right - 12));
  const y = (v: number) => top + plotHeight - ((v - lo) / (hi - lo || 1)) * plotHeight;
  const suffix = options.unitSuffix ?? '';

  const parts: string[] = [svgOpen(id, height, options.title, options.description)];
  // Gridlines as one path, their labels in one group: the same drawing in fewer bytes.
  const grid: string[] = [];
  const gridLabels: string[] = [];
  for (let t = lo, n = 0; t <= hi + step / 1000 && n < 12; t += step, n++) {
    const ty = y(t);
    grid.push(`M${left} ${r1(ty)}H${CHART_WIDTH - 4}`);
    gridLabels.push(`<text x="${left}" y="${r1(ty - 4)}">${esc(formatDecimal(t, decimals) + suffix)}</text>`);
  }
  parts.push(`<path d="${grid.join('')}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
  parts.push(`<g font-size="${SMALL}" fill="${COLOURS.muted}">${gridLabels.join('')}</g>`);
  // Year labels at least 44 units apart; the last year is always labelled.
  const shown: number[] = [];
  periods.forEach((_, i) => {
    if (shown.length === 0 || xs(i) - xs(shown.at(-1)!) >= 44) shown.push(i);
  });
  const lastIndex = periods.length - 1;
  if (shown.at(-1) !== lastIndex) {
    if (shown.length > 1 && xs(lastIndex) - xs(shown.at(-1)!) < 44) shown.pop();
    shown.push(lastIndex);
  }
  parts.push(`<g text-anchor="middle" font-size="${SMALL}">${shown.map((i) => `<text x="${r1(xs(i))}" y="${r1(top + plotHeight + 18)}">${esc(periods[i]!)}</text>`).join('')}</g>`);
  series.forEach((s, index) => {
    const pts = s.points
      .filter((p) => Number.isFinite(p.value))
      .map((p) => ({ ...p, x: xs(periods.indexOf(p.period)), y: y(p.value) }));
    if (pts.length === 0) return;
    const colour = s.reference ? COLOURS.reference : COLOURS.own;
    const dash = s.reference ? ' stroke-dasharray="5 3"' : '';
    if (pts.length > 1) {
      parts.push(`<polyline points="${pts.map((p) => `${r1(p.x)},${r1(p.y)}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5"${dash}/>`);
    }
    for (const p of pts) {
      parts.push(
        s.reference
          ? `<rect x="${r1(p.x - 3.5)}" y="${r1(p.y - 3.5)}" width="7" height="7" fill="#ffffff" stroke="${colour}" stroke-width="2"/>`
          : `<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="4" fill="${colour}"/>`,
      );
    }
    const last = pts.at(-1)!;
    const below = index > 0 && series.length > 1;
    const ly = below ? last.y + 17 : last.y - 9;
    parts.push(
      `<text x="${r1(Math.min(last.x, CHART_WIDTH - 4))}" y="${r1(Math.max(FONT, Math.min(ly, top + plotHeight - 2)))}" text-anchor="end" font-size="${SMALL}"${s.reference ? '' : ' font-weight="700"'}>${esc(s.reference ? `${s.label}: ${last.text}` : last.text)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

import { CHART_WIDTH, COLOURS } from '../regional/charts.ts';
import { formatDecimal } from '../regional/format.ts';
import { esc } from '../web/html.ts';

/**
 * The benchmark chart of the results page: per row (a respondent group) the region's score as a
 * filled dot on the answer scale, the other regions' middle half (q1-q3) as a grey band with their
 * median as a thick black line, and earlier rounds as open shapes. Drawn on the server in the same
 * 360-unit viewBox and colours as the regional charts (shared/regional/charts.ts); every mark also has
 * a shape and a line of text, so colour is never the only cue. No chart JavaScript: the SVG is
 * role="img" named by its <title> and a <desc> that holds every number, and the page puts the same
 * numbers in a table.
 */

const FONT = 13;
const SMALL = 12;
const BAND = '#dde1e5';
const r1 = (n: number) => Math.round(n * 10) / 10;

export interface EarlierPoint {
  /** The round's label, e.g. "Ronde 2025"; the same label gets the same shape in every row. */
  label: string;
  /** undefined: hidden in that round (the text line says so). */
  value: number | undefined;
}

export interface ScaleRow {
  label: string;
  /** The region's score; undefined when hidden. */
  value: number | undefined;
  /** The other regions: the middle half and the median; undefined when not shown. */
  benchmark?: { q1: number; median: number; q3: number };
  earlier: readonly EarlierPoint[];
  /** One line under the marks with the numbers (or the reason a number is hidden). */
  text: string;
}

const SHAPES = ['circle', 'square', 'triangle'] as const;

function earlierMark(shape: (typeof SHAPES)[number], x: number, y: number): string {
  const stroke = `fill="#ffffff" stroke="${COLOURS.own}" stroke-width="2"`;
  if (shape === 'circle') return `<circle cx="${r1(x)}" cy="${r1(y)}" r="5" ${stroke}/>`;
  if (shape === 'square') return `<rect x="${r1(x - 4.5)}" y="${r1(y - 4.5)}" width="9" height="9" ${stroke}/>`;
  return `<path d="M${r1(x)} ${r1(y - 6)}L${r1(x + 5.5)} ${r1(y + 4)}L${r1(x - 5.5)} ${r1(y + 4)}Z" ${stroke}/>`;
}

/** Splits a text line so it fits the 360-unit width at 12 units (about 56 characters). */
function wrap(text: string, max = 56): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A dot chart on a fixed scale (1-5 for themes, 1-10 for the grade). earlierLabels fixes the order of
 * the open shapes in the legend; at most three earlier rounds get their own shape.
 */
export function benchmarkChart(options: {
  id: string;
  title: string;
  description: string;
  min: number;
  max: number;
  rows: readonly ScaleRow[];
  earlierLabels: readonly string[];
}): string {
  const { id, min, max, rows } = options;
  const earlierLabels = options.earlierLabels.slice(0, SHAPES.length);
  const left = 14;
  const right = 14;
  const plotWidth = CHART_WIDTH - left - right;
  const x = (v: number) => left + ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * plotWidth;

  const parts: string[] = [];
  // Legend: one entry per line, each with its own shape.
  const legend: { mark: (lx: number, ly: number) => string; text: string }[] = [
    { mark: (lx, ly) => `<circle cx="${lx}" cy="${ly}" r="5.5" fill="${COLOURS.own}"/>`, text: 'Uw regio, deze ronde' },
    ...earlierLabels.map((label, i) => ({ mark: (lx: number, ly: number) => earlierMark(SHAPES[i]!, lx, ly), text: `Uw regio, ${label}` })),
    { mark: (lx: number, ly: number) => `<line x1="${lx}" y1="${ly - 8}" x2="${lx}" y2="${ly + 8}" stroke="${COLOURS.reference}" stroke-width="3"/>`, text: "Andere regio's: mediaan (streep)" },
    { mark: (lx: number, ly: number) => `<rect x="${lx - 8}" y="${ly - 6}" width="16" height="12" fill="${BAND}" stroke="${COLOURS.grid}"/>`, text: "Andere regio's: middelste helft (grijs vlak)" },
  ];
  let y = 4;
  for (const entry of legend) {
    parts.push(entry.mark(left + 7, y + 8), `<text x="${left + 22}" y="${y + 12}" font-size="${SMALL}">${esc(entry.text)}</text>`);
    y += 20;
  }
  // Scale: a label per whole point, with gridlines through all rows.
  y += 10;
  const axisY = y;
  y += 8;
  const rowParts: string[] = [];
  for (const row of rows) {
    const top = y;
    rowParts.push(`<text x="${left}" y="${r1(top + 14)}" font-weight="700">${esc(row.label)}</text>`);
    const mid = top + 30;
    const shownValue = row.value !== undefined && Number.isFinite(row.value);
    if (shownValue) {
      for (let t = Math.ceil(min); t <= max; t++) rowParts.push(`<line x1="${r1(x(t))}" y1="${r1(mid - 13)}" x2="${r1(x(t))}" y2="${r1(mid + 13)}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    }
    if (row.benchmark) {
      const b = row.benchmark;
      rowParts.push(`<rect x="${r1(x(b.q1))}" y="${r1(mid - 8)}" width="${r1(Math.max(1, x(b.q3) - x(b.q1)))}" height="16" fill="${BAND}" stroke="${COLOURS.grid}"/>`);
      rowParts.push(`<line x1="${r1(x(b.median))}" y1="${r1(mid - 11)}" x2="${r1(x(b.median))}" y2="${r1(mid + 11)}" stroke="${COLOURS.reference}" stroke-width="3"/>`);
    }
    row.earlier.forEach((e) => {
      const index = earlierLabels.indexOf(e.label);
      if (index >= 0 && e.value !== undefined && Number.isFinite(e.value)) rowParts.push(earlierMark(SHAPES[index]!, x(e.value), mid));
    });
    if (shownValue) rowParts.push(`<circle cx="${r1(x(row.value!))}" cy="${r1(mid)}" r="6" fill="${COLOURS.own}" stroke="#ffffff" stroke-width="1"/>`);
    // A hidden value: its reason where the marks would be, in italics.
    const lines = wrap(row.text);
    const first = shownValue ? mid + 29 : top + 32;
    lines.forEach((line, i) => {
      const italic = shownValue ? '' : ` font-style="italic" fill="${COLOURS.muted}"`;
      rowParts.push(`<text x="${left}" y="${r1(first + i * 15)}" font-size="${SMALL}"${italic}>${esc(line)}</text>`);
    });
    y = first + (lines.length - 1) * 15 + 16;
  }
  const height = y;
  for (let t = Math.ceil(min); t <= max; t++) {
    parts.push(`<text x="${r1(x(t))}" y="${axisY}" text-anchor="middle" font-size="${SMALL}" fill="${COLOURS.muted}">${esc(formatDecimal(t, 0))}</text>`);
  }
  parts.push(...rowParts);
  return (
    `<svg class="maoj-chart maoj-benchmark-chart" viewBox="0 0 ${CHART_WIDTH} ${r1(height)}" role="img" aria-labelledby="${id}-t ${id}-d" ` +
    `xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="${FONT}" fill="${COLOURS.text}">` +
    `<title id="${id}-t">${esc(options.title)}</title><desc id="${id}-d">${esc(options.description)}</desc>` +
    parts.join('') +
    '</svg>'
  );
}

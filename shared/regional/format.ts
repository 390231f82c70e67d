import type { AreaKind } from '../areas/model.ts';
import type { Figure, FigureResult, LackingState } from '../indicators/aggregate.ts';
import { PERIOD_TYPE_LABELS, type IndicatorDefinition, type Source } from '../indicators/catalogue.ts';

/**
 * Dutch number and state words for the regional pages, the CSV and the charts. A figure that is not a
 * number is never written as 0: it gets a word (geheim, onvolledig, ...) and, where known, the reason.
 */

const formatters = new Map<number, Intl.NumberFormat>();
function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) formatters.set(decimals, (f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f;
}

/** 862965 → "862.965"; 12.43 with 1 decimal → "12,4". */
export function formatDecimal(value: number, decimals: number): string {
  return formatter(decimals).format(value).replace('\u2212', '-');
}

/** A value with its unit: "12,4%", "3,2 per 1.000", "862.965" (counts carry their unit in the label). */
export function formatValue(value: number, definition: Pick<IndicatorDefinition, 'unit' | 'decimals'>): string {
  const number = formatDecimal(value, definition.decimals);
  if (definition.unit === 'procent') return `${number}%`;
  if (definition.unit === 'per-1000') return `${number} per 1.000`;
  return number;
}

/** Like formatValue, with the unit word for counts: "862.965 personen". */
export function formatValueWithUnit(value: number, definition: Pick<IndicatorDefinition, 'unit' | 'decimals'>): string {
  const text = formatValue(value, definition);
  return definition.unit === 'procent' || definition.unit === 'per-1000' ? text : `${text} ${definition.unit}`;
}

/** CSV: no thousands separator, decimal comma: 862965 → "862965", 12.43 → "12,4". */
export function csvNumber(value: number, decimals: number): string {
  return value.toFixed(decimals).replace('.', ',');
}

export type FigureState = FigureResult['state'];

/** One word (or two) per state, used in tables, the CSV status column and chart labels. */
export const STATE_WORDS: Record<FigureState, string> = {
  value: 'cijfer',
  secret: 'geheim',
  missing: 'geen cijfer',
  incomplete: 'onvolledig',
  'not-aggregatable': 'niet op te tellen',
  'zero-denominator': 'niet te berekenen',
  'not-available': 'niet beschikbaar',
  'no-data': 'geen cijfer',
};

const LACKING_WORDS: Record<LackingState, string> = {
  secret: 'geheim',
  missing: 'geen cijfer',
  'no-data': 'geen cijfer',
};

export const SECRET_EXPLANATION = 'Het CBS houdt dit cijfer geheim (in CBS-tabellen een punt: "."), meestal omdat het om heel weinig mensen gaat.';

/**
 * A sentence that explains a figure that is not a number, in B1 Dutch. nameOf turns a gemeente code
 * into a name (dissolved gemeenten too, if known).
 */
export function explainState(result: FigureResult, nameOf: (code: string) => string): string {
  switch (result.state) {
    case 'value':
      return '';
    case 'secret':
      return SECRET_EXPLANATION;
    case 'missing':
      return 'De bron geeft voor dit gebied geen cijfer.';
    case 'no-data':
      return 'Voor dit gebied en deze periode is er geen cijfer.';
    case 'incomplete': {
      const list = result.lacking.map((l) => `${nameOf(l.areaCode)} (${LACKING_WORDS[l.state]})`);
      const shown = list.length > 12 ? [...list.slice(0, 12), `en nog ${list.length - 12} andere`] : list;
      return `Er is geen totaal, omdat van ${list.length === 1 ? 'deze gemeente' : 'deze gemeenten'} een cijfer ontbreekt: ${joinDutch(shown)}. Wij tellen niet op zonder ${list.length === 1 ? 'die gemeente' : 'die gemeenten'}, want dan zou het totaal te laag zijn.`;
    }
    case 'not-aggregatable':
      return result.reason || 'Dit cijfer is niet op te tellen voor dit gebied.';
    case 'zero-denominator':
      return 'Het percentage is niet te berekenen, omdat het aantal waardoor we delen 0 is.';
    case 'not-available':
      return result.reason;
  }
}

/** "a", "a en b", "a, b en c". */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/** The short text for a figure in a table cell or chart label: "12,4%" or "geheim". */
export function figureText(figure: Figure | undefined, definition: IndicatorDefinition): string {
  if (!figure) return STATE_WORDS['no-data'];
  return figure.result.state === 'value' ? formatValue(figure.result.value, definition) : STATE_WORDS[figure.result.state];
}

export function isValue(figure: Figure | undefined): figure is Figure & { result: { state: 'value'; value: number } } {
  return figure?.result.state === 'value';
}

/** "2023 (op 1 januari)", "2022 (in het kalenderjaar)". */
export function periodText(period: string, definition: IndicatorDefinition): string {
  return `${period} (${PERIOD_TYPE_LABELS[definition.period]})`;
}

export const KIND_LABELS: Record<AreaKind, { one: string; many: string; short: string }> = {
  gemeente: { one: 'gemeente', many: 'gemeenten', short: 'gemeente' },
  'swv-po': { one: 'samenwerkingsverband passend onderwijs primair onderwijs', many: 'samenwerkingsverbanden PO', short: 'SWV PO' },
  'swv-vo': { one: 'samenwerkingsverband passend onderwijs voortgezet onderwijs', many: 'samenwerkingsverbanden VO', short: 'SWV VO' },
  jeugdregio: { one: 'jeugdregio', many: "jeugdregio's", short: 'jeugdregio' },
  provincie: { one: 'provincie', many: 'provincies', short: 'provincie' },
  nederland: { one: 'land', many: 'land', short: 'Nederland' },
};

/** 0.9642 → "96%"; 0.0357 → "4%"; small shares keep one decimal: 0.004 → "0,4%". */
export function formatShare(share: number): string {
  const pct = share * 100;
  return `${formatDecimal(pct, pct < 1 ? 1 : 0)}%`;
}

const updatedFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** "Cijfers bijgewerkt op 2 december 2026": the moment the published snapshot was compiled. */
export function updatedText(compiledAt: string): string {
  const date = new Date(compiledAt);
  return Number.isNaN(date.getTime()) ? 'Datum van bijwerken onbekend' : `Cijfers bijgewerkt op ${updatedFormat.format(date)}`;
}

/**
 * The table of a source in words: "tabel 85335NED", or what is known when the id is not known. With a
 * period: the table of that year when the source is a series of yearly tables.
 */
export function sourceTableText(s: Source, period?: string): string {
  const ofPeriod = period === undefined ? undefined : s.tableIdByPeriod?.[period];
  if (ofPeriod) return `tabel ${ofPeriod} (${period})`;
  if (s.tableId) return `tabel ${s.tableId}`;
  if (s.tableIdUnknown) return s.tableIdUnknown;
  return s.publisher.includes('maatwerk') ? 'maatwerktabel, geen openbaar tabelnummer' : 'tabelnummer niet bekend';
}

/** For the CSV column 'brontabel': the id of the row's year, the id(s), or the title with what is known. */
export function sourceTableCsv(s: Source, period?: string): string {
  const ofPeriod = period === undefined ? undefined : s.tableIdByPeriod?.[period];
  if (ofPeriod) return ofPeriod;
  if (s.tableId) return s.tableId;
  return `${s.title} (${sourceTableText(s)})`;
}

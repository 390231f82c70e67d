/**
 * One figure as a source delivers it. A suppressed or absent figure keeps its own state all the way to
 * the page: it is never turned into 0, because a 0 would be shown (and summed) as a real count.
 */
export type Cell =
  | { state: 'value'; value: number; /** The CBS marker the value came from, e.g. '-' (nihil). */ marker?: string }
  /** CBS '.', 'x' or 'geheim': the figure exists but is not published (too few cases, unreliable). */
  | { state: 'secret'; marker: string }
  /** Empty field: not published in this edition, not applicable, or the area did not exist. */
  | { state: 'missing' };

export const MISSING: Cell = Object.freeze({ state: 'missing' });

/**
 * How a column's text becomes a number. Declared per column in the file format, because copies of the
 * same CBS table differ: some lost their decimal commas on the way (see data/SOURCES.md).
 * - integer: `12345` (no separators at all).
 * - decimal-point: `12.5` or `12`.
 * - decimal-comma: `12,5` or `12` (StatLine CSV downloads).
 * - integer-tenths: the copy lost its decimal separator, so `68` means 6.8. A value that still has a
 *   separator is rejected: it shows the copy is not the one this rule was written for.
 */
export type NumberReading = 'integer' | 'decimal-point' | 'decimal-comma' | 'integer-tenths';

export const NUMBER_READINGS: Record<NumberReading, string> = {
  integer: 'whole number, no separators (12345)',
  'decimal-point': 'number with an optional decimal point (12.5)',
  'decimal-comma': 'number with an optional decimal comma (12,5)',
  'integer-tenths': 'whole number that stands for tenths, because the copy lost its decimal separator (68 = 6.8)',
};

/** Markers that CBS (and the made-to-order deliveries) use in number columns, after trimming. */
const SECRET_MARKERS = new Set(['.', 'x', 'X', 'geheim']);
/** CBS legend: '-' = nihil, a real zero. */
const NIHIL_MARKER = '-';

const PATTERNS: Record<NumberReading, RegExp> = {
  integer: /^-?\d+$/,
  'decimal-point': /^-?\d+(\.\d+)?$/,
  'decimal-comma': /^-?\d+(,\d+)?$/,
  'integer-tenths': /^-?\d+$/,
};

export type ReadFailure = { code: 'number-invalid' | 'number-decimals-unexpected' | 'number-not-finite'; message: string };

/** A number read from text that does not fit a double (about 310 digits or more) is Infinity: refused. */
function finite(text: string, value: number): Cell | ReadFailure {
  if (Number.isFinite(value)) return { state: 'value', value };
  return { code: 'number-not-finite', message: `"${text.length > 40 ? `${text.slice(0, 20)}...(${text.length} characters)` : text}" is too large to be a number` };
}

/**
 * Reads one trimmed field. Returns a Cell, or a failure that the parser turns into an error report line.
 * Pure and allocation-light: it runs for every cell of every imported file.
 */
export function readCell(raw: string, reading: NumberReading): Cell | ReadFailure {
  const text = raw.trim();
  if (text === '') return MISSING;
  if (SECRET_MARKERS.has(text)) return { state: 'secret', marker: text };
  if (text === NIHIL_MARKER) return { state: 'value', value: 0, marker: NIHIL_MARKER };
  if (PATTERNS[reading].test(text)) {
    switch (reading) {
      case 'integer':
      case 'decimal-point':
        return finite(text, Number(text));
      case 'decimal-comma':
        return finite(text, Number(text.replace(',', '.')));
      case 'integer-tenths':
        return finite(text, Number(text) / 10);
    }
  }
  if (reading === 'integer-tenths' && /^-?\d+[.,]\d+$/.test(text)) {
    return {
      code: 'number-decimals-unexpected',
      message: `"${text}" has a decimal separator, but this column is read as whole tenths (68 = 6.8); this copy of the file is not the one the format was written for`,
    };
  }
  return { code: 'number-invalid', message: `"${text}" is not a number (${NUMBER_READINGS[reading]})` };
}

export function isReadFailure(result: Cell | ReadFailure): result is ReadFailure {
  return 'code' in result;
}

/**
 * The project's CSV files, written for Dutch-locale Excel: UTF-8 with a byte order mark, ';' between
 * fields, a decimal comma. One cell rule for every file (regional figures, benchmark results).
 */
export const BOM = '\uFEFF';

/** A number as these files write it: "3,4", "-0,2", "40". */
const NUMBER = /^-?\d+(,\d+)?$/;

/**
 * OWASP's rule against CSV injection: a text cell that starts with =, +, -, @, a tab or a carriage
 * return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a
 * formula. Numbers (also negative ones) stay numbers. Then the usual quoting for ';', '"' and line breaks.
 */
export function csvCell(value: string): string {
  const neutralised = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value);
  const safe = neutralised ? `'${value}` : value;
  return neutralised || /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

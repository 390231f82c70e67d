import { isUtf8 } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';
import * as z from 'zod';
import {
  AreaDataError,
  buildAreaSet,
  kindOfCode,
  normaliseName,
  type AreaSet,
  type AreaSources,
} from '../areas/model.ts';
import { detectDelimiter, readTable } from '../areas/table.ts';
import { INDICATORS_BY_ID } from './catalogue.ts';
import { FORMATS, type AreaConversion, type AreaFileFormat, type FileFormat, type IndicatorFileFormat, type PeriodReading } from './formats.ts';
import { isReadFailure, readCell, type Cell } from './values.ts';

/**
 * Reads one dropped source file: recognises its layout from the header, validates every row, and either
 * returns all observations or rejects the file as a whole with a machine-readable error report. Pure:
 * no I/O, so the import Lambda, the site build and the tests all call the same code.
 */

export type ImportErrorCode =
  | 'encoding-invalid'
  | 'file-empty'
  | 'csv-malformed'
  | 'format-unknown'
  | 'format-ambiguous'
  | 'delimiter-wrong'
  | 'column-missing'
  | 'column-duplicate'
  | 'no-data-rows'
  | 'column-count'
  | 'area-missing'
  | 'area-invalid'
  | 'area-unknown'
  | 'area-kind-not-accepted'
  | 'area-dissolved'
  | 'period-invalid'
  | 'period-not-in-file-name'
  | 'number-invalid'
  | 'number-decimals-unexpected'
  | 'number-not-finite'
  | 'value-out-of-range'
  | 'row-duplicate'
  | 'value-invalid'
  | 'area-data-inconsistent'
  /** The snapshot compiled with this file fails the check before publishing (shared/imports/validate.ts). */
  | 'snapshot-invalid';

export interface ImportError {
  file: string;
  /** 1-based line in the file; 0 = the file as a whole. */
  line: number;
  /** Header name of the column, when the error is about one field. */
  column?: string;
  code: ImportErrorCode;
  message: string;
}

export interface Observation {
  indicatorId: string;
  areaCode: string;
  /** 'yyyy', or 'yyyy/yyyy' for a school year. */
  period: string;
  cell: Cell;
  /** CBS marked the period as provisional ('2022*'). */
  provisional: boolean;
  formatId: string;
  line: number;
}

export interface SkippedRows {
  reason: string;
  count: number;
  firstLine: number;
}

export type ParseResult =
  | {
      ok: true;
      kind: 'indicators';
      file: string;
      format: IndicatorFileFormat;
      observations: Observation[];
      /** Rows left out on purpose (filters, wijken, gemeenten dissolved before the crosswalk), counted. */
      skipped: SkippedRows[];
      rowsRead: number;
    }
  | {
      ok: true;
      kind: 'areas';
      file: string;
      format: AreaFileFormat;
      /** The area sources with this file in place; store the text and rebuild with these. */
      areaSources: AreaSources;
      areaSet: AreaSet;
      rowsRead: number;
      /** A publisher's layout (DUO): rows left out on purpose (areas the monitor does not have), counted. */
      skipped?: SkippedRows[];
    }
  | { ok: false; file: string; formatId?: string; errors: ImportError[]; /** More errors existed. */ truncated: boolean };

export interface ParseContext {
  areaSet: AreaSet;
  /** The area tables the area set was built from; an area file replaces one of them. */
  areaSources: AreaSources;
  /** Stop collecting after this many errors (default 100). */
  maxErrors?: number;
  formats?: readonly FileFormat[];
}

const DEFAULT_MAX_ERRORS = 100;

class ErrorLimitReached extends Error {}

class ErrorCollector {
  readonly errors: ImportError[] = [];
  truncated = false;
  constructor(
    private readonly file: string,
    private readonly max: number,
  ) {}
  add(line: number, code: ImportErrorCode, message: string, column?: string): void {
    if (this.errors.length >= this.max) {
      this.truncated = true;
      throw new ErrorLimitReached();
    }
    this.errors.push({ file: this.file, line, ...(column !== undefined ? { column } : {}), code, message });
  }
}

// ---------------------------------------------------------------------------------------------------
// Periods

type PeriodValue = { period: string; year: number; provisional: boolean };

const CBS_PERIOD = /^(\d{4})(?:JJ00)?\s*(\*{1,2})?$/;
const DMY_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const SCHOOL_YEAR = /^(\d{4})\s*[-/]\s*(\d{4})$/;

/** Zod schemas per period reading: string in, PeriodValue out, with a stable issue code. */
function periodSchema(reading: Exclude<PeriodReading, { kind: 'fixed' }>) {
  return z.string().transform((raw, ctx): PeriodValue => {
    const text = raw.trim();
    const fail = (expected: string) => {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a period (${expected})`, params: { code: 'period-invalid' } });
      return z.NEVER;
    };
    switch (reading.kind) {
      case 'cbs-period': {
        const m = CBS_PERIOD.exec(text);
        if (!m) return fail('expected 2019JJ00, 2022* or 2022');
        return { period: m[1]!, year: Number(m[1]), provisional: m[2] !== undefined };
      }
      case 'year': {
        if (!/^\d{4}$/.test(text)) return fail('expected a year such as 2024');
        return { period: text, year: Number(text), provisional: false };
      }
      case 'date-dmy': {
        const m = DMY_DATE.exec(text);
        if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 1 || Number(m[1]) > 31) return fail('expected a date such as 1-1-2018');
        return { period: m[3]!, year: Number(m[3]), provisional: false };
      }
      case 'school-year': {
        const m = SCHOOL_YEAR.exec(text);
        if (!m || Number(m[2]) !== Number(m[1]) + 1) return fail('expected a school year such as 2022-2023');
        return { period: `${m[1]}/${m[2]}`, year: Number(m[1]), provisional: false };
      }
    }
  });
}

function cellSchema(indicatorId: string, read: IndicatorFileFormat['values'][number]['read']) {
  const definition = INDICATORS_BY_ID.get(indicatorId);
  const range = definition?.range;
  return z.string().transform((raw, ctx): Cell => {
    const cell = readCell(raw, read);
    if (isReadFailure(cell)) {
      ctx.addIssue({ code: 'custom', message: cell.message, params: { code: cell.code } });
      return z.NEVER;
    }
    if (cell.state === 'value' && range && !(cell.value >= range.min && cell.value <= range.max)) {
      ctx.addIssue({
        code: 'custom',
        message: `${cell.value} is outside the plausible range ${range.min} to ${range.max} for ${indicatorId}`,
        params: { code: 'value-out-of-range' },
      });
      return z.NEVER;
    }
    return cell;
  });
}

function issueCode(error: z.ZodError): { code: ImportErrorCode; message: string } {
  const issue = error.issues[0]!;
  const code = (issue as { params?: { code?: ImportErrorCode } }).params?.code ?? 'value-invalid';
  return { code, message: issue.message };
}

// ---------------------------------------------------------------------------------------------------
// Reading the CSV and recognising the layout

interface RawRecord {
  fields: string[];
  line: number;
}

/**
 * The file as csv-parse reads it, without a BOM: a Buffer stays a Buffer (csv-parse reads bytes, so a
 * 100 MB file is never also held as one 100 MB string), checked for UTF-8 without decoding it.
 * `head` is the decoded start of the file, for the delimiter of the header line.
 */
function prepare(bytes: Buffer | Uint8Array | string): { data: Buffer | string; head: string; blank: boolean } | undefined {
  if (typeof bytes === 'string') {
    const text = bytes.charCodeAt(0) === 0xfeff ? bytes.slice(1) : bytes;
    return { data: text, head: text.slice(0, 65_536), blank: /^\s*$/.test(text) };
  }
  let buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) return undefined;
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
  let blank = true;
  for (let i = 0; i < buffer.length && blank; i++) {
    const b = buffer[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) blank = false;
  }
  return { data: buffer, head: buffer.subarray(0, 65_536).toString('utf8'), blank };
}

/** Thrown from the record callback to stop reading a file whose header already failed. */
class StopReading extends Error {}

/**
 * Reads the records one by one (csv-parse's record callback), never holding all rows: `onRecord`
 * gets each record with its 1-based line. Returns the number of records read.
 */
function readRecords(data: Buffer | string, delimiter: string, onRecord: (record: RawRecord) => void): number {
  let count = 0;
  parse(data, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (fields: string[], context: { lines: number }) => {
      count++;
      onRecord({ fields, line: context.lines });
      return null;
    },
  });
  return count;
}

type Recognition =
  | { kind: 'match'; format: FileFormat }
  | { kind: 'missing'; format: FileFormat; missing: string[] }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; formats: FileFormat[] };

function recognise(header: readonly string[], formats: readonly FileFormat[]): Recognition {
  const present = new Set(header);
  const full = formats.filter((f) => f.requiredColumns.every((c) => present.has(c)));
  if (full.length > 0) {
    // The most specific layout wins (a superset of columns); a tie between layouts is reported.
    const most = Math.max(...full.map((f) => f.requiredColumns.length));
    const best = full.filter((f) => f.requiredColumns.length === most);
    return best.length === 1 ? { kind: 'match', format: best[0]! } : { kind: 'ambiguous', formats: best };
  }
  let best: { format: FileFormat; hits: number } | undefined;
  for (const format of formats) {
    const hits = format.requiredColumns.filter((c) => present.has(c)).length;
    if (!best || hits / format.requiredColumns.length > best.hits / best.format.requiredColumns.length) best = { format, hits };
  }
  // Close enough to one layout to say which columns are missing, rather than "unknown file".
  if (best && best.hits >= 2 && best.hits * 2 >= best.format.requiredColumns.length) {
    return { kind: 'missing', format: best.format, missing: best.format.requiredColumns.filter((c) => !present.has(c)) };
  }
  return { kind: 'unknown' };
}

// ---------------------------------------------------------------------------------------------------

export function parseSourceFile(fileName: string, bytes: Buffer | Uint8Array | string, context: ParseContext): ParseResult {
  const collector = new ErrorCollector(fileName, context.maxErrors ?? DEFAULT_MAX_ERRORS);
  let formatId: string | undefined;
  const fail = (): ParseResult => ({ ok: false, file: fileName, ...(formatId ? { formatId } : {}), errors: collector.errors, truncated: collector.truncated });
  try {
    const input = prepare(bytes);
    if (input === undefined) {
      collector.add(0, 'encoding-invalid', 'the file is not valid UTF-8 (save it as "CSV UTF-8")');
      return fail();
    }
    if (input.blank) {
      collector.add(0, 'file-empty', 'the file is empty');
      return fail();
    }
    const delimiter = detectDelimiter(input.head) ?? ',';
    let rows: RowReader | undefined;
    let count: number;
    try {
      count = readRecords(input.data, delimiter, (record) => {
        if (rows) return rows.row(record);
        rows = startFile(fileName, record, delimiter, context, collector, (id) => (formatId = id));
        if (!rows) throw new StopReading();
      });
    } catch (error) {
      if (error instanceof StopReading) return fail();
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines ?? 0;
        const reason = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is not closed (is the file cut off?)' : error.message;
        collector.add(line, 'csv-malformed', `${reason} [${error.code}]`);
        return fail();
      }
      throw error;
    }
    if (!rows) {
      collector.add(0, 'file-empty', 'the file is empty');
      return fail();
    }
    if (count < 2) {
      collector.add(2, 'no-data-rows', 'the file has a header but no data rows');
      return fail();
    }
    const result = rows.finish(() => (typeof input.data === 'string' ? input.data : input.data.toString('utf8')));
    return collector.errors.length > 0 || !result ? fail() : result;
  } catch (error) {
    if (error instanceof ErrorLimitReached) return fail();
    throw error;
  }
}

interface RowReader {
  row(record: RawRecord): void;
  /** After the last row; `text` gives the whole file as text (area files keep it). */
  finish(text: () => string): ParseResult | undefined;
}

/** Recognises the layout from the header record; undefined (with errors collected) when it fails. */
function startFile(
  fileName: string,
  first: RawRecord,
  delimiter: string,
  context: ParseContext,
  collector: ErrorCollector,
  setFormatId: (id: string) => void,
): RowReader | undefined {
  {
    const header = first.fields.map((h) => h.trim());
    const formats = context.formats ?? FORMATS;
    const recognition = recognise(header, formats);
    if (recognition.kind === 'unknown') {
      collector.add(1, 'format-unknown', `the header matches no known file layout (known: ${formats.map((f) => f.id).join(', ')}); see docs/import-formats.md`);
      return undefined;
    }
    if (recognition.kind === 'ambiguous') {
      collector.add(1, 'format-ambiguous', `the header matches several layouts: ${recognition.formats.map((f) => f.id).join(', ')}`);
      return undefined;
    }
    const formatId = recognition.format.id;
    setFormatId(formatId);
    if (recognition.kind === 'missing') {
      for (const column of recognition.missing) {
        collector.add(1, 'column-missing', `column "${column}" is required by layout ${formatId}`, column);
      }
      return undefined;
    }
    const format = recognition.format;
    if (!format.delimiters.includes(delimiter as never)) {
      collector.add(1, 'delimiter-wrong', `the file is separated by "${delimiter}", layout ${format.id} uses ${format.delimiters.map((d) => `"${d}"`).join(' or ')}`);
      return undefined;
    }
    const seen = new Set<string>();
    for (const column of header) {
      if (format.requiredColumns.includes(column) && seen.has(column)) collector.add(1, 'column-duplicate', `column "${column}" occurs twice in the header`, column);
      seen.add(column);
    }
    if (collector.errors.length > 0) return undefined;
    return format.kind === 'indicators'
      ? indicatorRows(fileName, format, header, context, collector)
      : areaRows(fileName, format, header, context, collector);
  }
}

function checkColumnCount(record: RawRecord, width: number, collector: ErrorCollector): boolean {
  if (record.fields.length === width) return true;
  collector.add(
    record.line,
    'column-count',
    `the row has ${record.fields.length} fields, the header has ${width} (wrong delimiter in this row, or the file is cut off?)`,
  );
  return false;
}

function indicatorRows(
  fileName: string,
  format: IndicatorFileFormat,
  header: string[],
  context: ParseContext,
  collector: ErrorCollector,
): RowReader | undefined {
  const { areaSet } = context;
  const index = (column: string) => header.indexOf(column);
  const areaIndex = index(format.area.column);
  const periodIndex = format.period.kind === 'fixed' ? -1 : index(format.period.column);
  const filters = (format.filters ?? []).map((f) => ({ ...f, index: index(f.column), keep: new Set(f.keep) }));
  const values = format.values.map((v) => ({ ...v, index: index(v.column), schema: cellSchema(v.indicator, v.read), only: v.onlyPeriods ? new Set(v.onlyPeriods) : undefined }));
  const readPeriod = format.period.kind === 'fixed' ? undefined : periodSchema(format.period);
  const aliases = format.area.kind === 'code' ? (format.area.aliases ?? {}) : {};

  let fixedPeriod: PeriodValue | undefined;
  if (format.period.kind === 'fixed') {
    if (!fileName.includes(format.period.fileNameMustContain)) {
      collector.add(0, 'period-not-in-file-name', `layout ${format.id} has no period column; the file name must contain "${format.period.fileNameMustContain}" to confirm the period ${format.period.period}`);
      return undefined;
    }
    fixedPeriod = { period: format.period.period, year: Number(format.period.period), provisional: false };
  }

  const skipped = new Map<string, SkippedRows>();
  const skip = (reason: string, line: number) => {
    const entry = skipped.get(reason);
    if (entry) entry.count++;
    else skipped.set(reason, { reason, count: 1, firstLine: line });
  };
  const observations: Observation[] = [];
  const firstLineOf = new Map<string, number>();
  let rowsRead = 0;

  const row = (record: RawRecord): void => {
    if (!checkColumnCount(record, header.length, collector)) return;
    const fields = record.fields;
    for (const filter of filters) {
      if (!filter.keep.has(fields[filter.index]!.trim())) {
        skip(`${filter.column} is not ${[...filter.keep].join(' or ')} (${filter.why})`, record.line);
        return;
      }
    }
    rowsRead++;

    let period = fixedPeriod;
    if (readPeriod) {
      const parsed = readPeriod.safeParse(fields[periodIndex]!);
      if (!parsed.success) {
        const { code, message } = issueCode(parsed.error);
        collector.add(record.line, code, message, header[periodIndex]);
        return;
      }
      period = parsed.data;
    }

    const rawArea = fields[areaIndex]!.trim();
    if (rawArea === '') {
      collector.add(record.line, 'area-missing', 'no area code or name', format.area.column);
      return;
    }
    let areaCode: string;
    if (format.area.kind === 'name') {
      const code = areaSet.codeByName.get(normaliseName(rawArea));
      if (!code) {
        collector.add(record.line, 'area-unknown', `"${rawArea}" is not a known gemeente name`, format.area.column);
        return;
      }
      areaCode = code;
    } else {
      areaCode = aliases[rawArea] ?? rawArea;
      if (format.skipAreaCodes?.test(areaCode)) {
        skip('area is a wijk, buurt, landsdeel or COROP region (not shown in the monitor)', record.line);
        return;
      }
    }
    const kind = kindOfCode(areaCode);
    if (!kind) {
      collector.add(record.line, 'area-invalid', `"${rawArea}" is not an area code (GM0363, PO 27-07, VO 27-08, JZ13, PV27 or NL01)`, format.area.column);
      return;
    }
    if (!format.areaKinds.includes(kind)) {
      collector.add(record.line, 'area-kind-not-accepted', `layout ${format.id} does not accept ${kind} figures ("${rawArea}")`, format.area.column);
      return;
    }
    if (kind === 'gemeente' && !areaSet.gemeenten.has(areaCode)) {
      const dissolved = areaSet.dissolved.get(areaCode);
      if (dissolved) {
        if (period!.year >= dissolved.firstYearGone) {
          collector.add(
            record.line,
            'area-dissolved',
            `${areaCode} (${dissolved.name}) no longer existed in ${period!.period}: it merged into ${dissolved.successorCode} (between ${dissolved.lastYearCertain + 1} and ${dissolved.firstYearGone})`,
            format.area.column,
          );
          return;
        }
      } else if (period!.year < areaSet.crosswalkFromYear) {
        skip(`gemeente dissolved before ${areaSet.crosswalkFromYear}: not in the herindelingen list, so it belongs to no current area`, record.line);
        return;
      } else {
        collector.add(record.line, 'area-unknown', `${areaCode} is not a gemeente of ${areaSet.indelingYear} nor in the herindelingen list`, format.area.column);
        return;
      }
    } else if (kind !== 'gemeente' && !areaSet.areas.has(areaCode)) {
      collector.add(record.line, 'area-unknown', `${areaCode} is not a known ${kind}`, format.area.column);
      return;
    }

    for (const value of values) {
      if (value.only && !value.only.has(period!.period)) continue;
      const parsed = value.schema.safeParse(fields[value.index]!);
      if (!parsed.success) {
        const { code, message } = issueCode(parsed.error);
        collector.add(record.line, code, message, value.column);
        continue;
      }
      const key = `${value.indicator}|${areaCode}|${period!.period}`;
      const first = firstLineOf.get(key);
      if (first !== undefined) {
        collector.add(record.line, 'row-duplicate', `${areaCode} ${period!.period} ${value.indicator} was already given on line ${first}`, value.column);
        continue;
      }
      firstLineOf.set(key, record.line);
      observations.push({
        indicatorId: value.indicator,
        areaCode,
        period: period!.period,
        cell: parsed.data,
        provisional: period!.provisional,
        formatId: format.id,
        line: record.line,
      });
    }
  };
  const finish = (): ParseResult | undefined => {
    if (rowsRead === 0 && collector.errors.length === 0) {
      collector.add(0, 'no-data-rows', 'no row passed the layout\'s row filters');
    }
    return { ok: true, kind: 'indicators', file: fileName, format, observations, skipped: [...skipped.values()], rowsRead };
  };
  return { row, finish };
}

function areaRows(
  fileName: string,
  format: AreaFileFormat,
  header: string[],
  context: ParseContext,
  collector: ErrorCollector,
): RowReader {
  const schema = z.object(
    Object.fromEntries(
      Object.entries(format.columnPatterns).map(([column, pattern]) => [
        column,
        z.string().transform((raw, ctx) => {
          const text = raw.trim();
          if (!pattern.test(text)) ctx.addIssue({ code: 'custom', message: `"${text}" does not match ${pattern}`, params: { code: 'value-invalid' } });
          return text;
        }),
      ]),
    ),
  );
  const conversion = format.conversion;
  const columns = [...new Set([...Object.keys(format.columnPatterns), ...(conversion?.columns.map(([, source]) => source) ?? [])])];
  const firstLineOf = new Map<string, number>();
  const converted: string[][] = [];
  const skipped = new Map<string, SkippedRows>();
  let rowsRead = 0;
  const row = (record: RawRecord): void => {
    rowsRead++;
    if (!checkColumnCount(record, header.length, collector)) return;
    const values = Object.fromEntries(
      columns.map((c) => {
        const raw = record.fields[header.indexOf(c)]!;
        const normalise = conversion?.normalise?.[c];
        return [c, normalise ? normalise(raw) : raw];
      }),
    );
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) collector.add(record.line, 'value-invalid', issue.message, String(issue.path[0]));
      return;
    }
    const data = parsed.data as Record<string, string>;
    const key = data[format.uniqueColumn]!;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      collector.add(record.line, 'row-duplicate', `${key} was already given on line ${first}`, format.uniqueColumn);
      return;
    }
    firstLineOf.set(key, record.line);
    if (!conversion) return;
    const unknown = conversion.skipUnknownAreas;
    if (unknown && !context.areaSet.areas.has(data[unknown.column]!)) {
      const reason = `${unknown.column} is not an area of the monitor (${unknown.why})`;
      const entry = skipped.get(reason);
      if (entry) entry.count++;
      else skipped.set(reason, { reason, count: 1, firstLine: record.line });
      return;
    }
    converted.push(conversion.columns.map(([, source]) => data[source] ?? record.fields[header.indexOf(source)]!.trim()));
  };
  const finish = (text: () => string): ParseResult | undefined => {
    if (!conversion) return finishAreas(fileName, text(), format, rowsRead, context, collector);
    if (collector.errors.length === 0 && converted.length === 0) {
      collector.add(0, 'no-data-rows', `no row names an area of the monitor (${[...skipped.values()].map((s) => `${s.count} skipped: ${s.reason}`).join('; ')})`);
    }
    if (collector.errors.length > 0) return undefined;
    const table = convertedTable(conversion, converted, context.areaSources[format.replaces]);
    const result = finishAreas(fileName, table, format, rowsRead, context, collector);
    return result?.ok && result.kind === 'areas' ? { ...result, skipped: [...skipped.values()] } : result;
  };
  return { row, finish };
}

/** One CSV field for a table the import writes itself (read back with readTable: `;`, quotes, trimmed). */
const tableField = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The native table text for a converted file: the rows of the table loaded before whose group (PO, VO)
 * the file does not hold, then the file's own rows; header in the native layout, `;` separated.
 */
function convertedTable(conversion: AreaConversion, rows: readonly string[][], current: string | undefined): string {
  const nativeColumns = conversion.columns.map(([native]) => native);
  const groupIndex = nativeColumns.indexOf(conversion.replaceGroups.nativeColumn);
  const { groupOf } = conversion.replaceGroups;
  const groups = new Set(rows.map((r) => groupOf(r[groupIndex]!)));
  const kept = current
    ? readTable(current)
        .filter((r) => !groups.has(groupOf(r[conversion.replaceGroups.nativeColumn] ?? '')))
        .map((r) => nativeColumns.map((c) => r[c] ?? ''))
    : [];
  return [nativeColumns, ...kept, ...rows].map((r) => r.map(tableField).join(';')).join('\n') + '\n';
}

function finishAreas(fileName: string, text: string, format: AreaFileFormat, rowsRead: number, context: ParseContext, collector: ErrorCollector): ParseResult | undefined {
  if (collector.errors.length > 0) return undefined;
  // Row checks passed; now the file must also fit the other area tables (every gemeente in one
  // provincie, jeugdregio and SWV; successors exist; ...). Otherwise the file is rejected as a whole.
  const areaSources: AreaSources = { ...context.areaSources, [format.replaces]: text };
  try {
    const areaSet = buildAreaSet(areaSources, context.areaSet.indelingYear);
    return { ok: true, kind: 'areas', file: fileName, format, areaSources, areaSet, rowsRead };
  } catch (error) {
    if (!(error instanceof AreaDataError)) throw error;
    for (const problem of error.problems) collector.add(0, 'area-data-inconsistent', problem);
    return undefined;
  }
}

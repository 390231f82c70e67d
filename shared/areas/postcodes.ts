import { CODE_PATTERNS, normaliseName, type AreaSet } from './model.ts';
import { readTable } from './table.ts';

/**
 * Postcode areas (PC4) → gemeente of the current indeling and SWV PO / VO, for the search.
 *
 * The source is the postcode table of the Regeling regio-indeling samenwerkingsverbanden passend
 * onderwijs (2015), copied unchanged to data/areas/swv_pc4_regeling_2015.csv (197 KB, gemeenten of
 * 2015). The search function bundles a derived, range-compressed table instead
 * (data/areas/pc4_gemeente_swv_2025_derived.csv, about a quarter of the size): consecutive postcodes
 * with the same 2025 gemeente and SWVs are one row. `derivePostcodeRanges` makes it from the copy and
 * the bundled herindelingen; a unit test proves the bundled file is exactly its output.
 */

export interface PostcodeArea {
  /** Four digits, e.g. "3511". */
  pc4: string;
  /** Gemeente of the current indeling (GM code). */
  gemeenteCode: string;
  /** SWV codes ("PO 26-01", "VO 26-01"); undefined where the Regeling names none (Europoort). */
  swvPo: string | undefined;
  swvVo: string | undefined;
}

export interface PostcodeTable {
  lookup(pc4: string): PostcodeArea | undefined;
  /** Number of postcode areas in the table. */
  readonly size: number;
}

export const POSTCODE_RANGES_HEADER = 'pc4_van,pc4_tot,gemeentecode,swv_po,swv_vo';

const compactName = (s: string) => normaliseName(s).replace(/[^a-z0-9]+/g, '');

/**
 * The range table from the Regeling's postcode table: each 2015 gemeente name is found among the
 * current and dissolved gemeenten (letters and digits only, so "Sudwest Fryslan" meets
 * "Súdwest-Fryslân"); a dissolved gemeente goes to its successor. Throws on a name it cannot place.
 */
export function derivePostcodeRanges(regelingCsv: string, areaSet: AreaSet): string {
  const byName = new Map<string, string>();
  for (const [name, code] of areaSet.codeByName) byName.set(compactName(name), code);
  const rows: { pc4: number; gemeenteCode: string; po: string; vo: string }[] = [];
  const unknown = new Set<string>();
  for (const row of readTable(regelingCsv)) {
    const pc4 = row.pc4 ?? '';
    if (!/^\d{4}$/.test(pc4)) throw new Error(`swv_pc4_regeling_2015: "${pc4}" is not a 4-digit postcode`);
    const name = row.gemeente_regeling ?? '';
    let code = byName.get(compactName(name));
    if (code && areaSet.dissolved.has(code)) code = areaSet.dissolved.get(code)!.successorCode;
    if (!code || !areaSet.gemeenten.has(code)) {
      unknown.add(name);
      continue;
    }
    const po = row.swv_po_code ?? '';
    const vo = row.swv_vo_code ?? '';
    if (po && !CODE_PATTERNS['swv-po'].test(po)) throw new Error(`swv_pc4_regeling_2015: ${pc4}: "${po}" is not a PO code`);
    if (vo && !CODE_PATTERNS['swv-vo'].test(vo)) throw new Error(`swv_pc4_regeling_2015: ${pc4}: "${vo}" is not a VO code`);
    rows.push({ pc4: Number(pc4), gemeenteCode: code, po, vo });
  }
  if (unknown.size > 0) throw new Error(`swv_pc4_regeling_2015: gemeenten not found: ${[...unknown].join(', ')}`);
  rows.sort((a, b) => a.pc4 - b.pc4);
  const out = [POSTCODE_RANGES_HEADER];
  let start: (typeof rows)[number] | undefined;
  let last: (typeof rows)[number] | undefined;
  const flush = () => {
    if (start && last) out.push([pad(start.pc4), pad(last.pc4), start.gemeenteCode, start.po, start.vo].join(','));
  };
  for (const row of rows) {
    if (start && last && row.pc4 === last.pc4 + 1 && row.gemeenteCode === start.gemeenteCode && row.po === start.po && row.vo === start.vo) {
      last = row;
      continue;
    }
    flush();
    start = last = row;
  }
  flush();
  return `${out.join('\n')}\n`;
}

const pad = (n: number) => String(n).padStart(4, '0');

/** Reads the range table into a lookup (one array of 10,000 slots: a postcode is one index). */
export function parsePostcodeRanges(csv: string): PostcodeTable {
  const lines = csv.split(/\r?\n/).filter((l) => l !== '');
  if (lines[0] !== POSTCODE_RANGES_HEADER) throw new Error(`postcode ranges: header is not "${POSTCODE_RANGES_HEADER}"`);
  const slots: (PostcodeArea | undefined)[] = new Array(10_000);
  let size = 0;
  for (const line of lines.slice(1)) {
    const [from, to, gemeenteCode, po, vo] = line.split(',');
    const a = Number(from);
    const b = Number(to);
    if (!/^\d{4}$/.test(from ?? '') || !/^\d{4}$/.test(to ?? '') || b < a || !gemeenteCode || !CODE_PATTERNS.gemeente.test(gemeenteCode)) {
      throw new Error(`postcode ranges: bad line "${line}"`);
    }
    for (let n = a; n <= b; n++) {
      slots[n] = { pc4: pad(n), gemeenteCode, swvPo: po || undefined, swvVo: vo || undefined };
      size++;
    }
  }
  return {
    size,
    lookup: (pc4) => (/^\d{4}$/.test(pc4) ? slots[Number(pc4)] : undefined),
  };
}

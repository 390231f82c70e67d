import { readTable } from './table.ts';

/**
 * The areas the monitor shows figures for, and which gemeenten make up each of them.
 *
 * Every group area (SWV, jeugdregio, provincie, Nederland) is defined as a set of gemeenten of the current
 * indeling, each with a share. Jeugdregio's, provincies and Nederland consist of whole gemeenten
 * (share 1). A samenwerkingsverband passend onderwijs is defined per postcode area (PC4) in the Regeling
 * regio-indeling (2015); a gemeente whose postcode areas lie in more than one SWV is split, and its
 * share in each SWV is its number of postcode areas in that SWV divided by its postcode areas that
 * belong to any SWV (see SPLIT_RULE).
 */

export type AreaKind = 'gemeente' | 'swv-po' | 'swv-vo' | 'jeugdregio' | 'provincie' | 'nederland';
export type GroupKind = Exclude<AreaKind, 'gemeente'>;

export const AREA_KINDS: readonly AreaKind[] = ['gemeente', 'swv-po', 'swv-vo', 'jeugdregio', 'provincie', 'nederland'];

export const NEDERLAND_CODE = 'NL01';

/** Code patterns as they appear in the sources: GM0363, PO 27-07, VO 27-08, JZ13, PV27, NL01. */
export const CODE_PATTERNS: Record<AreaKind, RegExp> = {
  gemeente: /^GM\d{4}$/,
  'swv-po': /^PO \d{2}-\d{2}$/,
  'swv-vo': /^VO \d{2}-\d{2}$/,
  jeugdregio: /^JZ\d{2}$/,
  provincie: /^PV\d{2}$/,
  nederland: /^NL01$/,
};

/** The rule for gemeenten that lie in more than one SWV; stated on the pages of both areas. */
export const SPLIT_RULE = {
  id: 'postcode-share',
  description:
    'Een gemeente die in meer dan één samenwerkingsverband ligt, telt mee naar het aandeel van haar ' +
    'postcodegebieden (4 cijfers) in dat samenwerkingsverband, volgens de Regeling regio-indeling ' +
    'samenwerkingsverbanden passend onderwijs (2015). Postcodegebieden die bij geen samenwerkingsverband ' +
    'horen (Europoort in Rotterdam) tellen niet mee. Dit is een benadering: het aantal inwoners of ' +
    'leerlingen per postcodegebied is niet gelijk.',
} as const;

export interface Area {
  kind: AreaKind;
  /** The code as in the sources: GM0363, PO 27-07, JZ13, PV27, NL01. */
  code: string;
  /** URL-safe, stable: gm0363, po-27-07, vo-27-08, jz13, pv27, nl01. */
  slug: string;
  name: string;
  /** False when the name is made from the code because no names file was loaded (SWVs). */
  hasOwnName: boolean;
}

export interface GemeenteArea extends Area {
  kind: 'gemeente';
  provincieCode: string;
  jeugdregioCode: string;
}

export interface Membership {
  gemeenteCode: string;
  groupCode: string;
  groupKind: GroupKind;
  /** Fraction of the gemeente that counts for the group: 1 for whole gemeenten. */
  share: number;
  /** For SWVs: postcode areas of the gemeente in this SWV, and in any SWV. */
  postcodeAreas?: number;
  postcodeAreasInGemeente?: number;
}

export interface DissolvedGemeente {
  code: string;
  name: string;
  /** The current gemeente that contains it (for gemeenten split over several successors: the one
   * that contains its CBS label point; see data/SOURCES.md). */
  successorCode: string;
  /** The code certainly existed on 1 January of this year and earlier. */
  lastYearCertain: number;
  /** The code certainly no longer existed on 1 January of this year and later. */
  firstYearGone: number;
}

export interface AreaSources {
  gemeenten: string;
  provincies: string;
  jeugdregios: string;
  swvPerGemeente: string;
  herindelingen: string;
  /** Optional operator file `swv_code;naam`. */
  swvNamen?: string;
}

export interface AreaSet {
  /** Year of the gemeentelijke indeling all memberships refer to. */
  indelingYear: number;
  /** First year for which the herindelingen list says which gemeenten existed (older years: unknown). */
  crosswalkFromYear: number;
  areas: ReadonlyMap<string, Area>;
  bySlug: ReadonlyMap<string, Area>;
  gemeenten: ReadonlyMap<string, GemeenteArea>;
  /** Members of each group area, by group code. */
  members: ReadonlyMap<string, readonly Membership[]>;
  /** Group areas of each current gemeente, by gemeente code. */
  groupsOf: ReadonlyMap<string, readonly Membership[]>;
  dissolved: ReadonlyMap<string, DissolvedGemeente>;
  /** Dissolved gemeenten per current successor code. */
  predecessors: ReadonlyMap<string, readonly DissolvedGemeente[]>;
  /** Normalised name → code (current and dissolved gemeenten, Nederland); ambiguous names left out. */
  codeByName: ReadonlyMap<string, string>;
  /** Postcode areas that belong to no SWV (e.g. Europoort), per gemeente: left out of the shares. */
  postcodeAreasOutsideSwv: readonly { gemeenteCode: string; label: string; count: number }[];
}

export class AreaDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Area data is not consistent:\n- ${problems.slice(0, 20).join('\n- ')}`);
    this.name = 'AreaDataError';
  }
}

export function slugOf(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function kindOfCode(code: string): AreaKind | undefined {
  return AREA_KINDS.find((kind) => CODE_PATTERNS[kind].test(code));
}

/** "Samenwerkingsverband PO 27-07" until an operator loads a names file. */
export function defaultSwvName(code: string): string {
  return `Samenwerkingsverband ${code}`;
}

/** Name as written in StatLine downloads ("Groningen (gemeente)", "Beek (L.)") → lookup key. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`]/g, "'")
    .replace(/\s*\(gemeente\)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function required(row: Record<string, string>, column: string, file: string, problems: string[]): string {
  const value = row[column];
  if (value === undefined || value === '') problems.push(`${file}: column "${column}" is empty or absent`);
  return value ?? '';
}

/**
 * Parses "PO 20-01:45;PO 20-02:3" (SWV code : number of postcode areas). Entries that are not SWV codes
 * (Europoort) are returned apart, because they belong to no SWV.
 */
export function parseSwvList(
  list: string,
  kind: 'swv-po' | 'swv-vo',
): { swv: { code: string; count: number }[]; outside: { label: string; count: number }[] } | string {
  const swv: { code: string; count: number }[] = [];
  const outside: { label: string; count: number }[] = [];
  for (const entry of list.split(';')) {
    const match = /^(.+):(\d+)$/.exec(entry.trim());
    if (!match) return `"${entry}" is not "code:number"`;
    const [, code, count] = match as unknown as [string, string, string];
    const trimmed = code.trim();
    if (CODE_PATTERNS[kind].test(trimmed)) swv.push({ code: trimmed, count: Number(count) });
    else if (kindOfCode(trimmed)) return `"${trimmed}" is not a ${kind === 'swv-po' ? 'PO' : 'VO'} code`;
    else outside.push({ label: trimmed, count: Number(count) });
  }
  if (swv.length === 0) return `no ${kind === 'swv-po' ? 'PO' : 'VO'} samenwerkingsverband in "${list}"`;
  return { swv, outside };
}

/** "2022-2023" → the code was in the 2021 list, not in the 2023 list (see data/SOURCES.md). */
function parseDissolvedBetween(text: string): { lastYearCertain: number; firstYearGone: number } | undefined {
  const match = /^(\d{4})-(\d{4})$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (to < from) return undefined;
  return { lastYearCertain: from - 1, firstYearGone: to };
}

/**
 * Builds the area set from the five area tables (and an optional SWV names file). Throws AreaDataError
 * listing every inconsistency, so that a replacement area file is rejected as a whole.
 */
export function buildAreaSet(sources: AreaSources, indelingYear = 2025): AreaSet {
  const problems: string[] = [];
  const areas = new Map<string, Area>();
  const gemeenten = new Map<string, GemeenteArea>();
  const add = (area: Area) => {
    if (areas.has(area.code)) problems.push(`duplicate area code ${area.code}`);
    areas.set(area.code, area);
  };

  add({ kind: 'nederland', code: NEDERLAND_CODE, slug: slugOf(NEDERLAND_CODE), name: 'Nederland', hasOwnName: true });

  for (const row of readTable(sources.provincies)) {
    const code = required(row, 'provinciecode', 'provincies', problems);
    const name = row.provincienaam_cbs_lijst || row.provincienaam || row.provincienaam_geo || '';
    if (!CODE_PATTERNS.provincie.test(code)) problems.push(`provincies: "${code}" is not a PVnn code`);
    if (!name) problems.push(`provincies: no name for ${code}`);
    add({ kind: 'provincie', code, slug: slugOf(code), name, hasOwnName: true });
  }
  for (const row of readTable(sources.jeugdregios)) {
    const code = required(row, 'jeugdregiocode', 'jeugdregios', problems);
    const name = required(row, 'jeugdregionaam', 'jeugdregios', problems);
    if (!CODE_PATTERNS.jeugdregio.test(code)) problems.push(`jeugdregios: "${code}" is not a JZnn code`);
    add({ kind: 'jeugdregio', code, slug: slugOf(code), name, hasOwnName: true });
  }

  const names = new Map<string, Set<string>>();
  const addName = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = normaliseName(name);
    let set = names.get(key);
    if (!set) names.set(key, (set = new Set()));
    set.add(code);
  };
  addName('Nederland', NEDERLAND_CODE);

  for (const row of readTable(sources.gemeenten)) {
    const code = required(row, 'gemeentecode', 'gemeenten', problems);
    const name = required(row, 'gemeentenaam', 'gemeenten', problems);
    const provincieCode = required(row, 'provinciecode', 'gemeenten', problems);
    const jeugdregioCode = required(row, 'jeugdregiocode', 'gemeenten', problems);
    if (!CODE_PATTERNS.gemeente.test(code)) problems.push(`gemeenten: "${code}" is not a GMnnnn code`);
    const gemeente: GemeenteArea = { kind: 'gemeente', code, slug: slugOf(code), name, hasOwnName: true, provincieCode, jeugdregioCode };
    add(gemeente);
    gemeenten.set(code, gemeente);
    addName(name, code);
    addName(row.gemeentenaam_geo, code);
  }

  const swvNames = new Map<string, string>();
  if (sources.swvNamen) {
    for (const row of readTable(sources.swvNamen)) {
      const code = required(row, 'swv_code', 'swv_namen', problems);
      const name = required(row, 'naam', 'swv_namen', problems);
      if (!CODE_PATTERNS['swv-po'].test(code) && !CODE_PATTERNS['swv-vo'].test(code))
        problems.push(`swv_namen: "${code}" is not a code like "PO 27-07" or "VO 27-08"`);
      swvNames.set(code, name);
    }
  }

  const memberships: Membership[] = [];
  const outsideSwv: { gemeenteCode: string; label: string; count: number }[] = [];
  const seenSwv = new Set<string>();
  for (const row of readTable(sources.swvPerGemeente)) {
    const gemeenteCode = required(row, 'gemeentecode', 'swv_per_gemeente', problems);
    if (!gemeenten.has(gemeenteCode)) {
      problems.push(`swv_per_gemeente: ${gemeenteCode} is not in the gemeenten list`);
      continue;
    }
    if (seenSwv.has(gemeenteCode)) problems.push(`swv_per_gemeente: ${gemeenteCode} occurs twice`);
    seenSwv.add(gemeenteCode);
    for (const [column, kind] of [['swv_po_alle', 'swv-po'], ['swv_vo_alle', 'swv-vo']] as const) {
      const parsed = parseSwvList(required(row, column, 'swv_per_gemeente', problems), kind);
      if (typeof parsed === 'string') {
        problems.push(`swv_per_gemeente: ${gemeenteCode} ${column}: ${parsed}`);
        continue;
      }
      const total = parsed.swv.reduce((sum, s) => sum + s.count, 0);
      for (const s of parsed.swv) {
        if (!areas.has(s.code)) {
          const name = swvNames.get(s.code);
          add({ kind, code: s.code, slug: slugOf(s.code), name: name ?? defaultSwvName(s.code), hasOwnName: name !== undefined });
        }
        memberships.push({
          gemeenteCode,
          groupCode: s.code,
          groupKind: kind,
          share: s.count / total,
          postcodeAreas: s.count,
          postcodeAreasInGemeente: total,
        });
      }
      // Europoort and the like: the same label appears in the PO and the VO list; record it once.
      if (kind === 'swv-po') for (const o of parsed.outside) outsideSwv.push({ gemeenteCode, ...o });
    }
  }
  for (const code of swvNames.keys()) {
    if (!areas.has(code)) problems.push(`swv_namen: ${code} is not a samenwerkingsverband in the SWV file`);
  }

  for (const gemeente of gemeenten.values()) {
    if (!seenSwv.has(gemeente.code)) problems.push(`swv_per_gemeente: no row for ${gemeente.code}`);
    const provincie = areas.get(gemeente.provincieCode);
    if (provincie?.kind !== 'provincie') problems.push(`gemeenten: ${gemeente.code} has unknown provincie ${gemeente.provincieCode}`);
    else memberships.push({ gemeenteCode: gemeente.code, groupCode: provincie.code, groupKind: 'provincie', share: 1 });
    const jeugdregio = areas.get(gemeente.jeugdregioCode);
    if (jeugdregio?.kind !== 'jeugdregio') problems.push(`gemeenten: ${gemeente.code} has unknown jeugdregio ${gemeente.jeugdregioCode}`);
    else memberships.push({ gemeenteCode: gemeente.code, groupCode: jeugdregio.code, groupKind: 'jeugdregio', share: 1 });
    memberships.push({ gemeenteCode: gemeente.code, groupCode: NEDERLAND_CODE, groupKind: 'nederland', share: 1 });
  }

  const dissolved = new Map<string, DissolvedGemeente>();
  const predecessors = new Map<string, DissolvedGemeente[]>();
  for (const row of readTable(sources.herindelingen)) {
    const code = required(row, 'oude_gemeentecode', 'herindelingen', problems);
    const successorCode = required(row, 'nieuwe_gemeentecode', 'herindelingen', problems);
    const between = parseDissolvedBetween(required(row, 'opgeheven_tussen', 'herindelingen', problems));
    if (!CODE_PATTERNS.gemeente.test(code)) problems.push(`herindelingen: "${code}" is not a GMnnnn code`);
    if (gemeenten.has(code)) problems.push(`herindelingen: ${code} is dissolved but also in the current gemeenten list`);
    if (!gemeenten.has(successorCode)) problems.push(`herindelingen: successor ${successorCode} of ${code} is not a current gemeente`);
    if (!between) {
      problems.push(`herindelingen: opgeheven_tussen of ${code} is not "yyyy-yyyy"`);
      continue;
    }
    if (dissolved.has(code)) problems.push(`herindelingen: ${code} occurs twice`);
    const entry: DissolvedGemeente = { code, name: row.oude_gemeentenaam ?? code, successorCode, ...between };
    dissolved.set(code, entry);
    let list = predecessors.get(successorCode);
    if (!list) predecessors.set(successorCode, (list = []));
    list.push(entry);
    addName(row.oude_gemeentenaam, code);
  }
  const crosswalkFromYear = Math.min(...[...dissolved.values()].map((d) => d.lastYearCertain), indelingYear);

  if (problems.length > 0) throw new AreaDataError(problems);

  const members = new Map<string, Membership[]>();
  const groupsOf = new Map<string, Membership[]>();
  for (const m of memberships) {
    let list = members.get(m.groupCode);
    if (!list) members.set(m.groupCode, (list = []));
    list.push(m);
    let own = groupsOf.get(m.gemeenteCode);
    if (!own) groupsOf.set(m.gemeenteCode, (own = []));
    own.push(m);
  }
  const codeByName = new Map<string, string>();
  for (const [name, codes] of names) if (codes.size === 1) codeByName.set(name, [...codes][0]!);

  return {
    indelingYear,
    crosswalkFromYear,
    areas,
    bySlug: new Map([...areas.values()].map((a) => [a.slug, a])),
    gemeenten,
    members,
    groupsOf,
    dissolved,
    predecessors,
    codeByName,
    postcodeAreasOutsideSwv: outsideSwv,
  };
}

/** Gemeenten of a group area that are split over more than one area of the same kind. */
export function splitMembers(areaSet: AreaSet, groupCode: string): Membership[] {
  return (areaSet.members.get(groupCode) ?? []).filter((m) => m.share < 1);
}

/** For a gemeente page: the SWVs (PO and VO), jeugdregio and provincie it belongs to, with shares. */
export function groupsOfGemeente(areaSet: AreaSet, gemeenteCode: string): Membership[] {
  return [...(areaSet.groupsOf.get(gemeenteCode) ?? [])].filter((m) => m.groupKind !== 'nederland');
}

export function areasOfKind(areaSet: AreaSet, kind: AreaKind): Area[] {
  return [...areaSet.areas.values()].filter((a) => a.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

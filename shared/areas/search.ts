import { normaliseName, slugOf, type Area, type Membership } from './model.ts';
import type { PostcodeTable } from './postcodes.ts';

/** Longest search text we look at; a longer one is a mistake or an attack, not a place name. */
export const MAX_QUERY_LENGTH = 100;

/** One collator for all sorting: localeCompare with a locale builds one per call. */
const collator = new Intl.Collator('nl');

const KIND_ORDER: Record<Area['kind'], number> = { gemeente: 0, 'swv-po': 1, 'swv-vo': 2, jeugdregio: 3, provincie: 4, nederland: 5 };

/** Letters and digits only, so "PO 27-07", "po2707" and "27-07" all meet "po 27 07", and "sGravenhage" meets "'s-Gravenhage". */
export const compact = (s: string) => normaliseName(s).replace(/[^a-z0-9]+/g, '');

/** Words of a name, each compacted: "Amsterdam-Amstelland" → amsterdam, amstelland. */
const wordsOf = (s: string) => normaliseName(s).split(/[^a-z0-9]+/).filter((w) => w.length >= 2);

/**
 * How many typing errors a search text of this length may contain (letters and digits counted):
 * none up to 4 (too many short names lie one letter apart), one up to 8, two from 9.
 */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/**
 * Edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours) of a and b,
 * or max + 1 as soon as it is certain to exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rows[0]!.length <= n) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(n + 1);
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ai === bj ? 0 : 1);
      if (prev[j]! + 1 < d) d = prev[j]! + 1;
      if (cur[j - 1]! + 1 < d) d = cur[j - 1]! + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prev2[j - 2]! + 1 < d) d = prev2[j - 2]! + 1;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

/** Three reused rows for editDistance (one search at a time: Node runs it on one thread). */
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Why an area is in the hit list, best first. */
export type MatchKind = 'exact' | 'postcode' | 'former' | 'prefix' | 'contains' | 'typo';
const MATCH_ORDER: Record<MatchKind, number> = { exact: 0, postcode: 0, former: 1, prefix: 2, contains: 3, typo: 4 };

export interface SearchHit {
  area: Area;
  match: MatchKind;
  /** The other name that matched: an alias ("Den Haag") or a former gemeente ("Weesp"). */
  via?: { kind: 'alias' | 'former'; name: string };
}

export interface PostcodeHit {
  /** The four digits searched for. */
  pc4: string;
  /** Undefined when the postcode is not in the Regeling's table. */
  gemeente?: Area;
  /** SWV PO and VO of this postcode area (not of the whole gemeente). */
  swv: Area[];
  /** The postcode area belongs to no SWV (Europoort). */
  outsideSwv: boolean;
}

export interface SearchResult {
  /** The one area the search means: the caller goes straight to its page. */
  exact: Area | undefined;
  hits: SearchHit[];
  /** For the gemeenten among the best hits: their SWVs, jeugdregio and provincie. */
  related: { gemeente: Area; groups: Area[] }[];
  postcode?: PostcodeHit;
}

interface Key {
  /** Compacted text. */
  text: string;
  words: readonly string[];
  kind: 'name' | 'code' | 'alias' | 'former';
  /** As written, for "via". */
  label: string;
}

export interface SearchIndexInput {
  areas: Iterable<Area>;
  /** Other names by area code (AREA_ALIASES, names from the boundary files). */
  aliases?: Iterable<readonly [code: string, name: string]>;
  /** Dissolved gemeenten: their name, found under the current gemeente that contains them. */
  formerNames?: Iterable<{ name: string; successorCode: string }>;
  /** Groups (SWV, jeugdregio, provincie) of a gemeente. */
  groupsOf?: (gemeenteCode: string) => readonly Membership[];
  postcodes?: PostcodeTable;
}

export interface SearchIndex {
  search(query: string): SearchResult;
}

/** Gemeenten whose groups are offered with the hits (more means the search text is too vague). */
const MAX_RELATED = 3;

/**
 * The search over the areas of one snapshot, built once (per container and snapshot): every name,
 * code, alias and former name compacted in advance, so a search is a scan over about 550 areas with
 * string comparisons and, for the typo pass, a bounded edit distance on keys of about the right length.
 */
export function buildSearchIndex(input: SearchIndexInput): SearchIndex {
  const areas = new Map<string, Area>();
  for (const a of input.areas) areas.set(a.code, a);
  const keys = new Map<string, Key[]>();
  const seen = new Map<string, Set<string>>();
  const addKey = (code: string, label: string, kind: Key['kind']) => {
    if (!areas.has(code)) return;
    const text = kind === 'code' ? label : compact(label);
    if (!text) return;
    let done = seen.get(code);
    if (!done) seen.set(code, (done = new Set()));
    if (done.has(text)) return;
    done.add(text);
    let list = keys.get(code);
    if (!list) keys.set(code, (list = []));
    list.push({ text, words: kind === 'code' ? [] : wordsOf(label), kind, label });
  };
  for (const a of areas.values()) {
    addKey(a.code, a.name, 'name');
    addKey(a.code, compact(a.code), 'code');
    addKey(a.code, slugOf(a.code).replace(/-/g, ''), 'code');
  }
  for (const [code, name] of input.aliases ?? []) addKey(code, name, 'alias');
  for (const f of input.formerNames ?? []) addKey(f.successorCode, f.name, 'former');
  const entries = [...keys].map(([code, list]) => ({ area: areas.get(code)!, keys: list }));

  const groupAreas = (gemeenteCode: string): Area[] =>
    (input.groupsOf?.(gemeenteCode) ?? [])
      .filter((m) => m.groupKind !== 'nederland')
      .map((m) => areas.get(m.groupCode))
      .filter((a): a is Area => a !== undefined)
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code));

  /** Rank of a key for the search text: MATCH_ORDER of the match (+ distance / 10 for a typo), Infinity if none. No allocation: this runs for every key. */
  const rankOf = (key: Key, q: string, budget: number): number => {
    const text = key.text;
    if (text === q) return key.kind === 'former' ? MATCH_ORDER.former : MATCH_ORDER.exact;
    if (text.startsWith(q)) return MATCH_ORDER.prefix;
    const words = key.words;
    for (let i = 0; i < words.length; i++) if (words[i]!.startsWith(q)) return MATCH_ORDER.prefix;
    if (text.includes(q)) return MATCH_ORDER.contains;
    if (budget === 0 || key.kind === 'code') return Infinity;
    let best = editDistance(q, text, budget);
    for (let i = 0; i < words.length && best > 1; i++) {
      const w = words[i]!;
      if (w.length >= 4 && Math.abs(w.length - q.length) <= budget) best = Math.min(best, editDistance(q, w, budget));
    }
    return best <= budget ? MATCH_ORDER.typo + best / 10 : Infinity;
  };
  const matchOfRank = (rank: number): MatchKind =>
    rank === MATCH_ORDER.exact ? 'exact' : rank === MATCH_ORDER.former ? 'former' : rank === MATCH_ORDER.prefix ? 'prefix' : rank === MATCH_ORDER.contains ? 'contains' : 'typo';

  return {
    search(query: string): SearchResult {
      const q = compact(query);
      if (!q) return { exact: undefined, hits: [], related: [] };
      const budget = typoBudget(q.length);
      const scored: (SearchHit & { rank: number })[] = [];
      for (const entry of entries) {
        let bestRank = Infinity;
        let bestKey: Key | undefined;
        for (const key of entry.keys) {
          const rank = rankOf(key, q, budget);
          if (rank < bestRank) {
            bestRank = rank;
            bestKey = key;
            if (rank === 0) break;
          }
        }
        if (!bestKey) continue;
        const via = bestKey.kind === 'alias' || bestKey.kind === 'former' ? { kind: bestKey.kind, name: bestKey.label } : undefined;
        scored.push({ area: entry.area, match: matchOfRank(bestRank), ...(via ? { via } : {}), rank: bestRank });
      }

      let postcode: PostcodeHit | undefined;
      const pc = /^\s*(\d{4})\s*([a-z]{2})?\s*$/i.exec(query);
      if (pc && input.postcodes) {
        const found = input.postcodes.lookup(pc[1]!);
        const gemeente = found && areas.get(found.gemeenteCode);
        const swv = [found?.swvPo, found?.swvVo].map((c) => (c ? areas.get(c) : undefined)).filter((a): a is Area => a !== undefined);
        postcode = { pc4: pc[1]!, ...(gemeente ? { gemeente } : {}), swv, outsideSwv: found !== undefined && !found.swvPo && !found.swvVo };
        if (gemeente) {
          const i = scored.findIndex((h) => h.area === gemeente);
          if (i >= 0) scored.splice(i, 1);
          scored.push({ area: gemeente, match: 'postcode', rank: -1 });
        }
      }

      scored.sort((a, b) => a.rank - b.rank || KIND_ORDER[a.area.kind] - KIND_ORDER[b.area.kind] || collator.compare(a.area.name, b.area.name));
      const hits: SearchHit[] = scored.map(({ rank: _rank, ...hit }) => hit);

      let exact: Area | undefined;
      if (postcode?.gemeente) {
        // Straight to the gemeente when its page names exactly this postcode's SWVs; a gemeente split
        // over several SWVs gets the list, which says which SWV this postcode belongs to.
        const own = groupAreas(postcode.gemeente.code).filter((a) => a.kind === 'swv-po' || a.kind === 'swv-vo');
        const same = own.length === postcode.swv.length && own.every((a) => postcode!.swv.includes(a));
        if (same && postcode.swv.length === 2) exact = postcode.gemeente;
      } else if (!postcode) {
        const exacts = hits.filter((h) => h.match === 'exact');
        if (exacts.length === 1) exact = exacts[0]!.area;
      }

      const bestRank = scored.length ? scored[0]!.rank : Infinity;
      const related =
        bestRank <= MATCH_ORDER.prefix
          ? scored
              .filter((h) => h.area.kind === 'gemeente' && h.rank === bestRank)
              .slice(0, MAX_RELATED)
              .map((h) => ({ gemeente: h.area, groups: groupAreas(h.area.code) }))
              .filter((r) => r.groups.length > 0)
          : [];
      return { exact, hits, related, ...(postcode ? { postcode } : {}) };
    },
  };
}

/**
 * Areas matching a search by name or code, without aliases or postcodes: an exact code or name first
 * (then the caller can go straight to that page), then prefix, substring and small-typo hits.
 */
export function searchAreas(areas: Iterable<Area>, query: string): { exact: Area | undefined; matches: Area[] } {
  const result = buildSearchIndex({ areas }).search(query);
  return { exact: result.exact, matches: result.hits.map((h) => h.area) };
}

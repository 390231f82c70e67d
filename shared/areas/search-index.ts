import { AREA_ALIASES } from './aliases.ts';
import { defaultAreaSet } from './default-areas.ts';
import type { Area, Membership } from './model.ts';
import { bundledPostcodeTable } from './postcode-table.ts';
import { buildSearchIndex, type SearchIndex } from './search.ts';

/** What the index needs of a snapshot (a RegionalView has it). */
export interface SearchableSnapshot {
  snapshotId: string;
  areas: ReadonlyMap<string, Area>;
  groups(gemeenteCode: string): readonly Membership[];
}

/**
 * The search index of a snapshot, built once per container and snapshot: names and codes of the live
 * areas, the aliases (aliases.ts), the other spellings in the bundled gemeenten list ("Hengelo (O.)"),
 * the names of dissolved gemeenten, and the postcode table. Only the search function imports this
 * module, so only its bundle carries the postcode table.
 */
let cached: { snapshotId: string; index: SearchIndex } | undefined;

export function searchIndexFor(snapshot: SearchableSnapshot): SearchIndex {
  if (cached?.snapshotId === snapshot.snapshotId) return cached.index;
  const bundled = defaultAreaSet();
  const aliases: [string, string][] = Object.entries(AREA_ALIASES).flatMap(([code, names]) => names.map((n): [string, string] => [code, n]));
  for (const [name, code] of bundled.codeByName) if (bundled.gemeenten.has(code)) aliases.push([code, name]);
  const index = buildSearchIndex({
    areas: snapshot.areas.values(),
    aliases,
    formerNames: bundled.dissolved.values(),
    groupsOf: (code) => snapshot.groups(code),
    postcodes: bundledPostcodeTable(),
  });
  cached = { snapshotId: snapshot.snapshotId, index };
  return index;
}

import { normaliseName, slugOf, type Area } from './model.ts';

/** Longest search text we look at; a longer one is a mistake or an attack, not a place name. */
export const MAX_QUERY_LENGTH = 100;

const KIND_ORDER: Record<Area['kind'], number> = { gemeente: 0, 'swv-po': 1, 'swv-vo': 2, jeugdregio: 3, provincie: 4, nederland: 5 };

/** Letters and digits only, so "PO 27-07", "po2707" and "27-07" all meet "po 27 07". */
const compact = (s: string) => normaliseName(s).replace(/[^a-z0-9]+/g, '');

/**
 * Areas matching a search by name or code: an exact code or name first (then the caller can go
 * straight to that page), otherwise every area whose name or code contains the text.
 */
export function searchAreas(areas: Iterable<Area>, query: string): { exact: Area | undefined; matches: Area[] } {
  const q = compact(query);
  if (!q) return { exact: undefined, matches: [] };
  const list = [...areas];
  const exact = list.filter((a) => compact(a.code) === q || slugOf(a.code).replace(/-/g, '') === q || compact(a.name) === q);
  const matches = list
    .filter((a) => compact(a.name).includes(q) || compact(a.code).includes(q))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'nl'));
  return { exact: exact.length === 1 ? exact[0] : undefined, matches };
}

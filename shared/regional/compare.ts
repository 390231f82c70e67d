import { NEDERLAND_CODE } from '../areas/model.ts';
import type { PublishedArea } from '../imports/snapshot.ts';
import { formatDecimal, KIND_LABELS } from './format.ts';
import type { RegionalView } from './view.ts';

/**
 * Which areas a page sets next to its own figures. Nederland is always the reference (a dashed line in
 * the charts), so it is not in this list.
 */
export interface Comparison {
  area: PublishedArea;
  /** Why this area is in the comparison, in B1 Dutch ("eigen provincie"). */
  reason: string;
}

export const MAX_COMPARISONS = 8;
const SIMILAR_COUNT = 3;
export const SIMILARITY_INDICATOR = 'inwoners';

/** The main SWV of a gemeente (most postcode areas), then jeugdregio and provincie. */
function ownGroups(view: RegionalView, area: PublishedArea): Comparison[] {
  const out: Comparison[] = [];
  if (area.kind === 'gemeente') {
    for (const [kind, label] of [['swv-po', 'eigen samenwerkingsverband PO'], ['swv-vo', 'eigen samenwerkingsverband VO'], ['jeugdregio', 'eigen jeugdregio'], ['provincie', 'eigen provincie']] as const) {
      const groups = view.groups(area.code).filter((m) => m.groupKind === kind).sort((a, b) => b.share - a.share);
      const main = groups[0] && view.areas.get(groups[0].groupCode);
      if (main) out.push({ area: main, reason: groups.length > 1 ? `${label} (het grootste deel van de gemeente ligt hierin)` : label });
    }
  } else if (area.kind === 'swv-po' || area.kind === 'swv-vo' || area.kind === 'jeugdregio') {
    // The provincie where most of its gemeenten (by share) lie.
    const weight = new Map<string, number>();
    for (const m of view.members(area.code)) {
      const gemeente = view.areas.get(m.gemeenteCode);
      const provincie = gemeente?.groups?.find((g) => g.groupKind === 'provincie')?.groupCode;
      if (provincie) weight.set(provincie, (weight.get(provincie) ?? 0) + m.share);
    }
    const best = [...weight].sort((a, b) => b[1] - a[1])[0];
    const provincie = best && view.areas.get(best[0]);
    if (provincie) out.push({ area: provincie, reason: weight.size > 1 ? 'provincie waar de meeste gemeenten in liggen' : 'eigen provincie' });
  }
  return out;
}

function populationOf(view: RegionalView, code: string): number | undefined {
  const f = view.latest(SIMILARITY_INDICATOR, code);
  return f?.result.state === 'value' ? f.result.value : undefined;
}

/** Up to 3 areas of the same kind with the nearest number of inhabitants in the latest year. */
export function similarAreas(view: RegionalView, area: PublishedArea, exclude: ReadonlySet<string> = new Set(), count = SIMILAR_COUNT): PublishedArea[] {
  if (area.kind === 'nederland') return [];
  const own = populationOf(view, area.code);
  if (own === undefined) return [];
  return view.byKind[area.kind]
    .filter((a) => a.code !== area.code && !exclude.has(a.code))
    .flatMap((a) => {
      const p = populationOf(view, a.code);
      return p === undefined ? [] : [{ a, distance: Math.abs(p - own) }];
    })
    .sort((x, y) => x.distance - y.distance || x.a.code.localeCompare(y.a.code))
    .slice(0, count)
    .map((x) => x.a);
}

/**
 * The comparison a page shows when the visitor chose nothing: the area's own groups (gemeente: SWV PO,
 * SWV VO, jeugdregio, provincie; SWV and jeugdregio: provincie), then up to 3 areas of the same kind
 * with about as many inhabitants. Nederland's page compares with the 12 provincies.
 */
export function defaultComparisons(view: RegionalView, area: PublishedArea): Comparison[] {
  if (area.kind === 'nederland') return view.byKind.provincie.map((p) => ({ area: p, reason: 'provincie' }));
  const groups = ownGroups(view, area);
  const exclude = new Set(groups.map((g) => g.area.code));
  const period = view.latestPeriod(SIMILARITY_INDICATOR);
  const reason = `${KIND_LABELS[area.kind].short === 'gemeente' ? 'gemeente' : KIND_LABELS[area.kind].short} met ongeveer evenveel inwoners${period ? ` (${period})` : ''}`;
  return [...groups, ...similarAreas(view, area, exclude).map((a) => ({ area: a, reason }))];
}

/** How the default comparison was chosen, as one paragraph for the page. */
export function comparisonMethodText(view: RegionalView, area: PublishedArea): string {
  if (area.kind === 'nederland') return 'Wij zetten de cijfers van Nederland naast die van de 12 provincies.';
  const period = view.latestPeriod(SIMILARITY_INDICATOR);
  const own =
    area.kind === 'gemeente'
      ? 'het samenwerkingsverband PO en VO, de jeugdregio en de provincie van deze gemeente'
      : area.kind === 'provincie'
        ? ''
        : 'de provincie waar de meeste gemeenten van dit gebied in liggen';
  const similar = `3 andere ${KIND_LABELS[area.kind].many} met ongeveer evenveel inwoners${period ? ` op 1 januari ${period}` : ''}`;
  return `Wij vergelijken met Nederland${own ? `, ${own}` : ''} en ${similar}. Zo ziet u of een cijfer gewoon is voor een gebied van deze grootte. U kunt ook zelf kiezen met welke gebieden u vergelijkt.`;
}

/**
 * The comparison for a list of codes from the "Vergelijk met" form: unknown codes, empty values,
 * duplicates, the area itself and Nederland (always the reference) are left out; at most 8 remain.
 * No codes at all → the default comparison.
 */
export function resolveComparisons(view: RegionalView, area: PublishedArea, codes?: readonly string[]): { comparisons: Comparison[]; chosen: boolean; ignored: string[] } {
  if (codes === undefined) return { comparisons: defaultComparisons(view, area), chosen: false, ignored: [] };
  const seen = new Set<string>([area.code, NEDERLAND_CODE]);
  const comparisons: Comparison[] = [];
  const ignored: string[] = [];
  for (const raw of codes) {
    const code = raw.trim();
    if (!code || code === NEDERLAND_CODE || code === area.code) continue;
    const found = view.areas.get(code);
    if (!found) {
      ignored.push(code);
      continue;
    }
    if (seen.has(code) || comparisons.length >= MAX_COMPARISONS) continue;
    seen.add(code);
    comparisons.push({ area: found, reason: 'door u gekozen' });
  }
  if (comparisons.length === 0 && ignored.length === 0 && codes.every((c) => !c.trim())) return { comparisons: defaultComparisons(view, area), chosen: false, ignored };
  return { comparisons, chosen: true, ignored };
}

export const formatInhabitants = (n: number) => formatDecimal(n, 0);

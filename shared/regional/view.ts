import { NEDERLAND_CODE, type AreaKind, type Membership } from '../areas/model.ts';
import type { Figure } from '../indicators/aggregate.ts';
import { INDICATORS, INDICATORS_BY_ID, type IndicatorDefinition } from '../indicators/catalogue.ts';
import type { PublishedArea, PublishedSnapshot } from '../imports/snapshot.ts';

/**
 * Read-only indexes over a published snapshot, built once (at site build time, or once per Lambda
 * container) and shared by every page rendered from it.
 */
export interface RegionalView {
  snapshotId: string;
  compiledAt: string;
  indelingYear: number;
  snapshot: PublishedSnapshot;
  /** Current areas by code. */
  areas: ReadonlyMap<string, PublishedArea>;
  /** Areas of each kind, sorted by name (Dutch collation). */
  byKind: Readonly<Record<AreaKind, readonly PublishedArea[]>>;
  /** The catalogue, in catalogue order. */
  indicators: readonly IndicatorDefinition[];
  /** Area by "kind/slug", as in the page URL. */
  areaAt(kind: string, slug: string): PublishedArea | undefined;
  /** Name of a current or dissolved area; the code itself if unknown. */
  nameOf(code: string): string;
  /** All figures of one indicator for one area, oldest period first. */
  series(indicatorId: string, areaCode: string): readonly Figure[];
  figure(indicatorId: string, areaCode: string, period: string): Figure | undefined;
  /** Periods of an indicator with at least one figure, oldest first. */
  periods(indicatorId: string): readonly string[];
  /** The newest period in which some area has a number for this indicator. */
  latestPeriod(indicatorId: string): string | undefined;
  /** The figure of the indicator's latest period for this area (undefined if the area has none). */
  latest(indicatorId: string, areaCode: string): Figure | undefined;
  /** Whether any figure of this indicator is in the snapshot. */
  hasFigures(indicatorId: string): boolean;
  /** Members of a group area (SWV, jeugdregio, provincie, Nederland). */
  members(groupCode: string): readonly Membership[];
  /** Groups of a gemeente (SWV PO and VO, jeugdregio, provincie, Nederland). */
  groups(gemeenteCode: string): readonly Membership[];
}

export const AREA_KIND_ORDER: readonly AreaKind[] = ['gemeente', 'swv-po', 'swv-vo', 'jeugdregio', 'provincie', 'nederland'];

/** /gebieden/gemeente/gm0363/ */
export function areaPath(area: Pick<PublishedArea, 'kind' | 'slug'>): string {
  return `/gebieden/${area.kind}/${area.slug}/`;
}

export function areaCsvPath(area: Pick<PublishedArea, 'kind' | 'slug'>): string {
  return `${areaPath(area)}cijfers.csv`;
}

export function mapPath(indicatorId: string): string {
  return `/kaart/${indicatorId}/`;
}

/**
 * Builds the view. extraNames: names of dissolved gemeenten (not in the snapshot's areas), so that
 * "onvolledig" can name them; codes are shown where no name is known.
 */
export function buildRegionalView(snapshot: PublishedSnapshot, extraNames: ReadonlyMap<string, string> = new Map()): RegionalView {
  const areas = new Map(snapshot.areas.map((a) => [a.code, a]));
  const bySlug = new Map(snapshot.areas.map((a) => [`${a.kind}/${a.slug}`, a]));
  const byKind = Object.fromEntries(AREA_KIND_ORDER.map((k) => [k, [] as PublishedArea[]])) as Record<AreaKind, PublishedArea[]>;
  for (const a of snapshot.areas) byKind[a.kind].push(a);
  for (const list of Object.values(byKind)) list.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.code.localeCompare(b.code));

  const bySeries = new Map<string, Figure[]>();
  const byKey = new Map<string, Figure>();
  const periods = new Map<string, Set<string>>();
  const valuePeriods = new Map<string, Set<string>>();
  for (const f of snapshot.figures) {
    const key = `${f.indicatorId}|${f.areaCode}`;
    let list = bySeries.get(key);
    if (!list) bySeries.set(key, (list = []));
    list.push(f);
    byKey.set(`${key}|${f.period}`, f);
    let set = periods.get(f.indicatorId);
    if (!set) periods.set(f.indicatorId, (set = new Set()));
    set.add(f.period);
    if (f.result.state === 'value') {
      let values = valuePeriods.get(f.indicatorId);
      if (!values) valuePeriods.set(f.indicatorId, (values = new Set()));
      values.add(f.period);
    }
  }
  for (const list of bySeries.values()) list.sort((a, b) => a.period.localeCompare(b.period));
  const sortedPeriods = new Map([...periods].map(([id, set]) => [id, [...set].sort()]));
  const latestPeriods = new Map([...valuePeriods].map(([id, set]) => [id, [...set].sort().at(-1)!]));

  const groupsOf = new Map<string, readonly Membership[]>();
  const membersOf = new Map<string, readonly Membership[]>();
  for (const a of snapshot.areas) {
    if (a.groups) groupsOf.set(a.code, a.groups);
    if (a.members) membersOf.set(a.code, a.members);
  }

  const view: RegionalView = {
    snapshotId: snapshot.snapshotId,
    compiledAt: snapshot.compiledAt,
    indelingYear: snapshot.indelingYear,
    snapshot,
    areas,
    byKind,
    indicators: INDICATORS,
    areaAt: (kind, slug) => bySlug.get(`${kind}/${slug}`),
    nameOf: (code) => areas.get(code)?.name ?? extraNames.get(code) ?? code,
    series: (indicatorId, areaCode) => bySeries.get(`${indicatorId}|${areaCode}`) ?? [],
    figure: (indicatorId, areaCode, period) => byKey.get(`${indicatorId}|${areaCode}|${period}`),
    periods: (indicatorId) => sortedPeriods.get(indicatorId) ?? [],
    latestPeriod: (indicatorId) => latestPeriods.get(indicatorId),
    latest: (indicatorId, areaCode) => {
      const period = latestPeriods.get(indicatorId);
      return period === undefined ? undefined : byKey.get(`${indicatorId}|${areaCode}|${period}`);
    },
    hasFigures: (indicatorId) => periods.has(indicatorId),
    members: (groupCode) => membersOf.get(groupCode) ?? [],
    groups: (gemeenteCode) => groupsOf.get(gemeenteCode) ?? [],
  };
  return view;
}

export function indicatorDefinition(id: string): IndicatorDefinition | undefined {
  return INDICATORS_BY_ID.get(id);
}

export { NEDERLAND_CODE };

/** Error pages of the regional API pages mark "Cijfers per gebied" in the menu and link back to it. */
export const REGIONAL_SECTION = { path: '/gebieden/', link: { href: '/gebieden/', label: 'Naar Cijfers per gebied' } } as const;

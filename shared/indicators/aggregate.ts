import type { AreaKind, AreaSet, Membership } from '../areas/model.ts';
import { INDICATORS, INDICATORS_BY_ID, type IndicatorDefinition } from './catalogue.ts';
import type { Observation } from './parse.ts';

/**
 * From observations (as imported) to the figure of every area: gemeente, SWV PO and VO, jeugdregio,
 * provincie and Nederland, following each indicator's aggregation rule in the catalogue. Pure.
 *
 * - sum: the sum of the member gemeenten, each weighted by its share (split gemeenten, see SPLIT_RULE).
 * - ratio: numerator and denominator are summed separately, then divided; never an average of shares.
 * - not-aggregatable: only the source's own figures (gemeente, Nederland); no SWV or regio figure.
 * - If any member lacks a number (secret, missing, not delivered), the result is 'incomplete' with the
 *   list of those members: never a number that silently leaves them out.
 * - A source's own figure for an area (the Nederland row, a DUO figure per SWV) is used as it is; the sum
 *   of the gemeenten is then given beside it for the explanation.
 * - Gemeenten are on current boundaries: for years before a herindeling, counts of dissolved gemeenten
 *   are added to their successor (see HERINDELING_RULE in the catalogue).
 */

export type LackingState = 'secret' | 'missing' | 'no-data';

export interface Lacking {
  areaCode: string;
  state: LackingState;
}

export type FigureResult =
  | { state: 'value'; value: number }
  /** The source's own figure is secret (CBS '.', 'x'). */
  | { state: 'secret' }
  /** The source published an empty field for this area itself. */
  | { state: 'missing' }
  /** Some members have no number: no total is given. */
  | { state: 'incomplete'; lacking: Lacking[] }
  | { state: 'not-aggregatable'; reason: string }
  /** A share whose denominator is 0. */
  | { state: 'zero-denominator' }
  /** Years before the herindelingen list: group areas cannot be put together from gemeenten. */
  | { state: 'not-available'; reason: string }
  | { state: 'no-data' };

export type FigureMethod =
  /** The source's own figure for this area. */
  | 'source'
  /** Sum of the member gemeenten (and, for a gemeente, of its predecessors). */
  | 'sum'
  /** Recomputed from summed numerator and denominator. */
  | 'ratio'
  | 'none';

export interface SplitMember {
  gemeenteCode: string;
  share: number;
  postcodeAreas?: number;
  postcodeAreasInGemeente?: number;
}

export interface Figure {
  indicatorId: string;
  areaCode: string;
  areaKind: AreaKind;
  period: string;
  result: FigureResult;
  method: FigureMethod;
  provisional: boolean;
  /** 'current': on the boundaries of the area set; 'as-of-year': the gemeente as it was that year. */
  boundaries: 'current' | 'as-of-year';
  /** Gemeente: dissolved gemeenten whose figures were added (current boundaries). */
  predecessorsIncluded?: string[];
  /** Gemeente, not-aggregatable: dissolved gemeenten that existed that year and are NOT in the figure. */
  predecessorsNotIncluded?: string[];
  /** Group: number of member gemeenten. */
  memberCount?: number;
  /** Group: members that count with a share below 1 (gemeenten split over SWVs). */
  splitMembers?: SplitMember[];
  /** Ratio: the summed numerator and denominator. */
  ratio?: { numerator: number; denominator: number };
  /** Method 'source' for a group: what the sum of the gemeenten would be (e.g. differs by rounding). */
  sumOfMembers?: number;
}

type Contribution =
  | { kind: 'value'; value: number; provisional: boolean; predecessors: string[]; method: 'source' | 'sum' }
  | { kind: 'secret'; provisional: boolean }
  | { kind: 'missing' }
  | { kind: 'lacking'; lacking: Lacking[] }
  | { kind: 'none' };

const yearOf = (period: string) => Number(period.slice(0, 4));

/** indicator → period → area → observation */
type ObservationIndex = Map<string, Map<string, Map<string, Observation>>>;

export function indexObservations(observations: Iterable<Observation>): ObservationIndex {
  const index: ObservationIndex = new Map();
  for (const o of observations) {
    let byPeriod = index.get(o.indicatorId);
    if (!byPeriod) index.set(o.indicatorId, (byPeriod = new Map()));
    let byArea = byPeriod.get(o.period);
    if (!byArea) byPeriod.set(o.period, (byArea = new Map()));
    byArea.set(o.areaCode, o);
  }
  return index;
}

class Aggregator {
  private readonly gemeenteCache = new Map<string, Map<string, Contribution>>();
  private readonly groupCache = new Map<string, Contribution & { sumOfMembers?: number }>();

  constructor(
    private readonly index: ObservationIndex,
    private readonly areaSet: AreaSet,
  ) {}

  own(indicatorId: string, period: string, areaCode: string): Observation | undefined {
    return this.index.get(indicatorId)?.get(period)?.get(areaCode);
  }

  /** A count on current boundaries for one current gemeente: its own figure plus its predecessors'. */
  gemeenteCount(indicatorId: string, period: string, code: string): Contribution {
    const key = `${indicatorId}|${period}`;
    let cache = this.gemeenteCache.get(key);
    if (!cache) this.gemeenteCache.set(key, (cache = new Map()));
    const cached = cache.get(code);
    if (cached) return cached;

    const year = yearOf(period);
    const own = this.own(indicatorId, period, code);
    const parts: { code: string; observation: Observation; predecessor: boolean }[] = own ? [{ code, observation: own, predecessor: false }] : [];
    const lacking: Lacking[] = [];
    if (year >= this.areaSet.crosswalkFromYear) {
      for (const p of this.areaSet.predecessors.get(code) ?? []) {
        if (year >= p.firstYearGone) continue;
        const observation = this.own(indicatorId, period, p.code);
        if (observation) parts.push({ code: p.code, observation, predecessor: true });
        else if (year <= p.lastYearCertain) lacking.push({ areaCode: p.code, state: 'no-data' });
      }
    }
    let result: Contribution;
    if (parts.length === 0) result = { kind: 'none' };
    else {
      let value = 0;
      let provisional = false;
      const predecessors: string[] = [];
      for (const part of parts) {
        const cell = part.observation.cell;
        provisional ||= part.observation.provisional;
        if (cell.state === 'value') {
          value += cell.value;
          if (part.predecessor) predecessors.push(part.code);
        } else if (part.predecessor && cell.state === 'missing' && year > this.areaSet.dissolved.get(part.code)!.lastYearCertain) {
          // An empty row for a gemeente in the year it was dissolved: it most likely no longer existed.
        } else lacking.push({ areaCode: part.code, state: cell.state });
      }
      if (lacking.length > 0) {
        result = parts.length === 1 && !parts[0]!.predecessor && lacking.length === 1 && lacking[0]!.areaCode === code
          ? lacking[0]!.state === 'secret' ? { kind: 'secret', provisional } : { kind: 'missing' }
          : { kind: 'lacking', lacking };
      } else result = { kind: 'value', value, provisional, predecessors, method: predecessors.length > 0 ? 'sum' : 'source' };
    }
    cache.set(code, result);
    return result;
  }

  /** A count for a group area: the source's own figure, else the weighted sum of its gemeenten. */
  groupCount(indicatorId: string, period: string, groupCode: string, members: readonly Membership[]): Contribution & { sumOfMembers?: number } {
    const key = `${indicatorId}|${period}|${groupCode}`;
    const cached = this.groupCache.get(key);
    if (cached) return cached;
    const summed = this.sumMembers(indicatorId, period, members);
    const own = this.own(indicatorId, period, groupCode);
    let result: Contribution & { sumOfMembers?: number };
    if (own && own.cell.state === 'value') {
      result = { kind: 'value', value: own.cell.value, provisional: own.provisional, predecessors: [], method: 'source' };
      if (summed.kind === 'value') result.sumOfMembers = summed.value;
    } else if (own && own.cell.state === 'secret') result = { kind: 'secret', provisional: own.provisional };
    else result = summed;
    this.groupCache.set(key, result);
    return result;
  }

  private sumMembers(indicatorId: string, period: string, members: readonly Membership[]): Contribution {
    if (yearOf(period) < this.areaSet.crosswalkFromYear) return { kind: 'none' };
    let value = 0;
    let provisional = false;
    let any = false;
    const lacking: Lacking[] = [];
    for (const member of members) {
      const part = this.gemeenteCount(indicatorId, period, member.gemeenteCode);
      if (part.kind === 'value') {
        value += member.share * part.value;
        provisional ||= part.provisional;
        any = true;
      } else if (part.kind === 'lacking') {
        lacking.push(...part.lacking);
        any = true;
      } else {
        if (part.kind !== 'none') any = true;
        lacking.push({ areaCode: member.gemeenteCode, state: part.kind === 'secret' ? 'secret' : part.kind === 'missing' ? 'missing' : 'no-data' });
      }
    }
    if (!any) return { kind: 'none' };
    if (lacking.length > 0) return { kind: 'lacking', lacking };
    return { kind: 'value', value, provisional, predecessors: [], method: 'sum' };
  }
}

function periodsOf(index: ObservationIndex, definition: IndicatorDefinition): string[] {
  const ids = definition.aggregation.kind === 'ratio' ? [definition.id, definition.aggregation.numerator, definition.aggregation.denominator] : [definition.id];
  const periods = new Set<string>();
  for (const id of ids) for (const period of index.get(id)?.keys() ?? []) periods.add(period);
  return [...periods].sort();
}

function fromPartial(part: Contribution): { result: FigureResult; provisional: boolean } {
  switch (part.kind) {
    case 'value':
      return { result: { state: 'value', value: part.value }, provisional: part.provisional };
    case 'secret':
      return { result: { state: 'secret' }, provisional: part.provisional };
    case 'missing':
      return { result: { state: 'missing' }, provisional: false };
    case 'lacking':
      return { result: { state: 'incomplete', lacking: part.lacking }, provisional: false };
    case 'none':
      return { result: { state: 'no-data' }, provisional: false };
  }
}

export interface FigureSet {
  figures: readonly Figure[];
  get(indicatorId: string, areaCode: string, period: string): Figure | undefined;
  /** All periods of one indicator for one area, oldest first. */
  series(indicatorId: string, areaCode: string): Figure[];
}

/**
 * Computes every figure (indicator × area × period) that the observations allow. Figures that would
 * only say "no data" are left out, except for members of areas that have data (pages list them).
 */
export function computeFigures(observations: Iterable<Observation>, areaSet: AreaSet, indicators: readonly IndicatorDefinition[] = INDICATORS): FigureSet {
  const index = indexObservations(observations);
  const aggregator = new Aggregator(index, areaSet);
  const figures: Figure[] = [];
  const groups = [...areaSet.areas.values()].filter((a) => a.kind !== 'gemeente');

  for (const definition of indicators) {
    for (const period of periodsOf(index, definition)) {
      const year = yearOf(period);
      const beforeCrosswalk = year < areaSet.crosswalkFromYear;

      // Dissolved gemeenten: their own figure for their own years, under their own code.
      for (const [code, observation] of index.get(definition.id)?.get(period) ?? []) {
        if (areaSet.gemeenten.has(code) || !areaSet.dissolved.has(code)) continue;
        const cell = observation.cell;
        figures.push({
          indicatorId: definition.id,
          areaCode: code,
          areaKind: 'gemeente',
          period,
          result: cell.state === 'value' ? { state: 'value', value: cell.value } : { state: cell.state },
          method: 'source',
          provisional: observation.provisional,
          boundaries: 'as-of-year',
        });
      }

      for (const gemeente of areaSet.gemeenten.values()) {
        const figure = gemeenteFigure(aggregator, areaSet, definition, period, gemeente.code);
        if (figure) figures.push(figure);
      }

      for (const group of groups) {
        const members = areaSet.members.get(group.code) ?? [];
        const base = { indicatorId: definition.id, areaCode: group.code, areaKind: group.kind, period, boundaries: 'current' as const, memberCount: members.length };
        const split = members.filter((m) => m.share < 1).map(({ gemeenteCode, share, postcodeAreas, postcodeAreasInGemeente }) => ({ gemeenteCode, share, postcodeAreas, postcodeAreasInGemeente }));
        const withSplit = split.length > 0 ? { splitMembers: split } : {};
        const aggregation = definition.aggregation;
        if (aggregation.kind === 'not-aggregatable') {
          const own = aggregator.own(definition.id, period, group.code);
          if (own) {
            const cell = own.cell;
            figures.push({ ...base, result: cell.state === 'value' ? { state: 'value', value: cell.value } : { state: cell.state }, method: 'source', provisional: own.provisional });
          } else {
            figures.push({ ...base, result: { state: 'not-aggregatable', reason: aggregation.reason }, method: 'none', provisional: false });
          }
          continue;
        }
        if (beforeCrosswalk && !aggregator.own(definition.id, period, group.code)) {
          const hasRatioSource = aggregation.kind === 'ratio' && aggregator.own(aggregation.numerator, period, group.code) && aggregator.own(aggregation.denominator, period, group.code);
          if (!hasRatioSource) {
            figures.push({ ...base, result: { state: 'not-available', reason: `Gemeentegrenzen van vóór ${areaSet.crosswalkFromYear} zijn niet om te zetten naar de huidige gemeenten.` }, method: 'none', provisional: false });
            continue;
          }
        }
        if (aggregation.kind === 'sum') {
          const part = aggregator.groupCount(definition.id, period, group.code, members);
          const { result, provisional } = fromPartial(part);
          figures.push({
            ...base,
            ...withSplit,
            result,
            method: part.kind === 'value' ? part.method : 'none',
            provisional,
            ...(part.sumOfMembers !== undefined ? { sumOfMembers: part.sumOfMembers } : {}),
          });
        } else {
          const own = aggregator.own(definition.id, period, group.code);
          if (own) {
            const cell = own.cell;
            figures.push({ ...base, result: cell.state === 'value' ? { state: 'value', value: cell.value } : { state: cell.state }, method: 'source', provisional: own.provisional });
            continue;
          }
          const numerator = aggregator.groupCount(aggregation.numerator, period, group.code, members);
          const denominator = aggregator.groupCount(aggregation.denominator, period, group.code, members);
          figures.push({ ...base, ...withSplit, ...ratioFigure(numerator, denominator, aggregation.factor) });
        }
      }
    }
  }

  const byKey = new Map<string, Figure>();
  const bySeries = new Map<string, Figure[]>();
  for (const figure of figures) {
    byKey.set(`${figure.indicatorId}|${figure.areaCode}|${figure.period}`, figure);
    const seriesKey = `${figure.indicatorId}|${figure.areaCode}`;
    let list = bySeries.get(seriesKey);
    if (!list) bySeries.set(seriesKey, (list = []));
    list.push(figure);
  }
  return {
    figures,
    get: (indicatorId, areaCode, period) => byKey.get(`${indicatorId}|${areaCode}|${period}`),
    series: (indicatorId, areaCode) => [...(bySeries.get(`${indicatorId}|${areaCode}`) ?? [])].sort((a, b) => a.period.localeCompare(b.period)),
  };
}

function ratioFigure(numerator: Contribution, denominator: Contribution, factor: number): Pick<Figure, 'result' | 'method' | 'provisional' | 'ratio'> {
  if (numerator.kind === 'value' && denominator.kind === 'value') {
    const provisional = numerator.provisional || denominator.provisional;
    const ratio = { numerator: numerator.value, denominator: denominator.value };
    if (denominator.value === 0) return { result: { state: 'zero-denominator' }, method: 'ratio', provisional, ratio };
    return { result: { state: 'value', value: (numerator.value / denominator.value) * factor }, method: 'ratio', provisional, ratio };
  }
  if (numerator.kind === 'none' && denominator.kind === 'none') return { result: { state: 'no-data' }, method: 'none', provisional: false };
  const lacking: Lacking[] = [];
  for (const part of [numerator, denominator]) {
    if (part.kind === 'lacking') lacking.push(...part.lacking);
  }
  if (lacking.length > 0) {
    const unique = [...new Map(lacking.map((l) => [`${l.areaCode}|${l.state}`, l])).values()];
    return { result: { state: 'incomplete', lacking: unique }, method: 'none', provisional: false };
  }
  for (const part of [numerator, denominator]) {
    if (part.kind === 'secret') return { result: { state: 'secret' }, method: 'none', provisional: part.provisional };
  }
  return { result: { state: numerator.kind === 'none' || denominator.kind === 'none' ? 'no-data' : 'missing' }, method: 'none', provisional: false };
}

function gemeenteFigure(aggregator: Aggregator, areaSet: AreaSet, definition: IndicatorDefinition, period: string, code: string): Figure | undefined {
  const base = { indicatorId: definition.id, areaCode: code, areaKind: 'gemeente' as const, period };
  const year = yearOf(period);
  const aggregation = definition.aggregation;
  const own = aggregator.own(definition.id, period, code);
  // Predecessors that existed this year: they make the gemeente's own figure an "as of that year" one.
  const existingPredecessors =
    year >= areaSet.crosswalkFromYear
      ? (areaSet.predecessors.get(code) ?? []).filter((p) => year < p.firstYearGone && (year <= p.lastYearCertain || aggregator.own(definition.id, period, p.code)))
      : [];
  const boundaries = year < areaSet.crosswalkFromYear ? 'as-of-year' : 'current';

  if (aggregation.kind === 'not-aggregatable' || (aggregation.kind === 'ratio' && own)) {
    if (!own) {
      if (existingPredecessors.length === 0) return undefined;
      return { ...base, result: { state: 'not-aggregatable', reason: aggregation.kind === 'not-aggregatable' ? aggregation.reason : '' }, method: 'none', provisional: false, boundaries: 'as-of-year', predecessorsNotIncluded: existingPredecessors.map((p) => p.code) };
    }
    const cell = own.cell;
    return {
      ...base,
      result: cell.state === 'value' ? { state: 'value', value: cell.value } : { state: cell.state },
      method: 'source',
      provisional: own.provisional,
      boundaries: existingPredecessors.length > 0 ? 'as-of-year' : boundaries,
      ...(existingPredecessors.length > 0 ? { predecessorsNotIncluded: existingPredecessors.map((p) => p.code) } : {}),
    };
  }
  if (aggregation.kind === 'sum') {
    const part = aggregator.gemeenteCount(definition.id, period, code);
    if (part.kind === 'none') return undefined;
    const { result, provisional } = fromPartial(part);
    return {
      ...base,
      result,
      method: part.kind === 'value' ? part.method : 'none',
      provisional,
      boundaries,
      ...(part.kind === 'value' && part.predecessors.length > 0 ? { predecessorsIncluded: part.predecessors } : {}),
    };
  }
  const numerator = aggregator.gemeenteCount(aggregation.numerator, period, code);
  const denominator = aggregator.gemeenteCount(aggregation.denominator, period, code);
  if (numerator.kind === 'none' && denominator.kind === 'none') return undefined;
  const predecessors = new Set([...(numerator.kind === 'value' ? numerator.predecessors : []), ...(denominator.kind === 'value' ? denominator.predecessors : [])]);
  return { ...base, ...ratioFigure(numerator, denominator, aggregation.factor), boundaries, ...(predecessors.size > 0 ? { predecessorsIncluded: [...predecessors] } : {}) };
}

/** The catalogue definition of a figure, for labels and notes. */
export function definitionOf(figure: Figure): IndicatorDefinition {
  return INDICATORS_BY_ID.get(figure.indicatorId)!;
}

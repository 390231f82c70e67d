import { NEDERLAND_CODE } from '../areas/model.ts';
import { KEY_FIGURES, INDICATORS_BY_ID, type IndicatorDefinition } from '../indicators/catalogue.ts';
import type { PublishedArea } from '../imports/snapshot.ts';
import { esc } from '../web/html.ts';
import type { Comparison } from './compare.ts';
import { figureText, formatDecimal, formatValue, formatValueWithUnit, isValue, KIND_LABELS, periodText } from './format.ts';
import type { RegionalView } from './view.ts';

/**
 * "In het kort": the key figures of the monitor at the top of an area page, each with its reference
 * year, Nederland, the comparison areas and the area's place among all areas of its kind.
 */

const RATE_UNITS = new Set(['procent', 'per-1000']);

export interface Rank {
  /** 1 = the highest figure; equal figures share a place. */
  place: number;
  /** Areas of the kind with a number in that period. */
  of: number;
  /** 1 = the quarter with the highest figures ... 4 = the lowest. */
  quarter: 1 | 2 | 3 | 4;
}

const rankCache = new WeakMap<RegionalView, Map<string, number[]>>();

/** Sorted (high to low) values of all areas of a kind for an indicator's latest period. */
function valuesOfKind(view: RegionalView, indicatorId: string, kind: PublishedArea['kind']): number[] {
  let cache = rankCache.get(view);
  if (!cache) rankCache.set(view, (cache = new Map()));
  const key = `${indicatorId}|${kind}`;
  let values = cache.get(key);
  if (!values) {
    values = view.byKind[kind].flatMap((a) => {
      const f = view.latest(indicatorId, a.code);
      return isValue(f) ? [f.result.value] : [];
    });
    values.sort((a, b) => b - a);
    cache.set(key, values);
  }
  return values;
}

/** Where the area stands among all areas of its kind (latest period); undefined without a number or for Nederland. */
export function rankOf(view: RegionalView, indicatorId: string, area: PublishedArea): Rank | undefined {
  if (area.kind === 'nederland') return undefined;
  const own = view.latest(indicatorId, area.code);
  if (!isValue(own)) return undefined;
  const values = valuesOfKind(view, indicatorId, area.kind);
  if (values.length < 4) return undefined;
  const place = values.filter((v) => v > own.result.value).length + 1;
  const position = values.length === 1 ? 0 : (place - 1) / (values.length - 1);
  const quarter = (position < 0.25 ? 1 : position < 0.5 ? 2 : position < 0.75 ? 3 : 4) as Rank['quarter'];
  return { place, of: values.length, quarter };
}

const QUARTER_WORDS: Record<Rank['quarter'], string> = {
  1: 'bij het kwart met de hoogste cijfers',
  2: 'net boven het midden',
  3: 'net onder het midden',
  4: 'bij het kwart met de laagste cijfers',
};

/** "Plaats 45 van 342 gemeenten: bij het kwart met de hoogste cijfers." (Plaats 1 has the highest figure.) */
export function rankText(rank: Rank, kind: PublishedArea['kind']): string {
  return `Plaats ${rank.place} van ${rank.of} ${KIND_LABELS[kind].many}: ${QUARTER_WORDS[rank.quarter]}.`;
}

export function keyFigures(view: RegionalView): IndicatorDefinition[] {
  return KEY_FIGURES.flatMap((id) => {
    const d = INDICATORS_BY_ID.get(id);
    return d && view.hasFigures(id) ? [d] : [];
  });
}

function item(view: RegionalView, area: PublishedArea, d: IndicatorDefinition, comparisons: readonly Comparison[]): string {
  const period = view.latestPeriod(d.id);
  const own = view.latest(d.id, area.code);
  const rate = RATE_UNITS.has(d.unit);
  const lines: string[] = [];
  lines.push(`<p class="maoj-sum-value">${esc(isValue(own) ? formatValueWithUnit(own.result.value, d) : figureText(own, d))}</p>`);
  if (period) lines.push(`<p>Peiljaar: ${esc(periodText(period, d))}${own?.provisional ? ', voorlopig' : ''}</p>`);
  if (area.code !== NEDERLAND_CODE) {
    const nl = view.latest(d.id, NEDERLAND_CODE);
    let text = `Nederland: ${figureText(nl, d)}`;
    if (!rate && isValue(own) && isValue(nl) && nl.result.value > 0) {
      const share = (own.result.value / nl.result.value) * 100;
      text += `. ${area.name} heeft ${formatDecimal(share, share < 1 ? 2 : 1)}% daarvan`;
    }
    lines.push(`<p>${esc(text)}.</p>`);
  }
  const rank = rate ? rankOf(view, d.id, area) : undefined;
  if (rank) lines.push(`<p>${esc(rankText(rank, area.kind))}</p>`);
  if (rate) {
    const compared = comparisons.flatMap((c) => {
      const f = view.latest(d.id, c.area.code);
      return isValue(f) ? [`${c.area.name} ${formatValue(f.result.value, d)}`] : [];
    });
    if (compared.length) lines.push(`<p>Vergelijk: ${esc(compared.join(' · '))}.</p>`);
  }
  if (!isValue(own) && own && own.result.state === 'not-aggregatable') lines.push(`<p>Dit cijfer is er alleen per gemeente en voor Nederland.</p>`);
  return `<li class="maoj-sum-item"><h3 class="utrecht-heading-3"><a class="utrecht-link" href="#${d.id}">${esc(d.name)}</a></h3>${lines.join('')}</li>`;
}

/** The summary block; empty when no key figure has numbers. */
export function summaryBlock(view: RegionalView, area: PublishedArea, comparisons: readonly Comparison[]): string {
  const list = keyFigures(view);
  if (list.length === 0) return '';
  const ranked = area.kind !== 'nederland' && list.some((d) => RATE_UNITS.has(d.unit) && rankOf(view, d.id, area));
  return `<section class="maoj-summary" aria-labelledby="kort"><h2 class="utrecht-heading-2" id="kort">In het kort</h2><ul class="maoj-sum-list">${list.map((d) => item(view, area, d, comparisons)).join('')}</ul>${ranked ? `<p class="utrecht-paragraph maoj-muted">De plaats zegt waar ${esc(area.name)} staat tussen alle ${esc(KIND_LABELS[area.kind].many)} met een cijfer: plaats 1 heeft het hoogste cijfer.</p>` : ''}</section>`;
}

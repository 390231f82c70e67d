import { NEDERLAND_CODE, SPLIT_RULE, type Membership } from '../areas/model.ts';
import type { Figure } from '../indicators/aggregate.ts';
import { HERINDELING_RULE, THEMES, UNIT_LABELS, type IndicatorDefinition, type Theme } from '../indicators/catalogue.ts';
import type { PublishedArea } from '../imports/snapshot.ts';
import { esc } from '../web/html.ts';
import { barChart, lineChart, type BarDatum } from './charts.ts';
import { comparisonMethodText, resolveComparisons, type Comparison } from './compare.ts';
import {
  explainState,
  figureText,
  formatDecimal,
  formatShare,
  formatValue,
  formatValueWithUnit,
  isValue,
  joinDutch,
  KIND_LABELS,
  periodText,
  STATE_WORDS,
} from './format.ts';
import { areaCsvPath, areaPath, AREA_KIND_ORDER, mapPath, type RegionalView } from './view.ts';
import { routePath } from '../routes.ts';

/**
 * The page of one area: per theme, per indicator the latest figure next to Nederland, a bar chart
 * against the comparison areas, a line chart over the years, the tables with the same numbers, the
 * source and the rule by which the figure was put together. Pure: the static site and the
 * "vergelijk met" Lambda render the same HTML.
 */

export interface RenderedPage {
  title: string;
  main: string;
}

export const NO_FIGURES_YET = 'Voor dit onderwerp zijn nog geen cijfers geladen.';

const RATE_UNITS = new Set(['procent', 'per-1000']);
export const isRate = (d: IndicatorDefinition) => RATE_UNITS.has(d.unit);

/** "Gemeente Amsterdam", "Samenwerkingsverband PO 27-07", "Jeugdregio Amsterdam-Amstelland". */
export function areaTitle(area: PublishedArea): string {
  if (area.kind === 'nederland') return area.name;
  if (area.kind === 'swv-po' || area.kind === 'swv-vo') return area.name;
  const kind = KIND_LABELS[area.kind].one;
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} ${area.name}`;
}

function link(area: PublishedArea, text = area.name): string {
  return `<a class="utrecht-link" href="${areaPath(area)}">${esc(text)}</a>`;
}

function sourceText(d: IndicatorDefinition): string {
  return d.sources
    .map((s) => {
      const title = s.url ? `<a class="utrecht-link" href="${esc(s.url)}">${esc(s.title)}</a>` : esc(s.title);
      return `${esc(s.publisher)}${s.tableId ? `, tabel ${esc(s.tableId)}` : ''}: ${title}`;
    })
    .join('; ');
}

/** The aggregation rule of an indicator in words. */
export function aggregationText(d: IndicatorDefinition, nameOf: (id: string) => string): string {
  const a = d.aggregation;
  if (a.kind === 'sum') return 'Voor een samenwerkingsverband, jeugdregio of provincie tellen wij de aantallen van de gemeenten op. Een gemeente die in meer dan één samenwerkingsverband ligt, telt mee naar haar aandeel postcodegebieden.';
  if (a.kind === 'ratio') {
    const factor = a.factor === 100 ? 'keer 100' : a.factor === 1000 ? 'keer 1.000' : `keer ${a.factor}`;
    return `Berekend als ${nameOf(a.numerator).toLowerCase()} gedeeld door ${nameOf(a.denominator).toLowerCase()}, ${factor}. Voor een samenwerkingsverband, jeugdregio of provincie tellen wij eerst beide aantallen van de gemeenten op en delen dan. Wij nemen nooit het gemiddelde van percentages.`;
  }
  return a.reason;
}

function provisionalText(f: Figure | undefined): string {
  return f?.provisional ? ' (voorlopig)' : '';
}

function figureNotes(view: RegionalView, area: PublishedArea, f: Figure | undefined, d: IndicatorDefinition): string[] {
  if (!f) return [];
  const notes: string[] = [];
  if (f.predecessorsIncluded?.length) {
    notes.push(`Met de cijfers van ${joinDutch(f.predecessorsIncluded.map(view.nameOf))}: ${f.predecessorsIncluded.length === 1 ? 'die gemeente is' : 'die gemeenten zijn'} opgegaan in ${area.name}.`);
  }
  if (f.predecessorsNotIncluded?.length) {
    notes.push(`Dit is ${area.name} zoals de gemeente toen was, zonder ${joinDutch(f.predecessorsNotIncluded.map(view.nameOf))}.`);
  }
  if (f.boundaries === 'as-of-year' && !f.predecessorsNotIncluded?.length && area.kind === 'gemeente') {
    notes.push('Dit cijfer gaat over de gemeente met de grenzen van dat jaar.');
  }
  if (f.method === 'source' && f.sumOfMembers !== undefined && isValue(f) && Math.abs(f.sumOfMembers - f.result.value) >= 0.5) {
    notes.push(`Dit is het cijfer van de bron zelf. De gemeenten samen komen op ${formatValue(f.sumOfMembers, d)}, door afronding.`);
  }
  if (f.ratio && isValue(f)) {
    const a = d.aggregation;
    if (a.kind === 'ratio') {
      const name = (id: string) => (view.indicators.find((i) => i.id === id)?.name ?? id).toLowerCase();
      notes.push(`Berekend uit ${formatValue(f.ratio.numerator, { unit: 'personen', decimals: 0 })} (${name(a.numerator)}) en ${formatValue(f.ratio.denominator, { unit: 'personen', decimals: 0 })} (${name(a.denominator)}).`);
    }
  }
  return notes;
}

function compareWords(a: number, b: number, d: IndicatorDefinition): 'hoger dan' | 'lager dan' | 'gelijk aan' {
  if (formatValue(a, d) === formatValue(b, d)) return 'gelijk aan';
  return a > b ? 'hoger dan' : 'lager dan';
}

function comparisonConclusion(area: PublishedArea, d: IndicatorDefinition, own: Figure | undefined, nl: Figure | undefined, rows: { area: PublishedArea; figure: Figure | undefined }[], period: string): string {
  const parts: string[] = [];
  if (!isRate(d)) {
    // Counts of areas of different size do not compare; the share of the national total does.
    if (isValue(own) && isValue(nl) && area.code !== NEDERLAND_CODE && nl.result.value > 0) {
      const share = (own.result.value / nl.result.value) * 100;
      parts.push(`In ${period} ${own.result.value === 1 ? 'is' : 'zijn'} er in ${area.name} ${formatValueWithUnit(own.result.value, d)}. Dat is ${formatDecimal(share, share < 1 ? 2 : 1)}% van het aantal in heel Nederland.`);
    } else if (!isValue(own)) parts.push(`Voor ${area.name} is er in ${period} geen cijfer (${figureText(own, d)}).`);
    return parts.join(' ');
  }
  if (isValue(own) && isValue(nl) && area.code !== NEDERLAND_CODE) {
    parts.push(`In ${period} is het cijfer van ${area.name} (${formatValue(own.result.value, d)}) ${compareWords(own.result.value, nl.result.value, d)} dat van Nederland (${formatValue(nl.result.value, d)}).`);
  } else if (!isValue(own)) {
    parts.push(`Voor ${area.name} is er in ${period} geen cijfer (${figureText(own, d)})${isValue(nl) ? `; Nederland: ${formatValue(nl.result.value, d)}` : ''}.`);
  }
  const withValues = rows.filter((r) => isValue(r.figure)) as { area: PublishedArea; figure: Figure & { result: { state: 'value'; value: number } } }[];
  if (withValues.length >= 3) {
    const top = [...withValues].sort((a, b) => b.figure.result.value - a.figure.result.value)[0]!;
    const bottom = [...withValues].sort((a, b) => a.figure.result.value - b.figure.result.value)[0]!;
    parts.push(`Van de ${withValues.length} gebieden met een cijfer heeft ${top.area.name} het hoogste (${formatValue(top.figure.result.value, d)}) en ${bottom.area.name} het laagste (${formatValue(bottom.figure.result.value, d)}).`);
  }
  return parts.join(' ');
}

function trendConclusion(area: PublishedArea, d: IndicatorDefinition, points: readonly { period: string; value: number }[]): string {
  const first = points[0]!;
  const last = points.at(-1)!;
  const what = isRate(d) ? 'het cijfer' : `het aantal ${UNIT_LABELS[d.unit]}`;
  const change = compareWords(last.value, first.value, d);
  const verb = change === 'gelijk aan' ? 'bleef gelijk' : change === 'hoger dan' ? 'steeg' : 'daalde';
  return `Van ${first.period} tot ${last.period} ${verb} ${what} in ${area.name}${verb === 'bleef gelijk' ? ` (${formatValue(last.value, d)})` : ` van ${formatValue(first.value, d)} naar ${formatValue(last.value, d)}`}.`;
}

function valueCell(f: Figure | undefined, d: IndicatorDefinition): string {
  if (isValue(f)) return `<td class="utrecht-table__cell maoj-num">${esc(formatValue(f.result.value, d))}${f.provisional ? '<span class="maoj-muted"> (voorlopig)</span>' : ''}</td>`;
  return `<td class="utrecht-table__cell maoj-num maoj-state">${esc(figureText(f, d))}</td>`;
}

function indicatorSection(view: RegionalView, area: PublishedArea, d: IndicatorDefinition, comparisons: readonly Comparison[]): string {
  const period = view.latestPeriod(d.id);
  const own = view.latest(d.id, area.code);
  const nl = area.code === NEDERLAND_CODE ? undefined : view.latest(d.id, NEDERLAND_CODE);
  const nameOfIndicator = (id: string) => view.indicators.find((i) => i.id === id)?.name ?? id;
  const out: string[] = [`<section class="maoj-indicator" aria-labelledby="${d.id}">`, `<h3 class="utrecht-heading-3" id="${d.id}">${esc(d.name)}</h3>`, `<p class="utrecht-paragraph">${esc(d.description)}</p>`];

  // Headline: the latest figure, next to Nederland.
  const facts: string[] = [];
  facts.push(`<div><dt>${esc(area.name)}</dt><dd><span class="maoj-keyvalue">${esc(isValue(own) ? formatValueWithUnit(own.result.value, d) : figureText(own, d))}</span></dd></div>`);
  if (area.code !== NEDERLAND_CODE) facts.push(`<div><dt>Nederland</dt><dd>${esc(isValue(nl) ? formatValueWithUnit(nl.result.value, d) : figureText(nl, d))}</dd></div>`);
  if (period) facts.push(`<div><dt>Periode</dt><dd>${esc(periodText(period, d))}${own?.provisional ? ', voorlopig cijfer' : ''}</dd></div>`);
  out.push(`<dl class="maoj-keyfigures">${facts.join('')}</dl>`);
  if (own && !isValue(own)) out.push(`<p class="utrecht-paragraph maoj-state-note"><strong>${esc(STATE_WORDS[own.result.state][0]!.toUpperCase() + STATE_WORDS[own.result.state].slice(1))}:</strong> ${esc(explainState(own.result, view.nameOf))}</p>`);
  if (!own) out.push(`<p class="utrecht-paragraph maoj-state-note">Voor ${esc(area.name)} is er in ${esc(period ?? '')} geen cijfer.</p>`);
  const notes = figureNotes(view, area, own, d);
  if (notes.length) out.push(`<p class="utrecht-paragraph maoj-muted">${notes.map(esc).join(' ')}</p>`);

  // Comparison: bar chart for rates (counts of areas of different size do not compare), table for all.
  if (period && comparisons.length > 0) {
    const rows = [{ area, figure: own }, ...comparisons.map((c) => ({ area: c.area, figure: view.latest(d.id, c.area.code) }))];
    const conclusion = comparisonConclusion(area, d, own, nl, rows, period);
    const table = [
      `<table class="utrecht-table maoj-table"><caption class="utrecht-table__caption">${esc(d.name)}, ${esc(periodText(period, d))}: ${esc(area.name)} en de gebieden waarmee wij vergelijken</caption>`,
      '<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">Gebied</th><th scope="col" class="utrecht-table__header-cell maoj-num">Cijfer</th></tr></thead><tbody class="utrecht-table__body">',
      ...[...rows, ...(area.code === NEDERLAND_CODE ? [] : [{ area: view.areas.get(NEDERLAND_CODE)!, figure: nl }])].map(
        (r) => `<tr class="utrecht-table__row"><th scope="row" class="utrecht-table__header-cell">${r.area.code === area.code ? esc(r.area.name) : link(r.area)}${r.area.kind === 'nederland' || r.area.kind === 'swv-po' || r.area.kind === 'swv-vo' ? '' : `<span class="maoj-muted"> (${esc(KIND_LABELS[r.area.kind].short)})</span>`}</th>${valueCell(r.figure, d)}</tr>`,
      ),
      '</tbody></table>',
    ].join('');
    if (isRate(d)) {
      const data: BarDatum[] = rows.map((r) => ({
        label: r.area.code === area.code ? `${r.area.name} (dit gebied)` : r.area.name,
        value: isValue(r.figure) ? r.figure.result.value : undefined,
        text: figureText(r.figure, d),
        highlight: r.area.code === area.code,
      }));
      const reference = isValue(nl) ? { label: 'Nederland', value: nl.result.value, text: formatValue(nl.result.value, d) } : undefined;
      const chart = barChart({ id: `${d.id}-vergelijk`, title: `${d.name}, ${period}: ${area.name} vergeleken`, description: `${conclusion} De cijfers staan ook in de tabel onder de grafiek.`, data, reference });
      out.push(`<figure class="maoj-figure">${chart}<figcaption class="maoj-figcaption">${esc(conclusion)}</figcaption></figure>`);
      out.push(`<details class="maoj-details"><summary>Bekijk de vergelijking als tabel</summary>${table}</details>`);
    } else {
      out.push(`<p class="utrecht-paragraph">${esc(conclusion)}</p>`);
      out.push(`<details class="maoj-details"><summary>Vergelijk met andere gebieden (tabel)</summary>${table}</details>`);
    }
  }

  // Over the years.
  const series = view.series(d.id, area.code);
  if (series.length > 1) {
    const nlSeries = area.code === NEDERLAND_CODE ? [] : view.series(d.id, NEDERLAND_CODE);
    const current = series.filter((f) => isValue(f) && f.boundaries === 'current') as (Figure & { result: { value: number } })[];
    if (current.length >= 3) {
      const points = current.map((f) => ({ period: f.period, value: f.result.value, text: formatValue(f.result.value, d) }));
      const conclusion = trendConclusion(area, d, points);
      const lines = [{ label: area.name, points }];
      if (isRate(d) && area.code !== NEDERLAND_CODE) {
        const nlPoints = nlSeries.filter((f) => isValue(f) && points.some((p) => p.period === f.period)).map((f) => ({ period: f.period, value: (f.result as { value: number }).value, text: formatValue((f.result as { value: number }).value, d) }));
        if (nlPoints.length > 0) lines.push({ label: 'Nederland', points: nlPoints, reference: true } as never);
      }
      const earlier = series.some((f) => f.boundaries === 'as-of-year' && isValue(f));
      const chart = lineChart({ id: `${d.id}-reeks`, title: `${d.name} in ${area.name}, ${points[0]!.period} tot ${points.at(-1)!.period}`, description: `${conclusion} De cijfers staan ook in de tabel onder de grafiek.`, series: lines, unitSuffix: d.unit === 'procent' ? '%' : '' });
      out.push(`<figure class="maoj-figure">${chart}<figcaption class="maoj-figcaption">${esc(conclusion)}${earlier ? ' Jaren met andere gemeentegrenzen staan alleen in de tabel.' : ''}</figcaption></figure>`);
    }
    const byPeriod = new Map(nlSeries.map((f) => [f.period, f]));
    const showNl = area.code !== NEDERLAND_CODE;
    out.push(
      `<details class="maoj-details"><summary>Bekijk alle jaren als tabel</summary><table class="utrecht-table maoj-table"><caption class="utrecht-table__caption">${esc(d.name)} in ${esc(area.name)}${showNl ? ' en Nederland' : ''}, per jaar</caption>` +
        `<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">Jaar</th><th scope="col" class="utrecht-table__header-cell maoj-num">${esc(area.name)}</th>${showNl ? '<th scope="col" class="utrecht-table__header-cell maoj-num">Nederland</th>' : ''}</tr></thead><tbody class="utrecht-table__body">` +
        series
          .map((f) => `<tr class="utrecht-table__row"><th scope="row" class="utrecht-table__header-cell">${esc(f.period)}${f.boundaries === 'as-of-year' && area.kind === 'gemeente' ? '<span class="maoj-muted"> (grenzen van toen)</span>' : ''}</th>${valueCell(f, d)}${showNl ? valueCell(byPeriod.get(f.period), d) : ''}</tr>`)
          .join('') +
        '</tbody></table></details>',
    );
  }

  // Source, rule, notes.
  const about: string[] = [`<div><dt>Bron</dt><dd>${sourceText(d)}</dd></div>`, `<div><dt>Hoe wij het cijfer samenstellen</dt><dd>${esc(aggregationText(d, nameOfIndicator))}</dd></div>`];
  if (d.notes?.length) about.push(`<div><dt>Let op</dt><dd>${d.notes.map(esc).join(' ')}</dd></div>`);
  out.push(`<dl class="maoj-about">${about.join('')}</dl>`);
  if (area.kind === 'gemeente' && view.series(d.id, area.code).some((f) => isValue(f))) {
    out.push(`<p class="utrecht-paragraph"><a class="utrecht-link" href="${mapPath(d.id)}">Bekijk ${esc(d.name.toLowerCase())} op de kaart van alle gemeenten</a></p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function baseTable(view: RegionalView, area: PublishedArea, defs: readonly IndicatorDefinition[], themeId: string): string {
  const rows = defs.map((d) => {
    const f = view.latest(d.id, area.code);
    const period = view.latestPeriod(d.id) ?? '';
    return `<tr class="utrecht-table__row"><th scope="row" class="utrecht-table__header-cell">${esc(d.name)}</th><td class="utrecht-table__cell">${esc(period)}</td>${valueCell(f, d)}</tr>`;
  });
  return `<details class="maoj-details"><summary>Aantallen waarmee wij de percentages berekenen</summary><table class="utrecht-table maoj-table" id="basis-${themeId}"><caption class="utrecht-table__caption">Aantallen voor ${esc(area.name)}, nieuwste jaar</caption><thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">Aantal</th><th scope="col" class="utrecht-table__header-cell">Jaar</th><th scope="col" class="utrecht-table__header-cell maoj-num">${esc(area.name)}</th></tr></thead><tbody class="utrecht-table__body">${rows.join('')}</tbody></table></details>`;
}

function membershipShare(m: Membership): string {
  return m.postcodeAreas !== undefined && m.postcodeAreasInGemeente !== undefined
    ? `${formatShare(m.share)}: ${m.postcodeAreas} van de ${m.postcodeAreasInGemeente} postcodegebieden`
    : formatShare(m.share);
}

function relationsSection(view: RegionalView, area: PublishedArea): string {
  const out: string[] = [];
  if (area.kind === 'gemeente') {
    const groups = view.groups(area.code).filter((g) => g.groupKind !== 'nederland');
    out.push(`<h2 class="utrecht-heading-2" id="ligging">Waar hoort ${esc(area.name)} bij?</h2><ul class="utrecht-unordered-list">`);
    for (const kind of ['swv-po', 'swv-vo', 'jeugdregio', 'provincie'] as const) {
      const list = groups.filter((g) => g.groupKind === kind).sort((a, b) => b.share - a.share);
      if (list.length === 0) continue;
      const label = kind === 'swv-po' ? 'Samenwerkingsverband passend onderwijs voor primair onderwijs (SWV PO)' : kind === 'swv-vo' ? 'Samenwerkingsverband passend onderwijs voor voortgezet onderwijs (SWV VO)' : KIND_LABELS[kind].one[0]!.toUpperCase() + KIND_LABELS[kind].one.slice(1);
      const items = list.map((g) => {
        const group = view.areas.get(g.groupCode);
        const text = group ? link(group) : esc(g.groupCode);
        return list.length > 1 ? `${text} (${esc(membershipShare(g))})` : text;
      });
      out.push(`<li class="utrecht-unordered-list__item">${esc(label)}: ${joinDutch(items)}</li>`);
    }
    out.push('</ul>');
    const split = groups.filter((g) => (g.groupKind === 'swv-po' || g.groupKind === 'swv-vo') && g.share < 1);
    if (split.length > 0) {
      out.push(`<div class="utrecht-alert utrecht-alert--info maoj-note" role="note"><p class="utrecht-paragraph"><strong>${esc(area.name)} ligt in meer dan één samenwerkingsverband.</strong> Bij het optellen voor een samenwerkingsverband telt ${esc(area.name)} alleen mee met het deel dat in dat samenwerkingsverband ligt (zie hierboven). ${esc(SPLIT_RULE.description)}</p></div>`);
    }
  } else if (area.kind === 'nederland') {
    out.push(`<h2 class="utrecht-heading-2" id="ligging">Provincies</h2><ul class="utrecht-unordered-list maoj-columns">`);
    for (const p of view.byKind.provincie) out.push(`<li class="utrecht-unordered-list__item">${link(p)}</li>`);
    out.push('</ul>');
    out.push(`<p class="utrecht-paragraph">Alle gemeenten, samenwerkingsverbanden en jeugdregio's vindt u op de pagina <a class="utrecht-link" href="/gebieden/">Cijfers per gebied</a>.</p>`);
  } else {
    const members = [...view.members(area.code)].sort((a, b) => view.nameOf(a.gemeenteCode).localeCompare(view.nameOf(b.gemeenteCode), 'nl'));
    out.push(`<h2 class="utrecht-heading-2" id="ligging">Gemeenten in ${esc(area.name)}</h2>`);
    out.push(`<p class="utrecht-paragraph">${esc(area.name)} bestaat uit ${members.length} ${members.length === 1 ? 'gemeente' : 'gemeenten'}${members.some((m) => m.share < 1) ? ', waarvan een deel maar gedeeltelijk' : ''}.</p><ul class="utrecht-unordered-list maoj-columns">`);
    for (const m of members) {
      const g = view.areas.get(m.gemeenteCode);
      const text = g ? link(g) : esc(m.gemeenteCode);
      out.push(`<li class="utrecht-unordered-list__item">${text}${m.share < 1 ? ` (telt mee voor ${esc(membershipShare(m))})` : ''}</li>`);
    }
    out.push('</ul>');
    const split = members.filter((m) => m.share < 1);
    if (split.length > 0) {
      const list = split.map((m) => `${view.nameOf(m.gemeenteCode)} telt mee voor ${formatShare(m.share)} (${m.postcodeAreas} van de ${m.postcodeAreasInGemeente} postcodegebieden)`);
      out.push(`<div class="utrecht-alert utrecht-alert--info maoj-note" role="note"><p class="utrecht-paragraph"><strong>Niet alle gemeenten liggen helemaal in dit samenwerkingsverband.</strong> ${esc(joinDutch(list))}. ${esc(SPLIT_RULE.description)}</p></div>`);
    }
    if (area.hasOwnName === false) out.push(`<p class="utrecht-paragraph maoj-muted">De naam van dit samenwerkingsverband is nog niet geladen. U ziet daarom de code uit de Regeling regio-indeling.</p>`);
  }
  return out.join('\n');
}

/** The "Vergelijk met" GET form: 3 choices of the page's own kind, one of each other kind. */
export function comparisonForm(view: RegionalView, area: PublishedArea, comparisons: readonly Comparison[]): string {
  const chosen = new Map<string, string[]>();
  for (const c of comparisons) chosen.set(c.area.kind, [...(chosen.get(c.area.kind) ?? []), c.area.code]);
  const kinds = AREA_KIND_ORDER.filter((k) => k !== 'nederland');
  const fields: string[] = [];
  for (const kind of kinds) {
    const slots = kind === area.kind || (area.kind === 'nederland' && kind === 'provincie') ? 3 : 1;
    const selected = chosen.get(kind) ?? [];
    for (let i = 0; i < slots; i++) {
      const id = `met-${kind}-${i + 1}`;
      const label = `${KIND_LABELS[kind].short[0]!.toUpperCase()}${KIND_LABELS[kind].short.slice(1)}${slots > 1 ? ` ${i + 1}` : ''}`;
      const current = selected[i];
      const options = view.byKind[kind]
        .filter((a) => a.code !== area.code)
        .map((a) => `<option value="${esc(a.code)}"${a.code === current ? ' selected' : ''}>${esc(a.name)}${kind === 'gemeente' || !a.hasOwnName ? '' : ` (${esc(a.code)})`}</option>`)
        .join('');
      fields.push(`<div class="utrecht-form-field utrecht-form-field--select maoj-compare-field"><div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${esc(label)}</label></div><div class="utrecht-form-field__input"><select class="utrecht-select utrecht-select--html-select" id="${id}" name="met"><option value="">Geen</option>${options}</select></div></div>`);
    }
  }
  return `<form class="maoj-form maoj-compare-form" method="get" action="${routePath('regionalCompare', 'GET')}" novalidate>
<input type="hidden" name="gebied" value="${esc(area.code)}">
<fieldset class="utrecht-form-fieldset"><legend class="utrecht-form-fieldset__legend">Vergelijk ${esc(area.name)} met</legend>
<p class="utrecht-paragraph utrecht-form-field-description">Kies de gebieden die u naast ${esc(area.name)} wilt zien. Nederland staat er altijd bij.</p>
<div class="maoj-compare-grid">${fields.join('\n')}</div>
</fieldset>
<div class="maoj-buttons"><button class="utrecht-button utrecht-button--primary-action" type="submit">Vergelijk</button></div>
</form>`;
}

function comparisonSection(view: RegionalView, area: PublishedArea, comparisons: readonly Comparison[], chosen: boolean, ignored: readonly string[]): string {
  const out: string[] = [`<h2 class="utrecht-heading-2" id="vergelijken">Vergelijken</h2>`];
  out.push(`<p class="utrecht-paragraph">${chosen ? `U vergelijkt ${esc(area.name)} met Nederland en met de gebieden die u koos.` : esc(comparisonMethodText(view, area))}</p>`);
  if (ignored.length > 0) out.push(`<p class="utrecht-paragraph maoj-state-note">Deze codes kennen wij niet en laten wij weg: ${esc(ignored.join(', '))}.</p>`);
  if (comparisons.length > 0) {
    out.push('<ul class="utrecht-unordered-list">');
    for (const c of comparisons) out.push(`<li class="utrecht-unordered-list__item">${link(c.area)} (${esc(c.reason)})</li>`);
    out.push('</ul>');
  }
  out.push(comparisonForm(view, area, comparisons));
  return out.join('\n');
}

/**
 * The whole main content of an area page. comparisonCodes: the codes chosen in the "Vergelijk met"
 * form (GET ?met=...); undefined for the default comparison.
 */
export function renderAreaPage(view: RegionalView, area: PublishedArea, comparisonCodes?: readonly string[]): RenderedPage {
  const { comparisons, chosen, ignored } = resolveComparisons(view, area, comparisonCodes);
  const title = areaTitle(area);
  const themes = Object.keys(THEMES) as Theme[];
  const out: string[] = [];
  out.push(`<p class="maoj-step-count">${esc(KIND_LABELS[area.kind].short === 'Nederland' ? 'Heel Nederland' : KIND_LABELS[area.kind].one[0]!.toUpperCase() + KIND_LABELS[area.kind].one.slice(1))}${area.kind === 'nederland' ? '' : ` · code ${esc(area.code)}`}</p>`);
  out.push(`<h1 class="utrecht-heading-1 maoj-area-title">${esc(title)}</h1>`);
  out.push(
    `<p class="utrecht-paragraph maoj-lead">Hier ziet u contextcijfers over de jeugd in ${esc(area.name)}: cijfers van het CBS over inwoners, gezinnen en jeugdhulp. Bij elk cijfer staat het cijfer van Nederland, een vergelijking met andere gebieden en de bron.</p>`,
  );
  out.push(`<nav aria-label="Op deze pagina" class="maoj-toc"><ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#ligging">${area.kind === 'gemeente' ? 'Waar hoort deze gemeente bij?' : area.kind === 'nederland' ? 'Provincies' : 'Gemeenten in dit gebied'}</a></li><li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#vergelijken">Vergelijken</a></li>${themes.map((t) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#thema-${t}">${esc(THEMES[t].name)}</a></li>`).join('')}</ul></nav>`);
  out.push(`<p class="utrecht-paragraph"><a class="utrecht-link" href="${areaCsvPath(area)}" download>Download alle cijfers van ${esc(area.name)} (CSV, voor Excel)</a></p>`);
  out.push(relationsSection(view, area));
  out.push(comparisonSection(view, area, comparisons, chosen, ignored));

  for (const theme of themes) {
    const defs = view.indicators.filter((d) => d.theme === theme);
    out.push(`<section class="maoj-theme-section" aria-labelledby="thema-${theme}"><h2 class="utrecht-heading-2" id="thema-${theme}">${esc(THEMES[theme].name)}</h2><p class="utrecht-paragraph">${esc(THEMES[theme].description)}</p>`);
    const withFigures = defs.filter((d) => view.hasFigures(d.id));
    for (const d of withFigures.filter((d) => d.role === 'main')) out.push(indicatorSection(view, area, d, comparisons));
    const bases = withFigures.filter((d) => d.role === 'base');
    if (bases.length > 0) out.push(baseTable(view, area, bases, theme));
    const empty = defs.filter((d) => !view.hasFigures(d.id) && d.role === 'main');
    if (empty.length > 0) {
      out.push(`<h3 class="utrecht-heading-3">Nog geen cijfers</h3><ul class="utrecht-unordered-list maoj-empty-list">`);
      for (const d of empty) {
        out.push(`<li class="utrecht-unordered-list__item"><strong>${esc(d.name)}</strong> (${esc(d.sources.map((s) => s.publisher).join(', '))}${d.availability === 'made-to-order' ? ', maatwerk, niet openbaar' : ''}). ${NO_FIGURES_YET}</li>`);
      }
      out.push('</ul>');
    }
    out.push('</section>');
  }
  out.push(`<h2 class="utrecht-heading-2">Over deze cijfers</h2><p class="utrecht-paragraph">${esc(HERINDELING_RULE)}</p><p class="utrecht-paragraph">Een punt (.) of het woord "geheim" betekent: het CBS houdt het cijfer geheim, meestal omdat het om heel weinig mensen gaat. "Onvolledig" betekent: van een of meer gemeenten ontbreekt een cijfer, dus geven wij geen totaal. Wij vullen een ontbrekend cijfer nooit aan met 0.</p><p class="utrecht-paragraph maoj-muted">Gemeentelijke indeling ${view.indelingYear}. Cijferset ${esc(view.snapshotId.slice(0, 8))}.</p>`);
  return { title, main: out.join('\n') };
}

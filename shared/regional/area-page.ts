import { NEDERLAND_CODE, SPLIT_RULE, type Membership } from '../areas/model.ts';
import type { Figure } from '../indicators/aggregate.ts';
import { HERINDELING_RULE, THEMES, UNIT_LABELS, type IndicatorDefinition, type Source, type Theme } from '../indicators/catalogue.ts';
import type { PublishedArea } from '../imports/snapshot.ts';
import { esc } from '../web/html.ts';
import { lineChart } from './charts.ts';
import { comparisonMethodText, MAX_COMPARISONS, resolveComparisons, type Comparison } from './compare.ts';
import { summaryBlock } from './summary.ts';
import { barTable, scrollTable } from './table.ts';
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
  sourceTableText,
  STATE_WORDS,
  updatedText,
} from './format.ts';
import { areaCsvPath, areaPath, AREA_KIND_ORDER, mapPath, type RegionalView } from './view.ts';
import { routePath } from '../routes.ts';

/**
 * The page of one area: first "In het kort" (the key figures with Nederland, the comparison areas,
 * the peiljaar and the place among all areas of the kind), then per theme, per indicator the latest
 * figure next to Nederland, a bar chart against the comparison areas, a line chart over the years and
 * the tables with the same numbers (focusable scroll regions), the source per figure; sources, rules
 * and shared notes once at the end. Pure: the static site and the "vergelijk met" Lambda render the
 * same HTML. The static page carries no option lists: the chooser is a page of the API.
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
  if (isValue(f)) return `<td>${esc(formatValue(f.result.value, d))}${f.provisional ? ' <small>(voorlopig)</small>' : ''}</td>`;
  return `<td class="s">${esc(figureText(f, d))}</td>`;
}

function kindSuffix(a: PublishedArea): string {
  return a.kind === 'nederland' || a.kind === 'swv-po' || a.kind === 'swv-vo' ? '' : ` <small>(${esc(KIND_LABELS[a.kind].short)})</small>`;
}

/** Notes that more than one indicator on the page shares are listed once, at the end of the page. */
interface NoteIndex {
  shared: Map<string, number>;
  /** A figure note that holds for most figures of the page (a herindeling): said once, at the top. */
  pageWide?: string;
}

/** The source of the figure shown (latest period): the table of that year where the source is a yearly series. */
function sourceLine(d: IndicatorDefinition, period: string | undefined): string {
  const relevant = period === undefined ? [] : d.sources.filter((s) => s.tableIdByPeriod?.[period] !== undefined);
  // A table without a known id: its title here; what is known about it is under "Bronnen".
  return (relevant.length ? relevant : d.sources)
    .map((s) => (s.tableId || !s.tableIdUnknown ? `${esc(s.publisher)}, ${esc(sourceTableText(s, period))}` : `${esc(s.publisher)}, "${esc(s.title)}" (tabelnummer onbekend, zie <a class="utrecht-link" href="#bronnen">bronnen</a>)`))
    .join('; ');
}

function indicatorSection(view: RegionalView, area: PublishedArea, d: IndicatorDefinition, comparisons: readonly Comparison[], notes: NoteIndex): string {
  const period = view.latestPeriod(d.id);
  const own = view.latest(d.id, area.code);
  const nl = area.code === NEDERLAND_CODE ? undefined : view.latest(d.id, NEDERLAND_CODE);
  const out: string[] = [`<section class="maoj-indicator" aria-labelledby="${d.id}">`, `<h3 class="utrecht-heading-3" id="${d.id}">${esc(d.name)}</h3>`, `<p class="utrecht-paragraph">${esc(d.description)}</p>`];

  // Headline: the latest figure, next to Nederland, with its reference year.
  const facts: string[] = [];
  facts.push(`<div><dt>${esc(area.name)}</dt><dd><span class="maoj-keyvalue">${esc(isValue(own) ? formatValueWithUnit(own.result.value, d) : figureText(own, d))}</span></dd></div>`);
  if (area.code !== NEDERLAND_CODE) facts.push(`<div><dt>Nederland</dt><dd>${esc(isValue(nl) ? formatValueWithUnit(nl.result.value, d) : figureText(nl, d))}</dd></div>`);
  if (period) facts.push(`<div><dt>Peiljaar</dt><dd>${esc(periodText(period, d))}${own?.provisional ? ', voorlopig cijfer' : ''}</dd></div>`);
  out.push(`<dl class="maoj-keyfigures">${facts.join('')}</dl>`);
  if (own && !isValue(own)) out.push(`<p class="utrecht-paragraph maoj-state-note"><strong>${esc(STATE_WORDS[own.result.state][0]!.toUpperCase() + STATE_WORDS[own.result.state].slice(1))}:</strong> ${esc(explainState(own.result, view.nameOf))}</p>`);
  if (!own) out.push(`<p class="utrecht-paragraph maoj-state-note">Voor ${esc(area.name)} is er in ${esc(period ?? '')} geen cijfer.</p>`);
  const figureNoteList = figureNotes(view, area, own, d).filter((n) => n !== notes.pageWide);
  if (figureNoteList.length) out.push(`<p class="utrecht-paragraph maoj-muted">${figureNoteList.map(esc).join(' ')}</p>`);

  // Comparison: for rates a bar chart and a table; counts of areas of different size do not compare.
  if (period && comparisons.length > 0) {
    const rows = [{ area, figure: own }, ...comparisons.map((c) => ({ area: c.area, figure: view.latest(d.id, c.area.code) }))];
    const conclusion = comparisonConclusion(area, d, own, nl, rows, period);
    if (isRate(d)) {
      const all = [...rows, ...(area.code === NEDERLAND_CODE ? [] : [{ area: view.areas.get(NEDERLAND_CODE)!, figure: nl }])];
      // Areas for which the figure cannot exist (a percentage without its base, for an SWV) are named once.
      const impossible = all.filter((r) => r.area.code !== area.code && r.figure?.result.state === 'not-aggregatable');
      const listed = all.filter((r) => !impossible.includes(r));
      const names = listed.map((r) => r.area.name);
      const label = (a: PublishedArea) => `${esc(a.name)}${names.filter((n) => n === a.name).length > 1 ? kindSuffix(a) : ''}`;
      const captionId = `${d.id}-tv`;
      const table = barTable({
        id: captionId,
        caption: `${d.name}, ${period}: ${area.name} vergeleken`,
        head: ['Gebied', 'Cijfer'],
        rows: listed.map((r) => ({
          label: label(r.area),
          value: isValue(r.figure) ? r.figure.result.value : undefined,
          text: figureText(r.figure, d) + (r.figure?.provisional && isValue(r.figure) ? ' (voorlopig)' : ''),
          kind: r.area.code === area.code ? 'own' : r.area.code === NEDERLAND_CODE ? 'reference' : undefined,
        })),
      });
      const missing = impossible.length > 0 ? ` Voor ${joinDutch(impossible.map((r) => r.area.name))} is dit cijfer er niet: het is niet op te tellen.` : '';
      out.push(`<figure class="maoj-figure maoj-barfig">${conclusion || missing ? `<figcaption class="maoj-figcaption">${esc(conclusion + missing)}</figcaption>` : ''}${table}</figure>`);
    } else if (conclusion) {
      out.push(`<p class="utrecht-paragraph">${esc(conclusion)}</p>`);
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
      const chart = lineChart({ id: `${d.id}-reeks`, title: `${d.name} in ${area.name}, ${points[0]!.period} tot ${points.at(-1)!.period}`, description: '', series: lines, unitSuffix: d.unit === 'procent' ? '%' : '' });
      out.push(`<figure class="maoj-figure">${chart}<figcaption class="maoj-figcaption">${esc(conclusion)}${earlier ? ' Jaren met andere gemeentegrenzen staan alleen in de tabel.' : ''}</figcaption></figure>`);
    }
    const byPeriod = new Map(nlSeries.map((f) => [f.period, f]));
    const showNl = area.code !== NEDERLAND_CODE;
    out.push(
      scrollTable({
        id: `${d.id}-tj`,
        caption: `${d.name} in ${area.name}${showNl ? ' en Nederland' : ''}, per jaar`,
        head: ['Jaar', area.name, ...(showNl ? ['Nederland'] : [])],
        rows: series.map((f) => `<tr><th scope="row">${esc(f.period)}${f.boundaries === 'as-of-year' && area.kind === 'gemeente' ? ' <small>(grenzen van toen)</small>' : ''}</th>${valueCell(f, d)}${showNl ? valueCell(byPeriod.get(f.period), d) : ''}</tr>`),
      }),
    );
  }

  // Source and notes; notes shared with other figures are at the end of the page.
  const own_notes = (d.notes ?? []).filter((n) => !notes.shared.has(n));
  const shared = (d.notes ?? []).filter((n) => notes.shared.has(n)).map((n) => notes.shared.get(n)!);
  const mapLink = area.kind === 'gemeente' && series.some((f) => isValue(f)) && d.availability === 'public' ? ` <a class="utrecht-link" href="${mapPath(d.id)}">Dit cijfer op de kaart</a>.` : '';
  out.push(
    `<p class="utrecht-paragraph maoj-src">Bron${period ? ` van ${esc(period)}` : ''}: ${sourceLine(d, period)} (<a class="utrecht-link" href="#samenstellen">uitleg</a>). ` +
      (own_notes.length ? `Let op: ${own_notes.map(esc).join(' ')} ` : '') +
      (shared.length ? `Lees ook ${shared.map((n) => `<a class="utrecht-link" href="#noot-${n}">opmerking ${n}</a>`).join(' en ')}. ` : '') +
      mapLink +
      '</p>',
  );
  out.push('</section>');
  return out.join('\n');
}

function baseTable(view: RegionalView, area: PublishedArea, defs: readonly IndicatorDefinition[], themeId: string): string {
  const rows = defs.map((d) => {
    const f = view.latest(d.id, area.code);
    const period = view.latestPeriod(d.id) ?? '';
    return `<tr><th scope="row">${esc(d.name)}</th><td class="l">${esc(period)}</td>${valueCell(f, d)}</tr>`;
  });
  return `<h3 class="utrecht-heading-3">Aantallen waarmee wij de percentages berekenen</h3>${scrollTable({ id: `basis-${themeId}`, caption: `Aantallen voor ${area.name}, nieuwste jaar`, head: ['Aantal', 'Jaar', area.name], rows, numericFrom: 2 })}`;
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

/** The link to the chooser (served by the API), with the current choice when the visitor made one. */
export function chooserHref(area: PublishedArea, chosen?: readonly Comparison[]): string {
  const params = new URLSearchParams({ gebied: area.code });
  if (chosen) {
    params.set('kies', 'ja');
    for (const c of chosen) params.append('met', c.area.code);
  }
  return `${routePath('regionalCompare', 'GET')}?${params.toString().replaceAll('&', '&amp;')}`;
}

function comparisonSection(view: RegionalView, area: PublishedArea, comparisons: readonly Comparison[], chosen: boolean, ignored: readonly string[]): string {
  const out: string[] = [`<section class="maoj-compare" aria-labelledby="vergelijken"><h2 class="utrecht-heading-2" id="vergelijken">Vergelijken</h2>`];
  out.push(`<p class="utrecht-paragraph">${chosen ? `U vergelijkt ${esc(area.name)} met Nederland en met de gebieden die u koos.` : esc(comparisonMethodText(view, area).replace(' U kunt ook zelf kiezen met welke gebieden u vergelijkt.', ''))}</p>`);
  if (ignored.length > 0) out.push(`<p class="utrecht-paragraph maoj-state-note">Deze codes kennen wij niet en laten wij weg: ${esc(ignored.join(', '))}.</p>`);
  if (comparisons.length > 0) {
    out.push(`<ul class="utrecht-unordered-list${comparisons.length > 8 ? ' maoj-columns' : ''}">`);
    for (const c of comparisons) out.push(`<li class="utrecht-unordered-list__item">${link(c.area)} (${esc(c.reason)})</li>`);
    out.push('</ul>');
  }
  out.push(`<p class="utrecht-paragraph maoj-no-print"><a class="utrecht-link" href="${chooserHref(area, chosen ? comparisons : undefined)}">Kies andere gebieden om mee te vergelijken</a></p></section>`);
  return out.join('\n');
}

/** "Over deze cijfers": every source once, the rules, the shared notes, the date of the figures. */
function aboutSection(view: RegionalView, shown: readonly IndicatorDefinition[], notes: NoteIndex): string {
  const nameOfIndicator = (id: string) => view.indicators.find((i) => i.id === id)?.name ?? id;
  const sources = new Map<Source, string[]>();
  for (const d of shown) for (const s of d.sources) sources.set(s, [...(sources.get(s) ?? []), d.name]);
  const rules = new Map<string, string[]>();
  const ratios: string[] = [];
  for (const d of shown) {
    const a = d.aggregation;
    if (a.kind === 'ratio') {
      ratios.push(`${d.name.toLowerCase()} = ${nameOfIndicator(a.numerator).toLowerCase()} gedeeld door ${nameOfIndicator(a.denominator).toLowerCase()}${a.factor === 100 ? ', keer 100' : a.factor === 1000 ? ', keer 1.000' : ` keer ${a.factor}`}`);
      continue;
    }
    const text = aggregationText(d, nameOfIndicator);
    rules.set(text, [...(rules.get(text) ?? []), d.name]);
  }
  if (ratios.length > 0) rules.set(`Percentages berekenen wij uit twee aantallen: ${joinDutch(ratios)}. Voor een samenwerkingsverband, jeugdregio of provincie tellen wij eerst beide aantallen van de gemeenten op en delen dan. Wij nemen nooit het gemiddelde van percentages.`, []);
  const noteUsers = new Map<string, string[]>();
  for (const d of shown) for (const n of d.notes ?? []) if (notes.shared.has(n)) noteUsers.set(n, [...(noteUsers.get(n) ?? []), d.name]);
  const out: string[] = [`<section class="maoj-about-section" aria-labelledby="over"><h2 class="utrecht-heading-2" id="over">Over deze cijfers</h2>`];
  out.push(`<p class="utrecht-paragraph"><strong>${esc(updatedText(view.compiledAt))}.</strong> Gemeentelijke indeling ${view.indelingYear}. Bij elk cijfer staat het peiljaar: het jaar (of de datum) waar het cijfer over gaat.</p>`);
  out.push(`<h3 class="utrecht-heading-3" id="bronnen">Bronnen</h3><ul class="utrecht-unordered-list">`);
  for (const s of sources.keys()) {
    const title = s.url ? `<a class="utrecht-link" href="${esc(s.url)}">${esc(s.title)}</a>` : esc(s.title);
    out.push(`<li class="utrecht-unordered-list__item">${esc(s.publisher)}, ${esc(sourceTableText(s))}: ${title}. Licentie: ${esc(s.licence)}.</li>`);
  }
  out.push('</ul>');
  out.push(`<h3 class="utrecht-heading-3" id="samenstellen">Hoe wij de cijfers samenstellen</h3><ul class="utrecht-unordered-list">`);
  for (const [text, names] of rules) out.push(`<li class="utrecht-unordered-list__item">${esc(text)}${names.length ? ` <small>(${esc(joinDutch(names.map((n) => n.toLowerCase())))})</small>` : ''}</li>`);
  out.push('</ul>');
  if (noteUsers.size > 0) {
    out.push(`<h3 class="utrecht-heading-3" id="opmerkingen">Opmerkingen</h3><ol class="utrecht-ordered-list">`);
    for (const [n, names] of noteUsers) out.push(`<li class="utrecht-ordered-list__item" id="noot-${notes.shared.get(n)}">${esc(n)} <small>(${esc(joinDutch(names.map((x) => x.toLowerCase())))})</small></li>`);
    out.push('</ol>');
  }
  out.push(`<p class="utrecht-paragraph">${esc(HERINDELING_RULE)}</p><p class="utrecht-paragraph">Een punt (.) of het woord "geheim" betekent: het CBS houdt het cijfer geheim, meestal omdat het om heel weinig mensen gaat. "Onvolledig" betekent: van een of meer gemeenten ontbreekt een cijfer, dus geven wij geen totaal. Wij vullen een ontbrekend cijfer nooit aan met 0.</p></section>`);
  return out.join('\n');
}

/**
 * The whole main content of an area page. comparisonCodes: the codes chosen with the chooser
 * (GET /api/gebieden/vergelijk?met=...); undefined for the default comparison.
 */
export function renderAreaPage(view: RegionalView, area: PublishedArea, comparisonCodes?: readonly string[]): RenderedPage {
  const { comparisons, chosen, ignored } = resolveComparisons(view, area, comparisonCodes);
  const title = areaTitle(area);
  const themes = Object.keys(THEMES) as Theme[];
  const shown = view.indicators.filter((d) => view.hasFigures(d.id) && d.role === 'main');
  // Notes used by more than one indicator on the page: numbered once, at the end.
  const count = new Map<string, number>();
  for (const d of shown) for (const n of d.notes ?? []) count.set(n, (count.get(n) ?? 0) + 1);
  const notes: NoteIndex = { shared: new Map([...count].filter(([, c]) => c > 1).map(([n], i) => [n, i + 1])) };
  const predecessorNotes = new Map<string, number>();
  for (const d of shown) {
    const note = figureNotes(view, area, view.latest(d.id, area.code), d).find((n) => n.startsWith('Met de cijfers van '));
    if (note) predecessorNotes.set(note, (predecessorNotes.get(note) ?? 0) + 1);
  }
  notes.pageWide = [...predecessorNotes].sort((a, b) => b[1] - a[1]).find(([, c]) => c > 1)?.[0];

  const out: string[] = [];
  out.push(`<div class="maoj-area">`);
  out.push(`<p class="maoj-step-count">${esc(KIND_LABELS[area.kind].short === 'Nederland' ? 'Heel Nederland' : KIND_LABELS[area.kind].one[0]!.toUpperCase() + KIND_LABELS[area.kind].one.slice(1))}${area.kind === 'nederland' ? '' : ` · code ${esc(area.code)}`}</p>`);
  out.push(`<h1 class="utrecht-heading-1 maoj-area-title">${esc(title)}</h1>`);
  out.push(`<p class="utrecht-paragraph">Cijfers over de jeugd in ${esc(area.name)}, vooral van het CBS. <span class="maoj-updated">${esc(updatedText(view.compiledAt))}.</span></p>`);
  if (notes.pageWide) out.push(`<p class="utrecht-paragraph maoj-muted">Herindeling: ${esc(notes.pageWide.replace(/\.$/, ''))}. Dat geldt voor alle cijfers op deze pagina, tenzij er iets anders staat.</p>`);
  out.push(summaryBlock(view, area, comparisons));
  out.push(`<nav aria-label="Op deze pagina" class="maoj-toc maoj-no-print"><ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#vergelijken">Vergelijken</a></li>${themes.map((t) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#thema-${t}">${esc(THEMES[t].name)}</a></li>`).join('')}<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#ligging">${area.kind === 'gemeente' ? 'Waar hoort deze gemeente bij?' : area.kind === 'nederland' ? 'Provincies' : 'Gemeenten in dit gebied'}</a></li><li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#over">Over deze cijfers</a></li></ul></nav>`);
  out.push(`<p class="utrecht-paragraph maoj-no-print"><a class="utrecht-link" href="${areaCsvPath(area)}" download>Download alle cijfers van ${esc(area.name)} (CSV, voor Excel)</a></p>`);
  out.push(comparisonSection(view, area, comparisons, chosen, ignored));

  for (const theme of themes) {
    const defs = view.indicators.filter((d) => d.theme === theme);
    out.push(`<section class="maoj-theme-section" aria-labelledby="thema-${theme}"><h2 class="utrecht-heading-2" id="thema-${theme}">${esc(THEMES[theme].name)}</h2><p class="utrecht-paragraph">${esc(THEMES[theme].description)}</p>`);
    const withFigures = defs.filter((d) => view.hasFigures(d.id));
    for (const d of withFigures.filter((d) => d.role === 'main')) out.push(indicatorSection(view, area, d, comparisons, notes));
    const bases = withFigures.filter((d) => d.role === 'base');
    if (bases.length > 0) out.push(baseTable(view, area, bases, theme));
    const empty = defs.filter((d) => !view.hasFigures(d.id) && d.role === 'main');
    if (empty.length > 0) {
      out.push(`<div class="maoj-empty"><h3 class="utrecht-heading-3">Nog geen cijfers</h3><ul class="utrecht-unordered-list maoj-empty-list">`);
      for (const d of empty) {
        out.push(`<li class="utrecht-unordered-list__item"><strong>${esc(d.name)}</strong> (${esc(d.sources.map((s) => s.publisher).join(', '))}${d.availability === 'made-to-order' ? ', maatwerk, niet openbaar' : ''}). ${NO_FIGURES_YET}</li>`);
      }
      out.push('</ul></div>');
    }
    out.push('</section>');
  }
  out.push(`<section class="maoj-relations" aria-labelledby="ligging">${relationsSection(view, area)}</section>`);
  out.push(aboutSection(view, shown, notes));
  out.push('</div>');
  return { title, main: out.join('\n') };
}

/** One-line description for the page's meta description. */
export function areaDescription(view: RegionalView, area: PublishedArea): string {
  return `Cijfers over jeugd en jeugdhulp in ${area.name}: vergeleken met Nederland en andere gebieden, met bron en peiljaar. ${updatedText(view.compiledAt)}.`;
}

/**
 * The chooser ("Kies andere gebieden om mee te vergelijken"), rendered by the API: the static pages
 * carry no option lists. Pre-filled with the current comparison.
 */
export function renderComparisonChooser(view: RegionalView, area: PublishedArea, comparisonCodes?: readonly string[]): RenderedPage {
  const { comparisons } = resolveComparisons(view, area, comparisonCodes);
  const main = [
    `<p class="maoj-step-count"><a class="utrecht-link" href="${areaPath(area)}">Terug naar ${esc(areaTitle(area))}</a></p>`,
    `<h1 class="utrecht-heading-1">Vergelijk ${esc(area.name)} met andere gebieden</h1>`,
    `<p class="utrecht-paragraph maoj-lead">Kies de gebieden die u naast ${esc(area.name)} wilt zien. U kunt er ${MAX_COMPARISONS} kiezen. Nederland staat er altijd bij. Daarna ziet u de pagina van ${esc(area.name)} met uw keuze.</p>`,
    comparisonForm(view, area, comparisons),
  ].join('\n');
  return { title: `Vergelijk ${area.name} met andere gebieden`, main };
}

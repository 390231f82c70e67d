import { NEDERLAND_CODE } from '../areas/model.ts';
import { INDICATORS_BY_ID, type IndicatorDefinition } from '../indicators/catalogue.ts';
import { esc } from '../web/html.ts';
import { isRate, type RenderedPage } from './area-page.ts';
import { figureText, formatValue, isValue, periodText, sourceTableText, updatedText } from './format.ts';
import { scrollTable } from './table.ts';
import { choroplethSvg, legendSwatch, quantileClasses, type MapShapes } from './map.ts';
import { areaPath, mapPath, type RegionalView } from './view.ts';

/** /kaart/ and /kaart/<indicator>/: one message per map, a legend in words and the same numbers in a table. */

/** Public main indicators with at least one gemeente number in their latest period. */
export function mapIndicators(view: RegionalView): IndicatorDefinition[] {
  return view.indicators.filter((d) => {
    if (d.availability !== 'public' || d.role !== 'main') return false;
    const period = view.latestPeriod(d.id);
    if (!period) return false;
    return view.byKind.gemeente.some((g) => isValue(view.figure(d.id, g.code, period)));
  });
}

export function renderMapIndex(view: RegionalView): RenderedPage {
  const list = mapIndicators(view);
  const item = (d: IndicatorDefinition) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${mapPath(d.id)}">${esc(d.name)}</a> (${esc(view.latestPeriod(d.id) ?? '')})</li>`;
  const rates = list.filter(isRate);
  const counts = list.filter((d) => !isRate(d));
  const main = [
    '<h1 class="utrecht-heading-1">Cijfers op de kaart</h1>',
    `<p class="utrecht-paragraph maoj-lead">Op een kaart van Nederland ziet u in één keer waar een cijfer hoog of laag is. Elke kaart laat één cijfer zien voor alle gemeenten. Naast elke kaart staan dezelfde cijfers in een tabel, met een link naar elke gemeente. <span class="maoj-updated">${esc(updatedText(view.compiledAt))}.</span></p>`,
    '<h2 class="utrecht-heading-2">Percentages</h2>',
    '<p class="utrecht-paragraph">Percentages kunt u goed vergelijken tussen grote en kleine gemeenten.</p>',
    `<ul class="utrecht-unordered-list">${rates.map(item).join('')}</ul>`,
    '<h2 class="utrecht-heading-2">Aantallen</h2>',
    '<p class="utrecht-paragraph">Let op: een grote gemeente heeft vanzelf hogere aantallen. Vergelijk daarom liever de percentages.</p>',
    `<ul class="utrecht-unordered-list">${counts.map(item).join('')}</ul>`,
    `<p class="utrecht-paragraph">Zoekt u de cijfers van één gebied? Ga naar <a class="utrecht-link" href="/gebieden/">Cijfers per gebied</a>.</p>`,
  ].join('\n');
  return { title: 'Cijfers op de kaart', main };
}

export function renderMapPage(view: RegionalView, indicatorId: string, shapes: MapShapes): RenderedPage | undefined {
  const d = INDICATORS_BY_ID.get(indicatorId);
  const period = view.latestPeriod(indicatorId);
  if (!d || !period) return undefined;
  const gemeenten = view.byKind.gemeente;
  const figures = new Map(gemeenten.map((g) => [g.code, view.figure(d.id, g.code, period)]));
  const values = [...figures.values()].flatMap((f) => (isValue(f) ? [f.result.value] : []));
  const classes = quantileClasses(values);
  const nl = view.figure(d.id, NEDERLAND_CODE, period);
  const sorted = gemeenten.filter((g) => isValue(figures.get(g.code))).sort((a, b) => (figures.get(b.code)!.result as { value: number }).value - (figures.get(a.code)!.result as { value: number }).value);
  const withoutValue = gemeenten.length - sorted.length;
  const id = `kaart-${d.id}`;

  const conclusion: string[] = [];
  if (classes.length > 0) {
    const top = sorted[0]!;
    const bottom = sorted.at(-1)!;
    const valueOf = (code: string) => formatValue((figures.get(code)!.result as { value: number }).value, d);
    const high = classes.at(-1)!;
    conclusion.push(`In ${period} is het cijfer het hoogst in ${top.name} (${valueOf(top.code)}) en het laagst in ${bottom.name} (${valueOf(bottom.code)}).`);
    conclusion.push(`De donkerste gemeenten hebben ${formatValue(high.from, d)} of meer.`);
  }
  if (isValue(nl)) conclusion.push(`Nederland: ${formatValue(nl.result.value, d)}.`);
  if (withoutValue > 0) conclusion.push(`Van ${withoutValue} ${withoutValue === 1 ? 'gemeente' : 'gemeenten'} is er geen cijfer (gearceerd).`);
  const conclusionText = conclusion.join(' ');

  const svg = choroplethSvg({
    id,
    shapes,
    classes,
    valueOf: (code) => {
      const f = figures.get(code);
      return { value: isValue(f) ? f.result.value : undefined, text: figureText(f, d) };
    },
    hrefOf: (code) => {
      const g = view.areas.get(code);
      return g ? areaPath(g) : undefined;
    },
  });
  const legend = [
    ...classes.map((c, i) => `<li>${legendSwatch(c.colour, id)} <span>${i === 0 ? 'Laagst' : i === classes.length - 1 ? 'Hoogst' : `Groep ${i + 1}`}: ${esc(formatValue(c.from, d))} tot ${i === classes.length - 1 ? 'en met ' : ''}${esc(formatValue(c.to, d))} (${c.count} gemeenten)</span></li>`),
    withoutValue > 0 ? `<li>${legendSwatch('geen', id)} <span>Gearceerd: geen cijfer (${withoutValue} gemeenten)</span></li>` : '',
  ].join('');

  // Provisional figures: said once when all are, per row otherwise.
  const allProvisional = [...figures.values()].every((f) => !isValue(f) || f.provisional);
  const rows = gemeenten.map((g) => {
    const f = figures.get(g.code);
    const cell = isValue(f) ? `<td>${esc(formatValue(f.result.value, d))}${f.provisional && !allProvisional ? ' <small>(voorlopig)</small>' : ''}</td>` : `<td class="s">${esc(figureText(f, d))}</td>`;
    return `<tr><th><a href="${areaPath(g)}">${esc(g.name)}</a></th>${cell}</tr>`;
  });
  const caption = `${d.name} per gemeente, ${periodText(period, d)}${allProvisional && values.length > 0 ? ', voorlopige cijfers' : ''}`;

  const main = [
    `<div class="maoj-area maoj-map-page">`,
    `<p class="maoj-step-count"><a class="utrecht-link" href="/kaart/">Cijfers op de kaart</a></p>`,
    `<h1 class="utrecht-heading-1">${esc(d.name)} per gemeente</h1>`,
    `<p class="utrecht-paragraph maoj-lead">${esc(d.description)} Peiljaar: ${esc(periodText(period, d))}. <span class="maoj-updated">${esc(updatedText(view.compiledAt))}.</span></p>`,
    isRate(d) ? '' : '<p class="utrecht-paragraph">Let op: dit is een aantal, geen percentage. Een grote gemeente heeft vanzelf een hoger aantal.</p>',
    `<div class="maoj-map-layout">`,
    `<figure class="maoj-figure maoj-map-figure"><div class="maoj-map-wrap">${svg}</div><figcaption class="maoj-figcaption">Kaart van ${esc(caption)}. ${esc(conclusionText)} Klik of tik op een gemeente om haar cijfers te zien. Alle gemeenten staan ook in de tabel, met een link naar hun pagina.</figcaption></figure>`,
    `<div class="maoj-map-side"><h2 class="utrecht-heading-2">Legenda</h2><p class="utrecht-paragraph">Elke kleur is een groep van ongeveer even veel gemeenten: hoe donkerder, hoe hoger het cijfer. Dikke lijnen zijn de grenzen van de provincies.</p><ul class="maoj-legend">${legend}</ul>`,
    `<h2 class="utrecht-heading-2" id="alle">Alle ${gemeenten.length} gemeenten</h2>`,
    scrollTable({ id: `${id}-tabel`, caption, head: ['Gemeente', 'Cijfer'], rows }),
    `</div></div>`,
    `<h2 class="utrecht-heading-2">Bron</h2><p class="utrecht-paragraph">${d.sources.map((s) => `${esc(s.publisher)}, ${esc(sourceTableText(s))}: ${s.url ? `<a class="utrecht-link" href="${esc(s.url)}">${esc(s.title)}</a>` : esc(s.title)}`).join('; ')}. Gemeentegrenzen: CBS en Kadaster (PDOK), ${view.indelingYear}, vereenvoudigd.</p>`,
    d.notes?.length ? `<p class="utrecht-paragraph maoj-muted">${d.notes.map(esc).join(' ')}</p>` : '',
    `</div>`,
  ]
    .filter(Boolean)
    .join('\n');
  return { title: `Kaart: ${d.name}`, main };
}

/** One-line description for the page's meta description. */
export function mapDescription(view: RegionalView, indicatorId: string): string {
  const d = INDICATORS_BY_ID.get(indicatorId);
  const period = view.latestPeriod(indicatorId);
  return d && period ? `Kaart en tabel: ${d.name.toLowerCase()} in alle gemeenten van Nederland, ${periodText(period, d)}. ${updatedText(view.compiledAt)}.` : 'Kaart van Nederland per gemeente.';
}

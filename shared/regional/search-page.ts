import type { Area } from '../areas/model.ts';
import type { SearchHit, SearchResult } from '../areas/search.ts';
import { esc } from '../web/html.ts';
import type { RenderedPage } from './area-page.ts';
import { KIND_LABELS } from './format.ts';
import { searchForm } from './index-page.ts';
import { areaPath } from './view.ts';

/** The most hits listed; more means the search text is too short to help. */
const MAX_HITS = 50;

const item = (a: Area, note = '') =>
  `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${areaPath(a)}">${esc(a.name)}</a> (${esc(KIND_LABELS[a.kind].one)}, ${esc(a.code)})${note}</li>`;

const list = (items: string[]) => (items.length ? `<ul class="utrecht-unordered-list">${items.join('')}</ul>` : '');

function noteOf(hit: SearchHit): string {
  if (hit.via?.kind === 'alias') return ` — ook bekend als ${esc(hit.via.name)}`;
  if (hit.via?.kind === 'former') return ` — de voormalige gemeente ${esc(hit.via.name)} hoort nu bij ${esc(hit.area.name)}`;
  return '';
}

function postcodeBlock(result: SearchResult): string {
  const pc = result.postcode;
  if (!pc) return '';
  if (!pc.gemeente) {
    return `<p class="utrecht-paragraph">Postcode ${esc(pc.pc4)} staat niet in de postcodetabel van de Regeling regio-indeling samenwerkingsverbanden passend onderwijs (2015). Zoek op de naam van de gemeente.</p>`;
  }
  const swv = pc.outsideSwv
    ? ' Dit postcodegebied hoort bij geen samenwerkingsverband passend onderwijs.'
    : pc.swv.length
      ? ` Het hoort bij ${pc.swv.map((a) => `${esc(KIND_LABELS[a.kind].short)} <a class="utrecht-link" href="${areaPath(a)}">${esc(a.name)}</a>`).join(' en ')}.`
      : '';
  return `<h2 class="utrecht-heading-2">Postcode ${esc(pc.pc4)}</h2>
<p class="utrecht-paragraph">Postcodegebied ${esc(pc.pc4)} ligt in de gemeente <a class="utrecht-link" href="${areaPath(pc.gemeente)}">${esc(pc.gemeente.name)}</a>.${swv}</p>
<p class="utrecht-paragraph">Bron: postcodetabel van de Regeling regio-indeling samenwerkingsverbanden passend onderwijs (2015), gemeente volgens de indeling van nu.</p>`;
}

/** Results of a search that did not lead to exactly one area (the API page behind the search form). */
export function renderSearchPage(query: string, result: SearchResult): RenderedPage {
  const { hits } = result;
  const shown = hits.slice(0, MAX_HITS);
  const onlyTypos = hits.length > 0 && hits.every((h) => h.match === 'typo');
  const summary = !query
    ? 'Typ een naam, code of postcode om te zoeken.'
    : hits.length === 0
      ? `Geen gebied gevonden voor "${query}". Controleer de spelling, of zoek op een deel van de naam.`
      : onlyTypos
        ? `Geen gebied met precies de naam "${query}". Bedoelde u ${hits.length === 1 ? 'dit gebied' : 'een van deze gebieden'}?`
        : `${hits.length} ${hits.length === 1 ? 'gebied' : 'gebieden'} gevonden voor "${query}".${hits.length > MAX_HITS ? ` De eerste ${MAX_HITS} staan hieronder; maak uw zoekvraag preciezer.` : ''}`;
  const firstTypo = shown.findIndex((h) => h.match === 'typo');
  const exactish = firstTypo < 0 ? shown : shown.slice(0, firstTypo);
  const typos = firstTypo < 0 ? [] : shown.slice(firstTypo);
  const hitList =
    onlyTypos || typos.length === 0
      ? list(shown.map((h) => item(h.area, noteOf(h))))
      : `${list(exactish.map((h) => item(h.area, noteOf(h))))}
<h2 class="utrecht-heading-2">Lijkt op "${esc(query)}"</h2>
${list(typos.map((h) => item(h.area, noteOf(h))))}`;
  const related = result.related
    .map(
      (r) => `<h2 class="utrecht-heading-2">Gebieden waar de gemeente ${esc(r.gemeente.name)} bij hoort</h2>
${list(r.groups.map((a) => item(a)))}`,
    )
    .join('\n');
  return {
    title: query ? `Zoeken: ${query}` : 'Zoeken',
    main: `<h1 class="utrecht-heading-1">Zoekresultaten</h1>
<p class="utrecht-paragraph" role="status">${esc(summary)}</p>
${postcodeBlock(result)}
${hitList}
${related}
${searchForm(query)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/gebieden/">Alle gebieden</a></p>`,
  };
}

import type { Area } from '../areas/model.ts';
import { esc } from '../web/html.ts';
import type { RenderedPage } from './area-page.ts';
import { KIND_LABELS } from './format.ts';
import { searchForm } from './index-page.ts';
import { areaPath } from './view.ts';

/** The most hits listed; more means the search text is too short to help. */
const MAX_HITS = 50;

/** Results of a search that did not lead to exactly one area (the API page behind the search form). */
export function renderSearchPage(query: string, matches: readonly Area[]): RenderedPage {
  const shown = matches.slice(0, MAX_HITS);
  const summary = !query
    ? 'Typ een naam of code om te zoeken.'
    : matches.length === 0
      ? `Geen gebied gevonden voor "${query}". Controleer de spelling, of zoek op een deel van de naam.`
      : `${matches.length} ${matches.length === 1 ? 'gebied' : 'gebieden'} gevonden voor "${query}".${matches.length > MAX_HITS ? ` De eerste ${MAX_HITS} staan hieronder; maak uw zoekvraag preciezer.` : ''}`;
  const list = shown.length
    ? `<ul class="utrecht-unordered-list">${shown
        .map((a) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${areaPath(a)}">${esc(a.name)}</a> (${esc(KIND_LABELS[a.kind].one)}, ${esc(a.code)})</li>`)
        .join('')}</ul>`
    : '';
  return {
    title: query ? `Zoeken: ${query}` : 'Zoeken',
    main: `<h1 class="utrecht-heading-1">Zoekresultaten</h1>
<p class="utrecht-paragraph" role="status">${esc(summary)}</p>
${list}
${searchForm(query)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/gebieden/">Alle gebieden</a></p>`,
  };
}

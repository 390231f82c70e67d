import type { PublishedArea } from '../imports/snapshot.ts';
import { esc } from '../web/html.ts';
import type { RenderedPage } from './area-page.ts';
import { areaPath, type RegionalView } from './view.ts';
import { routePath } from '../routes.ts';

/** /gebieden/: what the pages are, a search form (the API answers it) and browsing without a postcode. */

export const SEARCH_LABEL = 'Zoek een gemeente, samenwerkingsverband of regio op naam of code';

export function searchForm(value = ''): string {
  return `<form class="maoj-form maoj-search" method="get" action="${routePath('regionalSearch', 'GET')}" role="search" novalidate>
<div class="utrecht-form-field utrecht-form-field--text"><div class="utrecht-form-field__label"><label class="utrecht-form-label" for="q">${esc(SEARCH_LABEL)}</label></div>
<div class="utrecht-form-field__description"><p class="utrecht-form-field-description" id="q-uitleg">Een naam, een code of een postcode. Bijvoorbeeld: Almere, Den Haag, GM0034, PO 27-07 of 3511.</p></div>
<div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input" id="q" name="q" type="search" maxlength="100" aria-describedby="q-uitleg" value="${esc(value)}" autocomplete="off"></div></div>
<div class="maoj-buttons"><button class="utrecht-button utrecht-button--primary-action" type="submit">Zoek</button></div>
</form>`;
}

function linkList(areas: readonly PublishedArea[], columns = true): string {
  return `<ul class="utrecht-unordered-list${columns ? ' maoj-columns' : ''}">${areas.map((a) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${areaPath(a)}">${esc(a.name)}</a></li>`).join('')}</ul>`;
}

export function renderAreasIndex(view: RegionalView): RenderedPage {
  const nl = view.byKind.nederland[0];
  const provincies = view.byKind.provincie;
  const gemeentenPer = new Map<string, PublishedArea[]>();
  for (const g of view.byKind.gemeente) {
    const p = g.groups?.find((m) => m.groupKind === 'provincie')?.groupCode ?? '';
    gemeentenPer.set(p, [...(gemeentenPer.get(p) ?? []), g]);
  }
  const out: string[] = [
    '<h1 class="utrecht-heading-1">Cijfers per gebied</h1>',
    `<p class="utrecht-paragraph maoj-lead">Hoeveel kinderen en jongeren wonen er in uw gemeente? Hoeveel van hen krijgen jeugdhulp? Hier vindt u contextcijfers van het CBS per gemeente, per samenwerkingsverband passend onderwijs (SWV), per jeugdregio, per provincie en voor heel Nederland.</p>`,
    '<p class="utrecht-paragraph">Bij elk cijfer ziet u het cijfer van Nederland, een vergelijking met andere gebieden, de bron en hoe wij het cijfer hebben samengesteld. U kunt alle cijfers van een gebied downloaden voor Excel.</p>',
    searchForm(),
    `<p class="utrecht-paragraph">Liever een kaart? <a class="utrecht-link" href="/kaart/">Bekijk de cijfers van alle gemeenten op een kaart</a>.</p>`,
    '<h2 class="utrecht-heading-2">Zoek een gebied in de lijst</h2>',
    `<p class="utrecht-paragraph">U hoeft geen postcode te weten. Kies hieronder het soort gebied.</p>`,
    nl ? `<h3 class="utrecht-heading-3">Nederland</h3><p class="utrecht-paragraph"><a class="utrecht-link" href="${areaPath(nl)}">Cijfers voor heel Nederland</a></p>` : '',
    `<h3 class="utrecht-heading-3">Gemeenten (${view.byKind.gemeente.length}), per provincie</h3>`,
    ...provincies.map((p) => {
      const list = gemeentenPer.get(p.code) ?? [];
      return `<details class="maoj-details maoj-browse"><summary>${esc(p.name)} (${list.length} gemeenten)</summary>${linkList(list)}</details>`;
    }),
    `<h3 class="utrecht-heading-3">Samenwerkingsverbanden passend onderwijs</h3>`,
    `<p class="utrecht-paragraph">Elk gebied heeft een samenwerkingsverband voor het primair onderwijs (SWV PO) en een voor het voortgezet onderwijs (SWV VO). Zolang de namen nog niet zijn geladen, ziet u de code uit de Regeling regio-indeling, zoals PO 27-07.</p>`,
    `<details class="maoj-details maoj-browse"><summary>Samenwerkingsverbanden PO (${view.byKind['swv-po'].length})</summary>${linkList(view.byKind['swv-po'])}</details>`,
    `<details class="maoj-details maoj-browse"><summary>Samenwerkingsverbanden VO (${view.byKind['swv-vo'].length})</summary>${linkList(view.byKind['swv-vo'])}</details>`,
    `<h3 class="utrecht-heading-3">Jeugdregio's</h3>`,
    `<details class="maoj-details maoj-browse"><summary>Jeugdregio's (${view.byKind.jeugdregio.length})</summary>${linkList(view.byKind.jeugdregio)}</details>`,
    `<h3 class="utrecht-heading-3">Provincies</h3>`,
    linkList(provincies),
  ];
  return { title: 'Cijfers per gebied', main: out.filter(Boolean).join('\n') };
}

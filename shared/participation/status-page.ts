import type { RoundSummary } from '../operator/contract.ts';
import { groupById } from '../questionnaires/definition.ts';
import { esc, formatNumber, html } from '../web/html.ts';
import { renderDocument } from '../web/layout.ts';
import type { RegionRecord } from './model.ts';

const STATE_LABEL = { gepland: 'Nog niet begonnen', open: 'Loopt', gesloten: 'Gesloten' } as const;

const nlDate = (day: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const percent = (rate: number | null) => (rate === null ? '-' : `${formatNumber(Math.round(rate * 100))}%`);

function roundSection(round: RoundSummary, index: number): string {
  const rows = round.counts
    .map(
      (c) => `<tr>
  <th scope="row" class="utrecht-table__header-cell">${esc(groupById(c.group).title)}</th>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(c.issued)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(c.started)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(c.completed)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${percent(c.responseRate)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(c.openCompleted)}</td>
</tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="ronde-${index}">
<h2 class="utrecht-heading-2" id="ronde-${index}">Ronde van ${esc(nlDate(round.opens))} tot en met ${esc(nlDate(round.closes))}</h2>
<p class="utrecht-paragraph">Status: ${esc(STATE_LABEL[round.status])}.</p>
<div class="maoj-table-scroll" tabindex="0" role="region" aria-labelledby="ronde-${index}">
<table class="utrecht-table">
<caption class="utrecht-table__caption">Respons per groep</caption>
<thead class="utrecht-table__header"><tr>
  <th scope="col" class="utrecht-table__header-cell">Groep</th>
  <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">Uitnodigingen</th>
  <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">Begonnen</th>
  <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">Ingevuld</th>
  <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">Respons</th>
  <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">Ingevuld via gedeelde link</th>
</tr></thead>
<tbody class="utrecht-table__body">${rows}</tbody>
</table>
</div>
</section>`;
}

/** The region's private page: response counts per round and group, never answers or who answered. */
export function renderRegionStatusPage(region: RegionRecord, rounds: readonly RoundSummary[], resultsHref: string): string {
  const main = html([
    `<h1 class="utrecht-heading-1">Respons van ${esc(region.name)}</h1>`,
    region.demo && '<div class="utrecht-alert utrecht-alert--warning"><p class="utrecht-paragraph">Voorbeeld: deze regio en alle aantallen zijn verzonnen (TESTDATA).</p></div>',
    '<p class="utrecht-paragraph">Hier ziet u hoeveel mensen de vragenlijsten hebben ingevuld. U ziet geen antwoorden en niet wie heeft meegedaan: dat weten wij zelf ook niet. Deel deze link alleen met de mensen die de monitor in uw regio uitvoeren.</p>',
    rounds.length === 0 ? '<p class="utrecht-paragraph">Er is nog geen ronde. De beheerders zetten de eerste ronde klaar na het startgesprek.</p>' : rounds.map(roundSection).join('\n'),
    rounds.some((r) => r.status === 'gesloten') &&
      `<p class="utrecht-paragraph"><a class="utrecht-link" href="${esc(resultsHref)}">Bekijk de uitkomsten van de laatste gesloten ronde</a>, naast alle regio's die meedoen.</p>`,
    '<p class="utrecht-paragraph">"Uitnodigingen" zijn de persoonlijke links. "Respons" is het deel van de persoonlijke links waarmee de vragenlijst is ingevuld. Antwoorden via een gedeelde link (bijvoorbeeld voor ouders via school) tellen apart.</p>',
  ]);
  return renderDocument({ title: `Respons ${region.name}`, path: '/respons/', main, noindex: true });
}

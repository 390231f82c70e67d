import { reasonText, type FigureLevel } from '../benchmark/reasons.ts';
import type { BackgroundResult, BenchmarkFigure, GroupResult, ItemResult, Mean, RegionResults, Shown, SuppressionReason, ThemeResult } from '../benchmark/model.ts';
import { LIKERT_SCALE, groupById, type GroupId } from '../questionnaires/definition.ts';
import { MIN_GROUP_SIZE, MIN_ITEM_SIZE, MIN_OTHER_REGIONS } from '../privacy.ts';
import { formatDecimal, formatShare } from '../regional/format.ts';
import { FORM_SCRIPT } from '../web/form.ts';
import { esc, formatNumber, html } from '../web/html.ts';
import { renderDocument } from '../web/layout.ts';
import { benchmarkChart, type ScaleRow } from './charts.ts';

/**
 * The region's results page: one RegionResults view rendered as a whole HTML document, without
 * JavaScript (a print button appears only when site/public/js/form.js runs). Every chart is an SVG
 * named by the numbers it shows, with a table of the same numbers beside it; every figure shows its n;
 * a hidden figure says in Dutch why it is hidden. The CSV (csv.ts) uses the same words and rounding.
 */

export const RESULTS_PATH = '/uitkomsten/';

export { reasonText, type FigureLevel } from '../benchmark/reasons.ts';

/** Scores and grades: one decimal, decimal comma ("3,4"). */
export const score = (value: number): string => formatDecimal(value, 1);
/** "n = 1.234". */
export const nText = (n: number): string => `n = ${formatNumber(n)}`;
/** The label of a group in tables ("Beleid"). */
export const groupLabel = (group: GroupId): string => groupById(group).label;

/** A group that is too small has no figures at all; its figures are hidden with the group minimum. */
const groupHidden: Shown<never> = { shown: false, reason: 'te-weinig-antwoorden' };

// ---- table pieces ----

const th = (content: string, scope: 'col' | 'row', numeric = false) =>
  `<th scope="${scope}" class="utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric maoj-num' : ''}">${content}</th>`;
const td = (content: string, numeric = true) => `<td class="utrecht-table__cell${numeric ? ' utrecht-table__cell--numeric maoj-num' : ''}">${content}</td>`;
const hiddenCell = (reason: SuppressionReason, level: FigureLevel, span = 1) =>
  `<td class="utrecht-table__cell maoj-state"${span > 1 ? ` colspan="${span}"` : ''}>${esc(reasonText(reason, level))}</td>`;

/** Adjacent cells hidden for the same reason become one cell, so the reason is read (and printed) once. */
function mergeHidden(cells: readonly string[]): string {
  const out: string[] = [];
  const hidden = /^<td class="utrecht-table__cell maoj-state"(?: colspan="(\d+)")?>([^<]*)<\/td>$/;
  for (const cell of cells) {
    const m = cell.match(hidden);
    const prev = out.at(-1)?.match(hidden);
    if (m && prev && m[2] === prev[2]) {
      const span = Number(prev[1] ?? 1) + Number(m[1] ?? 1);
      out[out.length - 1] = `<td class="utrecht-table__cell maoj-state" colspan="${span}">${m[2]}</td>`;
    } else out.push(cell);
  }
  return out.join('');
}

/** A table in a focusable, labelled region that scrolls sideways on a narrow screen. */
function table(caption: string, head: readonly string[], rows: readonly string[]): string {
  return (
    `<div class="maoj-table-scroll" tabindex="0" role="region" aria-label="${esc(caption)}">` +
    `<table class="utrecht-table maoj-results-table"><caption class="utrecht-table__caption">${esc(caption)}</caption>` +
    `<thead class="utrecht-table__header"><tr class="utrecht-table__row">${head.join('')}</tr></thead>` +
    `<tbody class="utrecht-table__body">${rows.map((r) => `<tr class="utrecht-table__row">${r}</tr>`).join('')}</tbody></table></div>`
  );
}

/** Mean, n and "weet ik niet" in three cells, or the reason across them. */
function meanCells(mean: Shown<Mean>, level: FigureLevel): string {
  if (!mean.shown) return hiddenCell(mean.reason, level, 3);
  return td(esc(score(mean.value.mean))) + td(esc(formatNumber(mean.value.n))) + td(esc(formatShare(mean.value.dontKnowShare)));
}

/** Median, middle half, regions (the benchmark's n), or the reason across them. */
function benchmarkCells(b: Shown<BenchmarkFigure>, withVentile: boolean): string {
  if (!b.shown) return hiddenCell(b.reason, 'groep', withVentile ? 4 : 3);
  const v = b.value;
  return (
    td(esc(score(v.median))) +
    td(`${esc(score(v.q1))} tot ${esc(score(v.q3))}`) +
    td(esc(formatNumber(v.regions))) +
    (withVentile ? td(v.ventile !== undefined ? `${esc(formatNumber(v.ventile))} van 20` : '-') : '')
  );
}

/** "3,4 (n = 40)" or the reason, for compact tables. */
function meanWithN(mean: Shown<{ mean: number; n: number }>, level: FigureLevel): string {
  return mean.shown ? td(`${esc(score(mean.value.mean))} <span class="maoj-n">(${esc(nText(mean.value.n))})</span>`) : hiddenCell(mean.reason, level);
}

const BENCHMARK_HEAD = [th("Andere regio's: mediaan", 'col', true), th('Middelste helft', 'col', true), th("Aantal regio's", 'col', true)];
const VENTILE_HEAD = th('Plaats (ventiel)', 'col', true);

// ---- chart texts ----

function benchmarkText(b: Shown<BenchmarkFigure>): string {
  if (!b.shown) return b.reason === 'te-weinig-regios' ? reasonText(b.reason, 'groep').toLowerCase() : `andere regio's: ${reasonText(b.reason, 'groep').toLowerCase()}`;
  const v = b.value;
  return `andere regio's: mediaan ${score(v.median)}, middelste helft ${score(v.q1)} tot ${score(v.q3)} (${formatNumber(v.regions)} regio's${v.ventile !== undefined ? `; uw regio in ventiel ${v.ventile} van 20` : ''})`;
}

function compareText(own: number, median: number): string {
  if (score(own) === score(median)) return "gelijk aan de mediaan van de andere regio's";
  return own > median ? "hoger dan de mediaan van de andere regio's" : "lager dan de mediaan van de andere regio's";
}

interface ChartRowInput {
  label: string;
  value: Shown<Mean>;
  level: FigureLevel;
  benchmark: Shown<BenchmarkFigure>;
  earlier: readonly { label: string; score: Shown<Mean> }[];
}

function chartRow(input: ChartRowInput): ScaleRow & { sentence: string; conclusion: string } {
  const own = input.value.shown ? `${score(input.value.value.mean)} (${nText(input.value.value.n)})` : reasonText(input.value.reason, input.level);
  const earlier = input.earlier.map((e) => `${e.label}: ${e.score.shown ? `${score(e.score.value.mean)} (${nText(e.score.value.n)})` : reasonText(e.score.reason, 'groep').toLowerCase()}`);
  const text = [own, input.value.shown ? benchmarkText(input.benchmark) : '', ...(input.value.shown ? earlier : [])].filter(Boolean).join('; ');
  // In the chart itself a short label under the marks; the whole sentence is in its description.
  const short = input.value.shown
    ? [
        own,
        input.benchmark.shown ? `mediaan ${score(input.benchmark.value.median)} (${score(input.benchmark.value.q1)} tot ${score(input.benchmark.value.q3)})` : '',
        ...input.earlier.map((e) => (e.score.shown ? `${e.label}: ${score(e.score.value.mean)}` : '')),
      ]
        .filter(Boolean)
        .join(' · ')
    : own;
  let conclusion = `${input.label}: ${own}`;
  if (input.value.shown && input.benchmark.shown) conclusion += `, ${compareText(input.value.value.mean, input.benchmark.value.median)} (${score(input.benchmark.value.median)})`;
  return {
    label: input.label,
    value: input.value.shown ? input.value.value.mean : undefined,
    ...(input.value.shown && input.benchmark.shown ? { benchmark: { q1: input.benchmark.value.q1, median: input.benchmark.value.median, q3: input.benchmark.value.q3 } } : {}),
    earlier: input.earlier.map((e) => ({ label: e.label, value: e.score.shown ? e.score.value.mean : undefined })),
    text: short,
    sentence: `${input.label}: ${text}.`,
    conclusion: `${conclusion}.`,
  };
}

// ---- sections ----

function section(id: string, title: string, body: string): string {
  return `<section class="maoj-results__section" aria-labelledby="${id}"><h2 class="utrecht-heading-2" id="${id}">${esc(title)}</h2>\n${body}\n</section>`;
}

function readingSection(results: RegionResults): string {
  const body = results.reading.length
    ? `<ul class="utrecht-unordered-list">${results.reading.map((r) => `<li class="utrecht-unordered-list__item">${esc(r.text)}</li>`).join('')}</ul>`
    : '<p class="utrecht-paragraph">Er zijn nog te weinig cijfers om iets op te laten vallen.</p>';
  return section('wat-valt-op', 'Wat valt op', body);
}

function responseSection(results: RegionResults): string {
  const rows = results.groups.map(
    (g) =>
      th(esc(groupLabel(g.group)), 'row') +
      td(esc(formatNumber(g.issued))) +
      td(esc(formatNumber(g.n))) +
      td(g.responseRate === null ? 'niet bekend' : esc(formatShare(g.responseRate))),
  );
  const small = results.groups.filter((g) => !g.shown);
  return section(
    'respons',
    'Respons per groep',
    table('Respons per groep: uitgenodigd, ingevuld en respons', [th('Groep', 'col'), th('Uitgenodigd', 'col', true), th('Ingevuld', 'col', true), th('Respons', 'col', true)], rows) +
      `<p class="utrecht-paragraph maoj-muted">"Uitgenodigd" is het aantal persoonlijke links. "Respons" is het deel daarvan waarmee de vragenlijst is ingevuld.${
        small.length ? ` Van ${esc(small.map((g) => groupLabel(g.group)).join(' en '))} tonen wij geen uitkomsten: minder dan ${MIN_GROUP_SIZE} mensen vulden de vragenlijst in.` : ''
      }</p>`,
  );
}

/** Theme ids in the order they first appear, with the first title met. */
function themeList(groups: readonly GroupResult[]): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const g of groups) for (const t of g.themes) if (!seen.has(t.themeId)) seen.set(t.themeId, t.title);
  return [...seen].map(([id, title]) => ({ id, title }));
}

function earlierLabels(themes: readonly (ThemeResult | undefined)[]): string[] {
  const labels: string[] = [];
  for (const t of themes) for (const e of t?.earlier ?? []) if (!labels.includes(e.label)) labels.push(e.label);
  return labels;
}

function themeSection(results: RegionResults, theme: { id: string; title: string }): string {
  // A shown group without this theme did not get its questions: no row. A hidden group keeps its row and reason.
  const entries = results.groups.map((g) => ({ g, t: g.themes.find((t) => t.themeId === theme.id) })).filter(({ g, t }) => t || !g.shown);
  const labels = earlierLabels(entries.map((e) => e.t));
  const label = (g: GroupResult, t: ThemeResult | undefined) => (t && t.title !== theme.title ? `${groupLabel(g.group)} (${t.title})` : groupLabel(g.group));
  const rows = entries.map(({ g, t }) =>
    chartRow({
      label: label(g, t),
      value: t && g.shown ? t.score : groupHidden,
      level: 'groep',
      benchmark: t ? t.benchmark : groupHidden,
      earlier: labels.flatMap((l) => t?.earlier.filter((e) => e.label === l) ?? []),
    }),
  );
  const id = `thema-${theme.id}`;
  const chart = benchmarkChart({
    id: `grafiek-${theme.id}`,
    title: `${theme.title}: score van uw regio per groep, op een schaal van 1 tot 5, met de andere regio's${labels.length ? ` en ${labels.join(', ')}` : ''}`,
    description: rows.map((r) => r.sentence).join(' '),
    min: 1,
    max: 5,
    rows,
    earlierLabels: labels,
  });
  const withVentile = entries.some(({ t }) => t?.benchmark.shown && t.benchmark.value.ventile !== undefined);
  const tableRows = entries.map(({ g, t }) => {
    const cells = [th(esc(label(g, t)), 'row')];
    if (!t || !g.shown) {
      cells.push(hiddenCell('te-weinig-antwoorden', 'groep', 3 + 3 + (withVentile ? 1 : 0) + labels.length));
      return cells.join('');
    }
    cells.push(meanCells(t.score, 'groep'), benchmarkCells(t.benchmark, withVentile));
    for (const l of labels) {
      const e = t.earlier.find((x) => x.label === l);
      cells.push(e ? meanWithN(e.score, 'groep') : td('-'));
    }
    return cells.join('');
  });
  const head = [th('Groep', 'col'), th('Score', 'col', true), th('n', 'col', true), th('Weet ik niet', 'col', true), ...BENCHMARK_HEAD, ...(withVentile ? [VENTILE_HEAD] : []), ...labels.map((l) => th(esc(l), 'col', true))];
  return `<section class="maoj-results__theme" aria-labelledby="${id}"><h3 class="utrecht-heading-3" id="${id}">${esc(theme.title)}</h3>
<div class="maoj-results__pair"><figure class="maoj-figure">${chart}<figcaption class="maoj-figcaption">${esc(rows.map((r) => r.conclusion).join(' '))}</figcaption></figure>
${table(`${theme.title}: score per groep (1 tot 5), andere regio's en eerdere rondes`, head, tableRows)}</div>
</section>`;
}

function themesSection(results: RegionResults): string {
  const themes = themeList(results.groups);
  const intro =
    '<p class="utrecht-paragraph">Per thema ziet u de score van uw regio: het gemiddelde van de antwoorden op de stellingen, van 1 (helemaal oneens) tot 5 (helemaal eens). Daarnaast ziet u de andere regio\'s: de mediaan (de middelste regio) en de middelste helft van de regio\'s. Uw eigen regio telt daarin niet mee. Ook ziet u de score van uw regio in eerdere rondes.</p>';
  const body = themes.length ? themes.map((t) => themeSection(results, t)).join('\n') : '<p class="utrecht-paragraph">Er zijn nog geen scores per thema.</p>';
  return section('themas', 'Scores per thema', intro + body);
}

function gradeSection(results: RegionResults): string {
  const rows = results.groups.map((g) => chartRow({ label: groupLabel(g.group), value: g.grade, level: 'groep', benchmark: g.gradeBenchmark, earlier: [] }));
  const chart = benchmarkChart({
    id: 'grafiek-rapportcijfer',
    title: "Rapportcijfer per groep, van 1 tot 10, met de andere regio's",
    description: rows.map((r) => r.sentence).join(' '),
    min: 1,
    max: 10,
    rows,
    earlierLabels: [],
  });
  const withVentile = results.groups.some((g) => g.gradeBenchmark.shown && g.gradeBenchmark.value.ventile !== undefined);
  const tableRows = results.groups.map((g) => th(esc(groupLabel(g.group)), 'row') + meanCells(g.grade, 'groep') + benchmarkCells(g.gradeBenchmark, withVentile));
  const head = [th('Groep', 'col'), th('Rapportcijfer', 'col', true), th('n', 'col', true), th('Weet ik niet', 'col', true), ...BENCHMARK_HEAD, ...(withVentile ? [VENTILE_HEAD] : [])];
  return section(
    'rapportcijfer',
    'Rapportcijfer per groep',
    '<p class="utrecht-paragraph">Iedereen gaf de samenwerking een rapportcijfer van 1 tot 10.</p>' +
      // A chart of hidden values only would show nothing: then the table alone says why.
      (results.groups.some((g) => g.grade.shown)
        ? `<div class="maoj-results__pair"><figure class="maoj-figure">${chart}<figcaption class="maoj-figcaption">${esc(rows.map((r) => r.conclusion).join(' '))}</figcaption></figure>` +
          table("Rapportcijfer per groep (1 tot 10) en de andere regio's", head, tableRows) +
          '</div>'
        : table("Rapportcijfer per groep (1 tot 10) en de andere regio's", head, tableRows)),
  );
}

const ITEM_HEAD = [
  th('Vraag', 'col'),
  th('Gemiddelde', 'col', true),
  th('n', 'col', true),
  th('Weet ik niet', 'col', true),
  // On paper only the number is printed; the section's introduction names the answers.
  ...LIKERT_SCALE.map((a) => th(`${esc(a.value)}<span class="maoj-scale-label">: ${esc(a.label)}</span>`, 'col', true)),
  th('Weet ik niet (aantal)', 'col', true),
];

function itemRow(item: ItemResult): string {
  const cells = [th(`${item.number}. ${esc(item.text)}`, 'row')];
  const d = item.distribution;
  if (!d.shown) {
    cells.push(hiddenCell(item.mean.shown ? d.reason : item.mean.reason, 'vraag', ITEM_HEAD.length - 1));
    return cells.join('');
  }
  if (item.mean.shown) cells.push(meanCells(item.mean, 'vraag'));
  else {
    // The mean is hidden but the distribution is shown: its n is the number of answers on the scale.
    const n = Object.values(d.value.byValue).reduce((a, b) => a + b, 0);
    cells.push(hiddenCell(item.mean.reason, 'vraag'), td(esc(formatNumber(n))), td('-'));
  }
  for (const a of LIKERT_SCALE) cells.push(td(esc(formatNumber(d.value.byValue[a.value] ?? 0))));
  cells.push(td(esc(formatNumber(d.value.dontKnow))));
  return cells.join('');
}

function itemTable(caption: string, items: readonly ItemResult[]): string {
  return table(caption, ITEM_HEAD, items.map(itemRow));
}

function itemsSection(results: RegionResults): string {
  const parts: string[] = [
    `<p class="utrecht-paragraph">Per vraag ziet u het gemiddelde (1 tot 5), op hoeveel antwoorden het rust (n), welk deel "weet ik niet" antwoordde en hoeveel mensen elk antwoord kozen: ${esc(LIKERT_SCALE.map((a) => `${a.value} = ${a.label.toLowerCase()}`).join(', '))}.</p>`,
  ];
  for (const g of results.groups) {
    const id = `vragen-${g.group}`;
    parts.push(`<h3 class="utrecht-heading-3" id="${id}">${esc(groupLabel(g.group))}</h3>`);
    if (!g.shown) {
      parts.push(`<p class="utrecht-paragraph maoj-state-note">${esc(reasonText('te-weinig-antwoorden', 'groep'))}: wij tonen voor deze groep geen antwoorden per vraag.</p>`);
      continue;
    }
    const count = g.themes.reduce((a, t) => a + t.items.length, 0);
    parts.push(
      `<details class="maoj-details maoj-results__items"><summary>Bekijk de antwoorden op de ${count} vragen van ${esc(groupLabel(g.group))}</summary>` +
        g.themes.map((t) => itemTable(`${groupLabel(g.group)}, ${t.title}: antwoorden per vraag`, t.items)).join('') +
        '</details>',
    );
  }
  return section('vragen', 'Antwoorden per vraag', parts.join('\n'));
}

function backgroundTable(g: GroupResult, b: BackgroundResult): string {
  const themeIds = [...new Set(b.categories.flatMap((c) => c.themes.map((t) => t.themeId)))];
  const themeTitle = (id: string) => g.themes.find((t) => t.themeId === id)?.title ?? id;
  const head = [th('Antwoord', 'col'), th('Ingevuld (n)', 'col', true), th('Rapportcijfer', 'col', true), ...themeIds.map((id) => th(esc(themeTitle(id)), 'col', true))];
  const rows = b.categories.map((c) => {
    const cells = [th(esc(c.label), 'row'), c.n.shown ? td(esc(formatNumber(c.n.value))) : hiddenCell(c.n.reason, 'vraag'), meanWithN(c.grade, 'vraag')];
    for (const id of themeIds) {
      const s = c.themes.find((t) => t.themeId === id)?.score;
      cells.push(s ? meanWithN(s, 'vraag') : td('-'));
    }
    return mergeHidden(cells);
  });
  return table(`${groupLabel(g.group)}, naar antwoord op "${b.text}"`, head, rows);
}

function backgroundSection(results: RegionResults): string {
  const groups = results.groups.filter((g) => g.shown && g.background.length > 0);
  const parts = [
    `<p class="utrecht-paragraph">Hier ziet u de uitkomsten naar de achtergrond van wie de vragenlijst invulde. Een groep tonen wij vanaf ${MIN_ITEM_SIZE} antwoorden.</p>`,
  ];
  if (groups.length === 0) parts.push('<p class="utrecht-paragraph">Er zijn geen uitkomsten naar achtergrond.</p>');
  for (const g of groups) {
    parts.push(`<h3 class="utrecht-heading-3" id="achtergrond-${g.group}">${esc(groupLabel(g.group))}</h3>`);
    parts.push(...g.background.map((b) => backgroundTable(g, b)));
  }
  return section('achtergrond', 'Uitkomsten naar achtergrond', parts.join('\n'));
}

function ownQuestionsSection(results: RegionResults): string {
  const withItems = results.ownQuestions.filter((q) => q.items.length > 0);
  const body = withItems.length
    ? '<p class="utrecht-paragraph">Deze vragen koos uw regio zelf. Er zijn geen cijfers van andere regio\'s om mee te vergelijken.</p>' +
      withItems.map((q) => itemTable(`${groupLabel(q.group)}: vragen van uw regio`, q.items)).join('')
    : '<p class="utrecht-paragraph">Uw regio had in deze ronde geen eigen vragen.</p>';
  return section('eigen-vragen', 'Vragen van uw regio', body);
}

function regioscanSection(results: RegionResults): string {
  if (results.regioscan.length === 0) return section('regioscan', 'Regioscan in uw gemeenten', '<p class="utrecht-paragraph">Er zijn nog geen ingevulde Regioscans uit uw gemeenten.</p>');
  const themes = new Map<string, string>();
  for (const r of results.regioscan) for (const t of r.themes) if (!themes.has(t.themeId)) themes.set(t.themeId, t.title);
  const head = [th('Gebied', 'col'), th('Ingevuld (n)', 'col', true), ...[...themes.values()].map((title) => th(esc(title), 'col', true))];
  const rows = results.regioscan.map((r) => {
    const whole = r.code === results.regionId;
    const cells = [th(`${esc(r.name)}${whole ? ' <span class="maoj-muted">(hele regio)</span>' : ''}`, 'row'), r.n.shown ? td(esc(formatNumber(r.n.value))) : hiddenCell(r.n.reason, 'groep')];
    for (const id of themes.keys()) {
      const s = r.themes.find((t) => t.themeId === id)?.score;
      cells.push(s ? meanWithN(s, 'groep') : td('-'));
    }
    return mergeHidden(cells);
  });
  return section(
    'regioscan',
    'Regioscan in uw gemeenten',
    '<p class="utrecht-paragraph">Iedereen kan op deze website de Regioscan invullen. Hier ziet u de uitkomsten van wie daarbij een gemeente in uw regio koos: het aantal ingevulde Regioscans en de gemiddelde score per thema, van 0 tot 100.</p>' +
      table('Regioscan per gemeente en voor de hele regio: score per thema (0 tot 100)', head, rows),
  );
}

function methodSection(results: RegionResults): string {
  const m = results.method;
  const items = [
    'Bij elke stelling kiest iemand uit 5 antwoorden, van 1 (helemaal oneens) tot 5 (helemaal eens). Het gemiddelde van die antwoorden is de score. De score van een thema is het gemiddelde van alle antwoorden op de stellingen van dat thema.',
    'Het rapportcijfer is een cijfer van 1 tot 10 voor de samenwerking.',
    '"Weet ik niet" telt niet mee in een gemiddelde. Wij tonen apart welk deel van de mensen "weet ik niet" antwoordde.',
    `Bij elk cijfer staat n: het aantal antwoorden waarop het cijfer rust. Bij de andere regio's is dat het aantal regio's.`,
    `Uitkomsten van een groep tonen wij vanaf ${m.minGroupSize} ingevulde vragenlijsten. Cijfers per vraag en naar achtergrond tonen wij vanaf ${m.minItemSize} antwoorden.`,
    `Antwoordde meer dan ${formatShare(m.maxDontKnowShare)} "weet ik niet", dan tonen wij het gemiddelde van die vraag niet: het zegt dan te weinig.`,
    'Soms verbergen wij een cijfer dat zelf groot genoeg is. Anders zou u een verborgen cijfer kunnen uitrekenen uit de cijfers die er wel staan.',
    `De vergelijking met andere regio's gaat over alle andere regio's die meedoen, elk met hun laatste afgesloten ronde. Uw eigen regio telt niet mee. Wij vergelijken alleen als minstens ${m.minOtherRegions} andere regio's genoeg antwoorden hebben. Nu doen ${formatNumber(m.benchmarkRegions)} regio's mee.`,
    "De mediaan is de score van de middelste regio: de helft van de andere regio's scoort lager, de helft hoger. De middelste helft loopt van het eerste tot het derde kwartiel: een kwart van de regio's scoort lager, een kwart hoger.",
    'Antwoorden op open vragen publiceren wij nooit. Uw regio kan ze via de beheerders opvragen.',
    'Cijfers zijn afgerond op 1 decimaal. Door afronding kan een verschil 0,1 afwijken.',
  ];
  return section('methode', 'Zo lezen en berekenen wij de cijfers', `<ul class="utrecht-unordered-list maoj-results__method">${items.map((i) => `<li class="utrecht-unordered-list__item">${esc(i)}</li>`).join('')}</ul>`);
}

function downloads(results: RegionResults, links: { csv: string; pdf?: string; respons: string }): string {
  return `<div class="maoj-results__downloads maoj-no-print">
<ul class="utrecht-unordered-list">
<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${esc(links.csv)}" download>Download de cijfers (CSV, voor Excel)</a></li>
${links.pdf ? `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${esc(links.pdf)}">Download het rapport (PDF)</a></li>` : ''}
<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${esc(links.respons)}">Bekijk de respons van ${esc(results.regionName)}</a></li>
</ul>
<p class="utrecht-paragraph">Druk deze pagina af met Ctrl+P (op een Mac: Cmd+P).</p>
<p class="utrecht-paragraph"><button type="button" class="utrecht-button utrecht-button--secondary-action" data-print hidden>Druk deze pagina af</button></p>
</div>`;
}

const TOC = [
  ['wat-valt-op', 'Wat valt op'],
  ['respons', 'Respons per groep'],
  ['themas', 'Scores per thema'],
  ['rapportcijfer', 'Rapportcijfer per groep'],
  ['vragen', 'Antwoorden per vraag'],
  ['achtergrond', 'Uitkomsten naar achtergrond'],
  ['eigen-vragen', 'Vragen van uw regio'],
  ['regioscan', 'Regioscan in uw gemeenten'],
  ['methode', 'Zo lezen en berekenen wij de cijfers'],
] as const;

/** The main content only (for a report page that wraps it differently). */
export function renderResultsMain(results: RegionResults, links: { csv: string; pdf?: string; respons: string }): string {
  return html([
    '<div class="maoj-results">',
    `<h1 class="utrecht-heading-1 maoj-area-title">Uitkomsten van ${esc(results.regionName)}</h1>`,
    `<p class="utrecht-paragraph maoj-lead">${esc(results.roundLabel)}.</p>`,
    results.demo && '<div class="utrecht-alert utrecht-alert--warning maoj-results__demo"><p class="utrecht-paragraph"><strong>Voorbeeld: deze regio en alle cijfers zijn verzonnen (TESTDATA).</strong></p></div>',
    '<p class="utrecht-paragraph">Op deze pagina ziet u hoe de mensen in uw regio de samenwerking tussen onderwijs en jeugdhulp beoordelen, vergeleken met andere regio\'s en met eerdere rondes. U ziet nooit losse antwoorden en niet wie iets antwoordde. Deel deze link alleen met de mensen die de monitor in uw regio uitvoeren.</p>',
    `<nav aria-label="Op deze pagina" class="maoj-toc maoj-no-print"><ul class="utrecht-unordered-list">${TOC.map(([id, label]) => `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#${id}">${esc(label)}</a></li>`).join('')}</ul></nav>`,
    downloads(results, links),
    readingSection(results),
    responseSection(results),
    themesSection(results),
    gradeSection(results),
    itemsSection(results),
    backgroundSection(results),
    ownQuestionsSection(results),
    regioscanSection(results),
    methodSection(results),
    '</div>',
  ]);
}

/** The whole document, kept out of search engines: reached only through the region's private link. */
export function renderResultsPage(results: RegionResults, links: { csv: string; pdf?: string; respons: string }): string {
  return renderDocument({
    title: `Uitkomsten ${results.regionName}`,
    path: RESULTS_PATH,
    noindex: true,
    scripts: [FORM_SCRIPT],
    main: renderResultsMain(results, links),
  });
}

import { BOM, csvCell } from '../csv.ts';
import type { BenchmarkFigure, ItemResult, Mean, RegionResults, Shown } from '../benchmark/model.ts';
import { LIKERT_SCALE } from '../questionnaires/definition.ts';
import { csvNumber } from '../regional/format.ts';
import { reasonText, type FigureLevel } from '../benchmark/reasons.ts';
import { groupLabel } from './page.ts';

/**
 * The region's aggregate results as CSV for Dutch-locale Excel, like the regional CSVs: UTF-8 with
 * BOM, ';' between fields, a decimal comma, CRLF. One row per figure of the results page, rounded as
 * on the page; a hidden figure has an empty 'waarde' and the reason in 'toelichting'. Only aggregates
 * from RegionResults: never raw responses, never open answers.
 */
export const RESULTS_CSV_HEADER = ['gebied', 'ronde', 'groep', 'thema', 'vraag', 'cijfer', 'waarde', 'n', 'toelichting'] as const;
export { BOM, csvCell };

type Row = Record<(typeof RESULTS_CSV_HEADER)[number], string>;

const mean1 = (v: number) => csvNumber(v, 1);
/** Shares as percentages with one decimal: 0.05 → "5,0". */
const percent = (share: number) => csvNumber(share * 100, 1);

export function resultsCsv(results: RegionResults): string {
  const rows: Row[] = [];
  const base = { gebied: results.regionName, ronde: results.roundLabel, groep: '', thema: '', vraag: '', toelichting: '' };
  const add = (row: Partial<Row> & Pick<Row, 'cijfer'>) => rows.push({ ...base, waarde: '', n: '', ...row });
  const hidden = (context: Partial<Row>, cijfer: string, shown: Shown<unknown>, level: FigureLevel): boolean => {
    if (shown.shown) return false;
    add({ ...context, cijfer, toelichting: reasonText(shown.reason, level) });
    return true;
  };

  const meanRows = (context: Partial<Row>, what: string, mean: Shown<Mean>, level: FigureLevel) => {
    if (hidden(context, what, mean, level)) return;
    const m = (mean as Extract<Shown<Mean>, { shown: true }>).value;
    add({ ...context, cijfer: what, waarde: mean1(m.mean), n: String(m.n) });
    add({ ...context, cijfer: `${what}: aandeel weet ik niet (%)`, waarde: percent(m.dontKnowShare), n: String(m.n) });
  };

  const benchmarkRows = (context: Partial<Row>, what: string, b: Shown<BenchmarkFigure>) => {
    const label = `${what}, andere regio's`;
    if (hidden(context, `${label}: mediaan`, b, 'groep')) return;
    const v = (b as Extract<Shown<BenchmarkFigure>, { shown: true }>).value;
    const n = String(v.regions);
    const note = "n is het aantal andere regio's";
    add({ ...context, cijfer: `${label}: mediaan`, waarde: mean1(v.median), n, toelichting: note });
    add({ ...context, cijfer: `${label}: eerste kwartiel`, waarde: mean1(v.q1), n, toelichting: note });
    add({ ...context, cijfer: `${label}: derde kwartiel`, waarde: mean1(v.q3), n, toelichting: note });
    add({ ...context, cijfer: `${label}: gemiddelde`, waarde: mean1(v.mean), n, toelichting: note });
    if (v.ventile !== undefined) add({ ...context, cijfer: `${what}: plaats van uw regio (ventiel 1 tot 20)`, waarde: String(v.ventile), n, toelichting: note });
  };

  const itemRows = (context: Partial<Row>, item: ItemResult) => {
    const c = { ...context, vraag: `${item.number}. ${item.text}` };
    if (item.mean.shown) meanRows(c, 'gemiddelde', item.mean, 'vraag');
    else hidden(c, 'gemiddelde', item.mean, 'vraag');
    const d = item.distribution;
    if (!d.shown) {
      hidden(c, 'aantal antwoorden per keuze', d, 'vraag');
      return;
    }
    const n = String(Object.values(d.value.byValue).reduce((a, b) => a + b, 0) + d.value.dontKnow);
    for (const a of LIKERT_SCALE) add({ ...c, cijfer: `aantal: ${a.value} ${a.label}`, waarde: String(d.value.byValue[a.value] ?? 0), n });
    add({ ...c, cijfer: 'aantal: weet ik niet', waarde: String(d.value.dontKnow), n });
  };

  for (const g of results.groups) {
    const groep = groupLabel(g.group);
    add({ groep, cijfer: 'uitgenodigd', waarde: String(g.issued) });
    add({ groep, cijfer: 'ingevuld', waarde: String(g.n) });
    add({ groep, cijfer: 'respons (%)', waarde: g.responseRate === null ? '' : percent(g.responseRate), n: String(g.issued), ...(g.responseRate === null ? { toelichting: 'Niet bekend' } : {}) });
    if (!g.shown) {
      add({ groep, cijfer: 'alle uitkomsten van deze groep', toelichting: reasonText('te-weinig-antwoorden', 'groep') });
      continue;
    }
    meanRows({ groep }, 'rapportcijfer', g.grade, 'groep');
    benchmarkRows({ groep }, 'rapportcijfer', g.gradeBenchmark);
    for (const t of g.themes) {
      const context = { groep, thema: t.title };
      meanRows(context, 'score', t.score, 'groep');
      benchmarkRows(context, 'score', t.benchmark);
      for (const e of t.earlier) meanRows({ ...context, ronde: e.label }, 'score', e.score, 'groep');
    }
    for (const t of g.themes) for (const item of t.items) itemRows({ groep, thema: t.title }, item);
    for (const b of g.background) {
      for (const c of b.categories) {
        const context = { groep, vraag: `${b.text} ${c.label}` };
        if (!hidden(context, 'ingevuld', c.n, 'vraag')) add({ ...context, cijfer: 'ingevuld', waarde: String((c.n as { value: number }).value) });
        meanRows(context, 'rapportcijfer', c.grade, 'vraag');
        for (const s of c.themes) meanRows({ ...context, thema: g.themes.find((t) => t.themeId === s.themeId)?.title ?? s.themeId }, 'score', s.score, 'vraag');
      }
    }
  }
  for (const q of results.ownQuestions) for (const item of q.items) itemRows({ groep: groupLabel(q.group), thema: 'Vragen van uw regio' }, item);
  for (const r of results.regioscan) {
    // The Regioscan is not tied to a round of the questionnaires.
    const context = { gebied: r.code === results.regionId ? r.name : `${r.name} (${r.code})`, ronde: '', groep: 'Regioscan' };
    if (!hidden(context, 'ingevuld', r.n, 'groep')) add({ ...context, cijfer: 'ingevuld', waarde: String((r.n as { value: number }).value) });
    for (const t of r.themes) {
      if (hidden({ ...context, thema: t.title }, 'score (0 tot 100)', t.score, 'groep')) continue;
      const s = (t.score as { value: { mean: number; n: number } }).value;
      add({ ...context, thema: t.title, cijfer: 'score (0 tot 100)', waarde: mean1(s.mean), n: String(s.n) });
    }
  }

  const lines = [RESULTS_CSV_HEADER.join(';'), ...rows.map((row) => RESULTS_CSV_HEADER.map((key) => csvCell(row[key])).join(';'))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** File name for the download: "uitkomsten-voorbeeldregio-2026.csv". */
export const resultsCsvFileName = (results: RegionResults) => `uitkomsten-${results.roundId.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.csv`;

import notoRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff';
import notoBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff';
import PDFDocument from 'pdfkit';
import { reasonText } from '../benchmark/reasons.ts';
import type { BenchmarkFigure, GroupResult, ItemResult, Mean, RegionResults, Shown, SuppressionReason, ThemeResult } from '../benchmark/model.ts';
import { groupById, type GroupId } from '../questionnaires/definition.ts';
import { LIKERT_SCALE } from '../questionnaires/definition.ts';
import { formatDecimal, formatShare } from '../regional/format.ts';

/**
 * The "handzaam rapport" as an accessible PDF (PDF/UA-1, tagged, language nl-NL, title shown), drawn
 * with pdfkit from the same `RegionResults` view as the results page and the CSV.
 *
 * Every piece of content is either inside a structure element (headings, paragraphs, tables with
 * header cells, one Figure with alt text per chart) or marked as an artifact (page numbers, the demo
 * band, rules). The output is deterministic: the creation date comes from the round's closing date,
 * and pdfkit derives the file id from the document info, so the same input gives the same bytes.
 */

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

/** Options pdfkit 0.20 has that @types/pdfkit 0.17 does not know yet. */
interface TableOptionsUA extends PDFKit.Mixins.TableOptionsWithData {
  structParent: StructElement;
}
type Cell = PDFKit.Mixins.CellOptions & { scope?: 'column' | 'row' | 'both' };

/**
 * Noto Sans (SIL Open Font License 1.1, from the dependency @fontsource/noto-sans), imported as bytes
 * so the Lambda bundle carries it (PDF/UA needs embedded fonts).
 */
const FONTS = { regular: Buffer.from(notoRegular), bold: Buffer.from(notoBold) };
function fonts(): { regular: Buffer; bold: Buffer } {
  return FONTS;
}

const REGULAR = 'NotoSans';
const BOLD = 'NotoSans-Bold';
const TEXT = '#1a1a1a';
const MUTED = '#4d4d4d';
const ACCENT = '#1f4e8c';
const BAND = '#c5d2e3';
const DEMO_BG = '#fff1c2';

const PAGE = { size: 'A4', margins: { top: 50, bottom: 56, left: 56, right: 56 } } as const;
const BODY_SIZE = 9.5;
const TABLE_SIZE = 8.5;

// ---------------------------------------------------------------------------------------------
// Words and numbers

/** One decimal with a decimal comma: 3.46 → "3,5". */
export function nl1(value: number): string {
  return formatDecimal(value, 1);
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
function nlDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "niet getoond: minder dan 5 antwoorden": the shared wording, in lower case after the colon. */
function hiddenText(reason: SuppressionReason, method: RegionResults['method'], level: 'group' | 'item' = 'group'): string {
  const text = reasonText(reason, level === 'item' ? 'vraag' : 'groep', method);
  return `niet getoond: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function groupLabel(id: GroupId): string {
  return groupById(id).label;
}

function benchmarkText(b: BenchmarkFigure): string {
  return `${nl1(b.median)} (${nl1(b.q1)} tot ${nl1(b.q3)})`;
}

/** The title in the document info; pdfkit copies it unescaped into the XMP, so no XML specials. */
export function reportTitle(results: RegionResults): string {
  return `Monitor AOJ – ${results.regionName} – ${results.roundLabel}`.replace(/&/g, 'en').replace(/[<>]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Layout helpers: every call writes tagged content under `parent`, or an artifact.

class Writer {
  readonly width: number;
  constructor(
    readonly doc: Doc,
    readonly results: RegionResults,
  ) {
    this.width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
  }

  get left(): number {
    return PAGE.margins.left;
  }

  /** Start a new page when less than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  heading(parent: StructElement, level: 'H1' | 'H2' | 'H3', text: string): void {
    const size = level === 'H1' ? 20 : level === 'H2' ? 14 : 11.5;
    this.ensureSpace(level === 'H1' ? 40 : 150);
    if (level !== 'H1') this.doc.moveDown(level === 'H2' ? 0.6 : 0.3);
    this.doc.x = this.left;
    parent.add(
      this.doc.struct(level, {}, () => {
        this.doc.font(BOLD).fontSize(size).fillColor(level === 'H3' ? TEXT : ACCENT).text(text, this.left, this.doc.y, { width: this.width });
      }),
    );
    this.doc.moveDown(0.25);
  }

  paragraph(parent: StructElement, text: string, options: { size?: number; color?: string; bold?: boolean; gap?: number } = {}): void {
    this.doc.x = this.left;
    parent.add(
      this.doc.struct('P', {}, () => {
        this.doc
          .font(options.bold ? BOLD : REGULAR)
          .fontSize(options.size ?? BODY_SIZE)
          .fillColor(options.color ?? TEXT)
          .text(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
      }),
    );
    this.doc.moveDown(options.gap ?? 0.45);
  }

  /** A list of short paragraphs, each marked as a list item (L > LI > LBody). */
  list(parent: StructElement, items: string[]): void {
    const list = this.doc.struct('L');
    parent.add(list);
    for (const item of items) {
      const li = this.doc.struct('LI');
      list.add(li);
      const y = this.doc.y;
      li.add(
        this.doc.struct('Lbl', {}, () => {
          this.doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(TEXT).text('•', this.left + 4, y, { width: 10, lineBreak: false });
        }),
      );
      li.add(
        this.doc.struct('LBody', {}, () => {
          this.doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(TEXT).text(item, this.left + 16, y, { width: this.width - 16, lineGap: 1.5 });
        }),
      );
      li.end();
      this.doc.moveDown(0.3);
    }
    list.end();
    this.doc.x = this.left;
    this.doc.moveDown(0.2);
  }

  /**
   * A table with one header row (TH, scope column) and, per body row, a first cell that heads the row
   * (TH, scope row). `widths` are in points or '*'.
   */
  table(parent: StructElement, header: string[], rows: (string | Cell)[][], widths: (number | '*')[]): void {
    // Keep a short table on one page (pdfkit does not repeat the header row); a long one may break.
    this.ensureSpace(Math.min(36 + rows.length * 26, 260));
    this.doc.x = this.left;
    this.doc.font(REGULAR).fontSize(TABLE_SIZE).fillColor(TEXT);
    const headerRow: Cell[] = header.map((text) => ({
      text,
      type: 'TH',
      scope: 'column',
      font: { src: BOLD },
      backgroundColor: '#e8edf4',
    }));
    const bodyRows: Cell[][] = rows.map((row) =>
      row.map((cell, i): Cell => {
        const c: Cell = typeof cell === 'string' ? { text: cell } : cell;
        return i === 0 ? { type: 'TH', scope: 'row', font: { src: BOLD }, ...c } : c;
      }),
    );
    const options: TableOptionsUA = {
      structParent: parent,
      position: { x: this.left, y: this.doc.y },
      maxWidth: this.width,
      columnStyles: widths.map((width) => ({ width })),
      defaultStyle: { border: 0.5, borderColor: '#8c8c8c', padding: [2.5, 4, 2.5, 4] as unknown as PDFKit.Mixins.Sides<number> },
      data: [headerRow, ...bodyRows] as PDFKit.Mixins.TableOptionsWithData['data'],
    };
    this.doc.table(options);
    this.doc.x = this.left;
    this.doc.moveDown(0.6);
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

function meanCell(mean: Shown<Mean>, method: RegionResults['method'], level: 'group' | 'item' = 'group'): string {
  return mean.shown ? nl1(mean.value.mean) : hiddenText(mean.reason, method, level);
}

function latestEarlier(theme: ThemeResult): ThemeResult['earlier'][number] | undefined {
  return theme.earlier[theme.earlier.length - 1];
}

/** The alt text of a group's theme chart: every number the chart shows, in a sentence per theme. */
export function themeChartAlt(group: GroupResult, method: RegionResults['method']): string {
  const parts = group.themes.map((theme) => {
    const own = theme.score.shown ? `uw regio ${nl1(theme.score.value.mean)} (n = ${theme.score.value.n})` : `uw regio ${hiddenText(theme.score.reason, method)}`;
    const bench = theme.benchmark.shown
      ? `andere regio's: mediaan ${nl1(theme.benchmark.value.median)}, middelste helft ${nl1(theme.benchmark.value.q1)} tot ${nl1(theme.benchmark.value.q3)}`
      : `andere regio's ${hiddenText(theme.benchmark.reason, method)}`;
    const prev = latestEarlier(theme);
    const earlier = prev ? `; ${prev.label}: ${prev.score.shown ? nl1(prev.score.value.mean) : hiddenText(prev.score.reason, method)}` : '';
    return `${theme.title}: ${own}; ${bench}${earlier}.`;
  });
  return `Staafdiagram van de uitkomsten per thema voor ${groupLabel(group.group)}, op een schaal van 1 tot 5. ${parts.join(' ')}`;
}

function themeChart(w: Writer, parent: StructElement, group: GroupResult): void {
  const { doc, results } = w;
  const labelWidth = 150;
  const rowHeight = 24;
  const legendHeight = 18;
  const axisHeight = 14;
  const height = axisHeight + group.themes.length * rowHeight + legendHeight + 4;
  w.ensureSpace(height + 8);
  const top = doc.y;
  const left = w.left;
  const plotLeft = left + labelWidth;
  const plotWidth = w.width - labelWidth - 30;
  const x = (v: number): number => plotLeft + ((v - 1) / 4) * plotWidth;
  const prevLabel = group.themes.map(latestEarlier).find((e) => e)?.label;

  const figure = doc.struct('Figure', {
    alt: themeChartAlt(group, results.method),
    bbox: [left, top, left + w.width, top + height],
    placement: 'Block',
  } as PDFKit.Mixins.StructureElementOptions);
  parent.add(figure);
  figure.add(() => {
    doc.save();
    // Axis: 1 to 5 with grid lines.
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
    for (let v = 1; v <= 5; v++) {
      doc.text(String(v), x(v) - 10, top, { width: 20, align: 'center', lineBreak: false });
      doc
        .moveTo(x(v), top + axisHeight - 2)
        .lineTo(x(v), top + axisHeight + group.themes.length * rowHeight)
        .lineWidth(0.4)
        .strokeColor('#bfbfbf')
        .stroke();
    }
    group.themes.forEach((theme, i) => {
      const y = top + axisHeight + i * rowHeight;
      doc.font(REGULAR).fontSize(8).fillColor(TEXT).text(theme.title, left, y + 3, { width: labelWidth - 8, height: rowHeight - 2, ellipsis: true, lineGap: 0 });
      if (theme.benchmark.shown) {
        const b = theme.benchmark.value;
        doc.rect(x(b.q1), y + 3, x(b.q3) - x(b.q1), rowHeight - 6).fillColor(BAND).fill();
        doc
          .moveTo(x(b.median), y + 1)
          .lineTo(x(b.median), y + rowHeight - 1)
          .lineWidth(1.4)
          .strokeColor(TEXT)
          .stroke();
      }
      if (theme.score.shown) {
        const v = theme.score.value.mean;
        doc.rect(x(1), y + 8, x(v) - x(1), rowHeight - 16).fillColor(ACCENT).fill();
        doc.font(BOLD).fontSize(8).fillColor(TEXT).text(nl1(v), x(5) + 4, y + 7, { width: 26, lineBreak: false });
      } else {
        doc.font(REGULAR).fontSize(7.5).fillColor(MUTED).text('niet getoond', x(1) + 4, y + 7, { width: 80, lineBreak: false });
      }
      const prev = latestEarlier(theme);
      if (prev?.score.shown) {
        doc
          .circle(x(prev.score.value.mean), y + rowHeight / 2, 3)
          .lineWidth(1)
          .fillColor('#ffffff')
          .strokeColor(TEXT)
          .fillAndStroke();
      }
    });
    // Legend.
    const ly = top + axisHeight + group.themes.length * rowHeight + 6;
    let lx = plotLeft;
    doc.rect(lx, ly + 1, 14, 6).fillColor(ACCENT).fill();
    doc.font(REGULAR).fontSize(7.5).fillColor(TEXT).text('Uw regio', lx + 18, ly, { lineBreak: false });
    lx += 70;
    doc.rect(lx, ly, 14, 8).fillColor(BAND).fill();
    doc.moveTo(lx + 7, ly - 1).lineTo(lx + 7, ly + 9).lineWidth(1.4).strokeColor(TEXT).stroke();
    doc.fillColor(TEXT).text("Andere regio's: middelste helft en mediaan", lx + 18, ly, { lineBreak: false });
    lx += 185;
    if (prevLabel) {
      doc.circle(lx + 5, ly + 4, 3).lineWidth(1).fillColor('#ffffff').strokeColor(TEXT).fillAndStroke();
      doc.fillColor(TEXT).text(prevLabel, lx + 12, ly, { lineBreak: false });
    }
    doc.restore();
  });
  figure.end();
  doc.x = left;
  doc.y = top + height + 8;
}

// ---------------------------------------------------------------------------------------------
// Sections

function sectionConclusions(w: Writer, root: StructElement): void {
  const sect = w.doc.struct('Sect');
  root.add(sect);
  w.heading(sect, 'H2', '1 Conclusies en punten voor het OOGO');
  if (w.results.reading.length > 0) {
    w.paragraph(sect, 'Wat opvalt in de cijfers van deze ronde:');
    w.list(
      sect,
      w.results.reading.map((r) => r.text),
    );
  } else {
    w.paragraph(sect, 'Er zijn nog te weinig cijfers om iets uit af te leiden.');
  }
  w.heading(sect, 'H3', 'Punten voor het OOGO');
  w.list(sect, [
    'Bespreek het thema dat het laagst scoort: wat is er nodig om dit te verbeteren, en wie pakt dat op?',
    'Kijk waar de groepen verschillen: zien Beleid, Uitvoering en ouders en jongeren de samenwerking anders? Vraag elkaar waarom.',
    "Vergelijk met de andere regio's en met de vorige ronde: werken de afspraken die u maakte, en wat neemt u mee in de volgende afspraken?",
  ]);
  sect.end();
}

function sectionResponse(w: Writer, root: StructElement): void {
  const { results } = w;
  const sect = w.doc.struct('Sect');
  root.add(sect);
  w.heading(sect, 'H2', '2 Respons per groep');
  w.paragraph(
    sect,
    `Per groep: hoeveel mensen een uitnodiging kregen, hoeveel de vragenlijst invulden, en of de uitkomsten getoond worden. Uitkomsten van een groep tonen we vanaf ${results.method.minGroupSize} antwoorden.`,
  );
  w.table(
    sect,
    ['Groep', 'Uitgenodigd', 'Ingevuld (n)', 'Respons', 'Uitkomsten'],
    results.groups.map((g) => [
      groupLabel(g.group),
      String(g.issued),
      String(g.n),
      g.responseRate === null ? 'onbekend' : formatShare(g.responseRate),
      g.shown ? 'getoond' : hiddenText('te-weinig-antwoorden', results.method),
    ]),
    [110, 70, 70, 60, '*'],
  );
  sect.end();
}

function sectionThemes(w: Writer, root: StructElement): void {
  const { results } = w;
  const m = results.method;
  const sect = w.doc.struct('Sect');
  root.add(sect);
  w.heading(sect, 'H2', '3 Uitkomsten per thema');
  w.paragraph(
    sect,
    `Per groep het gemiddelde per thema op een schaal van 1 (helemaal oneens) tot 5 (helemaal eens), naast de andere regio's: de mediaan en, tussen haakjes, de middelste helft van de regio's. "Weet ik niet" telt niet mee in het gemiddelde; het aandeel staat apart.`,
  );
  results.groups.forEach((group, gi) => {
    const sub = w.doc.struct('Sect');
    sect.add(sub);
    w.heading(sub, 'H3', `3.${gi + 1} ${groupLabel(group.group)} (n = ${group.n})`);
    if (!group.shown || group.themes.length === 0) {
      w.paragraph(sub, `De uitkomsten van deze groep zijn niet getoond: ${reasonText('te-weinig-antwoorden', 'groep', m).toLowerCase()} (${group.n} ingevuld).`);
      sub.end();
      return;
    }
    const earlierLabels = [...new Set(group.themes.flatMap((t) => t.earlier.map((e) => e.label)))];
    w.table(
      sub,
      ['Thema', 'Uw regio', 'n', 'Weet ik niet', "Andere regio's: mediaan (middelste helft)", ...earlierLabels],
      group.themes.map((t) => [
        t.title,
        meanCell(t.score, m),
        t.score.shown ? String(t.score.value.n) : '–',
        t.score.shown ? formatShare(t.score.value.dontKnowShare) : '–',
        t.benchmark.shown ? benchmarkText(t.benchmark.value) : hiddenText(t.benchmark.reason, m),
        ...earlierLabels.map((label) => {
          const e = t.earlier.find((x) => x.label === label);
          return e ? meanCell(e.score, m) : '–';
        }),
      ]),
      [130, 55, 30, 45, '*', ...earlierLabels.map(() => 60)],
    );
    themeChart(w, sub, group);
    itemTable(w, sub, group.themes);
    sub.end();
  });
  sect.end();
}

function itemRows(items: ItemResult[], method: RegionResults['method'], prefix: string): string[][] {
  return items.map((item) => {
    const answered = item.mean.shown
      ? item.mean.value.n
      : item.distribution.shown
        ? Object.values(item.distribution.value.byValue).reduce((a, b) => a + b, 0)
        : undefined;
    const dontKnow = item.mean.shown
      ? formatShare(item.mean.value.dontKnowShare)
      : item.distribution.shown && answered !== undefined && answered + item.distribution.value.dontKnow > 0
        ? formatShare(item.distribution.value.dontKnow / (answered + item.distribution.value.dontKnow))
        : '–';
    return [`${prefix}${item.number}`, item.text, meanCell(item.mean, method, 'item'), answered === undefined ? '–' : String(answered), dontKnow];
  });
}

function itemTable(w: Writer, parent: StructElement, themes: ThemeResult[]): void {
  w.paragraph(parent, 'Per vraag (de nummers zijn thema.vraag; gemiddelde op de schaal van 1 tot 5):', { size: 8.5, color: MUTED, gap: 0.2 });
  w.table(
    parent,
    ['Nr.', 'Vraag', 'Gemiddelde', 'n', 'Weet ik niet'],
    themes.flatMap((theme, t) => itemRows(theme.items, w.results.method, `${t + 1}.`)),
    [28, '*', 92, 26, 46],
  );
}

function sectionGrade(w: Writer, root: StructElement): void {
  const { results } = w;
  const m = results.method;
  const sect = w.doc.struct('Sect');
  root.add(sect);
  w.heading(sect, 'H2', '4 Rapportcijfer');
  w.paragraph(sect, 'Het gemiddelde rapportcijfer (1 tot 10) dat elke groep de samenwerking tussen onderwijs en jeugdhulp geeft.');
  w.table(
    sect,
    ['Groep', 'Rapportcijfer', 'n', "Andere regio's: mediaan (middelste helft)"],
    results.groups.map((g) => [
      groupLabel(g.group),
      meanCell(g.grade, m),
      g.grade.shown ? String(g.grade.value.n) : '–',
      !g.shown ? '–' : g.gradeBenchmark.shown ? benchmarkText(g.gradeBenchmark.value) : hiddenText(g.gradeBenchmark.reason, m),
    ]),
    [110, 150, 40, '*'],
  );
  sect.end();
}

function sectionOwnQuestions(w: Writer, root: StructElement): void {
  const { results } = w;
  const sect = w.doc.struct('Sect');
  root.add(sect);
  w.heading(sect, 'H2', '5 Vragen van uw regio');
  const withItems = results.ownQuestions.filter((q) => q.items.length > 0);
  if (withItems.length === 0) {
    w.paragraph(sect, 'Uw regio heeft in deze ronde geen eigen vragen gesteld.');
  } else {
    w.paragraph(sect, 'De vragen die uw regio zelf aan de vragenlijst toevoegde, met het aantal antwoorden per antwoord (1 = helemaal oneens, 5 = helemaal eens).');
    for (const own of withItems) {
      const sub = w.doc.struct('Sect');
      sect.add(sub);
      w.heading(sub, 'H3', groupLabel(own.group));
      w.table(
        sub,
        ['Vraag', 'Gemiddelde', 'n', ...LIKERT_SCALE.map((s) => s.value), 'Weet ik niet'],
        own.items.map((item) => {
          const [, text, mean, n] = itemRows([item], results.method, '')[0]!;
          const d = item.distribution;
          return [
            text!,
            mean!,
            n!,
            ...LIKERT_SCALE.map((s) => (d.shown ? String(d.value.byValue[s.value] ?? 0) : '–')),
            d.shown ? String(d.value.dontKnow) : hiddenText(d.reason, results.method, 'item'),
          ];
        }),
        ['*', 60, 26, 22, 22, 22, 22, 22, 46],
      );
      sub.end();
    }
  }
  sect.end();
}

function sectionRegioscan(w: Writer, root: StructElement): void {
  const { results } = w;
  const sect = w.doc.struct('Sect');
  root.add(sect);
  w.heading(sect, 'H2', '6 Regioscan in uw gemeenten');
  if (results.regioscan.length === 0) {
    w.paragraph(sect, 'In uw gemeenten is de Regioscan nog niet ingevuld.');
    sect.end();
    return;
  }
  w.paragraph(
    sect,
    `De Regioscan is een korte, openbare vragenlijst die iedereen kan invullen. De score per thema loopt van 0 tot 100. Per gemeente tonen we de scores vanaf ${results.method.minGroupSize} ingevulde scans.`,
  );
  const themeTitles = [...new Map(results.regioscan.flatMap((r) => r.themes.map((t) => [t.themeId, t.title] as const))).entries()];
  w.table(
    sect,
    ['Gebied', 'Ingevuld (n)', ...themeTitles.map(([, title]) => title)],
    results.regioscan.map((r) => [
      r.name,
      r.n.shown ? String(r.n.value) : hiddenText(r.n.reason, results.method),
      ...themeTitles.map(([id]) => {
        const t = r.themes.find((x) => x.themeId === id);
        if (!t) return '–';
        return t.score.shown ? formatDecimal(t.score.value.mean, 0) : hiddenText(t.score.reason, results.method);
      }),
    ]),
    [140, 90, ...themeTitles.map((): '*' => '*')],
  );
  sect.end();
}

function sectionMethod(w: Writer, root: StructElement): void {
  const m = w.results.method;
  const sect = w.doc.struct('Sect');
  root.add(sect);
  w.ensureSpace(200);
  w.heading(sect, 'H2', 'Bijlage: methode');
  w.heading(sect, 'H3', 'Schalen');
  w.paragraph(
    sect,
    'De vragen per thema worden beantwoord op een schaal van 1 (helemaal oneens) tot 5 (helemaal eens). Het gemiddelde van een thema is het gemiddelde van alle antwoorden op de vragen van dat thema. Het rapportcijfer loopt van 1 tot 10.',
  );
  w.paragraph(
    sect,
    `"Weet ik niet" is een echt antwoord, maar het telt niet mee in een gemiddelde. Het aandeel "weet ik niet" staat apart. Antwoordde meer dan ${formatShare(m.maxDontKnowShare)} "weet ik niet", dan tonen we het gemiddelde van die vraag niet.`,
  );
  w.heading(sect, 'H3', 'Wanneer we een cijfer niet tonen');
  w.paragraph(sect, 'Zo blijft niemand herkenbaar. Bij elk cijfer dat we niet tonen, staat "niet getoond" met de reden.');
  w.list(sect, [
    `De uitkomsten van een groep tonen we vanaf ${m.minGroupSize} antwoorden.`,
    `Cijfers per vraag en per achtergrond (bijvoorbeeld per sector) tonen we vanaf ${m.minItemSize} antwoorden.`,
    'Soms verbergen we nog een cijfer, zodat een verborgen cijfer niet uit de andere cijfers te berekenen is.',
    'Open antwoorden publiceren we nooit.',
  ]);
  w.heading(sect, 'H3', "Vergelijking met andere regio's");
  w.paragraph(
    sect,
    `We vergelijken uw regio alleen met andere regio's: uw eigen regio telt niet mee. De vergelijking tonen we alleen als minstens ${m.minOtherRegions} andere regio's meedoen met genoeg antwoorden. In deze ronde deden ${m.benchmarkRegions} regio's mee aan de monitor. We tonen de mediaan (de helft van de regio's scoort hoger, de helft lager) en de middelste helft van de regio's (van het eerste tot het derde kwartiel). Van elke regio telt de laatste afgesloten ronde.`,
  );
  sect.end();
}

// ---------------------------------------------------------------------------------------------

function titleBlock(w: Writer, root: StructElement): void {
  const { doc, results } = w;
  w.heading(root, 'H1', `Monitor Aansluiting Onderwijs Jeugdhulp: ${results.regionName}`);
  w.paragraph(root, `Handzaam rapport. ${results.roundLabel}. Gemaakt met de cijfers na het sluiten van de ronde op ${nlDate(results.closes)}.`, { color: MUTED });
  if (results.demo) {
    const text = 'Voorbeeld (TESTDATA): dit rapport gaat over een verzonnen regio. De cijfers zijn niet echt.';
    doc.font(BOLD).fontSize(BODY_SIZE);
    const h = doc.heightOfString(text, { width: w.width - 16 }) + 10;
    const y = doc.y;
    w.artifact(() => {
      doc.save().rect(w.left, y, w.width, h).fillColor(DEMO_BG).fill().lineWidth(1).strokeColor('#8a6d00').rect(w.left, y, w.width, h).stroke().restore();
    });
    doc.y = y + 5;
    root.add(
      doc.struct('P', {}, () => {
        doc.font(BOLD).fontSize(BODY_SIZE).fillColor(TEXT).text(text, w.left + 8, y + 5, { width: w.width - 16 });
      }),
    );
    doc.x = w.left;
    doc.y = y + h;
    doc.moveDown(0.5);
  }
}

function footers(w: Writer): void {
  const { doc, results } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 34;
    w.artifact(() => {
      doc.save().moveTo(w.left, y - 6).lineTo(w.left + w.width, y - 6).lineWidth(0.5).strokeColor('#bfbfbf').stroke().restore();
      const demo = results.demo && !results.regionName.includes('TESTDATA') ? ' – Voorbeeld (TESTDATA)' : '';
      const left = `Monitor AOJ – ${results.regionName}${demo}`;
      doc.font(REGULAR).fontSize(7.5).fillColor(MUTED).text(left, w.left, y, { width: w.width - 80, lineBreak: false });
      doc.text(`pagina ${i - range.start + 1} van ${range.count}`, w.left + w.width - 80, y, { width: 80, align: 'right', lineBreak: false });
    });
    doc.page.margins.bottom = bottom;
  }
}

/** The report for one region and round, as PDF/UA-1 bytes. */
export function renderReportPdf(results: RegionResults): Promise<Buffer> {
  const { regular, bold } = fonts();
  const options = {
    size: PAGE.size,
    margins: PAGE.margins,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    // Our own font from the start: pdfkit's default (Helvetica) would read an AFM file from disk,
    // which a Lambda bundle does not have, and would not be embedded.
    font: fonts().regular,
    info: {
      Title: reportTitle(results),
      Author: 'Monitor AOJ',
      Subject: `Handzaam rapport van ${results.regionName}`,
      Creator: 'Monitor AOJ',
      CreationDate: new Date(`${results.closes}T00:00:00Z`),
    },
  } as unknown as PDFKit.PDFDocumentOptions;
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  doc.font(REGULAR);
  doc.addPage();

  const w = new Writer(doc, results);
  const root = doc.struct('Document');
  doc.addStructure(root);
  titleBlock(w, root);
  sectionConclusions(w, root);
  sectionResponse(w, root);
  sectionThemes(w, root);
  sectionGrade(w, root);
  sectionOwnQuestions(w, root);
  sectionRegioscan(w, root);
  sectionMethod(w, root);
  root.end();
  footers(w);
  doc.end();
  return done;
}

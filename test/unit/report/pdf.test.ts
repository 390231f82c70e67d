import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderReportPdf, nl1 } from '../../../shared/report/pdf.ts';
import { sampleRegionResults } from '../../fixtures/benchmark/region-results.ts';

/**
 * The handzaam rapport as PDF/UA: the catalog and the objects are read straight from the file (through
 * its cross-reference table), the text and the structure tree as a reader sees them, through pdf.js.
 */

interface PdfObject {
  num: number;
  /** The object's dictionary (or value) as text, without the stream data. */
  dict: string;
  stream?: Buffer;
}

/** Every object of the file, found through the classic xref table pdfkit writes. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const xref = text.slice(startxref);
  const header = /^xref\s+0 (\d+)\s+/.exec(xref);
  if (!header) throw new Error('no xref table');
  const count = Number(header[1]);
  const entries = xref.slice(header[0].length).split(/\r?\n/).slice(0, count);
  const objects = new Map<number, PdfObject>();
  entries.forEach((entry, num) => {
    const [offset, , kind] = entry.trim().split(' ');
    if (kind !== 'n') return;
    const start = Number(offset);
    const head = new RegExp(`^${num} 0 obj\\s*`).exec(text.slice(start, start + 20));
    if (!head) throw new Error(`object ${num} not at its offset`);
    const body = start + head[0].length;
    const streamAt = text.indexOf('stream', body);
    const endAt = text.indexOf('endobj', body);
    if (streamAt !== -1 && streamAt < endAt && /^\s*stream\r?\n/.test(text.slice(streamAt - 1, streamAt + 8))) {
      const dict = text.slice(body, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataStart = text.indexOf('\n', streamAt) + 1;
      const raw = pdf.subarray(dataStart, dataStart + length);
      objects.set(num, { num, dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw) });
    } else {
      objects.set(num, { num, dict: text.slice(body, endAt) });
    }
  });
  return objects;
}

function ref(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: (StructNode | { type: string })[];
}

function collectRoles(node: StructNode, out: StructNode[]): void {
  if (node.role) out.push(node);
  for (const child of node.children ?? []) if ('role' in child || 'children' in child) collectRoles(child as StructNode, out);
}

const results = sampleRegionResults();
let pdf: Buffer;
let objects: Map<number, PdfObject>;
let catalog: string;
let pageCount: number;
let texts: string[][];
let structNodes: StructNode[];

beforeAll(async () => {
  pdf = await renderReportPdf(results);
  objects = readObjects(pdf);
  const trailer = pdf.toString('latin1').slice(pdf.lastIndexOf('trailer'));
  const root = ref(trailer, 'Root');
  catalog = objects.get(root!)!.dict;

  const task = getDocument({ data: new Uint8Array(pdf), verbosity: VerbosityLevel.ERRORS });
  const doc = await task.promise;
  pageCount = doc.numPages;
  texts = [];
  structNodes = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')));
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) collectRoles(tree, structNodes);
  }
  await task.destroy();
});

describe('the report PDF (PDF/UA-1)', () => {
  it('declares a tagged document in Dutch with its title shown', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(catalog).toMatch(/\/Type \/Catalog/);
    expect(catalog).toMatch(/\/Lang \(nl-NL\)/);
    expect(ref(catalog, 'StructTreeRoot')).toBeDefined();
    const markInfo = objects.get(ref(catalog, 'MarkInfo')!)!.dict;
    expect(markInfo).toMatch(/\/Marked true/);
    const prefs = objects.get(ref(catalog, 'ViewerPreferences')!)!.dict;
    expect(prefs).toMatch(/\/DisplayDocTitle true/);
    const structRoot = objects.get(ref(catalog, 'StructTreeRoot')!)!.dict;
    expect(structRoot).toMatch(/\/Type \/StructTreeRoot/);
    expect(structRoot).toMatch(/\/ParentTree/);
  });

  it('declares PDF/UA-1 and the title in the XMP metadata', () => {
    const metadata = objects.get(ref(catalog, 'Metadata')!)!;
    const xml = metadata.stream!.toString('utf8');
    expect(xml).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xml).toContain(`Monitor AOJ – ${results.regionName} – ${results.roundLabel}`);
    const info = [...objects.values()].find((o) => /\/Producer/.test(o.dict) && /\/Title/.test(o.dict));
    expect(info).toBeDefined();
  });

  it('has a structure tree with headings, tables with header cells, lists and figures with alt text', () => {
    const roles = new Set(structNodes.map((n) => n.role));
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure', 'L', 'LI']) expect(roles, role).toContain(role);
    expect(structNodes.filter((n) => n.role === 'H1')).toHaveLength(1);

    // One figure per shown group, each with alt text that states the numbers.
    const figures = structNodes.filter((n) => n.role === 'Figure');
    const shownGroups = results.groups.filter((g) => g.shown);
    expect(figures).toHaveLength(shownGroups.length);
    for (const figure of figures) {
      expect(figure.alt).toBeTruthy();
      expect(figure.alt).toMatch(/\d,\d/);
    }
    const beleid = shownGroups.find((g) => g.group === 'beleid')!;
    const firstTheme = beleid.themes[0]!;
    expect(figures.some((f) => f.alt!.includes(`${firstTheme.title}: uw regio ${nl1((firstTheme.score as { value: { mean: number } }).value.mean)}`))).toBe(true);

    // In the file itself too: every Figure element carries /Alt.
    const figureObjects = [...objects.values()].filter((o) => /\/S \/Figure\b/.test(o.dict));
    expect(figureObjects.length).toBe(shownGroups.length);
    for (const o of figureObjects) expect(o.dict).toMatch(/\/Alt \(/);
    // Header cells say what they head.
    const thObjects = [...objects.values()].filter((o) => /\/S \/TH\b/.test(o.dict));
    expect(thObjects.length).toBeGreaterThan(10);
  });

  it('embeds every font', () => {
    const descriptors = [...objects.values()].filter((o) => /\/Type \/FontDescriptor/.test(o.dict));
    expect(descriptors.length).toBeGreaterThan(0);
    for (const d of descriptors) expect(d.dict).toMatch(/\/FontFile[23] \d+ 0 R/);
    const fonts = [...objects.values()].filter((o) => /\/Type \/Font\b/.test(o.dict));
    for (const f of fonts) expect(f.dict, 'no standard (unembedded) font').not.toMatch(/\/Subtype \/Type1/);
  });

  it('shows the region, Dutch numbers and says which figures are not shown', () => {
    const all = texts.flat();
    const joined = all.join(' ').replace(/\s+/g, ' ');
    expect(joined).toContain(results.regionName);
    expect(joined).toContain('Voorbeeld (TESTDATA)');
    // A shown theme mean, as its own table cell, with a decimal comma.
    const theme = results.groups.find((g) => g.group === 'beleid')!.themes[1]!;
    expect(theme.score.shown).toBe(true);
    if (theme.score.shown) expect(all).toContain(nl1(theme.score.value.mean));
    expect(nl1(3.5)).toBe('3,5');
    expect(joined, 'no decimal point in a benchmark figure').not.toMatch(/\d\.\d+ \(|\(\d\.\d/);
    // Hidden figures: the word and the reason.
    expect(joined).toContain('niet getoond');
    expect(joined).toContain("te weinig andere regio's");
    expect(joined).toContain("meer dan de helft antwoordde 'weet ik niet'");
    expect(joined).toContain('minder dan 5 antwoorden');
    for (const heading of ['Conclusies en punten voor het OOGO', 'Respons per groep', 'Uitkomsten per thema', 'Rapportcijfer', 'Vragen van uw regio', 'Regioscan in uw gemeenten', 'Bijlage: methode']) {
      expect(joined).toContain(heading);
    }
  });

  it('is compact', () => {
    expect(pageCount).toBeLessThanOrEqual(10);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderReportPdf(sampleRegionResults());
    expect(again.length).toBe(pdf.length);
    expect(again.equals(pdf), 'identical bytes').toBe(true);
    const trailer = pdf.toString('latin1').slice(pdf.lastIndexOf('trailer'));
    const info = objects.get(ref(trailer, 'Info')!)!.dict;
    expect(objects.get(ref(info, 'CreationDate')!)!.dict.trim()).toBe('(D:20260331000000Z)');
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

/**
 * The built regional pages (site/dist, built by the global setup) against the raw CBS files, read here
 * on their own, without the import code: what a page shows must be what the source says.
 */
const dist = 'site/dist';
const read = (p: string) => readFileSync(p, 'utf8');
const page = (kind: string, slug: string) => read(`${dist}/gebieden/${kind}/${slug}/index.html`);
const nl = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(n);

/** The table row of one period in an indicator's "alle jaren" table on an area page. */
function periodCell(html: string, indicatorId: string, period: string): string | undefined {
  const start = html.indexOf(`aria-labelledby="${indicatorId}"`);
  if (start < 0) return undefined;
  const section = html.slice(start, html.indexOf('</section>', start));
  const match = new RegExp(`<th scope="row">${period}(?: <small>[^<]*</small>)?</th><td[^>]*>([^<]*)<`).exec(section);
  return match?.[1];
}

type Row = Record<string, string>;
const csv = (file: string, delimiter = ','): Row[] => parse(read(file), { columns: true, delimiter, bom: true, skip_empty_lines: true, relax_column_count: true }) as Row[];

// 37259eng: population on 1 January, both sexes.
const population = new Map<string, number>();
for (const r of csv('data/indicators/cbs_37259eng_bevolkingsontwikkeling_gemeente_2012-2023.csv')) {
  if (r.Sex?.trim() !== 'T001038') continue;
  population.set(`${r.Regions!.trim()}|${r.Periods!.slice(0, 4)}`, Number(r.PopulationOn1January_1));
}
// 85335NED: young people with youth care in natura, 2022.
const jeugdzorg = new Map<string, string>();
for (const r of csv('data/indicators/cbs_85335NED_jeugdzorg_in_natura_gemeenten_2022.csv')) {
  if (r.VormenVanJeugdzorg?.trim() !== 'T001203') continue;
  jeugdzorg.set(r.Wijken!.trim(), r.TotaalJongerenMetJeugdzorgInNatura_1!.trim());
}
// Areas: SWV membership with postcode counts, herindelingen.
const swvRows = csv('data/areas/swv_per_gemeente_2025_derived.csv');
const members = new Map<string, { gemeente: string; count: number; total: number }[]>();
for (const r of swvRows) {
  const entries = r.swv_po_alle!.split(';').map((e) => e.split(':') as [string, string]).filter(([code]) => /^PO \d{2}-\d{2}$/.test(code));
  const total = entries.reduce((s, [, n]) => s + Number(n), 0);
  for (const [code, n] of entries) members.set(code, [...(members.get(code) ?? []), { gemeente: r.gemeentecode!, count: Number(n), total }]);
}
const herindelingen = csv('data/areas/herindelingen_2015_2025_derived.csv');
/** The gemeente's own code plus dissolved gemeenten that still existed in that year (added to it). */
const codesFor = (gemeente: string, year: number) => [gemeente, ...herindelingen.filter((h) => h.nieuwe_gemeentecode === gemeente && Number(h.opgeheven_tussen!.split('-')[1]) > year).map((h) => h.oude_gemeentecode!)];

describe('regional pages show the figures of the source files', () => {
  it('Amsterdam: population on 1 January 2023 from 37259', () => {
    expect(population.get('GM0363|2023')).toBe(918117);
    expect(periodCell(page('gemeente', 'gm0363'), 'inwoners', '2023')).toBe('918.117');
  });
  it('Almere: young people with youth care in 2022 from 85335NED', () => {
    expect(jeugdzorg.get('GM0034')).toBe('6660');
    expect(periodCell(page('gemeente', 'gm0034'), 'jongeren_met_jeugdzorg', '2022')).toBe('6.660');
  });
  it('more gemeenten: population 2015 and 2023 as in the source', () => {
    for (const code of ['GM0014', 'GM0344', 'GM0599', 'GM0935']) {
      const html = page('gemeente', code.toLowerCase());
      expect(periodCell(html, 'inwoners', '2023'), code).toBe(nl(population.get(`${code}|2023`)!));
    }
  });
  it('an SWV without split gemeenten: youth care 2022 is the sum of its gemeenten', () => {
    const [code, list] = [...members].find(([, l]) => l.length >= 3 && l.every((m) => m.count === m.total) && l.every((m) => codesFor(m.gemeente, 2022).every((c) => /^\d+$/.test(jeugdzorg.get(c) ?? (c === m.gemeente ? 'x' : '0')))))!;
    const sum = list.reduce((s, m) => s + codesFor(m.gemeente, 2022).reduce((t, c) => t + Number(jeugdzorg.get(c) ?? 0), 0), 0);
    const slug = code.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect(periodCell(page('swv-po', slug), 'jongeren_met_jeugdzorg', '2022'), code).toBe(nl(sum));
  });
  it('an SWV with a split gemeente: population 2023 weighted by postcode share', () => {
    const list = members.get('PO 27-09')!;
    expect(list.some((m) => m.count < m.total)).toBe(true);
    const sum = list.reduce((s, m) => s + (m.count / m.total) * population.get(`${m.gemeente}|2023`)!, 0);
    const html = page('swv-po', 'po-27-09');
    expect(periodCell(html, 'inwoners', '2023')).toBe(nl(sum));
    expect(html).toContain('Amsterdam telt mee voor 4% (3 van de 84 postcodegebieden)');
    expect(page('gemeente', 'gm0363')).toContain('Amsterdam ligt in meer dan één samenwerkingsverband');
  });
  it('the CSV download has the same numbers, with BOM, semicolons and a decimal comma', () => {
    const bytes = readFileSync(`${dist}/gebieden/gemeente/gm0363/cijfers.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('gebiedscode;gebied;indicator;omschrijving;periode;waarde;eenheid;status;voorlopig;bron;brontabel;peildatum;cijfers_bijgewerkt_op');
    expect(text).toMatch(/GM0363;Amsterdam;inwoners;Inwoners;2023;918117;personen;waarde;nee;CBS;[^;]*37259ENG[^;]*;op 1 januari;\d{4}-\d{2}-\d{2}\r\n/);
    expect(text).toMatch(/GM0363;Amsterdam;aandeel_jongeren_0_14;[^;]+;2022;\d+,\d;%;waarde;/);
    const almere = read(`${dist}/gebieden/gemeente/gm0034/cijfers.csv`);
    expect(almere).toContain('GM0034;Almere;jongeren_met_jeugdzorg;');
    expect(almere).toMatch(/jongeren_met_jeugdzorg;[^;]+;2022;6660;jongeren;waarde;/);
  });
  it('every area in the snapshot has a page and a CSV', () => {
    const snapshot = JSON.parse(read('site/.data/snapshot.json')) as { areas: { kind: string; slug: string }[] };
    expect(snapshot.areas.length).toBeGreaterThan(500);
    const missing = snapshot.areas.filter((a) => !existsSync(`${dist}/gebieden/${a.kind}/${a.slug}/index.html`) || !existsSync(`${dist}/gebieden/${a.kind}/${a.slug}/cijfers.csv`));
    expect(missing).toEqual([]);
  });
  it('made-to-order indicators say there are no figures yet, and states are words, not 0', () => {
    const html = page('swv-vo', 'vo-27-08');
    expect(html).toContain('Aandeel leerlingen met jeugdhulp in het basisonderwijs</strong>');
    expect(html).toContain('Voor dit onderwerp zijn nog geen cijfers geladen.');
    // A percentage without a base cannot be summed for an SWV.
    expect(html).toMatch(/aria-labelledby="pct_jeugdhulp_in_natura"[\s\S]*?maoj-keyvalue">niet op te tellen</);
  });
  it('the map pages exist for public indicators and show a legend and a table', () => {
    const html = read(`${dist}/kaart/aandeel_jongeren_0_14/index.html`);
    // The drawing is for eyes and mouse; the same names, values and links are in the list next to it.
    expect(html).toMatch(/<svg class="maoj-chart maoj-map" viewBox="[^"]+" aria-hidden="true" focusable="false"/);
    expect(html).toContain('Alle gemeenten staan ook in de tabel');
    expect(html).toContain('Hoogst:');
    expect((html.match(/<tr><th><a href="\/gebieden\/gemeente\//g) ?? []).length).toBe(342);
    expect(read(`${dist}/kaart/index.html`)).toContain('href="/kaart/inwoners/"');
  });
});

/** Every built page under a folder (index.html files). */
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = `${d}/${name}`;
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') out.push(full);
    }
  };
  walk(dir);
  return out;
}

describe('regional pages answer the first questions and stay small (issue 9)', () => {
  const areaPages = htmlFiles(`${dist}/gebieden`).filter((f) => f !== `${dist}/gebieden/index.html`);
  const mapPages = htmlFiles(`${dist}/kaart`).filter((f) => f !== `${dist}/kaart/index.html`);

  it('every regional page is at most 80 KB of HTML, every map page at most 90 KB (all built pages)', () => {
    expect(areaPages.length).toBeGreaterThan(500);
    expect(mapPages.length).toBeGreaterThan(10);
    const big = (files: string[], max: number) => files.map((f) => [f, statSync(f).size] as const).filter(([, size]) => size > max);
    expect(big(areaPages, 80 * 1024)).toEqual([]);
    expect(big(mapPages, 90 * 1024)).toEqual([]);
  });

  it('a static regional page carries no option lists; it links to the chooser of the API', () => {
    const withForm = areaPages.filter((f) => /<select|<option/.test(read(f)));
    expect(withForm).toEqual([]);
    expect(page('gemeente', 'gm0344')).toContain('href="/api/gebieden/vergelijk?gebied=GM0344">Kies andere gebieden om mee te vergelijken</a>');
  });

  it('starts with a summary of the key figures: peiljaar, Nederland and the place among all gemeenten', () => {
    const html = page('gemeente', 'gm0344');
    const start = html.indexOf('id="kort"');
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(html.indexOf('id="thema-'));
    const summary = html.slice(start, html.indexOf('</section>', start));
    // Jeugdhulp (%) of Utrecht, 2022 provisional, from the StatLine file: 15,2; Nederland 13,2.
    expect(summary).toContain('Jongeren met jeugdhulp (%)');
    expect(summary).toMatch(/15,2%<\/p><p>Peiljaar: 2022 \(in het kalenderjaar\), voorlopig<\/p><p>Nederland: 13,2%\.<\/p><p>Plaats \d+ van \d{3} gemeenten: [^<]+\.<\/p>/);
    expect(summary).toContain('Aandeel kinderen van 0 tot 15 jaar');
    // Comparison areas with a number are in the summary too.
    expect(summary).toMatch(/Vergelijk: [^<]*Samenwerkingsverband PO 26-01 \d+,\d%/);
    // An SWV: its place among all SWV PO.
    expect(page('swv-po', 'po-27-09')).toMatch(/Plaats \d+ van \d+ samenwerkingsverbanden PO/);
  });

  it('says when the figures were updated, and the peiljaar of each figure', () => {
    const html = page('gemeente', 'gm0344');
    expect(html).toMatch(/Cijfers bijgewerkt op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
    expect(html).not.toMatch(/Cijferset [0-9a-f]{8}/);
    expect((html.match(/<dt>Peiljaar<\/dt>/g) ?? []).length).toBeGreaterThan(15);
    expect(read(`${dist}/kaart/inwoners/index.html`)).toContain('Cijfers bijgewerkt op');
  });

  it('no page or CSV guesses a source ("waarschijnlijk"); every source names a real table id or says it is not known', () => {
    const files = [...areaPages, ...mapPages, `${dist}/gebieden/index.html`, `${dist}/kaart/index.html`];
    const csvFiles = areaPages.map((f) => f.replace(/index\.html$/, 'cijfers.csv'));
    const guessing = [...files, ...csvFiles].filter((f) => /waarschijnlijk/i.test(read(f)));
    expect(guessing).toEqual([]);
    const html = page('gemeente', 'gm0344');
    const sources = html.slice(html.indexOf('id="bronnen"'), html.indexOf('id="samenstellen"'));
    for (const item of sources.match(/<li[^>]*>.*?<\/li>/g) ?? []) expect(item).toMatch(/tabel \d{5}(NED|ENG)\b|tabelnummer staat niet in het bestand/);
    expect(sources).toContain('tabel 85335NED');
    expect(sources).toContain('tabel 37259ENG');
    expect(html).toMatch(/Bron van 2022: CBS, tabel 85335NED \(2022\)/);
  });

  it('every gemeente on a map is a link to its page, and the list next to it links the same pages', () => {
    for (const file of mapPages) {
      const html = read(file);
      const svg = html.slice(html.indexOf('<svg class="maoj-chart maoj-map"'), html.indexOf('</svg>', html.indexOf('maoj-map"')));
      const links = [...svg.matchAll(/<a href="([^"]+)" tabindex="-1"><path d="/g)].map((m) => m[1]!);
      expect(links.length, file).toBe(342);
      expect(svg).not.toContain('<title>');
      const missing = links.filter((href) => !existsSync(`${dist}${href}index.html`));
      expect(missing, file).toEqual([]);
      const listed = [...html.matchAll(/<tr><th><a href="([^"]+)">/g)].map((m) => m[1]!);
      expect(new Set(listed)).toEqual(new Set(links));
    }
  });

  it('every regional, map and index page has a meta description', () => {
    const files = [...areaPages.filter((_, i) => i % 25 === 0), ...mapPages, `${dist}/gebieden/index.html`, `${dist}/kaart/index.html`];
    const without = files.filter((f) => !/<meta name="description" content="[^"]{40,}">/.test(read(f)));
    expect(without).toEqual([]);
  });

  it('every table of a regional page scrolls in a focusable region named by its caption', () => {
    for (const file of [`${dist}/gebieden/gemeente/gm0344/index.html`, `${dist}/gebieden/swv-po/po-27-09/index.html`, `${dist}/kaart/inwoners/index.html`]) {
      const html = read(file);
      const tables = html.match(/<table/g)?.length ?? 0;
      const wrapped = [...html.matchAll(/<div class="maoj-scroll" role="region" tabindex="0" aria-labelledby="([^"]+)"><table[^>]*><caption id="([^"]+)">/g)];
      expect(tables).toBeGreaterThan(0);
      expect(wrapped.length, file).toBe(tables);
      for (const m of wrapped) expect(m[1]).toBe(m[2]);
    }
  });
});

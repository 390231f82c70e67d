import { describe, expect, it } from 'vitest';
import type { RegionResults } from '../../../shared/benchmark/model.ts';
import { MIN_GROUP_SIZE, MIN_ITEM_SIZE, MIN_OTHER_REGIONS } from '../../../shared/privacy.ts';
import { reasonText, renderResultsPage } from '../../../shared/results/page.ts';
import { sampleRegionResults } from '../../fixtures/benchmark/region-results.ts';

const LINKS = { csv: '/api/uitkomsten/abc/uitkomsten.csv', pdf: '/api/uitkomsten/abc/rapport.pdf', respons: '/api/respons/abc' };

/** Text as a reader gets it: tags out, entities back. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}

const all = (html: string, re: RegExp) => [...html.matchAll(re)];

describe('renderResultsPage, for the TESTDATA sample', () => {
  const page = renderResultsPage(sampleRegionResults(), LINKS);
  const main = page.slice(page.indexOf('<main'), page.indexOf('</main>'));

  it('is a whole Dutch document, kept out of search engines, with the region in the one h1', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="nl"');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(all(page, /<h1[\s>]/g)).toHaveLength(1);
    expect(text(page.match(/<h1[^>]*>.*?<\/h1>/)![0]).trim()).toBe('Uitkomsten van Voorbeeldregio (TESTDATA)');
    expect(text(main)).toContain('Ronde van 1 maart 2026 tot en met 31 maart 2026');
  });

  it('has headings in order, none skipped, and the sections of the report', () => {
    const levels = all(page, /<h([1-6])[\s>]/g).map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    const h2 = all(page, /<h2[^>]*>(.*?)<\/h2>/g).map((m) => text(m[1]!).trim());
    expect(h2).toEqual([
      'Wat valt op',
      'Respons per groep',
      'Scores per thema',
      'Rapportcijfer per groep',
      'Antwoorden per vraag',
      'Uitkomsten naar achtergrond',
      'Vragen van uw regio',
      'Regioscan in uw gemeenten',
      'Zo lezen en berekenen wij de cijfers',
    ]);
    // Every heading's section can be reached from the table of contents.
    for (const m of all(page, /<h2 [^>]*id="([^"]+)"/g)) expect(page).toContain(`href="#${m[1]}"`);
  });

  it('every table has a caption and header cells with a scope, in a focusable labelled region', () => {
    const tables = all(page, /<table[\s\S]*?<\/table>/g).map((m) => m[0]);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      expect(t).toMatch(/^<table[^>]*>\s*<caption[^>]*>[^<]+<\/caption>/);
      expect(t).toMatch(/<th scope="col"/);
      expect(all(t, /<th(?![^>]*scope="(col|row)")[\s>]/g)).toHaveLength(0);
    }
    const wrapped = all(page, /<div class="maoj-table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table/g);
    expect(wrapped).toHaveLength(tables.length);
  });

  it('every chart is an SVG image named by its title and a description with the numbers', () => {
    const svgs = all(page, /<svg[\s\S]*?<\/svg>/g).map((m) => m[0]);
    expect(svgs).toHaveLength(4); // three themes and the grade
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg [^>]*role="img"/);
      const [, ids] = svg.match(/aria-labelledby="([^"]+)"/)!;
      const [titleId, descId] = ids!.split(' ');
      expect(svg).toContain(`<title id="${titleId}">`);
      const desc = text(svg.match(new RegExp(`<desc id="${descId}">([^<]*)</desc>`))![1]!);
      expect(desc).toMatch(/\d,\d \(n = \d+\)/);
    }
    const first = text(svgs[0]!.match(/<desc[^>]*>([^<]*)<\/desc>/)![1]!);
    expect(first).toContain("Beleid: 3,2 (n = 40); andere regio's: mediaan 3,5, middelste helft 3,1 tot 3,8 (7 regio's); Ronde 2025: 3,0 (n = 35).");
    expect(first).toContain(`Ouders en jongeren: Minder dan ${MIN_GROUP_SIZE} antwoorden.`);
    expect(page).not.toMatch(/<script(?![^>]*src="\/js\/form\.js")/);
    expect(page).not.toMatch(/\sstyle=/);
  });

  it('each chart has its numbers in a table too, with n next to every figure', () => {
    const t = text(main);
    // Theme table: score, n, "weet ik niet" apart, then the other regions and the earlier round with its n.
    expect(main).toMatch(/<th scope="row"[^>]*>Beleid<\/th><td[^>]*>3,2<\/td><td[^>]*>40<\/td><td[^>]*>5%<\/td><td[^>]*>3,5<\/td><td[^>]*>3,1 tot 3,8<\/td><td[^>]*>7<\/td><td[^>]*>3,0 <span class="maoj-n">\(n = 35\)<\/span><\/td>/);
    // Grade per group with the other regions.
    expect(main).toMatch(/<th scope="row"[^>]*>Uitvoering<\/th><td[^>]*>6,8<\/td><td[^>]*>42<\/td><td[^>]*>2%<\/td><td[^>]*>6,6<\/td>/);
    // Items: mean, n, share "weet ik niet" and the count per answer.
    expect(main).toMatch(/>2\. [^<]+<\/th><td[^>]*>3,3<\/td><td[^>]*>13<\/td><td[^>]*>10%<\/td><td[^>]*>1<\/td><td[^>]*>2<\/td><td[^>]*>4<\/td><td[^>]*>5<\/td><td[^>]*>3<\/td><td[^>]*>1<\/td>/);
    expect(t).toContain('7,1 (n = 14)');
    expect(t).toContain('62,0 (n = 23)');
    // Response table.
    expect(main).toMatch(/<th scope="row"[^>]*>Ouders en jongeren<\/th><td[^>]*>6<\/td><td[^>]*>3<\/td><td[^>]*>50%<\/td>/);
    // Dutch decimals only.
    expect(t).not.toMatch(/\b\d\.\d\b/);
  });

  it('says in Dutch why a group, an item, a benchmark or a category is hidden', () => {
    const t = text(main);
    expect(t).toContain(`Minder dan ${MIN_GROUP_SIZE} antwoorden`);
    expect(t).toContain(`Minder dan ${MIN_ITEM_SIZE} antwoorden`);
    expect(t).toContain("Meer dan de helft antwoordde 'weet ik niet'");
    expect(t).toContain(`Te weinig andere regio's om mee te vergelijken (minimaal ${MIN_OTHER_REGIONS})`);
    expect(t).toContain('Verborgen, zodat een ander verborgen cijfer niet te berekenen is');
    // The hidden group in the theme table, the hidden benchmark beside a shown score.
    expect(main).toMatch(/<th scope="row"[^>]*>Ouders en jongeren<\/th><td class="utrecht-table__cell maoj-state" colspan="\d+">Minder dan 5 antwoorden<\/td>/);
    expect(main).toMatch(/>Beleid<\/th><td[^>]*>3,8<\/td><td[^>]*>42<\/td><td[^>]*>5%<\/td><td class="utrecht-table__cell maoj-state" colspan="3">Te weinig andere regio&#39;s/);
    // The Regioscan of a gemeente with too few.
    // Cells hidden for the same reason are one cell: the reason is read once.
    expect(main).toMatch(/>Almere<\/th><td class="utrecht-table__cell maoj-state" colspan="2">Minder dan 5 antwoorden<\/td><\/tr>/);
    expect(main).toMatch(/>Jeugdhulp of wijkteam<\/th><td class="utrecht-table__cell maoj-state" colspan="3">Minder dan 10 antwoorden<\/td><\/tr>/);
  });

  it('marks demo data, and only demo data', () => {
    expect(text(main)).toContain('Voorbeeld: deze regio en alle cijfers zijn verzonnen (TESTDATA)');
    const real: RegionResults = { ...sampleRegionResults(), demo: false, regionName: 'Regio Echt' };
    expect(renderResultsPage(real, LINKS)).not.toContain('verzonnen');
  });

  it('shows the reading, the response, the own questions and the method rules', () => {
    const t = text(main);
    for (const r of sampleRegionResults().reading) expect(t).toContain(r.text);
    expect(t).toContain('Weet u bij wie u terecht kunt met een vraag over een leerling?');
    expect(t).toContain('vanaf 5 ingevulde vragenlijsten');
    expect(t).toContain('vanaf 10 antwoorden');
    expect(t).toContain('Nu doen 8 regio\'s mee');
  });

  it('links the CSV, the PDF and the response page, and prints without JavaScript', () => {
    expect(main).toContain(`href="${LINKS.csv}" download`);
    expect(main).toContain(`href="${LINKS.pdf}"`);
    expect(main).toContain(`href="${LINKS.respons}"`);
    expect(main).toContain('Ctrl+P');
    // The button is hidden until form.js wires it; without the script nothing dead is shown.
    expect(main).toMatch(/<button type="button"[^>]* data-print hidden>/);
    expect(page).toContain('<script src="/js/form.js" defer></script>');
    const noPdf = renderResultsPage(sampleRegionResults(), { csv: LINKS.csv, respons: LINKS.respons });
    expect(noPdf).not.toContain('PDF');
  });

  it('escapes names from the data', () => {
    const evil = renderResultsPage({ ...sampleRegionResults(), regionName: '<script>alert(1)</script>' }, LINKS);
    expect(evil).not.toContain('<script>alert');
    expect(evil).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is a modest download', () => {
    expect(Buffer.byteLength(page)).toBeLessThan(150_000);
  });
});

describe('reasonText', () => {
  it('words every reason in Dutch with the numbers of the privacy rules', () => {
    expect(reasonText('te-weinig-antwoorden', 'groep')).toBe(`Minder dan ${MIN_GROUP_SIZE} antwoorden`);
    expect(reasonText('te-weinig-antwoorden', 'vraag')).toBe(`Minder dan ${MIN_ITEM_SIZE} antwoorden`);
    expect(reasonText('aanvullend-verborgen', 'groep')).toBe('Verborgen, zodat een ander verborgen cijfer niet te berekenen is');
    expect(reasonText('te-veel-weet-niet', 'vraag')).toBe("Meer dan de helft antwoordde 'weet ik niet'");
    expect(reasonText('te-weinig-regios', 'groep')).toBe(`Te weinig andere regio's om mee te vergelijken (minimaal ${MIN_OTHER_REGIONS})`);
  });
});

describe('renderResultsPage, edge cases', () => {
  it('shows the ventile from 20 regions on, in the table and in the chart description', () => {
    const results = sampleRegionResults();
    const g = results.groups[1]!;
    g.gradeBenchmark = { shown: true, value: { regions: 24, mean: 6.5, q1: 6.1, median: 6.6, q3: 7.0, ventiles: Array.from({ length: 20 }, (_, i) => 5 + i * 0.1), ventile: 14 } };
    const page = renderResultsPage(results, LINKS);
    expect(page).toContain('Plaats (ventiel)');
    expect(page).toMatch(/<td[^>]*>14 van 20<\/td>/);
    expect(text(page)).toContain('uw regio in ventiel 14 van 20');
  });

  it('a round with nothing to show yet still has one h1, ordered headings and captioned tables', () => {
    const empty: RegionResults = {
      ...sampleRegionResults(),
      demo: false,
      groups: sampleRegionResults().groups.map((g) => ({ ...g, n: 2, shown: false, grade: { shown: false, reason: 'te-weinig-antwoorden' }, themes: [], background: [], responseRate: null })),
      reading: [],
      regioscan: [],
      ownQuestions: [],
    };
    const page = renderResultsPage(empty, LINKS);
    expect(all(page, /<h1[\s>]/g)).toHaveLength(1);
    const levels = all(page, /<h([1-6])[\s>]/g).map((m) => Number(m[1]));
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
    for (const t of all(page, /<table[\s\S]*?<\/table>/g)) expect(t[0]).toMatch(/^<table[^>]*>\s*<caption/);
    expect(text(page)).toContain('Er zijn nog te weinig cijfers om iets op te laten vallen.');
    expect(text(page)).toContain('niet bekend');
    expect(page).not.toContain('<svg');
  });
});

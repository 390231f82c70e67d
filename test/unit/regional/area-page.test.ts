import { describe, expect, it } from 'vitest';
import { renderAreaPage, renderComparisonChooser, NO_FIGURES_YET } from '../../../shared/regional/area-page.ts';
import { defaultComparisons, resolveComparisons } from '../../../shared/regional/compare.ts';
import { testView } from './helpers.ts';

describe('default comparison areas', () => {
  const view = testView();
  it('a gemeente: its main SWV, its provincie, then gemeenten with about as many inhabitants', () => {
    const list = defaultComparisons(view, view.areas.get('GM0002')!);
    expect(list.map((c) => c.area.code)).toEqual(['PO 01-02', 'PV99', 'GM0001', 'GM0003', 'GM0004']);
    expect(list[0]!.reason).toContain('grootste deel');
    expect(list[2]!.reason).toContain('evenveel inwoners');
  });
  it('an SWV: its provincie and the other SWV', () => {
    expect(defaultComparisons(view, view.areas.get('PO 01-01')!).map((c) => c.area.code)).toEqual(['PV99']);
  });
  it('a chosen comparison drops unknown codes, duplicates, the area itself and Nederland', () => {
    const r = resolveComparisons(view, view.areas.get('GM0001')!, ['GM0003', 'GM0003', 'GM0001', 'NL01', 'XX', '']);
    expect(r.comparisons.map((c) => c.area.code)).toEqual(['GM0003']);
    expect(r.ignored).toEqual(['XX']);
    expect(resolveComparisons(view, view.areas.get('GM0001')!, ['']).chosen).toBe(false);
  });
});

describe('renderAreaPage', () => {
  const view = testView();
  const page = (code: string, met?: string[]) => renderAreaPage(view, view.areas.get(code)!, met).main;
  it('shows the latest value in Dutch notation next to Nederland, with period and provisional', () => {
    const html = page('GM0001');
    expect(html).toContain('14,3%');
    expect(html).toContain('15,4%');
    expect(html).toContain('voorlopig');
    expect(html).toContain('1.200 personen');
    expect(html).toMatch(/<figure class="maoj-figure"><svg [^>]*role="img"/);
    expect(html).toContain('Peiljaar');
    expect(html).toContain('<figcaption');
    expect(html).toContain('<th scope="col"');
    expect(html).not.toMatch(/\sstyle=/);
  });
  it('never shows a state as 0', () => {
    const secret = page('GM0002');
    expect(secret).toMatch(/aandeel_jongeren_0_14[\s\S]*?maoj-keyvalue">geheim</);
    const swv = page('PO 01-01');
    expect(swv).toMatch(/aandeel_jongeren_0_14[\s\S]*?maoj-keyvalue">onvolledig</);
    expect(swv).toContain('Beekstad (geheim)');
    expect(swv).toMatch(/pct_jeugdhulp_in_natura[\s\S]*?maoj-keyvalue">niet op te tellen</);
    expect(swv).toContain('Het CBS geeft alleen het percentage.');
  });
  it('a real 0 is shown as 0', () => {
    expect(page('GM0003')).toMatch(/aandeel_jongeren_0_14[\s\S]*?maoj-keyvalue">0,0%</);
  });
  it('says which gemeenten are split, on the SWV and on the gemeente page', () => {
    expect(page('PO 01-01')).toContain('Beekstad telt mee voor 30% (3 van de 10 postcodegebieden)');
    expect(page('GM0002')).toContain('Beekstad ligt in meer dan één samenwerkingsverband');
  });
  it('says plainly when there are no figures yet (made-to-order, DUO)', () => {
    const html = page('GM0001');
    expect(html).toContain(NO_FIGURES_YET);
    expect(html).toMatch(/Aandeel leerlingen met jeugdhulp in het basisonderwijs<\/strong> \(CBS \(maatwerk\), maatwerk, niet openbaar\)\. Voor dit onderwerp zijn nog geen cijfers geladen/);
  });
  it('carries no option lists: a link to the chooser of the API instead', () => {
    const html = page('GM0001');
    expect(html).not.toMatch(/<select|<option/);
    expect(html).toContain('<a class="utrecht-link" href="/api/gebieden/vergelijk?gebied=GM0001">Kies andere gebieden om mee te vergelijken</a>');
    const chosen = page('GM0001', ['GM0004']);
    expect(chosen).toContain('door u gekozen');
    expect(chosen).toContain('href="/api/gebieden/vergelijk?gebied=GM0001&amp;kies=ja&amp;met=GM0004"');
  });
  it('the chooser is a labelled GET form that keeps the chosen areas', () => {
    const html = renderComparisonChooser(view, view.areas.get('GM0001')!, ['GM0004']).main;
    expect(html).toContain('action="/api/gebieden/vergelijk"');
    expect(html).toContain('<input type="hidden" name="gebied" value="GM0001">');
    expect(html).toMatch(/<label class="utrecht-form-label" for="met-gemeente-1">Gemeente 1<\/label>/);
    expect(html).toContain('<option value="GM0004" selected>Dorpen</option>');
    expect(html).toContain('>Vergelijk</button>');
  });
  it('starts with a summary: key figures with peiljaar, Nederland, comparison and place among its kind', () => {
    const html = page('GM0001');
    const summary = html.slice(html.indexOf('id="kort"'), html.indexOf('</section>', html.indexOf('id="kort"')));
    expect(html.indexOf('id="kort"')).toBeLessThan(html.indexOf('id="thema-'));
    expect(summary).toContain('Jongeren met jeugdhulp (%)');
    expect(summary).toContain('Peiljaar: 2022 (op 1 januari), voorlopig');
    expect(summary).toContain('Nederland: 15,4%.');
    // Aandeel 0-14: Aadorp 14,3, Cedam 0,0 (Beekstad geheim, Dorpen none): fewer than 4 values, no place.
    expect(summary).not.toContain('Plaats');
    expect(summary).toContain('Nederland: 16.850. Aadorp heeft 7,1% daarvan.');
    expect(html).toContain('Cijfers bijgewerkt op 1 januari 2026');
  });
  it('tables scroll in a focusable region named by their caption; the comparison is a bar table', () => {
    const html = page('GM0001');
    expect(html).toMatch(/<div class="maoj-scroll" role="region" tabindex="0" aria-labelledby="aandeel_jongeren_0_14-tv-c"><table class="maoj-t maoj-bars"><caption id="aandeel_jongeren_0_14-tv-c">/);
    expect(html).toMatch(/<tr class="own"><th scope="row">Aadorp<\/th><td class="l"><span class="v">14,3% \(voorlopig\)<\/span><span class="bar w93"><\/span><\/td><\/tr>/);
    expect(html).not.toContain('<details');
  });
});

describe('rankOf', () => {
  it('places an area among all areas of its kind, equal values sharing a place, with the quarter', async () => {
    const { rankOf, rankText } = await import('../../../shared/regional/summary.ts');
    const view = testView();
    const r = rankOf(view, 'inwoners', view.areas.get('GM0002')!)!;
    // 2022: Dorpen 9300, Beekstad 5200, Aadorp 1200, Cedam 1150.
    expect(r).toEqual({ place: 2, of: 4, quarter: 2 });
    expect(rankText(r, 'gemeente')).toBe('Plaats 2 van 4 gemeenten: net boven het midden.');
    expect(rankOf(view, 'inwoners', view.areas.get('GM0003')!)).toEqual({ place: 4, of: 4, quarter: 4 });
    expect(rankOf(view, 'inwoners', view.areas.get('NL01')!)).toBeUndefined();
  });
});

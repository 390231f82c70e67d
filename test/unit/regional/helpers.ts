import type { Figure, FigureResult } from '../../../shared/indicators/aggregate.ts';
import type { PublishedArea, PublishedSnapshot } from '../../../shared/imports/snapshot.ts';
import { buildRegionalView } from '../../../shared/regional/view.ts';

/** A small made-up snapshot: 4 gemeenten, 2 SWV PO (one gemeente split), a provincie and Nederland. */
export function testView() {
  const m = (gemeenteCode: string, groupCode: string, groupKind: 'swv-po' | 'provincie' | 'nederland', share = 1) => ({ gemeenteCode, groupCode, groupKind, share, ...(groupKind === 'swv-po' ? { postcodeAreas: Math.round(share * 10), postcodeAreasInGemeente: 10 } : {}) });
  const gemeenten: [string, string, [string, number][]][] = [
    ['GM0001', 'Aadorp', [['PO 01-01', 1]]],
    ['GM0002', 'Beekstad', [['PO 01-01', 0.3], ['PO 01-02', 0.7]]],
    ['GM0003', 'Cedam', [['PO 01-02', 1]]],
    ['GM0004', 'Dorpen', [['PO 01-02', 1]]],
  ];
  const areas: PublishedArea[] = [
    { kind: 'nederland', code: 'NL01', slug: 'nl01', name: 'Nederland', hasOwnName: true, members: gemeenten.map(([c]) => m(c, 'NL01', 'nederland')) },
    { kind: 'provincie', code: 'PV99', slug: 'pv99', name: 'Testprovincie', hasOwnName: true, members: gemeenten.map(([c]) => m(c, 'PV99', 'provincie')) },
    ...gemeenten.map(([code, name, swv]): PublishedArea => ({
      kind: 'gemeente', code, slug: code.toLowerCase(), name, hasOwnName: true,
      groups: [...swv.map(([s, share]) => m(code, s, 'swv-po', share)), m(code, 'PV99', 'provincie'), m(code, 'NL01', 'nederland')],
    })),
    ...['PO 01-01', 'PO 01-02'].map((code): PublishedArea => ({
      kind: 'swv-po', code, slug: code.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name: `Samenwerkingsverband ${code}`, hasOwnName: false,
      members: gemeenten.flatMap(([g, , swv]) => swv.filter(([s]) => s === code).map(([, share]) => m(g, code, 'swv-po', share))),
    })),
  ];
  const figures: Figure[] = [];
  const fig = (indicatorId: string, areaCode: string, period: string, result: FigureResult, extra: Partial<Figure> = {}) =>
    figures.push({ indicatorId, areaCode, areaKind: areas.find((a) => a.code === areaCode)!.kind, period, result, method: 'source', provisional: false, boundaries: 'current', ...extra });
  const inwoners: Record<string, number[]> = { GM0001: [1000, 1100, 1200], GM0002: [5000, 5100, 5200], GM0003: [1300, 1250, 1150], GM0004: [9000, 9100, 9300], NL01: [16300, 16550, 16850] };
  for (const [code, values] of Object.entries(inwoners)) values.forEach((v, i) => fig('inwoners', code, String(2020 + i), { state: 'value', value: v }));
  fig('aandeel_jongeren_0_14', 'GM0001', '2022', { state: 'value', value: 14.26 }, { provisional: true });
  fig('aandeel_jongeren_0_14', 'GM0002', '2022', { state: 'secret' });
  fig('aandeel_jongeren_0_14', 'GM0003', '2022', { state: 'value', value: 0 });
  fig('aandeel_jongeren_0_14', 'NL01', '2022', { state: 'value', value: 15.4 });
  fig('aandeel_jongeren_0_14', 'PO 01-01', '2022', { state: 'incomplete', lacking: [{ areaCode: 'GM0002', state: 'secret' }] });
  fig('pct_jeugdhulp_in_natura', 'GM0001', '2022', { state: 'value', value: 13 });
  fig('pct_jeugdhulp_in_natura', 'PO 01-01', '2022', { state: 'not-aggregatable', reason: 'Het CBS geeft alleen het percentage.' });
  const snapshot: PublishedSnapshot = { snapshotId: 'test0000', compiledAt: '2026-01-01T00:00:00Z', manifest: { files: [] }, indelingYear: 2025, areas, figures };
  return buildRegionalView(snapshot);
}

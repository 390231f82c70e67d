import { httpError } from '../../shared/http/errors.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { REGIONAL_SECTION } from '../../shared/regional/view.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import { liveView } from '../../shared/imports/live-view.ts';
import { MAX_COMPARISONS } from '../../shared/regional/compare.ts';
import { renderAreaPage, renderComparisonChooser } from '../../shared/regional/area-page.ts';
import { renderDocument } from '../../shared/web/layout.ts';

/**
 * GET /api/gebieden/vergelijk?gebied=GM0363: the chooser ("Vergelijk met", a plain GET form, no
 * JavaScript needed; the static area pages link here and carry no option lists). With &kies=ja the
 * chooser keeps the given choice.
 * GET /api/gebieden/vergelijk?gebied=GM0363&met=GM0344&met=PV27: the area page with the comparison
 * areas the visitor chose.
 */
export const handler = apiHandler(async (event) => {
  const params = new URLSearchParams(event.rawQueryString ?? '');
  const code = params.get('gebied')?.trim() ?? '';
  const chosen = params.getAll('met').filter((c) => c.trim() !== '');
  if (chosen.length > 4 * MAX_COMPARISONS || chosen.some((c) => c.length > 20)) {
    throw httpError('VALIDATION_FAILED', [{ field: 'met', message: `Kies hoogstens ${MAX_COMPARISONS} gebieden om mee te vergelijken.` }], undefined, `Kies hoogstens ${MAX_COMPARISONS} gebieden om mee te vergelijken.`);
  }
  const view = await liveView();
  if (!view) throw httpError('NO_FIGURES_YET');
  const area = view.areas.get(code);
  if (!area) throw httpError('NOT_FOUND', [], undefined, 'Dit gebied bestaat niet. Kies een gebied op de pagina Cijfers per gebied.');
  if (!params.has('met') || params.get('kies') === 'ja') {
    const page = renderComparisonChooser(view, area, chosen.length ? chosen : undefined);
    return htmlResponse(200, renderDocument({ title: page.title, main: page.main, path: '/gebieden/', noindex: true }));
  }
  const page = renderAreaPage(view, area, chosen);
  return htmlResponse(200, renderDocument({ title: `${page.title}: vergelijking`, main: page.main, path: '/gebieden/', noindex: true }));
}, REGIONAL_SECTION);

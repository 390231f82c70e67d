import { MAX_QUERY_LENGTH } from '../../shared/areas/search.ts';
import { searchIndexFor } from '../../shared/areas/search-index.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import { liveView } from '../../shared/imports/live-view.ts';
import { renderSearchPage } from '../../shared/regional/search-page.ts';
import { areaPath, REGIONAL_SECTION } from '../../shared/regional/view.ts';
import { renderDocument } from '../../shared/web/layout.ts';

/** GET /api/gebieden/zoek?q=...: one exact hit goes straight to its page, otherwise a list of hits. */
export const handler = apiHandler(async (event) => {
  const query = new URLSearchParams(event.rawQueryString ?? '').get('q')?.trim() ?? '';
  if (query.length > MAX_QUERY_LENGTH) {
    throw httpError('VALIDATION_FAILED', [{ field: 'q', message: `Zoek met hoogstens ${MAX_QUERY_LENGTH} tekens.` }], undefined, `Zoek met hoogstens ${MAX_QUERY_LENGTH} tekens.`);
  }
  const view = await liveView();
  if (!view) throw httpError('NO_FIGURES_YET');
  const result = searchIndexFor(view).search(query);
  if (result.exact) return { statusCode: 303, headers: { location: areaPath(result.exact), 'cache-control': 'no-store' }, body: '' };
  const page = renderSearchPage(query, result);
  return htmlResponse(200, renderDocument({ ...page, path: '/gebieden/', noindex: true }));
}, REGIONAL_SECTION);

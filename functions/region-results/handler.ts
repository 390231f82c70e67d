import { documentClient } from '../../shared/aws/clients.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import type { RegionResults } from '../../shared/benchmark/model.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { wantsHtml } from '../../shared/http/request.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';
import { QUESTIONNAIRE_SECTION, regionResultsPath, regionStatusPath, RESULTS_FILES } from '../../shared/participation/links.ts';
import { checkRegionAccessKey } from '../../shared/participation/tokens.ts';
import { resultsCsv } from '../../shared/results/csv.ts';
import { renderResultsPage } from '../../shared/results/page.ts';
import { getRegion } from '../../shared/store/participation-store.ts';
import { getReport } from '../../shared/store/reports.ts';
import { resultsOfRegion } from '../../shared/store/results-store.ts';

const UNKNOWN = 'Deze pagina bestaat niet. Controleer of u de hele link heeft gebruikt die u van de beheerders kreeg.';
const NO_RESULTS = 'Er zijn nog geen uitkomsten. Die komen er zodra een ronde gesloten is; de berekening loopt elke nacht en na het sluiten van een ronde.';

/**
 * GET /api/uitkomsten/{key}[/uitkomsten.csv | /rapport.pdf]: a region's results of its latest closed
 * round (or ?ronde=<id>), read from the pre-computed results; never from raw responses.
 */
export const handler = apiHandler(async (event) => {
  const config = runtimeConfig();
  const key = event.pathParameters?.key ?? '';
  const regionId = checkRegionAccessKey(await tokenKey(config), key);
  const store = { doc: documentClient(), tableName: config.TABLE_NAME };
  const region = regionId ? await getRegion(store, regionId) : undefined;
  if (!region || region.status !== 'goedgekeurd') throw httpError('NOT_FOUND', [], undefined, UNKNOWN);
  const file = event.pathParameters?.file;
  if (file !== undefined && !Object.values(RESULTS_FILES).includes(file as never)) throw httpError('NOT_FOUND', [], undefined, UNKNOWN);

  const all = await resultsOfRegion(store, region.regionId);
  const wanted = new URLSearchParams(event.rawQueryString ?? '').get('ronde');
  const stored = wanted ? all.find((r) => r.roundId === wanted) : all[all.length - 1];
  if (!stored) throw httpError('NOT_FOUND', [], undefined, wanted ? UNKNOWN : NO_RESULTS);
  const results = JSON.parse(stored.json) as RegionResults;

  if (file === RESULTS_FILES.csv) {
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="uitkomsten-${results.roundId}.csv"`, 'cache-control': 'no-store' },
      body: resultsCsv(results),
    };
  }
  if (file === RESULTS_FILES.pdf) {
    const pdf = config.REPORTS_BUCKET ? await getReport({ s3: s3Client(), bucket: config.REPORTS_BUCKET }, region.regionId, results.roundId) : undefined;
    if (!pdf) throw httpError('NOT_FOUND', [], undefined, 'Het rapport wordt nog gemaakt. Probeer het over een kwartier opnieuw.');
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="rapport-${results.roundId}.pdf"`, 'cache-control': 'no-store' },
      body: pdf.toString('base64'),
      isBase64Encoded: true,
    };
  }
  if (!wantsHtml(event)) return jsonResponse(200, results);
  const round = `?ronde=${encodeURIComponent(results.roundId)}`;
  return htmlResponse(
    200,
    renderResultsPage(results, {
      csv: `${regionResultsPath(key, RESULTS_FILES.csv)}${round}`,
      pdf: `${regionResultsPath(key, RESULTS_FILES.pdf)}${round}`,
      respons: regionStatusPath(key),
    }),
  );
}, QUESTIONNAIRE_SECTION);

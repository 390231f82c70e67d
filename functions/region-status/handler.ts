import { documentClient } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { wantsHtml } from '../../shared/http/request.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';
import { QUESTIONNAIRE_SECTION, regionResultsPath } from '../../shared/participation/links.ts';
import { roundSummary } from '../../shared/participation/operations.ts';
import { renderRegionStatusPage } from '../../shared/participation/status-page.ts';
import { checkRegionAccessKey } from '../../shared/participation/tokens.ts';
import { getRegion, roundsOfRegion } from '../../shared/store/participation-store.ts';

const UNKNOWN = 'Deze pagina bestaat niet. Controleer of u de hele link heeft gebruikt die u van de beheerders kreeg.';

/** GET /api/respons/{key}: a region's private page with the response counts of its rounds (no answers). */
export const handler = apiHandler(async (event) => {
  const config = runtimeConfig();
  const regionId = checkRegionAccessKey(await tokenKey(config), event.pathParameters?.key ?? '');
  const store = { doc: documentClient(), tableName: config.TABLE_NAME };
  const region = regionId ? await getRegion(store, regionId) : undefined;
  if (!region || region.status !== 'goedgekeurd') throw httpError('NOT_FOUND', [], undefined, UNKNOWN);
  const now = () => new Date();
  const rounds = await Promise.all((await roundsOfRegion(store, region.regionId)).map((r) => roundSummary({ store, now }, r)));
  if (!wantsHtml(event)) return jsonResponse(200, { regionId: region.regionId, name: region.name, demo: region.demo, rounds });
  return htmlResponse(200, renderRegionStatusPage(region, rounds, regionResultsPath(event.pathParameters!.key!)));
}, QUESTIONNAIRE_SECTION);

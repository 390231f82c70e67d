import * as z from 'zod';
import { documentClient } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { fieldErrors } from '../../shared/forms/fields.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler, type ApiEvent } from '../../shared/http/handler.ts';
import { parseBody } from '../../shared/http/request.ts';
import { jsonResponse } from '../../shared/http/response.ts';
import { createInvitationsBody, createRoundBody, openLinkBody, rejectBody } from '../../shared/operator/contract.ts';
import { createDemo } from '../../shared/participation/demo.ts';
import { allRegions, decide, endRound, makeInvitations, makeOpenLink, openRound, showRegion, showRound, type Found, type OperatorDeps } from '../../shared/participation/operations.ts';
import { OPERATOR_PREFIX } from '../../shared/routes.ts';
import { requestBenchmark } from '../../shared/store/results-store.ts';

/** Longest region or round id in a path; longer ones are refused before the table is asked. */
const MAX_ID_LENGTH = 100;

/**
 * The operators' API, reached only with an IAM-signed request (API Gateway checks it; so does the
 * local gateway). JSON in, JSON out, stable error codes; the `npm run admin` command line speaks it.
 */
function body<T>(event: ApiEvent, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseBody(event, ['json']).value);
  if (!parsed.success) throw httpError('VALIDATION_FAILED', fieldErrors(parsed.error));
  return parsed.data;
}

function answer<T>(found: Found<T>, wrap: (value: T) => unknown = (v) => v, status = 200) {
  if (found.ok) return jsonResponse(status, wrap(found.value));
  switch (found.problem) {
    case 'not-found':
      throw httpError('NOT_FOUND', [], undefined, 'No such region or round.');
    case 'already-decided':
      throw httpError('ALREADY_DECIDED');
    case 'not-approved':
      throw httpError('NOT_APPROVED');
    case 'closed':
      throw httpError('ROUND_CLOSED');
    case 'invalid':
      throw httpError('VALIDATION_FAILED', [], undefined, found.message);
  }
}

export const handler = apiHandler(async (event) => {
  const config = runtimeConfig();
  const deps: OperatorDeps = {
    store: { doc: documentClient(), tableName: config.TABLE_NAME },
    key: await tokenKey(config),
    publicUrl: config.PUBLIC_URL,
    now: () => new Date(),
  };
  const route = event.routeKey.slice(event.routeKey.indexOf(' ') + 1 + OPERATOR_PREFIX.length);
  const method = event.requestContext.http.method;
  const p = event.pathParameters ?? {};
  // No id is this long; a much longer one is not even a key DynamoDB accepts (it would fail as a 500).
  if (Object.values(p).some((id) => (id ?? '').length > MAX_ID_LENGTH)) throw httpError('NOT_FOUND', [], undefined, 'No such region or round.');
  switch (`${method} ${route}`) {
    case 'GET /regios':
      return jsonResponse(200, { regions: await allRegions(deps) });
    case 'GET /regios/{regionId}':
      return answer(await showRegion(deps, p.regionId!));
    case 'POST /regios/{regionId}/goedkeuren':
      return answer(await decide(deps, p.regionId!, 'goedgekeurd'));
    case 'POST /regios/{regionId}/afwijzen':
      return answer(await decide(deps, p.regionId!, 'afgewezen', body(event, rejectBody).reason));
    case 'POST /rondes':
      return answer(await openRound(deps, body(event, createRoundBody)), (v) => v, 201);
    case 'GET /rondes/{roundId}':
      return answer(await showRound(deps, p.roundId!));
    case 'POST /rondes/{roundId}/sluiten': {
      const closed = await endRound(deps, p.roundId!);
      // A closed round counts in the benchmark: the job runs within a quarter of an hour.
      if (closed.ok) await requestBenchmark(deps.store, deps.now());
      return answer(closed);
    }
    case 'POST /benchmark':
      await requestBenchmark(deps.store, deps.now());
      return jsonResponse(202, { requested: true });
    case 'POST /rondes/{roundId}/uitnodigingen': {
      const { group, count } = body(event, createInvitationsBody);
      return answer(await makeInvitations(deps, p.roundId!, group, count), (links) => ({ roundId: p.roundId, group, links }), 201);
    }
    case 'POST /rondes/{roundId}/open-link': {
      const { group } = body(event, openLinkBody);
      return answer(await makeOpenLink(deps, p.roundId!, group), (link) => ({ roundId: p.roundId, group, link }), 201);
    }
    case 'POST /demo':
      if (config.ALLOW_DEMO !== 'true') throw httpError('NOT_FOUND', [], undefined, 'The demo region is not available in this environment.');
      {
        const demo = await createDemo(deps);
        await requestBenchmark(deps.store, deps.now());
        return jsonResponse(201, demo);
      }
    default:
      throw httpError('NOT_FOUND');
  }
});

import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { createGateway, listen, type LambdaHandler } from '../../scripts/local/gateway.ts';
import { ROUTES, fillPath, type FunctionName } from '../../shared/routes.ts';
import { signRequest } from '../../tools/sigv4.ts';
import { runAdmin } from '../../scripts/admin/run.ts';

/**
 * The local gateway checks operator routes as API Gateway's AWS_IAM authorisation does. The handler is
 * a stub that records its calls: this test is about the gateway's check, not about the operator function.
 */
const calls: { name: FunctionName; routeKey: string; body?: string }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const loadHandler = async (name: FunctionName): Promise<LambdaHandler> => async (event) => {
    calls.push({ name, routeKey: event.routeKey, ...(event.body !== undefined ? { body: event.body } : {}) });
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: name }) };
  };
  server = createGateway({ loadHandler });
  baseUrl = await listen(server, 0);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls.length = 0;
});

const operatorRoutes = ROUTES.filter((r) => r.access === 'operator');
const concrete = (path: string) => fillPath(path, { regionId: 'regio-TESTDATA', roundId: 'ronde-TESTDATA' });

async function signedFetch(method: string, path: string, body?: string, secretAccessKey = LOCAL_CREDENTIALS.secretAccessKey): Promise<Response> {
  const url = `${baseUrl}${path}`;
  const headers = await signRequest({
    method,
    url,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
    credentials: { ...LOCAL_CREDENTIALS, secretAccessKey },
    region: LOCAL_REGION,
  });
  return fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
}

async function expectForbidden(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({ message: 'Forbidden' });
}

describe('operator routes on the local gateway', () => {
  it('answer 403 Forbidden to unsigned requests, on every operator route, and never call the handler', async () => {
    expect(operatorRoutes.length).toBeGreaterThan(0);
    for (const route of operatorRoutes) {
      const response = await fetch(`${baseUrl}${concrete(route.path)}`, {
        method: route.method,
        ...(route.method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
      });
      await expectForbidden(response);
    }
    expect(calls).toEqual([]);
  });

  it('answer 403 to a request signed with the wrong secret', async () => {
    await expectForbidden(await signedFetch('GET', '/api/beheer/regios', undefined, 'not-the-local-secret'));
    await expectForbidden(await signedFetch('POST', '/api/beheer/rondes', '{"regionId":"x"}', 'not-the-local-secret'));
    expect(calls).toEqual([]);
  });

  it('answer 403 when a signed request is changed on the way (body, path)', async () => {
    const url = `${baseUrl}/api/beheer/regios/regio-TESTDATA/afwijzen`;
    const body = JSON.stringify({ reason: 'Geen SWV opgegeven' });
    const headers = await signRequest({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION });
    await expectForbidden(await fetch(url, { method: 'POST', headers, body: body.replace('Geen', 'Wel') }));
    await expectForbidden(await fetch(url.replace('regio-TESTDATA', 'regio-OTHER'), { method: 'POST', headers, body }));
    expect(calls).toEqual([]);
  });

  it('pass a correctly signed request to the operator function, body and all', async () => {
    const list = await signedFetch('GET', '/api/beheer/regios');
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ ok: 'operator' });
    const body = JSON.stringify({ group: 'beleid', count: 3 });
    const create = await signedFetch('POST', '/api/beheer/rondes/ronde-TESTDATA/uitnodigingen?x=1', body);
    expect(create.status).toBe(200);
    expect(calls).toEqual([
      { name: 'operator', routeKey: 'GET /api/beheer/regios' },
      { name: 'operator', routeKey: 'POST /api/beheer/rondes/{roundId}/uitnodigingen', body },
    ]);
  });

  it('leave public routes open without a signature', async () => {
    const publicRoutes = ROUTES.filter((r) => r.access === 'public');
    expect(publicRoutes.length).toBeGreaterThan(0);
    for (const route of publicRoutes) {
      // Every path parameter gets a sample value, whatever routes are added later.
      const params = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, 'x1']));
      const path = fillPath(route.path, params);
      const response = await fetch(`${baseUrl}${path}`, { method: route.method, ...(route.method === 'POST' ? { body: '{}' } : {}) });
      expect(response.status, `${route.method} ${route.path}`).toBe(200);
    }
    expect(calls.map((c) => c.name)).toEqual(publicRoutes.map((r) => r.function));
  });

  it('accept what npm run admin sends (signed with the local credentials)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const argv = ['rounds', 'create', '--region', 'regio-TESTDATA', '--groups', 'beleid', '--closes', '2027-03-31', '--json', '--api-url', baseUrl];
    const code = await runAdmin(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect({ code, stderr: err.join('') }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(out.join(''))).toEqual({ ok: 'operator' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.routeKey).toBe('POST /api/beheer/rondes');
    expect(JSON.parse(calls[0]!.body!)).toEqual({ regionId: 'regio-TESTDATA', groups: ['beleid'], closes: '2027-03-31', omitThemes: [], extraQuestions: [] });
  });
});

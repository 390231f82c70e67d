import { describe, expect, it } from 'vitest';
import { signRequest, verifyLocalSignature } from '../../tools/sigv4.ts';

const credentials = { accessKeyId: 'AKIDTESTDATA', secretAccessKey: 'secret-TESTDATA' };
const region = 'eu-central-1';
const url = 'http://127.0.0.1:4321/api/beheer/regios/r-1/afwijzen?x=1&a=b';
const body = JSON.stringify({ reason: 'Geen SWV opgegeven' });

async function signed(overrides: { secret?: string; date?: Date; url?: string } = {}) {
  const headers = await signRequest({
    method: 'POST',
    url: overrides.url ?? url,
    headers: { 'content-type': 'application/json' },
    body,
    credentials: { ...credentials, secretAccessKey: overrides.secret ?? credentials.secretAccessKey },
    region,
    ...(overrides.date ? { date: overrides.date } : {}),
  });
  return { method: 'POST', url: new URL(overrides.url ?? url).pathname + new URL(overrides.url ?? url).search, headers, body };
}

describe('SigV4 for the operator routes', () => {
  it('signs with host, date, payload hash and an Authorization header for execute-api', async () => {
    const request = await signed();
    expect(request.headers.host).toBe('127.0.0.1:4321');
    expect(request.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTESTDATA\/\d{8}\/eu-central-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
  });

  it('accepts what it signed', async () => {
    expect(verifyLocalSignature(await signed(), credentials, region)).toBe(true);
  });

  it('accepts header names in any case and a GET without a body', async () => {
    const headers = await signRequest({ method: 'GET', url: 'http://localhost:4321/api/beheer/regios', credentials, region });
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyLocalSignature({ method: 'GET', url: '/api/beheer/regios', headers: upper, body: '' }, credentials, region)).toBe(true);
  });

  it('refuses a tampered body, even when the payload hash header is dropped', async () => {
    const request = await signed();
    expect(verifyLocalSignature({ ...request, body: body.replace('Geen', 'Een') }, credentials, region)).toBe(false);
    const { ['x-amz-content-sha256']: _, ...rest } = request.headers;
    expect(verifyLocalSignature({ ...request, headers: rest, body: body.replace('Geen', 'Een') }, credentials, region)).toBe(false);
  });

  it('refuses a tampered path, query, method or signed header', async () => {
    const request = await signed();
    expect(verifyLocalSignature({ ...request, url: '/api/beheer/regios/r-2/afwijzen?x=1&a=b' }, credentials, region)).toBe(false);
    expect(verifyLocalSignature({ ...request, url: '/api/beheer/regios/r-1/afwijzen?x=2&a=b' }, credentials, region)).toBe(false);
    expect(verifyLocalSignature({ ...request, method: 'GET' }, credentials, region)).toBe(false);
    expect(verifyLocalSignature({ ...request, headers: { ...request.headers, host: 'evil.example:4321' } }, credentials, region)).toBe(false);
    expect(verifyLocalSignature({ ...request, headers: { ...request.headers, 'content-type': 'text/plain' } }, credentials, region)).toBe(false);
  });

  it('refuses a signature made with the wrong secret or key id, or for another region', async () => {
    expect(verifyLocalSignature(await signed({ secret: 'wrong' }), credentials, region)).toBe(false);
    expect(verifyLocalSignature(await signed(), { ...credentials, accessKeyId: 'AKIDOTHER' }, region)).toBe(false);
    expect(verifyLocalSignature(await signed(), credentials, 'eu-west-1')).toBe(false);
  });

  it('refuses a missing, garbled or partial Authorization header', async () => {
    const request = await signed();
    const { authorization, ...rest } = request.headers;
    expect(verifyLocalSignature({ ...request, headers: rest }, credentials, region)).toBe(false);
    for (const bad of ['', 'Bearer abc', 'AWS4-HMAC-SHA256 Credential=AKIDTESTDATA', authorization!.replace(/Signature=[0-9a-f]+/, 'Signature=zz'), authorization!.replace('SignedHeaders=', 'SignedHeaders=x-extra;')]) {
      expect(verifyLocalSignature({ ...request, headers: { ...rest, authorization: bad } }, credentials, region)).toBe(false);
    }
    const { ['x-amz-date']: _, ...noDate } = request.headers;
    expect(verifyLocalSignature({ ...request, headers: noDate }, credentials, region)).toBe(false);
  });

  it('refuses a date more than 15 minutes off, either way', async () => {
    const now = Date.now();
    expect(verifyLocalSignature(await signed({ date: new Date(now - 16 * 60_000) }), credentials, region)).toBe(false);
    expect(verifyLocalSignature(await signed({ date: new Date(now + 16 * 60_000) }), credentials, region)).toBe(false);
    expect(verifyLocalSignature(await signed({ date: new Date(now - 14 * 60_000) }), credentials, region)).toBe(true);
  });
});

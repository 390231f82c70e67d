import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResult, MIN_COMPRESS_BYTES } from '../../shared/http/compression.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';

/**
 * CloudFront does not compress API answers (the /api/* behaviour caches nothing), so the functions do:
 * a registration step with 342 gemeenten is ~157 KB of HTML and ~7 KB with Brotli.
 */
const page = `<!doctype html><ul>${Array.from({ length: 342 }, (_, i) => `<li><label><input type="checkbox" name="g" value="GM${i}"> Gemeente ${i}</label></li>`).join('')}</ul>`;

const event = (acceptEncoding?: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    requestContext: { requestId: 'r1', http: { method: 'GET', path: '/x', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' } },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;
const context = { functionName: 'x', awsRequestId: 'a1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

describe('API answers are compressed by the function', () => {
  it('every handler sends a large page as Brotli (base64 for API Gateway) that decodes to the page', async () => {
    const handler = apiHandler(async () => htmlResponse(200, page));
    const result = await handler(event('gzip, deflate, br'), context);
    expect(result.headers?.['content-encoding']).toBe('br');
    expect(result.headers?.vary).toContain('Accept-Encoding');
    expect(result.isBase64Encoded).toBe(true);
    const bytes = Buffer.from(result.body!, 'base64');
    expect(brotliDecompressSync(bytes).toString('utf8')).toBe(page);
    expect(bytes.length).toBeLessThan(page.length / 10);
  });

  it('gzip when that is all the client takes; nothing for a client that takes none, a small answer or an encoded one', () => {
    const gz = compressResult(htmlResponse(200, page), 'gzip');
    expect(gz.headers?.['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(gz.body!, 'base64')).toString('utf8')).toBe(page);
    const plain = compressResult(htmlResponse(200, page), undefined);
    expect(plain.body).toBe(page);
    expect(plain.headers?.['content-encoding']).toBeUndefined();
    expect(plain.headers?.vary).toBe('Accept-Encoding');
    const small = jsonResponse(200, { ok: true });
    expect(compressResult(small, 'br')).toBe(small);
    expect(JSON.stringify({ ok: true }).length).toBeLessThan(MIN_COMPRESS_BYTES);
    const binary = { statusCode: 200, headers: { 'content-type': 'application/pdf' }, body: 'JVBERi0=', isBase64Encoded: true };
    expect(compressResult(binary, 'br')).toBe(binary);
  });

  it('reads Accept-Encoding as browsers and CloudFront send it, q=0 included', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

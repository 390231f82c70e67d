import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Compression of text responses, as CloudFront does it for the static site. CloudFront does not
 * compress what the API answers (its /api/* behaviour caches nothing, and compression needs a cache
 * policy that caches), so the functions compress their own pages; the local gateway compresses the
 * static files with the same rules and leaves an encoded answer alone.
 */
export const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|xhtml\+xml)|image\/svg\+xml)/i;
export const MIN_COMPRESS_BYTES = 1_000;
export const MAX_COMPRESS_BYTES = 10_000_000;

export type Encoding = 'br' | 'gzip';

/** Brotli when the client takes it (CloudFront prefers it), else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/** Brotli at quality 5: most of the gain for a few milliseconds on a large page. */
export function compressBody(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}

/** An API answer compressed for a client that accepts it (API Gateway passes it on base64-encoded). */
export function compressResult(result: APIGatewayProxyStructuredResultV2, acceptEncoding: string | undefined): APIGatewayProxyStructuredResultV2 {
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const type = String(headers['content-type'] ?? '');
  if (result.isBase64Encoded || typeof result.body !== 'string' || headers['content-encoding'] || !COMPRESSIBLE.test(type)) return result;
  const body = Buffer.from(result.body, 'utf8');
  if (body.length < MIN_COMPRESS_BYTES || body.length > MAX_COMPRESS_BYTES) return result;
  const vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  const encoding = chooseEncoding(acceptEncoding);
  if (!encoding) return { ...result, headers: { ...headers, vary } };
  return { ...result, headers: { ...headers, vary, 'content-encoding': encoding }, body: compressBody(body, encoding).toString('base64'), isBase64Encoded: true };
}

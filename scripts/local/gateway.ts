import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { chooseEncoding, compressBody, COMPRESSIBLE, MAX_COMPRESS_BYTES, MIN_COMPRESS_BYTES, type Encoding } from '../../shared/http/compression.ts';
import { matchRoute, type FunctionName } from '../../shared/routes.ts';
import { cacheControlFor, SITE_CACHE_CONTROL } from '../../shared/web/cache-policy.ts';
import { SECURITY_HEADERS } from '../../shared/web/security-headers.ts';
import { verifyLocalSignature } from '../../tools/sigv4.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './emulators.ts';

/**
 * The local stand-in for CloudFront + API Gateway (HTTP API, payload 2.0): one origin that serves the
 * built site and sends /api/* to the Lambda handlers of the shared route table, as AWS events. As
 * CloudFront, it compresses text responses (Brotli or gzip, by Accept-Encoding) and sends the
 * Cache-Control that S3 stores with each site file (shared/web/cache-policy.ts).
 */
export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2 | string | object>;

export interface GatewayOptions {
  /** Built site (site/dist); without it only the API is served. */
  siteDir?: string;
  loadHandler: (name: FunctionName) => Promise<LambdaHandler>;
}

/** API Gateway's own payload limit for HTTP APIs. */
const API_GATEWAY_MAX_BODY = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

/** HTTP APIs pass text bodies as they are and base64-encode the rest (form posts included). */
function isTextBody(contentType: string | undefined): boolean {
  return /^(text\/|application\/json)/i.test(contentType ?? '');
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > API_GATEWAY_MAX_BODY) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function toApiEvent(req: IncomingMessage, url: URL, body: Buffer, routeKey: string, pathParameters: Record<string, string>): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (key === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const text = isTextBody(headers['content-type']);
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
}

function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Compressed bodies of static files, by file, modification time and encoding. */
const compressedFiles = new Map<string, Buffer>();

function compress(body: Buffer, encoding: Encoding, cacheKey?: string): Buffer {
  const key = cacheKey && `${cacheKey}:${encoding}`;
  const cached = key ? compressedFiles.get(key) : undefined;
  if (cached) return cached;
  const out = compressBody(body, encoding);
  if (key) {
    if (compressedFiles.size > 5_000) compressedFiles.clear();
    compressedFiles.set(key, out);
  }
  return out;
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
  options: { req?: IncomingMessage; cacheKey?: string; head?: boolean } = {},
): void {
  let payload = typeof body === 'string' ? Buffer.from(body) : body;
  const all: Record<string, string> = { ...SECURITY_HEADERS, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
  const type = all['content-type'];
  if (options.req && type && COMPRESSIBLE.test(type) && !all['content-encoding'] && payload.length >= MIN_COMPRESS_BYTES && payload.length <= MAX_COMPRESS_BYTES) {
    const encoding = chooseEncoding(options.req.headers['accept-encoding']);
    if (encoding) {
      payload = compress(payload, encoding, options.cacheKey);
      all['content-encoding'] = encoding;
    }
    all.vary = all.vary ? `${all.vary}, Accept-Encoding` : 'Accept-Encoding';
  }
  all['content-length'] = String(payload.length);
  res.writeHead(status, all);
  res.end(options.head ? undefined : payload);
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ error: { code, message } }));
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, options: GatewayOptions): Promise<void> {
  const match = matchRoute(req.method ?? 'GET', url.pathname);
  if (!match) return sendJsonError(res, 404, 'NOT_FOUND', 'Deze pagina bestaat niet.');
  const body = await readBody(req);
  if (body === 'too-large') return sendJsonError(res, 413, 'BODY_TOO_LARGE', 'Het verzoek is te groot.');
  // As API Gateway's AWS_IAM authorisation: operator routes need a SigV4 signature (here: the local credentials).
  if (match.route.access === 'operator' && !verifyLocalSignature({ method: req.method ?? 'GET', url, headers: req.headers, body }, LOCAL_CREDENTIALS, LOCAL_REGION)) {
    return send(res, 403, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Forbidden' }));
  }
  const routeKey = `${match.route.method} ${match.route.path}`;
  const event = toApiEvent(req, url, body, routeKey, match.pathParameters);
  const handler = await options.loadHandler(match.route.function);
  let result: APIGatewayProxyStructuredResultV2 | string | object;
  try {
    result = await handler(event, lambdaContext(match.route.function));
  } catch {
    // What API Gateway answers when the function itself fails.
    return sendJsonError(res, 500, 'INTERNAL', 'Internal Server Error');
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  if (typeof result === 'object' && result !== null && 'statusCode' in structured) {
    const headers = Object.fromEntries(Object.entries(structured.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const payload = structured.isBase64Encoded ? Buffer.from(structured.body ?? '', 'base64') : (structured.body ?? '');
    return send(res, structured.statusCode ?? 200, headers, payload, { req, head: req.method === 'HEAD' });
  }
  send(res, 200, { 'content-type': 'application/json' }, typeof result === 'string' ? result : JSON.stringify(result), { req });
}

function staticFile(siteDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.join(siteDir, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(siteDir)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL, siteDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' }, 'Method Not Allowed');
  // Directory URLs end in a slash, as on S3 behind CloudFront with index documents.
  if (!path.extname(url.pathname) && !url.pathname.endsWith('/') && staticFile(siteDir, `${url.pathname}/`)) {
    return send(res, 301, { location: `${url.pathname}/${url.search}` }, '');
  }
  const head = req.method === 'HEAD';
  const file = staticFile(siteDir, url.pathname);
  if (!file) {
    const notFound = path.join(siteDir, '404.html');
    return send(res, 404, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': SITE_CACHE_CONTROL }, existsSync(notFound) ? readFileSync(notFound) : 'Niet gevonden', { req, head });
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cacheKey = `${file}:${statSync(file).mtimeMs}`;
  send(res, 200, { 'content-type': type, 'cache-control': cacheControlFor(url.pathname) }, readFileSync(file), { req, cacheKey, head });
}

export function createGateway(options: GatewayOptions): Server {
  const siteDir = options.siteDir ? path.resolve(options.siteDir) : undefined;
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = url.pathname === '/api' || url.pathname.startsWith('/api/')
      ? handleApi(req, res, url, options)
      : siteDir
        ? Promise.resolve(handleStatic(req, res, url, siteDir))
        : Promise.resolve(sendJsonError(res, 404, 'NOT_FOUND', 'Deze pagina bestaat niet.'));
    work.catch(() => {
      if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL', 'Internal Server Error');
      else res.destroy();
    });
  });
}

export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as { port: number };
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`;
}

import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import { getCanonicalHeaders, SignatureV4 } from '@smithy/signature-v4';

/**
 * SigV4 for the operator routes (service `execute-api`): `signRequest` signs a request as an operator's
 * AWS identity would (the `npm run admin` command line), `verifyLocalSignature` is the check that API
 * Gateway's AWS_IAM authorisation makes in AWS, done by the local gateway with the local credentials.
 */
export const SERVICE = 'execute-api';
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** How far a signature's date may be from now; AWS allows the same. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** The sha256 constructor SignatureV4 asks for, over node:crypto (an HMAC when given a secret). */
export class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

type HttpRequest = Parameters<SignatureV4['presign']>[0];
type HeaderInput = Record<string, string | string[] | undefined>;

function toHttpRequest(method: string, url: URL, headers: Record<string, string>, body: string | Buffer | undefined): HttpRequest {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return {
    method: method.toUpperCase(),
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query,
    headers,
    body,
  };
}

/** Headers to send with the request: the given ones plus host, x-amz-date, x-amz-content-sha256, authorization. */
export async function signRequest(input: {
  method: string;
  url: string | URL;
  headers?: Record<string, string>;
  body?: string | Buffer;
  credentials: Credentials | (() => Promise<Credentials>);
  region: string;
  /** For tests: the signing time. */
  date?: Date;
}): Promise<Record<string, string>> {
  const url = new URL(input.url);
  const headers: Record<string, string> = { host: url.host };
  for (const [key, value] of Object.entries(input.headers ?? {})) headers[key.toLowerCase()] = value;
  const signer = new SignatureV4({ service: SERVICE, region: input.region, credentials: input.credentials, sha256: Sha256 });
  const signed = await signer.sign(toHttpRequest(input.method, url, headers, input.body ?? ''), input.date ? { signingDate: input.date } : {});
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, String(v)]));
}

/** Exposes the library's canonical request, so the check builds exactly what the signer built. */
class Canonicaliser extends SignatureV4 {
  canonicalRequest(request: HttpRequest, canonicalHeaders: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request, ?SignedHeaders=([a-z0-9!#$%&'*+.^_`|~;-]+), ?Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/**
 * Whether the request carries a valid SigV4 signature (service execute-api) made with these
 * credentials for this region, within 15 minutes of now. Only the path and query of `url` are used;
 * the host is the signed `host` header, as the client sent it.
 */
export function verifyLocalSignature(
  request: { method: string; url: string | URL; headers: HeaderInput; body: string | Buffer },
  credentials: Credentials,
  region: string,
  now: Date = new Date(),
): boolean {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const auth = AUTHORIZATION.exec(headers.authorization ?? '');
  if (!auth) return false;
  const [, keyId, scopeDate, scopeRegion, scopeService, signedList, signature] = auth as unknown as string[];
  if (!sameText(keyId!, credentials.accessKeyId) || scopeRegion !== region || scopeService !== SERVICE) return false;

  const longDate = headers['x-amz-date'] ?? '';
  const d = AMZ_DATE.exec(longDate);
  if (!d || longDate.slice(0, 8) !== scopeDate) return false;
  const signedAt = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(d[4]), Number(d[5]), Number(d[6]));
  if (!(Math.abs(now.getTime() - signedAt) <= MAX_CLOCK_SKEW_MS)) return false;

  const signedNames = signedList!.split(';');
  if (!signedNames.includes('host') || !signedNames.includes('x-amz-date')) return false;
  if (signedNames.some((name) => !Object.hasOwn(headers, name))) return false;
  if (credentials.sessionToken !== undefined && headers['x-amz-security-token'] !== credentials.sessionToken) return false;

  // The body's own hash: a header claiming another hash is a tampered body, never trusted.
  const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
  const payloadHash = createHash('sha256').update(body).digest('hex');
  if (headers['x-amz-content-sha256'] !== undefined && headers['x-amz-content-sha256'] !== payloadHash) return false;

  const url = new URL(request.url, 'http://localhost');
  const signedHeaders = Object.fromEntries(signedNames.map((name) => [name, headers[name]!]));
  const httpRequest = toHttpRequest(request.method, url, signedHeaders, body);
  const canonicalHeaders = getCanonicalHeaders(httpRequest, undefined, new Set(signedNames));
  if (Object.keys(canonicalHeaders).sort().join(';') !== signedList) return false;
  const canonicaliser = new Canonicaliser({ service: SERVICE, region, credentials, sha256: Sha256 });
  const canonicalRequest = canonicaliser.canonicalRequest(httpRequest, canonicalHeaders, payloadHash);

  const scope = `${scopeDate}/${region}/${SERVICE}/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, scopeDate!), region), SERVICE), 'aws4_request');
  return sameText(hmac(key, stringToSign).toString('hex'), signature!);
}

import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { httpError } from './errors.ts';

/** Largest body any form or JSON request may have; checked before anything is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

export type ParsedBody = { kind: 'json'; value: unknown } | { kind: 'form'; value: URLSearchParams };

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function mediaType(event: APIGatewayProxyEventV2): string {
  return (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export const FORM_TYPE = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** Whether the caller is a browser form (answer with HTML) rather than a program (answer with JSON). */
export function wantsHtml(event: APIGatewayProxyEventV2): boolean {
  const type = mediaType(event);
  if (type === FORM_TYPE) return true;
  if (type === JSON_TYPE) return false;
  const accept = header(event, 'accept') ?? '';
  return accept.includes('text/html');
}

function rawBody(event: APIGatewayProxyEventV2): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** Reads a JSON or form body, refusing anything too large, of another type, or unreadable. */
export function parseBody(event: APIGatewayProxyEventV2, accept: readonly ('json' | 'form')[]): ParsedBody {
  const type = mediaType(event);
  const kind = type === JSON_TYPE ? 'json' : type === FORM_TYPE ? 'form' : undefined;
  if (!kind || !accept.includes(kind)) throw httpError('UNSUPPORTED_MEDIA_TYPE');
  const body = rawBody(event);
  if (body.length > MAX_BODY_BYTES) throw httpError('BODY_TOO_LARGE');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw httpError('MALFORMED_BODY');
  }
  if (kind === 'form') return { kind, value: new URLSearchParams(text) };
  try {
    return { kind, value: JSON.parse(text) as unknown };
  } catch {
    throw httpError('MALFORMED_JSON');
  }
}

/** The step number a form posted (1..max); anything else is a request no page made. */
export function formStep(value: string | null, max: number, message?: string): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 1 || n > max) throw httpError('INVALID_STEP', [], undefined, message);
  return n;
}

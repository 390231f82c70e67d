import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, validSubmission } from '../helpers/fixtures.ts';
import { startLocalSystem, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Malformed requests against the local API (real handlers, DynamoDB Local, SES emulator).
 * Every one must get the stated 4xx with a stable error code (JSON) or a Dutch page (forms),
 * and none may write an item or send an email.
 */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(() => system.close());

const MARK = 'bad-input.example'; // every address in this file ends in this domain
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

interface BadRequest {
  name: string;
  method?: string;
  path?: string;
  contentType?: string | null;
  body?: string | Buffer;
  status: number;
  /** Stable error code in the JSON body; for HTML answers, a Dutch phrase the page must contain. */
  code?: string;
  page?: string;
}

const json = (value: unknown) => JSON.stringify(value);
const submission = (overrides: Record<string, unknown>) => json(validSubmission({ email: `x@${MARK}`, ...overrides }));
const without = (key: string) => {
  const s = validSubmission({ email: `x@${MARK}` });
  delete s[key];
  return json(s);
};
const withAnswers = (a: Record<string, unknown>) => submission({ antwoorden: a });
const allAnswersBut = (id: string) => {
  const a: Record<string, unknown> = answers();
  delete a[id];
  return a;
};
const VALIDATION = { status: 422, code: 'VALIDATION_FAILED' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
/** Paths with `{draft}` (a draft with every step answered) or `{incomplete}` (step 1 only), made before the cases run. */
const drafts: Record<string, string> = {};
const UNKNOWN_DRAFT = 'AAAAAAAAAAAAAAAAAAAAAA';

const cases: BadRequest[] = [
  // Malformed JSON
  { name: 'truncated JSON', body: '{"submissionId": "abc"', status: 400, code: 'MALFORMED_JSON' },
  { name: 'empty body', body: '', status: 400, code: 'MALFORMED_JSON' },
  { name: 'single quotes', body: "{'gemeente':'GM0363'}", status: 400, code: 'MALFORMED_JSON' },
  { name: 'trailing comma', body: '{"gemeente":"GM0363",}', status: 400, code: 'MALFORMED_JSON' },
  { name: 'NaN literal', body: '{"toestemming": NaN}', status: 400, code: 'MALFORMED_JSON' },
  { name: 'bare word', body: 'undefined', status: 400, code: 'MALFORMED_JSON' },
  { name: 'invalid UTF-8 bytes in JSON', body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), status: 400, code: 'MALFORMED_JSON' },
  { name: 'invalid UTF-8 bytes in a form', path: '/api/regioscan/stap', contentType: FORM_TYPE, body: Buffer.from([0x73, 0x74, 0x61, 0x70, 0x3d, 0xff, 0xfe]), status: 400, page: 'De gegevens konden niet worden gelezen.' },
  // Wrong types
  { name: 'body is an array', body: '[]', ...VALIDATION },
  { name: 'body is a string', body: '"hallo"', ...VALIDATION },
  { name: 'body is null', body: 'null', ...VALIDATION },
  { name: 'body is a number', body: '42', ...VALIDATION },
  { name: 'submissionId is a number', body: submission({ submissionId: 12345 }), ...VALIDATION },
  { name: 'gemeente is a number', body: submission({ gemeente: 363 }), ...VALIDATION },
  { name: 'rol is an array', body: submission({ rol: ['gemeente'] }), ...VALIDATION },
  { name: 'antwoorden is an array', body: submission({ antwoorden: ['1', '2'] }), ...VALIDATION },
  { name: 'antwoorden is a string', body: submission({ antwoorden: 'alles eens' }), ...VALIDATION },
  { name: 'toestemming is the string "true"', body: submission({ toestemming: 'true' }), ...VALIDATION },
  { name: 'toestemming is the number 1', body: submission({ toestemming: 1 }), ...VALIDATION },
  { name: 'email is a number', body: submission({ email: 12 }), ...VALIDATION },
  { name: 'answer is a number', body: withAnswers({ ...answers(), v01: 3 }), ...VALIDATION },
  { name: 'answer is null', body: withAnswers({ ...answers(), v02: null }), ...VALIDATION },
  // Missing fields
  { name: 'missing submissionId', body: without('submissionId'), ...VALIDATION },
  { name: 'missing gemeente', body: without('gemeente'), ...VALIDATION },
  { name: 'missing rol', body: without('rol'), ...VALIDATION },
  { name: 'missing antwoorden', body: without('antwoorden'), ...VALIDATION },
  { name: 'missing toestemming', body: without('toestemming'), ...VALIDATION },
  { name: 'one answer missing', body: withAnswers(allAnswersBut('v16')), ...VALIDATION },
  { name: 'no answers at all', body: withAnswers({}), ...VALIDATION },
  { name: 'empty object', body: '{}', ...VALIDATION },
  // Extra fields
  { name: 'extra top-level field', body: submission({ naam: 'Jan' }), ...VALIDATION },
  { name: 'extra answer v17', body: withAnswers({ ...answers(), v17: '3' }), ...VALIDATION },
  { name: '__proto__ key', body: submission({}).replace('{', '{"__proto__":{"admin":true},'), ...VALIDATION },
  { name: 'constructor key in answers', body: withAnswers({ ...answers(), constructor: '1' }), ...VALIDATION },
  // Values out of range
  { name: 'answer 0', body: withAnswers({ ...answers(), v03: '0' }), ...VALIDATION },
  { name: 'answer 6', body: withAnswers({ ...answers(), v04: '6' }), ...VALIDATION },
  { name: 'answer empty string', body: withAnswers({ ...answers(), v05: '' }), ...VALIDATION },
  { name: 'answer "ja"', body: withAnswers({ ...answers(), v06: 'ja' }), ...VALIDATION },
  { name: 'unknown gemeente code', body: submission({ gemeente: 'GM9999' }), ...VALIDATION },
  { name: 'gemeente code too short', body: submission({ gemeente: 'GM036' }), ...VALIDATION },
  { name: 'gemeente in lower case', body: submission({ gemeente: 'gm0363' }), ...VALIDATION },
  { name: 'gemeente by name', body: submission({ gemeente: 'Amsterdam' }), ...VALIDATION },
  { name: 'gemeente dissolved in 2022 (Weesp)', body: submission({ gemeente: 'GM0457' }), ...VALIDATION },
  { name: 'unknown role', body: submission({ rol: 'burgemeester' }), ...VALIDATION },
  { name: 'submissionId not a UUID', body: submission({ submissionId: 'abc' }), ...VALIDATION },
  { name: 'submissionId with SQL', body: submission({ submissionId: "1' OR '1'='1" }), ...VALIDATION },
  // Sizes
  { name: 'body over 16 KiB', body: submission({ padding: 'x'.repeat(17 * 1024) }), status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'body over 10 MiB', body: 'x'.repeat(10 * 1024 * 1024 + 10), status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'email of 300 characters', body: submission({ email: `${'a'.repeat(290)}@${MARK}` }), ...VALIDATION },
  { name: 'answer of 10,000 characters', body: withAnswers({ ...answers(), v07: 'x'.repeat(10_000) }), ...VALIDATION },
  // Email header injection and other addresses SES must never see
  { name: 'CRLF Bcc in email', body: submission({ email: `x@${MARK}\r\nBcc: y@${MARK}` }), ...VALIDATION },
  { name: 'LF Bcc in email', body: submission({ email: `x@${MARK}\nBcc: y@${MARK}` }), ...VALIDATION },
  { name: 'two addresses with a comma', body: submission({ email: `x@${MARK},y@${MARK}` }), ...VALIDATION },
  { name: 'two addresses with a semicolon', body: submission({ email: `x@${MARK};y@${MARK}` }), ...VALIDATION },
  { name: 'display name with address', body: submission({ email: `Jan <x@${MARK}>` }), ...VALIDATION },
  { name: 'encoded CRLF in email', body: submission({ email: `x@${MARK}%0d%0abcc:y@${MARK}` }), ...VALIDATION },
  { name: 'address without local part', body: submission({ email: `@${MARK}` }), ...VALIDATION },
  { name: 'address without domain', body: submission({ email: 'x@' }), ...VALIDATION },
  { name: 'address with a space', body: submission({ email: `x y@${MARK}` }), ...VALIDATION },
  // Content type and method
  { name: 'text/plain', contentType: 'text/plain', body: submission({}), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'no content type', contentType: null, body: submission({}), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'application/xml', contentType: 'application/xml', body: '<a/>', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'multipart/form-data', contentType: 'multipart/form-data; boundary=x', body: '--x--', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'GET on the submit route', method: 'GET', body: undefined, status: 404, code: 'NOT_FOUND' },
  { name: 'PUT on the submit route', method: 'PUT', body: submission({}), status: 404, code: 'NOT_FOUND' },
  // Paths
  { name: 'result with a non-UUID id', method: 'GET', path: '/api/regioscan/uitkomst/niet-een-id', contentType: JSON_TYPE, status: 404, code: 'NOT_FOUND' },
  { name: 'result with a broken %-escape', method: 'GET', path: '/api/regioscan/uitkomst/%E0%A4%A', contentType: JSON_TYPE, status: 404, code: 'NOT_FOUND' },
  { name: 'unknown API path', method: 'GET', path: '/api/beheer', contentType: JSON_TYPE, status: 404, code: 'NOT_FOUND' },
  // The HTML form steps (every step a page of a server-side draft)
  { name: 'step route with JSON', path: '/api/regioscan/stap', body: submission({}), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'step 1 without gemeente', path: '/api/regioscan/stap', contentType: FORM_TYPE, body: form({ rol: 'gemeente' }), status: 422, page: 'Kies de gemeente waar u werkt.' },
  { name: 'step 1 with an unknown gemeente', path: '/api/regioscan/stap', contentType: FORM_TYPE, body: form({ gemeente: 'GM9999', rol: 'gemeente' }), status: 422, page: 'Kies een gemeente uit de lijst.' },
  { name: 'step 0', path: '/api/regioscan/{draft}/stap/0', contentType: FORM_TYPE, body: form({ actie: 'volgende' }), status: 400, page: 'Deze stap van het formulier bestaat niet' },
  { name: 'step 99', path: '/api/regioscan/{draft}/stap/99', contentType: FORM_TYPE, body: form({ actie: 'volgende' }), status: 400, page: 'Deze stap van het formulier bestaat niet' },
  { name: 'step "abc"', path: '/api/regioscan/{draft}/stap/abc', contentType: FORM_TYPE, body: form({ actie: 'volgende' }), status: 400, page: 'Deze stap van het formulier bestaat niet' },
  { name: 'step "1.5"', method: 'GET', path: '/api/regioscan/{draft}/stap/1.5', contentType: FORM_TYPE, status: 400, page: 'Deze stap van het formulier bestaat niet' },
  { name: 'step of an unknown draft', method: 'GET', path: `/api/regioscan/${UNKNOWN_DRAFT}/stap/2`, contentType: JSON_TYPE, status: 404, code: 'NOT_FOUND' },
  { name: 'step of a malformed draft id', path: '/api/regioscan/niet-een-id/stap/2', contentType: FORM_TYPE, body: form({ v01: '1' }), status: 404, page: 'Deze Regioscan bestaat niet (meer)' },
  { name: 'step with JSON', path: '/api/regioscan/{draft}/stap/2', body: submission({}), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'step with a tampered answer', path: '/api/regioscan/{incomplete}/stap/2', contentType: FORM_TYPE, body: form({ ...answers(), v01: '<script>alert(1)</script>', actie: 'volgende' }), status: 422, page: 'Kies een antwoord bij stelling 1.' },
  { name: 'outcome of an unknown draft', method: 'GET', path: `/api/regioscan/${UNKNOWN_DRAFT}/uitkomst`, contentType: JSON_TYPE, status: 404, code: 'NOT_FOUND' },
  { name: 'form submit with an answer missing', path: '/api/regioscan/{incomplete}/versturen', contentType: FORM_TYPE, body: form({ toestemming: 'ja' }), status: 422, page: 'Kies een antwoord bij stelling 1.' },
  { name: 'form submit with a bad email', path: '/api/regioscan/{draft}/versturen', contentType: FORM_TYPE, body: form({ email: `x@${MARK}\r\nBcc: y@${MARK}` }), status: 422, page: 'Vul een geldig e-mailadres in' },
  { name: 'form submit with an email of 300 characters', path: '/api/regioscan/{draft}/versturen', contentType: FORM_TYPE, body: form({ email: `${'a'.repeat(290)}@${MARK}` }), status: 422, page: 'Een e-mailadres mag niet langer zijn dan 254 tekens.' },
  { name: 'form submit with a filled honeypot', path: '/api/regioscan/{draft}/versturen', contentType: FORM_TYPE, body: form({ website: 'https://spam.example' }), status: 400, page: 'Wij konden het formulier niet verwerken' },
  { name: 'form submit as JSON', path: '/api/regioscan/{draft}/versturen', body: submission({}), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form submit to an unknown draft', path: `/api/regioscan/${UNKNOWN_DRAFT}/versturen`, contentType: FORM_TYPE, body: form({ toestemming: 'ja' }), status: 404, page: 'Deze Regioscan bestaat niet (meer)' },
  { name: 'the final form post to the JSON route', contentType: FORM_TYPE, body: form({ gemeente: 'GM0363', toestemming: 'ja' }), status: 415, page: 'Stuur de gegevens als JSON. Vult u de Regioscan op de website in?' },
];

describe('bad input to the API', () => {
  it('has at least 50 distinct malformed requests', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  beforeAll(async () => {
    const start = async (fields: Record<string, string>) => {
      const res = await fetch(`${system.baseUrl}/api/regioscan/stap`, { method: 'POST', headers: { 'content-type': FORM_TYPE }, body: form(fields), redirect: 'manual' });
      return /\/api\/regioscan\/([^/]+)\/stap\/2$/.exec(res.headers.get('location') ?? '')![1]!;
    };
    drafts.incomplete = await start({ gemeente: 'GM0363', rol: 'gemeente' });
    drafts.draft = await start({ gemeente: 'GM0363', rol: 'gemeente' });
    for (const step of [2, 3, 4, 5]) {
      const res = await fetch(`${system.baseUrl}/api/regioscan/${drafts.draft}/stap/${step}`, { method: 'POST', headers: { 'content-type': FORM_TYPE }, body: form(answers()), redirect: 'manual' });
      expect(res.status).toBe(303);
    }
  });

  it.each(cases)('$name -> $status', async (c) => {
    const headers: Record<string, string> = {};
    const contentType = c.contentType === undefined ? JSON_TYPE : c.contentType;
    if (contentType) headers['content-type'] = contentType;
    const path = (c.path ?? '/api/regioscan').replace(/\{(draft|incomplete)\}/, (_, name: string) => drafts[name]!);
    const res = await fetch(`${system.baseUrl}${path}`, {
      method: c.method ?? 'POST',
      headers,
      body: c.body as BodyInit | undefined,
    });
    const text = await res.text();
    expect(res.status).toBe(c.status);
    if (c.code) {
      expect(res.headers.get('content-type')).toContain('application/json');
      const error = (JSON.parse(text) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe(c.code);
      expect(error.message.length).toBeGreaterThan(5);
    }
    if (c.page) {
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(text).toContain(c.page);
      expect(text).not.toContain('<script>alert(1)</script>');
    }
  });

  it('wrote nothing and sent nothing (but drafts: the two made for the form cases, and those of step 1 with errors; and the count of starts)', async () => {
    const items = await system.items();
    expect(new Set(items.map((i) => String(i.pk).split('#')[0]))).toEqual(new Set(['DRAFT', 'RATELIMIT']));
    expect(items.filter((i) => String(i.pk).startsWith('DRAFT#'))).toHaveLength(4);
    // A start counter holds a count and its expiry, keyed by a keyed HMAC: no address.
    for (const counter of items.filter((i) => String(i.pk).startsWith('RATELIMIT#'))) expect(Object.keys(counter).sort()).toEqual(['count', 'expiresAt', 'pk', 'sk']);
    const store = (await (await fetch(`${system.sesEndpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    expect(store.emails.filter((e) => e.destination.to.some((to) => to.includes(MARK)))).toEqual([]);
  });
});

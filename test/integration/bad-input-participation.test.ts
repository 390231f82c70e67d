import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEMEENTEN } from '../../shared/areas/gemeenten.ts';
import { send, type Target } from '../../scripts/admin/client.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/emulators.ts';
import { openDraft, regionAccessKey } from '../../shared/participation/tokens.ts';
import { currentQuestionnaire } from '../../shared/questionnaires/definition.ts';
import { questionnaireSteps, stepFields } from '../../shared/questionnaires/flow.ts';
import { itemsOf, tailor } from '../../shared/questionnaires/tailoring.ts';
import { swvAreas } from '../../shared/registration/validation.ts';
import { signRequest } from '../../tools/sigv4.ts';
import { postJson } from '../helpers/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Malformed requests against the routes of regions taking part (registration, questionnaires, the
 * private response page, the operator API), through the local gateway with the real handlers. Each
 * must get the stated 4xx (or a redirect) with a stable error code (JSON) or a Dutch page (HTML), and
 * none may write an item: after each group the table holds exactly what it held before. Requests that
 * would write when good are only here in their bad forms.
 */
let system: LocalSystem;
let operator: Target;

const MARK = 'bad-input-participation.example'; // every address in bad requests ends in this domain
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const VALIDATION = { status: 422, code: 'VALIDATION_FAILED' } as const;
const NOT_FOUND = { status: 404, code: 'NOT_FOUND' } as const;
const UNKNOWN_LINK = 'Deze link werkt niet';
const ERROR_SUMMARY = 'Er ging iets mis. Verbeter het volgende:';
const TOO_LARGE_PAGE = 'Het verzoek is te groot.';
const XSS = '<script>alert(1)</script>';

/** Values made in beforeAll, filled into `{name}` placeholders of paths and bodies. */
const ctx: Record<string, string> = {};
const fill = (s: string) => (s.length > 50_000 ? s : s.replace(/\{(\w+)\}/g, (m, name: string) => ctx[name] ?? m));

interface BadRequest {
  name: string;
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  contentType?: string;
  accept?: string;
  /** Further request headers. */
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Operator routes: signed with the local credentials; 'tampered': signed for another body; 'wrong-key': another secret. */
  signed?: true | 'tampered' | 'wrong-key';
  status: number;
  /** Stable error code in a JSON answer. */
  code?: string;
  /** A field named in the JSON answer's error.fields. */
  field?: string;
  /** A Dutch phrase an HTML answer must contain. */
  page?: string;
  /** Where a redirect must lead. */
  location?: RegExp;
}

async function run(c: BadRequest) {
  const url = `${system.baseUrl}${fill(c.path)}`;
  const method = c.method ?? 'POST';
  const body = typeof c.body === 'string' ? fill(c.body) : c.body;
  let headers: Record<string, string> = {};
  if (c.contentType) headers['content-type'] = c.contentType;
  if (c.accept) headers.accept = c.accept;
  Object.assign(headers, c.headers);
  if (c.signed) {
    headers = await signRequest({
      method,
      url,
      headers: { accept: JSON_TYPE, ...headers },
      ...(c.signed === 'tampered' ? { body: '{"group":"beleid","count":1}' } : body === undefined ? {} : { body }),
      credentials: c.signed === 'wrong-key' ? { ...LOCAL_CREDENTIALS, secretAccessKey: 'not-the-secret' } : LOCAL_CREDENTIALS,
      region: LOCAL_REGION,
    });
  }
  const res = await fetch(url, { method, headers, body: body as BodyInit | undefined, redirect: 'manual' });
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  expect(res.status, text.slice(0, 300)).toBe(c.status);
  if (c.code) {
    expect(res.headers.get('content-type')).toContain('application/json');
    const error = (JSON.parse(text) as { error: { code: string; message: string; fields?: { field: string }[] } }).error;
    expect(error.code).toBe(c.code);
    expect(error.message.length).toBeGreaterThan(5);
    if (c.field) expect((error.fields ?? []).map((f) => f.field)).toContain(c.field);
  }
  if (c.page) {
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(text).toContain(c.page);
  }
  if (c.location) expect(res.headers.get('location')).toMatch(c.location);
  expect(text).not.toContain(XSS);
}

const itemKey = (i: Record<string, unknown>) => `${String(i.pk)}|${String(i.sk)}`;
const sortedItems = async () => (await system.items()).sort((a, b) => itemKey(a).localeCompare(itemKey(b)));

/** A group of cases, then the check that the table holds exactly the items it held before. */
function group(title: string, cases: BadRequest[], check?: (before: Record<string, unknown>[], after: Record<string, unknown>[]) => void) {
  describe(title, () => {
    let before: Record<string, unknown>[];
    beforeAll(async () => {
      before = await sortedItems();
    });
    it.each(cases)('$name -> $status', run);
    it('wrote nothing', async () => {
      const after = await sortedItems();
      if (check) check(before, after);
      else expect(after).toEqual(before);
    });
  });
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Registration

const gemeente = GEMEENTEN.find((g) => g.code === 'GM0363')!;
function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    registrationId: '6d1f0c8e-1b7a-4c52-9d8e-3a5b2c1f0e99',
    regionName: 'Regio Foutland',
    gemeenten: [gemeente.code],
    swvPo: [gemeente.swvPo],
    swvVo: [gemeente.swvVo],
    contactGemeenten: { name: 'Anna de Vries', role: 'Beleidsadviseur jeugd', email: `anna@${MARK}` },
    contactSwv: { name: 'Bram Jansen', role: 'Directeur SWV', email: `bram@${MARK}`, phone: '06 1234 5678' },
    bevestiging: true,
    ...overrides,
  };
}
const regBody = (overrides: Record<string, unknown> = {}) => JSON.stringify(registration(overrides));
const regWithout = (key: string) => {
  const r = registration();
  delete r[key];
  return JSON.stringify(r);
};
const contact = (side: 'contactGemeenten' | 'contactSwv', overrides: Record<string, unknown>, drop?: string) => {
  const c: Record<string, unknown> = { ...(registration()[side] as object), ...overrides };
  if (drop) delete c[drop];
  return regBody({ [side]: c });
};
const poCodes = swvAreas('swv-po').map((a) => a.code);
const voCodes = swvAreas('swv-vo').map((a) => a.code);

const reg = (name: string, body: string | Buffer, expected: Partial<BadRequest> & { status: number }, contentType = JSON_TYPE): BadRequest => ({
  name: `aanmelden: ${name}`,
  path: '/api/aanmelden',
  contentType,
  body,
  ...expected,
});
const regField = (name: string, body: string, field: string) => reg(name, body, { ...VALIDATION, field });

const regForm = (fields: Record<string, string | string[]>) => {
  const f = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) f.append(k, value);
  return f.toString();
};
const registrationCases = group('bad registrations (POST /api/aanmelden)', [
  // Media type, size, syntax
  reg('text/plain', regBody(), { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, 'text/plain'),
  reg('no content type', regBody(), { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, ''),
  reg('multipart/form-data', '--x--', { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, 'multipart/form-data; boundary=x'),
  reg('body over 16 KiB', regBody({ regionName: 'x'.repeat(17 * 1024) }), { status: 413, code: 'BODY_TOO_LARGE' }),
  reg('body over 10 MiB', 'x'.repeat(10 * 1024 * 1024 + 10), { status: 413, code: 'BODY_TOO_LARGE' }),
  reg('truncated JSON', '{"regionName": "Regio', { status: 400, code: 'MALFORMED_JSON' }),
  reg('empty body', '', { status: 400, code: 'MALFORMED_JSON' }),
  reg('trailing comma', '{"bevestiging":true,}', { status: 400, code: 'MALFORMED_JSON' }),
  reg('invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { status: 400, code: 'MALFORMED_JSON' }),
  // Not an object
  reg('body is an array', '[]', VALIDATION),
  reg('body is a string', '"Regio"', VALIDATION),
  reg('body is null', 'null', VALIDATION),
  reg('body is a number', '42', VALIDATION),
  reg('empty object', '{}', { ...VALIDATION, field: 'regionName' }),
  // Each field missing
  ...['registrationId', 'regionName', 'gemeenten', 'swvPo', 'swvVo', 'contactGemeenten', 'contactSwv', 'bevestiging'].map((f) => regField(`missing ${f}`, regWithout(f), f)),
  regField('missing contact name', contact('contactGemeenten', {}, 'name'), 'contactGemeenten.name'),
  regField('missing contact role', contact('contactSwv', {}, 'role'), 'contactSwv.role'),
  regField('missing contact email', contact('contactSwv', {}, 'email'), 'contactSwv.email'),
  // Wrong types
  regField('registrationId is a number', regBody({ registrationId: 123 }), 'registrationId'),
  regField('registrationId not a UUID', regBody({ registrationId: "1' OR '1'='1" }), 'registrationId'),
  regField('regionName is a number', regBody({ regionName: 42 }), 'regionName'),
  regField('gemeenten is a string', regBody({ gemeenten: 'GM0363' }), 'gemeenten'),
  regField('gemeenten holds a number', regBody({ gemeenten: [363] }), 'gemeenten.0'),
  regField('swvPo is an object', regBody({ swvPo: {} }), 'swvPo'),
  regField('swvVo is null', regBody({ swvVo: null }), 'swvVo'),
  regField('contactGemeenten is a string', regBody({ contactGemeenten: 'Anna' }), 'contactGemeenten'),
  regField('contactSwv is an array', regBody({ contactSwv: [] }), 'contactSwv'),
  regField('contact name is a number', contact('contactGemeenten', { name: 5 }), 'contactGemeenten.name'),
  regField('contact email is an array', contact('contactGemeenten', { email: [`a@${MARK}`] }), 'contactGemeenten.email'),
  regField('phone is a number', contact('contactSwv', { phone: 612345678 }), 'contactSwv.phone'),
  regField('bevestiging is the string "true"', regBody({ bevestiging: 'true' }), 'bevestiging'),
  regField('bevestiging false', regBody({ bevestiging: false }), 'bevestiging'),
  // Too long, too short, empty
  regField('regionName of 101 characters', regBody({ regionName: 'R'.repeat(101) }), 'regionName'),
  regField('regionName of 2 characters', regBody({ regionName: 'Ab' }), 'regionName'),
  regField('regionName of spaces', regBody({ regionName: '     ' }), 'regionName'),
  regField('contact name of 101 characters', contact('contactSwv', { name: 'N'.repeat(101) }), 'contactSwv.name'),
  regField('contact role of 101 characters', contact('contactGemeenten', { role: 'F'.repeat(101) }), 'contactGemeenten.role'),
  regField('email of 300 characters', contact('contactGemeenten', { email: `${'a'.repeat(290)}@${MARK}` }), 'contactGemeenten.email'),
  regField('phone of 21 characters', contact('contactSwv', { phone: '0'.repeat(21) }), 'contactSwv.phone'),
  regField('phone with letters', contact('contactSwv', { phone: '06-BELMENU' }), 'contactSwv.phone'),
  regField('phone of dashes only', contact('contactSwv', { phone: '-----------' }), 'contactSwv.phone'),
  regField('61 gemeenten', regBody({ gemeenten: GEMEENTEN.slice(0, 61).map((g) => g.code) }), 'gemeenten'),
  regField('11 SWVs PO', regBody({ swvPo: poCodes.slice(0, 11) }), 'swvPo'),
  regField('no gemeenten', regBody({ gemeenten: [] }), 'gemeenten'),
  regField('no SWV VO', regBody({ swvVo: [] }), 'swvVo'),
  // Unknown codes, duplicates, extra keys
  regField('unknown gemeente', regBody({ gemeenten: ['GM9999'] }), 'gemeenten'),
  regField('gemeente in lower case', regBody({ gemeenten: ['gm0363'] }), 'gemeenten'),
  regField('unknown SWV PO', regBody({ swvPo: ['PO 99-99'] }), 'swvPo'),
  regField('a VO code as SWV PO', regBody({ swvPo: [voCodes[0]] }), 'swvPo'),
  regField('a PO code as SWV VO', regBody({ swvVo: [poCodes[0]] }), 'swvVo'),
  regField('gemeente twice', regBody({ gemeenten: [gemeente.code, gemeente.code] }), 'gemeenten'),
  regField('SWV VO twice', regBody({ swvVo: [gemeente.swvVo, gemeente.swvVo] }), 'swvVo'),
  regField('extra top-level key', regBody({ status: 'goedgekeurd' }), 'status'),
  regField('extra key in a contact', contact('contactGemeenten', { bsn: '123456782' }), 'contactGemeenten.bsn'),
  regField('__proto__ key', regBody().replace('{', '{"__proto__":{"admin":true},'), '__proto__'),
  // Email addresses SES must never see
  regField('CRLF Bcc in email', contact('contactSwv', { email: `x@${MARK}\r\nBcc: y@${MARK}` }), 'contactSwv.email'),
  regField('two addresses', contact('contactGemeenten', { email: `x@${MARK},y@${MARK}` }), 'contactGemeenten.email'),
  regField('display name with address', contact('contactGemeenten', { email: `Jan <x@${MARK}>` }), 'contactGemeenten.email'),
  // The same registration id with other data
  reg('same registrationId, other data', '{registrationBodyOtherName}', { status: 409, code: 'REGISTRATION_CONFLICT' }),
  // The website's form sends from its draft's address (POST /api/aanmelden/{draftId}/versturen)
  reg('a form post to the JSON route', regForm({ regionName: 'Regio Formland' }), { status: 415, page: 'Stuur de gegevens als JSON.' }, FORM_TYPE),
]);

// ---------------------------------------------------------------------------------------------
// Registration form steps: pages of a server-side draft (post, redirect, get)

const step = (name: string, path: string, body: string | Buffer | undefined, expected: Partial<BadRequest> & { status: number }, contentType = FORM_TYPE, method: 'GET' | 'POST' = 'POST'): BadRequest => ({
  name: `aanmelden/stap: ${name}`,
  method,
  path,
  contentType,
  ...(body === undefined ? {} : { body }),
  ...expected,
});
const INVALID_STEP_PAGE = { status: 400, page: 'Deze stap van het formulier bestaat niet' };
const UNKNOWN_DRAFT = 'AAAAAAAAAAAAAAAAAAAAAA';
const GONE_PAGE = { status: 404, page: 'Deze aanmelding bestaat niet (meer)' };
const next = (fields: Record<string, string | string[]> = {}) => regForm({ actie: 'volgende', ...fields });

/** The step posts save their draft (and a start, with errors too, makes one and is counted): nothing else may change. */
const onlyDrafts = (before: Record<string, unknown>[], after: Record<string, unknown>[]) => {
  const other = (items: Record<string, unknown>[]) => items.filter((i) => !String(i.pk).startsWith('DRAFT#') && !String(i.pk).startsWith('RATELIMIT#'));
  expect(other(after)).toEqual(other(before));
};

const stepCases = group('bad registration steps (/api/aanmelden/stap, /api/aanmelden/{draftId}/...)', [
  step('step 0', '/api/aanmelden/{regDraft}/stap/0', next(), INVALID_STEP_PAGE),
  step('step -1', '/api/aanmelden/{regDraft}/stap/-1', next(), INVALID_STEP_PAGE),
  step('step 8', '/api/aanmelden/{regDraft}/stap/8', next(), INVALID_STEP_PAGE),
  step('step 1.5', '/api/aanmelden/{regDraft}/stap/1.5', undefined, INVALID_STEP_PAGE, FORM_TYPE, 'GET'),
  step('step "abc"', '/api/aanmelden/{regDraft}/stap/abc', next(), INVALID_STEP_PAGE),
  step('start with JSON', '/api/aanmelden/stap', JSON.stringify({ regionName: 'Regio X' }), { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, JSON_TYPE),
  step('step with text/plain', '/api/aanmelden/{regDraft}/stap/2', 'gemeenten=GM0363', { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, 'text/plain'),
  step('start over 16 KiB', '/api/aanmelden/stap', next({ regionName: 'x'.repeat(17 * 1024) }), { status: 413, page: TOO_LARGE_PAGE }),
  step('step over 10 MiB', '/api/aanmelden/{regDraft}/stap/2', 'x'.repeat(10 * 1024 * 1024 + 10), { status: 413, code: 'BODY_TOO_LARGE' }),
  step('invalid UTF-8 in the form', '/api/aanmelden/stap', Buffer.from([0x73, 0x74, 0x61, 0x70, 0x3d, 0xff, 0xfe]), { status: 400, page: 'De gegevens konden niet worden gelezen.' }),
  step('start without a region name: to its step 1 (GET, 422)', '/api/aanmelden/stap', next(), { status: 303, location: /^\/api\/aanmelden\/[A-Za-z0-9_-]{22}\/stap\/1$/ }),
  step('an unknown gemeente: back to the step', '/api/aanmelden/{regDraft}/stap/2', next({ gemeenten: ['GM9999', XSS] }), { status: 303, location: /\/stap\/2$/ }),
  step('the step with that error', '/api/aanmelden/{regDraft}/stap/2', undefined, { status: 422, page: 'Kies alleen gemeenten uit de lijst.' }, FORM_TYPE, 'GET'),
  step('a CRLF Bcc in an email: back to the step', '/api/aanmelden/{regDraft}/stap/4', next({ 'contactGemeenten.email': `x@${MARK}\r\nBcc: y@${MARK}` }), { status: 303, location: /\/stap\/4$/ }),
  step('the step with the bad email', '/api/aanmelden/{regDraft}/stap/4', undefined, { status: 422, page: ERROR_SUMMARY }, FORM_TYPE, 'GET'),
  step('a script as region name: back to the step', '/api/aanmelden/{regDraft}/stap/1', next({ regionName: XSS.repeat(5) }), { status: 303, location: /\/stap\/1$/ }),
  step('the step with the script, escaped', '/api/aanmelden/{regDraft}/stap/1', undefined, { status: 422, page: ERROR_SUMMARY }, FORM_TYPE, 'GET'),
  step('an unknown draft', `/api/aanmelden/${UNKNOWN_DRAFT}/stap/2`, undefined, GONE_PAGE, FORM_TYPE, 'GET'),
  step('an unknown draft, JSON', `/api/aanmelden/${UNKNOWN_DRAFT}/stap/2`, undefined, NOT_FOUND, JSON_TYPE, 'GET'),
  step('a malformed draft id', '/api/aanmelden/niet-een-id/stap/2', next({ gemeenten: 'GM0363' }), GONE_PAGE),
  step('the confirmation of an unknown draft', `/api/aanmelden/${UNKNOWN_DRAFT}/ontvangen`, undefined, GONE_PAGE, FORM_TYPE, 'GET'),
  step('the confirmation of a draft not sent: to its check page', '/api/aanmelden/{regDraft}/ontvangen', undefined, { status: 303, location: /\/stap\/7$/ }, FORM_TYPE, 'GET'),
  step('send with a filled honeypot', '/api/aanmelden/{regDraft}/versturen', next({ website: 'https://spam.example' }), { status: 400, page: 'Wij konden de aanmelding niet verwerken' }),
  step('send as JSON', '/api/aanmelden/{regDraft}/versturen', regBody(), { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, JSON_TYPE),
  step('send to an unknown draft', `/api/aanmelden/${UNKNOWN_DRAFT}/versturen`, next(), GONE_PAGE),
  step('send an incomplete draft: to its first incomplete step', '/api/aanmelden/{regDraft}/versturen', next(), { status: 303, location: /\/stap\/1$/ }),
  step('the check page of an incomplete draft, escaped', '/api/aanmelden/{regDraft}/stap/7', undefined, { status: 200, page: 'Controleer uw aanmelding' }, FORM_TYPE, 'GET'),
  step('send over 16 KiB', '/api/aanmelden/{regDraft}/versturen', next({ website: '', x: 'x'.repeat(17 * 1024) }), { status: 413, page: TOO_LARGE_PAGE }),
], onlyDrafts);

// ---------------------------------------------------------------------------------------------
// Questionnaire links

const rq = tailor(currentQuestionnaire('beleid'), { omitThemes: [], extraQuestions: [] });
const steps = questionnaireSteps(rq);
const CLOSING_STEP = steps.findIndex((s) => s.kind === 'afsluiting') + 1;
const CHECK_STEP = steps.length;
const allFields = new Set(itemsOf(rq).map((i) => i.id).concat(stepFields(rq, CLOSING_STEP)));
const step1Answers = () => Object.fromEntries(stepFields(rq, 1).map((f) => [f, '4']));
const step2Fields = stepFields(rq, 2);

const q = (name: string, c: Omit<BadRequest, 'name'>): BadRequest => ({ name: `vragenlijst: ${name}`, ...c });
const UNKNOWN_PAGE = { status: 404, page: UNKNOWN_LINK } as const;
const qForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const UNKNOWN_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAA'; // 22 URL-safe characters, as a real token, but never issued
const UNKNOWN_CODE = 'ABCDEFGHJKMNPQRS'; // 16 Crockford characters, as a resume code, but never issued

const questionnaireCases = group('bad questionnaire links (GET/POST /api/vragenlijst/...)', [
  // Malformed tokens: no link, the table is not even read
  q('token too short', { method: 'GET', path: '/api/vragenlijst/abc', ...UNKNOWN_PAGE }),
  q('token one character short', { method: 'GET', path: `/api/vragenlijst/${UNKNOWN_TOKEN.slice(1)}`, ...UNKNOWN_PAGE }),
  q('token one character long', { method: 'GET', path: `/api/vragenlijst/${UNKNOWN_TOKEN}A`, ...UNKNOWN_PAGE }),
  q('token with bad characters', { method: 'GET', path: '/api/vragenlijst/AAAAAAAAAAAAAAAAAAAA!!', ...UNKNOWN_PAGE }),
  q('token with %-escaped script', { method: 'GET', path: `/api/vragenlijst/${encodeURIComponent(XSS)}`, ...UNKNOWN_PAGE }),
  q('token with an escaped slash', { method: 'GET', path: '/api/vragenlijst/AAAAAAAAAA%2FAAAAAAAAAAA', ...UNKNOWN_PAGE }),
  q('token with a NUL byte', { method: 'GET', path: '/api/vragenlijst/AAAAAAAAAAAAAAAAAAAAA%00', ...UNKNOWN_PAGE }),
  q('token with a broken %-escape', { method: 'GET', path: '/api/vragenlijst/%E0%A4%A', ...NOT_FOUND }),
  q('token of 1000 characters', { method: 'GET', path: `/api/vragenlijst/${'A'.repeat(1000)}`, ...UNKNOWN_PAGE }),
  q('token of 1000 characters, a step', { method: 'GET', path: `/api/vragenlijst/${'A'.repeat(1000)}/1`, ...UNKNOWN_PAGE }),
  q('lower-case resume code', { method: 'GET', path: `/api/vragenlijst/${UNKNOWN_CODE.toLowerCase()}`, ...UNKNOWN_PAGE }),
  q('POST to a malformed token', { path: '/api/vragenlijst/abc/1', contentType: FORM_TYPE, body: qForm({ stap: '1' }), ...UNKNOWN_PAGE }),
  // Well-formed tokens that were never issued
  q('unknown token', { method: 'GET', path: `/api/vragenlijst/${UNKNOWN_TOKEN}`, ...UNKNOWN_PAGE }),
  q('unknown token, step 1', { method: 'GET', path: `/api/vragenlijst/${UNKNOWN_TOKEN}/1`, ...UNKNOWN_PAGE }),
  q('unknown token, thank-you page', { method: 'GET', path: `/api/vragenlijst/${UNKNOWN_TOKEN}/klaar`, ...UNKNOWN_PAGE }),
  q('unknown resume code', { method: 'GET', path: `/api/vragenlijst/${UNKNOWN_CODE}/1`, ...UNKNOWN_PAGE }),
  q('POST to an unknown token', { path: `/api/vragenlijst/${UNKNOWN_TOKEN}/1`, contentType: FORM_TYPE, body: qForm({ stap: '1', ...step1Answers() }), ...UNKNOWN_PAGE }),
  q('versturen through an unknown token', { path: `/api/vragenlijst/${UNKNOWN_TOKEN}/${CHECK_STEP}`, contentType: FORM_TYPE, body: qForm({ actie: 'versturen' }), ...UNKNOWN_PAGE }),
  // Steps that do not exist, on a link that was never used
  q('GET step 0', { method: 'GET', path: '/api/vragenlijst/{fresh}/0', status: 303, location: /\/1$/ }),
  q('GET step -1', { method: 'GET', path: '/api/vragenlijst/{fresh}/-1', status: 303, location: /\/1$/ }),
  q('GET step 999', { method: 'GET', path: '/api/vragenlijst/{fresh}/999', status: 303, location: /\/1$/ }),
  q('GET step "abc"', { method: 'GET', path: '/api/vragenlijst/{fresh}/abc', status: 303, location: /\/1$/ }),
  q('GET thank-you page before sending', { method: 'GET', path: '/api/vragenlijst/{fresh}/klaar', status: 303, location: /\/1$/ }),
  q('POST step 0', { path: '/api/vragenlijst/{fresh}/0', contentType: FORM_TYPE, body: qForm({ stap: '0', ...step1Answers() }), status: 303, location: /\/vragenlijst\/[\w-]+$/ }),
  q('POST step -1', { path: '/api/vragenlijst/{fresh}/-1', contentType: FORM_TYPE, body: qForm({ stap: '-1' }), status: 303, location: /\/vragenlijst\/[\w-]+$/ }),
  q('POST step 1.5', { path: '/api/vragenlijst/{fresh}/1.5', contentType: FORM_TYPE, body: qForm({ stap: '1.5' }), status: 303, location: /\/vragenlijst\/[\w-]+$/ }),
  q('POST step "abc"', { path: '/api/vragenlijst/{fresh}/abc', contentType: FORM_TYPE, body: qForm({ stap: 'abc' }), status: 303, location: /\/vragenlijst\/[\w-]+$/ }),
  q('POST step 999', { path: '/api/vragenlijst/{fresh}/999', contentType: FORM_TYPE, body: qForm({ stap: '999', ...step1Answers() }), status: 303, location: /\/1$/ }),
  // Media type and size
  q('POST with JSON', { path: '/api/vragenlijst/{fresh}/1', contentType: JSON_TYPE, body: JSON.stringify(step1Answers()), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
  q('POST without content type', { path: '/api/vragenlijst/{fresh}/1', body: qForm(step1Answers()), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
  q('POST over 16 KiB', { path: '/api/vragenlijst/{fresh}/1', contentType: FORM_TYPE, body: qForm({ ...step1Answers(), x: 'x'.repeat(17 * 1024) }), status: 413, page: TOO_LARGE_PAGE }),
  q('POST over 10 MiB', { path: '/api/vragenlijst/{fresh}/1', contentType: FORM_TYPE, body: 'x'.repeat(10 * 1024 * 1024 + 10), status: 413, code: 'BODY_TOO_LARGE' }),
  q('POST with invalid UTF-8', { path: '/api/vragenlijst/{fresh}/1', contentType: FORM_TYPE, body: Buffer.from([0x61, 0x3d, 0xff, 0xfe]), status: 400, page: 'De gegevens konden niet worden gelezen.' }),
  // Sending what is not complete: back to the first incomplete step, no response
  q('versturen on a link never used', { path: `/api/vragenlijst/{fresh}/${CHECK_STEP}`, contentType: FORM_TYPE, body: qForm({ stap: String(CHECK_STEP), actie: 'versturen' }), status: 303, location: /\/1$/ }),
  q('versturen from step 1 with all its answers', { path: '/api/vragenlijst/{fresh}/1', contentType: FORM_TYPE, body: qForm({ stap: '1', actie: 'versturen', ...step1Answers() }), status: 303, location: /\/1$/ }),
  q('versturen on a half-answered link', { path: `/api/vragenlijst/{started}/${CHECK_STEP}`, contentType: FORM_TYPE, body: qForm({ stap: String(CHECK_STEP), actie: 'versturen' }), status: 303, location: /\/2$/ }),
  // A link of another kind
  q('the shared link as a personal link', { method: 'GET', path: '/api/vragenlijst/{open}/1', status: 303, location: /\/open-vragenlijst\// }),
]);

/** Posts that are refused with the step page, on a link answered up to step 1: the draft is saved by design (nothing typed is lost). */
const draftCases = group(
  'bad answers on a valid link (422 page; only allowed fields kept, counts unchanged)',
  [
    q('unknown fields only', { path: '/api/vragenlijst/{started}/2', contentType: FORM_TYPE, body: qForm({ stap: '2', admin: 'true', ['__proto__']: 'x', 'b-xx-9': '5' }), status: 422, page: ERROR_SUMMARY }),
    q('answer "6"', { path: '/api/vragenlijst/{started}/2', contentType: FORM_TYPE, body: qForm({ stap: '2', ...Object.fromEntries(step2Fields.map((f) => [f, '6'])) }), status: 422, page: ERROR_SUMMARY }),
    q('answer "0"', { path: '/api/vragenlijst/{started}/2', contentType: FORM_TYPE, body: qForm({ stap: '2', [step2Fields[0]!]: '0' }), status: 422, page: ERROR_SUMMARY }),
    q('answer a script', { path: '/api/vragenlijst/{started}/2', contentType: FORM_TYPE, body: qForm({ stap: '2', [step2Fields[0]!]: XSS }), status: 422, page: ERROR_SUMMARY }),
    q('answer of 5000 characters', { path: '/api/vragenlijst/{started}/2', contentType: FORM_TYPE, body: qForm({ stap: '2', [step2Fields[0]!]: '3'.repeat(5000) }), status: 422, page: ERROR_SUMMARY }),
    q('answers of step 1 posted to step 2', { path: '/api/vragenlijst/{started}/2', contentType: FORM_TYPE, body: qForm({ stap: '2', ...Object.fromEntries(stepFields(rq, 1).map((f) => [f, '1'])) }), status: 422, page: ERROR_SUMMARY }),
    q('rapportcijfer 11', { path: `/api/vragenlijst/{started}/${CLOSING_STEP}`, contentType: FORM_TYPE, body: qForm({ stap: String(CLOSING_STEP), rapportcijfer: '11' }), status: 422, page: ERROR_SUMMARY }),
    q('rapportcijfer "7.5"', { path: `/api/vragenlijst/{started}/${CLOSING_STEP}`, contentType: FORM_TYPE, body: qForm({ stap: String(CLOSING_STEP), rapportcijfer: '7.5' }), status: 422, page: ERROR_SUMMARY }),
    q('unknown background option', {
      path: `/api/vragenlijst/{started}/${CLOSING_STEP}`,
      contentType: FORM_TYPE,
      body: qForm({ stap: String(CLOSING_STEP), rapportcijfer: '7', ...(rq.background[0] ? { [rq.background[0].id]: 'iets-anders' } : { rapportcijfer: 'x' }) }),
      status: 422,
      page: ERROR_SUMMARY,
    }),
  ],
  (before, after) => {
    const isDraft = (i: Record<string, unknown>) => String(i.pk).startsWith('DRAFT#');
    // Every item but the draft of the link is as it was: counts and invitation states unchanged, no response.
    expect(after.filter((i) => !isDraft(i))).toEqual(before.filter((i) => !isDraft(i)));
    expect(after.filter(isDraft).map((i) => i.pk)).toEqual(before.filter(isDraft).map((i) => i.pk));
    // The draft keeps the answers of step 1 and only fields the questionnaire has (the other drafts: the registration's).
    const opens = (i: Record<string, unknown>) => {
      try {
        openDraft(ctx.started!, String(i.sealed));
        return true;
      } catch {
        return false;
      }
    };
    const drafts = after.filter(isDraft).filter(opens);
    expect(drafts).toHaveLength(1);
    const answers = openDraft(ctx.started!, String(drafts[0]!.sealed));
    for (const field of Object.keys(answers)) expect(allFields.has(field), field).toBe(true);
    expect(answers).toMatchObject(step1Answers());
    for (const value of Object.values(answers)) expect(value.length).toBeLessThanOrEqual(40);
  },
);

const open = (name: string, c: Omit<BadRequest, 'name'>): BadRequest => ({ name: `open-vragenlijst: ${name}`, ...c });
const FORMAT_MESSAGE = '16 letters en cijfers';

const openCases = group('bad shared-link requests (/api/open-vragenlijst/...)', [
  open('empty code', { method: 'GET', path: '/api/open-vragenlijst/{open}?code=', status: 422, page: FORMAT_MESSAGE }),
  open('code a script', { method: 'GET', path: `/api/open-vragenlijst/{open}?code=${encodeURIComponent(XSS)}`, status: 422, page: FORMAT_MESSAGE }),
  open('code of 200 characters', { method: 'GET', path: `/api/open-vragenlijst/{open}?code=${'A'.repeat(200)}`, status: 422, page: FORMAT_MESSAGE }),
  open('code of 15 characters', { method: 'GET', path: `/api/open-vragenlijst/{open}?code=${UNKNOWN_CODE.slice(1)}`, status: 422, page: FORMAT_MESSAGE }),
  open('code with a U (not Crockford)', { method: 'GET', path: `/api/open-vragenlijst/{open}?code=UUUUUUUUUUUUUUUU`, status: 422, page: FORMAT_MESSAGE }),
  open('code with a broken %-escape', { method: 'GET', path: '/api/open-vragenlijst/{open}?code=%E0%A4%A', status: 422, page: FORMAT_MESSAGE }),
  open('well-formed code never issued', { method: 'GET', path: `/api/open-vragenlijst/{open}?code=${UNKNOWN_CODE}`, status: 422, page: 'Wij kennen deze code niet' }),
  open('a personal token as code', { method: 'GET', path: '/api/open-vragenlijst/{open}?code={fresh}', status: 422, page: FORMAT_MESSAGE }),
  open('unknown token', { method: 'GET', path: `/api/open-vragenlijst/${UNKNOWN_TOKEN}`, ...UNKNOWN_PAGE }),
  open('unknown token with a code', { method: 'GET', path: `/api/open-vragenlijst/${UNKNOWN_TOKEN}?code=${UNKNOWN_CODE}`, ...UNKNOWN_PAGE }),
  open('malformed token', { method: 'GET', path: '/api/open-vragenlijst/x', ...UNKNOWN_PAGE }),
  open('token of 1000 characters', { method: 'GET', path: `/api/open-vragenlijst/${'A'.repeat(1000)}`, ...UNKNOWN_PAGE }),
  open('POST start to an unknown token', { path: `/api/open-vragenlijst/${UNKNOWN_TOKEN}`, contentType: FORM_TYPE, body: qForm({ actie: 'start' }), ...UNKNOWN_PAGE }),
  open('POST start with JSON', { path: '/api/open-vragenlijst/{open}', contentType: JSON_TYPE, body: '{"actie":"start"}', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
  open('POST start over 16 KiB', { path: '/api/open-vragenlijst/{open}', contentType: FORM_TYPE, body: qForm({ actie: 'start', x: 'x'.repeat(17 * 1024) }), status: 413, page: TOO_LARGE_PAGE }),
  open('POST start over 10 MiB', { path: '/api/open-vragenlijst/{open}', contentType: FORM_TYPE, body: 'x'.repeat(10 * 1024 * 1024 + 10), status: 413, code: 'BODY_TOO_LARGE' }),
]);

// ---------------------------------------------------------------------------------------------
// The region's private response page

const status = (name: string, path: string, expected: Partial<BadRequest> & { status: number }, accept?: string): BadRequest => ({
  name: `respons: ${name}`,
  method: 'GET',
  path,
  ...(accept ? { accept } : {}),
  ...expected,
});
const STATUS_PAGE = { status: 404, page: 'Deze pagina bestaat niet' };

const statusCases = group('bad response-page keys (GET /api/respons/{key})', [
  status('key without a dot', '/api/respons/abcdef', NOT_FOUND),
  status('key that starts with a dot', '/api/respons/.abcdef', NOT_FOUND),
  status('region id only', '/api/respons/{region}', NOT_FOUND),
  status('region id and an empty mac', '/api/respons/{region}.', NOT_FOUND),
  status('wrong mac', '/api/respons/{region}.{wrongMac}', NOT_FOUND),
  status('wrong mac, as a page', '/api/respons/{region}.{wrongMac}', STATUS_PAGE, 'text/html'),
  status('mac of another region', '/api/respons/{otherRegion}.{macOfRegion}', NOT_FOUND),
  status('mac one character short', '/api/respons/{statusKeyShort}', NOT_FOUND),
  status('correct mac, unknown region', '/api/respons/{unknownRegionKey}', NOT_FOUND),
  status('correct mac, region not yet approved', '/api/respons/{pendingRegionKey}', STATUS_PAGE, 'text/html'),
  status('key with a script', `/api/respons/${encodeURIComponent(`${XSS}.x`)}`, STATUS_PAGE, 'text/html'),
  status('key with a broken %-escape', '/api/respons/%E0%A4%A', NOT_FOUND),
  status('key of 1000 characters', `/api/respons/${'r'.repeat(500)}.${'m'.repeat(499)}`, NOT_FOUND),
  status('key with 120 dots', `/api/respons/${'.'.repeat(120)}`, NOT_FOUND),
]);

// ---------------------------------------------------------------------------------------------
// The operator API, correctly signed

const opc = (name: string, method: 'GET' | 'POST', path: string, body: unknown, expected: Partial<BadRequest> & { status: number }): BadRequest => ({
  name: `beheer (signed): ${name}`,
  method,
  path: `/api/beheer${path}`,
  signed: true,
  ...(body === undefined ? {} : { contentType: JSON_TYPE, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  ...expected,
});
const round = (overrides: Record<string, unknown>, drop?: string) => {
  const r: Record<string, unknown> = { regionId: '{region}', groups: ['beleid'], closes: '{closes}', omitThemes: [], extraQuestions: [], ...overrides };
  if (drop) delete r[drop];
  return JSON.stringify(r);
};
const question = (n: number) => ({ text: `Extra vraag nummer ${n} over de samenwerking?`, type: 'likert' });
const LONG_ID = 'r-'.padEnd(3000, 'x');

const operatorCases = group('bad operator requests, correctly signed (/api/beheer/...)', [
  // POST /rondes
  opc('rondes: truncated JSON', 'POST', '/rondes', '{"regionId":', { status: 400, code: 'MALFORMED_JSON' }),
  opc('rondes: empty body', 'POST', '/rondes', '', { status: 400, code: 'MALFORMED_JSON' }),
  opc('rondes: body is an array', 'POST', '/rondes', '[]', VALIDATION),
  opc('rondes: missing closes', 'POST', '/rondes', round({}, 'closes'), { ...VALIDATION, field: 'closes' }),
  opc('rondes: missing regionId', 'POST', '/rondes', round({}, 'regionId'), { ...VALIDATION, field: 'regionId' }),
  opc('rondes: missing groups', 'POST', '/rondes', round({}, 'groups'), { ...VALIDATION, field: 'groups' }),
  opc('rondes: closes as dd-mm-yyyy', 'POST', '/rondes', round({ closes: '31-03-2099' }), { ...VALIDATION, field: 'closes' }),
  opc('rondes: closes 2099-02-30', 'POST', '/rondes', round({ closes: '2099-02-30' }), { ...VALIDATION, field: 'closes' }),
  opc('rondes: closes 2099-13-45', 'POST', '/rondes', round({ closes: '2099-13-45' }), { ...VALIDATION, field: 'closes' }),
  opc('rondes: opens with a time', 'POST', '/rondes', round({ opens: '2099-01-01T00:00:00Z' }), { ...VALIDATION, field: 'opens' }),
  opc('rondes: closes is a number', 'POST', '/rondes', round({ closes: 20990331 }), { ...VALIDATION, field: 'closes' }),
  opc('rondes: unknown group', 'POST', '/rondes', round({ groups: ['leerlingen'] }), { ...VALIDATION, field: 'groups.0' }),
  opc('rondes: no groups', 'POST', '/rondes', round({ groups: [] }), { ...VALIDATION, field: 'groups' }),
  opc('rondes: groups is a string', 'POST', '/rondes', round({ groups: 'beleid' }), { ...VALIDATION, field: 'groups' }),
  opc('rondes: unknown theme', 'POST', '/rondes', round({ omitThemes: ['veiligheid'] }), { ...VALIDATION, field: 'omitThemes.0' }),
  opc('rondes: omitting all 3 themes', 'POST', '/rondes', round({ omitThemes: ['samenwerking', 'samenhang', 'tevredenheid'] }), { ...VALIDATION, field: 'omitThemes' }),
  opc('rondes: 6 extra questions', 'POST', '/rondes', round({ extraQuestions: [1, 2, 3, 4, 5, 6].map(question) }), { ...VALIDATION, field: 'extraQuestions' }),
  opc('rondes: too-short question text', 'POST', '/rondes', round({ extraQuestions: [{ text: 'Kort?', type: 'likert' }] }), { ...VALIDATION, field: 'extraQuestions.0.text' }),
  opc('rondes: question of 301 characters', 'POST', '/rondes', round({ extraQuestions: [{ text: 'V'.repeat(301), type: 'open' }] }), { ...VALIDATION, field: 'extraQuestions.0.text' }),
  opc('rondes: unknown question type', 'POST', '/rondes', round({ extraQuestions: [{ text: 'Hoe tevreden bent u hierover?', type: 'ja-nee' }] }), { ...VALIDATION, field: 'extraQuestions.0.type' }),
  opc('rondes: extra key in a question', 'POST', '/rondes', round({ extraQuestions: [{ ...question(1), verplicht: true }] }), { ...VALIDATION, field: 'extraQuestions.0.verplicht' }),
  opc('rondes: extra key', 'POST', '/rondes', round({ anonymous: false }), { ...VALIDATION, field: 'anonymous' }),
  opc('rondes: regionId of 65 characters', 'POST', '/rondes', round({ regionId: 'r'.repeat(65) }), { ...VALIDATION, field: 'regionId' }),
  opc('rondes: closes before opens', 'POST', '/rondes', round({ opens: '2099-06-01', closes: '2099-05-31' }), VALIDATION),
  opc('rondes: closes yesterday (opens today)', 'POST', '/rondes', round({ closes: '{yesterday}' }), VALIDATION),
  opc('rondes: unknown region', 'POST', '/rondes', round({ regionId: 'r-0000000000' }), NOT_FOUND),
  opc('rondes: region not yet approved', 'POST', '/rondes', round({ regionId: '{pending}' }), { status: 409, code: 'NOT_APPROVED' }),
  opc('rondes: text/plain', 'POST', '/rondes', undefined, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', contentType: 'text/plain', body: round({}) }),
  // POST /rondes/{id}/uitnodigingen
  ...([
    ['count 0', 0],
    ['count -1', -1],
    ['count 2001', 2001],
    ['count 1.5', 1.5],
    ['count a string', '5'],
    ['count null', null],
  ] as const).map(([name, count]) => opc(`uitnodigingen: ${name}`, 'POST', '/rondes/{round}/uitnodigingen', { group: 'beleid', count }, { ...VALIDATION, field: 'count' })),
  opc('uitnodigingen: missing count', 'POST', '/rondes/{round}/uitnodigingen', { group: 'beleid' }, { ...VALIDATION, field: 'count' }),
  opc('uitnodigingen: unknown group', 'POST', '/rondes/{round}/uitnodigingen', { group: 'leerlingen', count: 1 }, { ...VALIDATION, field: 'group' }),
  opc('uitnodigingen: group not in the round', 'POST', '/rondes/{round}/uitnodigingen', { group: 'uitvoering', count: 1 }, VALIDATION),
  opc('uitnodigingen: extra key', 'POST', '/rondes/{round}/uitnodigingen', { group: 'beleid', count: 1, email: `x@${MARK}` }, { ...VALIDATION, field: 'email' }),
  opc('uitnodigingen: malformed JSON', 'POST', '/rondes/{round}/uitnodigingen', '{group: beleid}', { status: 400, code: 'MALFORMED_JSON' }),
  opc('uitnodigingen: unknown round', 'POST', '/rondes/r-0000000000-abcdef/uitnodigingen', { group: 'beleid', count: 1 }, NOT_FOUND),
  opc('uitnodigingen: round id of 3000 characters', 'POST', `/rondes/${LONG_ID}/uitnodigingen`, { group: 'beleid', count: 1 }, NOT_FOUND),
  // POST /rondes/{id}/open-link
  opc('open-link: missing group', 'POST', '/rondes/{round}/open-link', {}, { ...VALIDATION, field: 'group' }),
  opc('open-link: unknown group', 'POST', '/rondes/{round}/open-link', { group: 'ouders' }, { ...VALIDATION, field: 'group' }),
  opc('open-link: group not in the round', 'POST', '/rondes/{round}/open-link', { group: 'ouders-jongeren' }, VALIDATION),
  opc('open-link: no body', 'POST', '/rondes/{round}/open-link', undefined, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
  opc('open-link: unknown round', 'POST', '/rondes/onbekend/open-link', { group: 'beleid' }, NOT_FOUND),
  // POST /regios/{id}/afwijzen (on a region still waiting for a decision: only bad bodies)
  opc('afwijzen: missing reason', 'POST', '/regios/{pending}/afwijzen', {}, { ...VALIDATION, field: 'reason' }),
  opc('afwijzen: reason of 2 characters', 'POST', '/regios/{pending}/afwijzen', { reason: 'Ne' }, { ...VALIDATION, field: 'reason' }),
  opc('afwijzen: reason of spaces', 'POST', '/regios/{pending}/afwijzen', { reason: '      ' }, { ...VALIDATION, field: 'reason' }),
  opc('afwijzen: reason of 501 characters', 'POST', '/regios/{pending}/afwijzen', { reason: 'x'.repeat(501) }, { ...VALIDATION, field: 'reason' }),
  opc('afwijzen: reason is a number', 'POST', '/regios/{pending}/afwijzen', { reason: 404 }, { ...VALIDATION, field: 'reason' }),
  opc('afwijzen: no body', 'POST', '/regios/{pending}/afwijzen', undefined, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
  opc('afwijzen: unknown region', 'POST', '/regios/r-0000000000/afwijzen', { reason: 'Geen SWV VO betrokken' }, NOT_FOUND),
  opc('afwijzen: region already approved', 'POST', '/regios/{region}/afwijzen', { reason: 'Toch niet' }, { status: 409, code: 'ALREADY_DECIDED' }),
  // Unknown ids
  opc('goedkeuren: unknown region', 'POST', '/regios/r-0000000000/goedkeuren', undefined, NOT_FOUND),
  opc('regio: unknown id', 'GET', '/regios/r-0000000000', undefined, NOT_FOUND),
  opc('regio: id with a script', 'GET', `/regios/${encodeURIComponent(XSS)}`, undefined, NOT_FOUND),
  opc('regio: id of 3000 characters', 'GET', `/regios/${LONG_ID}`, undefined, NOT_FOUND),
  opc('ronde: unknown id', 'GET', '/rondes/r-0000000000-abcdef', undefined, NOT_FOUND),
  opc('ronde: id of 3000 characters', 'GET', `/rondes/${LONG_ID}`, undefined, NOT_FOUND),
  opc('sluiten: unknown round', 'POST', '/rondes/r-0000000000-abcdef/sluiten', undefined, NOT_FOUND),
  opc('sluiten: round id of 3000 characters', 'POST', `/rondes/${LONG_ID}/sluiten`, undefined, NOT_FOUND),
  opc('no such operator route', 'GET', '/rondes', undefined, NOT_FOUND),
  opc('POST on the GET-only /regios', 'POST', '/regios', undefined, NOT_FOUND),
]);

// ---------------------------------------------------------------------------------------------
// The operator API without a (valid) signature: the gateway refuses, the handler is never reached

const FORBIDDEN = { status: 403 };
const unsigned = (name: string, method: 'GET' | 'POST', path: string, body?: unknown, signed?: BadRequest['signed']): BadRequest => ({
  name: `beheer (${signed ?? 'unsigned'}): ${name}`,
  method,
  path: `/api/beheer${path}`,
  ...(body === undefined ? {} : { contentType: JSON_TYPE, body: JSON.stringify(body) }),
  ...(signed ? { signed } : {}),
  ...FORBIDDEN,
});

const unsignedCases = group('operator routes without a valid signature (403 from the gateway)', [
  // Each would write or reveal something if it reached the handler.
  unsigned('list regions', 'GET', '/regios'),
  unsigned('show a region (contacts)', 'GET', '/regios/{region}'),
  unsigned('approve', 'POST', '/regios/{pending}/goedkeuren'),
  unsigned('reject', 'POST', '/regios/{pending}/afwijzen', { reason: 'Geen SWV VO betrokken' }),
  unsigned('create a round', 'POST', '/rondes', { regionId: 'r-0000000000', groups: ['beleid'], closes: '2099-01-01' }),
  unsigned('show a round', 'GET', '/rondes/{round}'),
  unsigned('close a round', 'POST', '/rondes/{round}/sluiten'),
  unsigned('make links', 'POST', '/rondes/{round}/uitnodigingen', { group: 'beleid', count: 5 }),
  unsigned('make a shared link', 'POST', '/rondes/{round}/open-link', { group: 'beleid' }),
  unsigned('make the demo', 'POST', '/demo'),
  {
    ...unsigned('a forged Authorization header', 'POST', '/demo'),
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${LOCAL_CREDENTIALS.accessKeyId}/20250101/${LOCAL_REGION}/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      'x-amz-date': '20250101T000000Z',
    },
  },
  unsigned('signed with another secret', 'POST', '/demo', undefined, 'wrong-key'),
  unsigned('signed with another secret: make links', 'POST', '/rondes/{round}/uitnodigingen', { group: 'beleid', count: 5 }, 'wrong-key'),
  unsigned('signature over another body', 'POST', '/rondes/{round}/uitnodigingen', { group: 'beleid', count: 2000 }, 'tampered'),
]);

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  system = await startLocalSystem();
  operator = { baseUrl: system.baseUrl, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, local: true };
  const op = async (method: 'GET' | 'POST', path: string, body?: unknown) => send(operator, { method, path: `/api/beheer${path}`, ...(body === undefined ? {} : { body }) });
  const good = (overrides: Record<string, unknown> = {}) =>
    registration({
      registrationId: randomUUID(),
      contactGemeenten: { name: 'Anna de Vries', role: 'Beleidsadviseur jeugd', email: testAddress() },
      contactSwv: { name: 'Bram Jansen', role: 'Directeur SWV', email: testAddress() },
      ...overrides,
    });

  // One approved region with a round for 'beleid', and one region still waiting for a decision.
  const approvedBody = good({ regionName: 'Regio Goedgekeurd' });
  const registered = await postJson(system.baseUrl, '/api/aanmelden', approvedBody);
  expect(registered.status).toBe(201);
  ctx.region = registered.json.regionId as string;
  ctx.registrationBodyOtherName = JSON.stringify({ ...approvedBody, regionName: 'Regio Anders' });
  const approved = await op('POST', `/regios/${ctx.region}/goedkeuren`);
  expect(approved.status).toBe(200);
  const statusLink = (approved.body as { statusLink: string }).statusLink;
  const statusKey = decodeURIComponent(statusLink.split('/').pop()!);
  // A registration draft with step 1 answered, for the form step cases.
  const regStart = await fetch(`${system.baseUrl}/api/aanmelden/stap`, { method: 'POST', redirect: 'manual', headers: { 'content-type': FORM_TYPE }, body: new URLSearchParams({ regionName: 'Regio Stapland', actie: 'volgende' }) });
  expect(regStart.status).toBe(303);
  ctx.regDraft = /\/api\/aanmelden\/([^/]+)\/stap\/2$/.exec(regStart.headers.get('location')!)![1]!;
  const pending = await postJson(system.baseUrl, '/api/aanmelden', good({ regionName: 'Regio Wachtend' }));
  expect(pending.status).toBe(201);
  ctx.pending = pending.json.regionId as string;

  const key = Buffer.from(process.env.TOKEN_KEY!, 'utf8');
  const mac = statusKey.slice(statusKey.lastIndexOf('.') + 1);
  ctx.wrongMac = `${mac.slice(0, -4)}${mac.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  ctx.macOfRegion = mac;
  ctx.otherRegion = ctx.pending;
  ctx.statusKeyShort = statusKey.slice(0, -1);
  ctx.unknownRegionKey = regionAccessKey(key, 'r-0000000000');
  ctx.pendingRegionKey = regionAccessKey(key, ctx.pending);

  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  ctx.closes = day(30);
  ctx.yesterday = day(-2); // two days back: before today in the Netherlands whatever the UTC hour
  const made = await op('POST', '/rondes', { regionId: ctx.region, groups: ['beleid'], closes: ctx.closes, omitThemes: [], extraQuestions: [] });
  expect(made.status).toBe(201);
  ctx.round = (made.body as { roundId: string }).roundId;
  const links = await op('POST', `/rondes/${ctx.round}/uitnodigingen`, { group: 'beleid', count: 2 });
  expect(links.status).toBe(201);
  const [fresh, started] = (links.body as { links: string[] }).links.map((l) => l.split('/').pop()!);
  ctx.fresh = fresh!;
  ctx.started = started!;
  const shared = await op('POST', `/rondes/${ctx.round}/open-link`, { group: 'beleid' });
  expect(shared.status).toBe(201);
  ctx.open = (shared.body as { link: string }).link.split('/').pop()!;

  // The second link answered up to step 1.
  const saved = await fetch(`${system.baseUrl}/api/vragenlijst/${ctx.started}/1`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': FORM_TYPE },
    body: new URLSearchParams({ stap: '1', actie: 'volgende', ...step1Answers() }),
  });
  expect(saved.status).toBe(303);
  expect(saved.headers.get('location')).toMatch(/\/2$/);
});
afterAll(() => system.close());

describe('the tables', () => {
  it('hold at least 60 distinct malformed requests', () => {
    const all = [...registrationCases, ...stepCases, ...questionnaireCases, ...draftCases, ...openCases, ...statusCases, ...operatorCases, ...unsignedCases];
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  it('sent no mail to any address of a bad request', async () => {
    const store = (await (await fetch(`${system.sesEndpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
    expect(store.emails.filter((e) => e.destination.to.some((to) => to.includes(MARK)))).toEqual([]);
  });
});

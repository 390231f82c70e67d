import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { runtimeSchema } from '../../shared/config/runtime.ts';
import {
  filledLongEnough,
  HONEYPOT_FIELD,
  clientIp,
  draftsPerHour,
  honeypotFilled,
  minFillSeconds,
  rateLimitedResponse,
  submitsPerHour,
} from '../../shared/forms/bot-check.ts';
import {
  FORM_DRAFTS_PER_IP_PER_HOUR,
  REGIOSCAN_MIN_FILL_SECONDS,
  REGIOSCAN_SUBMITS_PER_IP_PER_HOUR,
  REGISTRATION_MIN_FILL_SECONDS,
  REGISTRATIONS_PER_IP_PER_HOUR,
} from '../../shared/privacy.ts';
import { EMAIL_STEP, emptyState } from '../../shared/regioscan/flow.ts';
import { renderStepPage } from '../../shared/regioscan/pages.ts';
import { CHECK_STEP, emptyState as emptyRegistration } from '../../shared/registration/flow.ts';
import { renderRegistrationStep } from '../../shared/registration/pages.ts';
import { rateWindow } from '../../shared/store/rate-limit.ts';
import { honeypotField } from '../../shared/web/form.ts';

const id = randomUUID();
const t0 = new Date('2026-03-03T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('minimum fill time', () => {
  it('counts from a server-side start (when the draft was made): through from the minimum on, refused just before', () => {
    const config = { FORM_MIN_FILL_SECONDS: REGIOSCAN_MIN_FILL_SECONDS } as unknown as Parameters<typeof filledLongEnough>[0];
    expect(filledLongEnough(config, 'registration', t0.toISOString(), later(REGIOSCAN_MIN_FILL_SECONDS))).toBe(true);
    expect(filledLongEnough(config, 'registration', t0.toISOString(), later(REGIOSCAN_MIN_FILL_SECONDS - 1))).toBe(false);
    expect(filledLongEnough({ FORM_MIN_FILL_SECONDS: 0 } as unknown as typeof config, 'registration', t0.toISOString(), t0)).toBe(true);
  });

  it('reads the minimum and the hourly limits from shared/privacy.ts unless the environment replaces them', () => {
    const base = { TABLE_NAME: 'table', PUBLIC_URL: 'http://localhost:4321', MAIL_FROM: 'x@example.nl' };
    const defaults = runtimeSchema.parse(base);
    expect(minFillSeconds(defaults, 'regioscan')).toBe(REGIOSCAN_MIN_FILL_SECONDS);
    expect(minFillSeconds(defaults, 'registration')).toBe(REGISTRATION_MIN_FILL_SECONDS);
    expect(submitsPerHour(defaults, 'regioscan')).toBe(REGIOSCAN_SUBMITS_PER_IP_PER_HOUR);
    expect(submitsPerHour(defaults, 'registration')).toBe(REGISTRATIONS_PER_IP_PER_HOUR);
    expect(REGIOSCAN_MIN_FILL_SECONDS).toBeGreaterThan(0);
    expect(REGISTRATION_MIN_FILL_SECONDS).toBeGreaterThan(0);
    const overridden = runtimeSchema.parse({ ...base, FORM_MIN_FILL_SECONDS: '0', FORM_RATE_LIMIT_PER_HOUR: '7' });
    expect(minFillSeconds(overridden, 'registration')).toBe(0);
    expect(submitsPerHour(overridden, 'regioscan')).toBe(7);
    // Starting a form has its own, wider limit: a draft a minute and more from one address stays possible.
    expect(draftsPerHour(defaults)).toBe(FORM_DRAFTS_PER_IP_PER_HOUR);
    expect(FORM_DRAFTS_PER_IP_PER_HOUR).toBeGreaterThanOrEqual(REGIOSCAN_SUBMITS_PER_IP_PER_HOUR);
    expect(draftsPerHour(runtimeSchema.parse({ ...base, FORM_DRAFT_LIMIT_PER_HOUR: '3' }))).toBe(3);
    expect(() => runtimeSchema.parse({ ...base, FORM_MIN_FILL_SECONDS: '-1' })).toThrow();
  });
});

describe('honeypot', () => {
  it('is filled by any character', () => {
    expect(honeypotFilled(new URLSearchParams({ gemeente: 'GM0363' }))).toBe(false);
    expect(honeypotFilled(new URLSearchParams({ [HONEYPOT_FIELD]: '' }))).toBe(false);
    expect(honeypotFilled(new URLSearchParams({ [HONEYPOT_FIELD]: ' ' }))).toBe(true);
    expect(honeypotFilled(new URLSearchParams({ [HONEYPOT_FIELD]: 'https://spam.example' }))).toBe(true);
  });

  it('is hidden from screen readers and out of the tab order, with a label and no autofill', () => {
    const markup = honeypotField();
    expect(markup).toMatch(/<div class="maoj-hp" aria-hidden="true">/);
    expect(markup).toContain(`<label for="${HONEYPOT_FIELD}">Laat dit veld leeg</label>`);
    expect(markup).toMatch(new RegExp(`<input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off">`));
  });

  it('sits in the form that posts to the submit route, once, and not in the steps before', () => {
    const count = (page: string) => page.split(`name="${HONEYPOT_FIELD}"`).length - 1;
    const draftId = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect(count(renderStepPage(EMAIL_STEP, emptyState(), draftId))).toBe(1);
    expect(count(renderStepPage(1, emptyState(), undefined))).toBe(0);
    expect(count(renderStepPage(2, emptyState(), draftId))).toBe(0);
    expect(count(renderRegistrationStep(CHECK_STEP, emptyRegistration(), draftId))).toBe(1);
    expect(count(renderRegistrationStep(1, emptyRegistration(), undefined))).toBe(0);
    expect(count(renderRegistrationStep(6, emptyRegistration(), draftId))).toBe(0);
  });

  it('no form carries a stamp: the Regioscan and the registration keep their start time in their drafts', () => {
    const draftId = 'AAAAAAAAAAAAAAAAAAAAAA';
    for (const n of [2, EMAIL_STEP]) expect(renderStepPage(n, emptyState(), draftId)).not.toContain('type="hidden"');
    for (const n of [1, 2, CHECK_STEP]) expect(renderRegistrationStep(n, { ...emptyRegistration(), registrationId: id }, draftId)).not.toContain('type="hidden"');
  });

  it('counts the minimum fill time from a server-side start', () => {
    const config = { FORM_MIN_FILL_SECONDS: 8 } as unknown as Parameters<typeof filledLongEnough>[0];
    const started = new Date();
    const after = (s: number) => new Date(started.getTime() + s * 1000);
    expect(filledLongEnough(config, 'regioscan', started.toISOString(), after(7.9))).toBe(false);
    expect(filledLongEnough(config, 'regioscan', started.toISOString(), after(8))).toBe(true);
    expect(filledLongEnough(config, 'regioscan', 'geen tijd', after(60))).toBe(false);
  });
});

describe('client address and rate window', () => {
  const event = (headers: Record<string, string>, sourceIp = '10.0.0.1') =>
    ({ headers, requestContext: { http: { sourceIp } } }) as unknown as APIGatewayProxyEventV2;

  it('takes the last X-Forwarded-For entry (the one CloudFront appended), else the source address', () => {
    expect(clientIp(event({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(event({ 'X-Forwarded-For': '1.2.3.4, 5.6.7.8,  203.0.113.7 ' }))).toBe('203.0.113.7');
    expect(clientIp(event({ 'x-forwarded-for': '2001:DB8::1' }))).toBe('2001:db8::1');
    expect(clientIp(event({}))).toBe('10.0.0.1');
    expect(clientIp(event({ 'x-forwarded-for': ' , ' }))).toBe('10.0.0.1');
  });

  it('counts per UTC hour and says how long until the next', () => {
    expect(rateWindow(new Date('2026-03-03T10:59:30Z'))).toEqual({ hour: '2026-03-03T10', secondsLeft: 30, startSeconds: Date.parse('2026-03-03T10:00:00Z') / 1000 });
    expect(rateWindow(new Date('2026-03-03T11:00:00Z')).secondsLeft).toBe(3600);
  });

  it('answers 429 with Retry-After, as JSON with a stable code or as the given page', () => {
    const json = rateLimitedResponse(125);
    expect(json.statusCode).toBe(429);
    expect(json.headers?.['retry-after']).toBe('125');
    expect(JSON.parse(String(json.body)).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('over 3 minuten') });
    const html = rateLimitedResponse(30, '<p>form</p>');
    expect(html).toMatchObject({ statusCode: 429, body: '<p>form</p>' });
    expect(html.headers?.['content-type']).toContain('text/html');
    expect(html.headers?.['retry-after']).toBe('30');
  });
});

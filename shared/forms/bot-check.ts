import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { purposeKey } from '../aws/secrets.ts';
import type { RuntimeConfig } from '../config/runtime.ts';
import { ERRORS } from '../http/errors.ts';
import { header } from '../http/request.ts';
import { htmlResponse, jsonResponse } from '../http/response.ts';
import { giveBackRateLimit, takeRateLimit } from '../store/rate-limit.ts';
import { renderMessagePage, type MessageLink } from '../web/message-page.ts';
import { HONEYPOT_FIELD } from './bot-fields.ts';
import {
  FORM_DRAFTS_PER_IP_PER_HOUR,
  REGIOSCAN_MIN_FILL_SECONDS,
  REGIOSCAN_SUBMITS_PER_IP_PER_HOUR,
  REGISTRATION_MIN_FILL_SECONDS,
  REGISTRATIONS_PER_IP_PER_HOUR,
} from '../privacy.ts';

/**
 * Bot protection of the public forms without tracking: no cookies, no outside service, nothing a
 * person has to solve. Three checks, each cheap:
 *
 * - a honeypot: one text field that people never see nor reach (hidden on screen and for screen
 *   readers, out of the tab order) and leave empty; a script that fills every field fills it too;
 * - a minimum fill time: the final form post must come at least a few seconds after the form was
 *   started. Both forms keep their answers in a server-side draft, so the start time is the draft's
 *   creation (`filledLongEnough`): nothing travels in the form, so there is nothing to forge;
 * - a rate limit per network address and hour (shared/store/rate-limit.ts), on the submit routes, and
 *   a wider one on starting a form (each start stores a draft for a day).
 *
 * JSON posts (programs using the API) have no draft and no honeypot: only the rate limit applies.
 */
export type BotForm = 'regioscan' | 'registration';

export { HONEYPOT_FIELD };

/** Whether the honeypot was filled in (any character, spaces included). */
export function honeypotFilled(form: URLSearchParams): boolean {
  return (form.get(HONEYPOT_FIELD) ?? '') !== '';
}

/** The minimum fill time of a form: FORM_MIN_FILL_SECONDS when set, else the default of shared/privacy.ts. */
export function minFillSeconds(config: RuntimeConfig, form: BotForm): number {
  return config.FORM_MIN_FILL_SECONDS ?? (form === 'regioscan' ? REGIOSCAN_MIN_FILL_SECONDS : REGISTRATION_MIN_FILL_SECONDS);
}

/** Whether a form started (server-side, e.g. a draft's creation) at `startedAt` was sent late enough. */
export function filledLongEnough(config: RuntimeConfig, form: BotForm, startedAt: string, now: Date): boolean {
  const started = Date.parse(startedAt);
  return Number.isFinite(started) && (now.getTime() - started) / 1000 >= minFillSeconds(config, form);
}

/** The hourly submit limit per address of a form: FORM_RATE_LIMIT_PER_HOUR when set, else shared/privacy.ts. */
export function submitsPerHour(config: RuntimeConfig, form: BotForm): number {
  return config.FORM_RATE_LIMIT_PER_HOUR ?? (form === 'regioscan' ? REGIOSCAN_SUBMITS_PER_IP_PER_HOUR : REGISTRATIONS_PER_IP_PER_HOUR);
}

/** The hourly limit of new drafts per address of a form: FORM_DRAFT_LIMIT_PER_HOUR when set, else shared/privacy.ts. */
export function draftsPerHour(config: RuntimeConfig): number {
  return config.FORM_DRAFT_LIMIT_PER_HOUR ?? FORM_DRAFTS_PER_IP_PER_HOUR;
}

/**
 * The visitor's address. Behind CloudFront the API's own source address is CloudFront's, and CloudFront
 * appends the address that connected to it to X-Forwarded-For: the LAST entry is the one nobody but
 * CloudFront wrote (the entries before it come from the visitor and can be anything). Without the
 * header (the local gateway, a direct call), the connection's source address.
 */
export function clientIp(event: APIGatewayProxyEventV2): string {
  const forwarded = header(event, 'x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return (last ?? event.requestContext?.http?.sourceIp ?? 'unknown').slice(0, 64).toLowerCase();
}

export interface RateLimitDeps {
  doc: DynamoDBDocumentClient;
  config: RuntimeConfig;
  now: () => Date;
}

export type SubmitAllowance =
  /** `giveBack`: call when nothing new was stored (a conflict or a double submit), so it does not count. */
  | { ok: true; giveBack: () => Promise<void> }
  | { ok: false; retryAfterSeconds: number };

/** Counts one submit of `form` from the event's address; `ok: false` when the hour's limit is reached. */
export async function takeSubmitAllowance(deps: RateLimitDeps, event: APIGatewayProxyEventV2, form: BotForm): Promise<SubmitAllowance> {
  const key = await purposeKey(deps.config, 'rate-limit');
  const ip = clientIp(event);
  const now = deps.now();
  const taken = await takeRateLimit(deps.doc, deps.config.TABLE_NAME, key, form, ip, submitsPerHour(deps.config, form), now);
  if (!taken.ok) return taken;
  return {
    ok: true,
    // Best effort: the answer to the visitor does not wait on it failing (the count stays one too high).
    giveBack: () => giveBackRateLimit(deps.doc, deps.config.TABLE_NAME, key, form, ip, now).catch(() => undefined),
  };
}

/** Counts one new draft of `form` from the event's address (a counter apart from the submits'). */
export async function takeDraftAllowance(deps: RateLimitDeps, event: APIGatewayProxyEventV2, form: BotForm): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const key = await purposeKey(deps.config, 'rate-limit');
  return takeRateLimit(deps.doc, deps.config.TABLE_NAME, key, `${form}:start`, clientIp(event), draftsPerHour(deps.config), deps.now());
}

/** 429 with Retry-After for a start over the limit: a page that says so, with a way back. */
export function draftLimitedResponse(retryAfterSeconds: number, back: MessageLink, path: string): APIGatewayProxyStructuredResultV2 {
  return rateLimitedResponse(retryAfterSeconds, renderMessagePage('Probeer het later opnieuw', rateLimitedMessage(retryAfterSeconds), back, path));
}

/** The Dutch message of a refused submit, with the wait in minutes. */
export function rateLimitedMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Vanaf uw netwerk zijn het afgelopen uur veel formulieren verstuurd. Daarom kunnen wij dit formulier nu niet aannemen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}

/**
 * 429 with Retry-After (an HttpError has no headers, so the handler returns this itself): for a form,
 * `page` (the form again with the answers); for a program, the stable code RATE_LIMITED.
 */
export function rateLimitedResponse(retryAfterSeconds: number, page?: string): APIGatewayProxyStructuredResultV2 {
  const response = page
    ? htmlResponse(ERRORS.RATE_LIMITED.status, page)
    : jsonResponse(ERRORS.RATE_LIMITED.status, { error: { code: 'RATE_LIMITED', message: rateLimitedMessage(retryAfterSeconds) } });
  return { ...response, headers: { ...response.headers, 'retry-after': String(retryAfterSeconds) } };
}

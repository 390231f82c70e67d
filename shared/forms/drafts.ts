import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime.ts';
import type { FieldError } from './fields.ts';
import { httpError } from '../http/errors.ts';
import type { ApiResult } from '../http/handler.ts';
import { draftHash, newDraftId, openDraftContent, readDraft, sealDraftContent, writeDraft, DRAFT_ID_PATTERN, type DraftKind, type DraftStore } from '../store/drafts.ts';

/**
 * The HTTP side of multi-step forms kept in a server-side draft (shared/store/drafts.ts): post,
 * redirect, get. A posted step saves the draft and is answered with 303 to the GET page that follows
 * (also when it has errors: that page shows them with 422), so no page in the browser's history is the
 * answer to a post. Used by the Regioscan and the registration; each brings its own kind and content.
 */
export const redirect = (location: string): ApiResult => ({ statusCode: 303, headers: { location, 'cache-control': 'no-store' }, body: '' });

/** What a form's handlers need to read and save drafts. */
export interface DraftDeps {
  store: DraftStore;
  key: Buffer;
  now: () => Date;
}

export async function draftDeps(doc: DynamoDBDocumentClient, config: RuntimeConfig, key: (config: RuntimeConfig) => Promise<Buffer>): Promise<DraftDeps> {
  return { store: { doc, tableName: config.TABLE_NAME }, key: await key(config), now: () => new Date() };
}

/** The last post of a step that had errors, kept in the draft: its GET page shows it with the errors. */
export interface InvalidPost {
  step: number;
  /** What that step posted, as typed; absent when the errors are in answers saved before. */
  fields?: Record<string, string> | [string, string][];
  fromCheck: boolean;
}

/** How a form turns a draft into what a step shows. */
export interface StepFlow<D, S> {
  stateOf: (draft: D, fromCheck: boolean) => S;
  merge: (state: S, step: number, form: URLSearchParams) => S;
  validate: (step: number, state: S) => FieldError[];
}

/** What a step page of a draft shows: the saved answers, or the last post of this step with its errors. */
export function draftStepView<D extends { invalid?: InvalidPost }, S>(draft: D, step: number, fromCheck: boolean, flow: StepFlow<D, S>): { state: S; errors: FieldError[] } {
  const invalid = draft.invalid;
  if (!invalid || invalid.step !== step) return { state: flow.stateOf(draft, fromCheck), errors: [] };
  let state = flow.stateOf(draft, invalid.fromCheck || fromCheck);
  if (invalid.fields) state = flow.merge(state, step, new URLSearchParams(invalid.fields));
  return { state, errors: flow.validate(step, state) };
}

export type Opened<T> = { kind: 'unknown' } | { kind: 'expired' } | { kind: 'open'; draft: T; version: number };

/** The draft of this id: unknown (never made, malformed, or deleted), expired (TTL passed, not yet deleted), or open. */
export async function openFormDraft<T>(deps: DraftDeps, kind: DraftKind, id: string): Promise<Opened<T>> {
  if (!DRAFT_ID_PATTERN.test(id)) return { kind: 'unknown' };
  const stored = await readDraft(deps.store, draftHash(deps.key, kind, id));
  if (!stored) return { kind: 'unknown' };
  if (stored.expiresAt <= deps.now().getTime() / 1000) return { kind: 'expired' };
  try {
    return { kind: 'open', draft: openDraftContent<T>(kind, id, stored.sealed), version: stored.version };
  } catch {
    return { kind: 'unknown' }; // cannot happen for an id we made; an HMAC collision is no draft either
  }
}

/** Makes a new draft with this content; returns its id (the secret in the page address). */
export async function createFormDraft(deps: DraftDeps, kind: DraftKind, content: unknown): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = newDraftId();
    const saved = await writeDraft(deps.store, kind, draftHash(deps.key, kind, id), sealDraftContent(kind, id, content), 0, deps.now());
    if (saved === 'saved') return id;
  }
  throw new Error('could not make a new draft id'); // 128 random bits: never happens
}

/** Saves a draft over `version`; 'stale' when another save (a second tab, a double click) came first. */
export function saveFormDraft(deps: DraftDeps, kind: DraftKind, id: string, content: unknown, version: number): Promise<'saved' | 'stale'> {
  return writeDraft(deps.store, kind, draftHash(deps.key, kind, id), sealDraftContent(kind, id, content), version, deps.now());
}

export interface DraftGoneTexts {
  /** The Dutch page (404 or 410) with a link to start again. */
  page: (expired: boolean) => string;
  /** The message of the JSON answer (programs). */
  expiredMessage: string;
  unknownMessage: string;
}

/** An unknown (404 NOT_FOUND) or expired (410 DRAFT_EXPIRED) draft: never a 5xx. */
export function draftGoneResponse(expired: boolean, texts: DraftGoneTexts): never {
  throw expired
    ? httpError('DRAFT_EXPIRED', [], texts.page(true), texts.expiredMessage)
    : httpError('NOT_FOUND', [], texts.page(false), texts.unknownMessage);
}

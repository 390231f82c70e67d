import { randomUUID } from 'node:crypto';
import { REGIOSCAN_DRAFT_TTL_SECONDS } from '../privacy.ts';
import { createFormDraft, draftStepView, openFormDraft, saveFormDraft, type DraftDeps, type InvalidPost, type Opened } from '../forms/drafts.ts';
import { DRAFT_ID_PATTERN, type DraftKind } from '../store/drafts.ts';
import type { Role } from './definition.ts';
import type { FieldError } from '../forms/fields.ts';
import { mergeStep, validateStep, type FlowState } from './flow.ts';
import type { EmailStatus } from './pages.ts';
import type { ThemeScore } from './scoring.ts';

/**
 * The Regioscan's answers so far live on the server, in a draft under a random id that only the
 * visitor's page address holds (shared/store/drafts.ts: the item key is an HMAC of the id, the content
 * is encrypted with a key derived from it). Every step is a GET page of that draft; a posted step
 * saves and redirects. The draft lives REGIOSCAN_DRAFT_TTL_SECONDS after its last save.
 */
export const REGIOSCAN_DRAFT: DraftKind = { hashPurpose: 'regioscan-draft', cipherInfo: 'regioscan', ttlSeconds: REGIOSCAN_DRAFT_TTL_SECONDS };

export { DRAFT_ID_PATTERN };

/** What was sent: enough for the outcome page; the answers themselves are dropped from the draft then. */
export interface SentOutcome {
  at: string;
  gemeente: string;
  rol: Role;
  scores: ThemeScore[];
  emailStatus: EmailStatus;
  email?: string;
  /** Whether the answers were stored (consent): then the result page link works for good. */
  kept: boolean;
}

export interface RegioscanDraft {
  submissionId: string;
  /** When the draft was made: the bot check's minimum fill time counts from here (no stamp in the form). */
  startedAt: string;
  gemeente?: string;
  rol?: string;
  antwoorden: Record<string, string>;
  email?: string;
  toestemming?: boolean;
  /**
   * The last post that had errors (post, redirect, get also for errors: the GET page of that step shows
   * them with status 422, so no page in the browser's history is the answer to a post). `fields`: what
   * was posted on that step, as typed; absent when the errors are in answers saved before.
   */
  invalid?: InvalidPost & { fields?: Record<string, string> };
  sent?: SentOutcome;
}

export type OpenedDraft = Opened<RegioscanDraft>;
export type { DraftDeps };

/** The draft of this id: unknown (never made, malformed, or deleted), expired (TTL passed, not yet deleted), or open. */
export function openRegioscanDraft(deps: DraftDeps, id: string): Promise<OpenedDraft> {
  return openFormDraft<RegioscanDraft>(deps, REGIOSCAN_DRAFT, id);
}

/** The state a step page shows from a draft. */
export function stateOfDraft(draft: RegioscanDraft, fromCheck = false): FlowState {
  return { submissionId: draft.submissionId, gemeente: draft.gemeente, rol: draft.rol, antwoorden: { ...draft.antwoorden }, email: draft.email, toestemming: draft.toestemming, fromCheck };
}

/** What a step page of a draft shows: the saved answers, or the last post of this step with its errors. */
export function stepView(draft: RegioscanDraft, number: number, fromCheck: boolean): { state: FlowState; errors: FieldError[] } {
  return draftStepView(draft, number, fromCheck, { stateOf: stateOfDraft, merge: mergeStep, validate: validateStep });
}

/**
 * Makes a new draft with the answers of step 1 (valid ones only; `invalid`: what step 1 posted, when it
 * had errors); returns its id (the secret in the page address).
 */
export function createRegioscanDraft(deps: DraftDeps, state: FlowState, invalid?: RegioscanDraft['invalid']): Promise<string> {
  const draft: RegioscanDraft = { submissionId: randomUUID(), startedAt: deps.now().toISOString(), gemeente: state.gemeente, rol: state.rol, antwoorden: {}, ...(invalid ? { invalid } : {}) };
  return createFormDraft(deps, REGIOSCAN_DRAFT, draft);
}

/** Saves a draft over `version`; 'stale' when another save (a second tab, a double click) came first. */
export function saveRegioscanDraft(deps: DraftDeps, id: string, draft: RegioscanDraft, version: number): Promise<'saved' | 'stale'> {
  return saveFormDraft(deps, REGIOSCAN_DRAFT, id, draft, version);
}

/** The draft with the fields of a state (the answers so far), keeping its id and start time; a pending error is cleared. */
export function draftWithState(draft: RegioscanDraft, state: FlowState): RegioscanDraft {
  return {
    submissionId: draft.submissionId,
    startedAt: draft.startedAt,
    ...(state.gemeente !== undefined ? { gemeente: state.gemeente } : {}),
    ...(state.rol !== undefined ? { rol: state.rol } : {}),
    antwoorden: { ...state.antwoorden },
    ...(state.email !== undefined ? { email: state.email } : {}),
    ...(state.toestemming !== undefined ? { toestemming: state.toestemming } : {}),
  };
}

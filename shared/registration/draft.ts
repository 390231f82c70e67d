import { randomUUID } from 'node:crypto';
import { createFormDraft, draftStepView, openFormDraft, saveFormDraft, type DraftDeps, type InvalidPost, type Opened } from '../forms/drafts.ts';
import type { FieldError } from '../forms/fields.ts';
import { REGISTRATION_DRAFT_TTL_SECONDS } from '../privacy.ts';
import type { DraftKind } from '../store/drafts.ts';
import { mergeStep, validateStep, type FlowState } from './flow.ts';
import type { Registration } from './validation.ts';

/**
 * The registration's answers so far live on the server, in a draft under a random id that only the
 * visitor's page address holds (shared/store/drafts.ts: the item key is an HMAC of the id, the content,
 * the contact persons included, is encrypted with a key derived from it). Every step is a GET page of
 * that draft; a posted step saves and redirects. The draft lives REGISTRATION_DRAFT_TTL_SECONDS after
 * its last save.
 */
export const REGISTRATION_DRAFT: DraftKind = { hashPurpose: 'registration-draft', cipherInfo: 'registration', ttlSeconds: REGISTRATION_DRAFT_TTL_SECONDS };

export interface RegistrationDraft {
  /** The registration's id, made with the draft: a double send is one registration. */
  registrationId: string;
  /** When the draft was made: the bot check's minimum fill time counts from here (no stamp in the form). */
  startedAt: string;
  state: Omit<FlowState, 'fromCheck' | 'registrationId'>;
  /**
   * The last post that had errors (post, redirect, get also for errors: the GET page of that step shows
   * them with status 422). `fields`: what was posted on that step, as typed; absent when the errors are
   * in answers saved before.
   */
  invalid?: InvalidPost & { fields?: [string, string][] };
  /** What was sent, for the confirmation page; the answers are dropped from the draft then. */
  sent?: { registration: Registration; warnings: string[] };
}

export type OpenedRegistrationDraft = Opened<RegistrationDraft>;

export function openRegistrationDraft(deps: DraftDeps, id: string): Promise<OpenedRegistrationDraft> {
  return openFormDraft<RegistrationDraft>(deps, REGISTRATION_DRAFT, id);
}

export function saveRegistrationDraft(deps: DraftDeps, id: string, draft: RegistrationDraft, version: number): Promise<'saved' | 'stale'> {
  return saveFormDraft(deps, REGISTRATION_DRAFT, id, draft, version);
}

/** The state a step page shows from a draft. */
export function stateOfDraft(draft: RegistrationDraft, fromCheck = false): FlowState {
  const s = draft.state;
  return {
    registrationId: draft.registrationId,
    ...(s.regionName !== undefined ? { regionName: s.regionName } : {}),
    gemeenten: [...s.gemeenten],
    swvPo: [...s.swvPo],
    swvVo: [...s.swvVo],
    contactGemeenten: { ...s.contactGemeenten },
    contactSwv: { ...s.contactSwv },
    bevestiging: s.bevestiging,
    fromCheck,
  };
}

/** The draft with the answers of a state, keeping its id and start time; a pending error is cleared. */
export function draftWithState(draft: Pick<RegistrationDraft, 'registrationId' | 'startedAt'>, state: FlowState, invalid?: RegistrationDraft['invalid']): RegistrationDraft {
  const { fromCheck: _fromCheck, registrationId: _id, ...answers } = state;
  return { registrationId: draft.registrationId, startedAt: draft.startedAt, state: answers, ...(invalid ? { invalid } : {}) };
}

/** What a step page of a draft shows: the saved answers, or the last post of this step with its errors. */
export function stepView(draft: RegistrationDraft, number: number, fromCheck: boolean): { state: FlowState; errors: FieldError[] } {
  return draftStepView(draft, number, fromCheck, { stateOf: stateOfDraft, merge: mergeStep, validate: validateStep });
}

/** Makes a new draft with these answers (and, when step 1 had errors, what it posted); returns its id. */
export function createRegistrationDraft(deps: DraftDeps, state: FlowState, invalid?: RegistrationDraft['invalid']): Promise<string> {
  return createFormDraft(deps, REGISTRATION_DRAFT, draftWithState({ registrationId: randomUUID(), startedAt: deps.now().toISOString() }, state, invalid));
}

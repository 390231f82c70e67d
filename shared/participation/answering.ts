import { checkComplete, mergeAnswers, answersFromForm, validateStep, firstIncompleteStep, totalSteps, checkStep, type Answers } from '../questionnaires/flow.ts';
import type { FieldError } from '../forms/fields.ts';
import type { RoundQuestionnaire } from '../questionnaires/tailoring.ts';
import {
  completeResponse,
  getDraft,
  getInvitation,
  getRound,
  saveDraft,
  startOpenResponse,
  type Store,
} from '../store/participation-store.ts';
import { roundState, type InvitationRecord, type RoundRecord } from './model.ts';
import { draftHash, invitationHash, newResponseId, newResumeCode, openDraft, sealDraft } from './tokens.ts';

/**
 * Answering a questionnaire through a link: what a token opens, saving a step, completing. Plain
 * functions over the data layer; the handler turns the outcomes into pages and redirects.
 */
export interface AnswerDeps {
  store: Store;
  key: Buffer;
  now: () => Date;
}

export type Opened =
  | { kind: 'unknown' }
  | { kind: 'closed'; round: RoundRecord }
  | { kind: 'not-yet-open'; round: RoundRecord }
  | { kind: 'completed'; round: RoundRecord; rq: RoundQuestionnaire }
  | { kind: 'open-link'; round: RoundRecord; rq: RoundQuestionnaire; invitation: InvitationRecord }
  | { kind: 'answering'; round: RoundRecord; rq: RoundQuestionnaire; invitation: InvitationRecord; hash: string; answers: Answers; version: number };

/** What a token opens right now: nothing, a closed round, a used link, or the answers so far. */
export async function openToken(deps: AnswerDeps, token: string): Promise<Opened> {
  const hash = invitationHash(deps.key, token);
  const invitation = await getInvitation(deps.store, hash);
  if (!invitation) return { kind: 'unknown' };
  const round = await getRound(deps.store, invitation.roundId);
  const rq = round?.questionnaires[invitation.group];
  if (!round || !rq) return { kind: 'unknown' };
  if (invitation.state === 'completed') return { kind: 'completed', round, rq };
  const state = roundState(round, deps.now());
  if (state === 'gesloten') return { kind: 'closed', round };
  if (state === 'gepland') return { kind: 'not-yet-open', round };
  if (invitation.linkKind === 'open-link') return { kind: 'open-link', round, rq, invitation };
  const draft = await getDraft(deps.store, draftHash(deps.key, token));
  const answers = draft ? openDraft(token, draft.sealed) : {};
  return { kind: 'answering', round, rq, invitation, hash, answers, version: draft?.version ?? 0 };
}

/** The step to continue at: the first one with missing answers, or the check page. */
export function resumeStep(rq: RoundQuestionnaire, answers: Answers): number {
  if (Object.keys(answers).length === 0) return 1;
  return firstIncompleteStep(rq, answers) ?? checkStep(rq);
}

export type StepAction = 'volgende' | 'vorige' | 'versturen';

export type StepResult =
  | { kind: 'go'; step: number }
  | { kind: 'errors'; step: number; answers: Answers; errors: FieldError[] }
  | { kind: 'done' }
  | { kind: 'already-completed' }
  | { kind: 'gone'; opened: Opened };

const MAX_SAVE_TRIES = 3;

/**
 * One posted step: merge its answers into the saved ones and save (every step, also "vorige"), then
 * say where to go. On the check page "versturen" completes the response in one transaction.
 */
export async function postStep(deps: AnswerDeps, token: string, step: number, action: StepAction, form: URLSearchParams, backToCheck: boolean): Promise<StepResult> {
  for (let attempt = 0; attempt < MAX_SAVE_TRIES; attempt++) {
    const opened = await openToken(deps, token);
    if (opened.kind !== 'answering') return opened.kind === 'completed' ? { kind: 'already-completed' } : { kind: 'gone', opened };
    const { rq } = opened;
    const check = checkStep(rq);
    // A step the questionnaire does not have saves nothing: continue where the answers stop.
    if (step > check) return { kind: 'go', step: resumeStep(rq, opened.answers) };
    if (action === 'versturen' || step === check) {
      const complete = checkComplete(rq, opened.answers);
      if (!complete.ok) return { kind: 'go', step: complete.step };
      const outcome = await completeResponse(deps.store, { hash: opened.hash, record: opened.invitation }, draftHash(deps.key, token), newResponseId(), {
        group: opened.invitation.group,
        version: rq.version,
        linkKind: opened.invitation.linkKind === 'open' ? 'open' : 'personal',
        answers: complete.answers,
      });
      return outcome === 'completed' ? { kind: 'done' } : { kind: 'already-completed' };
    }
    const stepAnswers = answersFromForm(rq, step, form);
    const answers = mergeAnswers(opened.answers, stepAnswers, rq, step);
    const errors = action === 'volgende' ? validateStep(rq, step, answers) : [];
    // Save also when there are errors: nothing typed is lost, and the page shows what is missing.
    const saved = await saveDraft(deps.store, { hash: opened.hash, record: opened.invitation }, draftHash(deps.key, token), sealDraft(token, answers), opened.version, deps.now());
    if (saved === 'completed') return { kind: 'already-completed' };
    if (saved === 'stale') continue; // another tab saved first: read again and merge
    if (errors.length > 0) return { kind: 'errors', step, answers, errors };
    if (action === 'vorige') return { kind: 'go', step: Math.max(1, step - 1) };
    return { kind: 'go', step: backToCheck ? check : Math.min(step + 1, totalSteps(rq)) };
  }
  throw new Error('draft kept changing while saving');
}

/** A visitor of a shared link starts a fresh response; the resume code is its link from then on. */
export async function startThroughOpenLink(deps: AnswerDeps, invitation: InvitationRecord): Promise<string> {
  const code = newResumeCode();
  await startOpenResponse(deps.store, invitation.roundId, invitation.group, invitationHash(deps.key, code), draftHash(deps.key, code), sealDraft(code, {}), deps.now());
  return code;
}

import { keyedHash } from '../aws/secrets.ts';
import { findGemeente, INDELING_YEAR } from '../areas/gemeenten.ts';
import type { Role } from './definition.ts';
import { scoreRegioscan, type ThemeScore } from './scoring.ts';
import type { RegioscanSubmission } from './validation.ts';

/** limited: not sent because the address had its maximum of emails for the day. */
export type StoredEmailStatus = 'none' | 'pending' | 'sent' | 'failed' | 'limited';

/** A stored Regioscan: what the respondent answered, where, and the scores; never the address. */
export interface SubmissionRecord {
  submissionId: string;
  gemeente: string;
  /** Kept so results can later be grouped per SWV and jeugdregio without a lookup. */
  swvPo: string;
  swvVo: string;
  jeugdregio: string;
  indeling: number;
  rol: Role;
  antwoorden: RegioscanSubmission['antwoorden'];
  scores: ThemeScore[];
  createdAt: string;
  /**
   * No longer written: records stored before keyed hashes carry an unsalted hash of the answers and
   * the address here (see `sameSubmission` for what replaced it); remove it from old items.
   */
  payloadHash?: string;
  emailStatus: StoredEmailStatus;
  emailSentAt?: string;
}

const canonicalAnswers = (antwoorden: RegioscanSubmission['antwoorden']) =>
  JSON.stringify(
    Object.keys(antwoorden)
      .sort()
      .map((k) => [k, antwoorden[k]]),
  );

/**
 * Whether a second submit with the same id is the same Regioscan: the same gemeente, role and answers
 * (all stored in the record anyway, so they are compared as they are: no hash of them is kept). The
 * address is never stored with the submission; whether it is the same one is checked through
 * `addressCheckHash`, which is kept only as long as the address itself may be kept.
 */
export function sameSubmission(stored: SubmissionRecord, incoming: SubmissionRecord): boolean {
  return stored.gemeente === incoming.gemeente && stored.rol === incoming.rol && canonicalAnswers(stored.antwoorden) === canonicalAnswers(incoming.antwoorden);
}

/**
 * A keyed HMAC (the 'submission-duplicate' key) of the submission id and the address it asked the
 * outcome for: it tells a double submit from a submit with the same id and another address, and it
 * cannot be matched against guessed addresses without the environment's secret key.
 */
export function addressCheckHash(duplicateKey: Buffer, submissionId: string, email: string): string {
  return keyedHash(duplicateKey, submissionId, email);
}

export function buildRecord(submission: RegioscanSubmission, now: Date): SubmissionRecord {
  const gemeente = findGemeente(submission.gemeente)!;
  return {
    submissionId: submission.submissionId,
    gemeente: gemeente.code,
    swvPo: gemeente.swvPo,
    swvVo: gemeente.swvVo,
    jeugdregio: gemeente.jeugdregioCode,
    indeling: INDELING_YEAR,
    rol: submission.rol,
    antwoorden: submission.antwoorden,
    scores: scoreRegioscan(submission.antwoorden),
    createdAt: now.toISOString(),
    emailStatus: submission.email ? 'pending' : 'none',
  };
}

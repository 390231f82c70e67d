import { createHash } from 'node:crypto';
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
  payloadHash: string;
  emailStatus: StoredEmailStatus;
  emailSentAt?: string;
}

/** Hash of what the respondent sent, to tell a harmless double submit from a different one. */
export function payloadHash(submission: RegioscanSubmission): string {
  const canonical = JSON.stringify({
    gemeente: submission.gemeente,
    rol: submission.rol,
    antwoorden: Object.keys(submission.antwoorden)
      .sort()
      .map((k) => [k, submission.antwoorden[k]]),
    email: submission.email ?? null,
  });
  return createHash('sha256').update(canonical).digest('hex');
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
    payloadHash: payloadHash(submission),
    emailStatus: submission.email ? 'pending' : 'none',
  };
}

import { randomUUID } from 'node:crypto';
import { purposeKey } from '../aws/secrets.ts';
import { trySendNow, type MailDeps, type OutgoingMail } from '../mail/outbox.ts';
import { addressCheckKey, storeOutcomeEmail, storeSubmission } from '../store/regioscan-store.ts';
import { mailKey, regioscanKey, submissionKey } from '../store/table.ts';
import { renderResultEmail } from './email.ts';
import type { EmailStatus } from './pages.ts';
import { resultPath } from './pages.ts';
import { addressCheckHash, buildRecord, type SubmissionRecord } from './record.ts';
import type { RegioscanSubmission } from './validation.ts';

/**
 * `kept`: the answers were stored (consent). Without consent the record is only computed, for the
 * outcome on screen (and in the email, when an address was given); `outcome` then says whether the
 * email was stored (or nothing at all: 'not-stored').
 */
export type SubmitOutcome =
  | { outcome: 'stored' | 'duplicate' | 'not-stored'; record: SubmissionRecord; duplicate: boolean; emailStatus: EmailStatus; kept: boolean }
  | { outcome: 'conflict' };

const VIEW_STATUS = { none: 'none', pending: 'queued', sent: 'sent', failed: 'failed', limited: 'limited' } as const;

/** Where the outcome email of a submission waits in the outbox. */
export const regioscanMailKey = (submissionId: string) => mailKey(regioscanKey(submissionId));

/**
 * Store first, then send: the submission, its pending email and the address's daily allowance are
 * stored together; then one attempt to send right away. If that fails the email stays pending for
 * the scheduled sender, and the respondent is told so.
 */
export async function submitRegioscan(deps: MailDeps, submission: RegioscanSubmission): Promise<SubmitOutcome> {
  const record = buildRecord(submission, deps.now());
  const kept = submission.toestemming;
  const mail = submission.email
    ? {
        outgoing: {
          key: regioscanMailKey(record.submissionId),
          kind: 'regioscan-outcome',
          to: submission.email,
          // Without consent there is no lasting result page to link to: the email is the copy.
          content: renderResultEmail(record, kept ? `${deps.config.PUBLIC_URL}${resultPath(record.submissionId)}` : undefined),
          // The status follows the submission, or (not stored) the short-lived address check.
          statusOf: kept ? submissionKey(record.submissionId) : addressCheckKey(record.submissionId),
          // Stored already claimed by this request, which sends it right away (no claim round trip).
          claimedBy: randomUUID(),
        } satisfies OutgoingMail,
        addressCheck: addressCheckHash(await purposeKey(deps.config, 'submission-duplicate'), record.submissionId, submission.email),
        limitKey: await purposeKey(deps.config, 'mail-limit'),
      }
    : undefined;
  if (!kept) {
    // Nothing to store without consent and without an address: the outcome is only shown.
    if (!mail) return { outcome: 'not-stored', record, duplicate: false, emailStatus: 'none', kept };
    const stored = await storeOutcomeEmail(deps.doc, deps.config.TABLE_NAME, record.submissionId, mail, deps.now());
    if (stored.outcome === 'conflict') return stored;
    if (stored.outcome === 'duplicate') return { outcome: 'duplicate', record, duplicate: true, emailStatus: VIEW_STATUS[stored.emailStatus], kept };
    if (stored.emailStatus === 'limited') return { outcome: 'stored', record: { ...record, emailStatus: 'limited' }, duplicate: false, emailStatus: 'limited', kept };
    return { outcome: 'stored', record, duplicate: false, emailStatus: await sendNow(deps, mail.outgoing), kept };
  }
  const stored = await storeSubmission(deps.doc, deps.config.TABLE_NAME, { record, mail }, deps.now());
  if (stored.outcome === 'conflict') return stored;
  const duplicate = stored.outcome === 'duplicate';
  if (duplicate || stored.record.emailStatus !== 'pending' || !mail) {
    return { outcome: stored.outcome, record: stored.record, duplicate, emailStatus: VIEW_STATUS[stored.record.emailStatus], kept };
  }
  const emailStatus = await sendNow(deps, mail.outgoing);
  return { outcome: 'stored', record: { ...stored.record, emailStatus: emailStatus === 'sent' ? 'sent' : stored.record.emailStatus }, duplicate, emailStatus, kept };
}

/** One attempt to send the stored email right away; the scheduled sender retries what fails. */
async function sendNow(deps: MailDeps, mail: OutgoingMail): Promise<EmailStatus> {
  const sent = await trySendNow(deps, mail);
  return sent === 'sent' ? 'sent' : sent === 'dead' ? 'failed' : 'queued';
}

import { log } from '../log.ts';
import { cancelPendingMail, takeMailAllowance } from '../mail/limit.ts';
import { sendPendingMail, type MailDeps } from '../mail/outbox.ts';
import { storeSubmission, type SubmissionRecord } from '../store/regioscan-store.ts';
import type { EmailStatus } from './pages.ts';
import type { RegioscanSubmission } from './validation.ts';

export interface SubmitOutcome {
  record: SubmissionRecord;
  duplicate: boolean;
  emailStatus: EmailStatus;
}

const VIEW_STATUS = { none: 'none', pending: 'queued', sent: 'sent', failed: 'failed', limited: 'limited' } as const;

/**
 * Store first, then send: the submission and its pending email are stored together; then one
 * attempt to send right away. If that fails the email stays pending for the scheduled sender,
 * and the respondent is told so.
 */
export async function submitRegioscan(deps: MailDeps, submission: RegioscanSubmission): Promise<SubmitOutcome> {
  const { record, duplicate } = await storeSubmission(deps.doc, deps.config.TABLE_NAME, submission, deps.now());
  if (duplicate || record.emailStatus !== 'pending') {
    return { record, duplicate, emailStatus: VIEW_STATUS[record.emailStatus] };
  }
  if (!(await takeMailAllowance(deps.doc, deps.config.TABLE_NAME, submission.email!, deps.now()))) {
    await cancelPendingMail(deps.doc, deps.config.TABLE_NAME, record.submissionId);
    log('warn', 'mail limit reached for an address', { submissionId: record.submissionId });
    return { record: { ...record, emailStatus: 'limited' }, duplicate, emailStatus: 'limited' };
  }
  let emailStatus: EmailStatus = 'queued';
  try {
    const outcome = await sendPendingMail(deps, record.submissionId);
    if (outcome === 'sent') emailStatus = 'sent';
    if (outcome === 'dead') emailStatus = 'failed';
  } catch (error) {
    // Stored and pending: the scheduled sender will try again.
    log('warn', 'immediate send failed', { submissionId: record.submissionId, errorName: error instanceof Error ? error.name : 'unknown' });
  }
  return { record: { ...record, emailStatus: emailStatus === 'sent' ? 'sent' : record.emailStatus }, duplicate, emailStatus };
}

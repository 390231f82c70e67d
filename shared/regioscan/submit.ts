import { purposeKey } from '../aws/secrets.ts';
import { trySendNow, type MailDeps } from '../mail/outbox.ts';
import { storeSubmission } from '../store/regioscan-store.ts';
import { mailKey, regioscanKey, submissionKey } from '../store/table.ts';
import { renderResultEmail } from './email.ts';
import type { EmailStatus } from './pages.ts';
import { resultPath } from './pages.ts';
import { addressCheckHash, buildRecord, type SubmissionRecord } from './record.ts';
import type { RegioscanSubmission } from './validation.ts';

export type SubmitOutcome =
  | { outcome: 'stored' | 'duplicate'; record: SubmissionRecord; duplicate: boolean; emailStatus: EmailStatus }
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
  const mail = submission.email
    ? {
        outgoing: {
          key: regioscanMailKey(record.submissionId),
          kind: 'regioscan-outcome',
          to: submission.email,
          content: renderResultEmail(record, `${deps.config.PUBLIC_URL}${resultPath(record.submissionId)}`),
          statusOf: submissionKey(record.submissionId),
        },
        addressCheck: addressCheckHash(await purposeKey(deps.config, 'submission-duplicate'), record.submissionId, submission.email),
        limitKey: await purposeKey(deps.config, 'mail-limit'),
      }
    : undefined;
  const stored = await storeSubmission(deps.doc, deps.config.TABLE_NAME, { record, mail }, deps.now());
  if (stored.outcome === 'conflict') return stored;
  const duplicate = stored.outcome === 'duplicate';
  if (duplicate || stored.record.emailStatus !== 'pending') {
    return { outcome: stored.outcome, record: stored.record, duplicate, emailStatus: VIEW_STATUS[stored.record.emailStatus] };
  }
  const sent = await trySendNow(deps, regioscanMailKey(record.submissionId));
  const emailStatus: EmailStatus = sent === 'sent' ? 'sent' : sent === 'dead' ? 'failed' : 'queued';
  return { outcome: 'stored', record: { ...stored.record, emailStatus: sent === 'sent' ? 'sent' : stored.record.emailStatus }, duplicate, emailStatus };
}

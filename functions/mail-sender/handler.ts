import { mailDeps } from '../../shared/aws/clients.ts';
import { log } from '../../shared/log.ts';
import { sendDueMail, type SweepReport } from '../../shared/mail/outbox.ts';

/** Scheduled: sends every pending email that is due, with backoff between attempts. */
export async function handler(): Promise<SweepReport> {
  const report = await sendDueMail(mailDeps());
  if (report.sent + report.retry + report.dead > 0) log('info', 'mail sweep done', { ...report });
  return report;
}

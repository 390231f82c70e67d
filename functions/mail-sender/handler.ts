import type { Context } from 'aws-lambda';
import { mailDeps } from '../../shared/aws/clients.ts';
import { flushMetrics, log } from '../../shared/log.ts';
import { sendDueMail, type SweepReport } from '../../shared/mail/outbox.ts';

/** Time kept free at the end of a run: the last email claimed still gets its SES timeouts and its record. */
const SAFETY_MS = 15_000;

/** Scheduled: sends every pending email that is due, with backoff between attempts, and stops in time. */
export async function handler(_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SweepReport> {
  const stopAt = context ? Date.now() + context.getRemainingTimeInMillis() - SAFETY_MS : Number.POSITIVE_INFINITY;
  try {
    const report = await sendDueMail(mailDeps(), 200, stopAt);
    if (report.sent + report.retry + report.dead > 0) log('info', 'mail sweep done', { ...report });
    return report;
  } finally {
    flushMetrics(); // the DeadMail count of this run (EMF), also when the sweep failed
  }
}

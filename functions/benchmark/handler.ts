import { documentClient } from '../../shared/aws/clients.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { runBenchmarkIfDue, type BenchmarkReport } from '../../shared/benchmark/job.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { log } from '../../shared/log.ts';

/**
 * Scheduled every 15 minutes: works when a round closed (or the demo was made) since the last run, and
 * once every night; on demand (`npm run job -- benchmark`) it always runs.
 */
export async function handler(event?: { force?: boolean }): Promise<BenchmarkReport> {
  const config = runtimeConfig();
  if (!config.REPORTS_BUCKET) throw new Error('REPORTS_BUCKET is not set');
  const report = await runBenchmarkIfDue(
    { store: { doc: documentClient(), tableName: config.TABLE_NAME }, reports: { s3: s3Client(), bucket: config.REPORTS_BUCKET }, now: () => new Date() },
    event?.force === true,
  );
  if (report.ran) log('info', 'benchmark run', { regions: report.regions, rounds: report.rounds, written: report.written, unchanged: report.unchanged, contactsRemoved: report.contactsRemoved });
  return report;
}

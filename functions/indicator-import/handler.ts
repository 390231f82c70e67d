import { s3Client } from '../../shared/aws/s3.ts';
import { documentClient } from '../../shared/aws/clients.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { incomingKeysFromEvent, runImport, type ImportReport } from '../../shared/imports/run.ts';
import { requestSiteRebuild } from '../../shared/imports/site-rebuild.ts';

/**
 * The indicator import: nightly by schedule (everything under incoming/), on upload (the uploaded
 * keys), and on demand (`npm run job -- import`). After a new snapshot went live, the site is rebuilt.
 */
export async function handler(event?: unknown): Promise<ImportReport> {
  const config = runtimeConfig();
  if (!config.IMPORTS_BUCKET) throw new Error('IMPORTS_BUCKET is not set');
  const report = await runImport(
    { s3: s3Client(), doc: documentClient(), bucket: config.IMPORTS_BUCKET, tableName: config.TABLE_NAME, now: () => new Date() },
    incomingKeysFromEvent(event),
  );
  // Two uploads at once start two runs; the one that lost the switch fails, so Lambda retries it
  // (async retries, then the dead-letter queue) and its files do not wait for the next night.
  if (report.raceLost) throw new Error('Another import published first; this run will be retried');
  if (report.published) await requestSiteRebuild(config, report.snapshotId!);
  return report;
}

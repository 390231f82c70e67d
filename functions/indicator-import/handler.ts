import { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { documentClient } from '../../shared/aws/clients.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { PREFIXES, runImport, type ImportReport } from '../../shared/imports/run.ts';
import { requestSiteRebuild } from '../../shared/imports/site-rebuild.ts';

let s3: S3Client | undefined;

/** Keys of an S3 upload notification (URL-encoded, spaces as '+'), limited to incoming/. */
function uploadedKeys(event: unknown): string[] | undefined {
  const records = (event as Partial<S3Event> | undefined)?.Records;
  if (!Array.isArray(records)) return undefined;
  return records
    .map((r) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')))
    .filter((key) => key.startsWith(PREFIXES.incoming));
}

/**
 * The indicator import: nightly by schedule (everything under incoming/), on upload (the uploaded
 * keys), and on demand (`npm run job -- import`). After a new snapshot went live, the site is rebuilt.
 */
export async function handler(event?: unknown): Promise<ImportReport> {
  const config = runtimeConfig();
  if (!config.IMPORTS_BUCKET) throw new Error('IMPORTS_BUCKET is not set');
  s3 ??= new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  const report = await runImport(
    { s3, doc: documentClient(), bucket: config.IMPORTS_BUCKET, tableName: config.TABLE_NAME, now: () => new Date() },
    uploadedKeys(event),
  );
  // Two uploads at once start two runs; the one that lost the switch fails, so Lambda retries it
  // (async retries, then the dead-letter queue) and its files do not wait for the next night.
  if (report.raceLost) throw new Error('Another import published first; this run will be retried');
  if (report.published) await requestSiteRebuild(config, report.snapshotId!);
  return report;
}

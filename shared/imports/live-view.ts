import { S3Client } from '@aws-sdk/client-s3';
import { documentClient } from '../aws/clients.ts';
import { runtimeConfig } from '../config/runtime.ts';
import { buildRegionalView, type RegionalView } from '../regional/view.ts';
import { readLiveSnapshot, readPointer } from './run.ts';

/**
 * The live snapshot as a RegionalView, for the API pages that cannot be static (search, "vergelijk
 * met"). Kept per Lambda container; every call checks the pointer (one small read), so a newly
 * published snapshot is used at once and the pages never mix two snapshots.
 */
let s3: S3Client | undefined;
let cached: RegionalView | undefined;

export async function liveView(): Promise<RegionalView | undefined> {
  const config = runtimeConfig();
  if (!config.IMPORTS_BUCKET) throw new Error('IMPORTS_BUCKET is not set');
  const doc = documentClient();
  const pointer = await readPointer({ doc, tableName: config.TABLE_NAME });
  if (!pointer) return undefined;
  if (cached?.snapshotId === pointer.snapshotId) return cached;
  s3 ??= new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  const snapshot = await readLiveSnapshot({ doc, tableName: config.TABLE_NAME, s3, bucket: config.IMPORTS_BUCKET });
  cached = snapshot ? buildRegionalView(snapshot) : undefined;
  return cached;
}

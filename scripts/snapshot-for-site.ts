import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readLiveSnapshot } from '../shared/imports/run.ts';
import { compileSeed } from '../shared/imports/seed.ts';
import type { PublishedSnapshot } from '../shared/imports/snapshot.ts';

/**
 * The figures the regional pages are built from, written to site/.data/snapshot.json:
 * - SNAPSHOT_SOURCE=live: the live snapshot of an environment (pointer in TABLE_NAME, JSON in
 *   IMPORTS_BUCKET) — the CodeBuild rebuild in AWS, and `npm start` after its local import;
 * - SNAPSHOT_FILE=path: a given snapshot file;
 * - otherwise: compiled right here from the real source files in data/indicators, exactly as the
 *   import would publish them (a fresh clone, the tests).
 */
export const SITE_SNAPSHOT_PATH = 'site/.data/snapshot.json';

export async function loadSnapshotForSite(env: NodeJS.ProcessEnv = process.env): Promise<PublishedSnapshot> {
  if (env.SNAPSHOT_FILE) return JSON.parse(readFileSync(env.SNAPSHOT_FILE, 'utf8')) as PublishedSnapshot;
  if (env.SNAPSHOT_SOURCE === 'live') {
    if (!env.IMPORTS_BUCKET || !env.TABLE_NAME) throw new Error('SNAPSHOT_SOURCE=live needs IMPORTS_BUCKET and TABLE_NAME');
    const s3 = new S3Client({ forcePathStyle: !!env.AWS_ENDPOINT_URL_S3, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const snapshot = await readLiveSnapshot({ s3, doc, bucket: env.IMPORTS_BUCKET, tableName: env.TABLE_NAME });
    s3.destroy();
    doc.destroy();
    if (snapshot) return snapshot;
    console.warn('No live snapshot yet: building the regional pages from the bundled source files.');
  }
  const compiled = compileSeed();
  if (!compiled.ok) throw new Error(`The source files in data/indicators do not compile: ${compiled.fileName}: ${compiled.errors[0]?.message}`);
  return compiled.snapshot;
}

export async function writeSnapshotForSite(env: NodeJS.ProcessEnv = process.env): Promise<PublishedSnapshot> {
  const snapshot = await loadSnapshotForSite(env);
  mkdirSync(path.dirname(SITE_SNAPSHOT_PATH), { recursive: true });
  writeFileSync(SITE_SNAPSHOT_PATH, JSON.stringify(snapshot));
  return snapshot;
}

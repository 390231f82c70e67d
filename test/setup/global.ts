import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDb, startS3, startSes, type Running } from '../../scripts/local/emulators.ts';
import { LOCAL_BUCKETS } from '../../scripts/local/settings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
    s3Endpoint: string;
  }
}

/**
 * Once per test run: the real emulators (DynamoDB Local in memory, aws-ses-v2-local, s3rver in a temp
 * folder) on free ports, and a fresh build of the site for the browser tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const s3Dir = mkdtempSync(path.join(tmpdir(), 'maoj-s3-'));
  const running: Running[] = [];
  const [dynamodb, ses, s3] = await Promise.all([
    freePort().then((p) => startDynamoDb(p)),
    freePort().then((p) => startSes(p)),
    freePort().then((p) => startS3(p, s3Dir, Object.values(LOCAL_BUCKETS))),
  ]);
  running.push(dynamodb, ses, s3);
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  if (!process.env.SKIP_SITE_BUILD) execSync('npm run -s build:site', { stdio: 'inherit' });
  return async () => {
    for (const r of running) await r.stop();
    rmSync(s3Dir, { recursive: true, force: true });
  };
}

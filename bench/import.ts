import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseSourceFile } from '../shared/indicators/parse.ts';
import { defaultAreaSet, DEFAULT_AREA_SOURCES } from '../shared/areas/default-areas.ts';
import { PREFIXES, runImport, type ImportDeps } from '../shared/imports/run.ts';
import { compileSeed, seedFiles } from '../shared/imports/seed.ts';
import type { SourceFile } from '../shared/imports/snapshot.ts';
import { dynamoClient, ensureTable, freePort, startDynamoDb, startS3 } from '../scripts/local/emulators.ts';
import { localS3 } from '../scripts/local/seed.ts';

/**
 * `npm run bench -- import`: the indicator import over the whole reference data set and over a 10x
 * scale-up (ten byte-distinct copies of every file, so each copy is imported again), in rows per
 * second; the pure parse+compile as the floor; and the site build time for all regional pages.
 * Local figures (s3rver, DynamoDB Local, this machine), for comparing versions of this code.
 */
const seed = seedFiles();
const rowsOf = (files: SourceFile[]) => files.reduce((n, f) => n + String(f.bytes).split('\n').length - 1, 0);
const fmt = (n: number) => Math.round(n).toLocaleString('en');

// Floor: parsing and compiling in memory, no storage (second run, after a warm-up run).
compileSeed(seed);
let t = performance.now();
const areaSet = defaultAreaSet();
for (const f of seed) parseSourceFile(f.fileName, f.bytes, { areaSet, areaSources: { ...DEFAULT_AREA_SOURCES } });
const parseMs = performance.now() - t;
t = performance.now();
const compiled = compileSeed(seed);
const compileMs = performance.now() - t;
if (!compiled.ok) throw new Error('reference set does not compile');

const dynamodb = await startDynamoDb(await freePort());
const s3Dir = mkdtempSync(path.join(tmpdir(), 'maoj-bench-s3-'));
const s3server = await startS3(await freePort(), s3Dir, []);
const s3 = localS3(s3server.endpoint);

async function importRun(label: string, files: SourceFile[]) {
  const bucket = `bench-${randomUUID().slice(0, 8)}`;
  const tableName = `bench-${randomUUID()}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await ensureTable(dynamodb.endpoint, tableName);
  const deps: ImportDeps = { s3, doc: DynamoDBDocumentClient.from(dynamoClient(dynamodb.endpoint)), bucket, tableName, now: () => new Date() };
  for (const f of files) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${PREFIXES.incoming}${f.fileName}`, Body: f.bytes }));
  const start = performance.now();
  const report = await runImport(deps);
  const seconds = (performance.now() - start) / 1000;
  if (report.quarantined.length) throw new Error(`${label}: quarantined ${report.quarantined.map((q) => q.file).join(', ')}`);
  const rows = rowsOf(files);
  console.log(`  ${label.padEnd(28)} ${String(files.length).padStart(3)} files ${fmt(rows).padStart(9)} rows  ${seconds.toFixed(2).padStart(6)} s  ${fmt(rows / seconds).padStart(7)} rows/s`);
  return rows / seconds;
}

process.env.LOG_LEVEL = 'warn';
try {
  const rows = rowsOf(seed);
  console.log(`Reference set: ${seed.length} files, ${fmt(rows)} rows, ${compiled.snapshot.figures.length} figures for ${compiled.snapshot.areas.length} areas`);
  const floor = rows / ((parseMs + compileMs) / 1000);
  console.log(`  floor: parse ${parseMs.toFixed(0)} ms + compile ${compileMs.toFixed(0)} ms in memory = ${fmt(floor)} rows/s`);
  const once = await importRun('import, reference set', seed);
  const tenfold = seed.flatMap((f) =>
    // Blank lines (in the file's own line ending) make each copy byte-distinct with the same rows.
    Array.from({ length: 10 }, (_, i) => ({
      fileName: f.fileName.replace(/\.csv$/, `-copy${i}.csv`),
      bytes: Buffer.concat([Buffer.from(f.bytes), Buffer.from((String(f.bytes).includes('\r\n') ? '\r\n' : '\n').repeat(i))]),
    })),
  );
  const ten = await importRun('import, 10x scale-up', tenfold);
  console.log(`  ratio to floor: reference ${(once / floor).toFixed(2)}x, 10x ${(ten / floor).toFixed(2)}x`);

  console.log('\nSite build (all pages, from the compiled reference set):');
  const buildStart = performance.now();
  execSync('npm run -s build:site', { stdio: 'ignore' });
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const pages = (function count(dir: string): number {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(path.join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);
  })('site/dist');
  console.log(`  ${pages} HTML pages in ${buildSeconds.toFixed(1)} s (${(pages / buildSeconds).toFixed(1)} pages/s)`);
} finally {
  s3.destroy();
  await s3server.stop();
  await dynamodb.stop();
  rmSync(s3Dir, { recursive: true, force: true });
}

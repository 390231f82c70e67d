import { execSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
 *
 * Memory: the real import of one generated 100 MB file (a Kerncijfers wijken en buurten 2024 layout:
 * the gemeente rows and about a million buurt rows, which the layout skips), run in a child process
 * of its own so that s3rver's memory is not counted: peak RSS of that process, against the stated
 * bound of 512 MB (the import function has 2,048 MB). `IMPORT_BENCH=memory` runs only this part.
 */
export const MEMORY_BOUND_MB = 512;
const MEMORY_FILE_MB = 100;

/** A KWB 2024 file of about `mb` MB: the real gemeente rows, then buurt rows (skipped by the layout). */
function generatedKwbFile(mb: number): Buffer {
  const real = readFileSync(path.join('data/indicators', 'cbs_kwb2024_85984NED_gemeente_inwoners.csv'), 'utf8').trimEnd().split(/\r?\n/);
  const extra = Array.from({ length: 12 }, (_, i) => `Kolom_${i + 200}`);
  const header = `${real[0]};${extra.join(';')}`;
  const pad = extra.map(() => '').join(';');
  const lines = [header, ...real.slice(1).map((l) => `${l};${pad}`)];
  let size = lines.reduce((n, l) => n + l.length + 1, 0);
  const target = mb * 1024 * 1024;
  const chunks: string[] = [lines.join('\n'), '\n'];
  for (let i = 0; size < target; i++) {
    const row = `BU${String(i).padStart(8, '0')};${(i * 7919) % 5000};${(i * 31) % 2500};${(i * 17) % 2500};${i % 9000};${i % 3000};${i % 800};${i % 700};${i % 100};${extra.map((_, k) => (i * (k + 3)) % 100000).join(';')}\n`;
    chunks.push(row);
    size += row.length;
  }
  return Buffer.from(chunks.join(''));
}

/** In the child: one import run against the given emulators; prints peak RSS and heap as JSON. */
async function memoryChild(): Promise<void> {
  const env = process.env;
  const s3client = localS3(env.BENCH_S3!);
  const deps: ImportDeps = { s3: s3client, doc: DynamoDBDocumentClient.from(dynamoClient(env.BENCH_DYNAMODB!)), bucket: env.BENCH_BUCKET!, tableName: env.BENCH_TABLE!, now: () => new Date() };
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const baseline = peakRss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const start = performance.now();
  const report = await runImport(deps);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  s3client.destroy();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ baseline, peakRss: Math.max(peakRss, maxRss), peakHeap, seconds, accepted: report.accepted, quarantined: report.quarantined, published: report.published }));
}

async function memoryRun(dynamodbEndpoint: string, s3Endpoint: string): Promise<void> {
  const bucket = `bench-${randomUUID().slice(0, 8)}`;
  const tableName = `bench-${randomUUID()}`;
  const client = localS3(s3Endpoint);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await ensureTable(dynamodbEndpoint, tableName);
  let file: Buffer | undefined = generatedKwbFile(MEMORY_FILE_MB);
  const size = file.length;
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${PREFIXES.incoming}TESTDATA_generated_kwb2024_${MEMORY_FILE_MB}MB.csv`, Body: file }));
  file = undefined;
  client.destroy();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, 'bench/import.ts', '--memory-child'], {
      env: { ...process.env, BENCH_S3: s3Endpoint, BENCH_DYNAMODB: dynamodbEndpoint, BENCH_BUCKET: bucket, BENCH_TABLE: tableName, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`memory child exited with ${code}`))));
  });
  const result = JSON.parse(out.trim().split('\n').pop()!) as { baseline: number; peakRss: number; peakHeap: number; seconds: number; accepted: unknown[]; quarantined: unknown[]; published: boolean };
  if (result.accepted.length !== 1 || !result.published) throw new Error(`memory run: the generated file was not accepted: ${JSON.stringify(result.quarantined)}`);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  const within = result.peakRss <= MEMORY_BOUND_MB * 1024 * 1024;
  console.log(
    `  import of one ${(size / 1024 / 1024).toFixed(0)} MB file: peak RSS ${mb(result.peakRss)} (process at start ${mb(result.baseline)}), peak heap ${mb(result.peakHeap)}, ${result.seconds.toFixed(1)} s; bound ${MEMORY_BOUND_MB} MB: ${within ? 'within' : 'EXCEEDED'}`,
  );
}

if (process.argv.includes('--memory-child')) {
  await memoryChild();
  process.exit(0);
}
const memoryOnly = process.env.IMPORT_BENCH === 'memory';
const seed = seedFiles();
const rowsOf = (files: SourceFile[]) => files.reduce((n, f) => n + String(f.bytes).split('\n').length - 1, 0);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
class SkipRest extends Error {}

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
  console.log(`Memory (bound ${MEMORY_BOUND_MB} MB):`);
  await memoryRun(dynamodb.endpoint, s3server.endpoint);
  if (memoryOnly) throw new SkipRest();
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
} catch (error) {
  if (!(error instanceof SkipRest)) throw error;
} finally {
  s3.destroy();
  await s3server.stop();
  await dynamodb.stop();
  rmSync(s3Dir, { recursive: true, force: true });
}

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RegionResults } from '../shared/benchmark/model.ts';
import { runBenchmark, type BenchmarkDeps, type BenchmarkReport } from '../shared/benchmark/job.ts';
import { resetRuntimeConfig } from '../shared/config/runtime.ts';
import { dutchDay, type RegionRecord } from '../shared/participation/model.ts';
import { openRound, type OperatorDeps } from '../shared/participation/operations.ts';
import { regionAccessKey, newResponseId } from '../shared/participation/tokens.ts';
import { GROUP_IDS, type GroupId } from '../shared/questionnaires/definition.ts';
import { renderReportPdf } from '../shared/report/pdf.ts';
import { FUNCTIONS, type FunctionName } from '../shared/routes.ts';
import { closeRound, getRound, storeDemoResponses, storeRegistrationRecord, type Store, type StoredResponse } from '../shared/store/participation-store.ts';
import { resultsOfRegion } from '../shared/store/results-store.ts';
import { responsePrefix, roundPk } from '../shared/store/table.ts';
import { dynamoClient, emulatorEnv, ensureTable, freePort, startDynamoDb, startS3 } from '../scripts/local/emulators.ts';
import { createGateway, listen, type LambdaHandler } from '../scripts/local/gateway.ts';
import { localS3 } from '../scripts/local/seed.ts';
import { demoAnswers, demoRegion, generator } from '../shared/participation/demo.ts';

/**
 * `npm run bench -- benchmark [--responses N]`: the benchmark job over 100,000 made-up responses
 * (TESTDATA) in 50 regions with 3 closed rounds each, against DynamoDB Local (in memory) and s3rver:
 * seeding time; the job's time and peak memory next to a floor measured in the same run (a bare Query
 * of the same response items); PDF time per report; the unchanged re-run; and the results page's
 * read latency through the local gateway. Local figures, for comparing versions of this code.
 * Not part of the plain `npm run bench` (it takes several minutes): run it on request.
 */
const arg = process.argv.indexOf('--responses');
const RESPONSES = arg > 0 ? Number(process.argv[arg + 1]) : Number(process.env.BENCH_RESPONSES ?? 100_000);
const REGIONS = 50;
const ROUNDS_PER_REGION = 3;
const PAGE_REQUESTS = 200;
const PDF_SAMPLES = 5;
/** Write transactions in flight while seeding (each: 90 responses and the group's counter). */
const SEED_CONCURRENCY = 4;
/** The demo's proportions of the three groups. */
const GROUP_SHARE: Record<GroupId, number> = { beleid: 14, uitvoering: 38, 'ouders-jongeren': 27 };

if (!Number.isInteger(RESPONSES) || RESPONSES < REGIONS * ROUNDS_PER_REGION * 3) {
  console.error(`--responses must be a whole number of at least ${REGIONS * ROUNDS_PER_REGION * 3}`);
  process.exit(2);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** n split as evenly as possible into `parts` whole numbers. */
const split = (n: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));

function groupSplit(n: number): Record<GroupId, number> {
  const total = Object.values(GROUP_SHARE).reduce((a, b) => a + b, 0);
  const beleid = Math.round((n * GROUP_SHARE.beleid) / total);
  const uitvoering = Math.round((n * GROUP_SHARE.uitvoering) / total);
  return { beleid, uitvoering, 'ouders-jongeren': n - beleid - uitvoering };
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

function madeUpRegion(index: number, now: Date): RegionRecord {
  return demoRegion(`benchregio-${String(index + 1).padStart(2, '0')}`, `Benchmarkregio ${index + 1} (TESTDATA)`, now);
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Peak rss and heapUsed, sampled every 100 ms while `work` runs. */
async function withMemory<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rss: number; heap: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  const start = performance.now();
  try {
    const value = await work();
    const elapsed = performance.now() - start;
    sample();
    return { value, ms: elapsed, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

const dynamodb = await startDynamoDb(await freePort());
const s3Dir = mkdtempSync(path.join(tmpdir(), 'maoj-bench-s3-'));
const s3server = await startS3(await freePort(), s3Dir, []);
const tableName = `bench-${randomUUID()}`;
const bucket = `bench-reports-${randomUUID().slice(0, 8)}`;
await ensureTable(dynamodb.endpoint, tableName);
const s3 = localS3(s3server.endpoint);
await s3.send(new CreateBucketCommand({ Bucket: bucket }));
const tokenKeyText = randomBytes(32).toString('hex');
Object.assign(process.env, emulatorEnv({ dynamodb: dynamodb.endpoint, s3: s3server.endpoint, ses: 'http://127.0.0.1:9' }), {
  TABLE_NAME: tableName,
  TOKEN_KEY: tokenKeyText,
  REPORTS_BUCKET: bucket,
  PUBLIC_URL: 'http://localhost:4321',
  MAIL_FROM: 'Monitor AOJ <noreply@monitor-aoj.test>',
  LOG_LEVEL: 'warn',
});
resetRuntimeConfig();
const doc = DynamoDBDocumentClient.from(dynamoClient(dynamodb.endpoint));
const store: Store = { doc, tableName };
const loadHandler = async (name: FunctionName) => ((await import(path.resolve(FUNCTIONS[name].entry))) as { handler: LambdaHandler }).handler;
const server = createGateway({ loadHandler });
const baseUrl = await listen(server, 0);

try {
  // Seeding ---------------------------------------------------------------------------------------
  const now = new Date();
  const today = dutchDay(now);
  const operator: OperatorDeps = { store, key: Buffer.from(tokenKeyText, 'utf8'), publicUrl: 'http://localhost:4321', now: () => now };
  const regions = Array.from({ length: REGIONS }, (_, i) => madeUpRegion(i, now));
  const perRound = split(RESPONSES, REGIONS * ROUNDS_PER_REGION);
  console.log(`Seeding ${fmt(RESPONSES)} made-up responses (TESTDATA): ${REGIONS} regions x ${ROUNDS_PER_REGION} closed rounds, groups in the demo's proportions ${Object.values(GROUP_SHARE).join(':')}`);
  let seedStart = performance.now();
  const rounds: string[] = [];
  const writes: { roundId: string; group: GroupId; responses: { id: string; response: StoredResponse }[] }[] = [];
  for (const [r, region] of regions.entries()) {
    await storeRegistrationRecord(store, region);
    for (let k = 0; k < ROUNDS_PER_REGION; k++) {
      const opens = addDays(today, -400 * (ROUNDS_PER_REGION - k) + (r % 20));
      const made = await openRound(operator, { regionId: region.regionId, groups: [...GROUP_IDS], opens, closes: addDays(opens, 30), omitThemes: [], extraQuestions: [] }, true);
      if (!made.ok) throw new Error(`round of ${region.regionId} could not be created`);
      rounds.push(made.value.roundId);
    }
  }
  const setupMs = performance.now() - seedStart;
  seedStart = performance.now();
  let written = 0;
  for (const [index, roundId] of rounds.entries()) {
    const round = (await getRound(store, roundId))!;
    const random = generator(`${round.regionId}-${round.opens}`);
    const lean = 0.2 + (index % 7) * 0.25;
    const counts = groupSplit(perRound[index]!);
    for (const group of GROUP_IDS) {
      const rq = round.questionnaires[group]!;
      const responses = Array.from({ length: counts[group] }, () => ({
        id: newResponseId(),
        response: { group, version: rq.version, linkKind: 'personal' as const, answers: demoAnswers(rq, random, lean) },
      }));
      // storeDemoResponses writes transactions of 90 responses plus the counter; chunks of 90 keep it one per call.
      for (let i = 0; i < responses.length; i += 90) writes.push({ roundId, group, responses: responses.slice(i, i + 90) });
    }
  }
  const generateMs = performance.now() - seedStart;
  seedStart = performance.now();
  await pool(writes, SEED_CONCURRENCY, async (w) => {
    await storeDemoResponses(store, w.roundId, w.group, w.responses);
    written += w.responses.length;
  });
  writes.length = 0;
  for (const roundId of rounds) await closeRound(store, roundId, now);
  const writeMs = performance.now() - seedStart;
  console.log(`  regions and rounds (openRound): ${s(setupMs)}; generating answers: ${s(generateMs)}`);
  console.log(`  writing ${fmt(written)} responses (transactions of 90 + counter, ${SEED_CONCURRENCY} in flight) and closing: ${s(writeMs)} (${fmt(written / (writeMs / 1000))} responses/s)`);

  // Floor: a bare Query of every response item of every round, as the job reads them -----------------
  const floorQuery = async () => {
    let items = 0;
    for (const roundId of rounds) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': roundPk(roundId), ':prefix': responsePrefix() },
            ExclusiveStartKey: startKey,
          }),
        );
        items += page.Items?.length ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }
    return items;
  };
  await floorQuery(); // warm-up
  const floor = await withMemory(floorQuery);
  console.log(`\nFloor: bare Query of all response items of ${rounds.length} rounds: ${fmt(floor.value)} items in ${s(floor.ms)} (${fmt(floor.value / (floor.ms / 1000))} items/s)`);

  // The job -----------------------------------------------------------------------------------------
  const deps: BenchmarkDeps = { store, reports: { s3, bucket }, now: () => new Date() };
  global.gc?.();
  const base = process.memoryUsage();
  const first = await withMemory(() => runBenchmark(deps));
  const report: BenchmarkReport = first.value;
  console.log(`\nBenchmark job, first run (computes and writes everything, ${report.reports} PDFs):`);
  console.log(`  total time:        ${s(first.ms)}  (${(first.ms / floor.ms).toFixed(1)}x floor)`);
  console.log(`  rounds computed:   ${report.rounds} of ${report.regions} regions (written ${report.written}, unchanged ${report.unchanged})`);
  console.log(`  responses read:    ${fmt(report.responses)} (${fmt(report.responses / (first.ms / 1000))} responses/s over the whole run)`);
  console.log(`  peak memory:       rss ${mib(first.rss)} (before ${mib(base.rss)}, +${mib(first.rss - base.rss)}), heapUsed ${mib(first.heap)} (before ${mib(base.heapUsed)}, +${mib(first.heap - base.heapUsed)})`);

  // PDF generation, measured apart on the stored results of a few regions.
  const pdfTimes: number[] = [];
  const pdfSizes: number[] = [];
  for (const region of regions.slice(0, PDF_SAMPLES + 1)) {
    const stored = await resultsOfRegion(store, region.regionId);
    const results = JSON.parse(stored.at(-1)!.json) as RegionResults;
    const t = performance.now();
    const pdf = await renderReportPdf(results);
    pdfTimes.push(performance.now() - t);
    pdfSizes.push(pdf.length);
  }
  pdfTimes.shift(); // the first render warms fonts and code
  const pdfMedian = median(pdfTimes);
  console.log(`  PDF generation:    median ${ms(pdfMedian)} per report over ${pdfTimes.length} regions (min ${ms(Math.min(...pdfTimes))}, max ${ms(Math.max(...pdfTimes))}), ~${fmt(median(pdfSizes) / 1024)} KiB each;`);
  console.log(`                     x ${report.reports} reports = ~${s(pdfMedian * report.reports)}, ${((100 * pdfMedian * report.reports) / first.ms).toFixed(0)}% of the first run`);

  const second = await withMemory(() => runBenchmark(deps));
  console.log(`\nBenchmark job, re-run with the same input (writes nothing):`);
  console.log(`  total time:        ${s(second.ms)}  (${(second.ms / floor.ms).toFixed(1)}x floor, ${(second.ms / first.ms).toFixed(2)}x first run)`);
  console.log(`  rounds:            ${second.value.rounds}: written ${second.value.written}, unchanged ${second.value.unchanged}, PDFs ${second.value.reports}`);
  console.log(`  peak memory:       rss ${mib(second.rss)}, heapUsed ${mib(second.heap)}`);

  // Read latency of the results page --------------------------------------------------------------
  const keys = regions.map((r) => regionAccessKey(operator.key, r.regionId));
  const getPage = async (key: string) => {
    const res = await fetch(`${baseUrl}/api/uitkomsten/${key}`, { headers: { accept: 'text/html' } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`results page: status ${res.status}`);
    return body.length;
  };
  for (const key of keys.slice(0, 5)) await getPage(key); // warm-up: handler module load, clients
  const pageTimes: number[] = [];
  let pageBytes = 0;
  for (let i = 0; i < PAGE_REQUESTS; i++) {
    const t = performance.now();
    pageBytes += await getPage(keys[i % keys.length]!);
    pageTimes.push(performance.now() - t);
  }
  pageTimes.sort((a, b) => a - b);
  const readFloor: number[] = [];
  for (let i = 0; i < PAGE_REQUESTS; i++) {
    const t = performance.now();
    await resultsOfRegion(store, regions[i % regions.length]!.regionId);
    readFloor.push(performance.now() - t);
  }
  readFloor.sort((a, b) => a - b);
  console.log(`\nResults page (GET /api/uitkomsten/{key}, HTML, through the local gateway), ${PAGE_REQUESTS} requests over ${REGIONS} regions, one at a time:`);
  console.log(`  floor: bare Query of the region's stored results  p50 ${ms(pct(readFloor, 50))}  p95 ${ms(pct(readFloor, 95))}`);
  console.log(`  results page                                      p50 ${ms(pct(pageTimes, 50))}  p95 ${ms(pct(pageTimes, 95))}  (${(pct(pageTimes, 50) / pct(readFloor, 50)).toFixed(1)}x floor at p50), ~${fmt(pageBytes / PAGE_REQUESTS / 1024)} KiB per page`);
} finally {
  server.close();
  doc.destroy();
  s3.destroy();
  await s3server.stop();
  await dynamodb.stop();
  rmSync(s3Dir, { recursive: true, force: true });
}

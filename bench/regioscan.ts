import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { resetRuntimeConfig } from '../shared/config/runtime.ts';
import { FUNCTIONS, type FunctionName } from '../shared/routes.ts';
import { STATEMENTS } from '../shared/regioscan/definition.ts';
import { bundleFunctions } from '../scripts/local/bundle.ts';
import { dynamoClient, emulatorEnv, ensureTable, freePort, startDynamoDb, startSes } from '../scripts/local/emulators.ts';
import { createGateway, listen } from '../scripts/local/gateway.ts';

/**
 * `npm run bench -- regioscan`: bundle sizes and module load time of every function (the cold-start
 * weight), and Regioscan submit latency/throughput through the local gateway against DynamoDB Local
 * and the SES emulator, next to a floor measured in the same run (a bare PutItem on the same table).
 * Local figures only: they compare versions of this code on one machine, not AWS latency.
 */
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const t = performance.now();
        await work(item);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - start) / 1000 };
}

mkdirSync('.local', { recursive: true });
// Inside the repository, so the bundles resolve the AWS SDK from node_modules as Lambda's runtime provides it.
const outDir = mkdtempSync(path.join('.local', 'bench-'));
const loadHandler = await bundleFunctions(outDir);
console.log('Function bundles (minified ESM, AWS SDK external as on Lambda):');
for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
  const file = path.join(outDir, `${name}.mjs`);
  const bytes = readFileSync(file);
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', `const t=performance.now();await import(${JSON.stringify(path.resolve(file))});console.log(performance.now()-t)`], { encoding: 'utf8' });
    loads.push(Number(out.stdout.trim()));
  }
  loads.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(16)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB  gzip ${(gzipSync(bytes).length / 1024).toFixed(1).padStart(6)} KiB  module load median ${ms(loads[1]!)}`);
}

const dynamodb = await startDynamoDb(await freePort());
const ses = await startSes(await freePort());
const table = `bench-${randomUUID()}`;
await ensureTable(dynamodb.endpoint, table);
Object.assign(process.env, emulatorEnv({ dynamodb: dynamodb.endpoint, ses: ses.endpoint }), {
  TABLE_NAME: table,
  PUBLIC_URL: 'http://localhost:4321',
  MAIL_FROM: 'bench@monitor-aoj.test',
  LOG_LEVEL: 'warn',
  // The submit path keys the mail limit and the rate limit with the environment's secret.
  TOKEN_KEY: randomBytes(32).toString('hex'),
  // One machine sends every request: the per-address rate limit would stop the run after 60.
  FORM_RATE_LIMIT_PER_HOUR: '1000000',
});
resetRuntimeConfig();
const server = createGateway({ loadHandler });
const baseUrl = await listen(server, 0);
const doc = DynamoDBDocumentClient.from(dynamoClient(dynamodb.endpoint));

try {
  const answers = Object.fromEntries(STATEMENTS.map((s, i) => [s.id, String((i % 5) + 1)]));
  const ids = Array.from({ length: SUBMISSIONS }, () => randomUUID());
  // Warm up both paths.
  for (const id of ids.slice(0, 10)) await doc.send(new PutCommand({ TableName: table, Item: { pk: `WARM#${id}`, sk: 'X' } }));
  const floor = await timed(ids, CONCURRENCY, async (id) => {
    await doc.send(new PutCommand({ TableName: table, Item: { pk: `FLOOR#${id}`, sk: 'X', answers } }));
  });
  const submit = async (id: string, email: boolean) => {
    const res = await fetch(`${baseUrl}/api/regioscan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ submissionId: id, gemeente: 'GM0363', rol: 'gemeente', antwoorden: answers, toestemming: true, ...(email ? { email: `b-${id.slice(0, 8)}@example.nl` } : {}) }),
    });
    if (res.status !== 201) throw new Error(`status ${res.status}`);
    await res.arrayBuffer();
  };
  await submit(randomUUID(), true);
  const withoutMail = await timed(ids, CONCURRENCY, (id) => submit(id, false));
  const withMail = await timed(ids.map(() => randomUUID()), CONCURRENCY, (id) => submit(id, true));

  const row = (label: string, r: { latencies: number[]; seconds: number }) =>
    console.log(`  ${label.padEnd(34)} p50 ${ms(pct(r.latencies, 50)).padStart(9)}  p95 ${ms(pct(r.latencies, 95)).padStart(9)}  ${(r.latencies.length / r.seconds).toFixed(0).padStart(5)}/s  (${(r.latencies.length / r.seconds / (floor.latencies.length / floor.seconds)).toFixed(2)}x floor)`);
  console.log(`\nRegioscan submit, ${SUBMISSIONS} requests at concurrency ${CONCURRENCY} (DynamoDB Local, SES emulator):`);
  row('floor: bare PutItem', floor);
  row('submit without email', withoutMail);
  row('submit with email (store + send)', withMail);
} finally {
  server.close();
  doc.destroy();
  await ses.stop();
  await dynamodb.stop();
  rmSync(outDir, { recursive: true, force: true });
}

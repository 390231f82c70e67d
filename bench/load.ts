import { randomBytes, randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { resetRuntimeConfig, runtimeConfig } from '../shared/config/runtime.ts';
import { FUNCTIONS } from '../shared/routes.ts';
import { STATEMENTS } from '../shared/regioscan/definition.ts';
import { TABLE_KEYS } from '../shared/store/table.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, emulatorEnv, ensureTable, freePort, startDynamoDb, startSes } from '../scripts/local/emulators.ts';
import { createGateway, listen, type LambdaHandler } from '../scripts/local/gateway.ts';

/**
 * `npm run bench -- load [--seconds 20] [--concurrency 50]`: the Regioscan submit path (POST
 * /api/regioscan, JSON) under load through the local gateway against DynamoDB Local and the SES
 * emulator, next to a floor in the same run: the same gateway, the same route and body, calling a
 * handler that returns at once. Three timed phases (floor, submit without email, submit with email),
 * each `--seconds` long at `--concurrency` clients, print p50/p95/p99 and requests per second.
 *
 * Cost of each stage, measured two ways:
 * 1. inside the load run, by wrapping the handler's own SDK clients (shared/aws/clients.ts; the handler
 *    is loaded from source, so it uses the same module instances) with timing proxies: the time of
 *    every DynamoDB and SES call, per request, sorted into the submit path's stages; what is left of
 *    the handler's time is its own work in the process (parsing, validation, key derivation, scoring,
 *    rendering);
 * 2. each operation alone, against the same emulators: zod validation, key derivation and the keyed
 *    HMACs, the storing transaction with and without email and without the mail limit update, the rate
 *    limit update, an SES SendEmail.
 * Ends with an estimate of the AWS cost per million submissions from these durations (see PRICES).
 * Local figures: everything but DynamoDB Local (Java) runs in this one Node process, the load
 * generator included, so they compare versions of this code on one machine, not AWS latency.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const SECONDS = arg('seconds', 20);
const CONCURRENCY = arg('concurrency', 50);
/** Each operation alone runs this long (at the same concurrency). */
const STAGE_SECONDS = Math.min(5, SECONDS);

/**
 * eu-central-1 list prices in USD, price list as known to us (last read in 2025, not re-read for this
 * run): check before relying on them. Free tiers and monthly fixed fees (WAF web ACL and rules,
 * Secrets Manager secret) left out.
 */
const PRICES = {
  lambdaArmGbSecond: 0.0000133334, // Lambda arm64, per GB-second (first 7.5 billion GB-s a month)
  lambdaRequest: 0.2 / 1e6, // Lambda, per request
  httpApiRequest: 1.2 / 1e6, // API Gateway HTTP API, per request up to 300 million a month (512 KB units)
  dynamoWru: 0.7625 / 1e6, // DynamoDB on-demand, per write request unit (since the price cut of November 2024)
  dynamoRru: 0.1525 / 1e6, // DynamoDB on-demand, per read request unit
  sesEmail: 0.1 / 1000, // SES outbound email, per message
  cloudFrontHttpsRequest: 0.012 / 10_000, // CloudFront HTTPS request, Europe
  cloudFrontOutPerGb: 0.085, // CloudFront data transfer out to the internet, Europe, first 10 TB
  wafRequest: 0.6 / 1e6, // AWS WAF, per request (on in prod)
};

type Stage = 'rate limit' | 'store transaction' | 'mail claim' | 'SES send' | 'mail sent' | 'other DynamoDB';
const STAGES: Stage[] = ['rate limit', 'store transaction', 'mail claim', 'SES send', 'mail sent', 'other DynamoDB'];

interface RequestTrace {
  stages: Map<Stage, number>;
  wcu: number;
  rcu: number;
}
const traceOf = new AsyncLocalStorage<RequestTrace>();

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const ms = (n: number) => (n < 1 ? `${(n * 1000).toFixed(0)} µs` : `${n.toFixed(1)} ms`);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function classify(command: { constructor: { name: string }; input: Record<string, unknown> }): Stage {
  const name = command.constructor.name;
  const input = command.input as { Key?: { pk?: string; sk?: string }; TransactItems?: Array<Record<string, { Key?: { sk?: string }; Item?: { sk?: string } }>> };
  if (name === 'UpdateCommand' && input.Key?.pk?.startsWith('RATELIMIT#')) return 'rate limit';
  if (name === 'UpdateCommand' && input.Key?.sk?.startsWith('MAIL')) return 'mail claim';
  if (name === 'TransactWriteCommand') {
    const first = input.TransactItems?.[0];
    if (first?.Put?.Item?.sk === 'SUBMISSION') return 'store transaction';
    if (first?.Delete?.Key?.sk?.startsWith('MAIL')) return 'mail sent';
  }
  return 'other DynamoDB';
}

/**
 * DynamoDB's size of an item (attribute names plus values, close to the documented rules), to
 * estimate write units: DynamoDB Local reports no consumed capacity.
 */
function itemBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(value).replace(/^-|\.|e.*$/g, '').length / 2) + 1;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + itemBytes(v), 0);
  return 3 + Object.entries(value as object).filter(([, v]) => v !== undefined).reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k) + itemBytes(v), 0);
}
const sizeOf = new Map<string, number>();
const keyId = (key: { pk?: string; sk?: string } | undefined) => `${key?.pk}|${key?.sk}`;
/** The queue index projects keys only (infra/constructs/data.ts): an index entry is well under 1 KB. */
const QUEUE_INDEX_ITEM_UNITS = 1;
const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
/** Estimated write units of one write: 1 per KB (2 in a transaction), plus the queue index's writes for items in it (keys only: 1 each). */
function writeUnits(op: 'Put' | 'Update' | 'Delete', params: { Item?: Record<string, unknown>; Key?: { pk?: string; sk?: string }; UpdateExpression?: string }, transactional: boolean): number {
  const id = keyId(params.Item ? (params.Item as { pk?: string; sk?: string }) : params.Key);
  const bytes = op === 'Put' ? itemBytes(params.Item) : (sizeOf.get(id) ?? 100);
  if (op === 'Put') sizeOf.set(id, bytes);
  const indexed = op === 'Put' ? params.Item?.[TABLE_KEYS.queueIndex.partitionKey] !== undefined : id.endsWith('|MAIL');
  // An update that moves the index's sort key is a delete and a put in the index.
  const indexWrites = !indexed ? 0 : op === 'Update' && params.UpdateExpression?.includes('#qsk') ? 2 : 1;
  if (op === 'Delete') sizeOf.delete(id);
  return kb(bytes) * (transactional ? 2 : 1) + indexWrites * QUEUE_INDEX_ITEM_UNITS;
}
function commandWriteUnits(command: { constructor: { name: string }; input: Record<string, unknown> }): number {
  const name = command.constructor.name;
  const input = command.input as Record<string, never> & { TransactItems?: Array<Record<string, never>> };
  if (name === 'TransactWriteCommand') {
    return (input.TransactItems ?? []).reduce((n, item) => {
      const [op, params] = Object.entries(item)[0] as ['Put' | 'Update' | 'Delete' | 'ConditionCheck', never];
      return n + (op === 'ConditionCheck' ? 0 : writeUnits(op, params, true));
    }, 0);
  }
  if (name === 'PutCommand') return writeUnits('Put', input as never, false);
  if (name === 'UpdateCommand') return writeUnits('Update', input as never, false);
  if (name === 'DeleteCommand') return writeUnits('Delete', input as never, false);
  return 0;
}

/** Wraps a client's `send` so each call's time (and estimated write units) is added to the current request's trace. */
function timeClient(client: { send: (...args: never[]) => Promise<unknown> }, kind: 'dynamodb' | 'ses'): void {
  const original = client.send.bind(client) as (command: unknown, ...rest: unknown[]) => Promise<unknown>;
  (client as { send: unknown }).send = async (command: { constructor: { name: string }; input: Record<string, unknown> }, ...rest: unknown[]) => {
    const trace = traceOf.getStore();
    const start = performance.now();
    try {
      const out = await original(command, ...rest);
      if (trace && kind === 'dynamodb') {
        trace.wcu += commandWriteUnits(command);
        // Reads (a double submit's look-up) do not happen on this path; count them if they do.
        if (/^(Get|Query|Scan)Command$/.test(command.constructor.name)) trace.rcu += 1;
      }
      return out;
    } finally {
      if (trace) {
        const stage = kind === 'ses' ? 'SES send' : classify(command);
        trace.stages.set(stage, (trace.stages.get(stage) ?? 0) + performance.now() - start);
      }
    }
  };
}

// Environment as bench/regioscan.ts: emulators, a key for the keyed hashes, a rate limit one machine cannot reach.
const dynamodb = await startDynamoDb(await freePort());
const ses = await startSes(await freePort());
const table = `bench-load-${randomUUID()}`;
await ensureTable(dynamodb.endpoint, table);
Object.assign(process.env, emulatorEnv({ dynamodb: dynamodb.endpoint, ses: ses.endpoint }), {
  TABLE_NAME: table,
  PUBLIC_URL: 'http://localhost:4321',
  MAIL_FROM: 'bench@monitor-aoj.test',
  LOG_LEVEL: 'warn',
  TOKEN_KEY: randomBytes(32).toString('hex'),
  FORM_RATE_LIMIT_PER_HOUR: '100000000',
});
resetRuntimeConfig();

// The handler from source (after the environment is set), and its clients behind timing proxies.
const clients = await import('../shared/aws/clients.ts');
timeClient(clients.documentClient() as never, 'dynamodb');
timeClient(clients.sesClient() as never, 'ses');
const { handler: submitHandler } = (await import('../functions/regioscan-submit/handler.ts')) as { handler: LambdaHandler };
const { submissionSchema } = await import('../shared/regioscan/validation.ts');
const { derivePurposeKey, keyedHash, purposeKey } = await import('../shared/aws/secrets.ts');
const { addressCheckHash, buildRecord } = await import('../shared/regioscan/record.ts');
const { renderResultEmail } = await import('../shared/regioscan/email.ts');
const { storeSubmission } = await import('../shared/store/regioscan-store.ts');
const { takeRateLimit } = await import('../shared/store/rate-limit.ts');
const { pendingMailPut } = await import('../shared/mail/outbox.ts');
const { regioscanMailKey } = await import('../shared/regioscan/submit.ts');
const { submissionKey } = await import('../shared/store/table.ts');

const FLOOR_HEADER = 'x-bench-floor';
let traces: Array<RequestTrace & { handlerMs: number }> = [];
const floorHandler: LambdaHandler = async () => ({ statusCode: 201, headers: { 'content-type': 'application/json' }, body: '{}' });
const tracedSubmit: LambdaHandler = async (event: APIGatewayProxyEventV2, context: Context) => {
  const trace: RequestTrace = { stages: new Map(), wcu: 0, rcu: 0 };
  const start = performance.now();
  const result = await traceOf.run(trace, () => submitHandler(event, context));
  traces.push({ ...trace, handlerMs: performance.now() - start });
  return result;
};
// One gateway: the floor is the same route, the same body and the same gateway code, with a handler that returns at once.
const server = createGateway({ loadHandler: async () => async (event, context) => (event.headers[FLOOR_HEADER] ? floorHandler(event, context) : tracedSubmit(event, context)) });
const baseUrl = await listen(server, 0);

const answers = Object.fromEntries(STATEMENTS.map((s, i) => [s.id, String((i % 5) + 1)]));
const body = (id: string, email: boolean) =>
  JSON.stringify({ submissionId: id, gemeente: 'GM0363', rol: 'gemeente', antwoorden: answers, toestemming: true, ...(email ? { email: `b-${id.slice(0, 8)}@example.nl` } : {}) });

interface LoadResult {
  latencies: number[];
  seconds: number;
  errors: Map<string, number>;
  responseBytes: number;
}

/** `concurrency` workers call `work` (with the worker's number) until `seconds` are over. */
async function forSeconds(seconds: number, concurrency: number, work: (worker: number) => Promise<number | void>): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let responseBytes = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          responseBytes += (await work(worker)) ?? 0;
          latencies.push(performance.now() - t);
        } catch (error) {
          const key = error instanceof Error ? error.message : String(error);
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - start) / 1000, errors, responseBytes };
}

/**
 * Each worker is one visitor with its own address, as CloudFront passes it (the last X-Forwarded-For
 * entry): the rate limit counts per address, and from one address all workers would queue on one
 * counter item.
 */
const post = async (worker: number, email: boolean, floor = false) => {
  const res = await fetch(`${baseUrl}/api/regioscan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${worker + 1}`, ...(floor ? { [FLOOR_HEADER]: '1' } : {}) },
    body: body(randomUUID(), email),
  });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 201) throw new Error(`status ${res.status}`);
  return bytes;
};

const rps = (r: LoadResult) => r.latencies.length / r.seconds;
const loadRow = (label: string, r: LoadResult, floor?: LoadResult) =>
  console.log(
    `  ${label.padEnd(26)} ${String(r.latencies.length).padStart(6)} ok  p50 ${ms(pct(r.latencies, 50)).padStart(9)}  p95 ${ms(pct(r.latencies, 95)).padStart(9)}  p99 ${ms(pct(r.latencies, 99)).padStart(9)}  ${rps(r).toFixed(0).padStart(5)}/s` +
      (floor ? `  (${(rps(r) / rps(floor)).toFixed(3)}x floor rps)` : '') +
      (r.errors.size ? `  errors: ${[...r.errors].map(([k, n]) => `${k} x${n}`).join(', ')}` : ''),
  );

function stageReport(label: string) {
  const n = traces.length;
  const handler = traces.map((t) => t.handlerMs).sort((a, b) => a - b);
  console.log(`\n  ${label}: ${n} requests, handler p50 ${ms(pct(handler, 50))}, mean ${ms(mean(handler))}; per request (mean; p50/p95 over the requests that had the stage):`);
  let io = 0;
  for (const stage of STAGES) {
    const values = traces.map((t) => t.stages.get(stage)).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    if (!values.length) continue;
    const perRequest = values.reduce((a, b) => a + b, 0) / n;
    io += perRequest;
    console.log(`    ${stage.padEnd(22)} mean ${ms(perRequest).padStart(9)}  p50 ${ms(pct(values, 50)).padStart(9)}  p95 ${ms(pct(values, 95)).padStart(9)}  (${((100 * perRequest) / mean(handler)).toFixed(0)}% of the handler)`);
  }
  const own = mean(handler) - io;
  console.log(`    ${'in-process work'.padEnd(22)} mean ${ms(own).padStart(9)}  (${((100 * own) / mean(handler)).toFixed(0)}%: parsing, validation, keys, scoring, rendering, and waiting for this process's event loop)`);
  const wcu = mean(traces.map((t) => t.wcu));
  const rcu = mean(traces.map((t) => t.rcu));
  console.log(`    DynamoDB per request, estimated from the item sizes: ${wcu.toFixed(1)} write units, ${rcu.toFixed(1)} read units`);
  return { handlerMeanMs: mean(handler), wcu, rcu };
}

try {
  // Warm up: the handler's modules, the SDK clients, the HTTP connections.
  await forSeconds(1, CONCURRENCY, (w) => post(w, true));
  await forSeconds(1, CONCURRENCY, (w) => post(w, false, true));
  traces = [];

  console.log(`\nRegioscan submit (POST /api/regioscan, JSON) through the local gateway, ${CONCURRENCY} concurrent, ${SECONDS} s each (DynamoDB Local, SES emulator):`);
  const floor = await forSeconds(SECONDS, CONCURRENCY, (w) => post(w, false, true));
  loadRow('floor: handler returns', floor);
  traces = [];
  const withoutMail = await forSeconds(SECONDS, CONCURRENCY, (w) => post(w, false));
  const tracesWithout = traces;
  traces = [];
  loadRow('submit without email', withoutMail, floor);
  const withMail = await forSeconds(SECONDS, CONCURRENCY, (w) => post(w, true));
  const tracesWith = traces;
  loadRow('submit with email (+ send)', withMail, floor);
  // One at a time: the handler's time without queueing in the emulators (closer to what Lambda bills).
  traces = [];
  loadRow('one at a time, without email', await forSeconds(STAGE_SECONDS, 1, (w) => post(w, false)));
  const singleWithout = traces;
  traces = [];
  loadRow('one at a time, with email', await forSeconds(STAGE_SECONDS, 1, (w) => post(w, true)));
  const singleWith = traces;

  console.log('\nStages inside the handler under that load (timing proxies around its DynamoDB and SES clients):');
  traces = tracesWithout;
  const costWithout = stageReport('without email');
  traces = tracesWith;
  const costWith = stageReport('with email');
  traces = singleWithout;
  const aloneWithout = stageReport('without email, one at a time');
  traces = singleWith;
  const aloneWith = stageReport('with email, one at a time');

  // Each operation alone.
  const config = runtimeConfig();
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const sesAlone = new SESv2Client({ endpoint: ses.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const sample = (email: boolean) => JSON.parse(body(randomUUID(), email)) as unknown;
  const cpu = (label: string, iterations: number, work: () => unknown) => {
    for (let i = 0; i < 50; i++) work();
    const start = performance.now();
    for (let i = 0; i < iterations; i++) work();
    console.log(`    ${label.padEnd(52)} ${ms((performance.now() - start) / iterations).padStart(9)} per call`);
  };
  console.log(`\nEach operation alone (CPU: one at a time; I/O: ${CONCURRENCY} concurrent, ${STAGE_SECONDS} s each, same emulators):`);
  const inputs = Array.from({ length: 200 }, (_, i) => sample(i % 2 === 0));
  let k = 0;
  cpu('validation: submissionSchema.safeParse', 5000, () => submissionSchema.safeParse(inputs[k++ % inputs.length]));
  const master = Buffer.from(config.TOKEN_KEY!, 'utf8');
  cpu('key derivation: HKDF of one purpose key', 5000, () => derivePurposeKey(master, 'mail-limit'));
  cpu('keyed HMAC of an address (one keyedHash)', 5000, () => keyedHash(master, '2026-01-01', `a${k++}@example.nl`));
  const parsed = submissionSchema.parse(sample(true));
  cpu('record: buildRecord (scoring)', 5000, () => buildRecord(parsed, new Date()));
  const record = buildRecord(parsed, new Date());
  cpu('email: renderResultEmail', 2000, () => renderResultEmail(record, 'http://localhost:4321/regioscan/uitslag/x/'));

  const dupKey = await purposeKey(config, 'submission-duplicate');
  const limitKey = await purposeKey(config, 'mail-limit');
  const rateKey = await purposeKey(config, 'rate-limit');
  const mailWrite = () => {
    const submission = submissionSchema.parse(sample(true));
    const rec = buildRecord(submission, new Date());
    return {
      record: rec,
      mail: {
        outgoing: { key: regioscanMailKey(rec.submissionId), kind: 'regioscan-outcome', to: submission.email!, content: renderResultEmail(rec, 'http://x/'), statusOf: submissionKey(rec.submissionId) },
        addressCheck: addressCheckHash(dupKey, rec.submissionId, submission.email!),
        limitKey,
      },
    };
  };
  const io = async (label: string, work: () => Promise<unknown>) => {
    const r = await forSeconds(STAGE_SECONDS, CONCURRENCY, async () => void (await work()));
    console.log(
      `    ${label.padEnd(52)} p50 ${ms(pct(r.latencies, 50)).padStart(9)}  p95 ${ms(pct(r.latencies, 95)).padStart(9)}  p99 ${ms(pct(r.latencies, 99)).padStart(9)}  ${rps(r).toFixed(0).padStart(5)}/s` +
        (r.errors.size ? `  errors: ${[...r.errors].map(([e, n]) => `${e} x${n}`).join(', ')}` : ''),
    );
  };
  let ip = 0;
  await io('rate limit: takeRateLimit (UpdateItem)', () => takeRateLimit(doc, table, rateKey, 'regioscan', `10.0.${ip++ % 250}.1`, 1e9, new Date()));
  await io('transaction: storeSubmission without email (1 item)', () => storeSubmission(doc, table, { record: buildRecord(submissionSchema.parse(sample(false)), new Date()) }, new Date()));
  await io('transaction: storeSubmission with email (4 items)', () => storeSubmission(doc, table, mailWrite(), new Date()));
  await io('the same without the mail limit update (3 items)', async () => {
    const { record: rec, mail } = mailWrite();
    const now = new Date();
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { ...submissionKey(rec.submissionId), ...rec }, ConditionExpression: 'attribute_not_exists(pk)' } },
          pendingMailPut(table, mail.outgoing, now),
          { Put: { TableName: table, Item: { pk: `REGIOSCANCHECK#${rec.submissionId}`, sk: 'ADDRESS', hash: mail.addressCheck } } },
        ],
      }),
    );
  });
  const content = renderResultEmail(record, 'http://localhost:4321/regioscan/uitslag/x/');
  await io('send: SES SendEmail (emulator)', () =>
    sesAlone.send(
      new SendEmailCommand({
        FromEmailAddress: config.MAIL_FROM,
        Destination: { ToAddresses: [`s-${k++}@example.nl`] },
        Content: { Simple: { Subject: { Data: content.subject }, Body: { Text: { Data: content.text }, Html: { Data: content.html } } } },
      }),
    ),
  );
  doc.destroy();
  sesAlone.destroy();

  // Cost per million submissions, from the measured handler time (billed per ms) and capacity.
  const memoryGb = FUNCTIONS.regioscanSubmit.memoryMb / 1024;
  const responseKb = withMail.responseBytes / Math.max(1, withMail.latencies.length) / 1024;
  const perMillion = (c: { handlerMeanMs: number; wcu: number; rcu: number }, email: boolean) => {
    const parts = {
      'Lambda duration': 1e6 * memoryGb * (Math.ceil(c.handlerMeanMs) / 1000) * PRICES.lambdaArmGbSecond,
      'Lambda requests': 1e6 * PRICES.lambdaRequest,
      'API Gateway HTTP API': 1e6 * PRICES.httpApiRequest,
      'DynamoDB writes/reads': 1e6 * (c.wcu * PRICES.dynamoWru + c.rcu * PRICES.dynamoRru),
      SES: email ? 1e6 * PRICES.sesEmail : 0,
      'CloudFront requests + transfer': 1e6 * PRICES.cloudFrontHttpsRequest + (1e6 * responseKb) / 1024 / 1024 * PRICES.cloudFrontOutPerGb,
      'WAF requests': 1e6 * PRICES.wafRequest,
    };
    return { parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
  };
  const columns = [
    ['no email, alone', perMillion(aloneWithout, false), aloneWithout],
    ['email, alone', perMillion(aloneWith, true), aloneWith],
    ['no email, load', perMillion(costWithout, false), costWithout],
    ['email, load', perMillion(costWith, true), costWith],
  ] as const;
  console.log(
    `\nAWS cost per million submissions in USD (eu-central-1 list prices as known to us, check before relying on them; Lambda arm64 ${FUNCTIONS.regioscanSubmit.memoryMb} MB billed for the mean handler time measured here, one at a time and under the load above):`,
  );
  console.log(`    ${''.padEnd(32)}${columns.map(([label]) => label.padStart(17)).join('')}`);
  for (const key of Object.keys(columns[0][1].parts) as Array<keyof (typeof columns)[0][1]['parts']>) {
    console.log(`    ${key.padEnd(32)}${columns.map(([, c]) => `$${c.parts[key].toFixed(2)}`.padStart(17)).join('')}`);
  }
  console.log(`    ${'total'.padEnd(32)}${columns.map(([, c]) => `$${c.total.toFixed(2)}`.padStart(17)).join('')}`);
  console.log(`    ${'(handler mean)'.padEnd(32)}${columns.map(([, , m]) => ms(m.handlerMeanMs).padStart(17)).join('')}`);
  console.log(`    ${'(DynamoDB write units)'.padEnd(32)}${columns.map(([, , m]) => m.wcu.toFixed(1).padStart(17)).join('')}`);
} finally {
  server.close();
  server.closeAllConnections();
  clients.documentClient().destroy();
  clients.sesClient().destroy();
  await ses.stop();
  await dynamodb.stop();
}

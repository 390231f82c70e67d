import { execSync } from 'node:child_process';
import path from 'node:path';
import { JOBS } from '../shared/routes.ts';
import { bundleFunctions } from './local/bundle.ts';
import { emulatorEnv, ensureTable, startDynamoDb, startS3, startSes, type Running } from './local/emulators.ts';
import { createGateway, listen } from './local/gateway.ts';
import { LOCAL_BUCKETS, LOCAL_DATA_DIR, LOCAL_TABLE_NAME, localPorts } from './local/settings.ts';

/**
 * `npm start`: the whole system on this machine, no AWS account and no Docker. Emulators keep their
 * data under .local/ (wiped by `npm run reset`), the site is built, the functions are bundled as for
 * AWS, and one local origin serves site and API. Scheduled jobs run on a short local timer.
 */
const ports = localPorts();
const running: Running[] = [];
const stopAll = async () => {
  for (const r of running.reverse()) await r.stop().catch(() => undefined);
};
process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

try {
  console.log('Starting the emulators ...');
  const dynamodb = await startDynamoDb(ports.dynamodb, path.join(LOCAL_DATA_DIR, 'dynamodb'));
  running.push(dynamodb);
  const s3 = await startS3(ports.s3, path.join(LOCAL_DATA_DIR, 's3'), Object.values(LOCAL_BUCKETS));
  running.push(s3);
  const ses = await startSes(ports.ses);
  running.push(ses);
  await ensureTable(dynamodb.endpoint, LOCAL_TABLE_NAME);

  const publicUrl = `http://localhost:${ports.site}`;
  Object.assign(process.env, emulatorEnv({ dynamodb: dynamodb.endpoint, s3: s3.endpoint, ses: ses.endpoint }), {
    TABLE_NAME: LOCAL_TABLE_NAME,
    IMPORTS_BUCKET: LOCAL_BUCKETS.imports,
    PUBLIC_URL: publicUrl,
    MAIL_FROM: 'Monitor AOJ <noreply@monitor-aoj.local>',
  });

  if (!process.argv.includes('--no-build')) {
    console.log('Building the site ...');
    execSync('npm run -s build:site', { stdio: 'inherit' });
  }
  console.log('Bundling the functions ...');
  const loadHandler = await bundleFunctions(path.join(LOCAL_DATA_DIR, 'build'));
  const server = createGateway({ siteDir: 'site/dist', loadHandler });
  await listen(server, ports.site, process.env.HOST ?? '127.0.0.1');
  running.push({ endpoint: publicUrl, stop: () => new Promise((r) => server.close(() => r())) });

  const jobIntervalMs = Number(process.env.LOCAL_JOB_INTERVAL_SECONDS ?? 30) * 1000;
  const timer = setInterval(() => {
    for (const job of JOBS) {
      void loadHandler(job)
        .then((h) => (h as unknown as () => Promise<unknown>)())
        .catch((e: unknown) => console.error(`job ${job} failed:`, e instanceof Error ? e.name : e));
    }
  }, jobIntervalMs);
  running.push({ endpoint: '', stop: async () => clearInterval(timer) });

  console.log(`
Monitor AOJ runs locally:
  Site            ${publicUrl}/
  API             ${publicUrl}/api/  (e.g. POST ${publicUrl}/api/regioscan)
  Mailbox (SES)   http://localhost:${ports.ses}/   (sent mail as JSON: http://localhost:${ports.ses}/store)
  DynamoDB Local  ${dynamodb.endpoint}   table ${LOCAL_TABLE_NAME}
  S3 (s3rver)     ${s3.endpoint}   buckets ${Object.values(LOCAL_BUCKETS).join(', ')}
  Data            ${path.resolve(LOCAL_DATA_DIR)}  (wipe with: npm run reset)
  Jobs            ${JOBS.join(', ')} every ${jobIntervalMs / 1000} s
Stop with Ctrl+C.`);
} catch (error) {
  console.error('Could not start:', error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
}

import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { JOBS } from '../shared/routes.ts';
import { bundleFunctions } from './local/bundle.ts';
import { ensureTable, startDynamoDb, startS3, startSes, type Running } from './local/emulators.ts';
import { createGateway, listen } from './local/gateway.ts';
import { LOCAL_BUCKETS, LOCAL_BUILD_DIR, LOCAL_DATA_DIR, LOCAL_TABLE_NAME, localHandlerEnv, localPorts } from './local/settings.ts';
import { seedImportsBucketOnce } from './local/seed.ts';
import { SEED_DIR } from '../shared/imports/seed.ts';
import { PREFIXES, type ImportReport } from '../shared/imports/run.ts';
import { buildStylesheet } from '../shared/web/stylesheet.ts';

/**
 * `npm start`: the whole system on this machine, no AWS account and no Docker. Emulators keep their
 * data under .local/ (wiped by `npm run reset`), the site is built, the functions are bundled as for
 * AWS, and one local origin serves site and API. Scheduled jobs run on a short local timer.
 */
const ports = localPorts();

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
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
  Object.assign(process.env, localHandlerEnv(ports));

  console.log('Bundling the functions ...');
  const loadHandler = await bundleFunctions(LOCAL_BUILD_DIR);
  const runJob = async (name: (typeof JOBS)[number]) => (await loadHandler(name)) as unknown as (event: unknown) => Promise<unknown>;

  // First start: drop the real source files into the local imports bucket and import them, as an
  // operator would in AWS. Later starts keep what was imported (and what you added yourself).
  const seeded = await seedImportsBucketOnce(s3.endpoint);
  if (seeded > 0) {
    console.log(`Importing ${seeded} source files from ${SEED_DIR} ...`);
    const report = (await (await runJob('indicatorImport'))({})) as ImportReport;
    console.log(`  accepted ${report.accepted.length}, quarantined ${report.quarantined.length}, snapshot ${report.snapshotId ?? '(unchanged)'}`);
  }

  /**
   * Builds the site from the live snapshot into a folder beside site/dist and swaps it in only when
   * the build succeeded, so a failed build never takes the site down: the last good site keeps being
   * served. Returns false (after a clear log line) when the build failed.
   */
  const SITE_DIR = 'site/dist';
  const buildSite = async (): Promise<boolean> => {
    const next = path.join(LOCAL_DATA_DIR, 'site-next');
    const old = path.join(LOCAL_DATA_DIR, 'site-old');
    rmSync(next, { recursive: true, force: true });
    try {
      // Not execSync: the emulators live in this process and must keep answering the build.
      await run('npm', ['run', '-s', 'build:site'], { ...process.env, SNAPSHOT_SOURCE: 'live', SITE_OUT_DIR: next });
      if (!existsSync(path.join(next, 'index.html'))) throw new Error(`the build wrote no ${next}/index.html`);
    } catch (error) {
      rmSync(next, { recursive: true, force: true });
      console.error(
        `SITE BUILD FAILED: ${error instanceof Error ? error.message : String(error)}. ` +
          (existsSync(SITE_DIR) ? `The last good site in ${SITE_DIR} keeps being served.` : 'There is no earlier site to serve.'),
      );
      return false;
    }
    rmSync(old, { recursive: true, force: true });
    if (existsSync(SITE_DIR)) renameSync(SITE_DIR, old);
    renameSync(next, SITE_DIR);
    rmSync(old, { recursive: true, force: true });
    return true;
  };

  // --no-build keeps site/dist only while it holds the stylesheet the functions were bundled to link.
  const stale = existsSync(SITE_DIR) && !existsSync(path.join(SITE_DIR, buildStylesheet().href));
  if (stale && process.argv.includes('--no-build')) console.log('site/dist is older than the sources (another stylesheet): building it anyway.');
  if (!process.argv.includes('--no-build') || stale || !existsSync(SITE_DIR)) {
    console.log('Building the site from the live snapshot ...');
    if (!(await buildSite()) && !existsSync(SITE_DIR)) throw new Error('the site could not be built');
  }
  const server = createGateway({ siteDir: 'site/dist', loadHandler });
  await listen(server, ports.site, process.env.HOST ?? '127.0.0.1');
  running.push({ endpoint: publicUrl, stop: () => new Promise((r) => server.close(() => r())) });

  const jobIntervalMs = Number(process.env.LOCAL_JOB_INTERVAL_SECONDS ?? 30) * 1000;
  // As in AWS, an upload to incoming/ starts the import with the S3 event; a new snapshot rebuilds
  // the site. Runs one at a time, in upload order.
  let importQueue = Promise.resolve();
  // s3rver is a Koa app (an EventEmitter); its type declarations leave that out.
  (s3.server as unknown as NodeJS.EventEmitter).on('event', (event: { Records?: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] }) => {
    const record = event.Records?.[0];
    if (!record?.eventName.startsWith('ObjectCreated') || record.s3.bucket.name !== LOCAL_BUCKETS.imports) return;
    if (!record.s3.object.key.startsWith(PREFIXES.incoming)) return;
    importQueue = importQueue.then(async () => {
      try {
        const report = (await (await runJob('indicatorImport'))(event)) as ImportReport;
        console.log(`Import of ${record.s3.object.key}: accepted ${report.accepted.length}, quarantined ${report.quarantined.length}${report.quarantined.length ? ` (report: ${report.quarantined[0]!.report})` : ''}`);
        if (report.published) {
          console.log(`New snapshot ${report.snapshotId}: rebuilding the site ...`);
          if (await buildSite()) console.log('Site rebuilt.');
        }
      } catch (error) {
        console.error('Import failed:', error instanceof Error ? error.message : error);
      }
    });
  });

  // The mail sender and the benchmark (which works only when a round closed) run on a short timer;
  // the nightly import runs on every upload or on demand (npm run job -- import).
  const TIMED_JOBS = ['mailSender', 'benchmark'] as const;
  const timer = setInterval(() => {
    for (const name of TIMED_JOBS) {
      void runJob(name)
        .then((job) => job({}))
        .catch((e: unknown) => console.error(`job ${name} failed:`, e instanceof Error ? e.name : e));
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
  Jobs            mailSender and benchmark every ${jobIntervalMs / 1000} s; the import runs on every upload to
                  s3://${LOCAL_BUCKETS.imports}/incoming/ (then the site is rebuilt), or: npm run job -- import
Stop with Ctrl+C.`);
} catch (error) {
  console.error('Could not start:', error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
}

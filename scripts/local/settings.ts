import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
/** Ports and paths of the local system; every port can be overridden by an environment variable. */
/** Emulator data (LOCAL_DATA_DIR overrides it, e.g. for a test); bundles always go to .local/build. */
export const LOCAL_DATA_DIR = process.env.LOCAL_DATA_DIR ?? '.local';
/** Inside the repository, so the bundles resolve the AWS SDK from node_modules as Lambda's runtime provides it. */
export const LOCAL_BUILD_DIR = '.local/build';
export const LOCAL_TABLE_NAME = 'monitor-aoj-local';
export const LOCAL_BUCKETS = { imports: 'monitor-aoj-imports', reports: 'monitor-aoj-reports' } as const;

export function localPorts(env: NodeJS.ProcessEnv = process.env) {
  const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
  return {
    site: port('PORT', 4321),
    dynamodb: port('DYNAMODB_PORT', 8000),
    s3: port('S3_PORT', 4569),
    ses: port('SES_PORT', 8005),
  };
}

/**
 * The local token key, made once and kept with the local data: the invitation links of the local
 * system keep working over a restart, and `npm run reset` forgets them together with the data.
 */
export function localTokenKey(dataDir = LOCAL_DATA_DIR): string {
  const file = path.join(dataDir, 'token-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Environment of the handlers under `npm start` and `npm run job`: the emulators and local settings. */
export function localHandlerEnv(ports = localPorts()): Record<string, string> {
  const host = '127.0.0.1';
  return {
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: `http://${host}:${ports.dynamodb}`,
    AWS_ENDPOINT_URL_S3: `http://${host}:${ports.s3}`,
    AWS_ENDPOINT_URL_SESV2: `http://${host}:${ports.ses}`,
    AWS_ENDPOINT_URL_SES: `http://${host}:${ports.ses}`,
    TABLE_NAME: LOCAL_TABLE_NAME,
    IMPORTS_BUCKET: LOCAL_BUCKETS.imports,
    REPORTS_BUCKET: LOCAL_BUCKETS.reports,
    PUBLIC_URL: `http://localhost:${ports.site}`,
    MAIL_FROM: 'Monitor AOJ <noreply@monitor-aoj.local>',
    OPERATOR_EMAIL: 'beheer@monitor-aoj.local',
    ALLOW_DEMO: 'true',
    TOKEN_KEY: localTokenKey(),
  };
}

/** Ports and paths of the local system; every port can be overridden by an environment variable. */
export const LOCAL_DATA_DIR = '.local';
export const LOCAL_TABLE_NAME = 'monitor-aoj-local';
export const LOCAL_BUCKETS = { imports: 'monitor-aoj-imports' } as const;

export function localPorts(env: NodeJS.ProcessEnv = process.env) {
  const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
  return {
    site: port('PORT', 4321),
    dynamodb: port('DYNAMODB_PORT', 8000),
    s3: port('S3_PORT', 4569),
    ses: port('SES_PORT', 8005),
  };
}

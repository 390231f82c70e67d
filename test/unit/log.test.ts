import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiHandler, type ApiEvent } from '../../shared/http/handler.ts';
import { jsonResponse } from '../../shared/http/response.ts';
import { flushMetrics, log, metrics } from '../../shared/log.ts';
import { DEAD_MAIL_METRIC, METRIC_NAMESPACE, SERVICE_NAME } from '../../shared/mail/events.ts';

const ADDRESS = 'iemand@example.nl';

function event(requestId: string): ApiEvent {
  return {
    version: '2.0',
    routeKey: 'POST /regioscan',
    rawPath: '/api/regioscan',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'unit',
      domainName: 'localhost',
      domainPrefix: 'unit',
      http: { method: 'POST', path: '/api/regioscan', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId,
      routeKey: 'POST /regioscan',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: JSON.stringify({ email: ADDRESS, answers: { 'sw-1': 'eens' } }),
    isBase64Encoded: false,
  };
}

const context = {
  functionName: 'regioscanSubmit',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:regioscanSubmit',
  memoryLimitInMB: '512',
  awsRequestId: 'lambda-request-1',
  logGroupName: '/aws/lambda/regioscanSubmit',
  logStreamName: 'unit',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

describe('structured logs (Powertools Logger behind log())', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);
    vi.spyOn(console, 'warn').mockImplementation(capture);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes one JSON line with level, message, service and the fields', () => {
    log('info', 'mail sent', { kind: 'regioscan-outcome', attempt: 1 });
    log('error', 'unhandled error', { errorName: 'TypeError' });
    expect(lines).toHaveLength(2);
    const [info, error] = parsed();
    expect(info).toMatchObject({ level: 'INFO', message: 'mail sent', service: SERVICE_NAME, kind: 'regioscan-outcome', attempt: 1 });
    expect(info!.timestamp).toEqual(expect.any(String));
    expect(error).toMatchObject({ level: 'ERROR', message: 'unhandled error', service: SERVICE_NAME, errorName: 'TypeError' });
  });

  it('respects LOG_LEVEL', () => {
    vi.stubEnv('LOG_LEVEL', 'warn');
    log('info', 'quiet');
    log('warn', 'loud');
    expect(parsed().map((l) => l.message)).toEqual(['loud']);
  });

  it('gives every line of an API request the request id as correlation id, and no personal data', async () => {
    const handler = apiHandler(async () => {
      log('info', 'stored', { submissionId: 'sub-1' });
      throw new TypeError(`cannot handle ${ADDRESS}`);
    });
    const result = await handler(event('api-request-42'), context);
    expect(result).toMatchObject({ statusCode: 500 });
    const [stored, unhandled] = parsed();
    expect(stored).toMatchObject({ level: 'INFO', message: 'stored', service: SERVICE_NAME, correlation_id: 'api-request-42', function_name: 'regioscanSubmit', submissionId: 'sub-1' });
    expect(unhandled).toMatchObject({ level: 'ERROR', message: 'unhandled error', correlation_id: 'api-request-42', errorName: 'TypeError' });
    expect(lines.join('\n')).not.toMatch(/@|sw-1|eens/);

    // The next request gets its own id; outside a request there is none.
    await apiHandler(async () => (log('info', 'second'), jsonResponse(200, {})))(event('api-request-43'), context);
    log('info', 'outside');
    const [, , second, outside] = parsed();
    expect(second).toMatchObject({ message: 'second', correlation_id: 'api-request-43' });
    expect(outside).not.toHaveProperty('correlation_id');
  });

  it('writes a stored DeadMail count as one EMF line when flushed, and nothing when there is none', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    flushMetrics();
    expect(written).toHaveLength(0);
    metrics.addMetric(DEAD_MAIL_METRIC, MetricUnit.Count, 1);
    flushMetrics();
    vi.mocked(process.stdout.write).mockRestore();
    const emf = written.map((w) => JSON.parse(w) as Record<string, unknown>).find((w) => '_aws' in w);
    expect(emf).toMatchObject({ service: SERVICE_NAME, [DEAD_MAIL_METRIC]: 1 });
    expect(emf!._aws).toMatchObject({ CloudWatchMetrics: [{ Namespace: METRIC_NAMESPACE, Dimensions: [['service']], Metrics: [{ Name: DEAD_MAIL_METRIC, Unit: 'Count' }] }] });
    expect(lines).toHaveLength(0); // no "no metrics to publish" warning either
  });
});

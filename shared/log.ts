import { Logger, LogLevelThreshold, type LogItem } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRIC_NAMESPACE, SERVICE_NAME } from './mail/events.ts';

/**
 * Structured logs (one JSON object per line, read by CloudWatch) through Powertools Logger, and
 * metrics (EMF) through Powertools Metrics. Only pass ids, codes and counts: never email addresses,
 * answers or request bodies.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

const LEVELS = { info: 0, warn: 1, error: 2 } as const;
type Level = keyof typeof LEVELS;

/**
 * In AWS Lambda, Powertools writes to stdout/stderr itself (no runtime prefix before the JSON).
 * Elsewhere (npm start, tests, benchmarks) the same JSON line goes through the global console, as the
 * home-made logger did, so a test can capture what would be logged.
 */
class ProjectLogger extends Logger {
  protected override printLog(logLevel: number, item: LogItem): void {
    if (process.env.AWS_LAMBDA_FUNCTION_NAME) return super.printLog(logLevel, item);
    item.prepareForPrint();
    const line = JSON.stringify(item.getAttributes(), this.getJsonReplacer());
    if (logLevel >= LogLevelThreshold.ERROR) console.error(line);
    else console.log(line);
  }
}

/** The one Logger; API handlers add the Lambda context and the correlation id (shared/http/handler.ts). */
export const logger = new ProjectLogger({ serviceName: SERVICE_NAME });

/** The one Metrics instance (namespace MonitorAoj, dimension service); flushed by `flushMetrics`. */
export const metrics = /* @__PURE__ */ new Metrics({ namespace: METRIC_NAMESPACE, serviceName: SERVICE_NAME, logger });

/** Writes the stored metrics (one EMF line), if any: at the end of every API request and job run. */
export function flushMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}

export function log(level: Level, message: string, fields: LogFields = {}): void {
  // LOG_LEVEL=warn quiets the per-request info lines (benchmarks, noisy local runs); read per call.
  if (LEVELS[level] < (LEVELS[process.env.LOG_LEVEL?.toLowerCase() as Level] ?? 0)) return;
  logger[level](message, fields);
}

/**
 * Structured logs (one JSON object per line, read by CloudWatch). Only pass ids, codes and counts:
 * never email addresses, answers or request bodies.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

const LEVELS = { info: 0, warn: 1, error: 2 } as const;
type Level = keyof typeof LEVELS;

export function log(level: Level, message: string, fields: LogFields = {}): void {
  // LOG_LEVEL=warn quiets the per-request info lines (benchmarks, noisy local runs).
  if (LEVELS[level] < (LEVELS[process.env.LOG_LEVEL as Level] ?? 0)) return;
  const line = JSON.stringify({ level, message, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}

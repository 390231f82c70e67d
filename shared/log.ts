/**
 * Structured logs (one JSON object per line, read by CloudWatch). Only pass ids, codes and counts:
 * never email addresses, answers or request bodies.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export function log(level: 'info' | 'warn' | 'error', message: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ level, message, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}

import { randomUUID } from 'node:crypto';
import { STATEMENTS } from '../../shared/regioscan/definition.ts';

/** Made-up test answers: statement n gets ((n-1) % 5) + 1 unless overridden. */
export function answers(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(STATEMENTS.map((s, i) => [s.id, String((i % 5) + 1)])), ...overrides };
}

export function validSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    submissionId: randomUUID(),
    gemeente: 'GM0363',
    rol: 'gemeente',
    antwoorden: answers(),
    toestemming: true,
    ...overrides,
  };
}

export async function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, any> };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The origin check of the public API routes: an HTTP API Lambda authorizer (simple responses) that
 * lets a request through only when it carries the secret header CloudFront adds to every request it
 * sends to the API (infra/constructs/site.ts). Requests sent to the execute-api address directly lack
 * it: API Gateway itself answers 401 when the header is missing, this function answers "not
 * authorized" (403) when it is wrong. No handler runs for either. API Gateway caches a positive answer
 * per header value (infra/constructs/origin-check.ts), so this runs a few times an hour, not per request.
 *
 * Kept free of the project's shared code on purpose: it is infrastructure, not part of the service.
 */

/** Lower case: HTTP API (payload 2.0) hands headers to Lambda in lower case. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** How long a container keeps the secret before reading it again (picks up a replaced value). */
export const SECRET_MAX_AGE_MS = 5 * 60 * 1000;

export interface OriginCheckEvent {
  readonly headers?: Readonly<Record<string, string | undefined>> | null;
}

/** Compares in constant time (digests of equal length), and never accepts an empty value. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given || expected.length < 32) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The authorizer over a secret reader (Secrets Manager in AWS, a stub in tests). */
export function originCheck(
  readSecret: () => Promise<string>,
  now: () => number = Date.now,
): (event: OriginCheckEvent) => Promise<{ isAuthorized: boolean }> {
  let cached: { value: Promise<string>; at: number } | undefined;
  return async (event) => {
    if (!cached || now() - cached.at > SECRET_MAX_AGE_MS) {
      const value = readSecret();
      cached = { value, at: now() };
      value.catch(() => {
        cached = undefined; // read again on the next request
      });
    }
    const expected = await cached.value;
    return { isAuthorized: sameSecret(event.headers?.[ORIGIN_VERIFY_HEADER], expected) };
  };
}

let client: SecretsManagerClient | undefined;

export const handler = originCheck(async () => {
  const arn = process.env.ORIGIN_SECRET_ARN;
  if (!arn) throw new Error('ORIGIN_SECRET_ARN is not set');
  client ??= new SecretsManagerClient({});
  const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error('origin secret is empty');
  return out.SecretString;
});

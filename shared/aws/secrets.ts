import { createHmac, hkdfSync } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RuntimeConfig } from '../config/runtime.ts';

let cached: Promise<Buffer> | undefined;

/**
 * The key under which invitation tokens are hashed: from Secrets Manager in AWS (read once per
 * container), from TOKEN_KEY on the local system. Without it no token can be checked, so a missing
 * key is a deployment error.
 */
export function tokenKey(config: RuntimeConfig): Promise<Buffer> {
  if (config.TOKEN_KEY) return Promise.resolve(Buffer.from(config.TOKEN_KEY, 'utf8'));
  if (!config.TOKEN_KEY_SECRET_ARN) return Promise.reject(new Error('TOKEN_KEY_SECRET_ARN is not set'));
  const arn = config.TOKEN_KEY_SECRET_ARN;
  cached ??= new SecretsManagerClient({})
    .send(new GetSecretValueCommand({ SecretId: arn }))
    .then((out) => {
      if (!out.SecretString || out.SecretString.length < 32) throw new Error('token key secret is empty or too short');
      return Buffer.from(out.SecretString, 'utf8');
    })
    .catch((error: unknown) => {
      cached = undefined; // try again on the next request
      throw error;
    });
  return cached;
}

/**
 * What a derived key is for. Each purpose gets its own key (HKDF from the token key), so a value
 * hashed for one purpose can never be matched against a value hashed for another.
 */
export type KeyPurpose = 'mail-limit' | 'submission-duplicate' | 'rate-limit';

/** The key of one purpose, derived from the environment's token key (HKDF-SHA256). */
export function derivePurposeKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'monitor-aoj', `keyed-hash:${purpose}`, 32));
}

/** The per-purpose key for keyed HMACs of personal data (never a plain hash). Deriving is cheap: no cache. */
export async function purposeKey(config: RuntimeConfig, purpose: KeyPurpose): Promise<Buffer> {
  return derivePurposeKey(await tokenKey(config), purpose);
}

/** A keyed HMAC-SHA256 (hex) of `parts`, joined so that no two different lists give the same input. */
export function keyedHash(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.map((p) => `${p.length}:${p}`).join('\0')).digest('hex');
}

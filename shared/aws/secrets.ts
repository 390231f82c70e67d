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

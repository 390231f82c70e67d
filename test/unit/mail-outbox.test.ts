import { SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createSesClient } from '../../shared/aws/clients.ts';
import { derivePurposeKey, keyedHash } from '../../shared/aws/secrets.ts';
import { failureKind, LEASE_SECONDS, UNKNOWN_OUTCOME_WAIT_SECONDS } from '../../shared/mail/outbox.ts';

const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('the outbox: did SES send it?', () => {
  it('knows an email was not sent when SES answered with an error or was never reached', () => {
    for (const name of ['MessageRejected', 'TooManyRequestsException', 'InternalFailure'])
      expect(failureKind(new SESv2ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: name === 'InternalFailure' ? 500 : 400 }, message: name }))).toBe('not-sent');
    expect(failureKind(networkError('ECONNREFUSED'))).toBe('not-sent');
    expect(failureKind(networkError('ENOTFOUND'))).toBe('not-sent');
    const connectTimeout = Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 2000 ms.'), { name: 'TimeoutError' });
    expect(failureKind(connectTimeout)).toBe('not-sent');
  });

  it('does not know when the request may have gone out: a request timeout, a reset, anything else', () => {
    expect(failureKind(Object.assign(new Error('a request has exceeded the configured 5000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' }))).toBe('unknown');
    expect(failureKind(networkError('ECONNRESET'))).toBe('unknown');
    expect(failureKind(new Error('socket hang up'))).toBe('unknown');
    expect(failureKind(undefined)).toBe('unknown');
  });

  it('waits for the lease and a grace period after an unknown outcome', () => {
    expect(UNKNOWN_OUTCOME_WAIT_SECONDS).toBeGreaterThan(LEASE_SECONDS);
  });

  it('creates the SES client without SDK retries (the outbox retries)', async () => {
    const client = createSesClient({ region: 'eu-central-1' });
    expect(await client.config.maxAttempts()).toBe(1);
    client.destroy();
  });
});

describe('keyed hashes', () => {
  it('derive a different key per purpose and never equal a hash without the key', () => {
    const master = Buffer.from('k'.repeat(64));
    const limit = derivePurposeKey(master, 'mail-limit');
    const duplicate = derivePurposeKey(master, 'submission-duplicate');
    expect(limit.equals(duplicate)).toBe(false);
    expect(keyedHash(limit, '2027-01-01', 'a@b.nl')).not.toBe(keyedHash(duplicate, '2027-01-01', 'a@b.nl'));
    expect(keyedHash(limit, '2027-01-01', 'a@b.nl')).not.toBe(keyedHash(derivePurposeKey(Buffer.from('other'.repeat(8)), 'mail-limit'), '2027-01-01', 'a@b.nl'));
    // The parts are length-prefixed: moving a character from one part to the next changes the hash.
    expect(keyedHash(limit, 'ab', 'c')).not.toBe(keyedHash(limit, 'a', 'bc'));
  });
});

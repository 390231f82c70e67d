import { SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createSesClient } from '../../shared/aws/clients.ts';
import { derivePurposeKey, keyedHash } from '../../shared/aws/secrets.ts';
import { failureKind, LEASE_SECONDS, packContent, pendingMailPut, unpackContent, UNKNOWN_OUTCOME_WAIT_SECONDS } from '../../shared/mail/outbox.ts';
import type { RenderedEmail } from '../../shared/mail/rendered.ts';

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

describe('the outbox: what a pending email costs to store', () => {
  // The size of a real Regioscan outcome email: ~7 KB of HTML and ~2.6 KB of text.
  const paragraph = 'Uw antwoorden op de stellingen over samenwerking tussen onderwijs en jeugdhulp in uw regio. ';
  const content: RenderedEmail = {
    subject: 'Uw uitkomst van de Regioscan',
    html: `<!doctype html><html><body>${Array.from({ length: 40 }, (_, i) => `<p style="margin:0 0 12px">${i}. ${paragraph}</p>`).join('')}</body></html>`,
    text: Array.from({ length: 25 }, (_, i) => `${i}. ${paragraph}`).join('\n'),
  };

  it('stores the content gzipped (every write of the item costs a unit per KB) and reads it back unchanged', () => {
    const plainBytes = Buffer.byteLength(JSON.stringify(content));
    expect(plainBytes).toBeGreaterThan(6000);
    const put = pendingMailPut('t', { key: { pk: 'P', sk: 'MAIL' }, kind: 'test', to: 'a@example.nl', content }, new Date());
    const stored = put.Put.Item.content;
    expect(stored).toBeInstanceOf(Uint8Array);
    expect((stored as Uint8Array).length).toBeLessThan(plainBytes / 4);
    expect(unpackContent(stored)).toEqual(content);
    expect(unpackContent(packContent(content))).toEqual(content);
  });

  it('still reads an item stored before the content was packed', () => {
    expect(unpackContent(content)).toEqual(content);
  });
});

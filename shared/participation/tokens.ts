import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { draftHash as hashOfDraft, openDraftContent, sealDraftContent, type DraftKind } from '../store/drafts.ts';

/**
 * The secrets of anonymous answering. A link's token is 128 random bits; the table never holds it.
 * The invitation is found under HMAC(key, "invitation", token) and the draft under HMAC(key, "draft",
 * token): with the table and even the key, nobody can join an invitation to a draft without the token.
 * The draft's answers are encrypted with a key derived from the token itself, so a dump of the table
 * plus the server key still reads no unfinished answers. A completed response gets a fresh random id.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A personal invitation link's token: 128 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The code of a response through a shared link: 80 random bits in 16 Crockford base32 characters. */
export function newResumeCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A token as it may appear in a path: a personal token or a resume code; anything else is no link. */
export const TOKEN_PATTERN = /^(?:[A-Za-z0-9_-]{22}|[0-9A-HJKMNP-TV-Z]{16})$/;

/** A completed response's id: random, not time-ordered (no ULID or UUIDv7), unrelated to any token. */
export function newResponseId(): string {
  return randomBytes(16).toString('hex');
}

const mac = (key: Buffer, purpose: string, value: string) => createHmac('sha256', key).update(`${purpose}\0${value}`).digest('base64url');

export const invitationHash = (key: Buffer, token: string) => mac(key, 'invitation', token);
/**
 * The questionnaire drafts on the generic draft mechanism (shared/store/drafts.ts), with the purpose
 * and encryption info they always had, so drafts saved before the move open as before. A round lasts
 * months, so an unfinished draft may live a year without a save.
 */
export const QUESTIONNAIRE_DRAFT: DraftKind = { hashPurpose: 'draft', cipherInfo: 'answers', ttlSeconds: 366 * 24 * 3600 };

export const draftHash = (key: Buffer, token: string) => hashOfDraft(key, QUESTIONNAIRE_DRAFT, token);

/** Encrypts a draft's answers with a key only the token holder can derive (AES-256-GCM). */
export function sealDraft(token: string, answers: Record<string, string>): string {
  return sealDraftContent(QUESTIONNAIRE_DRAFT, token, answers);
}

export function openDraft(token: string, sealed: string): Record<string, string> {
  return openDraftContent<Record<string, string>>(QUESTIONNAIRE_DRAFT, token, sealed);
}

/**
 * The key of a region's private response page: derived from the region id with the server key, so the
 * operators can show the link again at any time and the table needs to keep nothing.
 */
export function regionAccessKey(key: Buffer, regionId: string): string {
  return `${regionId}.${mac(key, 'region-access', regionId).slice(0, 32)}`;
}

/** The region id of a valid access key, or undefined. */
export function checkRegionAccessKey(key: Buffer, accessKey: string): string | undefined {
  const dot = accessKey.lastIndexOf('.');
  if (dot <= 0 || accessKey.length > 120) return undefined;
  const regionId = accessKey.slice(0, dot);
  const expected = Buffer.from(regionAccessKey(key, regionId));
  const given = Buffer.from(accessKey);
  return expected.length === given.length && timingSafeEqual(expected, given) ? regionId : undefined;
}

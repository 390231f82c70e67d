import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, draftKey } from './table.ts';

/**
 * Server-side drafts of multi-step forms (the questionnaires, the Regioscan): one mechanism for all.
 *
 * A draft belongs to a secret id that only its visitor holds (a random value of at least 128 bits in
 * the page address). The table never holds that id: the item is keyed by HMAC(server key, kind, id),
 * and its content is encrypted (AES-256-GCM) with a key derived from the id itself (HKDF). So a dump
 * of the table, even with the server key, reads no draft and joins no draft to anything else; only
 * the holder of the id can find and read it. Each kind has its own HMAC purpose (the keys of two kinds
 * never meet), its own encryption info and its own time to live.
 */
export interface DraftKind {
  /** The HMAC purpose of the item key; never the same for two kinds. */
  hashPurpose: string;
  /** HKDF info of the content key. */
  cipherInfo: string;
  /** How long a draft lives after its last save (DynamoDB TTL). */
  ttlSeconds: number;
}

const CIPHER_SALT = 'monitor-aoj-draft';

/** A new draft id: 128 random bits, URL-safe (22 characters). */
export function newDraftId(): string {
  return randomBytes(16).toString('base64url');
}

/** What a draft id made by `newDraftId` looks like; anything else is no draft (checked before any read). */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The item key's hash of a draft id: HMAC-SHA256(server key, purpose NUL id), base64url. */
export function draftHash(key: Buffer, kind: DraftKind, id: string): string {
  return createHmac('sha256', key).update(`${kind.hashPurpose}\0${id}`).digest('base64url');
}

function cipherKey(kind: DraftKind, id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', id, CIPHER_SALT, kind.cipherInfo, 32));
}

/** Encrypts a draft's content with a key only the holder of the id can derive. */
export function sealDraftContent(kind: DraftKind, id: string, content: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(kind, id), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Decrypts what `sealDraftContent` sealed with the same kind and id (throws on any other). */
export function openDraftContent<T>(kind: DraftKind, id: string, sealed: string): T {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(kind, id), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}

export interface DraftStore {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/** A stored draft: the sealed content, a version for optimistic saves, and when it expires (epoch s). */
export interface StoredDraft {
  sealed: string;
  version: number;
  expiresAt: number;
}

/** The draft stored under this hash, expired or not (DynamoDB deletes expired items some time later). */
export async function readDraft(store: DraftStore, hash: string): Promise<StoredDraft | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: draftKey(hash), ConsistentRead: true }));
  if (!out.Item) return undefined;
  return { sealed: String(out.Item.sealed), version: Number(out.Item.version ?? 0), expiresAt: Number(out.Item[TABLE_KEYS.ttlAttribute] ?? 0) };
}

/**
 * The Put of a draft save, for a transaction or alone: version 0 creates it (only if new), a later
 * version replaces it only if nobody saved in between (two tabs never overwrite each other unseen).
 */
export function draftPut(tableName: string, kind: DraftKind, hash: string, sealed: string, version: number, now: Date) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...draftKey(hash), sealed, version: version + 1, [TABLE_KEYS.ttlAttribute]: Math.floor(now.getTime() / 1000) + kind.ttlSeconds },
      ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
      ...(version === 0 ? {} : { ExpressionAttributeValues: { ':version': version } }),
    },
  };
}

/** Saves a draft on its own; 'stale' when another save came first (read again and retry). */
export async function writeDraft(store: DraftStore, kind: DraftKind, hash: string, sealed: string, version: number, now: Date): Promise<'saved' | 'stale'> {
  try {
    await store.doc.send(new PutCommand(draftPut(store.tableName, kind, hash, sealed, version, now).Put));
    return 'saved';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'stale';
    throw error;
  }
}

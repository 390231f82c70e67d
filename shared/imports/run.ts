import path from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ImportError } from '../indicators/parse.ts';
import { PREFIXES } from './prefixes.ts';
import { log } from '../log.ts';
import { INDICATOR_POINTER_KEY, importFileKey } from '../store/table.ts';
import {
  checkNewFile,
  compileSnapshot,
  sha256,
  type AcceptedFile,
  type Manifest,
  type PublishedSnapshot,
  type SourceFile,
} from './snapshot.ts';
import { serialiseSnapshot } from './validate.ts';

/**
 * The nightly (and on-upload) import: operators drop files under incoming/ in the imports bucket.
 * Write, audit, publish: each new file is checked on its own, the new snapshot is compiled from all
 * accepted files and written under its own id, and only then one conditional write moves the live
 * pointer. A bad file goes to quarantine/ with an error report and changes nothing that is live.
 */
export { PREFIXES };

const POINTER_KEY = INDICATOR_POINTER_KEY;
const fileKey = importFileKey;

export interface ImportDeps {
  s3: S3Client;
  doc: DynamoDBDocumentClient;
  bucket: string;
  tableName: string;
  now: () => Date;
}

export interface LivePointer {
  snapshotId: string;
  manifest: Manifest;
  publishedAt: string;
}

export interface ImportReport {
  accepted: { file: string; formatId: string; rows: number }[];
  quarantined: { file: string; errors: number; report: string }[];
  /** Files seen before (same bytes): nothing was written for them. */
  alreadyImported: string[];
  snapshotId?: string;
  /** True when the live pointer moved to a new snapshot. */
  published: boolean;
  /** Another run published first; this run's files are still in incoming/ and it should run again. */
  raceLost?: boolean;
}

async function getBytes(deps: ImportDeps, key: string): Promise<Buffer | undefined> {
  try {
    const out = await deps.s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key: key }));
    const body = out.Body as unknown as AsyncIterable<Uint8Array> & { transformToByteArray(): Promise<Uint8Array> };
    const size = out.ContentLength;
    if (size === undefined || typeof body[Symbol.asyncIterator] !== 'function') {
      const bytes = await body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    // Chunks copied into one buffer of the announced size: an import file (100 MB or more) is held
    // once, not as chunks plus their concatenation.
    const buffer = Buffer.allocUnsafe(size);
    let at = 0;
    for await (const chunk of body) {
      if (at + chunk.byteLength > size) throw new Error(`${key}: more bytes than its ContentLength ${size}`);
      buffer.set(chunk, at);
      at += chunk.byteLength;
    }
    if (at !== size) throw new Error(`${key}: ${at} bytes read, ContentLength ${size}`);
    return buffer;
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function put(deps: ImportDeps, key: string, body: Buffer | string, contentType: string): Promise<void> {
  await deps.s3.send(new PutObjectCommand({ Bucket: deps.bucket, Key: key, Body: body, ContentType: contentType }));
}

async function listIncoming(deps: ImportDeps): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await deps.s3.send(
      new ListObjectsV2Command({ Bucket: deps.bucket, Prefix: PREFIXES.incoming, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) if (o.Key && !o.Key.endsWith('/')) keys.push(o.Key);
    token = page.NextContinuationToken;
  } while (token);
  return keys.sort();
}

export async function readPointer(deps: Pick<ImportDeps, 'doc' | 'tableName'>): Promise<LivePointer | undefined> {
  const out = await deps.doc.send(new GetCommand({ TableName: deps.tableName, Key: POINTER_KEY, ConsistentRead: true }));
  return out.Item as LivePointer | undefined;
}

/** The live snapshot, as the site build reads it. */
export async function readLiveSnapshot(deps: Pick<ImportDeps, 'doc' | 'tableName' | 's3' | 'bucket'>): Promise<PublishedSnapshot | undefined> {
  const pointer = await readPointer(deps);
  if (!pointer) return undefined;
  const bytes = await getBytes(deps as ImportDeps, `${PREFIXES.published}${pointer.snapshotId}.json`);
  if (!bytes) throw new Error(`live snapshot ${pointer.snapshotId} is missing from the bucket`);
  return JSON.parse(bytes.toString('utf8')) as PublishedSnapshot;
}

/**
 * The file name as part of a key the import writes. S3 keys are at most 1,024 bytes: an incoming key
 * may already be that long, and must still end in quarantine/ or accepted/ with its report. A name
 * longer than 200 bytes is cut (on a character boundary) and keeps its extension.
 */
export function keyPart(fileName: string): string {
  if (Buffer.byteLength(fileName) <= 200) return fileName;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0] ?? '';
  let cut = '';
  for (const ch of fileName.slice(0, fileName.length - ext.length)) {
    if (Buffer.byteLength(cut + ch) > 190) break;
    cut += ch;
  }
  return `${cut}~${ext}`;
}

const acceptedKey = (file: Pick<AcceptedFile, 'sha256' | 'fileName'>) => `${PREFIXES.accepted}${file.sha256}/${keyPart(file.fileName)}`;

async function quarantine(deps: ImportDeps, fileName: string, bytes: Buffer, sha: string, errors: ImportError[], formatId?: string): Promise<string> {
  const base = `${PREFIXES.quarantine}${deps.now().toISOString().slice(0, 10)}/${sha.slice(0, 12)}-${keyPart(fileName)}`;
  const report = {
    file: fileName,
    sha256: sha,
    ...(formatId ? { formatId } : {}),
    quarantinedAt: deps.now().toISOString(),
    liveSnapshotChanged: false,
    errors,
  };
  await put(deps, base, bytes, 'text/csv');
  await put(deps, `${base}.errors.json`, JSON.stringify(report, null, 2), 'application/json');
  await deps.doc.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...fileKey(sha), fileName, status: 'quarantined', report: `${base}.errors.json`, at: deps.now().toISOString() },
    }),
  );
  log('warn', 'import file quarantined', { file: fileName, errors: errors.length, firstError: errors[0]?.code });
  return `${base}.errors.json`;
}

/**
 * The incoming keys of an S3 upload notification. S3 sends keys URL-encoded with spaces as '+'; a key
 * that is not valid URL encoding (s3rver sends keys as they are) is taken as it is. Never throws:
 * whatever the characters, the import runs, and a key that does not exist is found by runImport's
 * look at the whole of incoming/.
 */
export function incomingKeysFromEvent(event: unknown): string[] | undefined {
  const records = (event as { Records?: unknown } | undefined)?.Records;
  if (!Array.isArray(records)) return undefined;
  const keys: string[] = [];
  for (const r of records as { s3?: { object?: { key?: unknown } } }[]) {
    const raw = r?.s3?.object?.key;
    if (typeof raw !== 'string') continue;
    let key = raw;
    try {
      key = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      key = raw;
    }
    if (key.startsWith(PREFIXES.incoming)) keys.push(key);
  }
  return keys;
}

/**
 * Runs the import over the given incoming keys, or over everything under incoming/. A given key that
 * is not in the bucket (another run took it, or the upload notification spelled the key differently:
 * '+' for a space, '%' escapes) makes the run look at the whole of incoming/, so every file that was
 * dropped ends accepted or quarantined with a report, whatever the characters of its key.
 */
export async function runImport(deps: ImportDeps, keys?: readonly string[]): Promise<ImportReport> {
  const report: ImportReport = { accepted: [], quarantined: [], alreadyImported: [], published: false };
  const pointer = await readPointer(deps);
  const manifest: Manifest = { files: [...(pointer?.manifest.files ?? [])] };
  const sources = new Map<string, SourceFile>();
  const read = (file: AcceptedFile): SourceFile => {
    const source = sources.get(file.sha256);
    if (!source) throw new Error(`accepted file ${file.fileName} not loaded`);
    return source;
  };
  for (const file of manifest.files) {
    const bytes = await getBytes(deps, acceptedKey(file));
    if (!bytes) throw new Error(`accepted file ${file.fileName} is missing from the bucket`);
    sources.set(file.sha256, { fileName: file.fileName, bytes });
  }

  const handled: string[] = [];
  const queue = [...(keys ?? (await listIncoming(deps)))];
  let listed = keys === undefined;
  for (let k = 0; k < queue.length; k++) {
    const key = queue[k]!;
    if (handled.includes(key)) continue;
    const bytes = await getBytes(deps, key);
    if (!bytes) {
      // Taken by another run, or the key was spelled differently: look at everything in incoming/.
      if (!listed) {
        listed = true;
        for (const other of await listIncoming(deps)) if (!queue.includes(other)) queue.push(other);
      }
      continue;
    }
    handled.push(key);
    const fileName = path.posix.basename(key);
    const sha = sha256(bytes);
    const known = await deps.doc.send(new GetCommand({ TableName: deps.tableName, Key: fileKey(sha) }));
    if (known.Item || manifest.files.some((f) => f.sha256 === sha)) {
      report.alreadyImported.push(fileName);
      continue;
    }
    const check = checkNewFile(manifest, read, { fileName, bytes });
    if (!check.ok) {
      report.quarantined.push({ file: fileName, errors: check.errors.length, report: await quarantine(deps, fileName, bytes, sha, check.errors, check.formatId) });
      continue;
    }
    const accepted: AcceptedFile = { sha256: sha, fileName, formatId: check.formatId, kind: check.kind, importedAt: deps.now().toISOString() };
    await put(deps, acceptedKey(accepted), bytes, 'text/csv');
    sources.set(sha, { fileName, bytes });
    manifest.files.push(accepted);
    report.accepted.push({ file: fileName, formatId: check.formatId, rows: check.rows });
  }

  if (report.accepted.length > 0) {
    // Audit the whole: a new area file may make an earlier indicator file invalid.
    let compiled = compileSnapshot(manifest, read, deps.now().toISOString());
    while (!compiled.ok) {
      const failed = compiled;
      const index = manifest.files.findIndex((f) => f.fileName === failed.fileName && report.accepted.some((a) => a.file === f.fileName));
      const culprit = manifest.files[index === -1 ? manifest.files.length - 1 : index]!;
      manifest.files.splice(manifest.files.indexOf(culprit), 1);
      report.accepted = report.accepted.filter((a) => a.file !== culprit.fileName);
      report.quarantined.push({
        file: culprit.fileName,
        errors: failed.errors.length,
        report: await quarantine(deps, culprit.fileName, Buffer.from(read(culprit).bytes), culprit.sha256, failed.errors, culprit.formatId),
      });
      if (report.accepted.length === 0) break;
      compiled = compileSnapshot(manifest, read, deps.now().toISOString());
    }
    let publishable = compiled.ok && compiled.snapshot.snapshotId !== pointer?.snapshotId ? compiled.snapshot : undefined;
    let json = '';
    if (publishable) {
      // What the site build needs, checked on the JSON as it will be read back (Infinity would be null).
      const serialised = serialiseSnapshot(publishable);
      json = serialised.json;
      if (!serialised.check.ok) {
        const problems = serialised.check.problems;
        log('error', 'compiled snapshot is not valid; nothing published', { snapshotId: publishable.snapshotId, problems: problems.length, firstProblem: problems[0] });
        for (const a of manifest.files.filter((f) => report.accepted.some((r) => r.file === f.fileName))) {
          const errors: ImportError[] = problems.map((message) => ({ file: a.fileName, line: 0, code: 'snapshot-invalid', message }));
          report.quarantined.push({ file: a.fileName, errors: errors.length, report: await quarantine(deps, a.fileName, Buffer.from(read(a).bytes), a.sha256, errors, a.formatId) });
        }
        report.accepted = [];
        publishable = undefined;
      }
    }
    if (publishable) {
      const snapshot = publishable;
      // First the whole snapshot object, then the pointer: a reader that follows the pointer always
      // finds the object (test/integration/indicator-import.test.ts checks the order of the writes).
      await put(deps, `${PREFIXES.published}${snapshot.snapshotId}.json`, json, 'application/json');
      try {
        await deps.doc.send(
          new PutCommand({
            TableName: deps.tableName,
            Item: { ...POINTER_KEY, snapshotId: snapshot.snapshotId, manifest, publishedAt: deps.now().toISOString() },
            ...(pointer
              ? { ConditionExpression: 'snapshotId = :previous', ExpressionAttributeValues: { ':previous': pointer.snapshotId } }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          // Another import published first; leave the files in incoming/ for a retry of this run.
          log('warn', 'import lost a race with another run; nothing published');
          return { ...report, published: false, raceLost: true };
        }
        throw error;
      }
      for (const a of manifest.files.filter((f) => report.accepted.some((r) => r.file === f.fileName))) {
        await deps.doc.send(
          new PutCommand({ TableName: deps.tableName, Item: { ...fileKey(a.sha256), fileName: a.fileName, status: 'accepted', formatId: a.formatId, at: a.importedAt } }),
        );
      }
      report.snapshotId = snapshot.snapshotId;
      report.published = true;
    }
  }
  for (const key of handled) await deps.s3.send(new DeleteObjectCommand({ Bucket: deps.bucket, Key: key }));
  log('info', 'import done', {
    accepted: report.accepted.length,
    quarantined: report.quarantined.length,
    alreadyImported: report.alreadyImported.length,
    published: report.published,
    snapshotId: report.snapshotId,
  });
  return report;
}

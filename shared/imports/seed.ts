import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileSnapshot, sha256, type AcceptedFile, type CompileResult, type Manifest, type SourceFile } from './snapshot.ts';
import { checkNewFile } from './snapshot.ts';

/**
 * The real public source files in data/indicators (see data/SOURCES.md): what `npm start` drops into
 * the local imports bucket, and what a plain `npm run build:site` compiles when no live snapshot is
 * asked for. Read from disk: scripts and tests only, never bundled into a Lambda.
 */
export const SEED_DIR = 'data/indicators';

export function seedFiles(dir = SEED_DIR): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((fileName) => ({ fileName, bytes: readFileSync(path.join(dir, fileName)) }));
}

/** Compiles the seed files the way the import would accept them one by one. */
export function compileSeed(files: SourceFile[] = seedFiles(), at = new Date().toISOString()): CompileResult {
  const manifest: Manifest = { files: [] };
  const bySha = new Map<string, SourceFile>();
  const read = (file: AcceptedFile) => bySha.get(file.sha256)!;
  for (const file of files) {
    const check = checkNewFile(manifest, read, file);
    if (!check.ok) return { ok: false, fileName: file.fileName, errors: check.errors };
    const sha = sha256(file.bytes);
    bySha.set(sha, file);
    manifest.files.push({ sha256: sha, fileName: file.fileName, formatId: check.formatId, kind: check.kind, importedAt: at });
  }
  return compileSnapshot(manifest, read, at);
}

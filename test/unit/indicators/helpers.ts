import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_AREA_SOURCES, defaultAreaSet } from '../../../shared/areas/default-areas.ts';
import { parseSourceFile, type ParseContext, type ParseResult } from '../../../shared/indicators/parse.ts';

export const REPO = path.resolve(import.meta.dirname, '../../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/indicators');

export function context(): ParseContext {
  return { areaSet: defaultAreaSet(), areaSources: DEFAULT_AREA_SOURCES };
}

export function parseText(fileName: string, text: string): ParseResult {
  return parseSourceFile(fileName, text, context());
}

export function parseFile(file: string): ParseResult {
  return parseSourceFile(path.basename(file), readFileSync(file), context());
}

export function ok<T extends ParseResult>(result: T): Extract<T, { ok: true; kind: 'indicators' }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors.slice(0, 5))}`);
  if (result.kind !== 'indicators') throw new Error('expected an indicator file');
  return result as Extract<T, { ok: true; kind: 'indicators' }>;
}

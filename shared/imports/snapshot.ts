import { createHash } from 'node:crypto';
import { DEFAULT_AREA_SOURCES } from '../areas/default-areas.ts';
import { buildAreaSet, type Area, type AreaSet, type AreaSources, type Membership } from '../areas/model.ts';
import { computeFigures, type Figure } from '../indicators/aggregate.ts';
import { parseSourceFile, type ImportError, type Observation } from '../indicators/parse.ts';

/**
 * A snapshot is everything the public pages show: the area set and every figure, compiled from the
 * accepted source files. It is written once under its own id and made live by one pointer switch,
 * so readers never see half an import. The same accepted files always give the same snapshot id.
 */
export interface AcceptedFile {
  sha256: string;
  fileName: string;
  formatId: string;
  kind: 'indicators' | 'areas';
  importedAt: string;
}

/** Which accepted files make up a snapshot, in the order they were accepted. */
export interface Manifest {
  files: AcceptedFile[];
}

export interface PublishedArea extends Area {
  /** Members (group areas) or groups (gemeenten), with postcode shares where a gemeente is split. */
  members?: readonly Membership[];
  groups?: readonly Membership[];
}

export interface PublishedSnapshot {
  snapshotId: string;
  compiledAt: string;
  manifest: Manifest;
  indelingYear: number;
  areas: PublishedArea[];
  figures: Figure[];
}

export interface SourceFile {
  fileName: string;
  bytes: Buffer | string;
}

export type CompileResult =
  | { ok: true; snapshot: PublishedSnapshot; observations: number }
  | { ok: false; fileName: string; errors: ImportError[] };

export function manifestId(manifest: Manifest): string {
  const key = manifest.files.map((f) => `${f.kind}:${f.formatId}:${f.sha256}`).join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Compiles the snapshot of a manifest: area files first (each replaces one bundled area table), then
 * every indicator file against that area set; a later file's value replaces an earlier one for the
 * same indicator, area and period. Any file that no longer parses makes the whole compile fail.
 */
export function compileSnapshot(manifest: Manifest, read: (file: AcceptedFile) => SourceFile, compiledAt: string): CompileResult {
  let areaSources: AreaSources = { ...DEFAULT_AREA_SOURCES };
  let areaSet: AreaSet = buildAreaSet(areaSources);
  for (const file of manifest.files.filter((f) => f.kind === 'areas')) {
    const source = read(file);
    const parsed = parseSourceFile(source.fileName, source.bytes, { areaSet, areaSources });
    if (!parsed.ok) return { ok: false, fileName: file.fileName, errors: parsed.errors };
    if (parsed.kind !== 'areas') throw new Error(`${file.fileName} is not an area file`);
    areaSources = parsed.areaSources;
    areaSet = parsed.areaSet;
  }
  const byKey = new Map<string, Observation>();
  for (const file of manifest.files.filter((f) => f.kind === 'indicators')) {
    const source = read(file);
    const parsed = parseSourceFile(source.fileName, source.bytes, { areaSet, areaSources });
    if (!parsed.ok) return { ok: false, fileName: file.fileName, errors: parsed.errors };
    if (parsed.kind !== 'indicators') throw new Error(`${file.fileName} is not an indicator file`);
    for (const o of parsed.observations) byKey.set(`${o.indicatorId}|${o.areaCode}|${o.period}`, o);
  }
  const figures = computeFigures(byKey.values(), areaSet);
  const areas: PublishedArea[] = [...areaSet.areas.values()].map((area) => ({
    ...area,
    ...(areaSet.members.has(area.code) ? { members: areaSet.members.get(area.code) } : {}),
    ...(areaSet.groupsOf.has(area.code) ? { groups: areaSet.groupsOf.get(area.code) } : {}),
  }));
  return {
    ok: true,
    observations: byKey.size,
    snapshot: {
      snapshotId: manifestId(manifest),
      compiledAt,
      manifest,
      indelingYear: areaSet.indelingYear,
      areas,
      figures: [...figures.figures],
    },
  };
}

/** Checks one new file on its own against the areas of a manifest, before it joins the manifest. */
export function checkNewFile(
  manifest: Manifest,
  read: (file: AcceptedFile) => SourceFile,
  file: SourceFile,
): { ok: true; kind: 'indicators' | 'areas'; formatId: string; rows: number } | { ok: false; formatId?: string; errors: ImportError[] } {
  let areaSources: AreaSources = { ...DEFAULT_AREA_SOURCES };
  let areaSet = buildAreaSet(areaSources);
  for (const accepted of manifest.files.filter((f) => f.kind === 'areas')) {
    const parsed = parseSourceFile(accepted.fileName, read(accepted).bytes, { areaSet, areaSources });
    if (parsed.ok && parsed.kind === 'areas') {
      areaSources = parsed.areaSources;
      areaSet = parsed.areaSet;
    }
  }
  const parsed = parseSourceFile(file.fileName, file.bytes, { areaSet, areaSources });
  if (!parsed.ok) return { ok: false, ...(parsed.formatId ? { formatId: parsed.formatId } : {}), errors: parsed.errors };
  return { ok: true, kind: parsed.kind, formatId: parsed.format.id, rows: parsed.rowsRead };
}

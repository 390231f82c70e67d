import * as z from 'zod';
import { AREA_KINDS } from '../areas/model.ts';
import { INDICATORS_BY_ID } from '../indicators/catalogue.ts';
import type { PublishedSnapshot } from './snapshot.ts';

/**
 * What the site build needs of a snapshot, checked on the exact JSON that is (or was) written to
 * published/<id>.json, before the live pointer may move to it, and again by the site build before it
 * builds. A snapshot that fails here is never made live, so the site build cannot fail on it:
 * - every figure value is a finite number (JSON has no Infinity: it would arrive as null);
 * - every area and every figure has the fields the pages read, of the right type;
 * - every figure's indicator is in the catalogue, its area exists, with the same kind (a gemeente
 *   dissolved before the current indeling keeps figures of its own years under its own code);
 * - every member, group and lacking area referenced exists; no area code, slug or figure twice.
 */
const MAX_PROBLEMS = 20;

const finite = z.number().refine(Number.isFinite, 'not a finite number');
const membership = z.object({
  gemeenteCode: z.string().min(1),
  groupCode: z.string().min(1),
  groupKind: z.enum(AREA_KINDS.filter((k) => k !== 'gemeente') as ['swv-po']),
  share: finite.refine((v) => v > 0 && v <= 1, 'share outside (0, 1]'),
});
const area = z.object({
  kind: z.enum(AREA_KINDS as unknown as ['gemeente']),
  code: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  hasOwnName: z.boolean(),
  members: z.array(membership).optional(),
  groups: z.array(membership).optional(),
});
const result = z.discriminatedUnion('state', [
  z.object({ state: z.literal('value'), value: finite }),
  z.object({ state: z.literal('secret') }),
  z.object({ state: z.literal('missing') }),
  z.object({ state: z.literal('incomplete'), lacking: z.array(z.object({ areaCode: z.string().min(1), state: z.string() })) }),
  z.object({ state: z.literal('not-aggregatable'), reason: z.string() }),
  z.object({ state: z.literal('zero-denominator') }),
  z.object({ state: z.literal('not-available'), reason: z.string() }),
  z.object({ state: z.literal('no-data') }),
]);
const figure = z.object({
  indicatorId: z.string().min(1),
  areaCode: z.string().min(1),
  areaKind: z.enum(AREA_KINDS as unknown as ['gemeente']),
  period: z.string().regex(/^\d{4}(\/\d{4})?$/),
  result,
  method: z.string(),
  provisional: z.boolean(),
  boundaries: z.enum(['current', 'as-of-year']),
});
const snapshotSchema = z.object({
  snapshotId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  compiledAt: z.string().min(1),
  manifest: z.object({ files: z.array(z.object({ sha256: z.string(), fileName: z.string(), formatId: z.string(), kind: z.enum(['indicators', 'areas']) })) }),
  indelingYear: z.number().int().min(2000).max(2100),
  areas: z.array(area).min(1),
  figures: z.array(figure),
});

export type SnapshotCheck = { ok: true; snapshot: PublishedSnapshot } | { ok: false; problems: string[] };

/** Checks a snapshot as parsed from its JSON (pass `JSON.parse(json)`, not the object in memory). */
export function validateSnapshot(data: unknown): SnapshotCheck {
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const snapshot = parsed.data;
  const problems: string[] = [];
  const add = (problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const kinds = new Map<string, string>();
  const slugs = new Set<string>();
  for (const a of snapshot.areas) {
    if (kinds.has(a.code)) add(`area ${a.code} occurs twice`);
    kinds.set(a.code, a.kind);
    const slug = `${a.kind}/${a.slug}`;
    if (slugs.has(slug)) add(`slug ${slug} occurs twice`);
    slugs.add(slug);
  }
  if (![...kinds.values()].includes('nederland')) add('no area of kind nederland');
  for (const a of snapshot.areas) {
    for (const m of [...(a.members ?? []), ...(a.groups ?? [])]) {
      if (!kinds.has(m.gemeenteCode)) add(`area ${a.code} refers to unknown gemeente ${m.gemeenteCode}`);
      if (kinds.get(m.groupCode) !== m.groupKind) add(`area ${a.code} refers to unknown ${m.groupKind} ${m.groupCode}`);
    }
  }
  const seen = new Set<string>();
  snapshot.figures.forEach((f, i) => {
    const where = `figures.${i} (${f.indicatorId} ${f.areaCode} ${f.period})`;
    if (!INDICATORS_BY_ID.has(f.indicatorId)) add(`${where}: indicator not in the catalogue`);
    const kind = kinds.get(f.areaCode);
    if (kind === undefined) {
      // A gemeente dissolved before the current indeling keeps its own figures for its own years.
      if (!(f.areaKind === 'gemeente' && f.boundaries === 'as-of-year' && /^GM\d{4}$/.test(f.areaCode))) add(`${where}: area does not exist`);
    }
    else if (kind !== f.areaKind) add(`${where}: area is a ${kind}, not a ${f.areaKind}`);
    const key = `${f.indicatorId}|${f.areaCode}|${f.period}`;
    if (seen.has(key)) add(`${where}: figure occurs twice`);
    seen.add(key);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, snapshot: data as PublishedSnapshot };
}

/** The JSON to write for a snapshot, checked as it will be read back; throws nothing. */
export function serialiseSnapshot(snapshot: PublishedSnapshot): { json: string; check: SnapshotCheck } {
  const json = JSON.stringify(snapshot);
  return { json, check: validateSnapshot(JSON.parse(json)) };
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileSeed } from '../../../shared/imports/seed.ts';
import type { PublishedSnapshot } from '../../../shared/imports/snapshot.ts';
import { serialiseSnapshot, validateSnapshot } from '../../../shared/imports/validate.ts';

/** The check that runs on published/<id>.json before the live pointer moves, and before a site build. */
const compiled = compileSeed();
if (!compiled.ok) throw new Error('seed does not compile');
const seed = compiled.snapshot;
const copy = (): PublishedSnapshot => JSON.parse(JSON.stringify(seed)) as PublishedSnapshot;
const firstValue = (s: PublishedSnapshot) => s.figures.find((f) => f.result.state === 'value' && f.boundaries === 'current')!;

describe('validateSnapshot', () => {
  test('the snapshot of the real source files passes, as written', () => {
    const { json, check } = serialiseSnapshot(seed);
    expect(check.ok, JSON.stringify(!check.ok && check.problems)).toBe(true);
    expect(JSON.parse(json)).toEqual(copy());
  });

  test('Infinity in memory becomes null in JSON, and is refused', () => {
    const s = copy();
    (firstValue(s).result as { value: number }).value = Infinity;
    const { check } = serialiseSnapshot(s);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems[0]).toMatch(/^figures\.\d+\.result\.value/);
  });

  test.each([
    ['NaN', (s: PublishedSnapshot) => ((firstValue(s).result as { value: unknown }).value = Number.NaN), /result\.value/],
    ['a string value', (s: PublishedSnapshot) => ((firstValue(s).result as { value: unknown }).value = '12'), /result\.value/],
    ['an unknown area', (s: PublishedSnapshot) => (firstValue(s).areaCode = 'GM9999'), /area does not exist/],
    ['a wrong area kind', (s: PublishedSnapshot) => (s.figures.find((f) => f.areaKind === 'gemeente' && f.boundaries === 'current')!.areaKind = 'provincie'), /is a gemeente, not a provincie/],
    ['an unknown indicator', (s: PublishedSnapshot) => (firstValue(s).indicatorId = 'onbekend'), /not in the catalogue/],
    ['a figure twice', (s: PublishedSnapshot) => s.figures.push(firstValue(s)), /occurs twice/],
    ['an area twice', (s: PublishedSnapshot) => s.areas.push(s.areas[0]!), /occurs twice/],
    ['a member that does not exist', (s: PublishedSnapshot) => (s.areas.find((a) => a.members?.length)!.members![0]!.gemeenteCode = 'GM9998'), /unknown gemeente GM9998/],
    ['no areas', (s: PublishedSnapshot) => (s.areas = []), /areas/],
    ['a broken period', (s: PublishedSnapshot) => (firstValue(s).period = '20x2'), /period/],
  ])('refuses %s', (_, breakIt, problem) => {
    const s = copy();
    breakIt(s);
    const check = validateSnapshot(JSON.parse(JSON.stringify(s)));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems.join('\n')).toMatch(problem);
  });
});

describe('the site build', () => {
  test('refuses a snapshot that fails the check, before it writes anything of the site', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'maoj-site-'));
    const bad = copy();
    (firstValue(bad).result as { value: number }).value = Infinity; // written as null
    writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify(bad));
    const out = path.join(dir, 'dist');
    const run = spawnSync('npm', ['run', '-s', 'build:site'], {
      env: { ...process.env, SNAPSHOT_FILE: path.join(dir, 'snapshot.json'), SITE_OUT_DIR: out },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Site build refused');
    expect(run.stderr).toMatch(/result\.value/);
    expect(existsSync(out)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

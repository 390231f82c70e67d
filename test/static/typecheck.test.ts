import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('TypeScript', () => {
  it('the whole project type-checks in strict mode', () => {
    const out = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { encoding: 'utf8' });
    expect(out.stdout + out.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(out.status).toBe(0);
  }, 120_000);
});

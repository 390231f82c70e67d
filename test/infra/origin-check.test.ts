import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER, originCheck, SECRET_MAX_AGE_MS, sameSecret } from '../../infra/origin-check/handler.ts';

/** The origin check's own logic (the API Gateway wiring is in stack.test.ts). */
const SECRET = 'a'.repeat(24) + 'B'.repeat(24);

describe('origin check (API authorizer)', () => {
  it('lets a request through only with the exact secret header', async () => {
    const check = originCheck(async () => SECRET);
    await expect(check({ headers: { [ORIGIN_VERIFY_HEADER]: SECRET } })).resolves.toEqual({ isAuthorized: true });
    for (const value of [undefined, '', SECRET.slice(1), `${SECRET} `, SECRET.toLowerCase(), 'x']) {
      await expect(check({ headers: { [ORIGIN_VERIFY_HEADER]: value } }), String(value)).resolves.toEqual({ isAuthorized: false });
    }
    await expect(check({ headers: null })).resolves.toEqual({ isAuthorized: false });
    await expect(check({})).resolves.toEqual({ isAuthorized: false });
    // Another header with the secret value is not the origin header.
    await expect(check({ headers: { 'x-other': SECRET } })).resolves.toEqual({ isAuthorized: false });
  });

  it('never accepts an empty or short secret', () => {
    expect(sameSecret('', '')).toBe(false);
    expect(sameSecret('short', 'short')).toBe(false);
    expect(sameSecret(SECRET, SECRET)).toBe(true);
  });

  it('reads the secret once per container period, and again after a failure', async () => {
    let reads = 0;
    let fail = true;
    let now = 0;
    const check = originCheck(
      async () => {
        reads += 1;
        if (fail) throw new Error('Secrets Manager unavailable');
        return SECRET;
      },
      () => now,
    );
    const good = { headers: { [ORIGIN_VERIFY_HEADER]: SECRET } };
    await expect(check(good)).rejects.toThrow(/unavailable/);
    fail = false;
    await expect(check(good)).resolves.toEqual({ isAuthorized: true });
    await check(good);
    await check(good);
    expect(reads).toBe(2);
    now += SECRET_MAX_AGE_MS + 1;
    await check(good);
    expect(reads).toBe(3);
  });
});

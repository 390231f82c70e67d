import { describe, expect, it } from 'vitest';
import { freePort, startDynamoDb } from '../../scripts/local/emulators.ts';

describe('local emulators', () => {
  it('says plainly that Java is missing, at once, instead of timing out', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent'; // this test file runs in its own process
    try {
      const started = Date.now();
      await expect(startDynamoDb(await freePort())).rejects.toThrow(/Java was not found.*Java 17 or newer/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      process.env.PATH = path;
    }
  });
});

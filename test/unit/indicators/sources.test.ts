import { describe, expect, it } from 'vitest';
import { INDICATORS, INDICATORS_BY_ID, KEY_FIGURES } from '../../../shared/indicators/catalogue.ts';
import { INDICATOR_FORMATS } from '../../../shared/indicators/formats.ts';

/** Trustworthy sources (issue 9): a real table id, or plainly what is known; never a guess. */
const TABLE_ID = /^\d{5}(NED|ENG)$/;

describe('sources of the indicators', () => {
  const cbs = INDICATORS.flatMap((d) => d.sources.filter((s) => s.publisher === 'CBS').map((s) => [d.id, s] as const));
  it('every public CBS source names real StatLine table ids, or says the id is not in the file', () => {
    expect(cbs.length).toBeGreaterThan(10);
    for (const [id, s] of cbs) {
      if (s.tableId) {
        for (const part of s.tableId.split(/,\s*/)) expect(part.replace(/\s*\(\d{4}\)$/, ''), id).toMatch(TABLE_ID);
      } else {
        expect(s.tableIdUnknown, id).toMatch(/tabelnummer staat niet in het bestand/);
      }
      for (const t of Object.values(s.tableIdByPeriod ?? {})) expect(t).toMatch(TABLE_ID);
    }
  });
  it('no source, in the catalogue or in a file format, guesses ("waarschijnlijk", "not verified", "likely")', () => {
    const text = JSON.stringify([INDICATORS.map((d) => d.sources), INDICATOR_FORMATS.map((f) => f.source)]);
    expect(text).not.toMatch(/waarschijnlijk|not verified|likely/i);
  });
  it('the key figures of the summary exist', () => {
    expect(KEY_FIGURES.length).toBeGreaterThanOrEqual(3);
    for (const id of KEY_FIGURES) expect(INDICATORS_BY_ID.get(id), id).toBeDefined();
  });
});

import { describe, expect, test } from 'vitest';
import { incomingKeysFromEvent, keyPart } from '../../../shared/imports/run.ts';
import { parseText } from './helpers.ts';

const HEADER = 'gebiedscode;peiljaar;leerlingen_po;leerlingen_so;leerlingen_vo;leerlingen_vso';
const codes = (text: string) => {
  const r = parseText('TESTDATA_leerlingen.csv', text);
  return r.ok ? 'ok' : r.errors.map(({ line, column, code }) => ({ line, column, code }));
};

describe('numbers the import must refuse', () => {
  test('a 310-digit number is not a count', () => {
    expect(codes(`${HEADER}\nGM0363;2024;${'9'.repeat(310)};1;1;1\n`)).toEqual([{ line: 2, column: 'leerlingen_po', code: 'number-not-finite' }]);
  });
  test('1e23 written out is not a pupil count', () => {
    expect(codes(`${HEADER}\nGM0363;2024;1;100000000000000000000000;1;1\n`)).toEqual([{ line: 2, column: 'leerlingen_so', code: 'value-out-of-range' }]);
  });
});

describe('incoming keys, whatever their characters', () => {
  const event = (...keys: string[]) => ({ Records: keys.map((key) => ({ s3: { object: { key } } })) });
  test('S3 notification keys are URL-decoded, with + as a space', () => {
    expect(incomingKeysFromEvent(event('incoming/a%2Bb+c%25.csv', 'incoming/%C3%ABxtra.csv'))).toEqual(['incoming/a+b c%.csv', 'incoming/ëxtra.csv']);
  });
  test('a key that is not valid URL encoding (s3rver sends keys raw) is kept as it is, never throws', () => {
    expect(incomingKeysFromEvent(event('incoming/100%.csv', 'incoming/%E0%A4%A.csv'))).toEqual(['incoming/100%.csv', 'incoming/%E0%A4%A.csv']);
  });
  test('keys outside incoming/ and records without a key are left out; no records: the whole of incoming/', () => {
    expect(incomingKeysFromEvent({ Records: [{ s3: { object: { key: 'published/x.json' } } }, {}, null] })).toEqual([]);
    expect(incomingKeysFromEvent({})).toBeUndefined();
    expect(incomingKeysFromEvent(undefined)).toBeUndefined();
  });
  test('a file name keeps at most 200 bytes in the keys the import writes, with its extension', () => {
    expect(keyPart('kort.csv')).toBe('kort.csv');
    const long = `${'ë'.repeat(300)}.csv`;
    const part = keyPart(long);
    expect(Buffer.byteLength(part)).toBeLessThanOrEqual(200);
    expect(part.endsWith('~.csv')).toBe(true);
    expect(part.startsWith('ëë')).toBe(true);
  });
});

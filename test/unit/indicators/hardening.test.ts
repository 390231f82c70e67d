import { describe, expect, test } from 'vitest';
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

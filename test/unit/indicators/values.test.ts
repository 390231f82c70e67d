import { describe, expect, test } from 'vitest';
import { readCell } from '../../../shared/indicators/values.ts';

describe('readCell', () => {
  test('reads whole numbers, also space padded as in CBS OData files', () => {
    expect(readCell('862965', 'integer')).toEqual({ state: 'value', value: 862965 });
    expect(readCell('     595', 'integer')).toEqual({ state: 'value', value: 595 });
  });

  test('reads a decimal comma and a decimal point only where the column says so', () => {
    expect(readCell('13,2', 'decimal-comma')).toEqual({ state: 'value', value: 13.2 });
    expect(readCell('13', 'decimal-comma')).toEqual({ state: 'value', value: 13 });
    expect(readCell('13.2', 'decimal-point')).toEqual({ state: 'value', value: 13.2 });
    expect(readCell('13.2', 'decimal-comma')).toMatchObject({ code: 'number-invalid' });
    expect(readCell('13,2', 'integer')).toMatchObject({ code: 'number-invalid' });
  });

  test('reads whole tenths for copies that lost their decimal comma, and refuses a value that still has one', () => {
    expect(readCell('68', 'integer-tenths')).toEqual({ state: 'value', value: 6.8 });
    expect(readCell('118', 'integer-tenths')).toEqual({ state: 'value', value: 11.8 });
    expect(readCell('6,8', 'integer-tenths')).toMatchObject({ code: 'number-decimals-unexpected' });
    expect(readCell('6.8', 'integer-tenths')).toMatchObject({ code: 'number-decimals-unexpected' });
  });

  test('keeps CBS secret markers as their own state, never 0', () => {
    expect(readCell('.', 'integer')).toEqual({ state: 'secret', marker: '.' });
    expect(readCell('       .', 'integer')).toEqual({ state: 'secret', marker: '.' });
    expect(readCell('x', 'decimal-comma')).toEqual({ state: 'secret', marker: 'x' });
    expect(readCell('geheim', 'integer')).toEqual({ state: 'secret', marker: 'geheim' });
  });

  test('an empty field is missing; "-" is the CBS sign for nihil (a real zero)', () => {
    expect(readCell('', 'integer')).toEqual({ state: 'missing' });
    expect(readCell('   ', 'integer')).toEqual({ state: 'missing' });
    expect(readCell('-', 'integer')).toEqual({ state: 'value', value: 0, marker: '-' });
  });

  test('text is rejected', () => {
    expect(readCell('veel', 'integer')).toMatchObject({ code: 'number-invalid' });
    expect(readCell('1.234', 'integer')).toMatchObject({ code: 'number-invalid' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseMonthKey } from './month-key';
import { observePoint } from './observations';

const month = parseMonthKey('2026-03');

describe('observePoint', () => {
  it.each([
    ['PROPORTION', { numerator: 3, denominator: 12 }, 0.25],
    ['RATE', { numerator: 30, denominator: 12 }, 2.5],
    ['COUNT', { value: 4 }, 4],
    ['COUNT', { numerator: 4 }, 4],
    ['MEAN', { value: -1.5 }, -1.5],
    ['MEAN', { numerator: 90, denominator: 12 }, 7.5],
  ] as const)('reads a %s point %j as %s', (kind, fields, value) => {
    expect(observePoint(kind, { month, ...fields })).toMatchObject({ value, excluded: null });
  });

  it('keeps the subgroup size of ratio measures for the limits', () => {
    expect(observePoint('PROPORTION', { month, numerator: 3, denominator: 12 })).toEqual({
      month,
      value: 0.25,
      numerator: 3,
      denominator: 12,
      excluded: null,
    });
  });

  it.each([
    ['PROPORTION', { numerator: 0, denominator: 0 }, 'ZERO_DENOMINATOR'],
    ['RATE', { numerator: 2, denominator: 0 }, 'ZERO_DENOMINATOR'],
    ['MEAN', { numerator: 2, denominator: 0 }, 'ZERO_DENOMINATOR'],
    ['PROPORTION', { numerator: 3 }, 'MISSING_VALUE'],
    ['COUNT', {}, 'MISSING_VALUE'],
    ['MEAN', {}, 'MISSING_VALUE'],
    ['PROPORTION', { numerator: 13, denominator: 12 }, 'INVALID_VALUE'],
    ['PROPORTION', { numerator: -1, denominator: 12 }, 'INVALID_VALUE'],
    ['RATE', { numerator: 1, denominator: -5 }, 'INVALID_VALUE'],
    ['COUNT', { value: -2 }, 'INVALID_VALUE'],
    ['MEAN', { value: Number.NaN }, 'INVALID_VALUE'],
    ['RATE', { numerator: Number.POSITIVE_INFINITY, denominator: 3 }, 'INVALID_VALUE'],
  ] as const)('leaves out a %s point %j: %s', (kind, fields, reason) => {
    expect(observePoint(kind, { month, ...fields })).toEqual({
      month,
      value: null,
      numerator: null,
      denominator: null,
      excluded: reason,
    });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addMonths,
  compareMonthKeys,
  isMonthKey,
  monthKeyFromParts,
  monthKeyParts,
  monthRange,
  monthsBetween,
  parseMonthKey,
  type MonthKey,
} from './month-key';

const key = (text: string): MonthKey => parseMonthKey(text);

describe('isMonthKey and parseMonthKey', () => {
  it.each(['2026-03', '0001-01', '9999-12', '2024-12'])('accept %s', (text) => {
    expect(isMonthKey(text)).toBe(true);
    expect(parseMonthKey(text)).toBe(text);
  });

  it.each(['2026-3', '2026-00', '2026-13', '0000-05', '26-03', '2026-03-01', ' 2026-03', '2026/03', ''])(
    'reject %j',
    (text) => {
      expect(isMonthKey(text)).toBe(false);
      expect(() => parseMonthKey(text)).toThrow(RangeError);
    },
  );

  it.each([null, undefined, 202603, new Date(2026, 2, 1)])('reject the non-string %s', (value) => {
    expect(isMonthKey(value)).toBe(false);
  });
});

describe('monthKeyFromParts and monthKeyParts', () => {
  it.each([
    [2026, 3, '2026-03'],
    [999, 12, '0999-12'],
    [2024, 1, '2024-01'],
  ])('year %i month %i is %s and back', (year, month, text) => {
    expect(monthKeyFromParts(year, month)).toBe(text);
    expect(monthKeyParts(key(text))).toEqual({ year, month });
  });

  it.each([
    [2026, 0],
    [2026, 13],
    [0, 1],
    [10000, 1],
    [2026.5, 1],
    [2026, 1.5],
  ])('rejects year %s month %s', (year, month) => {
    expect(() => monthKeyFromParts(year, month)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-03', 1, '2026-04'],
    ['2025-12', 1, '2026-01'],
    ['2026-01', -1, '2025-12'],
    ['2024-11', 14, '2026-01'],
    ['2026-02', -26, '2023-12'],
    ['2026-03', 0, '2026-03'],
    ['2000-06', 1200, '2100-06'],
  ])('%s plus %i months is %s', (from, count, expected) => {
    expect(addMonths(key(from), count)).toBe(expected);
  });

  it('rejects a fractional month count and a result outside years 1–9999', () => {
    expect(() => addMonths(key('2026-03'), 0.5)).toThrow(RangeError);
    expect(() => addMonths(key('9999-12'), 1)).toThrow(RangeError);
    expect(() => addMonths(key('0001-01'), -1)).toThrow(RangeError);
  });
});

describe('compareMonthKeys and monthsBetween', () => {
  it.each([
    ['2025-12', '2026-01', 1],
    ['2026-01', '2025-12', -1],
    ['2024-02', '2026-02', 24],
    ['2026-05', '2026-05', 0],
  ])('from %s to %s is %i months', (from, to, months) => {
    expect(monthsBetween(key(from), key(to))).toBe(months);
    expect(Math.sign(compareMonthKeys(key(to), key(from)))).toBe(Math.sign(months));
  });

  it('sorts month keys chronologically', () => {
    const months = ['2026-01', '2024-12', '2025-06', '2025-01'].map(key);
    expect([...months].sort(compareMonthKeys)).toEqual(['2024-12', '2025-01', '2025-06', '2026-01']);
  });
});

describe('monthRange', () => {
  it('lists every month across a year boundary, both ends included', () => {
    expect(monthRange(key('2025-11'), key('2026-02'))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('is a single month when the ends are equal and empty when they are reversed', () => {
    expect(monthRange(key('2026-03'), key('2026-03'))).toEqual(['2026-03']);
    expect(monthRange(key('2026-03'), key('2026-02'))).toEqual([]);
  });

  it('spans 36 months over three years', () => {
    const months = monthRange(key('2023-01'), key('2025-12'));
    expect(months).toHaveLength(36);
    expect(months[12]).toBe('2024-01');
  });
});

describe('time zones', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // Month arithmetic on year and month integers never consults a Date, so no time zone (TZ, DST,
  // the host's clock) can shift a month. Prove it by making any use of Date fail.
  it('gives the same results with Date unavailable', () => {
    const monthArithmetic = () => [
      addMonths(key('2025-12'), 1),
      monthRange(key('2024-11'), key('2025-02')),
      monthsBetween(key('2025-03'), key('2026-03')),
    ];
    const before = monthArithmetic();
    vi.stubGlobal(
      'Date',
      new Proxy(Date, {
        construct: () => {
          throw new Error('Date used');
        },
        get: () => {
          throw new Error('Date used');
        },
      }),
    );
    const after = monthArithmetic();
    expect(after).toEqual(before);
    expect(after).toEqual(['2026-01', ['2024-11', '2024-12', '2025-01', '2025-02'], 12]);
  });
});

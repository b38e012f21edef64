import { describe, expect, it } from 'vitest';
import { dayOf, isoDay } from './days';

describe('isoDay and dayOf', () => {
  it.each([
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['2026-03-01T23:59:59.999Z', '2026-03-01'],
    ['2024-02-29T12:00:00+05:00', '2024-02-29'],
    ['2026-01-01T01:00:00+02:00', '2025-12-31'],
  ])('%s is the UTC day %s', (instant, day) => {
    expect(isoDay(new Date(instant))).toBe(day);
  });

  it('round-trips a day through its starting instant', () => {
    expect(dayOf('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(isoDay(dayOf('2024-02-29'))).toBe('2024-02-29');
  });
});

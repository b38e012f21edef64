import { describe, expect, it } from 'vitest';
import { tightenBounds } from './disclosure-bounds';

const settled = (result: ReturnType<typeof tightenBounds>) => {
  if (result.kind !== 'settled') throw new Error(`expected settled, got ${result.kind}`);
  return result.bounds;
};

describe('tightenBounds', () => {
  it('pins the only unknown of a sum', () => {
    const bounds = settled(tightenBounds({ boxes: [{ lo: 20, hi: 20 }, { lo: 1, hi: 10 }], sums: [{ vars: [0, 1], total: 23 }], atMost: [] }));
    expect(bounds[1]).toEqual({ lo: 3, hi: 3 });
  });

  it.each([
    // two small unknowns, total minus known = their sum
    { sum: 2, expected: [{ lo: 1, hi: 1 }, { lo: 1, hi: 1 }] },
    { sum: 7, expected: [{ lo: 1, hi: 6 }, { lo: 1, hi: 6 }] },
    { sum: 20, expected: [{ lo: 10, hi: 10 }, { lo: 10, hi: 10 }] },
  ])('narrows two boxes 1..10 summing to $sum', ({ sum, expected }) => {
    const bounds = settled(tightenBounds({ boxes: [{ lo: 1, hi: 10 }, { lo: 1, hi: 10 }], sums: [{ vars: [0, 1], total: sum }], atMost: [] }));
    expect(bounds).toEqual(expected);
  });

  it('keeps an unbounded box unbounded below the sum only', () => {
    const bounds = settled(tightenBounds({ boxes: [{ lo: 1, hi: 10 }, { lo: 11, hi: Infinity }], sums: [{ vars: [0, 1], total: 12 }], atMost: [] }));
    expect(bounds).toEqual([{ lo: 1, hi: 1 }, { lo: 11, hi: 11 }]);
  });

  it('bounds a numerator by its denominator and the denominator by its numerator', () => {
    const bounds = settled(tightenBounds({ boxes: [{ lo: 11, hi: Infinity }, { lo: 12, hi: 12 }, { lo: 5, hi: 5 }, { lo: 7, hi: Infinity }], sums: [], atMost: [[0, 1], [2, 3]] }));
    expect(bounds).toEqual([{ lo: 11, hi: 12 }, { lo: 12, hi: 12 }, { lo: 5, hi: 5 }, { lo: 7, hi: Infinity }]);
  });

  it('reports contradictory constraints', () => {
    expect(tightenBounds({ boxes: [{ lo: 1, hi: 10 }], sums: [{ vars: [0], total: 30 }], atMost: [] }).kind).toBe('infeasible');
  });
});

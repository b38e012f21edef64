import { describe, expect, it } from 'vitest';
import { chiSquaredUpperTail, logGamma } from './chi-squared';

// Expected values from R 4.2.2: pchisq(x, df, lower.tail = FALSE) and lgamma(x)
// (fixtures/funnel-worked-values.R prints the pchisq ones).
describe('chiSquaredUpperTail', () => {
  it.each([
    [14.0671405764057, 7, 0.0499999977883297],
    [3.2, 1, 0.0736382701203028],
    [0.5, 2, 0.778800783071405],
    [100, 49, 2.36461110898507e-5],
    [30.5, 9, 0.000360527284203569],
    [1e-3, 3, 0.999991592080942],
    [250, 240, 0.315408677833545],
  ])('P(χ² > %s) on %s degrees of freedom is %s', (x, df, expected) => {
    expect(chiSquaredUpperTail(x, df)).toBeCloseTo(expected, 12);
    expect(Math.abs(chiSquaredUpperTail(x, df) - expected) / expected).toBeLessThan(1e-9);
  });

  it('is 1 at 0 and rejects impossible arguments', () => {
    expect(chiSquaredUpperTail(0, 4)).toBe(1);
    expect(() => chiSquaredUpperTail(-1, 4)).toThrow(/x must/);
    expect(() => chiSquaredUpperTail(1, 0)).toThrow(/degreesOfFreedom/);
    expect(() => chiSquaredUpperTail(Number.NaN, 4)).toThrow(RangeError);
  });
});

describe('logGamma', () => {
  it.each([
    [0.5, 0.5723649429247],
    [1, 0],
    [5, 3.17805383034795],
    [10.5, 13.9406252194038],
    [120, 453.024896238496],
  ])('ln Γ(%s) = %s', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 10);
  });
});

import { describe, expect, it } from 'vitest';
import { type IntegerRange, type ProportionRanges, rangeUnderProportionSums, rangeUnderSum } from './derivable-ranges';

const known = (value: number): IntegerRange => ({ lo: value, hi: value });
const small: IntegerRange = { lo: 1, hi: 10 };
const above10: IntegerRange = { lo: 11, hi: Infinity };

describe('rangeUnderSum', () => {
  it.each([
    { name: 'the only unknown is pinned', ranges: [small, known(20)], total: 23, expected: { lo: 3, hi: 3 } },
    { name: 'two small counts adding to 2 are both 1', ranges: [small, small], total: 2, expected: { lo: 1, hi: 1 } },
    { name: 'two small counts adding to 7 stay open', ranges: [small, small], total: 7, expected: { lo: 1, hi: 6 } },
    {
      name: 'two small counts adding to 20 are both 10',
      ranges: [small, small],
      total: 20,
      expected: { lo: 10, hi: 10 },
    },
    { name: 'a small count beside exactly 11 is 1', ranges: [small, above10], total: 12, expected: { lo: 1, hi: 1 } },
    {
      name: 'a small count beside more than 11 stays open',
      ranges: [small, above10],
      total: 15,
      expected: { lo: 1, hi: 4 },
    },
    { name: 'without a total only the label bounds it', ranges: [small, known(20)], total: null, expected: small },
  ])('$name', ({ ranges, total, expected }) => {
    expect(rangeUnderSum(ranges, 0, total)).toEqual(expected);
  });
});

describe('rangeUnderProportionSums', () => {
  it('bounds a numerator by its shown denominator', () => {
    // A: <11 of 50; B: withheld numerator of 11 shown; numerators add up to 14.
    const sites: ProportionRanges[] = [
      { numerator: small, denominator: known(50) },
      { numerator: above10, denominator: known(11) },
    ];
    expect(rangeUnderProportionSums(sites, 0, 'numerator', { numerator: 14, denominator: 61 })).toEqual({
      lo: 3,
      hi: 3,
    });
  });

  it("pins a numerator through the other sites' denominators", () => {
    // T = 2. B and C: both counts "<3", denominators adding to 3, so their numerators add to at most 3;
    // A's numerator (1..2) must then be 5 - 3 = 2.
    const tiny: IntegerRange = { lo: 1, hi: 2 };
    const sites: ProportionRanges[] = [
      { numerator: tiny, denominator: known(3) },
      { numerator: tiny, denominator: tiny },
      { numerator: tiny, denominator: tiny },
    ];
    expect(rangeUnderProportionSums(sites, 0, 'numerator', { numerator: 5, denominator: 6 })).toEqual({ lo: 2, hi: 2 });
    expect(rangeUnderProportionSums(sites, 0, 'numerator', { numerator: null, denominator: 6 })).toEqual(tiny);
  });

  it('pins a small denominator at its numerator when that is pinned at T', () => {
    const sites: ProportionRanges[] = [
      { numerator: small, denominator: small },
      { numerator: known(30), denominator: known(40) },
    ];
    expect(rangeUnderProportionSums(sites, 0, 'denominator', { numerator: 40, denominator: null })).toEqual({
      lo: 10,
      hi: 10,
    });
  });

  // Exhaustive check of the closed form against enumeration on small random systems.
  it('matches enumeration of every solution', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const rangeAround = (value: number): IntegerRange => {
      const kind = int(0, 2);
      if (kind === 0) return known(value);
      if (kind === 1) return { lo: Math.max(0, value - int(0, 3)), hi: value + int(0, 3) };
      return { lo: Math.max(0, value - int(0, 3)), hi: Infinity };
    };
    for (let round = 0; round < 300; round++) {
      const truth = Array.from({ length: int(1, 4) }, () => {
        const denominator = int(0, 6);
        return { numerator: int(0, denominator), denominator };
      });
      const sites = truth.map((site) => ({
        numerator: rangeAround(site.numerator),
        denominator: rangeAround(site.denominator),
      }));
      const totals = {
        numerator: random() < 0.8 ? truth.reduce((sum, site) => sum + site.numerator, 0) : null,
        denominator: random() < 0.8 ? truth.reduce((sum, site) => sum + site.denominator, 0) : null,
      };
      // Enumeration stops at the cap, above every true count; beyond it the closed form may go on.
      const cap = 12;
      const pairs = (site: ProportionRanges) => {
        const out: [number, number][] = [];
        for (let n = site.numerator.lo; n <= Math.min(site.numerator.hi, cap); n++) {
          for (let d = Math.max(site.denominator.lo, n); d <= Math.min(site.denominator.hi, cap); d++) out.push([n, d]);
        }
        return out;
      };
      // A dimension without a total is not tracked.
      const track = (n: number, d: number) =>
        [totals.numerator === null ? 0 : n, totals.denominator === null ? 0 : d] as const;
      sites.forEach((site, target) => {
        let reach = new Set(['0,0']);
        sites.forEach((other, index) => {
          if (index === target) return;
          const next = new Set<string>();
          for (const key of reach) {
            const [a, b] = key.split(',').map(Number) as [number, number];
            for (const [n, d] of pairs(other)) {
              const [dn, dd] = track(n, d);
              next.add(`${a + dn},${b + dd}`);
            }
          }
          reach = next;
        });
        (['numerator', 'denominator'] as const).forEach((component, offset) => {
          const values = new Set<number>();
          for (const [n, d] of pairs(site)) {
            const [tn, td] = track(n, d);
            const rest = `${(totals.numerator ?? 0) - tn},${(totals.denominator ?? 0) - td}`;
            if (reach.has(rest)) values.add(offset === 0 ? n : d);
          }
          const range = rangeUnderProportionSums(sites, target, component, totals);
          const sorted = [...values].sort((a, b) => a - b);
          const context = JSON.stringify({ sites, totals, target, component });
          expect(range.lo, context).toBe(sorted[0]);
          expect(Math.min(range.hi, cap), context).toBe(sorted[sorted.length - 1]);
          // No holes: every value between the ends is reached.
          expect(sorted.length, context).toBe(sorted[sorted.length - 1] - sorted[0] + 1);
        });
      });
    }
  });
});

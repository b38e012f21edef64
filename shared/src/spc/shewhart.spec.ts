import { describe, expect, it } from 'vitest';
import {
  beyondLimitsSide,
  cChartLimits,
  laneyPChartLimits,
  pChartLimits,
  uChartLimits,
  xmrLimits,
  type Subgroup,
  type XmrLimits,
} from './shewhart';

const subgroups = (numerators: readonly number[], denominators: readonly number[]): Subgroup[] =>
  numerators.map((numerator, index) => ({ numerator, denominator: denominators[index] }));

const outside = (values: readonly number[], lower: readonly (number | null)[], upper: readonly (number | null)[]) =>
  values.flatMap((value, index) => {
    const side = beyondLimitsSide(value, lower[index], upper[index]);
    return side === null ? [] : [{ sample: index + 1, side }];
  });

// Montgomery, Introduction to Statistical Quality Control, 6th ed., Example 7.1: frozen orange juice
// cans, 30 samples of n = 50. Published: p̄ = 347/1500 = 0.2313, UCL = 0.4102, LCL = 0.0524, samples 15
// and 23 above the UCL (also the NIST/SEMATECH e-Handbook §6.3.3.2 example).
const ORANGE_JUICE = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
];

describe('pChartLimits', () => {
  it('reproduces Montgomery Example 7.1 (orange juice cans)', () => {
    const samples = subgroups(
      ORANGE_JUICE,
      ORANGE_JUICE.map(() => 50),
    );
    const limits = pChartLimits(samples)!;
    expect(limits.centre).toBeCloseTo(0.231333, 6);
    expect(limits.upper[0]).toBeCloseTo(0.410239, 6);
    expect(limits.lower[0]).toBeCloseTo(0.052428, 6);
    const proportions = ORANGE_JUICE.map((count) => count / 50);
    expect(outside(proportions, limits.lower, limits.upper)).toEqual([
      { sample: 15, side: 'above' },
      { sample: 23, side: 'above' },
    ]);
  });

  it('gives wider limits to smaller subgroups and clamps them to [0, 1]', () => {
    // p̄ = 30/200 = 0.15. n = 10: 0.15 ± 3·√(0.15·0.85/10) = 0.15 ± 0.338748 → [0, 0.488748];
    // n = 190: 0.15 ± 3·√(0.15·0.85/190) = 0.15 ± 0.077714 → [0.072286, 0.227714].
    const limits = pChartLimits(subgroups([3, 27], [10, 190]))!;
    expect(limits.centre).toBeCloseTo(0.15, 10);
    expect(limits.lower[0]).toBe(0);
    expect(limits.upper[0]).toBeCloseTo(0.488748, 6);
    expect(limits.lower[1]).toBeCloseTo(0.072286, 6);
    expect(limits.upper[1]).toBeCloseTo(0.227714, 6);
  });

  it('clamps the upper limit at 1 for a high proportion in a small subgroup', () => {
    const limits = pChartLimits(subgroups([9, 10], [10, 10]))!;
    expect(limits.upper).toEqual([1, 1]);
  });

  it('uses a frozen baseline for the centre and each subgroup size for its sigma', () => {
    const baseline = subgroups([10, 10], [100, 100]);
    const limits = pChartLimits(subgroups([40], [400]), baseline)!;
    expect(limits.centre).toBeCloseTo(0.1, 12);
    // 0.1 + 3·√(0.1·0.9/400) = 0.1 + 0.045
    expect(limits.upper[0]).toBeCloseTo(0.145, 12);
  });

  it('collapses to the centre without NaN when every proportion is 0 or 1', () => {
    expect(pChartLimits(subgroups([0, 0], [20, 30]))).toEqual({ centre: 0, lower: [0, 0], upper: [0, 0] });
    expect(pChartLimits(subgroups([20, 30], [20, 30]))).toEqual({ centre: 1, lower: [1, 1], upper: [1, 1] });
  });

  it('returns null for an empty baseline', () => {
    expect(pChartLimits([])).toBeNull();
  });
});

describe('uChartLimits', () => {
  // Montgomery 6th ed., Example 7.4: nonconformities in 20 samples of 5 personal computers.
  // Published: ū = 193/100 = 1.93, UCL = 3.79, LCL = 0.07 (exact: 1.93 ± 3·√(1.93/5)).
  it('reproduces Montgomery Example 7.4 (personal computers, n = 5)', () => {
    const counts = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];
    const limits = uChartLimits(
      subgroups(
        counts,
        counts.map(() => 5),
      ),
    )!;
    expect(limits.centre).toBeCloseTo(1.93, 10);
    expect(limits.upper[0]).toBeCloseTo(3.793867, 6);
    expect(limits.lower[0]).toBeCloseTo(0.066133, 6);
  });

  // Montgomery 6th ed., Example 7.5: dyed cloth, 10 rolls of varying size in inspection units.
  // Published: ū = 153/107.5 = 1.42 and per-roll limits (from ū rounded to 1.42) 2.55/0.29 for
  // 10 units, 2.68/0.16 for 8, 2.41/0.43 for 13, 2.58/0.26 for 9.5; expected values below are the
  // unrounded arithmetic, which agree to the published two decimals.
  it('reproduces Montgomery Example 7.5 (dyed cloth, varying units)', () => {
    const counts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23];
    const units = [10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5];
    const limits = uChartLimits(subgroups(counts, units))!;
    expect(limits.centre).toBeCloseTo(1.423256, 6);
    expect(limits.upper[0]).toBeCloseTo(2.555, 3);
    expect(limits.lower[0]).toBeCloseTo(0.2915, 3);
    expect(limits.upper[1]).toBeCloseTo(2.6886, 3);
    expect(limits.lower[1]).toBeCloseTo(0.1579, 3);
    expect(limits.upper[2]).toBeCloseTo(2.4159, 3);
    expect(limits.lower[2]).toBeCloseTo(0.4306, 3);
    expect(limits.upper[4]).toBeCloseTo(2.5844, 3);
    expect(limits.lower[4]).toBeCloseTo(0.2621, 3);
    const rates = counts.map((count, index) => count / units[index]);
    expect(outside(rates, limits.lower, limits.upper)).toEqual([]);
  });

  it('clamps the lower limit at 0 and collapses without NaN when there are no events', () => {
    expect(uChartLimits(subgroups([1, 0], [1000, 10]))!.lower).toEqual([0, 0]);
    expect(uChartLimits(subgroups([0, 0], [50, 80]))).toEqual({ centre: 0, lower: [0, 0], upper: [0, 0] });
  });
});

describe('cChartLimits', () => {
  // Montgomery 6th ed., Example 7.3: nonconformities in 26 samples of 100 printed circuit boards.
  // Published: c̄ = 516/26 = 19.85, UCL = 33.22, LCL = 6.48; samples 6 and 20 outside.
  it('reproduces Montgomery Example 7.3 (printed circuit boards)', () => {
    const counts = [
      21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15,
    ];
    const limits = cChartLimits(counts)!;
    expect(limits.centre).toBeCloseTo(19.846154, 6);
    expect(limits.upper[0]).toBeCloseTo(33.210861, 6);
    expect(limits.lower[0]).toBeCloseTo(6.481447, 6);
    expect(outside(counts, limits.lower, limits.upper)).toEqual([
      { sample: 6, side: 'below' },
      { sample: 20, side: 'above' },
    ]);
  });

  // NIST/SEMATECH e-Handbook of Statistical Methods §6.3.3.1: wafer defects, 25 wafers.
  // Published: c̄ = 16, UCL = 28, LCL = 4; wafer 24 (31 defects) is above the UCL.
  it('reproduces the NIST e-Handbook wafer-defect c chart', () => {
    const counts = [16, 14, 28, 16, 12, 20, 10, 12, 10, 17, 19, 17, 14, 16, 15, 13, 14, 16, 11, 20, 11, 19, 16, 31, 13];
    const limits = cChartLimits(counts)!;
    expect(limits.centre).toBe(16);
    expect(limits.upper[0]).toBe(28);
    expect(limits.lower[0]).toBe(4);
    // 28 is on the UCL, not beyond it.
    expect(outside(counts, limits.lower, limits.upper)).toEqual([{ sample: 24, side: 'above' }]);
  });

  it('clamps the lower limit at 0 and collapses to 0 for all-zero counts', () => {
    expect(cChartLimits([1, 2])!.lower).toEqual([0, 0]);
    expect(cChartLimits([0, 0, 0])).toEqual({ centre: 0, lower: [0, 0, 0], upper: [0, 0, 0] });
    expect(cChartLimits([])).toBeNull();
  });
});

describe('xmrLimits', () => {
  // Montgomery 6th ed. §6.4, aircraft primer paint viscosity, 15 batches. Published: x̄ = 33.52,
  // MRbar = 0.48, UCL = 34.80, LCL = 32.24, MR chart UCL = 1.57. Exact (by hand): x̄ = 33.523333,
  // MRbar = 6.73/14 = 0.480714; 33.523333 ± 3 × 0.480714 / 1.128 = ± 1.278495; 3.267 × 0.480714 =
  // 1.570494. No moving range exceeds 1.570494, so screening leaves out none.
  it('reproduces the Montgomery viscosity individuals chart', () => {
    const viscosity = [
      33.75, 33.05, 34.0, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.2, 33.62, 33.0, 33.54, 33.12, 33.84,
    ];
    const limits = xmrLimits(viscosity)!;
    expect(limits.centre).toBeCloseTo(33.523333, 6);
    expect(limits.movingRangeCentre).toBeCloseTo(0.480714, 6);
    expect(limits.upper[0]).toBeCloseTo(34.801829, 6);
    expect(limits.lower[0]).toBeCloseTo(32.244838, 6);
    expect(limits.movingRangeUpper).toBeCloseTo(1.570494, 6);
    expect(limits.movingRangesScreenedOut).toBe(0);
  });

  // NIST/SEMATECH e-Handbook §6.3.2.2, flow-rate individuals chart. Published (3 × MRbar / 1.128):
  // x̄ = 50.81, MRbar = 1.8778, UCL = 55.8041, LCL = 45.8159, MR UCL = 6.1349.
  it('reproduces the NIST flow-rate individuals chart', () => {
    const flow = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1];
    const limits = xmrLimits(flow)!;
    expect(limits.centre).toBeCloseTo(50.81, 10);
    expect(limits.movingRangeCentre).toBeCloseTo(1.877778, 6);
    expect(limits.upper[0]).toBeCloseTo(55.8041, 4);
    expect(limits.lower[0]).toBeCloseTo(45.8159, 4);
    expect(limits.movingRangeUpper).toBeCloseTo(6.1347, 4);
  });

  it('uses a frozen baseline for the mean and the moving ranges', () => {
    // Baseline 10, 12, 11: mean 11, MRbar (2 + 1)/2 = 1.5, limits 11 ± 3 × 1.5 / 1.128 = 11 ± 3.989362.
    const limits = xmrLimits([10, 12, 11, 20, 21], [10, 12, 11])!;
    expect(limits.centre).toBe(11);
    expect(limits.upper).toEqual(Array(5).fill(11 + (3 * 1.5) / 1.128));
    expect(limits.lower[4]).toBeCloseTo(7.010638, 6);
  });

  it('collapses to the mean without NaN when all values are equal', () => {
    const limits = xmrLimits([0.1, 0.1, 0.1])!;
    expect(limits.movingRangeCentre).toBe(0);
    expect(limits.movingRangeUpper).toBe(0);
    expect(limits.upper[0]).toBeCloseTo(0.1, 12);
    // Summation leaves the mean a rounding error away from 0.1; that is not a signal.
    expect(beyondLimitsSide(0.1, limits.lower[0], limits.upper[0])).toBeNull();
  });

  it('has a centre but no limits for one value, and nothing for none', () => {
    expect(xmrLimits([7])).toEqual({
      centre: 7,
      lower: [null],
      upper: [null],
      movingRangeCentre: null,
      movingRangeUpper: null,
      movingRangesScreenedOut: 0,
    });
    expect(xmrLimits([])).toBeNull();
  });
});

describe('xmrLimits screening and gaps', () => {
  // Worked by hand (python3): values 10 11 10 12 11 30 11 10 12 11 11 20, mean 159/12 = 13.25.
  // Moving ranges 1 1 2 1 19 19 1 2 1 0 9, average 56/11 = 5.090909; both 19s exceed
  // 3.267 × 5.090909 = 16.632 and are screened out (Nelson 1982), leaving 18/9 = 2: limits
  // 13.25 ± 3 × 2 / 1.128 = [7.930851, 18.569149], so both 30 and the later 20 signal.
  // Unscreened: 13.25 ± 3 × 5.090909 / 1.128 = [-0.289652, 26.789652], and the 20 is missed.
  const SPIKE = [10, 11, 10, 12, 11, 30, 11, 10, 12, 11, 11, 20];
  const signals = (limits: XmrLimits) =>
    SPIKE.flatMap((value, index) => (beyondLimitsSide(value, limits.lower[index], limits.upper[index]) ? [value] : []));

  it('leaves moving ranges above 3.267 × their average out by default', () => {
    const limits = xmrLimits(SPIKE)!;
    expect(limits.upper[0]).toBeCloseTo(18.569149, 6);
    expect(limits.lower[0]).toBeCloseTo(7.930851, 6);
    expect(limits.movingRangeCentre).toBeCloseTo(5.090909, 6);
    expect(limits.movingRangesScreenedOut).toBe(2);
    expect(signals(limits)).toEqual([30, 20]);
  });

  it('keeps every moving range when screening is off', () => {
    const limits = xmrLimits(SPIKE, SPIKE, { screened: false })!;
    expect(limits.upper[0]).toBeCloseTo(26.789652, 6);
    expect(limits.lower[0]).toBeCloseTo(-0.289652, 6);
    expect(limits.movingRangesScreenedOut).toBe(0);
    expect(signals(limits)).toEqual([30]);
  });

  it('never takes a moving range across a month without a value', () => {
    // Ranges 2 (10→12) and 1 (20→21), not 8 (12→20 across the gap): MR̄ 1.5, mean 15.75,
    // limits 15.75 ± 3 × 1.5 / 1.128 = [11.760638, 19.739362]; the missing month gets them too.
    const limits = xmrLimits([10, 12, null, 20, 21])!;
    expect(limits.centre).toBe(15.75);
    expect(limits.movingRangeCentre).toBe(1.5);
    expect(limits.upper).toHaveLength(5);
    expect(limits.upper[2]).toBeCloseTo(19.739362, 6);
    expect(limits.lower[4]).toBeCloseTo(11.760638, 6);
  });

  it('has no limits when gaps leave no moving range', () => {
    expect(xmrLimits([10, null, 12])).toMatchObject({ centre: 11, lower: [null, null, null], movingRangeCentre: null });
  });
});

describe('input checks of the exported limit functions', () => {
  it.each([
    ['NaN numerator', () => pChartLimits(subgroups([Number.NaN], [10])), /subgroups\[0\]\.numerator/],
    ['negative numerator', () => pChartLimits(subgroups([1, -1], [10, 10])), /subgroups\[1\]\.numerator/],
    ['zero denominator', () => pChartLimits(subgroups([0], [0])), /subgroups\[0\]\.denominator/],
    ['negative denominator', () => pChartLimits(subgroups([1], [-10])), /subgroups\[0\]\.denominator/],
    [
      'numerator above denominator',
      () => pChartLimits(subgroups([11], [10])),
      /subgroups\[0\]\.numerator must not exceed/,
    ],
    [
      'bad baseline',
      () => pChartLimits(subgroups([1], [10]), subgroups([1], [Number.NaN])),
      /baseline\[0\]\.denominator/,
    ],
    ['u: zero exposure', () => uChartLimits(subgroups([1, 2], [10, 0])), /subgroups\[1\]\.denominator/],
    ['u: infinite count', () => uChartLimits(subgroups([Infinity], [10])), /subgroups\[0\]\.numerator/],
    ['c: negative count', () => cChartLimits([3, -1]), /counts\[1\]/],
    ['c: NaN baseline', () => cChartLimits([3], [Number.NaN]), /baseline\[0\]/],
    ['I: NaN value', () => xmrLimits([1, Number.NaN, 3]), /values\[1\]/],
    ['I: infinite baseline', () => xmrLimits([1, 2], [1, -Infinity]), /baseline\[1\]/],
    ['p′: zero denominator', () => laneyPChartLimits(subgroups([1, 1], [10, 0])), /subgroups\[1\]\.denominator/],
    ['p′: negative numerator', () => laneyPChartLimits(subgroups([-1], [10])), /subgroups\[0\]\.numerator/],
  ])('throws a RangeError naming the argument for %s', (_, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('accepts zero counts and zero or negative individual values', () => {
    expect(pChartLimits(subgroups([0, 0], [10, 10]))!.centre).toBe(0);
    expect(cChartLimits([0, 0])!.centre).toBe(0);
    expect(xmrLimits([-2, 0, 2])!.centre).toBe(0);
  });
});

describe('laneyPChartLimits', () => {
  // Laney DB. Improved control charts for attributes. Quality Engineering 2002;14(4):531–537:
  // zi = (pi − p̄)/σpi, σz = MRbar(z)/1.128, limits p̄ ± 3·σpi·σz. Expected values computed by hand
  // (python3) from these formulas: p̄ = 1081/8300 = 0.130241, σz = 1.561504; for n = 1000 the p′
  // limits are [0.080383, 0.180099] where the p chart's are [0.098311, 0.162171].
  it('widens p chart limits by σz for overdispersed large subgroups', () => {
    const numerators = [130, 152, 98, 171, 140, 120, 160, 110];
    const denominators = [1000, 1100, 900, 1200, 1000, 950, 1150, 1000];
    const limits = laneyPChartLimits(subgroups(numerators, denominators))!;
    expect(limits.centre).toBeCloseTo(0.130241, 6);
    expect(limits.sigmaZ).toBeCloseTo(1.561504, 6);
    expect(limits.lower[0]).toBeCloseTo(0.080383, 6);
    expect(limits.upper[0]).toBeCloseTo(0.180099, 6);
    expect(limits.lower[3]).toBeCloseTo(0.084727, 6);
    expect(limits.upper[3]).toBeCloseTo(0.175755, 6);

    const pLimits = pChartLimits(subgroups(numerators, denominators))!;
    expect(pLimits.lower[0]).toBeCloseTo(0.098311, 6);
    expect(pLimits.upper[0]).toBeCloseTo(0.162171, 6);
  });

  // Laney 2002: with equal subgroup sizes the p′ chart is the individuals chart of the proportions,
  // p̄ ± (3/1.128)·MRbar(p). Orange juice data (Montgomery Example 7.1): MRbar(p) = 0.111724,
  // UCL = 0.231333 + 2.659574 × 0.111724 = 0.528472, LCL clamped at 0; σz = 1.660867.
  it('equals an individuals chart of the proportions when subgroup sizes are equal', () => {
    const limits = laneyPChartLimits(
      subgroups(
        ORANGE_JUICE,
        ORANGE_JUICE.map(() => 50),
      ),
    )!;
    expect(limits.sigmaZ).toBeCloseTo(1.660867, 6);
    expect(limits.upper[0]).toBeCloseTo(0.528472, 6);
    expect(limits.lower[0]).toBe(0);
    const individuals = xmrLimits(ORANGE_JUICE.map((count) => count / 50))!;
    expect(limits.upper[0]).toBeCloseTo(individuals.upper[0]!, 4);
  });

  it('collapses without NaN when all proportions are equal, including 0', () => {
    const equal = laneyPChartLimits(subgroups([10, 20, 5], [100, 200, 50]))!;
    expect(equal.sigmaZ).toBe(0);
    expect(equal.upper).toEqual([0.1, 0.1, 0.1]);
    const zero = laneyPChartLimits(subgroups([0, 0], [100, 200]))!;
    expect(zero).toEqual({ centre: 0, lower: [0, 0], upper: [0, 0], sigmaZ: 0, movingRangesScreenedOut: 0 });
  });

  it('has no limits with a single subgroup', () => {
    expect(laneyPChartLimits(subgroups([3], [10]))).toEqual({
      centre: 0.3,
      lower: [null],
      upper: [null],
      sigmaZ: null,
      movingRangesScreenedOut: 0,
    });
    expect(laneyPChartLimits([])).toBeNull();
  });
});

describe('laneyPChartLimits with a month missing', () => {
  it('takes no moving range of z across it and gives it no limits', () => {
    // By hand: p̄ = 60/300 = 0.2, σ = √(0.2 × 0.8 / 100) = 0.04; z = −2.5, –, 2.5, 0. The only moving
    // ranges are |0 − 2.5| = 2.5 (none across the gap), σz = 2.5 / 1.128 = 2.216312, limits at
    // n = 100: 0.2 ± 3 × 0.04 × 2.216312 = [0, 0.465957].
    const limits = laneyPChartLimits([
      { numerator: 10, denominator: 100 },
      null,
      { numerator: 30, denominator: 100 },
      { numerator: 20, denominator: 100 },
    ])!;
    expect(limits.centre).toBeCloseTo(0.2, 12);
    expect(limits.sigmaZ).toBeCloseTo(2.216312, 6);
    expect(limits.upper[0]).toBeCloseTo(0.465957, 6);
    expect(limits.lower[0]).toBe(0);
    expect(limits.upper[1]).toBeNull();
  });
});

describe('beyondLimitsSide', () => {
  it.each([
    [5, 1, 4, 'above'],
    [0.5, 1, 4, 'below'],
    [4, 1, 4, null],
    [1, 1, 4, null],
    [2, 1, 4, null],
    [100, null, null, null],
    [0, 0, 0, null],
  ])('%s against [%s, %s] is %s', (value, lower, upper, side) => {
    expect(beyondLimitsSide(value, lower, upper)).toBe(side);
  });
});

import { describe, expect, it } from 'vitest';
import { FUNNEL_Z_95, FUNNEL_Z_998, funnelCurve, funnelLimits, funnelOverdispersion, funnelPlot } from './funnel';

// Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005;24:1185–1202:
// normal-approximation limits θ ± z·√(θ(1 − θ)/n) for proportions and θ ± z·√(θ/n) for rates, with
// z = 1.96 (95%) and 3.09 (99.8%). Expected values below were computed by hand (python3).

describe('funnelLimits', () => {
  it('uses the binomial variance for proportions', () => {
    // θ = 0.2, n = 100: 0.2 ± 1.96 × 0.04 = [0.1216, 0.2784]; 0.2 ± 3.09 × 0.04 = [0.0764, 0.3236].
    expect(funnelLimits('PROPORTION', 0.2, 100, FUNNEL_Z_95)).toEqual({
      lower: expect.closeTo(0.1216, 10),
      upper: expect.closeTo(0.2784, 10),
    });
    expect(funnelLimits('PROPORTION', 0.2, 100, FUNNEL_Z_998)).toEqual({
      lower: expect.closeTo(0.0764, 10),
      upper: expect.closeTo(0.3236, 10),
    });
  });

  it('uses the Poisson variance for rates', () => {
    // θ = 0.004 per patient-day, n = 10 000: 0.004 ± 1.96 × √(0.004/10000) = 0.004 ± 0.00124.
    const band = funnelLimits('RATE', 0.004, 10_000, FUNNEL_Z_95);
    expect(band.lower).toBeCloseTo(0.004 - 0.0012396, 7);
    expect(band.upper).toBeCloseTo(0.004 + 0.0012396, 7);
  });

  it('clamps proportions to [0, 1] and rates at 0', () => {
    expect(funnelLimits('PROPORTION', 0.05, 10, FUNNEL_Z_998).lower).toBe(0);
    expect(funnelLimits('PROPORTION', 0.95, 10, FUNNEL_Z_998).upper).toBe(1);
    expect(funnelLimits('RATE', 0.001, 100, FUNNEL_Z_998).lower).toBe(0);
  });

  it('collapses to the target without NaN when the target is 0', () => {
    expect(funnelLimits('PROPORTION', 0, 50, FUNNEL_Z_95)).toEqual({ lower: 0, upper: 0 });
    expect(funnelLimits('RATE', 0, 50, FUNNEL_Z_95)).toEqual({ lower: 0, upper: 0 });
  });

  it('rejects a denominator that is not positive', () => {
    expect(() => funnelLimits('RATE', 0.1, 0, FUNNEL_Z_95)).toThrow(RangeError);
  });
});

describe('funnelPlot', () => {
  it('flags sites against the pooled proportion at 95% and 99.8%', () => {
    // Pooled θ = 244/1350 = 0.180741. Site D (2/100 = 0.02) lies below both lower limits
    // (0.105319 at 95%, 0.061837 at 99.8%); the others lie within.
    const plot = funnelPlot(
      'PROPORTION',
      [
        { site: 'A', numerator: 30, denominator: 200 },
        { site: 'B', numerator: 12, denominator: 50 },
        { site: 'C', numerator: 200, denominator: 1000 },
        { site: 'D', numerator: 2, denominator: 100 },
      ],
      'UP',
      // These four are overdispersed (D alone); the plain limits are what this test checks.
      { adjustForOverdispersion: false },
    );
    expect(plot.limitsWidenedBy).toBeNull();
    expect(plot.overdispersion?.overdispersed).toBe(true);
    expect(plot.target).toBeCloseTo(0.180741, 6);
    expect(plot.sites.map((site) => [site.site, site.position95, site.position998, site.assessment])).toEqual([
      ['A', 'within', 'within', 'neutral'],
      ['B', 'within', 'within', 'neutral'],
      ['C', 'within', 'within', 'neutral'],
      ['D', 'below', 'below', 'deterioration'],
    ]);
    const siteA = plot.sites[0];
    expect(siteA.value).toBe(0.15);
    expect(siteA.band95.lower).toBeCloseTo(0.12741, 5);
    expect(siteA.band95.upper).toBeCloseTo(0.234072, 6);
    expect(siteA.band998.lower).toBeCloseTo(0.096663, 6);
    expect(siteA.band998.upper).toBeCloseTo(0.264819, 6);
  });

  it('flags rates outside the 95% limits but inside the 99.8% limits', () => {
    // Pooled θ = 43/9800 = 0.00438776 infections per patient-day; lower is better.
    // A: 0.0024 < 0.00255167 (95% lower) but > 0.00149311 (99.8%); B: 0.0075 > 0.00644056 but < 0.00762406.
    const plot = funnelPlot(
      'RATE',
      [
        { site: 'A', numerator: 12, denominator: 5000 },
        { site: 'B', numerator: 30, denominator: 4000 },
        { site: 'C', numerator: 1, denominator: 800 },
      ],
      'DOWN',
    );
    expect(plot.target).toBeCloseTo(0.00438776, 8);
    expect(plot.sites.map((site) => [site.site, site.position95, site.position998, site.assessment])).toEqual([
      ['A', 'below', 'within', 'improvement'],
      ['B', 'above', 'within', 'deterioration'],
      ['C', 'within', 'within', 'neutral'],
    ]);
    expect(plot.sites[2].band95.lower).toBe(0);
    expect(plot.sites[1].band998.upper).toBeCloseTo(0.00762406, 8);
  });

  it('leaves out sites with a zero denominator or impossible numbers, and says so', () => {
    const plot = funnelPlot(
      'PROPORTION',
      [
        { site: 'A', numerator: 5, denominator: 50 },
        { site: 'B', numerator: 0, denominator: 0 },
        { site: 'C', numerator: 9, denominator: 5 },
        { site: 'D', numerator: -1, denominator: 5 },
      ],
      'UP',
    );
    expect(plot.target).toBe(0.1);
    expect(plot.sites.map((site) => site.site)).toEqual(['A']);
    expect(plot.excluded).toEqual([
      { site: 'B', reason: 'ZERO_DENOMINATOR' },
      { site: 'C', reason: 'INVALID_VALUE' },
      { site: 'D', reason: 'INVALID_VALUE' },
    ]);
  });

  it('allows more events than the denominator for rates', () => {
    expect(funnelPlot('RATE', [{ site: 'A', numerator: 9, denominator: 5 }], 'DOWN').target).toBe(1.8);
  });

  it('has no target when no site is usable', () => {
    expect(funnelPlot('RATE', [], 'UP')).toEqual({
      kind: 'RATE',
      target: null,
      sites: [],
      excluded: [],
      overdispersion: null,
      limitsWidenedBy: null,
    });
  });
});

// Worked values computed independently with R 4.2.2's base functions (Debian r-base-core):
//   theta <- sum(y) / sum(n); z <- (y / n - theta) / sqrt(theta * (1 - theta) / n)
//   q <- quantile(z, c(0.1, 0.9)); zw <- pmin(pmax(z, q[1]), q[2]); phi <- mean(zw^2)
//   pchisq(length(z) * phi, length(z) - 1, lower.tail = FALSE)
//   theta + c(-1, 1) * 1.96 * sqrt(phi * theta * (1 - theta) / n[i])
// (for rates the same with sqrt(theta / n)); the script is fixtures/funnel-worked-values.R.
const OVERDISPERSED = [
  [120, 600],
  [310, 1200],
  [95, 700],
  [400, 1500],
  [220, 800],
  [150, 900],
  [60, 300],
  [510, 1700],
  [280, 1000],
  [180, 1000],
].map(([numerator, denominator], index) => ({ site: `S${index + 1}`, numerator, denominator }));

describe('funnelOverdispersion (Spiegelhalter 2005 §6.3)', () => {
  it('estimates φ from z-scores winsorised at their 10th and 90th percentiles', () => {
    const target = 2325 / 9700;
    expect(target).toBeCloseTo(0.239690721649485, 12);
    const estimate = funnelOverdispersion('PROPORTION', OVERDISPERSED, target)!;
    expect(estimate.phi).toBeCloseTo(11.4724350754119, 9);
    expect(estimate.sites).toBe(10);
    expect(estimate.pValue).toBeCloseTo(1.60068828479772e-20, 30);
    expect(estimate.overdispersed).toBe(true);
  });

  it('finds no overdispersion in rates that vary as chance would', () => {
    const sites = [
      [18, 1000],
      [25, 1400],
      [9, 500],
      [30, 1600],
      [14, 800],
      [22, 1200],
    ].map(([numerator, denominator], index) => ({ site: `R${index + 1}`, numerator, denominator }));
    const estimate = funnelOverdispersion('RATE', sites, 118 / 6500)!;
    expect(estimate.phi).toBeCloseTo(0.00589713445811166, 12);
    expect(estimate.pValue).toBeCloseTo(0.99998763071682, 10);
    expect(estimate.overdispersed).toBe(false);
    const plot = funnelPlot('RATE', sites, 'DOWN');
    expect(plot.limitsWidenedBy).toBeNull();
  });

  it('gives no estimate with fewer than 4 sites or a target of 0', () => {
    expect(funnelOverdispersion('PROPORTION', OVERDISPERSED.slice(0, 3), 0.2)).toBeNull();
    expect(
      funnelOverdispersion(
        'RATE',
        OVERDISPERSED.map((site) => ({ ...site, numerator: 0 })),
        0,
      ),
    ).toBeNull();
  });

  it('rejects a target outside its range', () => {
    expect(() => funnelOverdispersion('PROPORTION', OVERDISPERSED, 1.5)).toThrow(/target/);
    expect(() => funnelOverdispersion('RATE', OVERDISPERSED, Number.NaN)).toThrow(RangeError);
  });
});

describe('funnelPlot with overdispersion', () => {
  it('widens the limits by √φ when the sites are overdispersed', () => {
    const plot = funnelPlot('PROPORTION', OVERDISPERSED, 'UP');
    expect(plot.limitsWidenedBy).toBeCloseTo(11.4724350754119, 9);
    const [first, , , , , , seventh] = plot.sites;
    expect(first.band95.lower).toBeCloseTo(0.123991881003841, 10);
    expect(first.band95.upper).toBeCloseTo(0.355389562295128, 10);
    expect(first.band998.lower).toBeCloseTo(0.0572879575703837, 10);
    expect(first.band998.upper).toBeCloseTo(0.422093485728585, 10);
    // R gives −0.0183 for the lower 99.8% limit at n = 300: a proportion's limit stops at 0.
    expect(seventh.band95.lower).toBeCloseTo(0.0760678520575724, 10);
    expect(seventh.band998.lower).toBe(0);
    // Unadjusted, 8 of the 10 sites lie outside the 95% limits; adjusted, none does.
    expect(plot.sites.filter((site) => site.position95 !== 'within')).toEqual([]);
    const plain = funnelPlot('PROPORTION', OVERDISPERSED, 'UP', { adjustForOverdispersion: false });
    expect(plain.limitsWidenedBy).toBeNull();
    expect(plain.overdispersion?.phi).toBeCloseTo(11.4724350754119, 9);
    expect(plain.sites[0].band95.lower).toBeCloseTo(0.205532031973963, 10);
    expect(plain.sites.filter((site) => site.position95 !== 'within').map((site) => site.site)).toEqual([
      'S1',
      'S3',
      'S4',
      'S5',
      'S6',
      'S8',
      'S9',
      'S10',
    ]);
  });

  it('draws the widened curve', () => {
    const [point] = funnelCurve('PROPORTION', 2325 / 9700, 600, 600, 2, 11.4724350754119);
    expect(point.band95.lower).toBeCloseTo(0.123991881003841, 10);
    expect(() => funnelCurve('PROPORTION', 0.2, 10, 100, 5, 0)).toThrow(/phi/);
  });
});

describe('funnelCurve', () => {
  it('spaces denominators evenly on a log scale, both ends included', () => {
    const curve = funnelCurve('PROPORTION', 0.2, 10, 1000, 5);
    expect(curve.map((point) => point.denominator)).toEqual([
      10,
      expect.closeTo(31.622777, 5),
      expect.closeTo(100, 10),
      expect.closeTo(316.227766, 5),
      1000,
    ]);
    expect(curve[2].band95.lower).toBeCloseTo(0.1216, 10);
    expect(curve[2].band998.upper).toBeCloseTo(0.3236, 10);
  });

  it('narrows as the denominator grows', () => {
    const curve = funnelCurve('RATE', 0.01, 100, 100_000);
    expect(curve).toHaveLength(100);
    const widths = curve.map((point) => point.band95.upper - point.band95.lower);
    expect(widths.every((width, index) => index === 0 || width <= widths[index - 1])).toBe(true);
  });

  it('rejects a bad range or too few steps', () => {
    expect(() => funnelCurve('RATE', 0.01, 0, 100)).toThrow(RangeError);
    expect(() => funnelCurve('RATE', 0.01, 100, 10)).toThrow(RangeError);
    expect(() => funnelCurve('RATE', 0.01, 10, 100, 1)).toThrow(RangeError);
  });
});

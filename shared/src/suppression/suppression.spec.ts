import { describe, expect, it } from 'vitest';
import {
  type DisplayedNetworkTotal,
  type DisplayedNumber,
  type DisplayedSiteCell,
  isSmallCell,
  type SiteMeasureCell,
  type SmallCellSuppressionInput,
  smallCellLabel,
  suppressSmallCells,
  type SuppressionMeasureKind,
  type WithheldNumber,
} from './index';

const MONTH = '2026-03';
const KINDS: Record<string, SuppressionMeasureKind> = {
  remission: 'PROPORTION',
  falls: 'RATE',
  hba1c: 'MEAN',
  admissions: 'COUNT',
};

/** A COUNT cell: `site: value`. */
const count = (siteId: string, value: number | null, month = MONTH): SiteMeasureCell => ({
  siteId,
  month,
  measureKey: 'admissions',
  numerator: null,
  denominator: null,
  value,
});

/** A PROPORTION cell with its value. */
const proportion = (siteId: string, numerator: number, denominator: number, month = MONTH): SiteMeasureCell => ({
  siteId,
  month,
  measureKey: 'remission',
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

/** A MEAN cell: patients and their mean; the sum is the numerator. */
const mean = (siteId: string, patients: number, average: number, month = MONTH): SiteMeasureCell => ({
  siteId,
  month,
  measureKey: 'hba1c',
  numerator: patients * average,
  denominator: patients,
  value: average,
});

function suppress(cells: SiteMeasureCell[], options: { viewer?: string[]; threshold?: number } = {}) {
  const input: SmallCellSuppressionInput = {
    threshold: options.threshold ?? 10,
    fullyVisibleSiteIds: options.viewer ?? ['V'],
    measureKinds: KINDS,
    cells,
  };
  return suppressSmallCells(input);
}

const cellOf = (cells: readonly DisplayedSiteCell[], siteId: string, month = MONTH, measureKey?: string) => {
  const found = cells.find(
    (cell) => cell.siteId === siteId && cell.month === month && (!measureKey || cell.measureKey === measureKey),
  );
  if (!found) throw new Error(`no cell for ${siteId} ${month}`);
  return found;
};

const totalOf = (totals: readonly DisplayedNetworkTotal[], month = MONTH, measureKey?: string) => {
  const found = totals.find((total) => total.month === month && (!measureKey || total.measureKey === measureKey));
  if (!found) throw new Error(`no total for ${month}`);
  return found;
};

/** What a number looks like to the viewer: the value, or the label. */
const shownAs = (number: DisplayedNumber<string> | null) =>
  number === null ? null : number.shown ? number.value : number.label;

/** COUNT cells of the viewer and sites A, B, C... by value; returns what each site shows and the total. */
function countRow(values: Record<string, number>, options: { viewer?: string[]; threshold?: number } = {}) {
  const result = suppress(
    Object.entries(values).map(([siteId, value]) => count(siteId, value)),
    options,
  );
  const total = totalOf(result.totals);
  return {
    shown: Object.fromEntries(result.cells.map((cell) => [cell.siteId, shownAs(cell.value)])),
    reasons: Object.fromEntries(result.cells.map((cell) => [cell.siteId, cell.reason])),
    total: total.kind === 'COUNT' ? shownAs(total.value) : undefined,
  };
}

describe('isSmallCell', () => {
  it.each([
    { count: 0, threshold: 10, small: false },
    { count: 1, threshold: 10, small: true },
    { count: 10, threshold: 10, small: true },
    { count: 11, threshold: 10, small: false },
    { count: 5, threshold: 5, small: true },
    { count: 6, threshold: 5, small: false },
    { count: null, threshold: 10, small: false },
    { count: undefined, threshold: 10, small: false },
  ])('$count with threshold $threshold is small: $small', ({ count: amount, threshold, small }) => {
    expect(isSmallCell(amount, threshold)).toBe(small);
  });
});

describe('smallCellLabel', () => {
  it.each([
    { threshold: 10, label: '<11' },
    { threshold: 5, label: '<6' },
    { threshold: 2, label: '<3' },
  ])('labels threshold $threshold as $label', ({ threshold, label }) => {
    expect(smallCellLabel(threshold)).toBe(label);
  });
});

describe('suppressSmallCells: primary suppression', () => {
  it('shows the viewer her own site in full, small counts included', () => {
    const { shown, reasons } = countRow({ V: 3, A: 40, B: 50 });
    expect(shown.V).toBe(3);
    expect(reasons.V).toBeNull();
  });

  it.each([
    { value: 0, shown: 0, reason: null },
    { value: 1, shown: '<11', reason: 'small-cell' },
    { value: 10, shown: '<11', reason: 'small-cell' },
    { value: 11, shown: 11, reason: null },
  ])("shows another site's count of $value as $shown", ({ value, shown, reason }) => {
    // Two large unknown-to-each-other sites keep complementary suppression away from A.
    const row = countRow({ V: 30, A: value, B: 40, C: 55 });
    expect(row.shown.A).toBe(shown);
    expect(row.reasons.A).toBe(reason);
  });

  it.each([
    { value: 5, shown: '<6' },
    { value: 6, shown: 6 },
    { value: 1, shown: '<6' },
  ])('takes the threshold as a setting: $value with threshold 5 shows as $shown', ({ value, shown }) => {
    expect(countRow({ V: 30, A: value, B: 40, C: 55 }, { threshold: 5 }).shown.A).toBe(shown);
  });

  it("treats every site as another site's when the viewer sees none in full", () => {
    const { shown } = countRow({ A: 3, B: 40, C: 55 }, { viewer: [] });
    expect(shown.A).toBe('<11');
  });

  it('suppresses nothing for a viewer who may see every site (a network admin)', () => {
    const { shown, total } = countRow({ A: 3, B: 40, C: 1 }, { viewer: ['A', 'B', 'C'] });
    expect(shown).toEqual({ A: 3, B: 40, C: 1 });
    expect(total).toBe(44);
  });

  it('leaves a proportion point out of the chart when either count is small, and withholds its value', () => {
    const { cells } = suppress([
      proportion('V', 30, 40),
      proportion('A', 3, 50),
      proportion('C', 40, 60),
      proportion('D', 45, 70),
    ]);
    const a = cellOf(cells, 'A');
    expect([shownAs(a.numerator), shownAs(a.denominator), shownAs(a.value)]).toEqual(['<11', 50, '*']);
    expect(a.value).toEqual({ shown: false, reason: 'cell-suppressed', label: '*' });
    expect(a).toMatchObject({ suppressed: true, reason: 'small-cell' });
  });

  it('withholds both counts of a proportion when both are small', () => {
    const { cells } = suppress([
      proportion('V', 30, 40),
      proportion('B', 5, 8),
      proportion('C', 40, 60),
      proportion('D', 45, 70),
    ]);
    const b = cellOf(cells, 'B');
    expect([shownAs(b.numerator), shownAs(b.denominator), shownAs(b.value)]).toEqual(['<11', '<11', '*']);
  });

  it('shows a zero numerator over a large denominator', () => {
    const { cells } = suppress([proportion('V', 30, 40), proportion('A', 0, 50), proportion('B', 20, 60)]);
    expect(cellOf(cells, 'A')).toMatchObject({
      suppressed: false,
      numerator: { shown: true, value: 0 },
      value: { shown: true, value: 0 },
    });
  });

  it('suppresses a RATE numerator of a few events over many patient-days', () => {
    const cells: SiteMeasureCell[] = [
      { siteId: 'V', month: MONTH, measureKey: 'falls', numerator: 14, denominator: 2100, value: 6.67 },
      { siteId: 'A', month: MONTH, measureKey: 'falls', numerator: 3, denominator: 1800, value: 1.67 },
      { siteId: 'B', month: MONTH, measureKey: 'falls', numerator: 22, denominator: 2500, value: 8.8 },
      { siteId: 'C', month: MONTH, measureKey: 'falls', numerator: 31, denominator: 2900, value: 10.69 },
    ];
    const a = cellOf(suppress(cells).cells, 'A');
    expect([shownAs(a.numerator), shownAs(a.denominator), shownAs(a.value)]).toEqual(['<11', 1800, '*']);
  });

  it('withholds a MEAN point, its sum and its mean, when it has 1 to T patients', () => {
    const { cells } = suppress([
      mean('V', 20, 7.1),
      mean('A', 4, 8.2),
      mean('B', 30, 7.4),
      mean('C', 40, 6.9),
      mean('D', 35, 7),
    ]);
    const a = cellOf(cells, 'A');
    expect([shownAs(a.numerator), shownAs(a.denominator), shownAs(a.value)]).toEqual(['*', '<11', '*']);
    expect(a.numerator).toEqual({ shown: false, reason: 'cell-suppressed', label: '*' });
  });

  it('does not suppress a MEAN by its observations, only by its patient count', () => {
    const { cells } = suppress([mean('V', 20, 7.1), mean('A', 25, 0.2), mean('B', 30, 7.4)]);
    expect(cellOf(cells, 'A').suppressed).toBe(false);
  });
});

describe('suppressSmallCells: network totals', () => {
  it('sums the unsuppressed data', () => {
    const row = countRow({ V: 30, A: 3, B: 40, C: 55 });
    expect(row.total).toBe(128);
  });

  it('gives numerator, denominator and ratio of sums for a proportion', () => {
    const { totals } = suppress([
      proportion('V', 30, 40),
      proportion('A', 3, 50),
      proportion('B', 20, 60),
      proportion('C', 25, 70),
    ]);
    expect(totalOf(totals)).toEqual({
      kind: 'PROPORTION',
      measureKey: 'remission',
      month: MONTH,
      numerator: { shown: true, value: 78 },
      denominator: { shown: true, value: 220 },
      ratio: { shown: true, value: 78 / 220 },
    });
  });

  it('gives the network mean as summed observations over summed patients', () => {
    const { totals } = suppress([mean('V', 20, 7), mean('A', 30, 8)]);
    const total = totalOf(totals);
    expect(total.kind === 'MEAN' && total.ratio).toEqual({ shown: true, value: (140 + 240) / 50 });
  });

  it('reports no ratio when no patient was counted', () => {
    const { totals } = suppress([proportion('V', 0, 0), proportion('A', 0, 0)]);
    const total = totalOf(totals);
    expect(total.kind === 'PROPORTION' && total.ratio).toBeNull();
  });

  it('lists totals by measure key, then month', () => {
    const { totals } = suppress([
      count('A', 20, '2026-04'),
      proportion('A', 1, 20, '2026-03'),
      count('A', 30, '2026-03'),
    ]);
    expect(totals.map((total) => [total.measureKey, total.month])).toEqual([
      ['admissions', '2026-03'],
      ['admissions', '2026-04'],
      ['remission', '2026-03'],
    ]);
  });
});

/** For each component: total minus every shown number, and how many numbers are withheld. */
function derivationCheck(
  cells: readonly DisplayedSiteCell[],
  total: DisplayedNumber<string> | null,
  pick: (cell: DisplayedSiteCell) => DisplayedNumber<string> | null,
) {
  const numbers = cells.map(pick).filter((number) => number !== null);
  const shownSum = numbers.reduce((sum, number) => sum + (number.shown ? number.value : 0), 0);
  return {
    totalShown: total?.shown === true,
    remainder: total?.shown ? total.value - shownSum : null,
    withheld: numbers.filter((number) => !number.shown).length,
  };
}

describe('suppressSmallCells: complementary suppression', () => {
  it('withholds the smallest other count when total minus the shown counts would give the small one', () => {
    // 93 - 20 (own) - 30 - 40 = 3 without protection.
    const row = countRow({ V: 20, A: 3, B: 30, C: 40 });
    expect(row.shown).toEqual({ V: 20, A: '<11', B: '*', C: 40 });
    expect(row.reasons).toEqual({ V: null, A: 'small-cell', B: 'complementary', C: null });
    expect(row.total).toBe(93);
  });

  it('leaves at least two unknown counts under a shown total, the viewer counting her own as known', () => {
    const { cells, totals } = suppress([count('V', 20), count('A', 3), count('B', 30), count('C', 40)]);
    const total = totalOf(totals);
    const check = derivationCheck(cells, total.kind === 'COUNT' ? total.value : null, (cell) => cell.value);
    expect(check).toEqual({ totalShown: true, remainder: 33, withheld: 2 });
  });

  it('breaks ties between equal counts by site id, whatever the input order', () => {
    const forward = countRow({ V: 20, A: 3, C: 30, B: 30, D: 40 });
    const backward = countRow({ D: 40, B: 30, C: 30, A: 3, V: 20 });
    expect(forward.shown).toEqual({ V: 20, A: '<11', B: '*', C: 30, D: 40 });
    expect(backward.shown).toEqual(forward.shown);
  });

  it('needs no complement when two small counts already hide each other', () => {
    expect(countRow({ V: 20, A: 3, B: 4, C: 40 }).shown).toEqual({ V: 20, A: '<11', B: '<11', C: 40 });
  });

  it.each([
    { a: 1, b: 1, why: 'two small counts adding up to 2 are both 1' },
    { a: 10, b: 10, why: 'two small counts adding up to 20 are both 10' },
  ])('adds a complement when $why', ({ a, b }) => {
    expect(countRow({ V: 20, A: a, B: b, C: 40, D: 50 }).shown).toEqual({ V: 20, A: '<11', B: '<11', C: '*', D: 50 });
  });

  it('skips a complement that would still let the small count be worked out (1 + exactly 11)', () => {
    // With B (11) withheld, remainder 12 = A (1..10) + B (above 10) forces A = 1 and B = 11.
    expect(countRow({ V: 20, A: 1, B: 11, C: 25 }).shown).toEqual({ V: 20, A: '<11', B: 11, C: '*' });
  });

  it('protects numerators and denominators separately', () => {
    const { cells } = suppress([
      proportion('V', 10, 20),
      proportion('A', 2, 8),
      proportion('B', 15, 30),
      proportion('C', 20, 40),
      proportion('D', 30, 50),
    ]);
    const shown = (siteId: string) => {
      const cell = cellOf(cells, siteId);
      return [shownAs(cell.numerator), shownAs(cell.denominator)];
    };
    expect(shown('A')).toEqual(['<11', '<11']);
    expect(shown('B')).toEqual(['*', '*']);
    expect(shown('C')).toEqual([20, 40]);
    expect(cellOf(cells, 'B')).toMatchObject({
      suppressed: true,
      reason: 'complementary',
      value: { shown: false, reason: 'cell-suppressed' },
    });
  });

  it('protects a small denominator alone when the numerators give nothing away', () => {
    const { cells } = suppress([
      proportion('V', 10, 20),
      proportion('A', 0, 8),
      proportion('B', 15, 30),
      proportion('C', 20, 40),
    ]);
    expect(cells.map((cell) => [cell.siteId, shownAs(cell.numerator), shownAs(cell.denominator)])).toEqual([
      ['V', 10, 20],
      ['A', 0, '<11'],
      ['B', 15, '*'],
      ['C', 20, 40],
    ]);
  });

  it("knows a proportion's numerator is at most its shown denominator", () => {
    // Withholding B's numerator (11 of 11) would still give 14 - 11 = 3 for A.
    const { cells } = suppress([
      proportion('V', 30, 40),
      proportion('A', 3, 50),
      proportion('B', 11, 11),
      proportion('C', 30, 90),
    ]);
    expect(cells.map((cell) => shownAs(cell.numerator))).toEqual([30, '<11', 11, '*']);
  });

  it("protects a numerator pinned through the other sites' denominators", () => {
    // T = 2. A and B show "<3" for both counts and their denominators add up to 3 (36 - 3 - 30),
    // so their numerators add up to at most 3, and C's numerator (1..2) would be 25 - 20 - 3 = 2.
    const { cells } = suppress(
      [proportion('C', 2, 3), proportion('A', 1, 1), proportion('B', 2, 2), proportion('E', 20, 30)],
      { viewer: [], threshold: 2 },
    );
    expect(cells.map((cell) => [cell.siteId, shownAs(cell.numerator), shownAs(cell.denominator)])).toEqual([
      ['C', '<3', 3],
      ['A', '<3', '<3'],
      ['B', '<3', '<3'],
      ['E', '*', 30],
    ]);
  });

  it('withholds a whole MEAN point as its complement', () => {
    const { cells, totals } = suppress([mean('V', 20, 7), mean('A', 4, 8), mean('B', 30, 7.5), mean('C', 40, 6.5)]);
    const b = cellOf(cells, 'B');
    expect([shownAs(b.numerator), shownAs(b.denominator), shownAs(b.value)]).toEqual(['*', '*', '*']);
    expect(b.reason).toBe('complementary');
    const total = totalOf(totals);
    expect(total.kind === 'MEAN' && [total.numerator?.shown, total.denominator?.shown, total.ratio?.shown]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('treats months independently', () => {
    const { cells } = suppress([
      count('V', 20, '2026-03'),
      count('A', 3, '2026-03'),
      count('B', 30, '2026-03'),
      count('V', 20, '2026-04'),
      count('A', 30, '2026-04'),
      count('B', 3, '2026-04'),
      count('V', 20, '2026-05'),
      count('A', 30, '2026-05'),
      count('B', 40, '2026-05'),
    ]);
    expect(cells.map((cell) => [cell.month, cell.siteId, shownAs(cell.value)])).toEqual([
      ['2026-03', 'V', 20],
      ['2026-03', 'A', '<11'],
      ['2026-03', 'B', '*'],
      ['2026-04', 'V', 20],
      ['2026-04', 'A', '*'],
      ['2026-04', 'B', '<11'],
      ['2026-05', 'V', 20],
      ['2026-05', 'A', 30],
      ['2026-05', 'B', 40],
    ]);
  });

  it('treats measures independently', () => {
    const { cells } = suppress([
      count('V', 20),
      count('A', 3),
      count('B', 30),
      proportion('V', 10, 20),
      proportion('A', 15, 30),
      proportion('B', 20, 40),
    ]);
    expect(cellOf(cells, 'A', MONTH, 'remission').suppressed).toBe(false);
    expect(cellOf(cells, 'B', MONTH, 'remission').suppressed).toBe(false);
    expect(cellOf(cells, 'B', MONTH, 'admissions').reason).toBe('complementary');
  });
});

describe('suppressSmallCells: when no complement can protect', () => {
  it('withholds the network total when only the viewer and one other site reported', () => {
    // Showing 23 would give 23 - 20 = 3, with or without the breakdown.
    const row = countRow({ V: 20, A: 3 });
    expect(row.shown).toEqual({ V: 20, A: '<11' });
    expect(row.total).toBe('*');
    const total = totalOf(suppress([count('V', 20), count('A', 3)]).totals);
    expect(total.kind === 'COUNT' && total.value).toEqual({ shown: false, reason: 'would-disclose', label: '*' });
  });

  it('withholds the total of a single site seen by someone outside it', () => {
    expect(countRow({ A: 3 }, { viewer: [] })).toMatchObject({ shown: { A: '<11' }, total: '*' });
  });

  it('withholds the total when every candidate would leave the small count pinned, keeping the other points', () => {
    expect(countRow({ V: 20, A: 1, B: 11, C: 11 })).toEqual({
      shown: { V: 20, A: '<11', B: 11, C: 11 },
      reasons: { V: null, A: 'small-cell', B: null, C: null },
      total: '*',
    });
  });

  it('withholds only the exposed total of a proportion, and the ratio with it', () => {
    const { totals } = suppress([proportion('V', 10, 40), proportion('A', 3, 50)]);
    const total = totalOf(totals);
    expect(
      total.kind === 'PROPORTION' && [shownAs(total.numerator), shownAs(total.denominator), shownAs(total.ratio)],
    ).toEqual(['*', 90, '*']);
  });

  it("withholds a mean's sum and mean with its patient count", () => {
    const { totals } = suppress([mean('V', 20, 7), mean('A', 4, 8)]);
    const total = totalOf(totals);
    expect(
      total.kind === 'MEAN' && [shownAs(total.numerator), shownAs(total.denominator), shownAs(total.ratio)],
    ).toEqual(['*', '*', '*']);
  });

  it('leaves at most one unknown only where the total is withheld', () => {
    const { cells, totals } = suppress([count('V', 20), count('A', 3)]);
    const total = totalOf(totals);
    expect(derivationCheck(cells, total.kind === 'COUNT' ? total.value : null, (cell) => cell.value)).toEqual({
      totalShown: false,
      remainder: null,
      withheld: 1,
    });
  });
});

describe('suppressSmallCells: what leaves the server', () => {
  it('puts no value on a withheld number', () => {
    const { cells } = suppress([
      proportion('V', 30, 40),
      proportion('A', 3, 7),
      proportion('B', 20, 60),
      proportion('C', 25, 70),
    ]);
    const withheld = cells
      .flatMap((cell) => [cell.numerator, cell.denominator, cell.value])
      .filter((number) => number?.shown === false);
    expect(withheld.length).toBeGreaterThan(0);
    for (const number of withheld) expect(Object.keys(number).sort()).toEqual(['label', 'reason', 'shown']);
  });

  it('does not let a withheld number be typed with a value', () => {
    // @ts-expect-error a withheld number has no value
    const leaky: WithheldNumber<'small-cell'> = { shown: false, reason: 'small-cell', label: '<11', value: 3 };
    expect(leaky.shown).toBe(false);
  });

  it('keeps every input cell, in input order', () => {
    const input = [count('B', 30), count('V', 20), count('A', 3)];
    expect(suppress(input).cells.map((cell) => cell.siteId)).toEqual(['B', 'V', 'A']);
  });

  it('returns null for numbers that were not reported', () => {
    const { cells } = suppress([
      count('V', 20),
      count('A', null),
      { siteId: 'B', month: MONTH, measureKey: 'remission', numerator: null, denominator: null },
    ]);
    expect(cellOf(cells, 'A')).toMatchObject({ value: null, suppressed: false });
    expect(cellOf(cells, 'B', MONTH, 'remission')).toMatchObject({
      numerator: null,
      denominator: null,
      value: null,
      suppressed: false,
    });
  });
});

describe('suppressSmallCells: input errors name the field', () => {
  const valid = (): SmallCellSuppressionInput => ({
    threshold: 10,
    fullyVisibleSiteIds: ['V'],
    measureKinds: KINDS,
    cells: [count('V', 20)],
  });

  it.each([
    { threshold: 1, message: /^threshold must be an integer of at least 2/ },
    { threshold: 2.5, message: /^threshold/ },
    { threshold: Number.NaN, message: /^threshold/ },
  ])('rejects threshold $threshold', ({ threshold, message }) => {
    expect(() => suppressSmallCells({ ...valid(), threshold })).toThrow(message);
  });

  it.each<{ cell: SiteMeasureCell; message: RegExp }>([
    { cell: { ...count('A', 3), month: '2026-13' }, message: /^cells\[1\]\.month must be a month like 2026-03/ },
    { cell: { ...count('A', 3), month: '2026-3' }, message: /^cells\[1\]\.month/ },
    { cell: { ...count('A', 3), siteId: '' }, message: /^cells\[1\]\.siteId/ },
    {
      cell: { ...count('A', 3), measureKey: 'unknown' },
      message: /^cells\[1\]\.measureKey "unknown" has no known kind/,
    },
    { cell: { ...count('A', 3), measureKey: 'constructor' }, message: /^cells\[1\]\.measureKey/ },
    { cell: count('A', -1), message: /^cells\[1\]\.value must be a whole count/ },
    { cell: count('A', 2.5), message: /^cells\[1\]\.value must be a whole count/ },
    { cell: { ...count('A', 3), numerator: 3 }, message: /^cells\[1\]\.numerator must be null for a COUNT/ },
    { cell: proportion('A', 12, 10), message: /^cells\[1\]\.numerator must not exceed the denominator/ },
    {
      cell: { ...proportion('A', 3, 10), denominator: null },
      message: /^cells\[1\]\.denominator must be given together/,
    },
    {
      cell: { siteId: 'A', month: MONTH, measureKey: 'remission', numerator: null, denominator: null, value: 0.5 },
      message: /^cells\[1\]\.value needs its numerator/,
    },
    {
      cell: { ...proportion('A', 3, 10), value: Number.POSITIVE_INFINITY },
      message: /^cells\[1\]\.value must be a finite number/,
    },
    { cell: { ...mean('A', 12, 7), denominator: 12.5 }, message: /^cells\[1\]\.denominator must be a whole count/ },
    { cell: count('V', 4), message: /^cells\[1\] repeats cells\[0\]/ },
  ])('rejects $message', ({ cell, message }) => {
    expect(() => suppressSmallCells({ ...valid(), cells: [count('V', 20), cell] })).toThrow(message);
  });

  it('throws a RangeError', () => {
    expect(() => suppressSmallCells({ ...valid(), threshold: 0 })).toThrow(RangeError);
  });
});

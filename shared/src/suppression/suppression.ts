import { type IntegerRange, type ProportionRanges, rangeUnderProportionSums, rangeUnderSum } from './derivable-ranges';

/** Measure kinds, as on `Measure.kind`; they decide which counts can be small. */
export const SUPPRESSION_MEASURE_KINDS = ['PROPORTION', 'RATE', 'MEAN', 'COUNT'] as const;

/** A measure's kind, as far as suppression cares. */
export type SuppressionMeasureKind = (typeof SUPPRESSION_MEASURE_KINDS)[number];

/** The threshold a network gets unless it sets its own: counts 1 to 10 are small (CMS). */
export const SMALL_CELL_DEFAULT_THRESHOLD = 10;

/** The lowest threshold that protects anything: with 1, the label "<2" would itself say "exactly 1". */
export const SMALL_CELL_MIN_THRESHOLD = 2;

/** Label of a number withheld for any reason other than being small itself; it states no range. */
export const WITHHELD_LABEL = '*';

/**
 * One site's report of one measure for one month, unsuppressed, as the server holds it.
 *
 * - `PROPORTION` and `RATE`: `numerator` and `denominator` are whole counts, both or neither;
 *   `value` is their displayed ratio (any scaling is the caller's).
 * - `MEAN`: `denominator` is the number of patients, `numerator` the sum of their
 *   observations (both or neither), `value` the mean.
 * - `COUNT`: `value` is the count; `numerator` and `denominator` are null.
 */
export interface SiteMeasureCell {
  readonly siteId: string;
  /** Calendar month, `YYYY-MM`. */
  readonly month: string;
  readonly measureKey: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value?: number | null;
}

/** What {@link suppressSmallCells} needs to know about one viewer and one network's data. */
export interface SmallCellSuppressionInput {
  /** The network's threshold T: counts from 1 to T are small. An integer, at least {@link SMALL_CELL_MIN_THRESHOLD}. */
  readonly threshold: number;
  /** Sites whose numbers this viewer may see in full (her own site; every site for a network admin). The caller decides. */
  readonly fullyVisibleSiteIds: ReadonlySet<string> | readonly string[];
  /** Kind of every measure that occurs in `cells`, by measure key. */
  readonly measureKinds: Readonly<Record<string, SuppressionMeasureKind>>;
  readonly cells: readonly SiteMeasureCell[];
}

/** Why one number of a site's cell is withheld. */
export type CellWithholdReason =
  /** The number itself is a count from 1 to T. Labelled `<T+1`. */
  | 'small-cell'
  /** A count above T, withheld so that a small count cannot be worked out from the total. Labelled {@link WITHHELD_LABEL}. */
  | 'complementary'
  /** Withheld because another number of the same cell is (a proportion's value, a mean's sum). Labelled {@link WITHHELD_LABEL}. */
  | 'cell-suppressed';

/** Why a network total is withheld: with it, a withheld count could be worked out. */
export type TotalWithholdReason = 'would-disclose';

/** A number the viewer may see. */
export interface ShownNumber {
  readonly shown: true;
  readonly value: number;
}

/** A number the viewer may not see: by construction it carries no value, only why and what to print. */
export interface WithheldNumber<Reason extends string> {
  readonly shown: false;
  readonly reason: Reason;
  readonly label: string;
  readonly value?: never;
}

/** A number as it may leave the server: shown, or withheld without its value. */
export type DisplayedNumber<Reason extends string> = ShownNumber | WithheldNumber<Reason>;

/** Why a site's point is left out of its chart: a small count of its own, or complementary suppression. */
export type SiteCellSuppression = 'small-cell' | 'complementary';

/** A site's cell as one viewer may see it. `null` numbers were not reported. */
export type DisplayedSiteCell = {
  readonly siteId: string;
  readonly month: string;
  readonly measureKey: string;
  readonly numerator: DisplayedNumber<CellWithholdReason> | null;
  readonly denominator: DisplayedNumber<CellWithholdReason> | null;
  readonly value: DisplayedNumber<CellWithholdReason> | null;
} & (
  | { readonly suppressed: false; readonly reason: null }
  /** The site's point for this month is left out of its chart. */
  | { readonly suppressed: true; readonly reason: SiteCellSuppression }
);

/** Network totals of one measure for one month, from the unsuppressed data; `null` where no site reported. */
export type DisplayedNetworkTotal =
  | {
      readonly kind: 'COUNT';
      readonly measureKey: string;
      readonly month: string;
      /** Sum of the sites' counts. */
      readonly value: DisplayedNumber<TotalWithholdReason> | null;
    }
  | {
      readonly kind: 'PROPORTION' | 'RATE' | 'MEAN';
      readonly measureKey: string;
      readonly month: string;
      readonly numerator: DisplayedNumber<TotalWithholdReason> | null;
      readonly denominator: DisplayedNumber<TotalWithholdReason> | null;
      /** Summed numerator over summed denominator, unscaled: a fraction, events per unit, or the network mean. */
      readonly ratio: DisplayedNumber<TotalWithholdReason> | null;
    };

/** What one viewer may see: every input cell (in input order) and a total per measure and month (sorted by measure key, then month). */
export interface SmallCellSuppressionResult {
  readonly cells: readonly DisplayedSiteCell[];
  readonly totals: readonly DisplayedNetworkTotal[];
}

/**
 * True when `count` is a small cell: more than 0 and at most `threshold`
 * (for whole counts, 1 to T; zero is never small). Null means not reported and is not small.
 */
export function isSmallCell(count: number | null | undefined, threshold: number): boolean {
  return count !== null && count !== undefined && count > 0 && count <= threshold;
}

/** The label shown instead of a small count: `<T+1`, e.g. `<11` for the default threshold of 10. */
export function smallCellLabel(threshold: number): string {
  return `<${threshold + 1}`;
}

/**
 * Returns what one viewer may see of a network's site-level measure data: each cell with
 * small counts withheld, and network totals per measure and month computed from the
 * unsuppressed data. Pure; throws a `RangeError` naming the field on malformed input.
 *
 * Primary suppression (CMS cell size suppression policy, https://www.hhs.gov/guidance/document/cms-cell-suppression-policy):
 * a numerator or denominator (PROPORTION, RATE), a patient count (MEAN's denominator) or a
 * count (COUNT's value) from 1 to T of a site the viewer may not see in full is withheld
 * and labelled `<T+1`; the site's point for that month then leaves its chart (its value,
 * and a mean's sum, are withheld too). Zero is shown. Fully visible sites are shown as
 * they are, small counts included.
 *
 * Derived values (same policy: "no cell can be reported that allows a value of 1 to 10 to
 * be derived from other reported cells"): for each measure, month and number (numerators
 * and denominators separately), the viewer is assumed to know the network total, every
 * number shown to her (her own sites' included), that a `<T+1` number lies in 1..T, that
 * a complementary one is above T, and that a proportion's numerator is at most its
 * denominator. A small count is safe while at least two values remain consistent with all
 * of that (solved exactly, see `derivable-ranges.ts`). While one is not safe,
 * another site's shown count of the same number above T is withheld as complementary:
 * the smallest one whose suppression alone makes it safe, else the smallest, ties broken
 * by site id (code-unit order), so the result does not depend on input order.
 *
 * When no further count can be withheld (say only the viewer's site and one other site
 * reported, or every candidate is T+1 and the small count is 1), the network total of
 * that number is withheld for that month (reason `would-disclose`; with it the network
 * ratio) and the breakdown stays as it is. Withholding the breakdown while showing the
 * total would not be safe: with one other site, total minus the viewer's own numbers is
 * that site's number. Without the total nothing constrains the small count beyond its
 * label, and the other sites' points stay on their charts.
 *
 * Callers must send this viewer network totals only from this result: a total published
 * elsewhere (an aim page, an export) undoes the protection. Not covered: inference across
 * measures or months (the same patients counted twice), the count of patients a
 * proportion leaves out (denominator minus numerator), and inference from which cell was
 * chosen as complementary.
 */
export function suppressSmallCells(input: SmallCellSuppressionInput): SmallCellSuppressionResult {
  const { threshold, cells } = input;
  assertValidInput(input);
  const fullyVisible = new Set(input.fullyVisibleSiteIds);

  const groups = new Map<string, Map<string, number[]>>();
  cells.forEach((cell, index) => {
    const byMonth = groups.get(cell.measureKey) ?? new Map<string, number[]>();
    groups.set(cell.measureKey, byMonth);
    byMonth.set(cell.month, [...(byMonth.get(cell.month) ?? []), index]);
  });

  const displayed = new Array<DisplayedSiteCell>(cells.length);
  const totals: DisplayedNetworkTotal[] = [];
  for (const measureKey of [...groups.keys()].sort(compareCodeUnits)) {
    const kind = input.measureKinds[measureKey];
    const byMonth = groups.get(measureKey)!;
    for (const month of [...byMonth.keys()].sort(compareCodeUnits)) {
      const indexes = byMonth.get(month)!;
      const groupCells = indexes.map((index) => cells[index]);
      const protection = protectGroup(kind, groupCells, threshold, fullyVisible);
      indexes.forEach((index, position) => {
        displayed[index] = displayCell(kind, groupCells[position], protection.statuses[position], threshold);
      });
      totals.push(displayTotal(kind, measureKey, month, groupCells, protection.withheldTotals));
    }
  }
  return { cells: displayed, totals };
}

type Component = 'numerator' | 'denominator' | 'value';
type SlotStatus = 'shown' | 'small-cell' | 'complementary';

// Checked in this order; a MEAN's sum follows its patient count, a ratio's value follows both counts.
const PROTECTED_COMPONENTS: Record<SuppressionMeasureKind, readonly Component[]> = {
  PROPORTION: ['denominator', 'numerator'],
  RATE: ['denominator', 'numerator'],
  MEAN: ['denominator'],
  COUNT: ['value'],
};

interface Slot {
  readonly position: number;
  readonly siteId: string;
  readonly component: Component;
  readonly amount: number;
  readonly withholdable: boolean;
  status: SlotStatus;
}

interface GroupProtection {
  readonly statuses: readonly Partial<Record<Component, SlotStatus>>[];
  readonly withheldTotals: ReadonlySet<Component>;
}

function protectGroup(
  kind: SuppressionMeasureKind,
  cells: readonly SiteMeasureCell[],
  threshold: number,
  fullyVisible: ReadonlySet<string>,
): GroupProtection {
  const slots: Slot[] = [];
  cells.forEach((cell, position) => {
    for (const component of PROTECTED_COMPONENTS[kind]) {
      const amount = amountOf(cell, component);
      if (amount === null) continue;
      const withholdable = !fullyVisible.has(cell.siteId);
      slots.push({ position, siteId: cell.siteId, component, amount, withholdable, status: 'shown' });
    }
  });

  const withheldTotals = new Set<Component>();
  for (;;) {
    for (const slot of slots)
      slot.status = slot.withholdable && isSmallCell(slot.amount, threshold) ? 'small-cell' : 'shown';
    const unprotectable = addComplements(kind, slots, withheldTotals, threshold);
    if (unprotectable === null) break;
    withheldTotals.add(unprotectable);
  }

  const statuses = cells.map((): Partial<Record<Component, SlotStatus>> => ({}));
  for (const slot of slots) statuses[slot.position][slot.component] = slot.status;
  return { statuses, withheldTotals };
}

/**
 * Withholds complementary counts until no small count is derivable; returns a component
 * it could not protect (whose total must go), if any.
 */
function addComplements(
  kind: SuppressionMeasureKind,
  slots: Slot[],
  withheldTotals: ReadonlySet<Component>,
  threshold: number,
): Component | null {
  const order = PROTECTED_COMPONENTS[kind];
  const summed = new Set(order.filter((component) => !withheldTotals.has(component)));
  for (;;) {
    const exposedNow = pinnedComponents(kind, slots, summed, threshold);
    if (exposedNow.size === 0) return null;
    // A proportion's count can also be pinned through its partner (numerator <= denominator);
    // fix first the component whose own total pins it.
    const fixable = order.filter((component) => exposedNow.has(component) && summed.has(component));
    const exposed =
      fixable.find((component) => pinnedComponents(kind, slots, new Set([component]), threshold).has(component)) ??
      fixable[0];
    // Without any total nothing but its label (1..T, T >= 2) bounds a small count.
    if (exposed === undefined) throw new Error('suppression: a small count stays derivable without any total');
    const candidates = slots
      .filter(
        (slot) => slot.component === exposed && slot.withholdable && slot.status === 'shown' && slot.amount > threshold,
      )
      .sort((a, b) => a.amount - b.amount || compareCodeUnits(a.siteId, b.siteId));
    if (candidates.length === 0) return exposed;
    const sufficient = candidates.find((candidate) => {
      candidate.status = 'complementary';
      const protects = !pinnedComponents(kind, slots, summed, threshold).has(exposed);
      candidate.status = 'shown';
      return protects;
    });
    (sufficient ?? candidates[0]).status = 'complementary';
  }
}

/**
 * Components with a small count the viewer could pin to a single value, knowing the
 * totals of `summed`, the shown numbers, the labels' ranges and numerator <= denominator.
 */
function pinnedComponents(
  kind: SuppressionMeasureKind,
  slots: readonly Slot[],
  summed: ReadonlySet<Component>,
  threshold: number,
): Set<Component> {
  const rangeOf = (slot: Slot): IntegerRange => {
    if (slot.status === 'small-cell') return { lo: 1, hi: threshold };
    if (slot.status === 'complementary') return { lo: threshold + 1, hi: Infinity };
    return { lo: slot.amount, hi: slot.amount };
  };
  const totalOf = (component: Component) =>
    summed.has(component)
      ? slots.reduce((sum, slot) => (slot.component === component ? sum + slot.amount : sum), 0)
      : null;
  const pinned = new Set<Component>();
  const isPinned = (range: IntegerRange) => {
    // The true values always fit, so an empty range means the counts break their own rules.
    if (range.lo > range.hi) throw new Error('suppression: the reported counts contradict each other');
    return range.lo === range.hi;
  };

  if (kind === 'PROPORTION') {
    // Numerator and denominator are reported together, so slots come in pairs per cell.
    const numerators = slots.filter((slot) => slot.component === 'numerator');
    const denominatorAt = new Map(
      slots.filter((slot) => slot.component === 'denominator').map((slot) => [slot.position, slot]),
    );
    const denominators = numerators.map((numerator) => denominatorAt.get(numerator.position)!);
    const sites: ProportionRanges[] = numerators.map((numerator, index) => ({
      numerator: rangeOf(numerator),
      denominator: rangeOf(denominators[index]),
    }));
    const totals = { numerator: totalOf('numerator'), denominator: totalOf('denominator') };
    numerators.forEach((numerator, index) => {
      for (const [component, slot] of [
        ['numerator', numerator],
        ['denominator', denominators[index]],
      ] as const) {
        if (slot.status === 'small-cell' && isPinned(rangeUnderProportionSums(sites, index, component, totals)))
          pinned.add(component);
      }
    });
    return pinned;
  }

  for (const component of PROTECTED_COMPONENTS[kind]) {
    const group = slots.filter((slot) => slot.component === component);
    const ranges = group.map(rangeOf);
    const total = totalOf(component);
    group.forEach((slot, index) => {
      if (slot.status === 'small-cell' && isPinned(rangeUnderSum(ranges, index, total))) pinned.add(component);
    });
  }
  return pinned;
}

function amountOf(cell: SiteMeasureCell, component: Component): number | null {
  return component === 'value' ? (cell.value ?? null) : cell[component];
}

function displayCell(
  kind: SuppressionMeasureKind,
  cell: SiteMeasureCell,
  statuses: Partial<Record<Component, SlotStatus>>,
  threshold: number,
): DisplayedSiteCell {
  const protectedNumber = (component: Component): DisplayedNumber<CellWithholdReason> | null => {
    const amount = amountOf(cell, component);
    if (amount === null) return null;
    const status = statuses[component] ?? 'shown';
    if (status === 'small-cell') return { shown: false, reason: 'small-cell', label: smallCellLabel(threshold) };
    if (status === 'complementary') return { shown: false, reason: 'complementary', label: WITHHELD_LABEL };
    return { shown: true, value: amount };
  };
  const followingNumber = (component: Component, withheld: boolean): DisplayedNumber<CellWithholdReason> | null => {
    const amount = amountOf(cell, component);
    if (amount === null) return null;
    return withheld
      ? { shown: false, reason: 'cell-suppressed', label: WITHHELD_LABEL }
      : { shown: true, value: amount };
  };

  let numerator: DisplayedNumber<CellWithholdReason> | null = null;
  let denominator: DisplayedNumber<CellWithholdReason> | null = null;
  let value: DisplayedNumber<CellWithholdReason> | null;
  if (kind === 'COUNT') {
    value = protectedNumber('value');
  } else if (kind === 'MEAN') {
    denominator = protectedNumber('denominator');
    const withheld = denominator?.shown === false;
    numerator = followingNumber('numerator', withheld);
    value = followingNumber('value', withheld);
  } else {
    numerator = protectedNumber('numerator');
    denominator = protectedNumber('denominator');
    value = followingNumber('value', numerator?.shown === false || denominator?.shown === false);
  }

  // Plain object literals: this runs once per cell of every chart request, and spreads are slow here.
  const withheld = (reason: CellWithholdReason) =>
    (numerator?.shown === false && numerator.reason === reason) ||
    (denominator?.shown === false && denominator.reason === reason) ||
    (value?.shown === false && value.reason === reason);
  const suppression = withheld('small-cell') ? 'small-cell' : withheld('complementary') ? 'complementary' : null;
  const { siteId, month, measureKey } = cell;
  return suppression
    ? { siteId, month, measureKey, numerator, denominator, value, suppressed: true, reason: suppression }
    : { siteId, month, measureKey, numerator, denominator, value, suppressed: false, reason: null };
}

function displayTotal(
  kind: SuppressionMeasureKind,
  measureKey: string,
  month: string,
  cells: readonly SiteMeasureCell[],
  withheldTotals: ReadonlySet<Component>,
): DisplayedNetworkTotal {
  // Summed in site order, so a mean's fractional sums do not depend on input order.
  const bySite = [...cells].sort((a, b) => compareCodeUnits(a.siteId, b.siteId));
  const sumOf = (component: Component): number | null => {
    const amounts = bySite
      .map((cell) => amountOf(cell, component))
      .filter((amount): amount is number => amount !== null);
    return amounts.length === 0 ? null : amounts.reduce((sum, amount) => sum + amount, 0);
  };
  const withheld = (): WithheldNumber<TotalWithholdReason> => ({
    shown: false,
    reason: 'would-disclose',
    label: WITHHELD_LABEL,
  });
  const display = (amount: number | null, isWithheld: boolean): DisplayedNumber<TotalWithholdReason> | null =>
    amount === null ? null : isWithheld ? withheld() : { shown: true, value: amount };

  if (kind === 'COUNT') return { kind, measureKey, month, value: display(sumOf('value'), withheldTotals.has('value')) };

  const numeratorTotal = sumOf('numerator');
  const denominatorTotal = sumOf('denominator');
  const denominatorWithheld = withheldTotals.has('denominator');
  // A mean's sum goes with its patient count.
  const numeratorWithheld = kind === 'MEAN' ? denominatorWithheld : withheldTotals.has('numerator');
  let ratio: DisplayedNumber<TotalWithholdReason> | null = null;
  if (numeratorTotal !== null && denominatorTotal !== null) {
    if (numeratorWithheld || denominatorWithheld) ratio = withheld();
    else if (denominatorTotal > 0) ratio = { shown: true, value: numeratorTotal / denominatorTotal };
  }
  return {
    kind,
    measureKey,
    month,
    numerator: display(numeratorTotal, numeratorWithheld),
    denominator: display(denominatorTotal, denominatorWithheld),
    ratio,
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function assertValidInput(input: SmallCellSuppressionInput): void {
  const { threshold, measureKinds, cells } = input;
  if (!Number.isInteger(threshold) || threshold < SMALL_CELL_MIN_THRESHOLD) {
    throw new RangeError(
      `threshold must be an integer of at least ${SMALL_CELL_MIN_THRESHOLD} ` +
        `(with 1, the label "<2" would reveal the value 1), got ${threshold}`,
    );
  }
  const seen = new Map<string, number>();
  cells.forEach((cell, index) => {
    const field = (name: string) => `cells[${index}].${name}`;
    if (typeof cell.siteId !== 'string' || cell.siteId === '')
      throw new RangeError(`${field('siteId')} must be a non-empty string`);
    if (typeof cell.measureKey !== 'string' || cell.measureKey === '') {
      throw new RangeError(`${field('measureKey')} must be a non-empty string`);
    }
    if (typeof cell.month !== 'string' || !MONTH_PATTERN.test(cell.month)) {
      throw new RangeError(`${field('month')} must be a month like 2026-03, got ${String(cell.month)}`);
    }
    const kind = Object.hasOwn(measureKinds, cell.measureKey) ? measureKinds[cell.measureKey] : undefined;
    if (kind === undefined || !(SUPPRESSION_MEASURE_KINDS as readonly string[]).includes(kind)) {
      throw new RangeError(`${field('measureKey')} "${cell.measureKey}" has no known kind in measureKinds`);
    }
    const key = `${cell.measureKey}\u0000${cell.month}\u0000${cell.siteId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new RangeError(`cells[${index}] repeats cells[${earlier}] (same site, measure and month)`);
    seen.set(key, index);
    assertValidNumbers(kind, cell, field);
  });
}

function assertValidNumbers(
  kind: SuppressionMeasureKind,
  cell: SiteMeasureCell,
  field: (name: string) => string,
): void {
  const { numerator, denominator } = cell;
  const value = cell.value ?? null;
  const wholeCount = (name: 'numerator' | 'denominator' | 'value', amount: number | null) => {
    if (amount !== null && !(Number.isInteger(amount) && amount >= 0)) {
      throw new RangeError(`${field(name)} must be a whole count of at least 0, got ${amount}`);
    }
  };
  const finite = (name: 'numerator' | 'value', amount: number | null) => {
    if (amount !== null && !Number.isFinite(amount))
      throw new RangeError(`${field(name)} must be a finite number, got ${amount}`);
  };

  if (kind === 'COUNT') {
    if (numerator !== null)
      throw new RangeError(`${field('numerator')} must be null for a COUNT measure (the count is the value)`);
    if (denominator !== null)
      throw new RangeError(`${field('denominator')} must be null for a COUNT measure (the count is the value)`);
    wholeCount('value', value);
    return;
  }
  if ((numerator === null) !== (denominator === null)) {
    throw new RangeError(
      `${field(numerator === null ? 'numerator' : 'denominator')} must be given together with the other count`,
    );
  }
  if (value !== null && denominator === null) {
    throw new RangeError(
      `${field('value')} needs its numerator and denominator, or small counts could not be recognised`,
    );
  }
  finite('value', value);
  wholeCount('denominator', denominator);
  if (kind === 'MEAN') {
    finite('numerator', numerator);
    return;
  }
  wholeCount('numerator', numerator);
  if (kind === 'PROPORTION' && numerator !== null && denominator !== null && numerator > denominator) {
    throw new RangeError(
      `${field('numerator')} must not exceed the denominator of a PROPORTION measure (${numerator} > ${denominator})`,
    );
  }
}

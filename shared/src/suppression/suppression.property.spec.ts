import { describe, expect, it } from 'vitest';
import {
  type DisplayedNetworkTotal,
  type DisplayedNumber,
  type DisplayedSiteCell,
  isSmallCell,
  type SiteMeasureCell,
  type SmallCellSuppressionResult,
  suppressSmallCells,
  type SuppressionMeasureKind,
} from './index';

// Random networks, each checked against an attacker who solves exactly for every
// withheld count using only what the viewer receives. SUPPRESSION_NETWORKS and
// SUPPRESSION_SEED run more or other networks (with --testTimeout for large runs).

const KINDS: Record<string, SuppressionMeasureKind> = { p: 'PROPORTION', r: 'RATE', m: 'MEAN', c: 'COUNT' };
// shared/ compiles without Node's types; the runner still has its environment.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const NETWORKS = Number(env.SUPPRESSION_NETWORKS ?? 400);
const FIRST_SEED = Number(env.SUPPRESSION_SEED ?? 1000);

/** mulberry32: a small deterministic generator, so a failure names a seed that reproduces it. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const shuffle = <T>(items: readonly T[]) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return { next, int, shuffle };
}

interface Network {
  readonly seed: number;
  readonly threshold: number;
  readonly viewer: readonly string[];
  readonly cells: readonly SiteMeasureCell[];
}

function randomNetwork(seed: number): Network {
  const { next, int, shuffle } = generator(seed);
  const threshold = [2, 3, 4][int(0, 2)];
  // Zeros, small counts, the awkward T+1 and T+2, and larger counts.
  const amount = () => {
    const r = next();
    if (r < 0.12) return 0;
    if (r < 0.45) return int(1, threshold);
    if (r < 0.6) return threshold + int(1, 2);
    return int(threshold + 1, 3 * threshold + 6);
  };
  const sites = shuffle(['sb', 'sa', 'sd', 'sc', 'se']).slice(0, int(1, 5));
  const viewer = sites.filter(() => next() < 0.3);
  const months = ['2026-01', '2026-02'].slice(0, int(1, 2));
  const cells: SiteMeasureCell[] = [];
  for (const measureKey of Object.keys(KINDS)) {
    for (const month of months) {
      for (const siteId of sites) {
        const base = { siteId, month, measureKey };
        if (next() < 0.08) {
          cells.push({ ...base, numerator: null, denominator: null, value: null });
          continue;
        }
        const kind = KINDS[measureKey];
        if (kind === 'COUNT') {
          cells.push({ ...base, numerator: null, denominator: null, value: amount() });
        } else if (kind === 'PROPORTION') {
          const denominator = amount();
          const numerator =
            next() < 0.2 ? denominator : Math.min(denominator, next() < 0.5 ? amount() : int(0, denominator));
          cells.push({ ...base, numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
        } else if (kind === 'RATE') {
          const numerator = amount();
          const denominator = amount();
          cells.push({ ...base, numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
        } else {
          const denominator = amount();
          const numerator = denominator * int(40, 90) * 0.1;
          cells.push({ ...base, numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
        }
      }
    }
  }
  return { seed, threshold, viewer, cells: shuffle(cells) };
}

const run = (network: Network, cells = network.cells) =>
  suppressSmallCells({ threshold: network.threshold, fullyVisibleSiteIds: network.viewer, measureKinds: KINDS, cells });

type Component = 'numerator' | 'denominator' | 'value';
const PROTECTED: Record<SuppressionMeasureKind, readonly Component[]> = {
  PROPORTION: ['numerator', 'denominator'],
  RATE: ['numerator', 'denominator'],
  MEAN: ['denominator'],
  COUNT: ['value'],
};

interface Box {
  readonly lo: number;
  readonly hi: number;
}

/** What the viewer knows of one number from its display alone. */
function boxOf(number: DisplayedNumber<string>, threshold: number): Box {
  if (number.shown) return { lo: number.value, hi: number.value };
  if (number.reason === 'small-cell') return { lo: 1, hi: threshold };
  if (number.reason === 'complementary') return { lo: threshold + 1, hi: Infinity };
  throw new Error(`a counted number is withheld as ${number.reason}`);
}

const totalNumber = (total: DisplayedNetworkTotal, component: Component) =>
  total.kind === 'COUNT'
    ? component === 'value'
      ? total.value
      : null
    : component === 'value'
      ? null
      : total[component];

interface Unknown {
  /** The viewer's bounds on each number of this site the system covers. */
  readonly boxes: readonly Box[];
}

/**
 * Every value a withheld small count could take, consistent with all the viewer sees:
 * shown numbers, labels, shown totals and (for proportions) numerator <= denominator.
 * `remainders[d]` is a shown total minus the shown numbers of dimension d, or null when
 * that total is withheld. The other sites are enumerated exactly through a table of the
 * sums they can reach.
 */
function feasibleValues(
  sites: readonly Unknown[],
  target: number,
  targetDimension: number,
  remainders: readonly (number | null)[],
  ordered: boolean,
): Set<number> {
  const dimensions = remainders.length;
  const size = remainders.map((remainder) => (remainder === null ? 1 : remainder + 1));
  const index = (point: readonly number[]) => point.reduce((acc, value, d) => acc * size[d] + value, 0);
  const isKnown = (box: Box) => box.lo === box.hi;

  /** The values one site's numbers can take, with what they add to the unknown part of each remainder. */
  const tuples = (site: Unknown, isTarget: boolean) => {
    const choices = site.boxes.map((box, d) => {
      if (isKnown(box)) return [box.lo];
      // Without a total only the ordering matters: the most permissive extreme will do.
      if (remainders[d] === null && !(isTarget && d === targetDimension)) return [d === 0 ? box.lo : box.hi];
      const hi = remainders[d] === null ? box.hi : Math.min(box.hi, remainders[d]);
      return Array.from({ length: Math.max(0, hi - box.lo + 1) }, (_, k) => box.lo + k);
    });
    const out: { values: number[]; adds: number[] }[] = [];
    const walk = (d: number, values: number[]) => {
      if (d === dimensions) {
        if (ordered && values[0] > values[1]) return;
        const adds = values.map((v, k) => (remainders[k] === null || isKnown(site.boxes[k]) ? 0 : v));
        out.push({ values, adds });
        return;
      }
      for (const v of choices[d]) walk(d + 1, [...values, v]);
    };
    walk(0, []);
    return out;
  };

  let reach = new Uint8Array(size.reduce((a, b) => a * b, 1));
  reach[0] = 1;
  const points: number[][] = [];
  const enumerate = (d: number, point: number[]) => {
    if (d === dimensions) points.push(point);
    else for (let v = 0; v < size[d]; v++) enumerate(d + 1, [...point, v]);
  };
  enumerate(0, []);
  sites.forEach((site, s) => {
    if (s === target) return;
    const steps = tuples(site, false);
    const next = new Uint8Array(reach.length);
    for (const point of points) {
      if (!reach[index(point)]) continue;
      for (const { adds } of steps) {
        const moved = point.map((v, k) => v + adds[k]);
        if (moved.every((v, k) => v < size[k])) next[index(moved)] = 1;
      }
    }
    reach = next;
  });

  const values = new Set<number>();
  for (const { values: tuple, adds } of tuples(sites[target], true)) {
    const rest = adds.map((add, k) => (remainders[k] === null ? 0 : remainders[k] - add));
    if (rest.every((v) => v >= 0) && reach[index(rest)]) values.add(tuple[targetDimension]);
  }
  return values;
}

/** For each withheld small count: how many values the viewer cannot rule out. */
function attack(result: SmallCellSuppressionResult, threshold: number) {
  const findings: { cell: DisplayedSiteCell; component: Component; candidates: Set<number> }[] = [];
  for (const total of result.totals) {
    const kind = KINDS[total.measureKey];
    const group = result.cells.filter((cell) => cell.measureKey === total.measureKey && cell.month === total.month);
    // Proportions are solved jointly (numerator <= denominator); other kinds per number.
    const systems: Component[][] =
      kind === 'PROPORTION' ? [['numerator', 'denominator']] : PROTECTED[kind].map((component) => [component]);
    for (const components of systems) {
      const reporting = group.filter((cell) => cell[components[0]] !== null);
      const sites: Unknown[] = reporting.map((cell) => ({
        boxes: components.map((component) => boxOf(cell[component]!, threshold)),
      }));
      const remainders = components.map((component, d) => {
        const shownTotal = totalNumber(total, component);
        if (!shownTotal?.shown) return null;
        return sites.reduce(
          (rest, site) => rest - (site.boxes[d].lo === site.boxes[d].hi ? site.boxes[d].lo : 0),
          shownTotal.value,
        );
      });
      reporting.forEach((cell, s) => {
        components.forEach((component, d) => {
          const number = cell[component];
          if (number?.shown === false && number.reason === 'small-cell') {
            findings.push({
              cell,
              component,
              candidates: feasibleValues(sites, s, d, remainders, components.length === 2),
            });
          }
        });
      });
    }
  }
  return findings;
}

const keyOf = (cell: { siteId: string; month: string; measureKey: string }) =>
  `${cell.measureKey}/${cell.month}/${cell.siteId}`;

describe('suppressSmallCells on random networks', () => {
  const networks = Array.from({ length: NETWORKS }, (_, i) => randomNetwork(FIRST_SEED + i));

  it('leaves every withheld small count with at least two possible values, the true one among them', () => {
    let attacked = 0;
    for (const network of networks) {
      const result = run(network);
      const truth = new Map(network.cells.map((cell) => [keyOf(cell), cell]));
      for (const { cell, component, candidates } of attack(result, network.threshold)) {
        attacked++;
        const actual = component === 'value' ? truth.get(keyOf(cell))!.value! : truth.get(keyOf(cell))![component]!;
        expect(candidates.has(actual), `seed ${network.seed}: ${keyOf(cell)} ${component}`).toBe(true);
        expect(
          candidates.size,
          `seed ${network.seed}: ${keyOf(cell)} ${component} = ${[...candidates].join()}`,
        ).toBeGreaterThanOrEqual(2);
      }
    }
    expect(attacked).toBeGreaterThan(NETWORKS);
  });

  it('leaves, under every shown total, no withheld count alone: total minus all shown numbers is never one cell', () => {
    const seen = { complementary: 0, withheldTotals: 0 };
    for (const network of networks) {
      const result = run(network);
      for (const total of result.totals) {
        const group = result.cells.filter((cell) => cell.measureKey === total.measureKey && cell.month === total.month);
        const kind = KINDS[total.measureKey];
        // A mean's sums are summed too, so they must not be alone either.
        for (const component of kind === 'MEAN' ? (['denominator', 'numerator'] as const) : PROTECTED[kind]) {
          const numbers = group.map((cell) => cell[component]).filter((number) => number !== null);
          const withheld = numbers.filter((number) => !number.shown);
          const shownTotal = totalNumber(total, component);
          if (shownTotal?.shown === false) seen.withheldTotals++;
          if (withheld.some((number) => !number.shown && number.reason === 'complementary')) seen.complementary++;
          if (shownTotal?.shown && withheld.length > 0)
            expect(withheld.length, `seed ${network.seed}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
    // The generator reaches both protections often.
    expect(seen.complementary).toBeGreaterThan(NETWORKS / 4);
    expect(seen.withheldTotals).toBeGreaterThan(NETWORKS / 4);
  });

  it('shows fully visible sites as reported, withholds other small counts, shows zeros, and complements only counts above T', () => {
    for (const network of networks) {
      const result = run(network);
      result.cells.forEach((cell, i) => {
        const input = network.cells[i];
        const kind = KINDS[input.measureKey];
        if (network.viewer.includes(input.siteId)) {
          expect(cell.suppressed).toBe(false);
          expect([cell.numerator, cell.denominator, cell.value]).toEqual(
            [input.numerator, input.denominator, input.value ?? null].map((amount) =>
              amount === null ? null : { shown: true, value: amount },
            ),
          );
          return;
        }
        for (const component of PROTECTED[kind]) {
          const amount = component === 'value' ? (input.value ?? null) : input[component];
          const number = cell[component];
          if (amount === null) expect(number).toBeNull();
          else if (isSmallCell(amount, network.threshold))
            expect(number).toEqual({ shown: false, reason: 'small-cell', label: `<${network.threshold + 1}` });
          else if (amount === 0) expect(number).toEqual({ shown: true, value: 0 });
          else if (number?.shown === false) expect(number.reason).toBe('complementary');
          else expect(number).toEqual({ shown: true, value: amount });
        }
        const withheld = (number: DisplayedNumber<string> | null) => number?.shown === false;
        if (kind === 'MEAN') {
          for (const number of [cell.numerator, cell.value])
            if (number) expect(withheld(number)).toBe(withheld(cell.denominator));
        } else if (kind !== 'COUNT' && cell.value) {
          expect(withheld(cell.value)).toBe(withheld(cell.numerator) || withheld(cell.denominator));
        }
        expect(cell.suppressed).toBe([cell.numerator, cell.denominator, cell.value].some(withheld));
      });
    }
  });

  it('never carries a value on a withheld number', () => {
    for (const network of networks) {
      const { cells, totals } = run(network);
      const numbers = [
        ...cells.flatMap((cell) => [cell.numerator, cell.denominator, cell.value]),
        ...totals.flatMap((total) =>
          total.kind === 'COUNT' ? [total.value] : [total.numerator, total.denominator, total.ratio],
        ),
      ];
      for (const number of numbers) {
        if (number?.shown === false) expect(Object.keys(number).sort()).toEqual(['label', 'reason', 'shown']);
      }
    }
  });

  it('computes shown totals from the unsuppressed data', () => {
    for (const network of networks) {
      for (const total of run(network).totals) {
        const group = network.cells.filter(
          (cell) => cell.measureKey === total.measureKey && cell.month === total.month,
        );
        const sum = (pick: (cell: SiteMeasureCell) => number | null | undefined) =>
          group.reduce((acc, cell) => acc + (pick(cell) ?? 0), 0);
        if (total.kind === 'COUNT') {
          if (total.value?.shown) expect(total.value.value).toBe(sum((cell) => cell.value));
        } else {
          if (total.numerator?.shown)
            expect(total.numerator.value).toBeCloseTo(
              sum((cell) => cell.numerator),
              9,
            );
          if (total.denominator?.shown) expect(total.denominator.value).toBe(sum((cell) => cell.denominator));
        }
      }
    }
  });

  it('gives the same answer whatever the order of the cells', () => {
    for (const network of networks.slice(0, 100)) {
      const reversed = [...network.cells].reverse();
      const byKey = (result: SmallCellSuppressionResult) => new Map(result.cells.map((cell) => [keyOf(cell), cell]));
      const forward = run(network);
      const backward = run(network, reversed);
      expect(byKey(backward)).toEqual(byKey(forward));
      expect(backward.totals).toEqual(forward.totals);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { type DriverNode, driverTree, nextPosition } from './drivers';
import { progressFraction } from './progress';

const driver = (id: string, position: number, parentId: string | null = null): DriverNode => ({
  id,
  kind: parentId ? 'SECONDARY' : 'PRIMARY',
  parentId,
  position,
  title: id,
  description: '',
});

describe('driverTree', () => {
  it('groups secondary drivers under their primary driver, both in order', () => {
    const tree = driverTree([
      driver('b', 1),
      driver('a', 0),
      driver('a2', 1, 'a'),
      driver('a1', 0, 'a'),
      driver('b1', 0, 'b'),
    ]);
    expect(tree.map((branch) => [branch.driver.id, branch.secondaries.map((s) => s.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('puts a new driver after its siblings', () => {
    expect(nextPosition([])).toBe(0);
    expect(nextPosition([driver('a', 0), driver('b', 4)])).toBe(5);
  });
});

describe('progressFraction', () => {
  it('measures the way from baseline to target, for aims that go up and down', () => {
    expect(progressFraction(0.62, 0.8, 0.71)).toBeCloseTo(0.5);
    expect(progressFraction(24, 14, 19)).toBeCloseTo(0.5);
    expect(progressFraction(0.62, 0.8, 0.6)).toBeLessThan(0);
    expect(progressFraction(0.62, 0.8, null)).toBeNull();
    expect(progressFraction(0.8, 0.8, 0.9)).toBeNull();
  });
});

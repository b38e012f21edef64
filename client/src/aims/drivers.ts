/** A node of the key driver diagram as the API lists it (flat, with parentId). */
export interface DriverNode {
  id: string;
  kind: 'PRIMARY' | 'SECONDARY';
  parentId: string | null;
  position: number;
  title: string;
  description: string;
}

export interface PrimaryBranch<D extends DriverNode = DriverNode> {
  driver: D;
  secondaries: D[];
}

const byPosition = (a: DriverNode, b: DriverNode) => a.position - b.position || a.title.localeCompare(b.title);

/** The diagram's branches: each primary driver with its secondary drivers, both in their order. */
export function driverTree<D extends DriverNode>(drivers: readonly D[]): PrimaryBranch<D>[] {
  const primaries = drivers.filter((d) => d.kind === 'PRIMARY' || d.parentId === null).sort(byPosition);
  return primaries.map((driver) => ({
    driver,
    secondaries: drivers.filter((d) => d.parentId === driver.id).sort(byPosition),
  }));
}

/** Where a new driver goes: after the last of its siblings. */
export function nextPosition(siblings: readonly DriverNode[]): number {
  return siblings.reduce((max, d) => Math.max(max, d.position + 1), 0);
}

/** One resource in a lineage: its id, what it was adapted from, and whether the viewer may see it. */
export interface LineageRow {
  id: string;
  parentId: string | null;
  visible: boolean;
}

export type LineageNode<T extends LineageRow> = T & { parentId: string | null; depth: number };

/**
 * The adaptations made from `rootId`, directly or through others, as a tree flattened in
 * depth-first order (children in the order given), each with its depth below the root (1 =
 * adapted from the root) and the parent it hangs from. Rows the viewer may not see are left out
 * and their adaptations hang from the nearest visible ancestor instead, so a hidden resource
 * never cuts a visible branch off the tree.
 */
export function descendantTree<T extends LineageRow>(rootId: string, rows: readonly T[]): LineageNode<T>[] {
  const children = new Map<string, T[]>();
  for (const row of rows) {
    if (row.id === rootId || row.parentId === null) continue;
    const list = children.get(row.parentId) ?? [];
    list.push(row);
    children.set(row.parentId, list);
  }
  const out: LineageNode<T>[] = [];
  const seen = new Set<string>([rootId]);
  const walk = (id: string, visibleParent: string, depth: number) => {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child.id)) continue; // a malformed cycle must not loop forever
      seen.add(child.id);
      if (child.visible) {
        out.push({ ...child, parentId: visibleParent, depth: depth + 1 });
        walk(child.id, child.id, depth + 1);
      } else {
        walk(child.id, visibleParent, depth);
      }
    }
  };
  walk(rootId, rootId, 0);
  return out;
}

/**
 * What `chain` (the resource's parent, its parent's parent, … up to the origin, nearest first)
 * shows the viewer: the visible ones, nearest first, each pointing at the next visible one up.
 */
export function ancestorChain<T extends LineageRow>(chain: readonly T[]): LineageNode<T>[] {
  const visible = chain.filter((row) => row.visible);
  return visible.map((row, i) => ({ ...row, parentId: visible[i + 1]?.id ?? null, depth: -(i + 1) }));
}

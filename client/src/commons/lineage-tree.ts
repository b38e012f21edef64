/** What the lineage tree needs of a resource. */
export interface LineageItem {
  id: string;
  parentId: string | null;
}

/** A resource in the drawn lineage, with the adaptations made from it. */
export interface LineageTreeNode<T> {
  item: T;
  /** The resource whose page this is. */
  current: boolean;
  children: LineageTreeNode<T>[];
}

/**
 * The lineage of `current` as one nested tree: its origin at the top, down the chain of what it
 * was adapted from (the server lists `ancestors` nearest first), then `current` with every
 * adaptation made from it (`descendants` come flattened depth-first, each naming the parent it
 * hangs from). An adaptation whose parent is not in the tree hangs from `current`, so none is
 * ever lost from sight.
 */
export function lineageTree<T extends LineageItem>(
  current: T,
  ancestors: readonly T[],
  descendants: readonly T[],
): LineageTreeNode<T> {
  const here: LineageTreeNode<T> = { item: current, current: true, children: [] };
  const byId = new Map<string, LineageTreeNode<T>>([[current.id, here]]);
  for (const item of descendants) {
    if (byId.has(item.id)) continue;
    const node: LineageTreeNode<T> = { item, current: false, children: [] };
    (byId.get(item.parentId ?? '') ?? here).children.push(node);
    byId.set(item.id, node);
  }
  let top = here;
  for (const item of ancestors) {
    if (byId.has(item.id)) continue;
    top = { item, current: false, children: [top] };
    byId.set(item.id, top);
  }
  return top;
}

/** How many resources the tree holds, `current` included. */
export function lineageSize(node: LineageTreeNode<unknown>): number {
  return 1 + node.children.reduce((sum, child) => sum + lineageSize(child), 0);
}

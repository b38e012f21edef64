import { describe, expect, it } from 'vitest';
import { type LineageTreeNode, lineageSize, lineageTree } from './lineage-tree';

const item = (id: string, parentId: string | null) => ({ id, parentId });

/** The tree as nested [id, children] pairs, with the current resource starred. */
function shape(node: LineageTreeNode<{ id: string }>): unknown {
  const label = node.current ? `${node.item.id}*` : node.item.id;
  return node.children.length ? [label, node.children.map(shape)] : label;
}

describe('lineageTree', () => {
  it('puts the origin on top, down the chain of ancestors, then this resource with its adaptations nested', () => {
    // origin → parent → here → (a → a1), b
    const tree = lineageTree(
      item('here', 'parent'),
      [item('parent', 'origin'), item('origin', null)],
      [item('a', 'here'), item('a1', 'a'), item('b', 'here')],
    );
    expect(shape(tree)).toEqual(['origin', [['parent', [['here*', [['a', ['a1']], 'b']]]]]]);
    expect(lineageSize(tree)).toBe(6);
  });

  it('is just this resource when nothing was adapted from it or into it', () => {
    const tree = lineageTree(item('alone', null), [], []);
    expect(shape(tree)).toBe('alone*');
    expect(lineageSize(tree)).toBe(1);
  });

  it('hangs an adaptation whose parent is not in the list from this resource, so none is lost', () => {
    const tree = lineageTree(item('here', null), [], [item('a', 'here'), item('orphan', 'not-visible')]);
    expect(shape(tree)).toEqual(['here*', ['a', 'orphan']]);
  });

  it('lists a resource once even when the server repeats it', () => {
    const tree = lineageTree(
      item('here', 'p'),
      [item('p', null), item('here', null)],
      [item('a', 'here'), item('a', 'here')],
    );
    expect(shape(tree)).toEqual(['p', [['here*', ['a']]]]);
  });
});

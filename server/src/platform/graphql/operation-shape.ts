import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/** How big a document is once every fragment is spread where it is used. */
export interface DocumentShape {
  /** Fields selected, each spread of a fragment counting its fields again (and at least every field written). */
  fields: number;
  /** Fields selected under an alias. */
  aliases: number;
  /** Fields at the top of the largest operation. */
  rootFields: number;
  /** Levels of nesting below the top of the deepest operation (a top-level leaf is 0); introspection is not counted. */
  depth: number;
}

interface SelectionShape {
  fields: number;
  aliases: number;
  top: number;
  depth: number;
}

const EMPTY: SelectionShape = { fields: 0, aliases: 0, top: 0, depth: 0 };

/**
 * Measures `document` without trusting it: it runs before GraphQL validation, so an unknown
 * fragment counts as empty, a fragment spread inside itself (directly or not) adds nothing, and
 * each fragment is measured once however often it is spread, so fragments spreading fragments
 * cannot make the measuring itself slow. The counts may be astronomically large; that is what
 * they are for.
 */
export function documentShape(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SelectionShape>();
  const measuring = new Set<string>();

  const fragmentShape = (name: string): SelectionShape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || measuring.has(name)) return EMPTY;
    measuring.add(name);
    const shape = selectionShape(fragment.selectionSet);
    measuring.delete(name);
    measured.set(name, shape);
    return shape;
  };

  const selectionShape = (selectionSet: SelectionSetNode): SelectionShape => {
    const total = { fields: 0, aliases: 0, top: 0, depth: 0 };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? selectionShape(selection.selectionSet) : EMPTY;
        total.fields += 1 + inner.fields;
        total.aliases += (selection.alias ? 1 : 0) + inner.aliases;
        total.top += 1;
        if (!selection.name.value.startsWith('__'))
          total.depth = Math.max(total.depth, selection.selectionSet ? 1 + inner.depth : 0);
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selectionShape(selection.selectionSet)
            : fragmentShape(selection.name.value);
        total.fields += inner.fields;
        total.aliases += inner.aliases;
        total.top += inner.top;
        total.depth = Math.max(total.depth, inner.depth);
      }
    }
    return total;
  };

  const shape: DocumentShape = { fields: 0, aliases: 0, rootFields: 0, depth: 0 };
  let written = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      written += fragmentShape(definition.name.value).fields;
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      const operation = selectionShape(definition.selectionSet);
      shape.fields += operation.fields;
      shape.aliases += operation.aliases;
      shape.rootFields = Math.max(shape.rootFields, operation.top);
      shape.depth = Math.max(shape.depth, operation.depth);
    }
  }
  // Fragments nobody spreads are still validated: they count too.
  shape.fields = Math.max(shape.fields, written);
  return shape;
}

import { Kind, parse, SelectionSetNode } from 'graphql';

/** Given a GraphQL operation, returns its depth: the deepest nesting of fields that have a selection set. */
export function operationDepth(query: string): number {
  const document = parse(query);
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet]] : [],
    ),
  );
  const depthOf = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      } else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
        deepest = Math.max(
          deepest,
          depthOf(fragments.get(selection.name.value)!, new Set([...seen, selection.name.value])),
        );
      }
    }
    return deepest;
  };
  return Math.max(
    0,
    ...document.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? depthOf(definition.selectionSet, new Set()) : 0,
    ),
  );
}

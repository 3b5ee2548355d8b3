import type { GraphModel } from '../domain/graphModel';
import { linkKindsOf } from '../domain/linkKinds';

/** A label as the API's prose names it: the last word of its name (FoundationModel: "model"). */
const noun = (label: string) => (/[A-Z][a-z0-9]*$/.exec(label)?.[0] ?? label).toLowerCase();

/**
 * Given a model, returns the GraphQL LinkKind enum it serves: an object mapping each editable relationship type to
 * itself, in the API's order, and a description naming the ends of each.
 */
export function linkKindEnumOf(model: GraphModel): { values: Record<string, string>; description: string } {
  const kinds = linkKindsOf(model);
  const ends = kinds.map(({ kind, from, to }) => `${kind} ${noun(from)}->${noun(to)}`);
  return {
    values: Object.fromEntries(kinds.map(({ kind }) => [kind, kind])),
    description: `A relationship an editor may add: ${ends.join(', ')}.`,
  };
}

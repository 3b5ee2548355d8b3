/** The relationships editors may add through the API (its LinkKind), derived from a graph model. */
import type { GRAPH, GraphModel } from './graphModel';

/** The relationship types of a model that are editable (all of them where the model does not say so literally). */
export type EditableType<M extends GraphModel> = {
  [K in keyof M['relationships']]: M['relationships'][K]['editable'] extends false ? never : K;
}[keyof M['relationships']] &
  string;

/** A relationship editors of GRAPH may add. */
export type LinkKind = EditableType<typeof GRAPH>;

/** A link kind and the labels of its ends: (from)-[kind]->(to). */
export interface LinkKindSpec<K extends string = string, L extends string = string> {
  kind: K;
  from: L;
  to: L;
}

/** The order the API has always listed its link kinds in; a kind this does not name follows, in model order. */
const SERVED_ORDER: readonly string[] = ['BUILT_ON', 'ADOPTS', 'PROVIDES', 'DEVELOPS', 'PARTICIPATES_IN', 'SERVES'];

/** Given a model, returns its editable relationship types with their ends, in the order the API lists them. */
export function linkKindsOf<M extends GraphModel>(
  model: M,
): LinkKindSpec<EditableType<M>, keyof M['labels'] & string>[] {
  const rank = (kind: string) => (SERVED_ORDER.includes(kind) ? SERVED_ORDER.indexOf(kind) : SERVED_ORDER.length);
  return Object.entries(model.relationships)
    .filter(([, spec]) => spec.editable)
    .map(
      ([kind, spec]) =>
        ({ kind, from: spec.from, to: spec.to }) as LinkKindSpec<EditableType<M>, keyof M['labels'] & string>,
    )
    .sort((a, b) => rank(a.kind) - rank(b.kind));
}

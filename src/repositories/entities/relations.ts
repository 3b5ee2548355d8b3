import { GRAPH, type Label, type RelationshipType } from '../../domain/graphModel';

type Relationships = typeof GRAPH.relationships;

/** An API field that follows a relationship, named `<Label>.<field>`: each relationship gives one at each end. */
export type RelationName = {
  [T in RelationshipType]:
    | `${Relationships[T]['from']}.${Relationships[T]['fields']['out']}`
    | `${Relationships[T]['to']}.${Relationships[T]['fields']['in']}`;
}[RelationshipType];

/** How a relation field reads: its relationship type, its direction from the field's entity, the label at its end. */
export interface Relation {
  type: RelationshipType;
  direction: 'out' | 'in';
  label: Label;
  /** The relationship's properties the API serves (a party's role); empty for the others. */
  properties: readonly string[];
}

/** The relations the API follows, by field, derived from the graph model. */
export const RELATIONS = Object.fromEntries(
  (Object.entries(GRAPH.relationships) as [RelationshipType, Relationships[RelationshipType]][]).flatMap(
    ([type, spec]) => {
      // A relationship's properties tell its from end's part (a party's role): served with the in field's entities.
      const properties: readonly string[] = 'properties' in spec ? spec.properties : [];
      return [
        [`${spec.from}.${spec.fields.out}`, { type, direction: 'out', label: spec.to, properties: [] }],
        [`${spec.to}.${spec.fields.in}`, { type, direction: 'in', label: spec.from, properties }],
      ];
    },
  ),
) as Record<RelationName, Relation>;

/** Whether `name` is a relation field the API follows. */
export function isRelationName(name: string): name is RelationName {
  return Object.hasOwn(RELATIONS, name);
}

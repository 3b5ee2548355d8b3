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
  /** The relationship's properties the API serves (a party's role, with sourceIds); empty for the others. */
  properties: readonly string[];
}

/** The relationship types the API serves as objects of their own, with their properties and source. */
export const RELATIONSHIP_OBJECTS = ['OFFERS', 'HOLDS_CHIPS_OF'] as const satisfies readonly RelationshipType[];

/** The relations the API follows, by field, derived from the graph model. */
export const RELATIONS = Object.fromEntries(
  (Object.entries(GRAPH.relationships) as [RelationshipType, Relationships[RelationshipType]][]).flatMap(
    ([type, spec]) => {
      // A party's role is served with the in field's entities (a partnership's parties). An offer and a holding
      // are objects of the API's own (ModelOffer, ComputeHolding), served from either end with the sourceIds that
      // name their source.
      const own = (RELATIONSHIP_OBJECTS as readonly string[]).includes(type);
      const served: readonly string[] = 'properties' in spec ? spec.properties : [];
      const properties = own ? [...served, 'sourceIds'] : served;
      return [
        [
          `${spec.from}.${spec.fields.out}`,
          { type, direction: 'out', label: spec.to, properties: own ? properties : [] },
        ],
        [`${spec.to}.${spec.fields.in}`, { type, direction: 'in', label: spec.from, properties }],
      ];
    },
  ),
) as Record<RelationName, Relation>;

/** Whether `name` is a relation field the API follows. */
export function isRelationName(name: string): name is RelationName {
  return Object.hasOwn(RELATIONS, name);
}

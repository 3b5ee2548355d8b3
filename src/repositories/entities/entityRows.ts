import { KIND_BY_LABEL, type Label } from '../../domain/graphModel';
import type { EntityKind } from '../../domain/enums';

/** An entity as the API sees it: the node's properties plus its kind (and a Partnership's kind as partnershipKind). */
export type EntityRow = Record<string, unknown> & {
  kind: EntityKind;
  id: string;
  name: string;
  sourceIds: string[];
  aliases: string[];
};

/** An entity at the other end of a relationship, with the relationship's served properties (a party's role). */
export interface Related {
  entity: EntityRow;
  rel: Record<string, unknown>;
}

/**
 * One entity as a statement returns it: its properties read, __rel (the relationship's served properties) and __nK
 * (its entities along the K-th nested relation of its plan).
 */
export type RelatedRow = Record<string, unknown>;

/** Given a node's label and properties, returns the row the resolvers serve. */
export function toEntity(label: Label, properties: Record<string, unknown>): EntityRow {
  const row = { ...properties, kind: KIND_BY_LABEL[label], aliases: properties.aliases ?? [] } as EntityRow;
  if (label === 'Partnership') row.partnershipKind = properties.kind;
  return row;
}

/** Given a node's labels, returns its entity label (or throws: every node the read path returns has one). */
export function labelOf(labels: string[]): Label {
  const label = labels.find((name) => name in KIND_BY_LABEL);
  if (!label) throw new Error(`node with labels ${labels.join(', ')} has no entity label`);
  return label as Label;
}

/**
 * Given a label, a statement's row and the properties read (null: every one), returns the entity: toEntity of the
 * row's properties, without the intermediate copy of the row when the properties are known.
 */
export function entityOfRow(label: Label, row: RelatedRow, properties: readonly string[] | null): EntityRow {
  if (properties === null)
    return toEntity(label, Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('__'))));
  const entity: Record<string, unknown> = { kind: KIND_BY_LABEL[label], aliases: [] };
  for (const property of properties) {
    const value = row[property];
    if (property !== 'aliases' || (value !== null && value !== undefined)) entity[property] = value;
  }
  if (label === 'Partnership') entity.partnershipKind = row.kind;
  return entity as EntityRow;
}

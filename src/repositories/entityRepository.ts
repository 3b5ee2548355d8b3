import neo4j from 'neo4j-driver';
import { cypherFile } from '../db/cypherFile';
import type { CypherTrace, Params, QueryRunner } from '../db/queryRunner';
import { EntityKind, ModelOrder } from '../graphql/enums';
import type { Label } from '../seed/seedSpec';

/** An entity as the API sees it: the node's properties plus its kind (and a Partnership's kind as partnershipKind). */
export type EntityRow = Record<string, unknown> & { kind: EntityKind; id: string; name: string; sourceIds: string[]; aliases: string[] };

const KIND_BY_LABEL: Record<Label, EntityKind> = {
  Company: EntityKind.COMPANY,
  FoundationModel: EntityKind.FOUNDATION_MODEL,
  Service: EntityKind.SERVICE,
  ValueChainStage: EntityKind.STAGE,
  Industry: EntityKind.INDUSTRY,
  Partnership: EntityKind.PARTNERSHIP,
  Source: EntityKind.SOURCE,
};

export const LABEL_BY_KIND = Object.fromEntries(Object.entries(KIND_BY_LABEL).map(([label, kind]) => [kind, label])) as Record<EntityKind, Label>;

/** Given a node's label and properties, returns the row the resolvers serve. */
export function toEntity(label: Label, properties: Record<string, unknown>): EntityRow {
  const row = { ...properties, kind: KIND_BY_LABEL[label], aliases: properties.aliases ?? [] } as EntityRow;
  if (label === 'Partnership') row.partnershipKind = properties.kind;
  return row;
}

function labelOf(labels: string[]): Label {
  const label = labels.find((name) => name in KIND_BY_LABEL);
  if (!label) throw new Error(`node with labels ${labels.join(', ')} has no entity label`);
  return label as Label;
}

/** The relationships the API follows, by field: their type, direction and the label at the other end. */
export const RELATIONS = {
  'Company.stages': { type: 'PARTICIPATES_IN', direction: 'out', label: 'ValueChainStage' },
  'Company.models': { type: 'DEVELOPS', direction: 'out', label: 'FoundationModel' },
  'Company.services': { type: 'PROVIDES', direction: 'out', label: 'Service' },
  'Company.adoptedModels': { type: 'ADOPTS', direction: 'out', label: 'FoundationModel' },
  'Company.partnerships': { type: 'PARTY_TO', direction: 'out', label: 'Partnership' },
  'FoundationModel.developers': { type: 'DEVELOPS', direction: 'in', label: 'Company' },
  'FoundationModel.services': { type: 'BUILT_ON', direction: 'in', label: 'Service' },
  'FoundationModel.adopters': { type: 'ADOPTS', direction: 'in', label: 'Company' },
  'Service.providers': { type: 'PROVIDES', direction: 'in', label: 'Company' },
  'Service.models': { type: 'BUILT_ON', direction: 'out', label: 'FoundationModel' },
  'Service.industries': { type: 'SERVES', direction: 'out', label: 'Industry' },
  'ValueChainStage.participants': { type: 'PARTICIPATES_IN', direction: 'in', label: 'Company' },
  'Industry.services': { type: 'SERVES', direction: 'in', label: 'Service' },
  'Partnership.parties': { type: 'PARTY_TO', direction: 'in', label: 'Company' },
} as const satisfies Record<string, { type: string; direction: 'in' | 'out'; label: Label }>;

export type RelationName = keyof typeof RELATIONS;

/** One entity at the other end of a relationship, with the relationship's properties (e.g. a party's role). */
export interface Related {
  entity: EntityRow;
  rel: Record<string, unknown>;
}

const MODEL_ORDERS: Record<ModelOrder, string> = {
  NAME: 'n.name, n.id',
  PARAMETERS_DESC: 'n.parameters IS NULL, n.parameters DESC, n.name, n.id',
  RELEASED_ON: 'n.releasedOn IS NULL, n.releasedOn, n.name, n.id',
};

export type ListName = 'companies' | 'models' | 'services' | 'partnerships';

const LIST_LABELS: Record<ListName, Label> = { companies: 'Company', models: 'FoundationModel', services: 'Service', partnerships: 'Partnership' };

/** Reads entities for one request; every statement is counted in the request's trace. */
export class EntityRepository {
  constructor(
    private readonly runner: QueryRunner,
    private readonly trace: CypherTrace,
  ) {}

  /** Given ids, returns the entity of each (null where none), in the same order. */
  async byIds(ids: readonly string[]): Promise<(EntityRow | null)[]> {
    const rows = await this.read(cypherFile('entities/by-ids'), { ids });
    const found = new Map(rows.map((row) => [(row.node as { id: string }).id, toEntity(labelOf(row.labels as string[]), row.node as Record<string, unknown>)]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** Given ids and a relation, returns for each id the entities it relates to, ordered by name. */
  async related(name: RelationName, ids: readonly string[]): Promise<Related[][]> {
    const relation = RELATIONS[name];
    const query = cypherFile(`entities/related-${relation.direction}`).replaceAll('__TYPE__', relation.type).replaceAll('__LABEL__', relation.label);
    const rows = await this.read(query, { ids });
    const byId = new Map(
      rows.map((row) => [
        row.id as string,
        (row.related as { node: Record<string, unknown>; rel: Record<string, unknown> }[]).map(({ node, rel }) => ({ entity: toEntity(relation.label, node), rel })),
      ]),
    );
    return ids.map((id) => byId.get(id) ?? []);
  }

  /** Returns one page of a filtered list and the number of all matches. */
  async list(name: ListName, filter: Params, page: { skip: number; limit: number }, order: ModelOrder = ModelOrder.NAME): Promise<{ total: number; nodes: EntityRow[] }> {
    const query = cypherFile(`entities/list-${name}`).replaceAll('__ORDER__', MODEL_ORDERS[order]);
    const [row] = await this.read(query, { ...filter, skip: neo4j.int(page.skip), limit: neo4j.int(page.limit) });
    return { total: row.total as number, nodes: (row.nodes as Record<string, unknown>[]).map((node) => toEntity(LIST_LABELS[name], node)) };
  }

  /** Returns every entity of a label, by order then name. */
  async all(label: 'ValueChainStage' | 'Industry' | 'Source'): Promise<EntityRow[]> {
    const rows = await this.read(cypherFile('entities/all-of-label').replaceAll('__LABEL__', label));
    return rows.map((row) => toEntity(label, row.node as Record<string, unknown>));
  }

  /** Full-text search over names, Korean names and aliases; `labels` null means every kind. */
  async search(text: string, labels: Label[] | null, first: number): Promise<{ entity: EntityRow; score: number }[]> {
    const rows = await this.read(cypherFile('entities/search'), { text, labels, first: neo4j.int(first) });
    return rows.map((row) => ({ entity: toEntity(labelOf(row.labels as string[]), row.node as Record<string, unknown>), score: row.score as number }));
  }

  private read(query: string, params: Params = {}) {
    return this.runner.read(query, params, this.trace);
  }
}

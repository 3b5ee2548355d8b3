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
  /** Per request: each relation's answer by plan and id, while or after it is fetched. */
  private readonly answers = new Map<string, Promise<Related[]>>();
  /** Answers fetched with the relation above them: by relation and plan, then by id. */
  private readonly fetched = new Map<string, Map<string, Related[]>>();
  /** Relations asked for in this turn of the event loop (by relation and plan), sent together in one statement. */
  private pending = new Map<string, { name: RelationName; plan: RelationPlan; ids: string[]; waiting: ((rows: Map<string, Related[]> | Error) => void)[] }>();

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

  /**
   * Given a relation, a plan (the properties to read and the relations below to fetch with it) and an id, returns
   * the entities the id relates to, ordered by name: fetched with the relation above when it was, otherwise in one
   * statement with every relation asked for in the same turn of the event loop.
   */
  relatedOf(name: RelationName, plan: RelationPlan, id: string): Promise<Related[]> {
    const group = `${name} ${planKey(plan)}`;
    const ready = this.fetched.get(group)?.get(id);
    if (ready) return Promise.resolve(ready);
    const key = `${group} ${id}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = new Promise<Related[]>((resolve, reject) => {
        if (this.pending.size === 0) setImmediate(() => void this.sendPending());
        let batch = this.pending.get(group);
        if (!batch) this.pending.set(group, (batch = { name, plan, ids: [], waiting: [] }));
        batch.ids.push(id);
        batch.waiting.push((rows) => (rows instanceof Error ? reject(rows) : resolve(rows.get(id) ?? [])));
      });
      this.answers.set(key, answer);
    }
    return answer;
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

  /** Sends the relations asked for since the last turn in one statement and hands each its rows. */
  private async sendPending(): Promise<void> {
    const batches = [...this.pending.values()];
    this.pending = new Map();
    let found: Map<string, Related[]>[];
    try {
      const branches = batches.map(({ name, plan }, index) => relatedStatement(name, index, plan));
      const query =
        branches.length === 1
          ? `// name: entities/related-${RELATIONS[batches[0].name].direction}\n${branches[0]}`
          : `// name: entities/related-batch\n${withoutComments(cypherFile('entities/related-batch')).replace('__BRANCHES__', () => branches.join('\nUNION ALL\n'))}`;
      const rows = await this.read(query, Object.fromEntries(batches.map(({ ids }, index) => [`ids${index}`, ids])));
      found = batches.map(() => new Map());
      for (const row of rows) {
        const index = row.relation as number;
        found[index].set(row.id as string, this.toRelated(batches[index].name, batches[index].plan, row.related as RelatedRow[]));
      }
    } catch (error) {
      for (const { waiting } of batches) for (const hand of waiting) hand(error as Error);
      return;
    }
    batches.forEach(({ waiting }, index) => waiting.forEach((hand) => hand(found[index])));
  }

  /** Turns the rows of one relation into entities, keeping what was fetched with them for the relations below. */
  private toRelated(name: RelationName, plan: RelationPlan, rows: RelatedRow[]): Related[] {
    const { label } = RELATIONS[name];
    return rows.map((row) => {
      const entity = toEntity(label, row.node);
      plan.nested.forEach((below, index) => {
        const group = `${below.name} ${planKey(below.plan)}`;
        let fetched = this.fetched.get(group);
        if (!fetched) this.fetched.set(group, (fetched = new Map()));
        fetched.set(entity.id, this.toRelated(below.name, below.plan, row[`n${index}`] as RelatedRow[]));
      });
      return { entity, rel: row.rel };
    });
  }
}

/**
 * What to read of a relation's entities: their properties (null: every one), and the relations below them to fetch
 * in the same statement, each under the response key that reads it and with its own plan.
 */
export interface RelationPlan {
  properties: string[] | null;
  nested: { key: string; name: RelationName; plan: RelationPlan }[];
}

const planKeys = new WeakMap<RelationPlan, string>();

/** A plan's identity: equal plans read the same, so their answers are interchangeable. */
function planKey(plan: RelationPlan): string {
  let key = planKeys.get(plan);
  if (key === undefined) planKeys.set(plan, (key = JSON.stringify(plan)));
  return key;
}

type RelatedRow = { node: Record<string, unknown>; rel: Record<string, unknown> } & Record<string, unknown>;

const withoutComments = (cypher: string) =>
  cypher
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n')
    .trim();

/** A map projection of variable `v` reading `properties` (GraphQL field names, so plain identifiers), or all of them. */
function projection(v: string, properties: string[] | null): string {
  if (properties === null) return `${v} {.*}`;
  for (const property of properties) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(property)) throw new Error(`not a property name: ${property}`);
  return `${v} { ${properties.map((property) => `.${property}`).join(', ')} }`;
}

const statements = new Map<string, string>();
const MAX_STATEMENTS = 1000;

/** The statement of one relation at position `index` of its batch, as its plan reads it (texts are kept, so equal requests send equal text). */
function relatedStatement(name: RelationName, index: number, plan: RelationPlan): string {
  const key = `${name} ${index} ${planKey(plan)}`;
  let text = statements.get(key);
  if (text === undefined) {
    const relation = RELATIONS[name];
    // Comments go first: they name the placeholders, and nested fragments span several lines.
    text = withoutComments(cypherFile(`entities/related-${relation.direction}`))
      .replaceAll('__N__', String(index))
      .replaceAll('__TYPE__', relation.type)
      .replaceAll('__LABEL__', relation.label)
      .replace('__PROJECTION__', () => projection('m', plan.properties))
      .replace('__NESTED__', () => nestedFragments(plan.nested, 'm', 1));
    if (statements.size < MAX_STATEMENTS) statements.set(key, text);
  }
  return text;
}

/** The `, n0: COLLECT { ... }, n1: ...` entries that fetch the relations below the entity in variable `from`. */
function nestedFragments(nested: RelationPlan['nested'], from: string, depth: number): string {
  return nested
    .map((below, index) => {
      const relation = RELATIONS[below.name];
      const [r, m] = [`r${depth}`, `m${depth}`];
      const fragment = withoutComments(cypherFile(`entities/nested-${relation.direction}`))
        .replaceAll('__FROM__', from)
        .replaceAll('__R__', r)
        .replaceAll('__M__', m)
        .replaceAll('__TYPE__', relation.type)
        .replaceAll('__LABEL__', relation.label)
        .replace('__PROJECTION__', () => projection(m, below.plan.properties))
        .replace('__NESTED__', () => nestedFragments(below.plan.nested, m, depth + 1));
      return `, n${index}: ${fragment}`;
    })
    .join('');
}

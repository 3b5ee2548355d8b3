import neo4j from 'neo4j-driver';
import { cypherFile } from '../db/cypherFile';
import type { CypherTrace, Params, QueryRunner } from '../db/queryRunner';
import { EntityKind, ModelOrder } from '../graphql/enums';
import type { Label } from '../seed/seedSpec';

/** An entity as the API sees it: the node's properties plus its kind (and a Partnership's kind as partnershipKind). */
export type EntityRow = Record<string, unknown> & {
  kind: EntityKind;
  id: string;
  name: string;
  sourceIds: string[];
  aliases: string[];
};

const KIND_BY_LABEL: Record<Label, EntityKind> = {
  Company: EntityKind.COMPANY,
  FoundationModel: EntityKind.FOUNDATION_MODEL,
  Service: EntityKind.SERVICE,
  ValueChainStage: EntityKind.STAGE,
  Industry: EntityKind.INDUSTRY,
  Partnership: EntityKind.PARTNERSHIP,
  Source: EntityKind.SOURCE,
};

export const LABEL_BY_KIND = Object.fromEntries(
  Object.entries(KIND_BY_LABEL).map(([label, kind]) => [kind, label]),
) as Record<EntityKind, Label>;

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
  'Partnership.parties': { type: 'PARTY_TO', direction: 'in', label: 'Company', rel: ['role'] },
} as const satisfies Record<string, { type: string; direction: 'in' | 'out'; label: Label; rel?: readonly string[] }>;

/** The relationship properties a relation serves (a party's role); the others serve none. */
function relPropertiesOf(name: RelationName): readonly string[] {
  const relation = RELATIONS[name];
  return 'rel' in relation ? relation.rel : [];
}

export type RelationName = keyof typeof RELATIONS;

/** One entity at the other end of a relationship, with the relationship's properties the API serves (a party's role). */
export interface Related {
  entity: EntityRow;
  rel: Record<string, unknown>;
}

/**
 * The orders of models: nulls last (`IS NULL` sorts false first) unless a filter given excludes them, in which case
 * the key is left out, so the range index on the property can give the order and Neo4j stops after the page.
 */
const MODEL_ORDERS: Record<ModelOrder, { nullsLast?: { key: string; excludedBy: string[] }; order: string }> = {
  NAME: { order: 'n.name, n.id' },
  PARAMETERS_DESC: {
    nullsLast: { key: 'n.parameters IS NULL', excludedBy: ['minParameters'] },
    order: 'n.parameters DESC, n.name, n.id',
  },
  RELEASED_ON: {
    nullsLast: { key: 'n.releasedOn IS NULL', excludedBy: ['releasedFrom', 'releasedTo'] },
    order: 'n.releasedOn, n.name, n.id',
  },
};

/** The ORDER BY of a model list with the filters given. */
function modelOrder(order: ModelOrder, given: readonly string[]): string {
  const { nullsLast, order: keys } = MODEL_ORDERS[order];
  return nullsLast && !nullsLast.excludedBy.some((filter) => given.includes(filter))
    ? `${nullsLast.key}, ${keys}`
    : keys;
}

export type ListName = 'companies' | 'models' | 'services' | 'partnerships';

export const LIST_LABELS: Record<ListName, Label> = {
  companies: 'Company',
  models: 'FoundationModel',
  services: 'Service',
  partnerships: 'Partnership',
};

/** The order of each list (models: the one asked for): partnerships oldest first, undated last. */
const LIST_ORDERS: Record<ListName, string> = {
  companies: 'n.name, n.id',
  models: MODEL_ORDERS.NAME.order,
  services: 'n.name, n.id',
  partnerships: 'n.announcedOn IS NULL, n.announcedOn, n.name, n.id',
};

/** A batch of one turn of the event loop: one relation (or root entity lookup) read with one plan, for many ids. */
interface PendingBatch {
  /** The statement's branch at a position of the batch. */
  branch: (index: number) => string;
  label: Label;
  plan: RelationPlan;
  ids: string[];
  waiting: ((rows: Map<string, Related[]> | Error) => void)[];
}

/** Reads entities for one request; every statement is counted in the request's trace. */
export class EntityRepository {
  /** Per request: each relation's answer by plan and id, while or after it is fetched. */
  private readonly answers = new Map<string, Promise<Related[]>>();
  /** Answers fetched with the relation above them: by relation and plan, then by id. */
  private readonly fetched = new Map<string, Map<string, Related[]>>();
  /** Relations asked for in this turn of the event loop (by relation and plan), sent together in one statement. */
  private pending = new Map<string, PendingBatch>();

  constructor(
    private readonly runner: QueryRunner,
    private readonly trace: CypherTrace,
  ) {}

  /** Given ids, returns the entity of each (null where none), in the same order. */
  async byIds(ids: readonly string[]): Promise<(EntityRow | null)[]> {
    const rows = await this.read(cypherFile('entities/by-ids'), { ids });
    const found = new Map(
      rows.map((row) => [
        (row.node as { id: string }).id,
        toEntity(labelOf(row.labels as string[]), row.node as Record<string, unknown>),
      ]),
    );
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * Given a relation, a plan (the properties to read and the relations below to fetch with it) and an id, returns
   * the entities the id relates to, ordered by name: fetched with the relation above when it was, otherwise in one
   * statement with every relation asked for in the same turn of the event loop.
   */
  relatedOf(name: RelationName, plan: RelationPlan, id: string): Related[] | Promise<Related[]> {
    const group = groupKey(name, plan);
    // Fetched with the level above: handed over at once, so graphql-js completes the field without a promise.
    const ready = this.fetched.get(group)?.get(id);
    if (ready) return ready;
    return this.batched(group, id, () => ({
      branch: (index) => relatedStatement(name, index, plan),
      label: RELATIONS[name].label,
      plan,
    }));
  }

  /**
   * Given a label, a plan and an id, returns the entity of that label with that id (null where none), with the
   * relations its plan reads below it fetched in the same statement, itself batched with every relation and entity
   * asked for in the same turn of the event loop.
   */
  async entityOf(label: Label, plan: RelationPlan, id: string): Promise<EntityRow | null> {
    const [found] = await this.batched(`@${label} ${planKey(plan)}`, id, () => ({
      branch: (index) => entityStatement(label, index, plan),
      label,
      plan,
    }));
    return found?.entity ?? null;
  }

  /**
   * Returns one page of a filtered list: its entities read as the plan says (relations below in the same statement),
   * whether more follow, and the number of all matches when `withTotal` (otherwise null, and no count is made).
   * Only the filters given (not null) enter the statement, so each combination is planned on its own.
   */
  async list(
    name: ListName,
    filter: Params,
    page: { skip: number; limit: number },
    plan: RelationPlan,
    { order, withTotal }: { order?: ModelOrder; withTotal: boolean },
  ): Promise<{ total: number | null; nodes: EntityRow[]; hasMore: boolean }> {
    const given = Object.keys(filter).filter((key) => filter[key] !== null && filter[key] !== undefined);
    const query = listStatement(
      name,
      given,
      name === 'models' ? modelOrder(order ?? ModelOrder.NAME, given) : LIST_ORDERS[name],
      plan,
      withTotal,
    );
    const params: Params = Object.fromEntries(given.map((key) => [key, filter[key]]));
    const rows = await this.read(query, { ...params, skip: neo4j.int(page.skip), limit: neo4j.int(page.limit + 1) });
    const total = withTotal ? (rows[0].total as number) : null;
    const nodes = rows.flatMap((row) => (row.node === null ? [] : [row.node as RelatedRow]));
    const entities = this.toRelated(LIST_LABELS[name], plan, nodes).map(({ entity }) => entity);
    return { total, nodes: entities.slice(0, page.limit), hasMore: entities.length > page.limit };
  }

  /** Returns every entity of a label, by order then name. */
  async all(label: 'ValueChainStage' | 'Industry' | 'Source'): Promise<EntityRow[]> {
    const rows = await this.read(cypherFile('entities/all-of-label').replaceAll('__LABEL__', label));
    return rows.map((row) => toEntity(label, row.node as Record<string, unknown>));
  }

  /** Full-text search over names, Korean names and aliases; `labels` null means every kind. */
  async search(text: string, labels: Label[] | null, first: number): Promise<{ entity: EntityRow; score: number }[]> {
    const rows = await this.read(cypherFile('entities/search'), { text, labels, first: neo4j.int(first) });
    return rows.map((row) => ({
      entity: toEntity(labelOf(row.labels as string[]), row.node as Record<string, unknown>),
      score: row.score as number,
    }));
  }

  private read(query: string, params: Params = {}) {
    return this.runner.read(query, params, this.trace);
  }

  /** Adds `id` to the batch of `group` (made by `make` when it is the first of this turn) and returns its answer. */
  private batched(group: string, id: string, make: () => Omit<PendingBatch, 'ids' | 'waiting'>): Promise<Related[]> {
    const key = `${group} ${id}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = new Promise<Related[]>((resolve, reject) => {
        if (this.pending.size === 0) setImmediate(() => void this.sendPending());
        let batch = this.pending.get(group);
        if (!batch) this.pending.set(group, (batch = { ...make(), ids: [], waiting: [] }));
        batch.ids.push(id);
        batch.waiting.push((rows) => (rows instanceof Error ? reject(rows) : resolve(rows.get(id) ?? [])));
      });
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Sends the relations and entities asked for since the last turn in one statement and hands each its rows. */
  private async sendPending(): Promise<void> {
    const batches = [...this.pending.values()];
    this.pending = new Map();
    let found: Map<string, Related[]>[];
    try {
      const branches = batches.map(({ branch }, index) => branch(index));
      const query =
        branches.length === 1
          ? branches[0]
          : `// name: entities/related-batch\n${withoutComments(cypherFile('entities/related-batch')).replace('__BRANCHES__', () => branches.map(withoutComments).join('\nUNION ALL\n'))}`;
      const rows = await this.read(query, Object.fromEntries(batches.map(({ ids }, index) => [`ids${index}`, ids])));
      found = batches.map(() => new Map());
      for (const row of rows) {
        const index = row.relation as number;
        found[index].set(
          row.id as string,
          this.toRelated(batches[index].label, batches[index].plan, row.related as RelatedRow[]),
        );
      }
    } catch (error) {
      for (const { waiting } of batches) for (const hand of waiting) hand(error as Error);
      return;
    }
    batches.forEach(({ waiting }, index) => waiting.forEach((hand) => hand(found[index])));
  }

  /** Turns rows of `label` entities into entities, keeping what was fetched with them for the relations below. */
  private toRelated(label: Label, plan: RelationPlan, rows: RelatedRow[]): Related[] {
    return rows.map((row) => {
      const entity =
        plan.properties === null ? toEntity(label, withoutEntries(row)) : entityOfRow(label, row, plan.properties);
      plan.nested.forEach((below, index) => {
        const group = groupKey(below.name, below.plan);
        let fetched = this.fetched.get(group);
        if (!fetched) this.fetched.set(group, (fetched = new Map()));
        fetched.set(
          entity.id,
          this.toRelated(RELATIONS[below.name].label, below.plan, row[`__n${index}`] as RelatedRow[]),
        );
      });
      return { entity, rel: (row.__rel as Record<string, unknown> | undefined) ?? {} };
    });
  }
}

/** toEntity of the properties read of a row (its other entries are __rel and __nK), without an intermediate copy. */
function entityOfRow(label: Label, row: RelatedRow, properties: readonly string[]): EntityRow {
  const entity: Record<string, unknown> = { kind: KIND_BY_LABEL[label], aliases: [] };
  for (const property of properties) {
    const value = row[property];
    if (property !== 'aliases' || value != null) entity[property] = value;
  }
  if (label === 'Partnership') entity.partnershipKind = row.kind;
  return entity as EntityRow;
}

function withoutEntries(row: RelatedRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('__')));
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

const groupKeys = new WeakMap<RelationPlan, Map<RelationName, string>>();

/**
 * The key of a relation read with a plan: equal for equal plans, and one string object per plan object, so the
 * maps keyed by it hash a long key once, not once per entity.
 */
function groupKey(name: RelationName, plan: RelationPlan): string {
  let byName = groupKeys.get(plan);
  if (!byName) groupKeys.set(plan, (byName = new Map()));
  let key = byName.get(name);
  if (key === undefined) byName.set(name, (key = `${name} ${planKey(plan)}`));
  return key;
}

/** A plan's identity: equal plans read the same, so their answers are interchangeable. */
function planKey(plan: RelationPlan): string {
  let key = planKeys.get(plan);
  if (key === undefined) planKeys.set(plan, (key = JSON.stringify(plan)));
  return key;
}

/** One entity as a statement returns it: its properties read, __rel (the relationship's served properties) and __nK (its entities along the K-th nested relation). */
type RelatedRow = Record<string, unknown>;

const withoutComments = (cypher: string) =>
  cypher
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n')
    .trim();

/**
 * The projection of entity variable `v` reached through relationship variable `r` (null at a root): the properties
 * the plan reads (GraphQL field names, so plain identifiers; null: every one), the relationship's served properties
 * as __rel, and each nested relation's entities as __n0, __n1, ... (COLLECT subqueries, variables of level depth + 1).
 */
function rowProjection(
  v: string,
  r: string | null,
  relProperties: readonly string[],
  plan: RelationPlan,
  depth: number,
): string {
  const entries: string[] = [];
  if (plan.properties === null) entries.push('.*');
  else {
    for (const property of plan.properties)
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(property) || property.startsWith('__'))
        throw new Error(`not a property name: ${property}`);
    entries.push(...plan.properties.map((property) => `.${property}`));
  }
  if (r !== null && relProperties.length > 0)
    entries.push(`__rel: ${r} { ${relProperties.map((property) => `.${property}`).join(', ')} }`);
  plan.nested.forEach((below, index) =>
    entries.push(`__n${index}: ${nestedFragment(below.name, below.plan, v, depth + 1)}`),
  );
  return `${v} { ${entries.join(', ')} }`;
}

const statements = new Map<string, string>();
const MAX_STATEMENTS = 1000;

/** Returns the statement text of `key`, made by `make` the first time (texts are kept, so equal requests send equal text). */
function statementOf(key: string, make: () => string): string {
  let text = statements.get(key);
  if (text === undefined) {
    text = make();
    if (statements.size < MAX_STATEMENTS) statements.set(key, text);
  }
  return text;
}

/** The statement of one relation at position `index` of its batch, as its plan reads it. */
function relatedStatement(name: RelationName, index: number, plan: RelationPlan): string {
  const relation = RELATIONS[name];
  // Comments go first: they name the placeholders, and nested fragments span several lines.
  return statementOf(
    `${name} ${index} ${planKey(plan)}`,
    () =>
      `// name: entities/related-${relation.direction}\n` +
      withoutComments(cypherFile(`entities/related-${relation.direction}`))
        .replaceAll('__N__', String(index))
        .replaceAll('__TYPE__', relation.type)
        .replaceAll('__LABEL__', relation.label)
        .replace('__ROW__', () => rowProjection('m', 'r', relPropertiesOf(name), plan, 0)),
  );
}

/** The statement reading entities of `label` by id at position `index` of its batch, as the plan reads them. */
function entityStatement(label: Label, index: number, plan: RelationPlan): string {
  return statementOf(
    `@${label} ${index} ${planKey(plan)}`,
    () =>
      '// name: entities/entity-of\n' +
      withoutComments(cypherFile('entities/entity-of'))
        .replaceAll('__N__', String(index))
        .replaceAll('__LABEL__', label)
        .replace('__ROW__', () => rowProjection('m', null, [], plan, 0)),
  );
}

/**
 * The statement of one page of list `name` with the filters `given` (the lines of entities/list-<name> naming any
 * other filter's parameter are left out), in `order`, read as the plan says, with the count of every match or not.
 */
export function listStatement(
  name: ListName,
  given: readonly string[],
  order: string,
  plan: RelationPlan,
  withTotal: boolean,
): string {
  const key = `list ${name} ${[...given].sort().join(',')} ${order} ${withTotal} ${planKey(plan)}`;
  return statementOf(key, () => {
    const lines = withoutComments(cypherFile(`entities/list-${name}`))
      .split('\n')
      .filter((line) => [...line.matchAll(/\$(\w+)/g)].every(([, parameter]) => given.includes(parameter)));
    const filter = lines.join('\n');
    // Only a MATCH of a pattern beyond n itself can meet n more than once.
    const distinct = lines.some((line) => /^\s*MATCH\b/.test(line) && line.includes('-')) ? 'DISTINCT ' : '';
    return (
      `// name: entities/list-${name}\n` +
      withoutComments(cypherFile(withTotal ? 'entities/list-page-counted' : 'entities/list-page'))
        .replaceAll('__FILTER__', () => filter)
        .replace('__DISTINCT__', () => distinct)
        .replace('__ORDER__', () => order)
        .replace('__ROW__', () => rowProjection('n', null, [], plan, 0))
    );
  });
}

/** The COLLECT subquery fetching the entities of `from` along relation `name` as the plan reads them, with variables of `depth`. */
function nestedFragment(name: RelationName, plan: RelationPlan, from: string, depth: number): string {
  const relation = RELATIONS[name];
  const [r, m] = [`r${depth}`, `m${depth}`];
  return withoutComments(cypherFile(`entities/nested-${relation.direction}`))
    .replaceAll('__FROM__', from)
    .replaceAll('__R__', r)
    .replaceAll('__M__', m)
    .replaceAll('__TYPE__', relation.type)
    .replaceAll('__LABEL__', relation.label)
    .replace('__ROW__', () => rowProjection(m, r, relPropertiesOf(name), plan, depth));
}

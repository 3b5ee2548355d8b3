import { cypherFile } from '../db/cypherFile';
import { integer } from '../db/integer';
import type { CypherTrace, Params, QueryRunner } from '../db/queryRunner';
import type { Label } from '../domain/graphModel';
import type { ListOrder } from '../domain/enums';
import { labelOf, toEntity, type EntityRow, type Related, type RelatedRow } from './entities/entityRows';
import { allOfLabelStatement, LISTS, listStatement, type ListName } from './entities/listStatement';
import { PrefetchedRelations } from './entities/prefetchedRelations';
import { entityBranch, relatedBranch } from './entities/batchStatement';
import { relationLoader, type Reading } from './entities/relationLoader';
import { groupKey, planKey, type RelationPlan } from './entities/relationPlan';
import { RELATIONS, type RelationName } from './entities/relations';
import { statementTexts } from './entities/statementCache';

export { toEntity, type EntityRow, type Related } from './entities/entityRows';

/**
 * Reads entities for one request; every statement is counted in the request's trace. A root field reads what its
 * selection asks for below it in the same statement (see entities/rowProjection); the entities below are kept
 * (entities/prefetchedRelations) and handed to the nested fields; what was not fetched that way is read by id,
 * batched per turn of the event loop (entities/relationLoader).
 */
export class EntityRepository {
  private readonly prefetched = new PrefetchedRelations();
  private readonly loader = relationLoader((query, params) => this.read(query, params), this.prefetched);

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
   * the entities the id relates to, ordered by name: at once when they were fetched with the relation above,
   * otherwise batched with every reading asked for in the same turn of the event loop.
   */
  relatedOf(name: RelationName, plan: RelationPlan, id: string): Related[] | Promise<Related[]> {
    const group = groupKey(name, plan);
    // Handed over without a promise, so graphql-js completes the field at once.
    const ready = this.prefetched.get(group, id);
    if (ready) return ready;
    const reading: Reading = {
      group,
      label: RELATIONS[name].label,
      plan,
      branch: (index) => relatedBranch(name, index, plan),
    };
    return this.loader.load({ reading, id });
  }

  /**
   * Given a label, a plan and an id, returns the entity of that label with that id (null where none), with the
   * relations its plan reads below it fetched in the same statement, batched like relatedOf.
   */
  async entityOf(label: Label, plan: RelationPlan, id: string): Promise<EntityRow | null> {
    const reading: Reading = {
      group: groupKey(`@${label}`, plan),
      label,
      plan,
      branch: (index) => entityBranch(label, index, plan),
    };
    const [found] = await this.loader.load({ reading, id });
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
    { order = 'NAME', withTotal }: { order?: ListOrder; withTotal: boolean },
  ): Promise<{ total: number | null; nodes: EntityRow[]; hasMore: boolean }> {
    const given = Object.keys(filter)
      .filter((key) => filter[key] !== null && filter[key] !== undefined)
      .sort();
    // Only models and data sets have an order to choose; the other lists have one each.
    const shape = { given, order: name === 'models' || name === 'datasets' ? order : 'NAME', plan, withTotal };
    const query = statementTexts.get(
      `list ${name} ${given.join(',')} ${shape.order} ${withTotal} ${planKey(plan)}`,
      () => listStatement(name, shape),
    );
    const params: Params = Object.fromEntries(given.map((key) => [key, filter[key]]));
    const rows = await this.read(query, { ...params, skip: integer(page.skip), limit: integer(page.limit + 1) });
    const total = withTotal ? (rows[0].total as number) : null;
    const nodes = rows.flatMap((row) => (row.node === null ? [] : [row.node as RelatedRow]));
    const entities = this.prefetched.toRelated(LISTS[name].label, plan, nodes).map(({ entity }) => entity);
    return { total, nodes: entities.slice(0, page.limit), hasMore: entities.length > page.limit };
  }

  /** Returns every entity of a label, by order then name. */
  async all(label: 'ValueChainStage' | 'Industry' | 'Source'): Promise<EntityRow[]> {
    const rows = await this.read(statementTexts.get(`all ${label}`, () => allOfLabelStatement(label)));
    return rows.map((row) => toEntity(label, row.node as Record<string, unknown>));
  }

  /** Full-text search over names, Korean names and aliases; `labels` null means every kind, an empty list none. */
  async search(text: string, labels: Label[] | null, first: number): Promise<{ entity: EntityRow; score: number }[]> {
    const rows = await this.read(cypherFile('entities/search'), { text, labels, first: integer(first) });
    return rows.map((row) => ({
      entity: toEntity(labelOf(row.labels as string[]), row.node as Record<string, unknown>),
      score: row.score as number,
    }));
  }

  private read(query: string, params: Params = {}) {
    return this.runner.read(query, params, this.trace);
  }
}

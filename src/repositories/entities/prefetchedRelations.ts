import type { Label } from '../../domain/graphModel';
import { entityOfRow, type Related, type RelatedRow } from './entityRows';
import { groupKey, type RelationPlan } from './relationPlan';
import { RELATIONS } from './relations';

/**
 * The relations read below the entities of a statement, kept per request so that a nested field finds its entities
 * already there and completes without a statement of its own (and without a promise).
 */
export class PrefetchedRelations {
  /** By relation and plan (groupKey), then by the id of the entity above. */
  private readonly fetched = new Map<string, Map<string, Related[]>>();

  /** Given a relation's group key and an entity's id, returns the entities fetched with it, if they were. */
  get(group: string, id: string): Related[] | undefined {
    return this.fetched.get(group)?.get(id);
  }

  /** Given rows of `label` entities read with `plan`, returns them as entities and keeps what came along below them. */
  toRelated(label: Label, plan: RelationPlan, rows: RelatedRow[]): Related[] {
    return rows.map((row) => {
      const entity = entityOfRow(label, row, plan.properties);
      plan.nested.forEach((below, index) => {
        const group = groupKey(below.name, below.plan);
        let byId = this.fetched.get(group);
        if (!byId) this.fetched.set(group, (byId = new Map()));
        byId.set(
          entity.id,
          this.toRelated(RELATIONS[below.name].label, below.plan, row[`__n${index}`] as RelatedRow[]),
        );
      });
      return { entity, rel: (row.__rel as Record<string, unknown> | undefined) ?? {} };
    });
  }
}

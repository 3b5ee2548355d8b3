import type Cypher from '@neo4j/cypher-builder';
import DataLoader from 'dataloader';
import type { Label } from '../../domain/graphModel';
import type { Params, Row } from '../../db/queryRunner';
import type { Related, RelatedRow } from './entityRows';
import type { PrefetchedRelations } from './prefetchedRelations';
import { batchStatement } from './batchStatement';
import type { RelationPlan } from './relationPlan';
import { statementTexts } from './statementCache';

/** One kind of read of entities by id: a relation or a root lookup, with one plan. */
export interface Reading {
  /** Equal for equal readings (a relation's or a label's groupKey). */
  group: string;
  /** The label of the entities read. */
  label: Label;
  plan: RelationPlan;
  /** The statement's branch reading this for the ids in $ids<index>. */
  branch: (index: number) => Cypher.Clause;
}

/** One id to read a reading for. */
export interface ReadingKey {
  reading: Reading;
  id: string;
}

/**
 * Given the request's runner of read statements and its prefetched relations, returns the loader of readings by id:
 * every reading asked for in one turn of the event loop (root lookups of one operation, a level of nested fields
 * not fetched with the level above) goes in one statement, a UNION ALL of one branch per reading. The batch is
 * sent on setImmediate, after the turn's promise jobs have all run, rather than on DataLoader's default schedule,
 * which can cut the loads made in one turn (in promise jobs chained after the schedule's own) into two statements.
 */
export function relationLoader(
  read: (query: string, params: Params) => Promise<Row[]>,
  prefetched: PrefetchedRelations,
): DataLoader<ReadingKey, Related[], string> {
  return new DataLoader<ReadingKey, Related[], string>(
    async (keys) => {
      const readings = new Map<string, { reading: Reading; ids: string[] }>();
      for (const { reading, id } of keys) {
        let batch = readings.get(reading.group);
        if (!batch) readings.set(reading.group, (batch = { reading, ids: [] }));
        batch.ids.push(id);
      }
      const batches = [...readings.values()];
      const query = statementTexts.get(batches.map(({ reading }) => reading.group).join('\n'), () =>
        batchStatement(batches.map(({ reading }, index) => reading.branch(index))),
      );
      const rows = await read(query, Object.fromEntries(batches.map(({ ids }, index) => [`ids${index}`, ids])));
      const found = batches.map(() => new Map<string, Related[]>());
      for (const row of rows) {
        const { reading } = batches[row.relation as number];
        found[row.relation as number].set(
          row.id as string,
          prefetched.toRelated(reading.label, reading.plan, row.related as RelatedRow[]),
        );
      }
      const position = new Map([...readings.keys()].map((group, index) => [group, index]));
      return keys.map(({ reading, id }) => found[position.get(reading.group)!].get(id) ?? []);
    },
    { cacheKeyFn: ({ reading, id }) => `${reading.group} ${id}`, batchScheduleFn: (send) => setImmediate(send) },
  );
}

import { cypherFile } from '../db/cypherFile';
import { withName } from '../db/cypherNames';
import type { QueryRunner, TransactionRunner } from '../db/queryRunner';
import { integer } from '../db/integer';
import { toParams } from '../db/toParams';
import { deriveDependencies, type DependencyCounts } from '../dependencies/deriveDependencies';
import { GRAPH, LABELS, RELATIONSHIP_TYPES, type Label } from '../domain/graphModel';
import {
  IMPORTED_TYPES,
  relationshipKey,
  type GraphState,
  type ImportPlan,
  type StoredClaim,
} from '../imports/planImport';

const BATCH = 1000;
/** The relationship properties that are whole numbers (an offer's context window). */
const RELATIONSHIP_INTEGERS = new Set(['contextTokens']);
/** The relationship types with properties of their own, which the state returns. */
const WITH_PROPERTIES = Object.entries(GRAPH.relationships)
  .filter(([type, spec]) => 'properties' in spec && type !== 'PARTY_TO')
  .map(([type]) => type);

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

/** A relationship's properties as parameters: integers as Neo4j integers, nulls kept (`r += ` removes them). */
function relationshipParams(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      RELATIONSHIP_INTEGERS.has(key) && Number.isInteger(value) ? integer(value as number) : value,
    ]),
  );
}

/** An entity as the identity rules see it: live or retired. */
export interface KnownEntity {
  id: string;
  label: Label;
  name: string;
  aliases: string[];
  retired: boolean;
}

/** Reads what an import needs of the graph, and writes an import's plan in one transaction. */
export class ImportRepository {
  constructor(private readonly runner: QueryRunner) {}

  /** Every entity (live and retired) by name, and the state an import of `sources` plans against. */
  async state(sources: string[]): Promise<{ known: KnownEntity[]; state: GraphState }> {
    const [entityRows, claimRows, relationshipRows] = await Promise.all([
      this.runner.read(cypherFile('external/state-entities')),
      this.runner.read(cypherFile('external/state-claims')),
      this.runner.read(cypherFile('external/state-relationships'), {
        types: IMPORTED_TYPES,
        sources,
        withProperties: WITH_PROPERTIES,
      }),
    ]);
    const known: KnownEntity[] = [];
    const state: GraphState = { entities: new Map(), claims: new Map(), relationships: new Map() };
    for (const row of entityRows) {
      const properties = row.properties as Record<string, unknown>;
      const label = row.label as Label;
      known.push({
        id: row.id as string,
        label,
        name: String(properties.name ?? row.id),
        aliases: (properties.aliases as string[] | undefined) ?? [],
        retired: row.retired as boolean,
      });
      if (!row.retired) state.entities.set(row.id as string, { label, properties });
    }
    for (const row of claimRows) {
      const id = row.id as string;
      const list = state.claims.get(id) ?? [];
      list.push({
        field: row.field as string,
        value: row.value as string,
        sourceId: row.sourceId as string,
        confidence: row.confidence as StoredClaim['confidence'],
        tier: row.tier as StoredClaim['tier'],
        snapshotOn: (row.snapshotOn as string | null) ?? null,
        preferred: row.preferred as boolean,
        ...(row.note !== null && row.note !== undefined && { note: row.note as string }),
      });
      state.claims.set(id, list);
    }
    for (const row of relationshipRows)
      state.relationships.set(relationshipKey(row.type as string, row.from as string, row.to as string), {
        sourceIds: row.sourceIds as string[],
        confidence: (row.confidence as string | null) ?? null,
        ...(row.properties !== null && row.properties !== undefined
          ? { properties: row.properties as Record<string, unknown> }
          : {}),
      });
    return { known, state };
  }

  /**
   * Writes a plan in ONE write transaction, then re-derives the dependencies: all of it or, on failure, nothing. A
   * plan that changes nothing writes nothing.
   */
  async write(plan: ImportPlan): Promise<DependencyCounts | null> {
    if (!plan.source) return null;
    return this.runner.inWriteTransaction(async (tx) => {
      if (plan.source) await tx.run(cypherFile('external/merge-source'), { properties: toParams(plan.source) });
      for (const rows of chunks(plan.references.map((properties) => ({ properties: toParams(properties) }))))
        await this.expect(tx, withName(cypherFile('external/create-entities'), '__LABEL__', 'Source', LABELS), rows);
      for (const label of LABELS) {
        const rows = plan.created
          .filter((entity) => entity.label === label)
          .map((entity) => ({ properties: toParams(entity.properties) }));
        for (const batch of chunks(rows))
          await this.expect(tx, withName(cypherFile('external/create-entities'), '__LABEL__', label, LABELS), batch);
      }
      for (const rows of chunks(plan.updated)) await this.expect(tx, cypherFile('external/update-entities'), rows);
      for (const rows of chunks(plan.cites)) await this.expect(tx, cypherFile('external/cite'), rows);
      for (const rows of chunks(
        plan.claims.map(({ id, field, sourceId, tier, value, confidence, preferred, note }) => ({
          id,
          field,
          sourceId,
          tier,
          value,
          confidence,
          preferred,
          note: note ?? null,
        })),
      ))
        await this.expect(tx, cypherFile('external/merge-claims'), rows);
      for (const rows of chunks(plan.deletedClaims)) await this.expect(tx, cypherFile('external/delete-claims'), rows);
      for (const type of RELATIONSHIP_TYPES) {
        const merged = plan.relationships
          .filter((rel) => rel.type === type)
          .map((rel) => ({ ...rel, properties: relationshipParams(rel.properties) }));
        for (const rows of chunks(merged))
          await this.expect(
            tx,
            withName(cypherFile('external/merge-relationships'), '__TYPE__', type, RELATIONSHIP_TYPES),
            rows,
          );
        const deleted = plan.deletedRelationships.filter((rel) => rel.type === type);
        for (const rows of chunks(deleted))
          await this.expect(
            tx,
            withName(cypherFile('external/delete-relationships'), '__TYPE__', type, RELATIONSHIP_TYPES),
            rows,
          );
      }
      return deriveDependencies(tx);
    });
  }

  /** Runs a batch statement and checks it touched every row (a row that found no entity is a bug, not data). */
  private async expect(tx: TransactionRunner, query: string, rows: object[]): Promise<void> {
    const [row] = await tx.run(query, { rows });
    const count = Number(Object.values(row)[0]);
    if (count !== rows.length)
      throw new Error(`an import statement touched ${count} of ${rows.length} rows:\n${query.split('\n')[0]}`);
  }
}

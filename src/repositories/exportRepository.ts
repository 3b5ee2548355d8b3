import { cypherFile } from '../db/cypherFile';
import type { QueryRunner } from '../db/queryRunner';
import type { ExportNode, ExportRelationship, ExportValue, GraphSource } from '../exports/model';

type TypedProperty = [string, unknown, string];

/**
 * Given a value and its Cypher valueType() ("INTEGER NOT NULL", "LIST<FLOAT NOT NULL> NOT NULL" ...), returns it with
 * integers as bigint.
 */
export function typedValue(value: unknown, type: string): ExportValue {
  const integers = /^(LIST<)?INTEGER\b/.test(type);
  const convert = (item: unknown): ExportValue => {
    if (Array.isArray(item)) return item.map(convert);
    if (integers && typeof item === 'number') return BigInt(item);
    return item as ExportValue;
  };
  return convert(value);
}

const properties = (list: TypedProperty[]) =>
  Object.fromEntries(list.map(([key, value, type]) => [key, typedValue(value, type)]));

/** The whole graph as a stream of nodes and relationships with their types kept, read in the database's order. */
export class ExportRepository implements GraphSource {
  constructor(private readonly runner: QueryRunner) {}

  async *nodes(): AsyncGenerator<ExportNode> {
    for await (const row of this.runner.stream(cypherFile('exports/nodes'))) {
      yield {
        key: row.key as string,
        labels: row.labels as string[],
        properties: properties(row.properties as TypedProperty[]),
      };
    }
  }

  async *relationships(): AsyncGenerator<ExportRelationship> {
    for await (const row of this.runner.stream(cypherFile('exports/relationships'))) {
      yield {
        key: row.key as string,
        type: row.type as string,
        start: row.start as string,
        end: row.end as string,
        properties: properties(row.properties as TypedProperty[]),
      };
    }
  }

  /** The database's node and relationship counts. */
  async counts(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.runner.read(cypherFile('exports/counts'));
    return row as { nodes: number; relationships: number };
  }
}

import { createHash } from 'node:crypto';
import { ConnectionSettings, QueryRunner } from '../../src/db/queryRunner';

/** Connects to the Neo4j that globalSetup started (or NEO4J_URI), with `extra` settings (a logger) when given. */
export function connectTestRunner(extra: Partial<ConnectionSettings> = {}): Promise<QueryRunner> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: integration tests need the Neo4j that globalSetup starts');
  return QueryRunner.connect({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD,
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    // The tests share one Neo4j on a machine that may be busy: a first plan of a query can take seconds there.
    queryTimeoutMs: 30_000,
    ...extra,
  });
}

/** Removes every node and relationship. */
export async function emptyDatabase(runner: QueryRunner): Promise<void> {
  await runner.write('MATCH (n) DETACH DELETE n');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A hash of every node (labels, properties) and relationship (type, ends, properties): equal hashes, equal graphs.
 * The servers' bookkeeping nodes (:AnalyticsSnapshot, :MigrationLock) are left out.
 * With `exported`, only what the exports hold (no retired entities, no history).
 */
export async function graphChecksum(
  runner: QueryRunner,
  { exported = false }: { exported?: boolean } = {},
): Promise<string> {
  // The servers' bookkeeping (shared analytics, the migration lock) is not part of the graph.
  const bookkeeping = 'NOT n:AnalyticsSnapshot AND NOT n:MigrationLock';
  const skip = exported ? `${bookkeeping} AND NOT n:Retired AND NOT n:HistoryRecord` : bookkeeping;
  const skipEnds = exported
    ? 'NOT a:Retired AND NOT a:HistoryRecord AND NOT b:Retired AND NOT b:HistoryRecord'
    : 'true';
  const nodes = await runner.read(
    `MATCH (n) WHERE ${skip} RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties`,
  );
  const rels = await runner.read(
    `MATCH (a)-[r]->(b) WHERE ${skipEnds} ` +
      'RETURN elementId(a) AS from, type(r) AS type, elementId(b) AS to, properties(r) AS properties',
  );
  const ids = new Map(nodes.map((n) => [n.key, (n.properties as { id?: string }).id ?? n.key]));
  const lines = [
    ...nodes.map((n) => canonical({ labels: [...(n.labels as string[])].sort(), properties: n.properties })),
    ...rels.map((r) => canonical({ from: ids.get(r.from), type: r.type, to: ids.get(r.to), properties: r.properties })),
  ].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

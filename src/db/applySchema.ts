import { cypherFile, splitStatements } from './cypherFile';
import type { QueryRunner } from './queryRunner';

/** The statements of cypher/schema.cypher: constraints and indexes, each idempotent. */
export function schemaStatements(): string[] {
  return splitStatements(cypherFile('schema'));
}

/** What a full-text index of the schema covers: its name, labels and properties. */
export interface FulltextDefinition {
  name: string;
  labels: string[];
  properties: string[];
}

/**
 * Given a statement, returns the full-text index it creates (`CREATE FULLTEXT INDEX name IF NOT EXISTS FOR
 * (n:A|B) ON EACH [n.x, n.y]`), or null for any other statement.
 */
export function fulltextDefinition(statement: string): FulltextDefinition | null {
  const match = /^\s*CREATE FULLTEXT INDEX (\w+) IF NOT EXISTS\s+FOR \(\w+:([\w|]+)\)\s+ON EACH \[([^\]]*)\]/i.exec(
    statement,
  );
  if (!match) return null;
  const [, name, labels, properties] = match;
  return {
    name,
    labels: labels.split('|'),
    properties: properties.split(',').map((property) => property.trim().replace(/^\w+\./, '')),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/**
 * Drops each full-text index the database has under a schema index's name but over other labels or properties (a
 * graph made before a label was added), so that the schema's statement creates it anew; returns the names dropped.
 */
async function dropChangedFulltextIndexes(runner: QueryRunner, statements: string[]): Promise<string[]> {
  const wanted = statements.map(fulltextDefinition).filter((definition) => definition !== null);
  if (wanted.length === 0) return [];
  const existing = await runner.read(
    'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name IN $names ' +
      'RETURN name, labelsOrTypes, properties',
    { names: wanted.map((definition) => definition.name) },
  );
  const dropped: string[] = [];
  for (const row of existing) {
    const definition = wanted.find((one) => one.name === row.name)!;
    const same =
      sameSet(row.labelsOrTypes as string[], definition.labels) &&
      sameSet(row.properties as string[], definition.properties);
    if (same) continue;
    await runner.write(`DROP INDEX ${definition.name} IF EXISTS`);
    dropped.push(definition.name);
  }
  return dropped;
}

/**
 * Given a runner, applies cypher/schema.cypher statement by statement (idempotent), rebuilding a full-text index whose
 * labels or properties changed, and waits for the indexes to be online.
 */
export async function applySchema(runner: QueryRunner): Promise<number> {
  const statements = schemaStatements();
  await dropChangedFulltextIndexes(runner, statements);
  for (const statement of statements) await runner.write(statement);
  await runner.write('CALL db.awaitIndexes(300)');
  return statements.length;
}

import { cypherFile, splitStatements } from './cypherFile';
import type { QueryRunner } from './queryRunner';

/** The statements of cypher/schema.cypher: constraints and indexes, each idempotent. */
export function schemaStatements(): string[] {
  return splitStatements(cypherFile('schema'));
}

/**
 * Given a runner, applies cypher/schema.cypher statement by statement (idempotent) and waits for the indexes to be
 * online.
 */
export async function applySchema(runner: QueryRunner): Promise<number> {
  const statements = schemaStatements();
  for (const statement of statements) await runner.write(statement);
  await runner.write('CALL db.awaitIndexes(300)');
  return statements.length;
}

/** The graphs the import and default-graph tests start from, made as `npm start` makes them. */
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { applySchema } from '../../src/db/applySchema';
import type { QueryRunner } from '../../src/db/queryRunner';
import { DEFAULT_SOURCE_PRECEDENCE } from '../../src/domain/claims';
import { importShipped, type ImportResult } from '../../src/imports/importSource';
import { loadSeed } from '../../src/seed/loadSeed';
import { connectTestRunner, emptyDatabase } from './testDatabase';

export const SEED_DIR = path.join(projectRoot, 'seed');

/** What every import of the tests is given: the default precedence and the seed's curated aliases. */
export const IMPORT_OPTIONS = {
  precedence: DEFAULT_SOURCE_PRECEDENCE,
  aliasFile: path.join(SEED_DIR, 'aliases.yaml'),
} as const;

/** Connects to the test Neo4j, empties it, applies the schema and loads the report's seed. */
export async function seededRunner(): Promise<QueryRunner> {
  const runner = await connectTestRunner();
  await emptyDatabase(runner);
  await applySchema(runner);
  await loadSeed(runner, SEED_DIR, { reset: false, batchSize: 1000 });
  return runner;
}

/** Imports the four shipped databases after the seed, as `npm start` does; returns each import's result. */
export function importDefaultDatabases(runner: QueryRunner): Promise<Map<string, ImportResult>> {
  return importShipped(runner, path.join(SEED_DIR, 'external'), IMPORT_OPTIONS, () => undefined);
}

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { applySchema } from '../db/applySchema';
import { ImportError, importJsonGraph, parseJsonGraph } from '../exports/importJson';
import { ImportFormatError } from '../imports/importBatch';
import { IMPORTERS, importBatch, importerOf, readBatch } from '../imports/importSource';
import { openDatabase } from '../neo4j/openDatabase';
import { UsageError, runCli } from './runCli';

const USAGE = [
  'usage: npm run import -- <source> <path> [--dry-run]',
  ...IMPORTERS.map((importer) => `  ${importer.source}: ${importer.describes}`),
  '  graph-json: a JSON export (npm run export -- --format json) into an empty database (also: --file <path>)',
].join('\n');

/** Imports a database's file as published (NEO4J_URI, or the launcher's), or re-imports a JSON export. */
runCli('import', async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: { file: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [source, file] = values.file !== undefined ? ['graph-json', values.file] : positionals;
  if (source === undefined || file === undefined || positionals.length > (values.file !== undefined ? 0 : 2))
    throw new UsageError(`expected a source and a path\n${USAGE}`);
  if (source === 'graph-json') return importJson(file, Boolean(values['dry-run']));

  const importer = importerOf(source);
  if (!importer) throw new UsageError(`unknown source "${source}"\n${USAGE}`);
  let batch;
  try {
    batch = readBatch(importer, file);
  } catch (error) {
    if (error instanceof ImportFormatError) throw new UsageError(`${error.message}; nothing was written`);
    throw error;
  }
  const config = loadConfig();
  const database = await openDatabase(config.neo4j, (line) => console.log(`import: ${line}`));
  try {
    await applySchema(database.runner);
    const started = Date.now();
    const result = await importBatch(database.runner, batch, {
      dryRun: Boolean(values['dry-run']),
      precedence: config.sourcePrecedence,
      aliasFile: path.join(config.seedDir, 'aliases.yaml'),
    });
    for (const line of result.lines) console.log(`import: ${line}`);
    if (result.dependencies)
      console.log(
        `import: dependencies: ${result.dependencies.written} written, ${result.dependencies.deleted} deleted; ` +
          `done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
  } finally {
    await database.close();
  }
});

/** Loads a JSON export into an empty database: the graph as it was exported. */
async function importJson(file: string, dryRun: boolean): Promise<void> {
  let graph;
  try {
    graph = parseJsonGraph(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  if (dryRun) {
    console.log(`import: ${file} holds ${graph.nodes.length} nodes and ${graph.relationships.length} relationships`);
    return;
  }
  const database = await openDatabase(loadConfig().neo4j, (line) => console.log(`import: ${line}`));
  try {
    await applySchema(database.runner);
    const written = await importJsonGraph(database.runner, graph);
    console.log(`import: ${written.nodes} nodes and ${written.relationships} relationships from ${file}`);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  } finally {
    await database.close();
  }
}

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { applySchema } from '../db/applySchema';
import { ImportError, importJsonGraph, parseJsonGraph } from '../exports/importJson';
import { openDatabase } from '../neo4j/openDatabase';
import { UsageError, runCli } from './runCli';

const USAGE = 'usage: npm run import -- --file <graph.json from npm run export -- --format json>';

/** Loads a JSON export into an empty database (NEO4J_URI, or the launcher's): the graph as it was exported. */
runCli('import', async () => {
  let args;
  try {
    args = parseArgs({ options: { file: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.file === undefined) throw new UsageError(`--file is required\n${USAGE}`);
  let graph;
  try {
    graph = parseJsonGraph(fs.readFileSync(args.file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${args.file}: ${(error as Error).message}`);
  }
  const database = await openDatabase(loadConfig().neo4j, (line) => console.log(`import: ${line}`));
  try {
    await applySchema(database.runner);
    const written = await importJsonGraph(database.runner, graph);
    console.log(`import: ${written.nodes} nodes and ${written.relationships} relationships from ${args.file}`);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${args.file}: ${error.message}`);
    throw error;
  } finally {
    await database.close();
  }
});

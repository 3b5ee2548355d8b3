import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { applySchema } from '../db/applySchema';
import { openDatabase } from '../neo4j/openDatabase';
import { readSeed, summarize } from '../seed/loadSeed';
import { graphCounts } from '../seed/graphCounts';
import { writeSeed } from '../seed/writeSeed';
import { UsageError, runCli } from './runCli';

const USAGE = 'usage: npm run seed [-- --dir <folder>] [--reset] [--batch-size <n>] [--check]';

runCli('seed', async () => {
  const config = loadConfig();
  let args;
  try {
    args = parseArgs({
      options: { dir: { type: 'string' }, reset: { type: 'boolean' }, 'batch-size': { type: 'string' }, check: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const dir = args.dir === undefined ? config.seedDir : path.resolve(process.env.INIT_CWD ?? process.cwd(), args.dir);
  const batchSize = args['batch-size'] === undefined ? config.seedBatchSize : Number(args['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive whole number\n${USAGE}`);

  // Validate everything before touching (or even starting) a database.
  const graph = readSeed(dir);
  console.log(`seed: validated ${graph.nodes.length} nodes and ${graph.relationships.length} relationships in ${dir}`);
  if (args.check) {
    console.log(`seed: ${dir} is valid\n\n${graphCounts(graph)}`);
    return;
  }
  const database = await openDatabase(config.neo4j, (line) => console.log(`seed: ${line}`));
  try {
    await applySchema(database.runner);
    const started = Date.now();
    const report = await writeSeed(database.runner, graph, {
      reset: Boolean(args.reset),
      batchSize,
      onProgress: (line) => console.log(`seed: ${line}`),
    });
    console.log(`seed: ${summarize(report)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
});

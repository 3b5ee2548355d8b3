/**
 * npm run bench:load-seed [-- --companies 100000] [--seed 42] [--batch-size 10000]
 *
 * Generates the synthetic graph of --companies companies as JSON Lines seed files in a temporary folder
 * (`npm run synthetic`), bulk-loads it with `npm run seed -- --bulk --reset` into a Neo4j of its own (or
 * BENCH_NEO4J_URI, whose data it replaces), and prints rows per second, seconds and the loader's peak RSS. Both
 * commands run as processes of their own, so the RSS is the loader's alone. Then it checks the database's counts by
 * label and type against the seed files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSeedFolder } from '../src/seed/loadSeed';
import { BULK_BATCH_SIZE, bulkLoadSeedFolder, openBenchDatabase, writeSyntheticSeed } from './support';

const log = (line: string) => console.error(`bench: ${line}`);
const loadAverage = () => os.loadavg()[0].toFixed(1);

async function main() {
  const { values } = parseArgs({
    options: {
      companies: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '42' },
      'batch-size': { type: 'string', default: String(BULK_BATCH_SIZE) },
    },
    strict: true,
  });
  const [companies, seed, batchSize] = [Number(values.companies), Number(values.seed), Number(values['batch-size'])];
  if (![companies, seed, batchSize].every(Number.isInteger) || batchSize < 1)
    throw new Error('--companies, --seed and --batch-size must be whole numbers');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-seed-'));
  const database = await openBenchDatabase(log);
  try {
    log(`generating ${companies} companies (seed ${seed}) into ${dir}`);
    writeSyntheticSeed(dir, companies, seed);
    const loadBefore = loadAverage();
    const { nodes, relationships, dependencies, seconds, writeSeconds, peakRss } = await bulkLoadSeedFolder(
      dir,
      database.uri,
      batchSize,
    );
    const rows = nodes + relationships + dependencies;

    console.log(`\nbulk load of the synthetic graph, ${companies} companies (seed ${seed}), batches of ${batchSize}`);
    console.log(`rows: ${nodes} nodes + ${relationships} relationships + ${dependencies} dependencies = ${rows}`);
    console.log(
      `seconds: ${seconds.toFixed(1)} for the whole command (validation and the write), ` +
        `${writeSeconds.toFixed(1)} for the write`,
    );
    console.log(
      `rows/s: ${Math.round(rows / seconds)} whole command, ${Math.round(rows / writeSeconds)} ` +
        `write (target 20000: ${rows / seconds >= 20_000 ? 'met' : 'MISSED'})`,
    );
    console.log(`peak RSS of the loader: ${peakRss} MB`);
    console.log(`load average: ${loadBefore} before, ${loadAverage()} after, on ${os.cpus().length} cores`);

    const { check } = checkSeedFolder(dir);
    const mismatches: string[] = [];
    const compare = async (what: string, query: string, wanted: number) => {
      const [row] = await database.runner.read(query);
      if (row.count !== wanted)
        mismatches.push(`${what}: ${String(row.count)} in the database, ${wanted} in the seed files`);
    };
    for (const [label, count] of check.tally.labels)
      await compare(label, `MATCH (n:${label}) RETURN count(n) AS count`, count);
    for (const [type, count] of check.tally.types)
      await compare(type, `MATCH ()-[r:${type}]->() RETURN count(r) AS count`, count);
    await compare('DEPENDS_ON', 'MATCH ()-[r:DEPENDS_ON]->() RETURN count(r) AS count', dependencies);
    await compare('all nodes', 'MATCH (n) RETURN count(n) AS count', check.tally.nodes);
    if (mismatches.length > 0)
      throw new Error(`the loaded graph does not match the seed files:\n${mismatches.join('\n')}`);
    console.log(
      `counts: every label (${check.tally.labels.size}) ` +
        `and type (${check.tally.types.size + 1}) matches the seed files`,
    );
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});

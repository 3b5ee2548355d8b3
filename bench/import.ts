/**
 * npm run bench:import [-- --companies 2000] [--file seed/external/epoch-ai-models/all_ai_models.csv]
 *
 * Times the import of Epoch AI's models CSV (read, map, resolve, plan, write in one transaction, re-derive the
 * dependencies) into a Neo4j of its own (or BENCH_NEO4J_URI, whose data it replaces): into an empty database (twice:
 * the first import after Neo4j starts runs on a cold JVM); into the report's graph (what `npm start` does); the same
 * file again (nothing changes); and, with --companies, into a graph loaded with that many synthetic companies beside
 * the report (a writeSeed of one transaction: 2,000 fits the default 2 GB heap's transaction memory, 10,000 does
 * not). Prints seconds and records per second of each, with the 10 s target. Last, what `npm start` does on an
 * empty database: the seed, then the four shipped databases, with the 60 s target.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../src/config';
import { importBatch, importerOf, readBatch } from '../src/imports/importSource';
import { loadSeed } from '../src/seed/loadSeed';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { SectionRecorder } from './benchmarksFile';
import { graphCounts, importShippedDatabases, bulkLoadRecords, openBenchDatabase } from './support';

const log = (line: string) => console.error(`bench: ${line}`);
const TARGET_SECONDS = 10;
const ALL_TARGET_SECONDS = 60;

async function main() {
  const { values } = parseArgs({
    options: {
      companies: { type: 'string', default: '0' },
      file: { type: 'string', default: path.join(projectRoot, 'seed/external/epoch-ai-models/all_ai_models.csv') },
    },
    strict: true,
  });
  const companies = Number(values.companies);
  if (!Number.isInteger(companies) || companies < 0) throw new Error('--companies must be a whole number');
  const importer = importerOf('epoch-ai-models')!;
  const config = loadConfig();
  const options = {
    dryRun: false,
    precedence: config.sourcePrecedence,
    aliasFile: path.join(projectRoot, 'seed/aliases.yaml'),
  };
  const recorder = new SectionRecorder('bench:import');
  const database = await openBenchDatabase(log);
  const { runner } = database;
  const results: string[] = [];
  const timed = async (what: string) => {
    const started = performance.now();
    const batch = readBatch(importer, values.file!);
    const read = (performance.now() - started) / 1000;
    const { plan, seconds: phases } = await importBatch(runner, batch, options);
    const seconds = (performance.now() - started) / 1000;
    const { entities, claims } = plan.summary;
    results.push(
      `${what}: ${seconds.toFixed(2)} s (${read.toFixed(2)} s reading and mapping the file, ` +
        `${phases.state.toFixed(2)} s reading the graph, ${phases.plan.toFixed(2)} s resolving and planning, ` +
        `${phases.write.toFixed(2)} s writing), ` +
        `${Math.round(batch.records / seconds)} records/s; ${entities.created} entities created, ` +
        `${entities.updated} updated, ${claims.written} claims written ` +
        `(target ${TARGET_SECONDS} s: ${seconds <= TARGET_SECONDS ? 'met' : 'MISSED'})`,
    );
  };
  try {
    const wipe = () => runner.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    await wipe();
    await timed('empty database, the first import after Neo4j started');
    await wipe();
    await timed('empty database again');
    await wipe();
    await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 1000 });
    await timed("the report's graph");
    await timed('the same file again');
    if (companies > 0) {
      await wipe();
      await bulkLoadRecords(runner, generateSeedRecords({ companies, seed: 42 }));
      await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: false, batchSize: 1000 });
      const [{ nodes }] = await runner.read('MATCH (n) RETURN count(n) AS nodes');
      await timed(`the report with ${companies} synthetic companies (${String(nodes)} nodes)`);
    }
    const [{ records }] = await runner.read("MATCH (s:Source {id: 'epoch-ai-models'}) RETURN s.records AS records");
    console.log(`\nimport of Epoch AI's models CSV (${String(records)} records), ${values.file}`);
    for (const line of results) console.log(line);

    // What npm start does on an empty database: the seed, then every shipped database.
    await wipe();
    const started = performance.now();
    await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: false, batchSize: 1000 });
    const seeded = (performance.now() - started) / 1000;
    const lines: string[] = [];
    const imported = await importShippedDatabases(runner, (line) => {
      if (/: imported from /.test(line)) lines.push(line);
    });
    const seconds = (performance.now() - started) / 1000;
    const { nodes, relationships } = await graphCounts(runner);
    const read = [...imported.values()].reduce((sum, result) => sum + result.plan.summary.records, 0);
    console.log(
      `\nthe report and the four databases into an empty database (what npm start does): ${seconds.toFixed(1)} s ` +
        `(target ${ALL_TARGET_SECONDS} s: ${seconds <= ALL_TARGET_SECONDS ? 'met' : 'MISSED'}); ` +
        `${nodes} nodes, ${relationships} relationships, ${read} records read`,
    );
    console.log(`the seed: ${seeded.toFixed(1)} s`);
    for (const line of lines) console.log(line);
    recorder.section('bench:import', 'Importing the shipped databases');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});

import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { applySchema } from '../db/applySchema';
import { openDatabase } from '../neo4j/openDatabase';
import { BulkLoadRefused, bulkLoad } from '../seed/bulkLoad';
import { PHASES, chooseBulkPath, importerLoad } from '../seed/importerLoad';
import { checkSeedFolder, readSeed, summarize } from '../seed/loadSeed';
import { writeSeed } from '../seed/writeSeed';
import { UsageError, runCli } from './runCli';

const USAGE =
  'usage: npm run seed [-- --dir <folder>] [--reset] [--batch-size <n>] [--check] [--bulk [--transactional]]';

runCli('seed', async () => {
  const config = loadConfig();
  let args;
  try {
    args = parseArgs({
      options: {
        dir: { type: 'string' },
        reset: { type: 'boolean' },
        'batch-size': { type: 'string' },
        check: { type: 'boolean' },
        bulk: { type: 'boolean' },
        transactional: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const dir = args.dir === undefined ? config.seedDir : path.resolve(process.env.INIT_CWD ?? process.cwd(), args.dir);
  const batchSize = args['batch-size'] === undefined ? config.seedBatchSize : Number(args['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new UsageError(`--batch-size must be a positive whole number\n${USAGE}`);
  const log = (line: string) => console.log(`seed: ${line}`);

  if (args.transactional && !args.bulk) throw new UsageError(`--transactional goes with --bulk\n${USAGE}`);
  // Validate everything before writing to a database (the importer's path validates while it writes its CSV files).
  const started = Date.now();
  const route =
    args.bulk && !args.check
      ? await chooseBulkPath(
          config.neo4j,
          { reset: Boolean(args.reset), transactional: Boolean(args.transactional) },
          log,
        )
      : undefined;
  if (route?.importer) {
    // Ctrl-C stops the import at once or after the phase in flight; the database is then emptied, as after a failure.
    const interrupt = new AbortController();
    process.once('SIGINT', () => interrupt.abort(new UsageError('interrupted (Ctrl-C)')));
    const report = await importerLoad(config.neo4j, dir, { log, signal: interrupt.signal });
    const rows = report.nodes + report.relationships + report.claims + report.dependencies;
    const phases = PHASES.map((phase) => `${phase} ${report.seconds[phase].toFixed(1)} s`).join(', ');
    log(
      `bulk import: ${report.nodes} nodes, ${report.relationships} relationships, ${report.claims} claims and ` +
        `${report.dependencies} dependencies (${rows} rows) in ${report.total.toFixed(1)} s: ` +
        `${Math.round(rows / report.total)} rows/s (${phases}); peak RSS ` +
        `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    return;
  }
  if (route) log(`bulk load through transactions, not Neo4j's importer: ${route.reason}`);
  if (args.check || args.bulk) {
    const opened = route && !route.importer ? route.database : undefined;
    const { files, check } = await Promise.resolve()
      .then(() => checkSeedFolder(dir))
      .catch(async (error: unknown) => {
        await opened?.close();
        throw error;
      });
    log(
      `validated ${check.tally.nodes} nodes and ${check.tally.relationships} relationships in ${dir} ` +
        `(${elapsed(started)} s)`,
    );
    if (args.check) {
      await opened?.close();
      console.log(`seed: ${dir} is valid\n\n${check.tally.table()}`);
      return;
    }
    const database = opened ?? (await openDatabase(config.neo4j, log));
    try {
      await applySchema(database.runner);
      // Ctrl-C stops the load after the batch in flight; what it wrote is then deleted, as after a failure.
      const interrupt = new AbortController();
      process.once('SIGINT', () =>
        interrupt.abort(new UsageError('interrupted (Ctrl-C); what the load wrote was deleted')),
      );
      const report = await bulkLoad(database.runner, files, check, {
        reset: Boolean(args.reset),
        batchSize,
        dir,
        onProgress: log,
        signal: interrupt.signal,
      }).catch((error: unknown) => {
        throw error instanceof BulkLoadRefused ? new UsageError(error.message) : error;
      });
      const rows = report.nodes + report.relationships + report.claims + report.dependencies;
      log(
        `bulk load: ${report.nodes} nodes, ${report.relationships} relationships, ${report.claims} claims and ` +
          `${report.dependencies} dependencies (${rows} rows) ` +
          `in ${report.seconds.toFixed(1)} s: ${Math.round(rows / report.seconds)} rows/s; peak RSS ` +
          `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
    } finally {
      await database.close();
    }
    return;
  }
  const graph = readSeed(dir);
  log(`validated ${graph.nodes.length} nodes and ${graph.relationships.length} relationships in ${dir}`);
  const database = await openDatabase(config.neo4j, log);
  try {
    await applySchema(database.runner);
    const writeStarted = Date.now();
    const report = await writeSeed(database.runner, graph, {
      reset: Boolean(args.reset),
      batchSize,
      onProgress: log,
      precedence: config.sourcePrecedence,
    });
    log(`${summarize(report)} in ${elapsed(writeStarted)} s`);
  } finally {
    await database.close();
  }
});

function elapsed(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

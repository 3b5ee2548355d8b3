/**
 * `seed --bulk` through Neo4j's own importer: when this process owns the project's launcher (no NEO4J_URI, no other
 * process running it) and the database is empty or --reset is given, the seed is validated and written as CSV files
 * in one walk, the launcher's database is replaced offline by neo4j-admin's import, then the launcher is started, the
 * schema applied and the counts verified. Any failure after the import began leaves an empty database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Neo4jConfig } from '../config';
import { applySchema } from '../db/applySchema';
import { cypherFile } from '../db/cypherFile';
import { withName } from '../db/cypherNames';
import { integer } from '../db/integer';
import type { QueryRunner } from '../db/queryRunner';
import { LABELS } from '../domain/graphModel';
import { adminImport, databaseDirsOf, removeDatabase } from '../neo4j/adminImport';
import { identifyLauncher } from '../neo4j/identifyLauncher';
import { OpenDatabase, openDatabase } from '../neo4j/openDatabase';
import { ARRAY_DELIMITER, ImportCsvUnsuitable, ImportCsvWriter, type ImportFiles } from './importCsv';
import { checkSeedFolder } from './loadSeed';
import { FILE_SPECS, RELATIONSHIP_TYPES } from './seedSpec';

/** A bulk import that failed; the database was emptied (the message says so, or what went wrong doing it). */
export class ImportFailed extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ImportFailed';
  }
}

/** Where a bulk load goes: through the importer, or through transactions (with why, and the database if opened). */
export type BulkPath = { importer: true } | { importer: false; reason: string; database?: OpenDatabase };

export interface ImporterOptions {
  log?: (line: string) => void;
  /** Called with the CSV files just before the import (tests use it to damage them). */
  beforeImport?: (files: ImportFiles) => void;
  /** More arguments for the importer. */
  importerArgs?: readonly string[];
  /** Stops the load at the next phase (or the importer at once); the database is then emptied as after a failure. */
  signal?: AbortSignal;
  /** Leave the launcher running and return it (the caller closes it); by default it is stopped before returning. */
  keepRunning?: boolean;
}

/** The phases of an import, in order, each timed. */
export const PHASES = ['validate+csv', 'import', 'start', 'schema', 'verify'] as const;
export type Phase = (typeof PHASES)[number];

export interface ImporterReport {
  nodes: number;
  relationships: number;
  claims: number;
  dependencies: number;
  seconds: Record<Phase, number>;
  total: number;
  /** The started database, with keepRunning. */
  database?: OpenDatabase;
}

/** Rows per transaction of the fixes after the import (the launcher allows a transaction a quarter of its heap). */
const FIX_BATCH = 50_000;
const COUNTED_TYPES = [...RELATIONSHIP_TYPES, 'CLAIM', 'DEPENDS_ON'];

/**
 * Given the Neo4j settings and what was asked, says whether `seed --bulk` may go through the importer. It may when
 * this process will own the launcher (no NEO4J_URI, no launcher of the data directory running elsewhere) and the
 * database is empty or --reset replaces it; emptiness is asked of the database only when its store exists, by
 * starting it (and the database so opened comes back, for the transactional load, when it is not empty).
 */
export async function chooseBulkPath(
  config: Neo4jConfig,
  options: { reset: boolean; transactional: boolean },
  log: (line: string) => void,
): Promise<BulkPath> {
  if (options.transactional) return { importer: false, reason: '--transactional was given' };
  if (config.uri !== undefined)
    return {
      importer: false,
      reason: `NEO4J_URI is set: ${config.uri} is a database this command does not own, so it cannot stop it`,
    };
  const { boltPort, dataDir } = config.launcher;
  const owner = await identifyLauncher(boltPort, dataDir);
  if (owner === 'ours')
    return {
      importer: false,
      reason: `the project's Neo4j for ${dataDir} is running in another process (port ${boltPort}); stop it first`,
    };
  if (owner === 'foreign') return { importer: false, reason: `port ${boltPort} is in use by another process` };
  if (options.reset || !fs.existsSync(databaseDirsOf(dataDir).store)) return { importer: true };
  const database = await openDatabase(config, log);
  try {
    const [row] = await database.runner.read(cypherFile('seed/count-all'));
    if (Number(row.nodes) === 0) {
      await database.close();
      return { importer: true };
    }
    return {
      importer: false,
      reason:
        `the database in ${dataDir} holds ${String(row.nodes)} nodes ` + '(--reset replaces them through the importer)',
      database,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Given the Neo4j settings (the launcher's, not started by anyone) and a seed folder, replaces the launcher's
 * database by the seed through Neo4j's importer, then starts it, applies the schema and verifies the counts; stops
 * it again before returning the counts and each phase's seconds. A seed with problems throws SeedValidationError
 * before anything is touched; a failure after that empties the database and throws an error that names the phase.
 */
export async function importerLoad(
  config: Neo4jConfig,
  dir: string,
  options: ImporterOptions = {},
): Promise<ImporterReport> {
  const log = options.log ?? (() => undefined);
  const own = { ...config, uri: undefined };
  const { dataDir } = config.launcher;
  const seconds = {} as Record<Phase, number>;
  const started = performance.now();
  let phaseStart = started;
  const done = (phase: Phase) => {
    seconds[phase] = (performance.now() - phaseStart) / 1000;
    phaseStart = performance.now();
    log(`${phase}: ${seconds[phase].toFixed(1)} s`);
  };

  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-import-'));
  let files: ImportFiles;
  try {
    const writer = new ImportCsvWriter(csvDir, FILE_SPECS);
    checkSeedFolder(dir, (entity) => writer.add(entity));
    files = writer.finish();
    options.signal?.throwIfAborted();
  } catch (error) {
    fs.rmSync(csvDir, { recursive: true, force: true });
    if (error instanceof ImportCsvUnsuitable)
      throw new ImportCsvUnsuitable(`${dir} cannot go through the importer: ${error.message}; use --transactional`);
    throw error;
  }
  done('validate+csv');

  let phase: Phase = 'import';
  let database: OpenDatabase | undefined;
  try {
    options.beforeImport?.(files);
    removeDatabase(dataDir);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const summary = await adminImport({
      dataDir,
      nodes: files.nodes,
      relationships: files.relationships,
      arrayDelimiter: ARRAY_DELIMITER,
      multiline: files.multiline,
      reportFile: path.join(csvDir, 'import.report'),
      heap: config.launcher.heap,
      extraArgs: options.importerArgs,
      signal: options.signal,
      log,
    });
    log(`importer: ${summary.join('; ').replace(/\s+/g, ' ')}`);
    done('import');
    options.signal?.throwIfAborted();
    phase = 'start';
    database = await openDatabase(own, log);
    done('start');
    options.signal?.throwIfAborted();
    phase = 'schema';
    const runner = database.runner;
    const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
      const from = performance.now();
      const result = await work();
      log(`${what} in ${((performance.now() - from) / 1000).toFixed(1)} s`);
      return result;
    };
    // The empty `via` lists and the schema are independent: they go side by side.
    const [fixed] = await Promise.all([
      files.emptyVia > 0
        ? timed(`empty via set on ${files.emptyVia} dependencies`, () =>
            runner.autoCommit(cypherFile('seed/import-empty-via'), { batchSize: integer(FIX_BATCH) }),
          )
        : [],
      timed('schema statements applied, indexes online', () => applySchema(runner)),
    ]);
    if (files.emptyVia > 0 && Number(fixed[0]?.fixed) !== files.emptyVia)
      throw new Error(`${files.emptyVia} dependencies need an empty via, ${String(fixed[0]?.fixed)} were given one`);
    for (let start = 0; start < files.emptyLists.length; start += FIX_BATCH) {
      const rows = files.emptyLists.slice(start, start + FIX_BATCH);
      const [row] = await runner.write(cypherFile('seed/import-empty-lists'), { rows });
      if (Number(row.fixed) !== rows.length) throw new Error('an entity with an empty list was not found');
    }
    done('schema');
    options.signal?.throwIfAborted();
    phase = 'verify';
    await verifyCounts(runner, files);
    done('verify');
  } catch (error) {
    const message = (error as Error).message;
    log(`failed at ${phase} (${message.split('\n')[0]}); removing the imported database`);
    let emptied = `the database in ${dataDir} was emptied`;
    try {
      await database?.close();
      database = undefined;
      removeDatabase(dataDir);
      database = await openDatabase(own, log);
      const [row] = await database.runner.read(cypherFile('seed/count-all'));
      if (Number(row.nodes) !== 0) emptied = `the database in ${dataDir} still holds ${String(row.nodes)} nodes`;
    } catch (cleanup) {
      emptied = `emptying the database in ${dataDir} failed too (${(cleanup as Error).message.split('\n')[0]})`;
    }
    await database?.close();
    throw new ImportFailed(
      `bulk import failed at ${phase}: ${message}\n${emptied}; the CSV files and the importer's report are kept in ` +
        csvDir,
      { cause: error },
    );
  }
  if (!options.keepRunning) await database.close();
  fs.rmSync(csvDir, { recursive: true, force: true });
  const relationships = [...files.types].reduce(
    (sum, [type, count]) => (type === 'CLAIM' || type === 'DEPENDS_ON' ? sum : sum + count),
    0,
  );
  return {
    nodes: [...files.labels.values()].reduce((sum, count) => sum + count, 0),
    relationships,
    claims: files.claims,
    dependencies: files.dependencies,
    seconds,
    total: (performance.now() - started) / 1000,
    ...(options.keepRunning && { database }),
  };
}

/** Checks that the database holds exactly the nodes of each label and relationships of each type that were written. */
async function verifyCounts(runner: QueryRunner, files: ImportFiles): Promise<void> {
  const nodes = [...files.labels.values()].reduce((sum, count) => sum + count, 0);
  const relationships = [...files.types.values()].reduce((sum, count) => sum + count, 0);
  const count = async (query: string) => Number((await runner.read(query))[0].count);
  const checks: [string, Promise<number>, number][] = [
    ...LABELS.map((label): [string, Promise<number>, number] => [
      `:${label} nodes`,
      count(withName(cypherFile('seed/count-label'), '__LABEL__', label, LABELS)),
      files.labels.get(label) ?? 0,
    ]),
    ['Entity nodes', count(withName(cypherFile('seed/count-label'), '__LABEL__', 'Entity', ['Entity'])), nodes],
    ...COUNTED_TYPES.map((type): [string, Promise<number>, number] => [
      `${type} relationships`,
      count(withName(cypherFile('seed/count-type'), '__TYPE__', type, COUNTED_TYPES)),
      files.types.get(type) ?? 0,
    ]),
  ];
  const [all] = await runner.read(cypherFile('seed/count-all'));
  const found = await Promise.all(checks.map(([, counted]) => counted));
  const wrong = checks.flatMap(([what, , written], index) =>
    found[index] === written ? [] : [`${what}: ${found[index]} in the database, ${written} written`],
  );
  if (Number(all.nodes) !== nodes) wrong.push(`all nodes: ${String(all.nodes)} in the database, ${nodes} written`);
  if (Number(all.relationships) !== relationships)
    wrong.push(`all relationships: ${String(all.relationships)} in the database, ${relationships} written`);
  if (wrong.length > 0) throw new Error(`the imported counts differ from the CSV files:\n${wrong.join('\n')}`);
}

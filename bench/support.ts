/** Shared parts of the benchmarks: a throw-away Neo4j, loading a graph, a served API, timing and printing. */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { appConfig, loadConfig, projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import { importShipped, type ImportResult } from '../src/imports/importSource';
import { QueryRunner } from '../src/db/queryRunner';
import { freePort } from '../src/neo4j/freePort';
import { startNeo4j } from '../src/neo4j/startNeo4j';
import { BulkReport, bulkLoad } from '../src/seed/bulkLoad';
import type { ParsedSeedFile } from '../src/seed/seedGraph';
import { checkSeed } from '../src/seed/validateSeed';
import { createApp } from '../src/server/createApp';
import { SEED_FILE_NAMES, SeedRecords } from '../src/synthetic/generateGraph';

export interface BenchDatabase {
  runner: QueryRunner;
  uri: string;
  /** The process id of Neo4j's JVM when the benchmark started it (not with BENCH_NEO4J_URI). */
  pid?: number;
  close(): Promise<void>;
}

/** The README, then every page of docs/ by name: where the documented queries and their printed answers live. */
export function documentationText(): string {
  const docs = path.join(projectRoot, 'docs');
  const pages = fs
    .readdirSync(docs)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(docs, name));
  return [path.join(projectRoot, 'README.md'), ...pages].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}

/**
 * Opens the Neo4j the benchmark may wipe: BENCH_NEO4J_URI when set (its data is replaced!), otherwise a launcher
 * of its own on a free port with a temporary data directory, removed afterwards.
 */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const uri = process.env.BENCH_NEO4J_URI;
  // The server's read timeout, as QUERY_TIMEOUT_MS sets it (5 s unless set): raise it to time what takes longer.
  const { queryTimeoutMs } = loadConfig().neo4j;
  if (uri) {
    const runner = await QueryRunner.connect({
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      queryTimeoutMs,
    });
    await applySchema(runner);
    return { runner, uri, close: () => runner.close() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-neo4j-'));
  const neo4j = await startNeo4j({
    port: await freePort(),
    dataDir,
    heap: process.env.NEO4J_HEAP ?? '2g',
    pageCache: process.env.NEO4J_PAGECACHE ?? '1g',
    log,
  });
  log(neo4j.readyLine);
  // The commands and servers the benchmark starts over this Neo4j read its password from the environment.
  process.env.NEO4J_PASSWORD = neo4j.password;
  const runner = await QueryRunner.connect({
    uri: neo4j.uri,
    user: 'neo4j',
    password: neo4j.password,
    database: 'neo4j',
    queryTimeoutMs,
  });
  await applySchema(runner);
  return {
    runner,
    uri: neo4j.uri,
    pid: neo4j.child.pid,
    close: async () => {
      await runner.close();
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Given generated records, returns them as the parsed seed files they would be read as. */
function recordFiles(records: SeedRecords): ParsedSeedFile[] {
  return SEED_FILE_NAMES.map((file) => ({
    file,
    records: (records[file] as unknown[]).map((value, index) => ({ line: index + 1, value })),
    problems: [],
  }));
}

/**
 * Given generated records, checks them as the seed loader would and bulk-loads them, replacing the graph, in batches
 * of BULK_BATCH_SIZE rows each in a transaction of its own: a graph of ten thousand companies and more does not fit
 * in one transaction's memory (a quarter of Neo4j's heap).
 */
export async function bulkLoadRecords(runner: QueryRunner, records: SeedRecords): Promise<BulkReport> {
  const files = recordFiles(records);
  const check = checkSeed(files);
  if (check.problems.length > 0)
    throw new Error(
      `generated records have ${check.problems.length} problems, e.g. ${JSON.stringify(check.problems[0])}`,
    );
  return bulkLoad(runner, files, check, { batchSize: BULK_BATCH_SIZE, reset: true, dir: 'synthetic' });
}

/** Rows per UNWIND batch (and transaction) of the benchmarks' bulk loader: `npm run seed -- --bulk --batch-size`. */
export const BULK_BATCH_SIZE = 10_000;

/**
 * Writes the synthetic graph of `companies` companies (random seed `seed`) as JSON Lines seed files into `dir` with
 * `npm run synthetic`, in a process of its own; its output goes to stderr.
 */
export function writeSyntheticSeed(dir: string, companies: number, seed: number): void {
  execFileSync(
    process.execPath,
    [
      path.join(projectRoot, 'dist/src/cli/synthetic.js'),
      '--out',
      dir,
      '--companies',
      String(companies),
      '--seed',
      String(seed),
    ],
    {
      stdio: ['ignore', 2, 'inherit'],
    },
  );
}

export interface BulkSeedLoad {
  nodes: number;
  relationships: number;
  dependencies: number;
  /** Wall time of the whole seed command (validation and the write). */
  seconds: number;
  /** Time of the write alone, as the loader reports it. */
  writeSeconds: number;
  /** The loader process's peak RSS in MB. */
  peakRss: number;
}

/**
 * Bulk-loads the seed folder `dir` with `npm run seed -- --dir <dir> --bulk --reset --batch-size <batchSize>` into the
 * Neo4j at `uri` (replacing its data), in a process of its own whose output goes to stderr as it comes; returns the
 * counts and times from its summary line.
 */
export async function bulkLoadSeedFolder(dir: string, uri: string, batchSize: number): Promise<BulkSeedLoad> {
  const { lines, seconds } = await runSeed(['--dir', dir, '--bulk', '--reset', '--batch-size', String(batchSize)], {
    ...process.env,
    NEO4J_URI: uri,
  });
  const summary = lines
    .map((line) =>
      /^seed: bulk load: (\d+) nodes, (\d+) relationships, \d+ claims and (\d+) dependencies \(\d+ rows\) in ([\d.]+) s: (\d+) rows\/s; peak RSS (\d+) MB$/.exec(
        line,
      ),
    )
    .find(Boolean);
  if (!summary) throw new Error('npm run seed printed no bulk-load summary');
  const [nodes, relationships, dependencies, writeSeconds, , peakRss] = summary.slice(1).map(Number);
  return { nodes, relationships, dependencies, seconds, writeSeconds, peakRss };
}

/**
 * Runs the seed command with its output shown (on stderr) as it comes; returns its stdout lines and its wall time in
 * seconds.
 */
export async function runSeed(args: string[], env: NodeJS.ProcessEnv): Promise<{ lines: string[]; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/cli/seed.js'), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    console.error(line);
    lines.push(line);
  }
  const code = await new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  );
  if (code !== 0) throw new Error(`npm run seed exited with ${code}`);
  return { lines, seconds: (performance.now() - started) / 1000 };
}

/**
 * Serves the API on a free port (with or without the analytics snapshot cache); returns a function that posts one
 * operation and fails on any GraphQL error.
 */
export async function serveApi(runner: QueryRunner, analyticsCache = true) {
  // No rate limit: a benchmark sends thousands of requests a minute from one address.
  // No warming: requests are timed against a server doing nothing else.
  const served = await createApp(appConfig({ analyticsCache, analyticsWarm: false, rateLimitPerMinute: 0 }), runner);
  const { port } = await served.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (query: string): Promise<Record<string, unknown>> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (body.errors) throw new Error(`${query}: ${body.errors.map((error) => error.message).join('; ')}`);
    return body.data!;
  };
  return { url, post, close: served.stop };
}

/** Returns the value at quantile q (0..1) of sorted numbers, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Untimed runs before each measurement, so Neo4j's and V8's compilers have warmed up. */
export const WARMUP_RUNS = 10;

export interface Timing {
  name: string;
  median: number;
  p95: number;
  runs: number;
}

/** Runs `work` `warmup` times untimed, then `runs` times one after another; returns median and p95 in ms. */
export async function time(
  name: string,
  work: () => Promise<unknown>,
  runs: number,
  warmup = WARMUP_RUNS,
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs };
}

/** Prints timings as an aligned table, with a target column when one is given. */
export function printTimings(title: string, timings: Timing[], targetMs?: number | ((name: string) => number)): void {
  const width = Math.max(...timings.map((timing) => timing.name.length), 8);
  const targetOf = (name: string) => (typeof targetMs === 'function' ? targetMs(name) : targetMs);
  console.log(`\n${title}`);
  console.log(
    `${'analytic'.padEnd(width)}  ${'median ms'.padStart(9)}  ${'p95 ms'.padStart(9)}  ${'runs'.padStart(4)}` +
      (targetMs ? '  target: median under' : ''),
  );
  for (const { name, median, p95, runs } of timings) {
    const target = targetOf(name);
    const verdict = target ? `  ${target} ms ${median < target ? 'met' : 'MISSED'}` : '';
    console.log(
      `${name.padEnd(width)}  ${median.toFixed(1).padStart(9)}  ${p95.toFixed(1).padStart(9)}  ` +
        `${String(runs).padStart(4)}${verdict}`,
    );
  }
}

/** Given a runner, returns how many nodes and relationships its graph holds. */
export async function graphCounts(runner: QueryRunner): Promise<{ nodes: number; relationships: number }> {
  const [row] = await runner.read(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } ' +
      'RETURN nodes, relationships',
  );
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

/** Imports the four shipped databases after the seed, as `npm start` does, logging each import's summary to `log`. */
export function importShippedDatabases(
  runner: QueryRunner,
  log: (line: string) => void = () => undefined,
): Promise<Map<string, ImportResult>> {
  const options = { precedence: loadConfig().sourcePrecedence, aliasFile: path.join(projectRoot, 'seed/aliases.yaml') };
  return importShipped(runner, path.join(projectRoot, 'seed/external'), options, log);
}

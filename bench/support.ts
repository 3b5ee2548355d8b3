/** Shared parts of the benchmarks: a throw-away Neo4j, a served API, timing and printing. */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applySchema } from '../src/db/applySchema';
import { QueryRunner } from '../src/db/queryRunner';
import { freePort } from '../src/neo4j/freePort';
import { startNeo4j } from '../src/neo4j/startNeo4j';
import type { ParsedSeedFile } from '../src/seed/seedGraph';
import { validateSeed } from '../src/seed/validateSeed';
import { WriteReport, writeSeed } from '../src/seed/writeSeed';
import { createApp } from '../src/server/createApp';
import { SEED_FILE_NAMES, SeedRecords } from '../src/synthetic/generateGraph';

export interface BenchDatabase {
  runner: QueryRunner;
  uri: string;
  close(): Promise<void>;
}

/**
 * Opens the Neo4j the benchmark may wipe: BENCH_NEO4J_URI when set (its data is replaced!), otherwise a launcher
 * of its own on a free port with a temporary data directory, removed afterwards.
 */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const uri = process.env.BENCH_NEO4J_URI;
  if (uri) {
    const runner = await QueryRunner.connect({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD, database: process.env.NEO4J_DATABASE ?? 'neo4j' });
    await applySchema(runner);
    return { runner, uri, close: () => runner.close() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-neo4j-'));
  const neo4j = await startNeo4j({ port: await freePort(), dataDir, heap: process.env.NEO4J_HEAP ?? '2g', pageCache: process.env.NEO4J_PAGECACHE ?? '1g', log });
  log(neo4j.readyLine);
  const runner = await QueryRunner.connect({ uri: neo4j.uri, user: 'neo4j', database: 'neo4j' });
  await applySchema(runner);
  return {
    runner,
    uri: neo4j.uri,
    close: async () => {
      await runner.close();
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Given generated records, validates them as the seed loader would (without the YAML round trip) and writes them, replacing the graph. */
export async function loadRecords(runner: QueryRunner, records: SeedRecords): Promise<WriteReport> {
  const files: ParsedSeedFile[] = SEED_FILE_NAMES.map((file) => ({
    file,
    records: (records[file] as unknown[]).map((value, index) => ({ line: index + 1, value })),
    problems: [],
  }));
  const { graph, problems } = validateSeed(files);
  if (problems.length > 0) throw new Error(`generated records have ${problems.length} problems, e.g. ${JSON.stringify(problems[0])}`);
  return writeSeed(runner, graph, { reset: true, batchSize: 1000 });
}

/** Serves the API on a free port (with or without the analytics snapshot cache); returns a function that posts one operation and fails on any GraphQL error. */
export async function serveApi(runner: QueryRunner, analyticsCache = true) {
  const server: Server = (await createApp({ runner, traceCypher: false, analyticsCache })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (query: string): Promise<Record<string, any>> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
    if (body.errors) throw new Error(`${query}: ${body.errors.map((error) => error.message).join('; ')}`);
    return body.data!;
  };
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, post, close };
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
export async function time(name: string, work: () => Promise<unknown>, runs: number, warmup = WARMUP_RUNS): Promise<Timing> {
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
export function printTimings(title: string, timings: Timing[], targetMs?: number): void {
  const width = Math.max(...timings.map((timing) => timing.name.length), 8);
  console.log(`\n${title}`);
  console.log(`${'analytic'.padEnd(width)}  ${'median ms'.padStart(9)}  ${'p95 ms'.padStart(9)}  ${'runs'.padStart(4)}${targetMs ? `  target < ${targetMs} ms median` : ''}`);
  for (const { name, median, p95, runs } of timings) {
    const verdict = targetMs ? (median < targetMs ? '  met' : '  MISSED') : '';
    console.log(`${name.padEnd(width)}  ${median.toFixed(1).padStart(9)}  ${p95.toFixed(1).padStart(9)}  ${String(runs).padStart(4)}${verdict}`);
  }
}

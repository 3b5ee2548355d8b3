import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import type { ComparedQuery } from './comparedQueries';
import { writeSection } from '../benchmarksFile';
import { comparisonTable, cpuTable, Measurement, ratio, TARGETS } from './comparisonTable';

/** Our Cypher statements for one query on one graph (counted with the trace on), and the query's depth. */
export interface StatementCount {
  graph: string;
  query: string;
  depth: number;
  statements: number;
}

export interface BenchmarkRun {
  command: string;
  date: Date;
  /** The commit measured, as `runFacts` gives it. */
  commit: string;
  neo4jVersion: string;
  /** os.loadavg() when the run started and when it ended. */
  loadBefore: number[];
  loadAfter: number[];
  seconds: number;
  warmup: number;
  connections: number[];
  graphs: string[];
  queries: readonly ComparedQuery[];
  measurements: Measurement[];
  statements: StatementCount[];
}

const PACKAGES = [
  '@neo4j/graphql',
  '@apollo/server',
  '@as-integrations/express5',
  'express',
  'type-graphql',
  'graphql',
  'dataloader',
  'neo4j-driver',
  'autocannon',
];

function versionOf(name: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

const load = (averages: number[]) => averages.map((value) => value.toFixed(2)).join(', ');
/** How BENCHMARKS.md names a graph: the seed folder, the default graph, or the generator's call for a "<n>k". */
const graphText = (graph: string) =>
  graph === 'seed'
    ? 'seed (the seed folder alone)'
    : graph === 'default'
      ? "default (the seed folder and the shipped databases, as `npm start` loads them: Epoch AI's models)"
      : `${graph} (synthetic, \`generateSeedRecords({ companies: ${Number(graph.slice(0, -1)) * 1000}, seed: 42 })\`)`;

/** The hand-written part of BENCHMARKS.md (what the profile shows), kept beside this file so every run carries it. */
const NOTES = path.join(projectRoot, 'bench', 'compare', 'benchmarkNotes.md');

/**
 * Given a run, returns the text of BENCHMARKS.md: command, machine, versions, the queries in their three forms, the
 * table, statement counts and the targets.
 */
export function benchmarksMarkdown(run: BenchmarkRun): string {
  const cpus = os.cpus();
  const missed: string[] = [];
  const byCell = new Map<string, Partial<Record<string, Measurement>>>();
  for (const m of run.measurements) {
    const key = `${m.graph} ${m.query} at ${m.connections} connections`;
    byCell.set(key, { ...byCell.get(key), [m.server]: m });
  }
  let met = 0;
  for (const [key, cell] of byCell) {
    for (const server of ['library', 'floor'] as const) {
      const value = ratio(cell.ours?.requestsPerSecond, cell[server]?.requestsPerSecond);
      if (Number.isNaN(value)) continue;
      if (value >= TARGETS[server]) met += 1;
      else
        missed.push(
          `- ${key}: ${value.toFixed(2)}x ${server === 'library' ? '@neo4j/graphql' : 'the floor'} ` +
            `(target ${TARGETS[server].toFixed(1)}x)`,
        );
    }
  }
  const failures = run.measurements.filter((m) => m.failures > 0);
  const overBound = run.statements.filter((s) => s.statements > s.depth + 1);
  const lines = [
    '## GraphQL: our server, the Neo4j GraphQL Library and hand-written Cypher',
    '',
    '<!-- Written by `npm run bench` (bench/bench.ts); ' +
      'the notes at the end come from bench/compare/benchmarkNotes.md. -->',
    '',
    'Three servers answer the same questions from one Neo4j holding the same data: **ours** (`createApp` of',
    '`src/server/createApp.ts`, as `npm start` serves it, ' +
      'without the Cypher trace), **library** (the Neo4j GraphQL Library,',
    '`@neo4j/graphql`, which compiles each request into one Cypher statement, ' +
      'on Apollo Server 5 and Express 5 with type',
    'definitions over the same labels: `bench/compare/libraryTypeDefs.ts`), ' +
      'and **floor** (a bare `node:http` handler that',
    'runs one hand-written Cypher statement per question through the same driver and returns its rows as JSON). Before',
    'anything is timed, every server answers every question once and the answers, brought to one canonical form (keys',
    'sorted, nested lists compared as sets, ' +
      'top-level order kept where the question orders), must be equal and not empty;',
    'the run stops otherwise.',
    '',
    `Command: \`${run.command}\``,
    '',
    `- Date: ${run.date.toISOString()}; commit ${run.commit}`,
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}`,
    `- Load average (1, 5, 15 min): ${load(run.loadBefore)} at the start, ${load(run.loadAfter)} at the end`,
    `- Node ${process.version}; Neo4j ${run.neo4jVersion} (the project's launcher, ` +
      `embedded, with APOC, which @neo4j/graphql needs)`,
    `- Packages: ${PACKAGES.map((name) => `${name} ${versionOf(name)}`).join(', ')}`,
    `- Each server runs in a child process of its own, ` +
      `started with the same flags (\`--max-semi-space-size=32\`, as \`npm start\`),`,
    '  with a Neo4j driver pool of 50 connections; the load generator (autocannon, ' +
      'in the parent process) loads one server at a time.',
    `- Per question and server: ${run.warmup} s of warm-up at ${Math.max(...run.connections)} connections, ` +
      `then ${run.seconds} s per cell at ${run.connections.join(' and ')}`,
    '  connections (each connection sends its next request when the last is answered). req/s counts 2xx responses;',
    '  p50 / p95 / p99 are their latencies. The three servers of a cell are measured one after another, so each ratio',
    '  compares figures taken minutes apart at most. ' +
      'A req/s marked * comes from a run until 2 responses per connection',
    '  had come, because the fixed duration gave fewer (answers slower than the duration allows).',
    `- Graphs: ${run.graphs.map(graphText).join('; ')}.`,
    '',
    '### Results',
    '',
    `Targets: ours at least ${TARGETS.library.toFixed(1)}x the library's throughput on every shared question ` +
      `and at least ${TARGETS.floor.toFixed(1)}x the floor's. Met in ${met} of ${met + missed.length} comparisons.`,
    '',
    ...comparisonTable(run.measurements),
    '',
    ...(missed.length > 0 ? ['Missed:', '', ...missed, ''] : ['Every target was met in this run.', '']),
    ...(failures.length > 0
      ? [
          `Failed requests: ${failures
            .map((m) => `${m.server} ${m.graph} ${m.query} c=${m.connections}: ${m.failures}`)
            .join('; ')}.`,
          '',
        ]
      : []),
    ...(cpuTable(run.measurements).length > 0
      ? [
          '### CPU per request',
          '',
          'CPU milliseconds (user plus system, from `/proc/<pid>/stat`) ' +
            "that the measured server and Neo4j's JVM spent per",
          'answered request in each cell. The two cores are shared by Neo4j, ' +
            'the server and the load generator, so these',
          "sums, not the wall-clock latencies, say where each server's time goes.",
          '',
          ...cpuTable(run.measurements),
          '',
        ]
      : []),
    '### Cypher statements per request (ours)',
    '',
    'Counted with `traceCypher` on (`extensions.cypher.statements`). ' +
      'Depth: the deepest nesting of fields with a selection',
    'set in the operation. The bound is depth + 1.',
    '',
    '| graph | query | depth | statements | within depth + 1 |',
    '|---|---|---:|---:|---|',
    ...run.statements.map(
      (s) =>
        `| ${s.graph} | ${s.query} | ${s.depth} | ${s.statements} | ${s.statements <= s.depth + 1 ? 'yes' : 'NO'} |`,
    ),
    '',
    ...(overBound.length > 0
      ? [`Over the bound: ${overBound.map((s) => `${s.graph} ${s.query}`).join(', ')}.`, '']
      : []),
    '### The questions',
    '',
    ...run.queries.flatMap((query) => [
      `#### ${query.name}: ${query.title}`,
      '',
      'Ours:',
      '',
      '```graphql',
      query.ours.query,
      '```',
      '',
      ...(query.library
        ? ['@neo4j/graphql:', '', '```graphql', query.library.query, '```']
        : [`@neo4j/graphql: not measured; ${query.missing}.`]),
      '',
      'Floor:',
      '',
      '```cypher',
      query.floor.cypher,
      '```',
      '',
    ]),
    // The notes' headings sit one level below the section's.
    ...(fs.existsSync(NOTES)
      ? [
          fs
            .readFileSync(NOTES, 'utf8')
            .trim()
            .replace(/^(#+) /gm, '#$1 '),
        ]
      : []),
  ];
  return lines.join('\n');
}

/** Writes a run's section of BENCHMARKS.md (or of `file`), keeping the other sections. */
export function writeBenchmarks(file: string, run: BenchmarkRun): void {
  writeSection('bench', benchmarksMarkdown(run).split('\n'), file);
}

/**
 * npm run bench:analytics [-- --runs 30] [--warmup 10] [--companies 10000] [--seed 42] [--no-synthetic] [--bulk]
 *                         [--no-load]
 *
 * Median and p95 latency of every analytic, through HTTP and GraphQL, on the seed graph, on the default graph (the
 * seed and the four shipped databases, as npm start loads them) and on a synthetic graph of --companies companies
 * (src/synthetic/generateGraph.ts, fixed random seed). It uses a Neo4j of its own, or the one at BENCH_NEO4J_URI,
 * whose data it replaces.
 *
 * Up to 10,000 companies the synthetic graph is written from memory by the batched bulk loader. With --bulk, and
 * always above 10,000 companies, it goes the way of `npm run bench:load-seed`:
 * `npm run synthetic` writes it as JSON Lines seed files in a temporary folder and `npm run seed -- --bulk --reset`
 * loads them, each in a process of its own. Either way the same graph is loaded, and the load time is printed.
 *
 * With --no-load (and BENCH_NEO4J_URI), nothing is loaded: the graph there is taken to be the synthetic graph of
 * --companies companies, loaded before (npm run synthetic, then npm run seed -- --bulk), and only it is timed.
 *
 * Each graph's table is written as a section of BENCHMARKS.md (`bench:analytics seed`, `... default`, `... 10k`,
 * `... 100k`). The largest closures are also given in entities per second: entities in the answer / median time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/config';
import { loadSeed } from '../src/seed/loadSeed';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { SectionRecorder } from './benchmarksFile';
import {
  BenchDatabase,
  BULK_BATCH_SIZE,
  bulkLoadRecords,
  bulkLoadSeedFolder,
  graphCounts,
  importShippedDatabases,
  openBenchDatabase,
  printTimings,
  serveApi,
  time,
  Timing,
  WARMUP_RUNS,
  writeSyntheticSeed,
} from './support';

const log = (line: string) => console.error(`bench: ${line}`);

interface Roots {
  service: string;
  /** A service nothing depends on, so no path leads to it. */
  otherService: string;
  developer: string;
  hub: string;
  infrastructure: string;
}

/**
 * The analytics, each as one GraphQL operation over the given roots; `whole` ones read the whole graph (and are
 * cached).
 */
function operations(roots: Roots): { name: string; query: string; whole: boolean }[] {
  return [
    {
      name: 'concentration MODELS by COMPANY',
      query: '{ concentration(measure: MODELS) { hhi shares { key share } } }',
      whole: true,
    },
    {
      name: 'concentration SERVICES by BLOC',
      query: '{ concentration(measure: SERVICES, groupBy: BLOC) { hhi shares { key share members { id } } } }',
      whole: true,
    },
    {
      name: 'concentration MARKET_CAP by COUNTRY, stage cloud',
      query: '{ concentration(measure: MARKET_CAP, groupBy: COUNTRY, stage: "cloud") { hhi shares { key share } } }',
      whole: true,
    },
    {
      name: 'concentration TRAINING_COMPUTE by BLOC, asOf 2023',
      query: '{ concentration(measure: TRAINING_COMPUTE, groupBy: BLOC, asOf: "2023") { hhi shares { key share } } }',
      whole: true,
    },
    {
      name: 'concentration HOSTED_MODELS by COMPANY',
      query: '{ concentration(measure: HOSTED_MODELS) { hhi shares { key share } } }',
      whole: true,
    },
    {
      name: 'concentration COMPUTE by COUNTRY, asOf 2025-06',
      query: '{ concentration(measure: COMPUTE, groupBy: COUNTRY, asOf: "2025-06") { hhi shares { key share } } }',
      whole: true,
    },
    {
      name: 'systemicImportance first 10',
      query: '{ systemicImportance { rank company { id } betweenness betweennessMethod { exact pivots error } } }',
      whole: true,
    },
    {
      name: 'systemicImportance first 10, asOf 2022',
      query: '{ systemicImportance(asOf: "2022") { rank company { id } } }',
      whole: true,
    },
    {
      name: `upstream of ${roots.service}`,
      query: `{ upstream(of: "${roots.service}") { nodes { distance entity { id } } steps { from to relation } } }`,
      whole: false,
    },
    {
      name: `downstream of ${roots.developer}`,
      query: `{ downstream(of: "${roots.developer}") { nodes { distance entity { id } } steps { from to relation } } }`,
      whole: false,
    },
    {
      name: `downstream of ${roots.hub} (largest)`,
      query: `{ downstream(of: "${roots.hub}") { nodes { distance entity { id } } } }`,
      whole: false,
    },
    {
      name: `dependencyPaths ${roots.service} -> ${roots.infrastructure}`,
      query: `{ dependencyPaths(from: "${roots.service}", to: "${roots.infrastructure}") { length entities { id } } }`,
      whole: false,
    },
    {
      name: `dependencyPaths ${roots.service} -> ${roots.otherService} (no path, maxHops 8)`,
      query: `{ dependencyPaths(from: "${roots.service}", to: "${roots.otherService}", maxHops: 8) { length } }`,
      whole: false,
    },
    {
      name: `removalImpact of ${roots.developer}`,
      query: `{ removalImpact(id: "${roots.developer}") { exposed { id } singleSourcedServices { id } } }`,
      whole: false,
    },
    {
      name: `removalImpact of ${roots.hub} (largest)`,
      query: `{ removalImpact(id: "${roots.hub}") { exposed { id } singleSourcedServices { id } } }`,
      whole: false,
    },
  ];
}

/**
 * Times every operation: whole-graph ones on a server without the snapshot cache (cold) and with it (graph
 * unchanged). For the largest closures, also prints the entities in the answer and entities per second.
 */
async function timeAll(cold: Api, warm: Api, roots: Roots, runs: number, warmup: number): Promise<Timing[]> {
  const timings: Timing[] = [];
  const rates: string[] = [];
  for (const { name, query, whole } of operations(roots)) {
    const answer = await cold.post(query);
    const size = JSON.stringify(answer).length;
    const label = `${name} [${Math.round(size / 1000)} kB]`;
    const timing = await time(whole ? `${label}, cold` : label, () => cold.post(query), runs, warmup);
    timings.push(timing);
    if (whole) timings.push(await time(`${label}, cached`, () => warm.post(query), runs, warmup));
    if (name.endsWith('(largest)')) {
      const entities = entitiesIn(answer);
      rates.push(
        `${name}: ${entities} entities in ${timing.median.toFixed(0)} ms median: ` +
          `${Math.round(entities / (timing.median / 1000))} entities/s (target 200,000)`,
      );
    }
  }
  printedRates.push(...rates);
  return timings;
}

/** The entities a closure's answer lists (downstream nodes, or removalImpact's exposed). */
function entitiesIn(answer: Record<string, unknown>): number {
  const [value] = Object.values(answer) as { nodes?: unknown[]; exposed?: unknown[] }[];
  return (value.nodes ?? value.exposed ?? []).length;
}

/** Entities per second of the largest closures of the graph timed last, printed after its table. */
const printedRates: string[] = [];

type Api = Awaited<ReturnType<typeof serveApi>>;

/** Above this many companies the synthetic graph always goes through seed files and the seed command. */
const IN_PROCESS_MAX_COMPANIES = 10_000;

/**
 * Replaces the graph with the synthetic one and logs its counts and load time: from memory through the batched bulk
 * loader, or (bulk) through JSON Lines seed files and the bulk loader, in processes of their own.
 */
async function loadSynthetic(database: BenchDatabase, companies: number, seed: number, bulk: boolean): Promise<void> {
  const started = performance.now();
  const what = `synthetic graph of ${companies} companies (seed ${seed})`;
  if (!bulk) {
    const report = await bulkLoadRecords(database.runner, generateSeedRecords({ companies, seed }));
    log(
      `${what}: ${report.nodes} nodes, ${report.relationships} relationships, ${report.dependencies} dependencies, ` +
        `generated and loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-seed-'));
  try {
    writeSyntheticSeed(dir, companies, seed);
    const generated = (performance.now() - started) / 1000;
    const load = await bulkLoadSeedFolder(dir, database.uri, BULK_BATCH_SIZE);
    log(
      `${what}: ${load.nodes} nodes, ${load.relationships} relationships, ${load.dependencies} dependencies, ` +
        `generated as seed files in ${generated.toFixed(1)} s, bulk-loaded in ${load.seconds.toFixed(1)} s ` +
        `(the write ${load.writeSeconds.toFixed(1)} s, batches of ${BULK_BATCH_SIZE}, ` +
        `loader peak RSS ${load.peakRss} MB): ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints a graph's table and its closures' rates, and writes them as a section of BENCHMARKS.md. */
function report(
  recorder: SectionRecorder,
  id: string,
  heading: string,
  title: string,
  timings: Timing[],
  target: number | ((name: string) => number),
): void {
  printTimings(title, timings, target);
  if (printedRates.length > 0) console.log(['', ...printedRates.splice(0)].join('\n'));
  console.log(
    '\n[n kB]: size of the response. cold: the whole graph read and computed for every request; ' +
      'cached: the graph unchanged since the last request.',
  );
  recorder.section(`bench:analytics ${id}`, heading);
}

/** "10k" for 10,000 companies, else the count. */
const sizeName = (companies: number) => (companies % 1000 === 0 ? `${companies / 1000}k` : String(companies));

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '30' },
      warmup: { type: 'string', default: String(WARMUP_RUNS) },
      companies: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
      'no-synthetic': { type: 'boolean', default: false },
      bulk: { type: 'boolean', default: false },
      'no-load': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const companies = Number(values.companies);
  const seed = Number(values.seed);
  if (![runs, warmup, companies, seed].every(Number.isInteger) || runs < 1 || warmup < 0)
    throw new Error('--runs, --warmup, --companies and --seed must be whole numbers, --runs at least 1');
  const noLoad = values['no-load'];
  if (noLoad && !process.env.BENCH_NEO4J_URI)
    throw new Error('--no-load times the graph already at BENCH_NEO4J_URI: set it to a Neo4j holding the graph');
  if (noLoad && values['no-synthetic'])
    throw new Error('--no-load times only the synthetic graph: drop --no-synthetic');

  const recorder = new SectionRecorder('bench:analytics');
  const database = await openBenchDatabase(log);
  const cold = await serveApi(database.runner, false);
  const warm = await serveApi(database.runner, true);
  try {
    const seedRoots = {
      service: 'askup',
      otherService: 'chatgpt',
      developer: 'naver',
      hub: 'openai',
      infrastructure: 'tsmc',
    };
    if (!noLoad) {
      const seedLoad = performance.now();
      await loadSeed(database.runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 1000 });
      log(`seed graph loaded in ${((performance.now() - seedLoad) / 1000).toFixed(1)} s`);
      report(
        recorder,
        'seed',
        'Analytics on the seed graph',
        `seed graph (${runs} runs each, after ${warmup} warm-up runs)`,
        await timeAll(cold, warm, seedRoots, runs, warmup),
        50,
      );

      // The default graph: the report and the four shipped databases, as npm start loads them.
      const defaultLoad = performance.now();
      await loadSeed(database.runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 1000 });
      await importShippedDatabases(database.runner);
      const counts = await graphCounts(database.runner);
      log(
        `default graph (${counts.nodes} nodes, ${counts.relationships} relationships) loaded in ` +
          `${((performance.now() - defaultLoad) / 1000).toFixed(1)} s`,
      );
      report(
        recorder,
        'default',
        'Analytics on the default graph',
        `default graph: the report and the four databases (${runs} runs each, after ${warmup} warm-up runs)`,
        await timeAll(cold, warm, { ...seedRoots, service: 'github-copilot' }, runs, warmup),
        // Cached answers within 50 ms, every answer computed afresh within 500 ms.
        (name: string) => (name.endsWith(', cached') ? 50 : 500),
      );
    }

    if (!values['no-synthetic']) {
      if (noLoad) {
        const counts = await graphCounts(database.runner);
        log(`timing the graph at BENCH_NEO4J_URI (${counts.nodes} nodes, ${counts.relationships} relationships)`);
      } else await loadSynthetic(database, companies, seed, values.bulk || companies > IN_PROCESS_MAX_COMPANIES);
      // Roots: the first service; the median developer by models developed; the developer of the most-built-on
      // model (the largest downstream); the company most depended on.
      const [roots] = await database.runner.read(`
        CALL () { MATCH (s:Service) WITH s ORDER BY s.id LIMIT 2
                  WITH collect(s.id) AS two RETURN two[0] AS service, two[1] AS otherService }
        CALL () { MATCH (c:Company)-[:DEVELOPS]->(m) WITH c, count(m) AS models ORDER BY models, c.id
                  WITH collect(c.id) AS developers RETURN developers[size(developers) / 2] AS developer }
        CALL () { MATCH (m:FoundationModel)<-[:BUILT_ON]-(x:Service) WITH m, count(x) AS n ORDER BY n DESC, m.id LIMIT 1
                  MATCH (c:Company)-[:DEVELOPS]->(m) RETURN c.id AS hub ORDER BY hub LIMIT 1 }
        RETURN service, otherService, developer, hub`);
      const [top] = (await warm.post('{ systemicImportance(first: 1) { company { id } } }')).systemicImportance as {
        company: { id: string };
      }[];
      const syntheticRoots = {
        service: roots.service as string,
        otherService: roots.otherService as string,
        developer: roots.developer as string,
        hub: roots.hub as string,
        infrastructure: top.company.id as string,
      };
      const size = sizeName(companies);
      report(
        recorder,
        size,
        `Analytics on the ${size} synthetic graph`,
        `synthetic graph, ${companies} companies (${runs} runs each, after ${warmup} warm-up runs)`,
        await timeAll(cold, warm, syntheticRoots, runs, warmup),
        // Up to 10,000 companies every answer within 500 ms; above, within 1 s.
        companies > IN_PROCESS_MAX_COMPANIES ? 1000 : 500,
      );
    }
  } finally {
    await cold.close();
    await warm.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});

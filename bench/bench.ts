/**
 * npm run bench [-- --duration 10] [--warmup 3] [--connections 10,50] [--graphs seed,default,10k] [--queries ...]
 *                 [--out BENCHMARKS.md] [--cpu-prof ours]
 *
 * Our server side by side with the Neo4j GraphQL Library (@neo4j/graphql) and a floor of hand-written Cypher, on one
 * Neo4j with the same data: the answers of the three are compared before anything is timed, then autocannon loads
 * each server in turn for a fixed duration per cell. Prints the table as it goes and writes its section of
 * BENCHMARKS.md.
 */
import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { appConfig, projectRoot } from '../src/config';
import type { QueryRunner } from '../src/db/queryRunner';
import { DEFAULT_SOURCE_PRECEDENCE } from '../src/domain/claims';
import { importShipped } from '../src/imports/importSource';
import { loadSeed } from '../src/seed/loadSeed';
import { createApp } from '../src/server/createApp';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { compareAnswers, postJson, requestOf } from './compare/compareAnswers';
import { COMPARED_QUERIES, ComparedQuery, Roots } from './compare/comparedQueries';
import { comparisonTable, Measurement, progressLine, SERVER_NAMES, ServerName } from './compare/comparisonTable';
import { measureLoad } from './compare/measureLoad';
import { operationDepth } from './compare/operationDepth';
import { StatementCount, writeBenchmarks } from './compare/writeBenchmarks';
import { runFacts } from './benchmarksFile';
import { bulkLoadRecords, openBenchDatabase } from './support';

const log = (line: string) => console.error(`bench: ${line}`);

interface Child {
  url: string;
  pid?: number;
  stop(): Promise<void>;
}

/**
 * Starts one compared server in a child process of its own (with Node's CPU profiler when asked) and waits until it
 * listens.
 */
function startChild(name: ServerName, uri: string, profileDir?: string): Promise<Child> {
  const script = path.join(__dirname, 'compare', 'serveCompared.js');
  // The same V8 flags for every server: the young-generation size `npm start` gives ours.
  const execArgv = ['--max-semi-space-size=32', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const child: ChildProcess = fork(script, [name, uri], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${name} server exited (code ${code}) before it listened`)));
    child.once('message', (message: { url: string }) => {
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        pid: child.pid,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
  });
}

/**
 * Serves our API with the Cypher trace on (in this process, idle while others are timed) and returns a function
 * counting a query's statements.
 */
async function statementCounter(runner: QueryRunner) {
  const served = await createApp(appConfig({ traceCypher: true, rateLimitPerMinute: 0 }), runner);
  const { port } = await served.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const count = async (query: ComparedQuery, roots: Roots): Promise<number> => {
    const json = await postJson(
      url,
      JSON.stringify({ query: query.ours.query, variables: query.ours.variables(roots) }),
    );
    return json.extensions.cypher.statements as number;
  };
  return { count, close: served.stop };
}

/**
 * Loads a graph: "seed" is the seed folder, "default" the seed and the shipped databases (what `npm start` loads
 * into an empty database), "<n>k" a synthetic graph of n thousand companies (seed 42); returns the roots to ask about.
 */
async function loadGraph(runner: QueryRunner, graph: string): Promise<Roots> {
  const started = performance.now();
  if (graph === 'seed' || graph === 'default') {
    await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 1000 });
    if (graph === 'default')
      await importShipped(
        runner,
        path.join(projectRoot, 'seed/external'),
        { precedence: DEFAULT_SOURCE_PRECEDENCE, aliasFile: path.join(projectRoot, 'seed/aliases.yaml') },
        () => undefined,
      );
    log(`${graph} graph loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { company: 'openai', partner: 'microsoft', stage: 'model-training', service: 'askup' };
  }
  const companies = Number(graph.slice(0, -1)) * 1000;
  const report = await bulkLoadRecords(runner, generateSeedRecords({ companies, seed: 42 }));
  log(
    `synthetic graph of ${companies} companies: ${report.nodes} nodes, ${report.relationships} relationships, ` +
      `loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // The developer with the most models, the company with the most partnerships, and the first service.
  const [roots] = await runner.read(`
    CALL () { MATCH (c:Company)-[:DEVELOPS]->(m) WITH c, count(m) AS n ORDER BY n DESC, c.id LIMIT 1
              RETURN c.id AS company }
    CALL () { MATCH (c:Company)-[:PARTY_TO]->(p) WITH c, count(p) AS n ORDER BY n DESC, c.id LIMIT 1
              RETURN c.id AS partner }
    CALL () { MATCH (s:Service) RETURN s.id AS service ORDER BY s.id LIMIT 1 }
    RETURN company, partner, service`);
  return {
    company: roots.company as string,
    partner: roots.partner as string,
    stage: 'model-training',
    service: roots.service as string,
  };
}

function parseList(value: string, allowed: readonly string[] | RegExp, option: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const bad = items.filter((item) =>
    Array.isArray(allowed) ? !allowed.includes(item) : !(allowed as RegExp).test(item),
  );
  if (items.length === 0 || bad.length > 0)
    throw new Error(
      `--${option}: ${bad.join(', ') || 'nothing given'} not allowed` +
        (Array.isArray(allowed) ? ` (one or more of ${allowed.join(', ')})` : ''),
    );
  return items;
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10,50' },
      graphs: { type: 'string', default: 'seed,10k' },
      queries: { type: 'string', default: COMPARED_QUERIES.map((query) => query.name).join(',') },
      out: { type: 'string', default: 'BENCHMARKS.md' },
      'cpu-prof': { type: 'string', default: '' },
    },
    strict: true,
  });
  const seconds = Number(values.duration);
  const warmup = Number(values.warmup);
  if (!(seconds >= 1) || !(warmup >= 0)) throw new Error('--duration must be at least 1 second, --warmup at least 0');
  const connections = parseList(values.connections, /^[1-9]\d{0,3}$/, 'connections').map(Number);
  const graphs = parseList(values.graphs, /^(seed|default|[1-9]\d{0,3}k)$/, 'graphs');
  const names = parseList(
    values.queries,
    COMPARED_QUERIES.map((query) => query.name),
    'queries',
  );
  const queries = COMPARED_QUERIES.filter((query) => names.includes(query.name));
  const profiled = values['cpu-prof'] ? parseList(values['cpu-prof'], SERVER_NAMES, 'cpu-prof') : [];
  const profileDir = profiled.length > 0 ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profiles-')) : undefined;
  const loadBefore = os.loadavg();

  const database = await openBenchDatabase(log);
  const children: Partial<Record<ServerName, Child>> = {};
  const counter = await statementCounter(database.runner);
  try {
    for (const name of SERVER_NAMES)
      children[name] = await startChild(name, database.uri, profiled.includes(name) ? profileDir : undefined);
    const urls = Object.fromEntries(SERVER_NAMES.map((name) => [name, children[name]!.url])) as Record<
      ServerName,
      string
    >;
    const measurements: Measurement[] = [];
    const statements: StatementCount[] = [];
    for (const graph of graphs) {
      const roots = await loadGraph(database.runner, graph);
      log(`${graph} graph roots: ${JSON.stringify(roots)}`);
      for (const query of queries) {
        const servers = SERVER_NAMES.filter((server) => server !== 'library' || query.library);
        const answer = await compareAnswers(query, servers, roots, urls, graph);
        log(
          `${graph} ${query.name}: the answers of ${servers.join(', ')} are equal ` +
            `(${(answer.length / 1000).toFixed(1)} kB canonical)`,
        );
        const depth = operationDepth(query.ours.query);
        statements.push({ graph, query: query.name, depth, statements: await counter.count(query, roots) });
        for (const server of servers) {
          if (warmup > 0)
            await measureLoad({
              ...requestOf(server, query, roots, urls[server]),
              connections: Math.max(...connections),
              seconds: warmup,
            });
        }
        for (const count of connections) {
          for (const server of servers) {
            const processes = { server: children[server]!.pid, neo4j: database.pid };
            const load = await measureLoad({
              ...requestOf(server, query, roots, urls[server]),
              connections: count,
              seconds,
              minResponses: 2 * count,
              processes,
            });
            const measurement: Measurement = { graph, query: query.name, connections: count, server, ...load };
            measurements.push(measurement);
            console.log(progressLine(measurement));
          }
        }
      }
    }
    console.log(['', ...comparisonTable(measurements)].join('\n'));
    const neo4jVersion = (
      await database.runner.read(
        "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' " +
          "RETURN versions[0] + ' ' + edition AS version",
      )
    )[0].version as string;
    const file = path.resolve(projectRoot, values.out);
    const facts = runFacts('bench', loadBefore);
    writeBenchmarks(file, {
      command: facts.command,
      date: facts.date,
      commit: facts.commit,
      neo4jVersion,
      loadBefore,
      loadAfter: os.loadavg(),
      seconds,
      warmup,
      connections,
      graphs,
      queries,
      measurements,
      statements,
    });
    log(`wrote ${path.relative(process.cwd(), file) || file}`);
  } finally {
    await Promise.all(Object.values(children).map((child) => child!.stop()));
    await counter.close();
    await database.close();
    if (profileDir)
      log(`CPU profiles of ${profiled.join(', ')} in ${profileDir} (open them in Chrome DevTools, Performance tab)`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});

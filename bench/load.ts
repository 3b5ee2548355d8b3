/**
 * npm run bench:load [-- --connections 100 --duration 60]: many clients at once on a mixed set of the README's
 * queries against the default graph (the seed and the shipped databases, as `npm start` loads them into an empty
 * database). The server runs as `npm start` runs it (a child process, NODE_ENV=production,
 * with its rate limit off, since every client here shares one address); this process only drives the load.
 * Prints requests per second, latency percentiles, errors, and the server's memory at the start and the end.
 */
import { ChildProcess, spawn } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config';
import { SectionRecorder } from './benchmarksFile';
import { documentationText, openBenchDatabase, quantile } from './support';

const log = (line: string) => console.error(`bench: ${line}`);

/**
 * The documented questions (analytics and networks: docs/questions.md, docs/building-dashboards.md) and the
 * playground's saved operations: what users send.
 */
export function mixedQueries(): { name: string; query: string }[] {
  const section = [...documentationText().matchAll(/<!-- questions:start -->([\s\S]*?)<!-- questions:end -->/g)]
    .map((block) => block[1])
    .join('\n');
  const questions = [...section.matchAll(/```graphql\n((?:#.*\n)*)([\s\S]*?)\n```/g)].map((match) => ({
    name: match[1].replace(/^# /, '').trim(),
    query: match[2],
  }));
  const examples = fs
    .readFileSync(path.join(projectRoot, 'examples/operations.graphql'), 'utf8')
    .split(/\n\s*\n/)
    .filter((block) => /^(query|mutation)\s/m.test(block))
    .map((block) => ({ name: /^(?:query|mutation)\s+(\w+)/m.exec(block)![1], query: block.trim() }));
  return [...questions, ...examples];
}

/** Resident memory of a process, in MB, from /proc. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Starts the server as npm start does, over the given Neo4j; resolves with its URL once it is serving. */
function startServer(uri: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--max-semi-space-size=32', path.join(projectRoot, 'dist/src/main.js')], {
    env: { ...process.env, NEO4J_URI: uri, PORT: '0', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      log(line);
      const match = /server ready at (http:\/\/\S+)/.exec(line);
      if (match) resolve({ child, url: match[1].replace('localhost', '127.0.0.1') });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before serving`)));
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '100' },
      duration: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '20' },
    },
    strict: true,
  });
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  if (![connections, duration, warmup].every((n) => Number.isInteger(n) && n >= 0) || connections < 1 || duration < 1) {
    throw new Error('--connections and --duration must be whole numbers of at least 1, --warmup a whole number');
  }
  const queries = mixedQueries();
  const recorder = new SectionRecorder('bench:load');
  const database = await openBenchDatabase(log);
  let server: ChildProcess | undefined;
  try {
    const started = await startServer(database.uri);
    server = started.child;
    const pid = server.pid!;
    // Every query answers without errors before the load starts.
    for (const { name, query } of queries) {
      const response = await fetch(started.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || body.errors)
        throw new Error(`${name}: ${response.status} ${JSON.stringify(body.errors)}`);
    }
    const requests = queries.map(({ query }) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }));
    const run = async (seconds: number) => {
      let graphqlErrors = 0;
      const latencies: number[] = [];
      let peak = rssMb(pid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
      // The tracker autocannon returns is both an event emitter and a promise of the result.
      const instance = autocannon({
        url: started.url,
        connections,
        duration: seconds,
        timeout: 30,
        requests: requests.map((request) => ({
          ...request,
          onResponse: (status: number, body: string) => {
            if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
          },
        })),
      }) as unknown as EventEmitter & PromiseLike<autocannon.Result>;
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        latencies.push(responseTime),
      );
      const result = await instance;
      clearInterval(sampler);
      latencies.sort((a, b) => a - b);
      return { result, graphqlErrors, latencies, peak };
    };

    if (warmup > 0) {
      log(`warming up for ${warmup} s`);
      await run(warmup);
    }
    const before = rssMb(pid);
    log(`${connections} connections for ${duration} s over ${queries.length} queries`);
    const { result, graphqlErrors, latencies, peak } = await run(duration);
    const after = rssMb(pid);
    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    const lines = [
      `load: ${connections} connections, ${duration} s, ` +
        `${queries.length} queries from the README and examples/operations.graphql, default graph`,
      `requests       ${result.requests.total} (${result.requests.average.toFixed(0)} per second)`,
      `latency ms     p50 ${quantile(latencies, 0.5).toFixed(1)}  p95 ${quantile(latencies, 0.95).toFixed(1)}  ` +
        `p99 ${quantile(latencies, 0.99).toFixed(1)}  max ${latencies[latencies.length - 1]?.toFixed(1)}`,
      `errors         ${errors} (connection ${result.errors}, ` +
        `timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL ${graphqlErrors})`,
      `server RSS MB  start ${before.toFixed(1)}  end ${after.toFixed(1)}  ` +
        `growth ${(after - before).toFixed(1)}  peak ${peak.toFixed(1)}`,
    ];
    console.log(lines.join('\n'));
    recorder.section('bench:load', "Load test: the README's questions under sustained load");
    if (errors > 0) process.exitCode = 1;
  } finally {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
    await database.close();
  }
}

// Run as a script only: the cluster test imports mixedQueries.
if (require.main === module)
  main().catch((error: unknown) => {
    console.error(`bench: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  });

import { ChildProcess, SpawnOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { appConfig, projectRoot } from '../src/config';
import { QueryRunner } from '../src/db/queryRunner';
import { readSeed } from '../src/seed/loadSeed';
import { createApp } from '../src/server/createApp';
import { freePort } from '../src/neo4j/freePort';
import { readPassword } from '../src/neo4j/startNeo4j';
import { GraphQLBody } from './support/graphqlClient';
import { connectTestRunner, emptyDatabase } from './support/testDatabase';

const seedNodes = readSeed(path.join(projectRoot, 'seed')).nodes;
const seedSize = seedNodes.length;
const seedIds = seedNodes.map((node) => node.id);

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      })
      .on('error', reject);
  });
}

/**
 * Starts `node dist/src/main.js` (what npm start runs), or with `npm` `npm run -s start` itself as the leader of a
 * process group of its own (as in a terminal or under a service manager), and resolves with the URL it says it serves.
 */
function start(
  env: Record<string, string | undefined>,
  { npm = false }: { npm?: boolean } = {},
): {
  child: ChildProcess;
  lines: string[];
  ready: Promise<string>;
} {
  const options: SpawnOptions = { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] };
  const child = npm
    ? spawn('npm', ['run', '-s', 'start'], { ...options, cwd: projectRoot, detached: true })
    : spawn(process.execPath, [path.join(projectRoot, 'dist/src/main.js')], options);
  const lines: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = /server ready at (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]);
    });
    readline.createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    child.once('exit', (code) => reject(new Error(`start exited early with ${code}:\n${lines.join('\n')}`)));
  });
  return { child, lines, ready };
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Kills a process group started with `start(env, { npm: true })`, whatever is left of it. */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The settings under which a /cypher read stays in flight for seconds and a shutdown waits for it. */
const SLOW_READS = { CYPHER_ENDPOINT: '1', CYPHER_TIMEOUT_MS: '60000', SHUTDOWN_GRACE_MS: '30000' };

/** Sends a /cypher read that takes seconds; resolves with when and how it was answered. */
function slowRead(base: string): Promise<{ at: number; status: number; body: unknown }> {
  return fetch(`${base}/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'UNWIND range(1, 60000000) AS x WITH x WHERE x % 3 = 0 RETURN count(x) AS n' }),
  }).then(async (response) => ({ at: Date.now(), status: response.status, body: await response.json() }));
}

/** Whether a process with this id exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('createApp', () => {
  it('answers /health', async () => {
    const runner = await connectTestRunner();
    const served = await createApp(appConfig(), runner);
    try {
      const { port } = await served.listen(0, '127.0.0.1');
      expect(await getJson(`http://127.0.0.1:${port}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      await served.stop();
      await runner.close();
    }
  });

  it('stop() lets a request in flight finish, then refuses connections', async () => {
    const runner = await connectTestRunner();
    const cypherEndpoint = { ...appConfig().cypherEndpoint, enabled: true, timeoutMs: 60_000, rowCap: 10 };
    const served = await createApp(appConfig({ cypherEndpoint, shutdownGraceMs: 60_000 }), runner);
    try {
      const { port } = await served.listen(0, '127.0.0.1');
      let stopped = false;
      const slow = fetch(`http://127.0.0.1:${port}/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'UNWIND range(1, 20000000) AS x WITH x WHERE x % 3 = 0 RETURN count(x) AS n' }),
      }).then(async (response) => ({
        stoppedBefore: stopped,
        status: response.status,
        body: (await response.json()) as { rows: unknown[] },
      }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stopping = served.stop().then(() => (stopped = true));
      const answer = await slow;
      expect(answer).toEqual({
        stoppedBefore: false,
        status: 200,
        body: expect.objectContaining({ rows: [[6666666]] }),
      });
      await stopping;
      expect(served.inFlight()).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      await served.stop();
      await runner.close();
    }
  });
});

describe('npm start', () => {
  it(`with NEO4J_URI: applies the schema, seeds an empty database, serves (on loopback under NODE_ENV=production: \
introspection on, no rate limit, and the start line says so), and stops on Ctrl-C`, async () => {
    const runner = await connectTestRunner();
    await emptyDatabase(runner);
    await runner.write('DROP INDEX entity_names IF EXISTS');
    const app = start({ PORT: '0', NODE_ENV: 'production' });
    try {
      const url = await app.ready;
      expect(url).toMatch(/\/graphql$/);
      expect(await getJson(url.replace(/graphql$/, 'health'))).toEqual({ status: 200, body: { status: 'ok' } });
      // The report's seed, then every shipped database (seed/external), Epoch AI's models among them.
      const [row] = await runner.read(
        `
        MATCH (n:Entity)
        RETURN count(CASE WHEN n.id IN $seedIds THEN 1 END) AS seeded,
               count(CASE WHEN 'epoch-ai-models' IN n.sourceIds THEN 1 END) AS fromEpoch`,
        { seedIds },
      );
      expect(row.seeded).toBe(seedSize);
      expect(row.fromEpoch).toBeGreaterThan(2000);
      const imported = app.lines.flatMap(
        (line) => /^start: ([\w-]+): imported from .* in [\d.]+ s$/.exec(line)?.[1] ?? [],
      );
      expect(imported).toEqual(['epoch-ai-models', 'ecosystem-graphs', 'models-dev', 'epoch-ai-chip-counts']);
      const indexes = await runner.read("SHOW FULLTEXT INDEXES YIELD name WHERE name = 'entity_names' RETURN name");
      expect(indexes).toHaveLength(1);
      expect(app.lines).toContain(`start: using Neo4j at ${process.env.NEO4J_URI}`);
      const [derived] = await runner.read('MATCH ()-[d:DEPENDS_ON]->() RETURN count(d) AS count');
      expect(derived.count).toBeGreaterThan(0);
      const introspection = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      const schemaRoot = ((await introspection.json()) as GraphQLBody).data;
      expect(schemaRoot).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect(app.lines).toContain(
        'start: serving this machine only: introspection on, no rate limit, browsers from http://localhost:*, ' +
          'http://127.0.0.1:*, http://[::1]:*',
      );
      const schema = await getJson(url.replace(/graphql$/, 'playground/schema.json'));
      expect((schema.body as { __schema: { queryType: unknown } }).__schema.queryType).toMatchObject({ name: 'Query' });
      expect(await getJson(url.replace(/graphql$/, 'ready'))).toEqual({ status: 200, body: { status: 'ready' } });
      const exit = exitOf(app.child);
      app.child.kill('SIGINT');
      expect(await exit).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
      await runner.close();
    }
  });

  it('on SIGTERM stops accepting, finishes the requests in flight, and exits 0', async () => {
    const app = start({ PORT: '0', NODE_ENV: 'production', ...SLOW_READS });
    try {
      const url = await app.ready;
      const base = url.replace(/\/graphql$/, '');
      // A read that takes a while (seconds), sent before the signal; and a few GraphQL requests with it.
      const slow = slowRead(base);
      const quick = Array.from({ length: 5 }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ company(id: "openai") { id } }' }),
        }).then((response) => response.status),
      );
      // Long enough for a loaded machine to have read every request; the slow read still runs for seconds after.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const exit = exitOf(app.child);
      const signalled = Date.now();
      app.child.kill('SIGTERM');
      const answer = await slow;
      expect(answer.at).toBeGreaterThan(signalled);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ columns: ['n'], rows: [[20000000]] });
      expect(await Promise.all(quick)).toEqual([200, 200, 200, 200, 200]);
      expect(await exit).toBe(0);
      expect(app.lines.some((line) => /SIGTERM: no new connections/.test(line))).toBe(true);
      expect(app.lines).toContain('start: stopped');
      await expect(fetch(`${base}/health`)).rejects.toThrow();
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it('under npm start, SIGTERM to the process group drains the requests in flight and exits 0', async () => {
    const app = start({ PORT: '0', NODE_ENV: 'production', ...SLOW_READS }, { npm: true });
    try {
      const base = (await app.ready).replace(/\/graphql$/, '');
      const slow = slowRead(base);
      // Long enough for a loaded machine to have read every request; the slow read still runs for seconds after.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const exit = exitOf(app.child);
      const signalled = Date.now();
      process.kill(-app.child.pid!, 'SIGTERM');
      const answer = await slow;
      expect(answer.at).toBeGreaterThan(signalled);
      expect(answer).toMatchObject({ status: 200, body: { rows: [[20000000]] } });
      expect(await exit).toBe(0);
      expect(app.lines).toContain('start: stopped');
    } finally {
      killGroup(app.child);
    }
  });

  it(`without NEO4J_URI: starts its own Neo4j, seeds it, and Ctrl-C to npm start's process group drains the requests \
in flight, then stops both`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-test-'));
    const boltPort = await freePort();
    const app = start(
      {
        NEO4J_URI: '',
        PORT: '0',
        NEO4J_BOLT_PORT: String(boltPort),
        NEO4J_DATA_DIR: dataDir,
        NEO4J_HEAP: '512m',
        NEO4J_PAGECACHE: '64m',
        EXTERNAL_DATABASES: 'epoch-ai-chip-counts',
        ...SLOW_READS,
      },
      { npm: true },
    );
    const connect = () =>
      QueryRunner.connect({
        uri: `bolt://127.0.0.1:${boltPort}`,
        user: 'neo4j',
        password: readPassword(dataDir),
        database: 'neo4j',
      });
    try {
      const base = (await app.ready).replace(/\/graphql$/, '');
      expect(app.lines.some((line) => line.includes(`ready at bolt://127.0.0.1:${boltPort}`))).toBe(true);
      const runner = await connect();
      const [row] = await runner.read('MATCH (n:Entity) WHERE n.id IN $seedIds RETURN count(n) AS count', { seedIds });
      await runner.close();
      expect(row.count).toBe(seedSize);
      // EXTERNAL_DATABASES names the one shipped database imported after the seed.
      const imported = app.lines.flatMap((line) => /^start: ([\w-]+): imported from /.exec(line)?.[1] ?? []);
      expect(imported).toEqual(['epoch-ai-chip-counts']);
      const { pid: jvm } = JSON.parse(fs.readFileSync(path.join(dataDir, 'launcher.json'), 'utf8')) as { pid: number };

      const slow = slowRead(base);
      // Long enough for a loaded machine to have read every request; the slow read still runs for seconds after.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const exit = exitOf(app.child);
      process.kill(-app.child.pid!, 'SIGINT');
      expect(await slow).toMatchObject({ status: 200, body: { rows: [[20000000]] } });
      expect(await exit).toBe(0);
      expect(app.lines).toContain('start: stopped');
      expect(alive(jvm)).toBe(false);
      await expect(connect()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      killGroup(app.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

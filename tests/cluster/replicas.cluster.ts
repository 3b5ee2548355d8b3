/**
 * The replicas as deployed: nginx (Debian's, unprivileged, on loopback ports) serving deploy/nginx/graph-replicas.conf
 * in front of three server processes (dist/src/main.js, started at once over one empty Neo4j), while 50 clients send
 * the README's queries and one editor sends mutations; one replica is killed with SIGKILL in the middle and started
 * again. Run by `npm run test:cluster` (CLUSTER_SECONDS sets the load's length, 60 by default).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { mixedQueries } from '../../bench/load';
import { hashKey } from '../../src/auth/apiKeys';
import { projectRoot } from '../../src/config';
import { freePort } from '../../src/neo4j/freePort';

const SECONDS = Number(process.env.CLUSTER_SECONDS ?? 60);
const CLIENTS = 50;
const EDITOR = 'cluster-editor-key-0123456789';
const HEADER = 'x-neo4j-bookmark';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Replica {
  port: number;
  child: ChildProcess;
  lines: string[];
  ready: Promise<void>;
}

const replicas: Replica[] = [];
let nginx: ChildProcess | undefined;
let dir: string;
let nginxLog: string;

/** Starts one server on `port` as npm start does (NODE_ENV=production), with `env` on top. */
function startReplica(port: number, env: Record<string, string> = {}): Replica {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      API_KEYS: `cluster:editor:${hashKey(EDITOR)}`,
      TRUST_PROXY: 'loopback',
      // nginx enforces the per-client rate for all replicas; every client of this test is 127.0.0.1.
      RATE_LIMIT_PER_MINUTE: '0',
      // The machine running tests may be busy: a Neo4j that answers slowly is not one that is away.
      QUERY_TIMEOUT_MS: '30000',
      LOG_CYPHER: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (/server ready at/.test(line)) resolve();
    });
    readline.createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    child.once('exit', (code, signal) =>
      reject(new Error(`replica on ${port} exited (${code ?? signal}):\n${lines.join('\n')}`)),
    );
  });
  ready.catch(() => undefined);
  return { port, child, lines, ready };
}

/** nginx's main configuration: its own prefix, pid, temp paths and logs in `dir`, in the foreground. */
function nginxMain(dir: string): string {
  const tmp = (name: string) => path.join(dir, 'tmp', name);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${nginxLog} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${tmp('body')};`,
    `  proxy_temp_path ${tmp('proxy')};`,
    `  fastcgi_temp_path ${tmp('fastcgi')};`,
    `  uwsgi_temp_path ${tmp('uwsgi')};`,
    `  scgi_temp_path ${tmp('scgi')};`,
    `  include ${path.join(dir, 'graph-replicas.conf')};`,
    '}',
    '',
  ].join('\n');
}

/** deploy/nginx/graph-replicas.conf with its placeholders filled in (as deploy/nginx/render.sh does). */
function renderReplicasConf(listen: number, ports: number[]): string {
  const template = fs.readFileSync(path.join(projectRoot, 'deploy/nginx/graph-replicas.conf'), 'utf8');
  const servers = ports.map((port) => `server 127.0.0.1:${port} max_fails=3 fail_timeout=2s;`).join('\n    ');
  return template
    .replace('@LISTEN@', `127.0.0.1:${listen}`)
    .replace('@SERVERS@', servers)
    .replace('@RATE@', '100000r/s')
    .replace('@BURST@', '100000');
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(200);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are pinned by expect() below
type Answer = { status: number; headers: Headers; body: any };

async function post(url: string, query: string, variables = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}`, ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // nginx's own pages (502) are HTML
  }
  return { status: response.status, headers: response.headers, body };
}

const UPSERT = `mutation ($input: CompanyInput!) { upsertCompany(input: $input) { changed historyId } }`;
const HISTORY = 'query ($id: ID!) { history(id: $id) { action after } }';
const PROBE = 'cluster-probe';
const SOURCE = {
  id: 'cluster-probe-source',
  name: 'Cluster probe source',
  publisher: 'Probe',
  publishedOn: '2025-01',
  url: 'https://example.org/cluster-probe',
};

beforeAll(async () => {
  const found = spawnSync('nginx', ['-v']);
  if (found.error) throw new Error('nginx is not installed: apt-get install nginx (.ci/run does)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-cluster-'));
  // nginx's workers drop to `nobody` when the test runs as root: they must reach the temp paths.
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'tmp'));
  nginxLog = path.join(dir, 'error.log');
  const ports = [await freePort(), await freePort(), await freePort()];
  // Three replicas started at once over an empty database: each migrates at start (the default), one seeds.
  for (const port of ports) replicas.push(startReplica(port));
  await Promise.all(replicas.map((replica) => replica.ready));
  const listen = await freePort();
  fs.writeFileSync(path.join(dir, 'graph-replicas.conf'), renderReplicasConf(listen, ports));
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxMain(dir));
  nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', nginxLog], { stdio: 'inherit' });
  await waitFor(`http://127.0.0.1:${listen}/health`, 15_000);
  balancer = `http://127.0.0.1:${listen}/graphql`;
}, 600_000);

let balancer: string;

afterAll(async () => {
  // What the servers said, when something failed (the test's errors do not show the servers' side).
  if (process.env.CLUSTER_LOGS === '1') {
    for (const replica of replicas) console.log(`replica ${replica.port}:\n${replica.lines.slice(-40).join('\n')}`);
    if (nginxLog && fs.existsSync(nginxLog)) console.log(`nginx:\n${fs.readFileSync(nginxLog, 'utf8').slice(-8000)}`);
  }
  const stopped = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve));
  const children = [...replicas.map((replica) => replica.child), ...(nginx ? [nginx] : [])];
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map(stopped));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('replicas behind nginx over one Neo4j', () => {
  it('seeded the empty database once, though three replicas migrated at once', () => {
    const seeding = replicas.filter((replica) => replica.lines.some((line) => /database is empty: seeding/.test(line)));
    expect(seeding).toHaveLength(1);
  });

  it("hands a mutation's bookmark to a read on another replica, which sees the write", async () => {
    const [a, b] = replicas.map((replica) => `http://127.0.0.1:${replica.port}/graphql`);
    const source = await post(a, 'mutation ($input: SourceInput!) { addSource(input: $input) { changed } }', {
      input: SOURCE,
    });
    expect(source.body.errors).toBeUndefined();
    const written = await post(a, UPSERT, {
      input: { id: PROBE, name: 'Cluster probe', marketCapUsdBn: 0, sourceIds: [SOURCE.id] },
    });
    expect(written.body.errors).toBeUndefined();
    const bookmark = written.headers.get(HEADER);
    expect(bookmark).toBeTruthy();
    const read = await post(b, `{ company(id: "${PROBE}") { id marketCapUsdBn } }`, {}, { [HEADER]: bookmark! });
    expect(read.body.data.company).toEqual({ id: PROBE, marketCapUsdBn: 0 });
    // Through the balancer too: the header goes both ways.
    const through = await post(balancer, UPSERT, {
      input: { id: PROBE, name: 'Cluster probe', marketCapUsdBn: 0.5, sourceIds: [SOURCE.id] },
    });
    expect(through.headers.get(HEADER)).toBeTruthy();
    const after = await post(
      balancer,
      `{ company(id: "${PROBE}") { marketCapUsdBn } }`,
      {},
      {
        [HEADER]: through.headers.get(HEADER)!,
        'x-graphql-read-only': '1',
      },
    );
    expect(after.body.data.company.marketCapUsdBn).toBe(0.5);
  });

  it(`serves ${CLIENTS} clients for ${SECONDS} s with no failed query while a replica is killed and restarted; \
each mutation is applied once or reports failure`, async () => {
    const queries = mixedQueries().filter(({ query }) => !/^\s*mutation\b/m.test(query));
    expect(queries.length).toBeGreaterThan(5);
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    /** Seconds since the load started, and the moment of the kill, so that a failure can be placed. */
    let killedAt: number | undefined;
    const at = () => `[${((Date.now() - started) / 1000).toFixed(1)} s; kill at ${killedAt ?? '-'}]`;
    const failures: string[] = [];
    let answered = 0;
    const client = async (index: number) => {
      for (let i = index; Date.now() < deadline; i += 1) {
        const { name, query } = queries[i % queries.length];
        try {
          const answer = await post(balancer, query, {}, { 'x-graphql-read-only': '1' });
          if (answer.status !== 200 || answer.body?.errors)
            failures.push(`${at()} ${name}: ${answer.status} ${JSON.stringify(answer.body?.errors ?? answer.body)}`);
          else answered += 1;
        } catch (error) {
          failures.push(`${at()} ${name}: ${(error as Error).message}`);
        }
      }
    };
    // One editor: each mutation sets a value no other sets, so the history tells how often each was applied.
    const mutationMs: number[] = [];
    const mutations: { value: number; applied: boolean; status: string }[] = [];
    const editor = async () => {
      for (let value = 1; Date.now() < deadline; value += 1) {
        let answer: Answer | undefined;
        const sent = Date.now();
        try {
          answer = await post(balancer, UPSERT, {
            input: { id: PROBE, name: 'Cluster probe', marketCapUsdBn: value, sourceIds: [SOURCE.id] },
          });
        } catch {
          // reported as a failure
        }
        mutationMs.push(Date.now() - sent);
        const applied = answer?.status === 200 && !answer.body?.errors && answer.body?.data?.upsertCompany?.changed;
        const code = answer?.body?.errors?.[0]?.extensions?.code;
        mutations.push({
          value,
          applied: applied === true,
          status: `${answer?.status ?? 'no answer'}${code ? ` ${code}` : ''}`,
        });
        // An editor's pace, not a load of writes: each write makes every replica warm its analytics again.
        await sleep(500);
      }
    };
    const chaos = async () => {
      await sleep((SECONDS * 1000) / 2 - 5000);
      const victim = replicas[1];
      victim.child.kill('SIGKILL');
      killedAt = Math.round((Date.now() - started) / 100) / 10;
      await new Promise((resolve) => victim.child.once('exit', resolve));
      await sleep(3000);
      // Back as a replica that does not migrate.
      replicas[1] = startReplica(victim.port, { MIGRATE_ON_START: '0' });
      await replicas[1].ready;
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, index) => client(index)), editor(), chaos()]);

    const failedMutations = mutations.filter((mutation) => !mutation.applied);
    const slowest = Math.max(0, ...mutationMs);
    console.log(
      `cluster: ${answered} queries answered, ${failures.length} failed; ${mutations.length} mutations ` +
        `(slowest ${slowest} ms), ${failedMutations.length} reported failed ` +
        `(${failedMutations.map((m) => m.status).join(', ') || 'none'}); replica killed at ${killedAt} s`,
    );
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(CLIENTS);
    expect(replicas[1].lines.some((line) => line.includes('MIGRATE_ON_START=0'))).toBe(true);

    const history = await post(balancer, HISTORY, { id: PROBE });
    expect(history.body.errors).toBeUndefined();
    const appliedValues = (history.body.data.history as { after: string | null }[])
      .map((record) => (record.after ? (JSON.parse(record.after) as { marketCapUsdBn?: number }).marketCapUsdBn : null))
      .filter((value): value is number => typeof value === 'number' && value >= 1);
    const timesApplied = (value: number) => appliedValues.filter((applied) => applied === value).length;
    for (const mutation of mutations) {
      // Reported applied: in the history once. Reported failed (502 from a killed replica): at most once.
      if (mutation.applied) expect([mutation.value, timesApplied(mutation.value)]).toEqual([mutation.value, 1]);
      else expect(timesApplied(mutation.value)).toBeLessThanOrEqual(1);
    }
    // At least one went through (a busy machine may take seconds for each).
    expect(mutations.filter((mutation) => mutation.applied).length).toBeGreaterThan(0);
  });
});

import path from 'node:path';
import { appConfig, projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import { DEADLINE_GRACE_MS } from '../src/db/deadline';
import { QueryRunner } from '../src/db/queryRunner';
import { loadSeed } from '../src/seed/loadSeed';
import { App, createApp } from '../src/server/createApp';
import { connectTestRunner, emptyDatabase } from './support/testDatabase';

/** A read that keeps Neo4j busy for seconds, longer than TIMEOUT_MS (and that Neo4j's own timeout may not stop). */
const HEAVY = 'RETURN reduce(s = 0, x IN range(1, 300000000) | s + x) AS v';
/** A read that runs until stopped (Neo4j checks for termination between its rows). */
const ENDLESS = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n';
const TIMEOUT_MS = 2000;
/** Time an answer may take beyond its timeout: the client-side deadline's grace, plus 2 s on a busy machine. */
const MARGIN_MS = DEADLINE_GRACE_MS + 2000;
const MAX_BYTES = 1024 * 1024;

let runner: QueryRunner;
const apps: App[] = [];
let base: string;

/** Serves the app with /cypher on (and no rate limit) and the given /cypher settings; returns its base URL. */
async function serve(settings: Partial<ReturnType<typeof appConfig>['cypherEndpoint']>): Promise<string> {
  const cypherEndpoint = { ...appConfig().cypherEndpoint, enabled: true, ...settings };
  const served = await createApp(appConfig({ cypherEndpoint, rateLimitPerMinute: 0 }), runner);
  apps.push(served);
  const { port } = await served.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

async function post(body: unknown, signal?: AbortSignal, at = base) {
  const response = await fetch(`${at}/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text, body: JSON.parse(text) };
}

async function graphql(query: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: unknown } };
}

/** The /cypher transactions Neo4j holds now; without `terminated`, those not yet told to stop. */
const running = async ({ terminated = false } = {}) =>
  (
    await runner.autoCommit(
      "SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.operation = 'POST /cypher' RETURN status",
    )
  ).filter((row) => terminated || !String(row.status).startsWith('Terminated'));

/** Waits until Neo4j has ended every /cypher query (the heavy ones go on after they are terminated). */
const drained = () => until(async () => (await running({ terminated: true })).length === 0, 120_000);

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

beforeAll(async () => {
  runner = await connectTestRunner({ queryTimeoutMs: 5000 });
  await emptyDatabase(runner);
  await applySchema(runner);
  await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 500 });
  base = await serve({ timeoutMs: TIMEOUT_MS, rowCap: 100_000, maxBytes: MAX_BYTES, poolSize: 2, queueSize: 4 });
});

afterAll(async () => {
  for (const served of apps) await served.stop();
  await runner?.close();
});

describe('the /cypher lane', () => {
  it('answers 55 parallel heavy reads in time (408 or 503 BUSY, no 500) while GraphQL and /ready answer', async () => {
    const started = Date.now();
    let heavyDone = false;
    const heavy = Promise.all(
      Array.from({ length: 55 }, async () => {
        const answer = await post({ query: HEAVY });
        return { ...answer, ms: Date.now() - started };
      }),
    ).finally(() => {
      heavyDone = true;
    });
    const others: { graphql: number; ready: number }[] = [];
    while (!heavyDone) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [list, ready] = await Promise.all([
        graphql('{ companies(first: 5) { nodes { id } } }'),
        fetch(`${base}/ready`),
      ]);
      expect(list.body.errors).toBeUndefined();
      others.push({ graphql: list.status, ready: ready.status });
    }
    const answers = await heavy;
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((other) => other.graphql === 200 && other.ready === 200)).toBe(true);
    for (const answer of answers) {
      expect([408, 503]).toContain(answer.status);
      expect(answer.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      if (answer.status === 503) {
        expect(answer.body.error.code).toBe('BUSY');
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      } else expect(answer.body.error.code).toBe('TIMEOUT');
      expect(answer.text).not.toMatch(/pool|conn count|acquisition/i);
    }
    const busy = answers.filter((answer) => answer.status === 503).length;
    expect(busy).toBeGreaterThanOrEqual(55 - 2 - 4);
  }, 120_000);

  it('terminates the query in Neo4j when the client leaves, and serves again', async () => {
    await drained();
    // A timeout far away: only the client's leaving can end the query in time.
    const patient = await serve({ timeoutMs: 600_000 });
    const leave = new AbortController();
    const asked = post({ query: ENDLESS }, leave.signal, patient).catch((error: Error) => error.name);
    expect(await until(async () => (await running()).length === 1, 5000)).toBe(true);
    leave.abort();
    expect(await asked).toBe('AbortError');
    expect(await until(async () => (await running()).length === 0, 5000)).toBe(true);
    expect((await post({ query: 'MATCH (c:Company) RETURN count(c) AS n' }, undefined, patient)).status).toBe(200);
  }, 180_000);

  it('caps an answer of 20 MB at CYPHER_MAX_BYTES of JSON and says so', async () => {
    await drained();
    const { status, text, body } = await post({
      query: "WITH reduce(s = '', x IN range(1, 1000) | s + 'x') AS k UNWIND range(1, 20000) AS i RETURN i, k",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ truncated: true, truncatedBy: 'bytes', maxBytes: MAX_BYTES, rowCap: 100_000 });
    expect(body.rowCount).toBeGreaterThan(900);
    expect(Buffer.byteLength(JSON.stringify(body.rows))).toBeLessThanOrEqual(MAX_BYTES);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_BYTES + 1024);
  }, 60_000);

  it('answers 413 when a single row is larger than CYPHER_MAX_BYTES', async () => {
    const { status, body } = await post({
      query: "WITH reduce(s = '', x IN range(1, 1000) | s + 'x') AS k RETURN [i IN range(1, 2100) | k] AS big",
    });
    expect(status).toBe(413);
    expect(body.error.code).toBe('RESULT_TOO_LARGE');
    expect(body.error.message).toMatch(/larger than 1048576 bytes/);
  });

  it('says a row cap ended the answer when it did', async () => {
    const capped = await serve({ rowCap: 10 });
    const { body } = await post({ query: 'UNWIND range(1, 11) AS i RETURN i' }, undefined, capped);
    expect(body).toMatchObject({ truncated: true, truncatedBy: 'rows', rowCount: 10, rowCap: 10 });
  });
});

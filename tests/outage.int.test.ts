import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import { QueryRunner } from '../src/db/queryRunner';
import { freePort } from '../src/neo4j/freePort';
import { RunningNeo4j, startNeo4j } from '../src/neo4j/startNeo4j';
import { loadSeed } from '../src/seed/loadSeed';
import { codeOf, startTestServer } from './support/graphqlClient';

/**
 * A Neo4j of this test's own (the shared one stays up for the others): stopped while requests stream in, then
 * started again on the same port and data, while one server keeps running over the same driver.
 */
const QUERY = '{ company(id: "openai") { id name models { id } } }';
const TIMEOUT_MS = 5000;

let neo4j: RunningNeo4j | undefined;
let dataDir: string;
let port: number;

const start = async () => {
  neo4j = await startNeo4j({ port, dataDir, heap: '512m', pageCache: '64m' });
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-outage-neo4j-'));
  port = await freePort();
  await start();
});
afterAll(async () => {
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a Neo4j that goes away and comes back', () => {
  it(`answers SERVICE_UNAVAILABLE within the timeout while it is down, says 503 on /ready, and serves again \
without a restart`, async () => {
    const runner = await QueryRunner.connect({
      uri: neo4j!.uri,
      user: 'neo4j',
      password: neo4j!.password,
      database: 'neo4j',
      queryTimeoutMs: TIMEOUT_MS,
    });
    await applySchema(runner);
    await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 500 });
    const server = await startTestServer(runner);
    const ready = () => fetch(server.url.replace('/graphql', '/ready'));
    try {
      const healthy = await server.ok(QUERY);
      expect(healthy.company.id).toBe('openai');

      // A stream of requests, one after another, while Neo4j stops under it.
      const answers: { ms: number; ok: boolean; code?: string; status: number }[] = [];
      let streaming = true;
      const stream = (async () => {
        while (streaming) {
          const started = Date.now();
          const response = await server.gql(QUERY);
          answers.push({
            ms: Date.now() - started,
            ok: response.errors === undefined,
            code: codeOf(response),
            status: response.status,
          });
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await neo4j!.stop();
      neo4j = undefined;
      const down = await until(
        async () => (answers.some((answer) => answer.code === 'SERVICE_UNAVAILABLE') ? true : undefined),
        30_000,
      );
      expect(down).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      streaming = false;
      await stream;

      // Every answer was data (before the stop) or a clear SERVICE_UNAVAILABLE, each within the timeout.
      expect(answers.filter((answer) => !answer.ok && answer.code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
      expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
      expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(TIMEOUT_MS + 1000);
      const failed = await server.gql(QUERY);
      expect(failed.errors![0]).toMatchObject({
        message: 'The graph database is not reachable right now; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });

      const started = Date.now();
      const notReady = await ready();
      expect(Date.now() - started).toBeLessThan(1500);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        status: 'unavailable',
        reason: expect.stringContaining('not reachable'),
        error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('not reachable') },
      });
      expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(200);

      // Back on the same port and data: the same server and driver serve again.
      await start();
      await until(async () => ((await ready()).status === 200 ? true : undefined), 60_000);
      expect(await server.ok(QUERY)).toEqual(healthy);
    } finally {
      await server.close();
      await runner.close();
    }
  }, 400_000);
});

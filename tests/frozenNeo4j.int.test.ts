import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashKey, parseApiKeys } from '../src/auth/apiKeys';
import { appConfig, projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import { DEADLINE_GRACE_MS } from '../src/db/deadline';
import { QueryRunner } from '../src/db/queryRunner';
import { freePort } from '../src/neo4j/freePort';
import { RunningNeo4j, startNeo4j } from '../src/neo4j/startNeo4j';
import { loadSeed } from '../src/seed/loadSeed';
import { App, createApp } from '../src/server/createApp';

const QUERY_TIMEOUT_MS = 2000;
/** Time an answer may take beyond its timeout: the client-side deadline's grace, plus 2 s on a busy machine. */
const MARGIN_MS = DEADLINE_GRACE_MS + 2000;
const EDITOR = 'frozen-test-editor-key';

let neo4j: RunningNeo4j | undefined;
let dataDir: string;
let runner: QueryRunner;
let served: App;
let base: string;
let frozen = false;

/** Sends a request and returns its status, its body as text and how long it took. */
async function timed(route: string, init?: RequestInit) {
  const started = Date.now();
  const response = await fetch(`${base}${route}`, init);
  const text = await response.text();
  return { status: response.status, text, ms: Date.now() - started };
}

const postJson = (route: string, body: unknown, key?: string) =>
  timed(route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

const COMPANIES = { query: '{ companies(first: 3) { nodes { id } } }' };

function thaw(): void {
  if (frozen && neo4j?.child.pid) process.kill(neo4j.child.pid, 'SIGCONT');
  frozen = false;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frozen-neo4j-'));
  neo4j = await startNeo4j({ port: await freePort(), dataDir, heap: '512m', pageCache: '64m' });
  runner = await QueryRunner.connect({
    uri: neo4j.uri,
    user: 'neo4j',
    password: neo4j.password,
    database: 'neo4j',
    queryTimeoutMs: QUERY_TIMEOUT_MS,
  });
  await applySchema(runner);
  await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 500 });
  const cypherEndpoint = { ...appConfig().cypherEndpoint, enabled: true, timeoutMs: QUERY_TIMEOUT_MS };
  const apiKeys = parseApiKeys(`frozen-editor:editor:${hashKey(EDITOR)}`);
  served = await createApp(appConfig({ cypherEndpoint, apiKeys, rateLimitPerMinute: 0 }), runner);
  base = `http://127.0.0.1:${(await served.listen(0, '127.0.0.1')).port}`;
}, 240_000);

afterAll(async () => {
  thaw();
  await served?.stop();
  await runner?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('a frozen Neo4j', () => {
  it('makes GraphQL, mutations, /cypher and /export answer SERVICE_UNAVAILABLE within the timeout', async () => {
    // Answers while Neo4j runs: the requests below are refused for the freeze alone.
    expect(JSON.parse((await postJson('/graphql', COMPANIES)).text).errors).toBeUndefined();
    expect((await postJson('/cypher', { query: 'MATCH (c:Company) RETURN c.id LIMIT 1' })).status).toBe(200);
    process.kill(neo4j!.child.pid!, 'SIGSTOP');
    frozen = true;
    const [query, mutation, cypher, exported] = await Promise.all([
      postJson('/graphql', COMPANIES),
      postJson(
        '/graphql',
        {
          query: 'mutation ($input: CompanyInput!) { upsertCompany(input: $input) { changed } }',
          variables: { input: { id: 'frozen-co', name: 'Frozen Co', sourceIds: ['eximbank-2023-generative-ai'] } },
        },
        EDITOR,
      ),
      postJson('/cypher', { query: 'MATCH (c:Company) RETURN c.id LIMIT 1' }),
      timed('/export/nodes.csv'),
    ]);
    for (const answer of [query, mutation, cypher, exported]) {
      expect(answer.ms).toBeLessThan(QUERY_TIMEOUT_MS + MARGIN_MS);
      expect(answer.text).toMatch(/SERVICE_UNAVAILABLE/);
    }
    expect(JSON.parse(query.text).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.parse(mutation.text).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect([cypher.status, JSON.parse(cypher.text).error.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect([exported.status, JSON.parse(exported.text).error.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
  }, 60_000);

  it('serves again once Neo4j runs again', async () => {
    thaw();
    let answer = await postJson('/graphql', COMPANIES);
    for (let tries = 0; tries < 20 && JSON.parse(answer.text).errors; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      answer = await postJson('/graphql', COMPANIES);
    }
    expect(JSON.parse(answer.text).errors).toBeUndefined();
    expect(JSON.parse(answer.text).data.companies.nodes).toHaveLength(3);
    expect((await postJson('/cypher', { query: 'MATCH (c:Company) RETURN c.id LIMIT 1' })).status).toBe(200);
  }, 60_000);
});

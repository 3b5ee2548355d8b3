import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { parse } from 'yaml';
import { AppConfig, appConfig, projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import { QueryRunner } from '../src/db/queryRunner';
import { loadSeed } from '../src/seed/loadSeed';
import { CypherEndpointOptions, cypherRouter } from '../src/server/cypher/cypherRouter';
import { screenPlan } from '../src/server/cypher/screenPlan';
import { createApp } from '../src/server/createApp';
import { connectTestRunner, emptyDatabase, graphChecksum } from './support/testDatabase';

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field against literals
  body: any;
}

let runner: QueryRunner;
const servers: Server[] = [];

/** Serves express.json + the router (mounted at /cypher) on a free port; returns a function posting to it. */
async function serve(target: QueryRunner, options: CypherEndpointOptions) {
  const app = express();
  app.use('/cypher', express.json({ limit: '100kb' }), cypherRouter(target, options));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cypher`;
  return async (body: unknown, raw = false): Promise<Answer> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ? (body as string) : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) };
  };
}

let post: Awaited<ReturnType<typeof serve>>;
let postCapped: Awaited<ReturnType<typeof serve>>;
let postQuick: Awaited<ReturnType<typeof serve>>;

const companyIds = (
  parse(fs.readFileSync(path.join(projectRoot, 'seed', 'companies.yaml'), 'utf8')) as { id: string }[]
)
  .map((c) => c.id)
  .sort();

beforeAll(async () => {
  runner = await connectTestRunner();
  await emptyDatabase(runner);
  await applySchema(runner);
  await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 500 });
  post = await serve(runner, { timeoutMs: 20_000, rowCap: 1000 });
  postCapped = await serve(runner, { timeoutMs: 20_000, rowCap: 5 });
  postQuick = await serve(runner, { timeoutMs: 300, rowCap: 1000 });
  // Warm the planner so that the short-timeout router's planning is not what times out.
  await post({ query: 'MATCH (c:Company) RETURN c.id LIMIT 1' });
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await runner.close();
});

describe('reads', () => {
  it('returns columns and rows', async () => {
    const { status, body } = await post({ query: 'MATCH (c:Company) RETURN c.id, c.name ORDER BY c.id LIMIT 3' });
    expect(status).toBe(200);
    expect(body.columns).toEqual(['c.id', 'c.name']);
    expect(body.rows.map((row: unknown[]) => row[0])).toEqual(companyIds.slice(0, 3));
    expect(typeof body.rows[0][1]).toBe('string');
    expect(body).toMatchObject({ rowCount: 3, truncated: false, rowCap: 1000 });
    expect(typeof body.elapsedMs).toBe('number');
  });

  it('passes params (integers as Cypher integers) and serialises nodes', async () => {
    const { status, body } = await post({
      query: 'MATCH (c:Company {id: $id}) RETURN c, 1 + $n AS two LIMIT $n',
      params: { id: companyIds[0], n: 1 },
    });
    expect(status).toBe(200);
    expect(body.rowCount).toBe(1);
    const [node, two] = body.rows[0];
    expect(two).toBe(2);
    expect(node).toEqual({
      elementId: expect.any(String),
      labels: expect.arrayContaining(['Company']),
      properties: expect.objectContaining({ id: companyIds[0] }),
    });
  });

  it('serialises relationships, paths, temporal, spatial and large integers', async () => {
    const { status, body } = await post({
      query: `MATCH p = (a)-[r]->(b) WITH p, r, a, b LIMIT 1
              RETURN p, r, date('2024-01-02') AS d, point({x: 1, y: 2}) AS pt, 9007199254740993 AS big,
                     42 AS small, {k: [1, 'a']} AS m`,
    });
    expect(status).toBe(200);
    const [p, r, d, pt, big, small, m] = body.rows[0];
    expect(r).toEqual({
      elementId: expect.any(String),
      type: expect.any(String),
      start: expect.any(String),
      end: expect.any(String),
      properties: expect.any(Object),
    });
    expect(p).toHaveLength(3);
    expect(p[1]).toEqual(r);
    expect(p[0].elementId).toBe(r.start);
    expect(p[2].elementId).toBe(r.end);
    expect(d).toBe('2024-01-02');
    expect(typeof pt).toBe('string');
    // The project's runner decodes integers lossily (disableLosslessIntegers): an unsafe one is a number or a string.
    expect(['number', 'string']).toContain(typeof big);
    expect(small).toBe(42);
    expect(m).toEqual({ k: [1, 'a'] });
  });

  it('stops at the row cap and says the result was truncated', async () => {
    const { status, body } = await postCapped({ query: 'UNWIND range(1, 1000000) AS x RETURN x' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ rowCount: 5, truncated: true, rowCap: 5, rows: [[1], [2], [3], [4], [5]] });
    const exact = await postCapped({ query: 'UNWIND range(1, 5) AS x RETURN x' });
    expect(exact.body).toMatchObject({ rowCount: 5, truncated: false });
  });

  it('allows USE of its own database and built-in namespaced functions, and a variable called db', async () => {
    expect((await post({ query: 'USE neo4j MATCH (c:Company) RETURN count(c) AS n' })).status).toBe(200);
    expect(
      (
        await post({
          query:
            "RETURN duration.between(date('2024-01-01'), date('2024-02-01')) AS d, " +
            'point.distance(point({x:0,y:0}), point({x:3,y:4})) AS p, duration({hours: 1, seconds: 1.5}) AS t',
        })
      ).body.rows,
    ).toEqual([['P1M', 5, 'PT1H1.5S']]);
    expect(
      (await post({ query: "WITH {name: 'x'} AS db RETURN db.name AS set, 'CALL db.labels()' AS text" })).body.rows,
    ).toEqual([['x', 'CALL db.labels()']]);
  });
});

describe('refusals', () => {
  const refused: [string, string, RegExp][] = [
    ['CREATE', 'CREATE (:Company {id: "evil"})', /writes.*CREATE.*only reads/],
    ['MERGE', 'MERGE (c:Company {id: "evil"}) RETURN c', /writes.*MERGE/],
    ['SET', 'MATCH (c:Company) SET c.name = "x"', /writes.*SET/],
    ['DELETE', 'MATCH ()-[r]->() DELETE r', /writes.*DELETE/],
    ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', /writes.*DETACH DELETE/],
    ['REMOVE', 'MATCH (c:Company) REMOVE c.name', /writes.*REMOVE/],
    ['a write hidden in a subquery', 'MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)', /writes.*SET/],
    ['FOREACH with SET', 'MATCH (n) FOREACH (i IN [1] | SET n.x = i)', /writes.*(FOREACH|SET)/],
    ['db.labels()', 'CALL db.labels()', /procedure.*db\.labels/],
    ['apoc.help', "CALL apoc.help('x')", /procedure.*apoc\.help/],
    ['dbms.components()', 'CALL dbms.components()', /procedure.*dbms\.components/],
    ['an APOC function', "RETURN apoc.text.join(['a', 'b'], ',') AS x", /apoc\.text\.join/],
    ['a quoted APOC namespace', "RETURN `apoc`.text.join(['a'], ',') AS x", /apoc\.text\.join/],
    ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /LOAD CSV/],
    ['IN TRANSACTIONS', 'CALL { CREATE (:X) } IN TRANSACTIONS', /IN TRANSACTIONS/],
    ['CREATE INDEX', 'CREATE INDEX evil FOR (n:Company) ON (n.evil)', /administration or schema command.*CREATE INDEX/],
    ['DROP CONSTRAINT', 'DROP CONSTRAINT evil IF EXISTS', /administration/],
    ['CREATE DATABASE', 'CREATE DATABASE evil', /administration.*CREATE DATABASE/],
    ['SHOW USERS', 'SHOW USERS', /administration command \(SHOW USERS\)/],
    ['SHOW INDEXES', 'SHOW INDEXES', /SHOW INDEXES/],
    ['TERMINATE', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", /TERMINATE/],
    ['USE system', 'USE system SHOW USERS', /another database \(USE system\)/],
    ['USE in a subquery', 'CALL { USE system MATCH (n) RETURN n } RETURN n', /another database/],
  ];

  let before: string;
  beforeAll(async () => {
    before = await graphChecksum(runner);
  });
  afterAll(async () => {
    expect(await graphChecksum(runner)).toBe(before);
    expect((await runner.read('MATCH (c:Company {id: "evil"}) RETURN c')).length).toBe(0);
  });

  it.each(refused)('refuses %s with 403 and a reason', async (_name, query, reason) => {
    const { status, body } = await post({ query });
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.message).toMatch(reason);
  });

  it('refuses a query over 10 KB with 400', async () => {
    const query = `RETURN 1 AS x // ${'ü'.repeat(5200)}`; // 5 200 characters, over 10 240 bytes
    expect(query.length).toBeLessThan(10_240);
    const { status, body } = await post({ query });
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/bytes/) });
  });

  it.each([
    ['no query', {}, /missing/],
    ['an empty query', { query: '  ' }, /empty/],
    ['a query that is not a string', { query: 42 }, /must be a string/],
    ['params that are not an object', { query: 'RETURN 1', params: [1] }, /params.*object/],
    ['a body that is not an object', [1, 2], /JSON object/],
    ['an EXPLAIN prefix', { query: 'EXPLAIN MATCH (n) RETURN n' }, /EXPLAIN/],
  ])('answers %s with 400', async (_name, body, reason) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('BAD_REQUEST');
    expect(answer.body.error.message).toMatch(reason);
  });
});

describe('the plan check alone (behind the text check)', () => {
  /** Screens `query` by its EXPLAIN plan only, as the router does after the text check. */
  async function planVerdict(query: string) {
    return screenPlan(query, await runner.explain(query, {}, { timeoutMs: 30_000 }), runner.database);
  }

  it.each([
    ['CREATE (:X)', /writes.*CREATE/],
    ['MERGE (:X)', /writes.*MERGE/],
    ['MATCH (n) SET n.x = 1', /writes.*SET/],
    ['MATCH ()-[r]->() DELETE r', /writes.*DELETE/],
    ['MATCH (n) DETACH DELETE n', /writes.*DETACH DELETE/],
    ['MATCH (n) REMOVE n:X', /writes.*REMOVE/],
    ['MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)', /writes.*SET/],
    ['MATCH (n) FOREACH (i IN [1] | SET n.x = i)', /writes/],
    ['CALL db.labels()', /procedure \(db\.labels\(\)\)/],
    ["CALL apoc.util.validate(false, 'x', [])", /procedure \(apoc\.util\.validate/],
    ['CALL dbms.components()', /procedure \(dbms\.components/],
    ["RETURN apoc.date.convertFormat('2024-01-02', 'date', 'basic_date') AS x", /apoc\.date\.convertFormat/],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /LOAD CSV/],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n', /IN TRANSACTIONS/],
    ['CREATE INDEX evil FOR (n:Company) ON (n.evil)', /schema.*CreateIndex/],
    ['SHOW INDEXES', /ShowIndexes/],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", /TerminateTransactions/],
  ])('refuses %s', async (query, reason) => {
    const verdict = await planVerdict(query);
    expect(verdict).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(verdict!.message).toMatch(reason);
  });

  it('lets reads through', async () => {
    expect(
      await planVerdict(
        'MATCH (c:Company)-[r]->(x) WHERE c.id IN $ids ' +
          'RETURN c, r, point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})) AS d',
      ),
    ).toBeUndefined();
  });
});

describe('failures', () => {
  it("answers a syntax error with 400 and Neo4j's message, without a stack", async () => {
    const { status, body } = await post({ query: 'MATCH (n RETURN n' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/Neo4j rejected the query: .*Invalid input/);
    expect(body.error.message).not.toMatch(/\n| {4}at /);
  });

  it('answers a missing parameter with 400', async () => {
    const { status, body } = await post({ query: 'RETURN $missing AS x' });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/missing/i);
  });

  it('stops a query that runs past the timeout with 408, then keeps serving', async () => {
    const { status, body } = await postQuick({
      query: 'UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(*)',
    });
    expect(status).toBe(408);
    expect(body.error).toEqual({ code: 'TIMEOUT', message: 'the query ran longer than 300 ms and was stopped' });
    expect((await postQuick({ query: 'RETURN 1 AS one' })).body.rows).toEqual([[1]]);
  });

  it('answers 503 when Neo4j is unreachable', async () => {
    const unreachable = QueryRunner.open({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      database: 'neo4j',
      queryTimeoutMs: 2000,
    });
    try {
      const postNowhere = await serve(unreachable, { timeoutMs: 1000, rowCap: 10 });
      const { status, body } = await postNowhere({ query: 'RETURN 1' });
      expect(status).toBe(503);
      expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.error.message).toMatch(/not reachable/);
    } finally {
      await unreachable.close();
    }
  });
});

describe('the app', () => {
  it('serves POST /cypher only when asked to (CYPHER_ENDPOINT=1)', async () => {
    const ask = async (cypherEndpoint: AppConfig['cypherEndpoint']) => {
      const served = await createApp(appConfig({ cypherEndpoint }), runner);
      try {
        const { port } = await served.listen(0, '127.0.0.1');
        const response = await fetch(`http://127.0.0.1:${port}/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'MATCH (c:Company) RETURN count(c) AS n' }),
        });
        return { status: response.status, body: await response.text() };
      } finally {
        await served.stop();
      }
    };
    expect((await ask({ ...appConfig().cypherEndpoint, enabled: false, timeoutMs: 5000, rowCap: 10 })).status).toBe(
      404,
    );
    const on = await ask({ ...appConfig().cypherEndpoint, enabled: true, timeoutMs: 5000, rowCap: 10 });
    expect(on.status).toBe(200);
    expect(JSON.parse(on.body)).toMatchObject({ columns: ['n'], rowCount: 1, truncated: false });
  });
});

describe('input the screens refuse', () => {
  /** A body whose parameter is a list nested `depth` deep, written out (JSON.stringify would overflow). */
  const nested = (depth: number) =>
    `{"query": "RETURN $deep AS d", "params": {"deep": ${'['.repeat(depth)}1${']'.repeat(depth)}}}`;

  it.each([5000, 20_000])('refuses parameters nested %i levels deep with 400, naming where', async (depth) => {
    const { status, body } = await post(nested(depth), true);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/^"params" nest deeper than 32 levels at \$deep\[0\]\[0\]/);
  });

  it.each(['MATCH (n:Company) C\\u0052EATE (:X) RETURN n', '\\u0045XPLAIN MATCH (n:Company) RETURN n'])(
    'refuses %s with 400 before Neo4j decodes the escape',
    async (query) => {
      const before = await graphChecksum(runner);
      const { status, body } = await post({ query });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/write the character itself or pass the value as a parameter/);
      expect(await graphChecksum(runner)).toBe(before);
    },
  );
});

describe('retired entities and the history', () => {
  let postReader: Awaited<ReturnType<typeof serve>>;
  let postEditor: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    await runner.write(
      "CREATE (:Company {id: 'lane-test-public'})-[:LANE_TEST]->(:Retired {id: 'lane-test-retired', by: 'ed'}), " +
        "(:HistoryRecord {id: 'lane-test-history', by: 'ed'})",
    );
    postReader = await serve(runner, { timeoutMs: 20_000, rowCap: 1000, isEditor: () => false });
    postEditor = await serve(runner, { timeoutMs: 20_000, rowCap: 1000, isEditor: () => true });
  });
  afterAll(async () => {
    await runner.write("MATCH (n) WHERE n.id STARTS WITH 'lane-test-' DETACH DELETE n");
  });

  it.each([
    'MATCH (n:Retired) RETURN n.by',
    'MATCH (h:HistoryRecord) RETURN h.by',
    "MATCH (n) WHERE n.id = 'lane-test-retired' RETURN n",
    'MATCH (n:Company) WHERE n:Retired RETURN n',
  ])('refuses %s to a caller without an editor key, and answers an editor', async (query) => {
    const refused = await postReader({ query });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/retired entities and the edit history are for editors/);
    expect((await postEditor({ query })).status).toBe(200);
  });

  it('withholds rows holding a retired node from a caller without an editor key', async () => {
    const query = "MATCH (:Company {id: 'lane-test-public'})-[:LANE_TEST]->(b) RETURN b";
    const reader = await postReader({ query });
    expect(reader.status).toBe(200);
    expect(reader.body).toMatchObject({ rows: [], rowCount: 0, withheld: 1 });
    const editor = await postEditor({ query });
    expect(editor.body).toMatchObject({ rowCount: 1, withheld: 0 });
    expect(editor.body.rows[0][0].labels).toEqual(['Retired']);
  });
});

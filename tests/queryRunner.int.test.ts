import { APPLICATION, QueryRunner, TransactionScope } from '../src/db/queryRunner';
import { startTestServer } from './support/graphqlClient';
import { connectTestRunner } from './support/testDatabase';

let runner: QueryRunner;
const lines: string[] = [];

beforeAll(async () => {
  runner = await connectTestRunner({ log: (line) => lines.push(line) });
});

afterAll(async () => {
  await runner.close();
});

beforeEach(() => {
  lines.length = 0;
});

describe('logging (LOG_CYPHER=1)', () => {
  it('writes one line per statement sent, by every way of sending one', async () => {
    await runner.read('// name: test/read\nUNWIND range(1, $n) AS x RETURN x', { n: 3 });
    await runner.write('MERGE (p:LogProbe {id: $id}) RETURN p.id AS id', { id: 'probe' });
    await runner.inWriteTransaction(async (tx) => {
      await tx.run('MATCH (p:LogProbe {id: $id}) SET p.seen = true', { id: 'probe' });
      await tx.run('MATCH (p:LogProbe) RETURN p.id AS id');
    });
    await runner.autoCommit('MATCH (p:LogProbe) CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10 ROWS');
    const streamed: unknown[] = [];
    for await (const row of runner.stream('UNWIND range(1, 4) AS x RETURN x')) streamed.push(row.x);
    const plan = await runner.explain('MATCH (n) RETURN n', {}, { timeoutMs: 30_000 });
    const capped = await runner.readCapped('UNWIND range(1, 10) AS x RETURN x', {}, { timeoutMs: 30_000, rowCap: 2 });
    await runner.version();
    expect(await runner.ping(30_000)).toBeUndefined();

    expect(streamed).toEqual([1, 2, 3, 4]);
    expect(plan.queryType).toBe('r');
    expect(capped).toEqual({ columns: ['x'], rows: [[1], [2]], truncated: true, truncatedBy: 'rows', bytes: 7 });
    const shown = lines.map((line) => line.replace(/ \d+ ms /, ' _ ms '));
    expect(shown).toEqual([
      'cypher test/read {"n":3} _ ms 3 rows',
      'cypher MERGE (p:LogProbe {id: $id}) RETURN p.id AS id {"id":"probe"} _ ms 1 rows',
      'cypher MATCH (p:LogProbe {id: $id}) SET p.seen = true {"id":"probe"} _ ms 0 rows',
      'cypher MATCH (p:LogProbe) RETURN p.id AS id {} _ ms 1 rows',
      'cypher MATCH (p:LogProbe) CALL (p) { DETACH DELETE p } IN TRANSACTI… {} _ ms 0 rows',
      'cypher UNWIND range(1, 4) AS x RETURN x {} _ ms 4 rows',
      'cypher EXPLAIN MATCH (n) RETURN n {} _ ms 0 rows',
      'cypher UNWIND range(1, 10) AS x RETURN x {} _ ms 2 rows',
      'cypher RETURN 1 {} _ ms 1 rows',
      'cypher RETURN 1 {} _ ms 1 rows',
    ]);
  });

  it('writes a line for a statement that fails, with the code it failed with', async () => {
    await expect(runner.read('MATCH (n RETURN n')).rejects.toMatchObject({ code: 'BAD_QUERY' });
    expect(lines).toEqual([
      expect.stringMatching(/^cypher MATCH \(n RETURN n \{\} \d+ ms failed Neo\.ClientError\.Statement\.SyntaxError$/),
    ]);
  });
});

describe('transaction metadata', () => {
  const SHOW = 'SHOW TRANSACTIONS YIELD metaData RETURN metaData';

  it("names the application on every transaction, and a scoped runner's operation too", async () => {
    const plain = (await runner.read(SHOW)).map((row) => row.metaData);
    expect(plain).toContainEqual({ app: APPLICATION });
    const scoped = (await runner.scoped({ operation: 'CompanyPage' }).read(SHOW)).map((row) => row.metaData);
    expect(scoped).toContainEqual({ app: APPLICATION, operation: 'CompanyPage' });
  });

  it('names the operation in write transactions and streams of a scoped runner', async () => {
    const scoped = runner.scoped({ operation: 'addSource' });
    const [written] = await scoped.inWriteTransaction((tx) =>
      tx.run('CALL tx.getMetaData() YIELD metadata RETURN metadata'),
    );
    expect(written.metadata).toEqual({ app: APPLICATION, operation: 'addSource' });
    const streamed: unknown[] = [];
    for await (const row of scoped.stream('CALL tx.getMetaData() YIELD metadata RETURN metadata'))
      streamed.push(row.metadata);
    expect(streamed).toEqual([{ app: APPLICATION, operation: 'addSource' }]);
  });
});

describe('a GraphQL request', () => {
  it("gets a runner scoped to its operation's name, or to 'anonymous' without one", async () => {
    const scopes: string[] = [];
    const watched = Object.assign(Object.create(runner) as QueryRunner, {
      scoped: (scope: TransactionScope) => {
        scopes.push(scope.operation);
        return runner.scoped(scope);
      },
    });
    const server = await startTestServer(watched);
    try {
      const named = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query CompanyPage { __typename }', operationName: 'CompanyPage' }),
      });
      expect(named.status).toBe(200);
      expect((await server.gql('{ __typename }')).errors).toBeUndefined();
    } finally {
      await server.close();
    }
    expect(scopes).toEqual(['CompanyPage', 'anonymous']);
  });
});

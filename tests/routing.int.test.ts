import { loadConfig } from '../src/config';
import type { QueryRunner } from '../src/db/queryRunner';
import { connectTestRunner } from './support/testDatabase';

// The test Neo4j is one server: neo4j:// asks it for a routing table (as a cluster member or Aura would answer) and
// sends reads and writes by it, so what the routing driver does with access modes is exercised for real.
const routingUri = () => process.env.NEO4J_URI!.replace(/^bolt:/, 'neo4j:');

describe.each([
  ['bolt://', () => process.env.NEO4J_URI!],
  ['neo4j:// (routing)', routingUri],
])('over %s', (_name, uri) => {
  let runner: QueryRunner;
  beforeAll(async () => {
    runner = await connectTestRunner({ uri: uri() });
  });
  afterAll(() => runner?.close());

  it('runs reads as read transactions: a write sent as a read is refused (FORBIDDEN)', async () => {
    await expect(runner.read("CREATE (:RoutingProbe {id: 'read'})")).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const streamed = async () => {
      for await (const row of runner.stream("CREATE (p:RoutingProbe {id: 'stream'}) RETURN p.id AS id")) void row;
    };
    await expect(streamed()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [{ n }] = await runner.read('MATCH (p:RoutingProbe) RETURN count(p) AS n');
    expect(n).toBe(0);
  });

  it('runs writes as write transactions, and reads what they wrote', async () => {
    await runner.write("CREATE (:RoutingProbe {id: 'write'})");
    await runner.inWriteTransaction((tx) => tx.run("MATCH (p:RoutingProbe {id: 'write'}) SET p.seen = true"));
    const rows = await runner.read('MATCH (p:RoutingProbe) RETURN p.id AS id, p.seen AS seen');
    expect(rows).toEqual([{ id: 'write', seen: true }]);
    await runner.write('MATCH (p:RoutingProbe) DELETE p');
  });
});

describe('NEO4J_URI', () => {
  it('takes the routing schemes of a cluster and of Aura', () => {
    for (const uri of ['neo4j://cluster.example.org:7687', 'neo4j+s://abcd1234.databases.neo4j.io', 'neo4j+ssc://h'])
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/^NEO4J_URI: expected neo4j:\/\//);
  });
});

import { cypherFile } from '../src/db/cypherFile';
import type { QueryRunner } from '../src/db/queryRunner';
import { startSeededServer, startTestServer } from './support/graphqlClient';
import { connectTestRunner } from './support/testDatabase';

// Two servers over one Neo4j, each with its own driver and snapshot cache: replicas A and B.
let a: Awaited<ReturnType<typeof startSeededServer>>;
let bRunner: QueryRunner;
let b: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  a = await startSeededServer();
  bRunner = await connectTestRunner();
  b = await startTestServer(bRunner);
});
afterAll(async () => {
  await b?.close();
  await bRunner?.close();
  await a?.close();
});

const SYSTEMIC = '{ systemicImportance(first: 3) { company { id } rank betweennessMethod { nodes pivots } } }';
const KEY = JSON.stringify(['systemicImportance', null]);
const stored = async () =>
  a.runner.read('MATCH (s:AnalyticsSnapshot {key: $key}) RETURN s.inputs AS inputs, s.result AS result', {
    key: KEY,
  });

describe('whole-graph analytics shared through Neo4j', () => {
  it('are computed by one server, stored with the digest of their inputs, answered from there by another', async () => {
    const first = await a.ok(SYSTEMIC);
    const [snapshot] = await stored();
    expect(snapshot.inputs).toMatch(/^[0-9a-f]{64}$/);
    const result = JSON.parse(snapshot.result as string);
    expect(result.ranks.slice(0, 3).map((rank: { id: string }) => rank.id)).toEqual(
      first.systemicImportance.map((rank: { company: { id: string } }) => rank.company.id),
    );
    // Marked, so that an answer from the stored result can be told from one computed afresh.
    const marked = { ...result, method: { ...result.method, pivots: 424242 } };
    await a.runner.write('MATCH (s:AnalyticsSnapshot {key: $key}) SET s.result = $result', {
      key: KEY,
      result: JSON.stringify(marked),
    });
    const second = await b.ok(SYSTEMIC);
    expect(second.systemicImportance[0].betweennessMethod.pivots).toBe(424242);
    expect(second.systemicImportance.map((rank: { company: { id: string } }) => rank.company.id)).toEqual(
      first.systemicImportance.map((rank: { company: { id: string } }) => rank.company.id),
    );
  });

  it('are computed afresh once a write changes the graph they were computed from', async () => {
    await a.runner.write("CREATE (:Entity:Company {id: 'shared-analytics-probe', name: 'Probe'})");
    const answer = await b.ok(SYSTEMIC);
    expect(answer.systemicImportance[0].betweennessMethod.pivots).not.toBe(424242);
    const [snapshot] = await stored();
    expect(JSON.parse(snapshot.result as string).method.pivots).not.toBe(424242);
    await a.runner.write("MATCH (n {id: 'shared-analytics-probe'}) DELETE n");
  });

  it('are not part of the graph: exports and the emptiness checks leave them out', async () => {
    expect((await stored()).length).toBe(1);
    const [{ nodes }] = await a.runner.read(
      'MATCH (n) WHERE NOT n:Retired AND NOT n:HistoryRecord AND NOT n:AnalyticsSnapshot RETURN count(n) AS nodes',
    );
    const csv = await (await fetch(a.url.replace('/graphql', '/export/nodes.csv'))).text();
    expect(csv).toContain('Company');
    expect(csv).not.toContain('AnalyticsSnapshot');
    const [counts] = await a.runner.read(cypherFile('exports/counts'));
    expect(counts.nodes).toBe(nodes);
    const [all] = await a.runner.read(cypherFile('seed/count-all'));
    const [{ total }] = await a.runner.read('MATCH (n) RETURN count(n) AS total');
    expect(all.nodes).toBe(Number(total) - 1);
  });
});

import path from 'node:path';
import { appConfig, projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import type { QueryRunner } from '../src/db/queryRunner';
import { loadSeed } from '../src/seed/loadSeed';
import { App, createApp } from '../src/server/createApp';
import type { AnswerData } from './support/graphqlClient';
import { connectTestRunner, emptyDatabase } from './support/testDatabase';

let runner: QueryRunner;
/** Another connection: its writes are another process's, which this server hears of only by polling. */
let other: QueryRunner;
let served: App;
let url: string;

const POLL_MS = 300;

beforeAll(async () => {
  runner = await connectTestRunner();
  other = await connectTestRunner();
  await emptyDatabase(runner);
  await applySchema(runner);
  await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 500 });
  served = await createApp(
    appConfig({ traceCypher: true, rateLimitPerMinute: 0, analyticsWarmIntervalMs: POLL_MS }),
    runner,
  );
  const { port } = await served.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}/graphql`;
});

afterAll(async () => {
  await served.stop();
  await other.close();
  await runner.close();
});

/** Posts an operation that must succeed; returns its data and the Cypher statements it ran. */
async function post(query: string): Promise<{ data: AnswerData; statements: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data: AnswerData;
    errors?: unknown[];
    extensions: { cypher: { statements: number } };
  };
  expect(body.errors).toBeUndefined();
  return { data: body.data, statements: body.extensions.cypher.statements };
}

const SYSTEMIC = '{ systemicImportance(first: 100) { company { id } dependentServices betweennessMethod { exact } } }';
const CONCENTRATIONS = ['MODELS', 'SERVICES', 'MARKET_CAP', 'ADOPTERS', 'TRAINING_COMPUTE', 'HOSTED_MODELS', 'COMPUTE']
  .flatMap((measure) => ['COMPANY', 'COUNTRY', 'BLOC'].map((groupBy) => [measure, groupBy]))
  .map(([measure, groupBy]) => `{ concentration(measure: ${measure}, groupBy: ${groupBy}) { hhi shares { key } } }`);

/** The services that depend on `company`, per the served ranks. */
const dependentServices = (data: AnswerData, company: string) =>
  (data.systemicImportance as { company: { id: string }; dependentServices: number }[]).find(
    (row) => row.company.id === company,
  )?.dependentServices;

/** A new service depending on an existing model: a write that changes who depends on the model's developer. */
const addService = (id: string) =>
  `MATCH (m:FoundationModel {id: 'gpt-4'}) ` +
  `CREATE (s:Entity:Service {id: '${id}', name: '${id}', sourceIds: ['eximbank-2023-generative-ai']}) ` +
  `CREATE (s)-[:BUILT_ON]->(m) CREATE (s)-[:DEPENDS_ON {relation: 'BUILT_ON'}]->(m)`;

/** Waits until `check` holds, polling every 50 ms, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('warming the whole-graph analytics', () => {
  it('answers every warmed analytic from the cache once the start-up warming ends: one statement each', async () => {
    expect(await served.analyticsWarmed()).toBe(await runner.version());
    for (const query of [SYSTEMIC, ...CONCENTRATIONS]) expect((await post(query)).statements).toBe(1);
  });

  it('warms again after this server commits: the first request after the change reads only the version', async () => {
    const before = await post(SYSTEMIC);
    const was = dependentServices(before.data, 'openai')!;
    expect(was).toBeGreaterThan(0);
    // The path a mutation takes: a write transaction through the server's runner.
    await runner.inWriteTransaction((tx) => tx.run(addService('warm-test-service-1')));
    // Warming stores the ranks it computed for the other servers (a write of its own): it ends at the version after.
    await eventually(async () => (await served.analyticsWarmed()) === (await runner.version()), 30_000);
    const after = await post(SYSTEMIC);
    expect(after.statements).toBe(1);
    expect(dependentServices(after.data, 'openai')).toBe(was + 1);
    for (const query of CONCENTRATIONS) expect((await post(query)).statements).toBe(1);
  });

  it('warms after a write by another process, found by polling the version', async () => {
    const was = dependentServices((await post(SYSTEMIC)).data, 'openai')!;
    const version = await other.version();
    await other.write(addService('warm-test-service-2'));
    // The server did not commit it: only the poll (every 300 ms here) finds it.
    await eventually(async () => {
      const warmed = await served.analyticsWarmed();
      return warmed !== version && warmed === (await other.version());
    }, 30_000);
    const after = await post(SYSTEMIC);
    expect(after.statements).toBe(1);
    expect(dependentServices(after.data, 'openai')).toBe(was + 1);
  });

  it('computes afresh without warming: a server that does not warm runs the statements itself', async () => {
    const cold = await createApp(appConfig({ traceCypher: true, rateLimitPerMinute: 0, analyticsWarm: false }), runner);
    const { port } = await cold.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SYSTEMIC }),
      });
      const body = (await response.json()) as { extensions: { cypher: { statements: number } } };
      expect(body.extensions.cypher.statements).toBeGreaterThan(1);
      expect(await cold.analyticsWarmed()).toBeUndefined();
    } finally {
      await cold.stop();
    }
  });
});

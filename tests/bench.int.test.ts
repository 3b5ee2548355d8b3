import path from 'node:path';
import { compareAnswers, postJson } from '../bench/compare/compareAnswers';
import { COMPARED_QUERIES } from '../bench/compare/comparedQueries';
import { ComparedServer, startComparedServer } from '../bench/compare/comparedServers';
import { SERVER_NAMES, ServerName } from '../bench/compare/comparisonTable';
import { operationDepth } from '../bench/compare/operationDepth';
import { projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import type { QueryRunner } from '../src/db/queryRunner';
import { loadSeed } from '../src/seed/loadSeed';
import { startTestServer } from './support/graphqlClient';
import { connectTestRunner, emptyDatabase } from './support/testDatabase';

const roots = { company: 'openai', partner: 'microsoft', stage: 'model-training', service: 'askup' };

describe('npm run bench: the three servers on the seed graph', () => {
  let runner: QueryRunner;
  const servers: Partial<Record<ServerName, ComparedServer>> = {};
  let traced: Awaited<ReturnType<typeof startTestServer>>;
  let tracedUrl: string;

  beforeAll(async () => {
    runner = await connectTestRunner();
    await emptyDatabase(runner);
    await applySchema(runner);
    await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 500 });
    const connection = {
      uri: process.env.NEO4J_URI!,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    };
    for (const name of SERVER_NAMES) servers[name] = await startComparedServer(name, connection);
    traced = await startTestServer(runner);
    tracedUrl = traced.url;
  });

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server!.close()));
    await traced.close();
    await runner.close();
  });

  it.each(COMPARED_QUERIES.map((query) => [query.name, query] as const))(
    '%s: every server gives the same answer',
    async (_name, query) => {
      const urls = Object.fromEntries(SERVER_NAMES.map((name) => [name, servers[name]!.url])) as Record<
        ServerName,
        string
      >;
      const names = SERVER_NAMES.filter((name) => name !== 'library' || query.library);
      await expect(compareAnswers(query, names, roots, urls, 'seed')).resolves.toMatch(/"id":/);
    },
  );

  it.each(COMPARED_QUERIES.map((query) => [query.name, query] as const))(
    '%s: ours runs at most depth + 1 Cypher statements',
    async (_name, query) => {
      const json = await postJson(
        tracedUrl,
        JSON.stringify({ query: query.ours.query, variables: query.ours.variables(roots) }),
      );
      expect(json.errors).toBeUndefined();
      expect(json.extensions.cypher.statements).toBeLessThanOrEqual(operationDepth(query.ours.query) + 1);
    },
  );

  it('refuses answers that differ, naming where', async () => {
    const urls = Object.fromEntries(SERVER_NAMES.map((name) => [name, servers[name]!.url])) as Record<
      ServerName,
      string
    >;
    const [card] = COMPARED_QUERIES;
    await expect(
      compareAnswers(card, ['ours', 'floor'], roots, urls, 'seed').then(() =>
        compareAnswers(
          { ...card, floor: { ...card.floor, params: () => ({ id: 'naver' }) } },
          ['ours', 'floor'],
          roots,
          urls,
          'seed',
        ),
      ),
    ).rejects.toThrow(/answers differ: company-card on the seed graph, ours versus floor, at character/);
  });
});

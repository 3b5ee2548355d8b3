import path from 'node:path';
import { AppConfig, appConfig, projectRoot } from '../../src/config';
import { applySchema } from '../../src/db/applySchema';
import type { QueryRunner } from '../../src/db/queryRunner';
import { loadSeed } from '../../src/seed/loadSeed';
import { createApp } from '../../src/server/createApp';
import { connectTestRunner, emptyDatabase } from './testDatabase';

/**
 * The data of a GraphQL answer as tests read it: each test walks the fields it asked for and pins them with expect(),
 * so this stays open rather than restating the schema's types for every operation.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loose type for answers; see above
export type AnswerData = Record<string, any>;

/** The JSON body of a GraphQL answer. */
export interface GraphQLBody<T = AnswerData> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cypher?: { statements: number; dbTimeMs: number } };
}

/** A GraphQL answer with its HTTP status. */
export interface GraphQLResponse<T = AnswerData> extends GraphQLBody<T> {
  status: number;
}

/** The code of a response's first error. */
export const codeOf = (response: GraphQLBody) => response.errors?.[0]?.extensions?.code;

/** Settings of the served app that differ from the defaults of src/config.ts. */
export type TestAppOptions = Partial<AppConfig>;

/**
 * Given overrides, returns the settings tests serve with: the defaults, but with the Cypher trace on (tests count
 * statements), no rate limit (a test file sends hundreds of requests from one address in a minute) and no warming
 * of analytics in the background (tests/warmAnalytics.int.test.ts turns it on).
 */
const testAppConfig = (options: TestAppOptions = {}): AppConfig =>
  appConfig({ traceCypher: true, rateLimitPerMinute: 0, analyticsWarm: false, ...options });

/** Serves the app on a free port and returns a function that posts GraphQL operations to it. */
export async function startTestServer(runner: QueryRunner, options: TestAppOptions = {}) {
  const served = await createApp(testAppConfig(options), runner);
  const { port } = await served.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const gql = async <T = AnswerData>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  /** Posts an operation that must succeed and returns its data. */
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const response = await gql(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  return { url, gql, ok, close: served.stop };
}

/** Replaces the test Neo4j's graph with the seed and serves the API over it (for beforeAll); close() stops both. */
export async function startSeededServer(options: TestAppOptions = {}) {
  const runner = await connectTestRunner();
  await emptyDatabase(runner);
  await applySchema(runner);
  await loadSeed(runner, path.join(projectRoot, 'seed'), { reset: true, batchSize: 500 });
  const server = await startTestServer(runner, options);
  return {
    ...server,
    runner,
    close: async () => {
      await server.close();
      await runner.close();
    },
  };
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { applySchema } from '../../src/db/applySchema';
import type { QueryRunner } from '../../src/db/queryRunner';
import { loadSeed } from '../../src/seed/loadSeed';
import { AppDependencies, createApp } from '../../src/server/createApp';
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

/** Settings of the served app besides its runner (tracing is on unless said otherwise). */
export type TestAppOptions = Partial<Omit<AppDependencies, 'runner'>>;

/** Serves the app on a free port and returns a function that posts GraphQL operations to it. */
export async function startTestServer(runner: QueryRunner, options: TestAppOptions = {}) {
  const server: Server = (await createApp({ runner, traceCypher: true, ...options })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
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
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, gql, ok, close };
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

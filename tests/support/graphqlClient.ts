import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueryRunner } from '../../src/db/queryRunner';
import { createApp } from '../../src/server/createApp';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cypher?: { statements: number; dbTimeMs: number } };
}

/** Serves the app on a free port and returns a function that posts GraphQL operations to it. */
export async function startTestServer(runner: QueryRunner) {
  const server: Server = (await createApp({ runner, traceCypher: true })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const gql = async <T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, gql, close };
}

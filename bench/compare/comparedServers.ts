/** The three servers compared, each serving the same Neo4j over HTTP on a free port of 127.0.0.1. */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as ApolloServerModule from '@apollo/server';
import type * as ApolloDisabledPlugins from '@apollo/server/plugin/disabled';
import type * as Express5Integration from '@as-integrations/express5';
import type * as Neo4jGraphQLModule from '@neo4j/graphql';
import neo4j, { Driver } from 'neo4j-driver';
import type * as ConfigModule from '../../src/config';
import type * as QueryRunnerModule from '../../src/db/queryRunner';
import type * as CreateAppModule from '../../src/server/createApp';
import { COMPARED_QUERIES } from './comparedQueries';
import type { ServerName } from './comparisonTable';
import { libraryTypeDefs } from './libraryTypeDefs';

export interface Connection {
  uri: string;
  user: string;
  password?: string;
  database: string;
}

export interface ComparedServer {
  /** Where to send requests: POST {url}/graphql for the GraphQL servers, POST {url}/{query name} for the floor. */
  url: string;
  close(): Promise<void>;
}

/** Every driver the comparison opens has the same pool as our server's (src/db/queryRunner.ts). */
const POOL = { maxConnectionPoolSize: 50, connectionAcquisitionTimeout: 10_000 };

function driverFor(connection: Connection, options: { disableLosslessIntegers?: boolean } = {}): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password ?? ''), {
    ...POOL,
    ...options,
  });
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Loads a module when its server starts: each server loads only its own modules (required, not imported above), so no
 * process carries another's code and heap.
 */
function requireLazily<T>(id: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when a server starts, on purpose
  return require(id) as T;
}

/**
 * Our API as `npm start` serves it (default limits and query timeout; GRAPHQL_JIT=0 times graphql-js's interpreter),
 * without the Cypher trace and rate limit.
 */
async function startOurs(connection: Connection): Promise<ComparedServer> {
  const { QueryRunner } = requireLazily<typeof QueryRunnerModule>('../../src/db/queryRunner');
  const { createApp } = requireLazily<typeof CreateAppModule>('../../src/server/createApp');
  const { appConfig, loadConfig } = requireLazily<typeof ConfigModule>('../../src/config');
  const runner = await QueryRunner.connect(connection);
  const { compiledExecution } = loadConfig();
  const served = await createApp(appConfig({ rateLimitPerMinute: 0, compiledExecution }), runner);
  const { port } = await served.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, close: async () => (await served.stop(), await runner.close()) };
}

/**
 * The Neo4j GraphQL Library 7 on Apollo Server 5 and Express 5, configured as ours is (no landing page, no
 * cache-control plugin).
 */
async function startLibrary(connection: Connection): Promise<ComparedServer> {
  const { ApolloServer } = requireLazily<typeof ApolloServerModule>('@apollo/server');
  const { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } = requireLazily<
    typeof ApolloDisabledPlugins
  >('@apollo/server/plugin/disabled');
  const { expressMiddleware } = requireLazily<typeof Express5Integration>('@as-integrations/express5');
  const { Neo4jGraphQL } = requireLazily<typeof Neo4jGraphQLModule>('@neo4j/graphql');
  const express = requireLazily<typeof import('express')>('express');
  const driver = driverFor(connection);
  const schema = await new Neo4jGraphQL({ typeDefs: libraryTypeDefs, driver }).getSchema();
  const apollo = new ApolloServer({
    schema,
    introspection: true,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database: connection.database } }) }),
  );
  const server = createServer(app);
  return {
    url: await listen(server),
    close: async () => (await stop(server), await apollo.stop(), await driver.close()),
  };
}

/**
 * The floor: node:http, one hand-written statement per query through the same driver, its rows' single column as a
 * JSON list.
 */
async function startFloor(connection: Connection): Promise<ComparedServer> {
  const driver = driverFor(connection, { disableLosslessIntegers: true });
  const statements = new Map(COMPARED_QUERIES.map((query) => [`/${query.name}`, query.floor.cypher]));
  const answer = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const cypher = statements.get(request.url ?? '');
    if (request.method !== 'POST' || !cypher) return answer(response, 404, '{"error":"POST /<query name>"}');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const params = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const { records } = await driver.executeQuery(cypher, params, {
        database: connection.database,
        routing: neo4j.routing.READ,
      });
      answer(response, 200, JSON.stringify(records.map((record) => record.get(0))));
    } catch (error) {
      answer(response, 500, JSON.stringify({ error: (error as Error).message }));
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  return { url: await listen(server), close: async () => (await stop(server), await driver.close()) };
}

/** Given a server's name and the Neo4j to serve, starts it on a free port. */
export function startComparedServer(name: ServerName, connection: Connection): Promise<ComparedServer> {
  return { ours: startOurs, library: startLibrary, floor: startFloor }[name](connection);
}

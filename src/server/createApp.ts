import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { rateLimit } from 'express-rate-limit';
import { SnapshotCache } from '../analytics/snapshotCache';
import { ApiKey, Caller, identify } from '../auth/apiKeys';
import { DEFAULT_LIMITS, QueryLimits } from '../config';
import type { QueryRunner } from '../db/queryRunner';
import { buildSchema } from '../graphql/buildSchema';
import { Context, createContext } from '../graphql/context';
import { formatError } from '../graphql/formatError';
import { queryLimits } from '../graphql/queryLimits';
import { cypherRouter } from './cypher/cypherRouter';
import { dashboardRouter } from './dashboard/dashboardRouter';
import { exportRouter } from './exportRoutes';
import { browserGraphqlPage, playgroundRouter } from './playground/playgroundRouter';
import { responseStatusPlugin } from './responseStatus';

export interface AppDependencies {
  runner: QueryRunner;
  /** Add extensions.cypher = { statements, dbTimeMs } to every response. */
  traceCypher: boolean;
  /** Remember whole-graph analytics while the database is unchanged (default true). */
  analyticsCache?: boolean;
  /** Serve POST /cypher (read-only Cypher) with these limits; absent: not served. */
  cypherEndpoint?: { timeoutMs: number; rowCap: number };
  /** What one GraphQL request may ask for (default DEFAULT_LIMITS). */
  limits?: QueryLimits;
  /** Whether /graphql answers introspection (default true; the playground needs none: it reads /playground/schema.json). */
  introspection?: boolean;
  /** Whether validation errors suggest field names (default true). */
  fieldSuggestions?: boolean;
  /** Requests per minute one client may send to /graphql, /export and /cypher (default 0: no limit). */
  rateLimitPerMinute?: number;
  /** Origins browsers may call the API from (default none but this server's; '*': any). */
  corsOrigins?: string[];
  /** The API keys; mutations need an editor's (default none: nobody may edit). */
  apiKeys?: ApiKey[];
  /** Queries, exports and /cypher need a key too (default false). */
  requireKeyForReads?: boolean;
}

/** How long /ready waits for Neo4j to answer. */
export const READY_TIMEOUT_MS = 1000;

/** Reports the request's Cypher statement count and database time in the response's extensions. */
const traceCypherPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const { statements, dbTimeMs } = contextValue.trace;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          cypher: { statements, dbTimeMs },
        };
      },
    };
  },
};

/**
 * Counts the GraphQL operations being executed, so a shutdown can wait for them even when their clients have gone
 * (a closed connection does not stop its resolvers).
 */
function inFlightCounter(): { plugin: ApolloServerPlugin<Context>; count: () => number } {
  let running = 0;
  return {
    count: () => running,
    plugin: {
      async requestDidStart() {
        running += 1;
        let done = false;
        const finish = async () => {
          if (!done) running -= 1;
          done = true;
        };
        return { willSendResponse: finish, unexpectedErrorProcessingRequest: finish };
      },
    },
  };
}

/** A body that is not JSON or is too large gets a GraphQL-shaped JSON error, never Express's HTML page with a stack. */
function bodyErrors(limits: QueryLimits): ErrorRequestHandler {
  return (error, _request, response, next) => {
    const status =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : undefined;
    if (status === undefined || response.headersSent) return next(error);
    if (status === 413) {
      const message = `The request body is larger than ${limits.bodyBytes} bytes (MAX_BODY_BYTES = ${limits.bodyBytes}).`;
      response
        .status(413)
        .json({
          errors: [
            { message, extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_BODY_BYTES', value: limits.bodyBytes } },
          ],
        });
      return;
    }
    const message =
      status === 415
        ? 'The request body must be JSON (content-type: application/json).'
        : 'The request body is not valid JSON.';
    response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
}

/** At most `perMinute` requests per client (by IP address) and minute; the next get 429 with a GraphQL-shaped error. */
function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_request, response) => {
      const message = `Too many requests: at most ${perMinute} per minute from one client (RATE_LIMIT_PER_MINUTE = ${perMinute}); try again after the seconds in Retry-After.`;
      response
        .status(429)
        .json({
          errors: [{ message, extensions: { code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', value: perMinute } }],
        });
    },
  });
}

const UNAUTHENTICATED = { code: 'UNAUTHENTICATED', http: { status: 401 } };

/**
 * Refuses, before it runs, an operation sent with a key that is not configured, and (when reads need a key) a query
 * sent without one. Mutations check the editor's role in their resolvers.
 */
function keyPlugin(requireKeyForReads: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.caller === 'invalid')
            throw new GraphQLError('The API key sent is not a configured key.', { extensions: UNAUTHENTICATED });
          if (requireKeyForReads && contextValue.caller === 'none' && operation?.operation === 'query') {
            throw new GraphQLError(
              'This server needs an API key for queries too: send "Authorization: Bearer <key>".',
              { extensions: UNAUTHENTICATED },
            );
          }
        },
      };
    },
  };
}

/** /export and /cypher when reads need a key: 401 without a configured one. */
function requireKey(apiKeys: readonly ApiKey[]): RequestHandler {
  return (request, response, next) => {
    const caller = identify(request.get('authorization'), apiKeys);
    if (typeof caller === 'object') return next();
    const message =
      caller === 'none'
        ? 'This server needs an API key: send "Authorization: Bearer <key>".'
        : 'The API key sent is not a configured key.';
    response.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}

/** /ready: 200 when Neo4j answers a trivial query within READY_TIMEOUT_MS, else 503 with the reason. */
function readiness(runner: QueryRunner): RequestHandler {
  return async (_request, response) => {
    const reason = await runner.ping(READY_TIMEOUT_MS);
    response.set('Cache-Control', 'no-store');
    if (reason === undefined) response.json({ status: 'ready' });
    else response.status(503).json({ status: 'unavailable', reason });
  };
}

/**
 * Given its dependencies, returns the HTTP application (not listening): /graphql, /playground, /dashboard, /export,
 * /cypher (when configured), /health and /ready.
 */
export async function createApp({
  runner,
  traceCypher,
  analyticsCache = true,
  cypherEndpoint,
  limits = DEFAULT_LIMITS,
  introspection = true,
  fieldSuggestions = true,
  rateLimitPerMinute = 0,
  corsOrigins = [],
  apiKeys = [],
  requireKeyForReads = false,
}: AppDependencies): Promise<Express> {
  const snapshots = new SnapshotCache(analyticsCache ? 32 : 0);
  const schema = buildSchema();
  const guard = queryLimits(limits, { fieldSuggestions });
  const inFlight = inFlightCounter();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection,
    // A browser may not send a simple (CORS-less) request that reads or changes anything on a user's behalf.
    csrfPrevention: true,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    // The process (src/main.ts) owns SIGINT and SIGTERM: Apollo's own handlers would re-raise them and end it mid-shutdown.
    stopOnTerminationSignals: false,
    // No HTTP cache hints are given, so Apollo's cache-control plugin would only wrap every field resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...guard.plugins,
      responseStatusPlugin,
      keyPlugin(requireKeyForReads),
      inFlight.plugin,
      ...(traceCypher ? [traceCypherPlugin] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // src/main.ts waits for these on shutdown before it closes the driver.
  app.locals.operationsInFlight = inFlight.count;
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', readiness(runner));
  app.use('/playground', playgroundRouter(schema));
  app.use('/dashboard', dashboardRouter());
  app.get('/graphql', browserGraphqlPage);
  const api: RequestHandler[] = [];
  if (corsOrigins.length > 0) api.push(cors({ origin: corsOrigins.includes('*') ? '*' : corsOrigins, maxAge: 600 }));
  if (rateLimitPerMinute > 0) api.push(rateLimiter(rateLimitPerMinute));
  const json = express.json({ limit: limits.bodyBytes });
  const caller = (authorization: string | undefined): Caller | 'none' | 'invalid' => identify(authorization, apiKeys);
  app.use(
    '/graphql',
    ...api,
    json,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // The operation's name as the client sent it (a batch or a document alone has none: 'anonymous').
        const operation: unknown = (req.body as { operationName?: unknown } | undefined)?.operationName;
        const name = typeof operation === 'string' ? operation : undefined;
        return createContext(runner, snapshots, caller(req.get('authorization')), name);
      },
    }),
  );
  const reads = requireKeyForReads ? [...api, requireKey(apiKeys)] : api;
  app.use('/export', ...reads, exportRouter(runner));
  if (cypherEndpoint) app.use('/cypher', ...reads, json, cypherRouter(runner, cypherEndpoint));
  app.use(bodyErrors(limits));
  return app;
}

import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { ErrorRequestHandler, Express, RequestHandler } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { rateLimit } from 'express-rate-limit';
import { SnapshotCache } from '../analytics/snapshotCache';
import { ApiKey, Caller, identify } from '../auth/apiKeys';
import type { AppConfig, QueryLimits } from '../config';
import type { QueryRunner } from '../db/queryRunner';
import { buildSchema } from '../graphql/buildSchema';
import { compiledExecutor, executorGateway } from '../graphql/compiledExecution';
import { Context, createContext } from '../graphql/context';
import { formatError } from '../graphql/formatError';
import { queryLimits } from '../graphql/queryLimits';
import { bookmarkPlugin, bookmarkReader, BOOKMARK_HEADER, requestBookmarks } from './bookmarkHeader';
import { cypherRouter } from './cypher/cypherRouter';
import { dashboardRouter } from './dashboard/dashboardRouter';
import { drain } from './drain';
import { AnalyticsWarmer, warmAnalytics } from './warmAnalytics';
import { exportRouter } from './exportRoutes';
import { GRAPHQL_PATH, requested, sendError, sendFailure, sendRefusal } from './httpError';
import { browserGraphqlPage, playgroundRouter } from './playground/playgroundRouter';
import { readOnlyPlugin } from './readOnlyHeader';
import { responseStatusPlugin } from './responseStatus';

/** The HTTP application, built but not listening, and the means to serve it and stop it. */
export interface App {
  /** The Express application, for tests that mount it themselves. */
  app: Express;
  /** Listens on port (0: any free one) and host; resolves with the address, rejects when it cannot (EADDRINUSE). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /**
   * Stops accepting, lets the requests and operations in flight finish (up to shutdownGraceMs, then closes their
   * connections) and stops Apollo; the caller closes the database afterwards.
   */
  stop(): Promise<void>;
  /** The GraphQL operations being executed now. */
  inFlight(): number;
  /**
   * Resolves once the warming of whole-graph analytics under way (if any) ends, with the database version last
   * warmed; undefined when nothing warms (not listening, no cache).
   */
  analyticsWarmed(): Promise<string | undefined>;
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

/**
 * Errors Express hands on (a body that is not JSON or is too large, a page's file that cannot be sent) get a JSON
 * answer in the route's shape, never Express's HTML page with a stack.
 */
function httpErrors(limits: QueryLimits): ErrorRequestHandler {
  return (error, request, response, next) => {
    if (response.headersSent) return next(error);
    const status: unknown = error?.status;
    // body-parser's errors carry a type; other 4xx (a file sendFile could not find) are not the body's fault.
    const fromBody = typeof error?.type === 'string';
    if (status === 413 && fromBody) {
      const max = limits.bodyBytes;
      const message = `The request body is larger than ${max} bytes (MAX_BODY_BYTES = ${max}).`;
      sendRefusal(request, response, 413, 'QUERY_TOO_COMPLEX', message, {
        limit: 'MAX_BODY_BYTES',
        value: max,
      });
    } else if (typeof status === 'number' && status >= 400 && status < 500 && fromBody) {
      const message =
        status === 415
          ? 'The request body must be JSON (content-type: application/json).'
          : 'The request body is not valid JSON.';
      sendRefusal(request, response, status, 'BAD_REQUEST', message);
    } else if (status === 404) {
      sendRefusal(request, response, 404, 'NOT_FOUND', `Nothing is served at ${requested(request)}.`);
    } else sendFailure(request, response, error);
  };
}

/** CORS_ORIGINS for the cors middleware: `*`, or each origin exactly, where `host:*` is the host on any port. */
export function corsOrigin(origins: string[]): '*' | (string | RegExp)[] {
  if (origins.includes('*')) return '*';
  return origins.map((origin) => {
    if (!origin.endsWith(':*')) return origin;
    const escaped = origin.slice(0, -2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${escaped}(:\\d{1,5})?$`);
  });
}

/** At most `perMinute` requests per client (by IP address) and minute on all the API's routes together; then 429. */
function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (request, response) => {
      const message =
        `Too many requests: at most ${perMinute} per minute from one client (RATE_LIMIT_PER_MINUTE = ${perMinute}); ` +
        'try again after the seconds in Retry-After.';
      sendRefusal(request, response, 429, 'RATE_LIMITED', message, {
        limit: 'RATE_LIMIT_PER_MINUTE',
        value: perMinute,
      });
    },
  });
}

const UNAUTHENTICATED = { code: 'UNAUTHENTICATED', http: { status: 401 } };
const FORBIDDEN = { code: 'FORBIDDEN', http: { status: 403 } };

/** Whether a request's caller holds an editor's key. */
const isEditor = (caller: Caller | 'none' | 'invalid') => typeof caller === 'object' && caller.role === 'editor';

/**
 * Headers every response carries: no MIME sniffing, no referrer, and (unless a page sets its own) a policy that
 * lets nothing load or frame an API answer.
 */
const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set('X-Content-Type-Options', 'nosniff');
  response.set('Referrer-Policy', 'no-referrer');
  if (!response.get('Content-Security-Policy'))
    response.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  next();
};

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
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('This server has no subscriptions: send a query or a mutation.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          // Every operation needs a key then, a mutation included (its resolvers check the editor's role too).
          if (requireKeyForReads && contextValue.caller === 'none') {
            throw new GraphQLError(
              'This server needs an API key for queries too: send "Authorization: Bearer <key>".',
              { extensions: UNAUTHENTICATED },
            );
          }
          const { caller } = contextValue;
          if (operation?.operation === 'mutation' && !isEditor(caller)) {
            const message =
              typeof caller === 'object'
                ? `The key "${caller.name}" is a reader's; mutations need an editor's key.`
                : 'Mutations need an editor\'s API key: send "Authorization: Bearer <key>".';
            throw new GraphQLError(message, { extensions: typeof caller === 'object' ? FORBIDDEN : UNAUTHENTICATED });
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
    response.set('WWW-Authenticate', 'Bearer');
    sendError(response, 401, 'UNAUTHENTICATED', message);
  };
}

/**
 * /ready: 200 when Neo4j answers a trivial query within READY_TIMEOUT_MS, else 503 with the reason, in the routes'
 * error envelope (with `status` kept beside it for probes that read it).
 */
function readiness(runner: QueryRunner): RequestHandler {
  return async (_request, response) => {
    const reason = await runner.ping(READY_TIMEOUT_MS);
    response.set('Cache-Control', 'no-store');
    if (reason === undefined) response.json({ status: 'ready' });
    else
      response
        .status(503)
        .json({ status: 'unavailable', reason, error: { code: 'SERVICE_UNAVAILABLE', message: reason } });
  };
}

/**
 * Given the app's settings, the query runner and a log (for the drain; silent when absent), returns the HTTP
 * application, not listening yet (/graphql, /playground, /dashboard, /export, /cypher when enabled, /health and
 * /ready), with its listen, stop and inFlight.
 */
export async function createApp(
  config: AppConfig,
  runner: QueryRunner,
  log: (line: string) => void = () => undefined,
): Promise<App> {
  const { limits, apiKeys, requireKeyForReads, corsOrigins, rateLimitPerMinute, cypherEndpoint } = config;
  const snapshots = new SnapshotCache(config.analyticsCache ? 32 : 0);
  // Once served, with the cache, the whole-graph analytics are computed ahead of the first request after a change.
  let warmer: AnalyticsWarmer | undefined;
  const schema = buildSchema();
  const guard = queryLimits(limits, { fieldSuggestions: config.fieldSuggestions });
  const inFlight = inFlightCounter();
  const apollo = new ApolloServer<Context>({
    // Compiled execution comes in as a gateway's executor, the one way Apollo Server 5 runs operations otherwise.
    ...(config.compiledExecution ? { gateway: executorGateway(schema, compiledExecutor(schema)) } : { schema }),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // A browser may not send a simple (CORS-less) request that reads or changes anything on a user's behalf.
    csrfPrevention: true,
    // No persisted-query cache: a request that names one is told so (400) instead of failing inside Apollo.
    persistedQueries: false,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    // The process (src/main.ts) owns SIGINT and SIGTERM and calls stop(): Apollo's own handlers would end it mid-drain.
    stopOnTerminationSignals: false,
    // No HTTP cache hints are given, so Apollo's cache-control plugin would only wrap every field resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...guard.plugins,
      responseStatusPlugin,
      keyPlugin(requireKeyForReads),
      readOnlyPlugin,
      inFlight.plugin,
      bookmarkPlugin,
      ...(config.traceCypher ? [traceCypherPlugin] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Behind a balancer, the client's address (rate limit, logs) is the one the trusted proxies name.
  if (config.trustProxy !== 0) app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders);
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', readiness(runner));
  app.use('/playground', playgroundRouter(schema));
  app.use('/dashboard', dashboardRouter());
  app.get(GRAPHQL_PATH, browserGraphqlPage);
  const api: RequestHandler[] = [];
  if (corsOrigins.length > 0)
    api.push(cors({ origin: corsOrigin(corsOrigins), maxAge: 600, exposedHeaders: [BOOKMARK_HEADER] }));
  if (rateLimitPerMinute > 0) api.push(rateLimiter(rateLimitPerMinute));
  const json = express.json({ limit: limits.bodyBytes });
  const errors = httpErrors(limits);
  const caller = (authorization: string | undefined): Caller | 'none' | 'invalid' => identify(authorization, apiKeys);
  app.use(
    GRAPHQL_PATH,
    ...api,
    bookmarkReader,
    json,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // The operation's name as the client sent it (a batch or a document alone has none: 'anonymous').
        const operation: unknown = (req.body as { operationName?: unknown } | undefined)?.operationName;
        const name = typeof operation === 'string' ? operation : undefined;
        const who = caller(req.get('authorization'));
        return createContext(runner, snapshots, who, name, config.sourcePrecedence, requestBookmarks(res));
      },
    }),
    // Here, so that the body's errors on /graphql keep GraphQL's shape.
    errors,
  );
  const reads = requireKeyForReads ? [...api, requireKey(apiKeys)] : api;
  app.use('/export', ...reads, bookmarkReader, exportRouter(runner));
  // /cypher runs on a driver of its own with a small pool: however busy it is, GraphQL keeps its connections.
  const cypherLane = cypherEndpoint.enabled ? runner.lane({ poolSize: cypherEndpoint.poolSize }) : undefined;
  const editor = (request: express.Request) => isEditor(caller(request.get('authorization')));
  const cypher = cypherLane && cypherRouter(runner, { ...cypherEndpoint, lane: cypherLane, isEditor: editor });
  if (cypher) app.use('/cypher', ...reads, json, cypher);
  app.use((request, response) => {
    sendError(response, 404, 'NOT_FOUND', `Nothing is served at ${requested(request)}.`);
  });
  app.use(errors);

  let server: http.Server | undefined;
  let stopping: Promise<void> | undefined;
  return {
    app,
    inFlight: inFlight.count,
    analyticsWarmed: async () => warmer?.settled(),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        if (server || stopping) throw new Error('createApp: listen is called once, before stop');
        server = http.createServer(app);
        server.once('error', reject);
        server.listen(port, host, () => {
          server!.off('error', reject);
          if (config.analyticsCache && config.analyticsWarm)
            warmer = warmAnalytics(runner, snapshots, config.analyticsWarmIntervalMs, log);
          resolve(server!.address() as AddressInfo);
        });
      }),
    stop: () => {
      stopping ??= (async () => {
        if (server) await drain(server, config.shutdownGraceMs, inFlight.count, log);
        await apollo.stop();
        await warmer?.stop();
        // The terminations of queries given up on still use the main runner, which the caller closes next.
        await cypher?.settled();
        await cypherLane?.close();
      })();
      return stopping;
    },
  };
}

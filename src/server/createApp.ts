import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { ErrorRequestHandler, Express } from 'express';
import { SnapshotCache } from '../analytics/snapshotCache';
import type { QueryRunner } from '../db/queryRunner';
import { buildSchema } from '../graphql/buildSchema';
import { Context, createContext } from '../graphql/context';
import { formatError } from '../graphql/formatError';
import { cypherRouter } from './cypherEndpoint';
import { dashboardRouter } from './dashboard/dashboardRouter';
import { exportRouter } from './exportRoutes';
import { browserGraphqlPage, playgroundRouter } from './playground/playgroundRouter';

export interface AppDependencies {
  runner: QueryRunner;
  /** Add extensions.cypher = { statements, dbTimeMs } to every response. */
  traceCypher: boolean;
  /** Remember whole-graph analytics while the database is unchanged (default true). */
  analyticsCache?: boolean;
  /** Serve POST /cypher (read-only Cypher) with these limits; absent: not served. */
  cypherEndpoint?: { timeoutMs: number; rowCap: number };
}

/** Reports the request's Cypher statement count and database time in the response's extensions. */
const traceCypherPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const { statements, dbTimeMs } = contextValue.trace;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cypher: { statements, dbTimeMs } };
      },
    };
  },
};

/** A body that is not JSON or is too large gets a GraphQL-shaped JSON error, never Express's HTML page with a stack. */
const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : undefined;
  if (status === undefined || response.headersSent) return next(error);
  const message = status === 413 ? 'The request body is larger than 100 KB.' : 'The request body is not valid JSON.';
  response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
};

/** Given its dependencies, returns the HTTP application (not listening): /graphql, /playground and /health. */
export async function createApp({ runner, traceCypher, analyticsCache = true, cypherEndpoint }: AppDependencies): Promise<Express> {
  const snapshots = new SnapshotCache(analyticsCache ? 32 : 0);
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Analysts' playgrounds and dashboards discover the schema; Apollo would turn this off under NODE_ENV=production.
    introspection: true,
    // The process (src/main.ts) owns SIGINT and SIGTERM: Apollo's own handlers would re-raise them and end it mid-shutdown.
    stopOnTerminationSignals: false,
    // No HTTP cache hints are given, so Apollo's cache-control plugin would only wrap every field resolver.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...(traceCypher ? [traceCypherPlugin] : [])],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use('/playground', playgroundRouter());
  app.use('/dashboard', dashboardRouter());
  app.get('/graphql', browserGraphqlPage);
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo, { context: async () => createContext(runner, snapshots) }));
  app.use('/export', exportRouter(runner));
  if (cypherEndpoint) app.use('/cypher', express.json({ limit: '100kb' }), cypherRouter(runner, cypherEndpoint));
  app.use(bodyErrors);
  return app;
}

import express, { Express } from 'express';
import type { QueryRunner } from '../db/queryRunner';

export interface AppDependencies {
  runner: QueryRunner;
}

/** Given its dependencies, returns the HTTP application (not listening), so tests can serve it on port 0. */
export function createApp(_dependencies: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  return app;
}

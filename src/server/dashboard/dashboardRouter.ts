import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../../config';
import { assetsHandler, contentSecurityPolicy, pageHandler } from '../pages';
import { dashboardOperations, operationsModule } from './dashboardOperations';
import { serveKoreanFont } from './koreanFont';

const pageDir = path.join(projectRoot, 'src/server/dashboard');
const pageFile = path.join(pageDir, 'index.html');

/** The page's ES modules: every .js file of its folder (main.js imports the others by relative URL). */
function pageModules(): string[] {
  return fs
    .readdirSync(pageDir)
    .filter((name) => name.endsWith('.js'))
    .sort();
}

/** Every file the page loads, by the name it has under /dashboard/assets/: all from this project or node_modules. */
export function dashboardAssets(): Record<string, string> {
  return {
    'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js', { paths: [projectRoot] }),
    'dashboard.css': path.join(pageDir, 'dashboard.css'),
    ...Object.fromEntries(pageModules().map((name) => [name, path.join(pageDir, name)])),
  };
}

/** GraphQL via /graphql only, nothing but this server's files; Cytoscape.js sets its canvases' inline styles. */
const sendPage = pageHandler(pageFile, contentSecurityPolicy());

/**
 * GET /dashboard (partnership network, concentration, dependency explorer, removal impact, systemic importance,
 * sources and conflicts over /graphql), /dashboard/assets/*, /dashboard/fonts/* (Noto Sans KR, its licence) and
 * /dashboard/assets/operations.js, the operations of dashboard.graphql as a module, built once here.
 */
export function dashboardRouter(): Router {
  const router = express.Router();
  const operations = operationsModule(dashboardOperations());
  router.get('/', sendPage);
  router.get('/assets/operations.js', (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    response.type('text/javascript; charset=utf-8').send(operations);
  });
  router.get('/assets/:name', assetsHandler(dashboardAssets()));
  return serveKoreanFont(router);
}

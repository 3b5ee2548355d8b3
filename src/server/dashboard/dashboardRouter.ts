import path from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../../config';
import { assetsHandler, contentSecurityPolicy, pageHandler } from '../pages';

const pageDir = path.join(projectRoot, 'src/server/dashboard');
const pageFile = path.join(pageDir, 'index.html');

/** Every file the page loads, by the name it has under /dashboard/assets/: all from this project or node_modules. */
export function dashboardAssets(): Record<string, string> {
  return {
    'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js', { paths: [projectRoot] }),
    'dashboard.js': path.join(pageDir, 'dashboard.js'),
    'dashboard.css': path.join(pageDir, 'dashboard.css'),
  };
}

/** GraphQL via /graphql only, nothing but this server's files; Cytoscape.js positions its canvases with inline styles. */
const sendPage = pageHandler(pageFile, contentSecurityPolicy());

/** GET /dashboard (partnership network, concentration, dependency explorer over /graphql) and /dashboard/assets/*. */
export function dashboardRouter(): Router {
  const router = express.Router();
  router.get('/', sendPage);
  router.get('/assets/:name', assetsHandler(dashboardAssets()));
  return router;
}

import path from 'node:path';
import express, { RequestHandler, Router } from 'express';
import { projectRoot } from '../../config';

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

/**
 * The page may load only this server's files and talk only to its /graphql: the dashboard works offline and leaks
 * nothing. Cytoscape.js positions its canvases with inline styles.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const sendPage: RequestHandler = (_request, response) => {
  response.set('Content-Security-Policy', contentSecurityPolicy);
  response.set('Cache-Control', 'no-cache');
  response.type('html').sendFile(pageFile);
};

/** GET /dashboard (partnership network, concentration, dependency explorer over /graphql) and /dashboard/assets/*. */
export function dashboardRouter(): Router {
  const router = express.Router();
  const assets = dashboardAssets();
  router.get('/', sendPage);
  router.get('/assets/:name', (request, response, next) => {
    const file = Object.hasOwn(assets, request.params.name) ? assets[request.params.name] : undefined;
    if (file) response.sendFile(file, { maxAge: '1h' });
    else next();
  });
  return router;
}

import path from 'node:path';
import express, { RequestHandler, Router } from 'express';
import { projectRoot } from '../../config';

/** The directory holding a package's main file (react and react-dom export no subpaths, so resolve their main). */
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`, { paths: [projectRoot] }));
const mainDir = (name: string) => path.dirname(require.resolve(name, { paths: [projectRoot] }));

const pageDir = path.join(projectRoot, 'src/server/playground');
const pageFile = path.join(pageDir, 'index.html');
export const examplesFile = path.join(projectRoot, 'examples/operations.graphql');

/** Every file the page loads, by the name it has under /playground/assets/: all from this project or node_modules. */
export function playgroundAssets(): Record<string, string> {
  const graphiql = packageDir('graphiql');
  const react = mainDir('react');
  const reactDom = mainDir('react-dom');
  return {
    'react.production.min.js': path.join(react, 'umd/react.production.min.js'),
    'react-dom.production.min.js': path.join(reactDom, 'umd/react-dom.production.min.js'),
    'graphiql.min.js': path.join(graphiql, 'graphiql.min.js'),
    'graphiql.min.js.map': path.join(graphiql, 'graphiql.min.js.map'),
    'graphiql.min.css': path.join(graphiql, 'graphiql.min.css'),
    'graphiql.min.css.map': path.join(graphiql, 'graphiql.min.css.map'),
    'playground.js': path.join(pageDir, 'playground.js'),
    'playground.css': path.join(pageDir, 'playground.css'),
  };
}

/**
 * The page may load only this server's files and talk only to it: a browser refuses anything else, so the playground
 * works offline and leaks nothing. GraphiQL's fonts are data: URLs inside its CSS; its editor sets inline styles.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
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

/** GET /graphql from a browser's address bar (HTML accepted, no query): the playground instead of Apollo's error. */
export const browserGraphqlPage: RequestHandler = (request, response, next) => {
  const acceptsHtml = (request.get('accept') ?? '').toLowerCase().includes('text/html');
  if (request.method === 'GET' && acceptsHtml && request.query.query === undefined) sendPage(request, response, next);
  else next();
};

/** GET /playground (GraphiQL), /playground/assets/* (its files) and /playground/examples.graphql (the saved operations). */
export function playgroundRouter(): Router {
  const router = express.Router();
  const assets = playgroundAssets();
  router.get('/', sendPage);
  router.get('/examples.graphql', (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    response.type('text/plain; charset=utf-8').sendFile(examplesFile);
  });
  router.get('/assets/:name', (request, response, next) => {
    const file = Object.hasOwn(assets, request.params.name) ? assets[request.params.name] : undefined;
    if (file) response.sendFile(file, { maxAge: '1h' });
    else next();
  });
  return router;
}

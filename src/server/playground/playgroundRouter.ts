import path from 'node:path';
import express, { RequestHandler, Router } from 'express';
import { GraphQLSchema, introspectionFromSchema } from 'graphql';
import { projectRoot } from '../../config';
import { serveKoreanFont } from '../dashboard/koreanFont';
import { assetsHandler, contentSecurityPolicy, pageHandler, sendProjectFile } from '../pages';

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

/** GraphiQL's fonts are data: URLs inside its CSS; its editor sets inline styles. */
const sendPage = pageHandler(pageFile, contentSecurityPolicy({ dataFonts: true }));

/** GET /graphql from a browser's address bar (HTML accepted, no query): the playground instead of Apollo's error. */
export const browserGraphqlPage: RequestHandler = (request, response, next) => {
  const acceptsHtml = (request.get('accept') ?? '').toLowerCase().includes('text/html');
  if (request.method === 'GET' && acceptsHtml && request.query.query === undefined) sendPage(request, response, next);
  else next();
};

/**
 * GET /playground (GraphiQL), /playground/assets/* (its files), /playground/fonts/* (Noto Sans KR and its licence),
 * /playground/examples.graphql (the saved operations) and /playground/schema.json (the schema as an introspection
 * result, the one published as schema.graphql): the page's documentation and completion come from it, so they work
 * where /graphql refuses introspection.
 */
export function playgroundRouter(schema: GraphQLSchema): Router {
  const router = express.Router();
  const assets = playgroundAssets();
  const introspection = JSON.stringify(introspectionFromSchema(schema));
  router.get('/', sendPage);
  router.get('/schema.json', (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    response.type('application/json').send(introspection);
  });
  router.get('/examples.graphql', (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    sendProjectFile(response.type('text/plain; charset=utf-8'), examplesFile);
  });
  router.get('/assets/:name', assetsHandler(assets));
  return serveKoreanFont(router);
}

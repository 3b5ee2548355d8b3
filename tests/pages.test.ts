/**
 * The pages' files are sent by absolute path; a project cloned under a folder whose name starts with a dot
 * (`~/.local/src/...`) must still be served. An Express app on a loopback port serves files from such a folder.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express, { ErrorRequestHandler } from 'express';
import { assetsHandler, contentSecurityPolicy, pageHandler, sendProjectFile } from '../src/server/pages';

describe('pages under a folder whose name starts with a dot', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-'));
  const dir = path.join(base, '.local', 'src', 'project');
  let server: ReturnType<express.Express['listen']>;
  let origin: string;
  const errors: number[] = [];

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>page</title>');
    fs.writeFileSync(path.join(dir, 'page.js'), 'console.log(1);');
    fs.writeFileSync(path.join(dir, 'examples.graphql'), '{ companies { id } }');
    fs.writeFileSync(path.join(dir, '.secret'), 'not for the web');
    const app = express();
    app.get('/page', pageHandler(path.join(dir, 'index.html'), contentSecurityPolicy()));
    app.get('/missing', pageHandler(path.join(dir, 'gone.html'), contentSecurityPolicy()));
    app.get(
      '/assets/:name',
      assetsHandler({ 'page.js': path.join(dir, 'page.js'), secret: path.join(dir, '.secret') }),
    );
    app.get('/examples', (_request, response) => sendProjectFile(response, path.join(dir, 'examples.graphql')));
    const onError: ErrorRequestHandler = (error, _request, response, _next) => {
      errors.push(error.status);
      response.status(error.status ?? 500).end();
    };
    app.use(onError);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('serves a page with its policy', async () => {
    const response = await fetch(`${origin}/page`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<title>page</title>');
  });

  it('serves an asset and a file sent by path', async () => {
    expect(await (await fetch(`${origin}/assets/page.js`)).text()).toBe('console.log(1);');
    expect(await (await fetch(`${origin}/examples`)).text()).toBe('{ companies { id } }');
  });

  it('still refuses a file whose own name starts with a dot, and hands a missing file on as 404', async () => {
    errors.length = 0;
    expect((await fetch(`${origin}/assets/secret`)).status).toBe(404);
    expect((await fetch(`${origin}/missing`)).status).toBe(404);
    expect(errors).toEqual([404, 404]);
  });
});

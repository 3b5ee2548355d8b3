/**
 * A project cloned under a folder whose name starts with a dot (`~/.local/src/...`, `~/.cache/...`) serves its
 * pages: the app is loaded with its root in such a folder (the project's folders linked there), and the playground,
 * the dashboard, their assets and the examples file answer 200 over HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appConfig, projectRoot } from '../src/config';
import type { QueryRunner } from '../src/db/queryRunner';
import { createApp } from '../src/server/createApp';
import { connectTestRunner } from './support/testDatabase';

// The project's root, as src/config finds it, is a folder under `.local` in a temporary directory.
jest.mock('../src/config', () => {
  const { mkdtempSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { tmpdir } = jest.requireActual<typeof import('node:os')>('node:os');
  const { join } = jest.requireActual<typeof import('node:path')>('node:path');
  const base = mkdtempSync(join(tmpdir(), 'dot-folder-'));
  return { ...jest.requireActual('../src/config'), projectRoot: join(base, '.local', 'src', 'ai-value-chain-graph') };
});

const realRoot = path.resolve(__dirname, '..');
const base = path.resolve(projectRoot, '..', '..', '..');

let runner: QueryRunner;
let close: () => Promise<void>;
let origin: string;

beforeAll(async () => {
  fs.mkdirSync(projectRoot, { recursive: true });
  for (const entry of ['src', 'examples', 'node_modules', 'package.json', 'schema.graphql'])
    fs.symlinkSync(path.join(realRoot, entry), path.join(projectRoot, entry));
  runner = await connectTestRunner();
  const served = await createApp(appConfig({ analyticsWarm: false }), runner);
  const { port } = await served.listen(0, '127.0.0.1');
  origin = `http://127.0.0.1:${port}`;
  close = served.stop;
}, 60_000);

afterAll(async () => {
  await close?.();
  await runner?.close();
  fs.rmSync(base, { recursive: true, force: true });
});

it('loads the app with its root under the dot-folder', () => {
  expect(projectRoot.split(path.sep)).toContain('.local');
  expect(fs.realpathSync(path.join(projectRoot, 'src'))).toBe(path.join(realRoot, 'src'));
});

it.each([
  ['/playground', 'text/html'],
  ['/dashboard', 'text/html'],
  ['/playground/examples.graphql', 'text/plain'],
  ['/playground/assets/graphiql.min.js', 'javascript'],
  ['/dashboard/assets/dashboard.css', 'text/css'],
])('serves %s', async (route, type) => {
  const response = await fetch(`${origin}${route}`, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain(type);
  expect((await response.text()).length).toBeGreaterThan(0);
});

it('answers a GET of /graphql from a browser with the playground', async () => {
  const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(await response.text()).toMatch(/<html/i);
});

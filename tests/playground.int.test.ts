import fs from 'node:fs';
import path from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { projectRoot } from '../src/config';
import { AnswerData, startSeededServer } from './support/graphqlClient';

const examplesText = fs.readFileSync(path.join(projectRoot, 'examples/operations.graphql'), 'utf8');
const operations = parse(examplesText).definitions.filter(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
);

/** The URLs a browser would request for a page: script src, link href, img src. */
function pageUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/<(script|link|img|iframe|source)\b[^>]*?\s(src|href)\s*=\s*["']([^"']*)["']/gi))
    urls.push(match[3]);
  return urls;
}

/** The URLs a stylesheet would request: @import and url(...). */
function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/gi)) urls.push(match[1]);
  for (const match of css.matchAll(/url\(\s*["']?([^"')]+?)["']?\s*\)/gi)) urls.push(match[1]);
  return urls;
}

/** Whether a URL stays on this server: relative, data:, or an absolute URL to localhost / 127.0.0.1. */
const local = (url: string) => {
  if (url.startsWith('data:') || url.startsWith('#')) return true;
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return true;
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url, 'http://127.0.0.1/').hostname);
  } catch {
    return false;
  }
};

describe('playground', () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let origin: string;
  beforeAll(async () => {
    server = await startSeededServer();
    origin = new URL(server.url).origin;
  });
  afterAll(() => server?.close());

  it('has the operations the README promises, each named', () => {
    const names = operations.map((operation) => operation.name?.value);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    for (const field of ['models', 'downstream', 'concentration', 'dependencyPaths', 'partnershipNetwork'])
      expect(examplesText).toContain(`${field}(`);
    expect(examplesText).toContain('downstream(of: "openai")');
    expect(examplesText).toContain('concentration(measure: MODELS, groupBy: BLOC)');
    expect(examplesText).toContain('dependencyPaths(from: "askup", to: "nvidia"');
    expect(examplesText).toContain('partnershipNetwork(companies: ["microsoft"])');
    expect(examplesText).toContain('models(orderBy: PARAMETERS_DESC');
  });

  it.each(operations.map((operation) => [operation.name!.value]))('runs %s without errors', async (operationName) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: examplesText, operationName }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    const values = Object.values(body.data ?? {});
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).not.toBeNull();
  });

  it('gives the examples with the data one expects', async () => {
    const run = async (operationName: string) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: examplesText, operationName }),
      });
      return (await response.json()) as { data: AnswerData };
    };
    const largest = (await run('LargestModels')).data.models.nodes;
    expect(largest[0].name).toBe('M6-10T');
    const paths = (await run('AskUpToNvidia')).data.dependencyPaths;
    expect(paths.length).toBeGreaterThan(0);
    for (const found of paths) {
      expect(found.entities[0].id).toBe('askup');
      expect(found.entities.at(-1).id).toBe('nvidia');
    }
    const network = (await run('MicrosoftNetwork')).data.partnershipNetwork;
    expect(network.nodes.map((node: { id: string }) => node.id)).toContain('microsoft');
    expect(
      (await run('DependsOnOpenAI')).data.downstream.nodes.map((node: { entity: { id: string } }) => node.entity.id),
    ).toContain('chatgpt-plus');
  });

  it.each([
    ['/playground', {}],
    ['/playground/', {}],
    ['/graphql', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }],
  ])('serves the page at GET %s', async (route, headers) => {
    const response = await fetch(`${origin}${route}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toContain('id="graphiql"');
    expect(html).toContain('/playground/assets/graphiql.min.js');
  });

  it('leaves GET /graphql with a query, or without HTML accepted, to Apollo, and POST /graphql works', async () => {
    const withQuery = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ stages { id } }')}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(withQuery.status).toBe(200);
    expect(((await withQuery.json()) as { data: { stages: unknown[] } }).data.stages.length).toBeGreaterThan(0);
    const plain = await fetch(`${origin}/graphql`, { headers: { accept: 'application/json' } });
    expect(plain.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    const data = await server.ok('{ model(id: "gpt-4") { name } }');
    expect(data.model.name).toBe('GPT-4');
  });

  it('serves the examples file as it is', async () => {
    const response = await fetch(`${origin}/playground/examples.graphql`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(examplesText);
  });

  it('serves every file the page references itself, and nothing they load leaves this server', async () => {
    const html = await (await fetch(`${origin}/playground`)).text();
    const urls = pageUrls(html);
    expect(urls.filter((url) => url.endsWith('.js'))).toHaveLength(4);
    expect(urls.filter((url) => url.endsWith('.css'))).toHaveLength(3);
    expect(urls.filter((url) => !local(url))).toEqual([]);
    expect(html).not.toMatch(/<(script|style)\b[^>]*>\s*[^<\s]/i); // no inline script or style: the CSP forbids inline scripts
    for (const url of urls.filter((candidate) => !candidate.startsWith('data:'))) {
      const response = await fetch(new URL(url, `${origin}/playground`));
      expect([url, response.status]).toEqual([url, 200]);
      const text = await response.text();
      expect(text.length).toBeGreaterThan(0);
      if (url.endsWith('.css')) expect(cssUrls(text).filter((found) => !local(found))).toEqual([]);
      if (url.endsWith('.js')) {
        // Minified bundles mention many URLs in comments and messages; what would be fetched is a string given to
        // fetch/import/importScripts/new Worker, or a stylesheet or script URL injected at run time.
        expect(text).not.toMatch(
          /(fetch|importScripts|import|Worker|EventSource|WebSocket)\s*\(\s*["'`](https?:)?\/\/(?!localhost|127\.0\.0\.1)/,
        );
        expect(text).not.toMatch(/@import\s+(url\()?["']?(https?:)?\/\//);
        expect(text).not.toMatch(/fonts\.(googleapis|gstatic)\.com|unpkg\.com|jsdelivr\.net|cdnjs\./);
      }
    }
  });

  it('answers an unknown asset with 404', async () => {
    expect((await fetch(`${origin}/playground/assets/package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/playground/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('shows the examples file in docs/playground.md', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'docs/playground.md'), 'utf8');
    const block = /<!-- playground:start -->\n```graphql\n([\s\S]*?)```\n<!-- playground:end -->/.exec(readme)?.[1];
    expect(block).toBe(examplesText);
  });
});

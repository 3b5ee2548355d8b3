import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { dashboardOperations, operationsModule } from '../src/server/dashboard/dashboardOperations';
import { dashboardAssets } from '../src/server/dashboard/dashboardRouter';
import { startSeededServer } from './support/graphqlClient';

const pageDir = path.join(projectRoot, 'src/server/dashboard');
const modules = fs.readdirSync(pageDir).filter((name) => name.endsWith('.js'));

/** Variables for each operation of dashboard.graphql, as the page sends them. */
const sampleVariables: Record<string, Record<string, unknown>> = {
  Stages: {},
  PartnershipNetwork: { kinds: ['SUPPLY', 'INVESTMENT'], asOf: '2023-01' },
  CompanyCard: { id: 'microsoft' },
  Concentration: { measure: 'MARKET_CAP', groupBy: 'COUNTRY', stage: 'chips', asOf: '2023-06' },
  ServiceList: { after: null },
  Upstream: { of: 'askup' },
  Downstream: { of: 'nvidia' },
  ExplorerSearch: { text: 'GPT', kinds: null },
  PartnershipDetails: { after: null },
  RemovalImpact: { id: 'nvidia' },
  SystemicImportance: { first: 10, asOf: null },
  DependencyPaths: { from: 'askup', to: 'tsmc' },
  Sources: {},
  Conflicts: { field: null, kind: 'FOUNDATION_MODEL' },
};

/** The modules a module imports, by the URL it names them with. */
function importedUrls(script: string): string[] {
  return [...script.matchAll(/^import\b[^;]*?\bfrom\s+'([^']+)';$/gm)].map((match) => match[1]);
}

/** The URLs a browser would request for a page: script src, link href, img src. */
function pageUrls(html: string): string[] {
  return [...html.matchAll(/<(script|link|img|iframe|source)\b[^>]*?\s(src|href)\s*=\s*["']([^"']*)["']/gi)].map(
    (match) => match[3],
  );
}

describe('dashboard', () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let origin: string;
  beforeAll(async () => {
    server = await startSeededServer();
    origin = new URL(server.url).origin;
  });
  afterAll(() => server?.close());

  it.each([['/dashboard'], ['/dashboard/']])(
    'serves the page at GET %s with a strict Content-Security-Policy',
    async (route) => {
      const response = await fetch(`${origin}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      const html = await response.text();
      for (const id of ['network-panel', 'concentration-panel', 'explorer-panel', 'sources-panel', 'conflicts-panel'])
        expect(html).toContain(`id="${id}"`);
      expect(html).toContain('Loading…');
    },
  );

  it('references only its own assets, each served, with no inline script', async () => {
    const html = await (await fetch(`${origin}/dashboard`)).text();
    const urls = pageUrls(html).filter((url) => !url.startsWith('data:'));
    expect(urls).toEqual([
      '/dashboard/fonts/noto-sans-kr.css',
      '/dashboard/assets/dashboard.css',
      '/dashboard/assets/cytoscape.min.js',
      '/dashboard/assets/main.js',
    ]);
    expect(html).toContain('<script type="module" src="/dashboard/assets/main.js"></script>');
    expect(html).not.toMatch(/<(script|style)\b[^>]*>\s*[^<\s]/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    for (const url of urls) {
      const response = await fetch(new URL(url, origin));
      expect([url, response.status]).toEqual([url, 200]);
      expect(response.headers.get('content-type')).toMatch(url.endsWith('.css') ? /^text\/css/ : /javascript/);
    }
  });

  it('serves every asset of its list as the file it names (Cytoscape.js from node_modules)', async () => {
    const assets = dashboardAssets();
    expect(Object.keys(assets).sort()).toEqual([
      'api.js',
      'colours.js',
      'companyCard.js',
      'concentration.js',
      'conflicts.js',
      'cursor.js',
      'cytoscape.min.js',
      'dashboard.css',
      'deals.js',
      'dom.js',
      'explorer.js',
      'find.js',
      'format.js',
      'graph.js',
      'hits.js',
      'impact.js',
      'main.js',
      'network.js',
      'panel.js',
      'sourceLinks.js',
      'sources.js',
      'state.js',
    ]);
    expect(assets['cytoscape.min.js']).toContain(path.join('node_modules', 'cytoscape', 'dist'));
    for (const [name, file] of Object.entries(assets)) {
      const response = await fetch(`${origin}/dashboard/assets/${name}`);
      expect([name, response.status]).toEqual([name, 200]);
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(file))).toBe(true);
    }
    const cytoscape = fs.readFileSync(assets['cytoscape.min.js'], 'utf8');
    expect(cytoscape).not.toMatch(
      /(fetch|importScripts|import|Worker|EventSource|WebSocket)\s*\(\s*["'`](https?:)?\/\//,
    );
  });

  it('serves Noto Sans KR itself: the Korean slices of weights 400 and 700 only, with its licence', async () => {
    for (const page of ['dashboard', 'playground']) {
      const css = await fetch(`${origin}/${page}/fonts/noto-sans-kr.css`);
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toMatch(/^text\/css/);
      const text = await css.text();
      const faces = text.match(/@font-face\s*{[^}]*}/g) ?? [];
      const files = [...text.matchAll(/url\(\.\/([^)]+)\)/g)].map((match) => match[1]);
      expect(faces.length).toBe(files.length);
      expect(new Set(files).size).toBe(files.length);
      // Every face has a unicode-range (the browser fetches only the slices on screen) and is a Korean slice.
      for (const face of faces) expect(face).toMatch(/unicode-range: U\+/);
      for (const file of files) expect(file).toMatch(/^noto-sans-kr-\d+-(400|700)-normal\.woff2$/);
      const weights = new Set([...text.matchAll(/font-weight: (\d+)/g)].map((match) => match[1]));
      expect([...weights].sort()).toEqual(['400', '700']);
      const fontDir = path.dirname(require.resolve('@fontsource/noto-sans-kr/package.json', { paths: [projectRoot] }));
      for (const file of [files[0], files[files.length - 1]]) {
        const response = await fetch(`${origin}/${page}/fonts/${file}`);
        expect([file, response.status]).toEqual([file, 200]);
        expect(response.headers.get('content-type')).toBe('font/woff2');
        expect(
          Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(fontDir, 'files', file))),
        ).toBe(true);
      }
      // Weights, subsets and files the pages do not use are not served.
      for (const name of [
        'noto-sans-kr-latin-400-normal.woff2',
        'noto-sans-kr-0-100-normal.woff2',
        'noto-sans-kr-0-400-normal.woff',
        '..%2F..%2Fpackage.json',
        'LICENSE',
      ])
        expect([name, (await fetch(`${origin}/${page}/fonts/${name}`)).status]).toEqual([name, 404]);
      const licence = await fetch(`${origin}/${page}/fonts/OFL.txt`);
      expect(licence.status).toBe(200);
      expect(await licence.text()).toContain('SIL OPEN FONT LICENSE Version 1.1');
    }
  });

  it('answers an unknown asset with 404', async () => {
    for (const name of [
      'package.json',
      'index.html',
      'dashboardRouter.ts',
      'dashboardOperations.ts',
      'dashboard.graphql',
      'graphiql.min.js',
      '..%2F..%2Fpackage.json',
      '..%2Fplayground%2Fplayground.js',
    ]) {
      expect([name, (await fetch(`${origin}/dashboard/assets/${name}`)).status]).toEqual([name, 404]);
    }
  });

  it('serves each module the page imports as JavaScript, operations.js built from dashboard.graphql', async () => {
    const seen = new Set<string>();
    const pending = ['/dashboard/assets/main.js'];
    while (pending.length > 0) {
      const url = pending.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(new URL(url, origin));
      expect([url, response.status]).toEqual([url, 200]);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      const script = await response.text();
      for (const imported of importedUrls(script)) {
        expect(imported).toMatch(/^\.\/\w+\.js$/);
        pending.push(new URL(imported, new URL(url, origin)).pathname);
      }
    }
    expect([...seen].sort()).toEqual([...modules, 'operations.js'].map((name) => `/dashboard/assets/${name}`).sort());
    const operations = await fetch(`${origin}/dashboard/assets/operations.js`);
    expect(operations.headers.get('cache-control')).toBe('no-cache');
    expect(await operations.text()).toBe(operationsModule(dashboardOperations()));
  });

  it('asks /graphql only, with operations that run without errors on the seeded graph', async () => {
    const fetches = modules.flatMap((name) => {
      const script = fs.readFileSync(path.join(pageDir, name), 'utf8');
      return [...script.matchAll(/\bfetch\(\s*([^,)]*)/g)].map((match) => `${name}: ${match[1]}`);
    });
    expect(fetches).toEqual(["api.js: '/graphql'"]);
    const operations = dashboardOperations();
    expect(Object.keys(operations).sort()).toEqual(Object.keys(sampleVariables).sort());
    for (const [name, query] of Object.entries(operations)) {
      const response = await server.gql(query, sampleVariables[name]);
      expect([name, response.errors]).toEqual([name, undefined]);
      expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
    }
  });
});

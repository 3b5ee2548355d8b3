/**
 * The dashboard in a real browser: Debian's headless Chromium (apt-get install chromium) through playwright-core.
 * Every panel is checked against the public API's own answer to the same arguments; the page must log no error,
 * request nothing but this server, and show Neo4j being away as an error, not as a blank page.
 */
import fs from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSchema as schemaOf, isEnumType } from 'graphql';
import type { BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../src/config';
import { QueryRunner } from '../src/db/queryRunner';
import { buildSchema } from '../src/graphql/buildSchema';
import { artifacts, launchChromium, panelReady, watchPage } from './support/browser';
import { startSeededServer, startTestServer } from './support/graphqlClient';

const WAIT = { timeout: 90000 };

const NETWORK = `query ($kinds: [PartnershipKind!], $asOf: PartialDate) {
  partnershipNetwork(kinds: $kinds, asOf: $asOf) { nodes { id } edges { id announcedOn } }
}`;
const CONCENTRATION = `query ($measure: ConcentrationMeasure!, $groupBy: ConcentrationGroup, $stage: ID,
  $asOf: PartialDate) {
  concentration(measure: $measure, groupBy: $groupBy, stage: $stage, asOf: $asOf) { hhi level shares { key } }
}`;
const UPSTREAM = 'query ($of: ID!) { upstream(of: $of) { root { id } nodes { entity { id name } } } }';
const COMPANY = 'query ($id: ID!) { company(id: $id) { name nameKo services { name } sources { id } } }';

/**
 * What the page's code reaches of the browser window (the project compiles without the DOM's types). Functions given
 * to page.evaluate run in the page, so each casts globalThis itself: they cannot call a helper of this file.
 */
interface DrawnElement {
  id(): string;
  renderedPosition(): { x: number; y: number };
}
interface DashboardWindow {
  document: {
    getElementById(id: string): { dataset: Record<string, string | undefined> } | null;
    querySelector(selector: string): { textContent: string } | null;
  };
  dashboard: Record<
    'network' | 'upstream',
    { nodes(): DrawnElement[]; edges(): DrawnElement[]; $id(id: string): DrawnElement }
  >;
}

/** The ids of the nodes and edges a Cytoscape graph of the page (window.dashboard.network or .upstream) draws. */
function drawn(page: Page, graph: 'network' | 'upstream') {
  return page.evaluate((name) => {
    const cy = (globalThis as unknown as DashboardWindow).dashboard[name];
    const ids = (collection: DrawnElement[]) => collection.map((element) => element.id()).sort();
    return { nodes: ids(cy.nodes()), edges: ids(cy.edges()) };
  }, graph);
}

const sortedIds = (items: { id: string }[]) => items.map((item) => item.id).sort();

/** The values of one of the served schema's enums (or the public contract's), in order. */
function enumValues(name: string, schema = buildSchema()): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((value) => value.name);
}

/** The public contract, api/contract.graphql, as a schema. */
const contract = () => schemaOf(fs.readFileSync(path.join(projectRoot, 'api/contract.graphql'), 'utf8'));

/** Every panel of the page, by its section's id. */
const PANELS = ['network-panel', 'concentration-panel', 'explorer-panel', 'sources-panel', 'conflicts-panel'];

/** The values of a select's options. */
const optionValues = (page: Page, select: string) =>
  page.$$eval(`${select} option`, (options) => options.map((option) => (option as unknown as { value: string }).value));

/** A TCP relay to Neo4j that can be cut: a runner connected through it then finds Neo4j unreachable. */
async function cuttableRelay(uri: string) {
  const target = new URL(uri);
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 7687), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    uri: `bolt://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    cut: () =>
      new Promise<void>((resolve) => {
        relay.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

describe('dashboard in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let context: BrowserContext;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let origin: string;

  beforeAll(async () => {
    server = await startSeededServer();
    origin = new URL(server.url).origin;
    browser = await launchChromium('dashboard');
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new page that records every request and every error it meets. */
  async function watchedPage() {
    const page = await context.newPage();
    const { requests, problems } = watchPage(page);
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    const foreign = () =>
      requests.filter((url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname) && !url.startsWith('data:'));
    return { page, requests, problems, foreign };
  }

  /** Clicks a node of the partnership network where it is drawn on the canvas. */
  /**
   * Clicks a company's node where it is drawn, with the network scrolled into view; until its card opens (a click
   * while the page is still settling on a loaded machine may land beside it), up to three times.
   */
  async function clickNode(page: Page, id: string) {
    for (let attempt = 1; ; attempt += 1) {
      await page.locator('#network').scrollIntoViewIfNeeded();
      const position = await page.evaluate(
        (node) => (globalThis as unknown as DashboardWindow).dashboard.network.$id(node).renderedPosition(),
        id,
      );
      const box = (await page.locator('#network').boundingBox())!;
      await page.mouse.click(box.x + position.x, box.y + position.y);
      const opened = await page
        .waitForFunction(
          (node) =>
            (globalThis as unknown as DashboardWindow).document.getElementById('company-card')?.dataset.company ===
            node,
          id,
          { timeout: 15_000 },
        )
        .then(() => true)
        .catch(() => false);
      if (opened || attempt === 3) return;
    }
  }

  const DRAWS =
    'draws the network, concentration and dependencies as the API answers them, asking nothing of any other host';
  it(DRAWS, async () => {
    const { page, requests, problems, foreign } = await watchedPage();
    await page.goto(`${origin}/dashboard`, { waitUntil: 'load' });
    for (const panel of PANELS) await panelReady(page, panel);

    // 1. The whole network now, then without one kind, then as of the slider's first month.
    const everything = (await server.ok(NETWORK, { kinds: null, asOf: null })).partnershipNetwork;
    expect((await drawn(page, 'network')).nodes).toEqual(sortedIds(everything.nodes));
    expect((await drawn(page, 'network')).edges).toEqual(sortedIds(everything.edges));
    expect(await page.getAttribute('#network', 'data-nodes')).toBe(String(everything.nodes.length));
    const legend = await page.textContent('#legend');
    expect(legend).toContain('United States');
    expect(legend).toContain('South Korea');

    const kinds = await page.$$eval('#kinds input', (boxes) =>
      boxes.map((box) => (box as unknown as { value: string }).value),
    );
    expect(kinds).toEqual(enumValues('PartnershipKind'));
    const withoutSupply = kinds.filter((kind) => kind !== 'SUPPLY');
    await page.uncheck('#kinds input[value="SUPPLY"]');
    await panelReady(page, 'network-panel', { kinds: withoutSupply, asOf: null });
    const noSupply = (await server.ok(NETWORK, { kinds: withoutSupply, asOf: null })).partnershipNetwork;
    expect(noSupply.edges.length).toBeLessThan(everything.edges.length);
    expect(await drawn(page, 'network')).toEqual({
      nodes: sortedIds(noSupply.nodes),
      edges: sortedIds(noSupply.edges),
    });

    // The slider starts at the month after the earliest dated partnership (asOf takes a month as its first day).
    const [year, month] = everything.edges
      .map((edge: { announcedOn: string | null }) => edge.announcedOn)
      .filter(Boolean)
      .sort()[0]
      .split('-')
      .map(Number);
    const earliest = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    await page.focus('#as-of');
    await page.keyboard.press('Home');
    await panelReady(page, 'network-panel', { kinds: withoutSupply, asOf: earliest });
    const early = (await server.ok(NETWORK, { kinds: withoutSupply, asOf: earliest })).partnershipNetwork;
    expect(early.edges.length).toBeGreaterThan(0);
    expect(early.edges.length).toBeLessThan(noSupply.edges.length);
    expect(await drawn(page, 'network')).toEqual({ nodes: sortedIds(early.nodes), edges: sortedIds(early.edges) });
    expect(await page.textContent('#as-of-label')).toBe(`${earliest}-01`);

    await page.keyboard.press('End');
    await page.check('#kinds input[value="SUPPLY"]');
    await panelReady(page, 'network-panel', { kinds: null, asOf: null });
    expect((await drawn(page, 'network')).edges).toEqual(sortedIds(everything.edges));

    // The card of a clicked company, from company(id:).
    await clickNode(page, 'microsoft');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as DashboardWindow).document
          .querySelector('#company-card h3')
          ?.textContent.startsWith('Microsoft'),
      undefined,
      WAIT,
    );
    const microsoft = (await server.ok(COMPANY, { id: 'microsoft' })).company;
    expect(microsoft.nameKo).toBeTruthy();
    expect(await page.textContent('#company-card h3')).toBe(`Microsoft (${microsoft.nameKo})`);
    const card = (await page.textContent('#company-card'))!;
    expect(card).toContain('United States');
    for (const service of microsoft.services) expect(card).toContain(service.name);
    expect(await page.$$eval('#company-card .sources li', (items) => items.length)).toBe(microsoft.sources.length);

    // 2. Concentration: the first measure and grouping, then others, each with the API's HHI and shares.
    const concentrationShown = async (variables: {
      measure: string;
      groupBy: string;
      stage: string | null;
      asOf: string | null;
    }) => {
      await panelReady(page, 'concentration-panel', variables);
      const expected = (await server.ok(CONCENTRATION, variables)).concentration;
      expect(Number(await page.getAttribute('#hhi', 'data-hhi'))).toBe(expected.hhi);
      expect(await page.getAttribute('#hhi', 'data-level')).toBe(expected.level);
      expect(
        await page.$$eval('#bars .bar-row', (rows) =>
          rows.map((row) => (row as unknown as { dataset: { key: string } }).dataset.key),
        ),
      ).toEqual(expected.shares.map((share: { key: string }) => share.key));
      return expected;
    };
    // The contract's measures, in its order, the new ones among them; the served schema has the same.
    expect(await optionValues(page, '#measure')).toEqual(enumValues('ConcentrationMeasure', contract()));
    expect(await optionValues(page, '#measure')).toEqual(
      expect.arrayContaining(['TRAINING_COMPUTE', 'HOSTED_MODELS', 'COMPUTE']),
    );
    expect(await optionValues(page, '#measure')).toEqual(enumValues('ConcentrationMeasure'));
    expect(await optionValues(page, '#group-by')).toEqual(enumValues('ConcentrationGroup'));
    const stages = (await server.ok('{ stages { id } }')).stages.map((stage: { id: string }) => stage.id);
    expect((await optionValues(page, '#stage')).sort()).toEqual(['', ...stages].sort());
    const models = await concentrationShown({ measure: 'MODELS', groupBy: 'COMPANY', stage: null, asOf: null });
    expect(await page.textContent('#bars')).toContain('OpenAI');
    await page.selectOption('#measure', 'SERVICES');
    await page.selectOption('#group-by', 'BLOC');
    const services = await concentrationShown({ measure: 'SERVICES', groupBy: 'BLOC', stage: null, asOf: null });
    expect(services.hhi).not.toBe(models.hhi);
    expect(await page.textContent('#bars')).toContain('OpenAI + Microsoft');
    await page.selectOption('#measure', 'MARKET_CAP');
    await page.selectOption('#group-by', 'COUNTRY');
    await page.selectOption('#stage', 'chips');
    await concentrationShown({ measure: 'MARKET_CAP', groupBy: 'COUNTRY', stage: 'chips', asOf: null });
    // An as-of date is passed on: the report's models released by mid-2021, by company.
    await page.selectOption('#measure', 'MODELS');
    await page.selectOption('#group-by', 'COMPANY');
    await page.selectOption('#stage', '');
    await page.fill('#concentration-as-of', '2021-06');
    await page.press('#concentration-as-of', 'Enter');
    const mid2021 = await concentrationShown({ measure: 'MODELS', groupBy: 'COMPANY', stage: null, asOf: '2021-06' });
    expect(mid2021.hhi).not.toBe(models.hhi);
    expect(await page.textContent('#hhi')).toContain('as of 2021-06');
    await page.fill('#concentration-as-of', '');
    await page.press('#concentration-as-of', 'Enter');
    await panelReady(page, 'concentration-panel', { measure: 'MODELS', groupBy: 'COMPANY', stage: null, asOf: null });

    // 3. The dependency explorer: another service, then AskUp down to the foundry.
    await page.selectOption('#service', 'chatgpt-plus');
    await panelReady(page, 'explorer-panel', { direction: 'upstream', of: 'chatgpt-plus' });
    await page.selectOption('#service', 'askup');
    await panelReady(page, 'explorer-panel', { direction: 'upstream', of: 'askup' });
    const upstream = (await server.ok(UPSTREAM, { of: 'askup' })).upstream;
    const reached = [
      upstream.root.id,
      ...upstream.nodes.map((node: { entity: { id: string } }) => node.entity.id),
    ].sort();
    expect(reached).toEqual(expect.arrayContaining(['gpt-4', 'openai', 'microsoft', 'nvidia', 'tsmc']));
    expect((await drawn(page, 'upstream')).nodes).toEqual(reached);
    expect(await page.textContent('#layers')).toContain('TSMC');

    await page.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests.some((url) => url.endsWith('/graphql'))).toBe(true);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  it('shows the error and its code, not a blank page, when Neo4j is unreachable', async () => {
    const relay = await cuttableRelay(process.env.NEO4J_URI!);
    const runner = await QueryRunner.connect({
      uri: relay.uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    });
    await relay.cut();
    const unreachable = await startTestServer(runner);
    try {
      const { page, problems, foreign } = await watchedPage();
      await page.goto(`${new URL(unreachable.url).origin}/dashboard`, { waitUntil: 'load' });
      for (const panel of PANELS) {
        await page.waitForSelector(`#${panel}[data-state="error"] .error:not([hidden])`, WAIT);
        const shown = (await page.textContent(`#${panel} .error`))!;
        expect(shown).toContain('SERVICE_UNAVAILABLE');
        expect(shown).toContain('not reachable');
        expect(await page.isVisible(`#${panel} .error`)).toBe(true);
        expect(await page.textContent(`#${panel} .status`)).not.toContain('Loading');
      }
      await page.screenshot({ path: path.join(artifacts, 'dashboard-error.png') });
      expect(problems).toEqual([]);
      expect(foreign()).toEqual([]);
      await page.close();
    } finally {
      await unreachable.close();
      await runner.close();
    }
  });
});

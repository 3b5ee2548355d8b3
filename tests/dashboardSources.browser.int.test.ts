/**
 * The dashboard over the whole chain, in headless Chromium: the report's seed with every shipped database imported
 * (as `npm start` loads an empty database). The sources panel, the conflicts view, the concentration measures of
 * the imported data and the explorer's walks to data sets, inference providers and chip vendors are each checked
 * against the public API's own answer to the same arguments, or against the shipped files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { QueryRunner } from '../src/db/queryRunner';
import { artifacts, launchChromium, toDocs, watchPage } from './support/browser';
import { SHIPPED_EPOCH_CSV, epochRows } from './support/epochCsv';
import { startTestServer } from './support/graphqlClient';
import { importDefaultDatabases, seededRunner } from './support/importGraph';

const WAIT = { timeout: 90000 };
const PANELS = ['network-panel', 'concentration-panel', 'explorer-panel', 'sources-panel', 'conflicts-panel'];
/** The explorer's cap on drawn entities (MAX_DRAWN in src/server/dashboard/explorer.js). */
const MAX_DRAWN = 150;

const SOURCES = '{ sources { id name publisher url sourceKind license snapshotOn importedAt records } }';
const CONFLICTS = `query ($field: String, $kind: EntityKind) {
  conflicts(field: $field, kind: $kind, first: 20) {
    totalCount
    nodes { entity { id } field claims { value preferred confidence source { id name } } }
  }
}`;
const CONCENTRATION = `query ($measure: ConcentrationMeasure!, $asOf: PartialDate) {
  concentration(measure: $measure, groupBy: COMPANY, asOf: $asOf) { hhi shares { key value } }
}`;
const WALK = `query ($of: ID!) {
  upstream(of: $of) { nodes { entity { id kind } } steps { from to relations } }
  downstream(of: $of) { nodes { entity { id kind } } steps { from to relations } }
}`;

interface Source {
  id: string;
  name: string;
  publisher: string | null;
  url: string | null;
  sourceKind: 'DOCUMENT' | 'DATABASE';
  license: string | null;
  snapshotOn: string | null;
  importedAt: string | null;
  records: number | null;
}
interface Claim {
  value: string;
  preferred: boolean;
  confidence: string;
  source: { id: string; name: string };
}
interface Conflict {
  entity: { id: string };
  field: string;
  claims: Claim[];
}
interface Step {
  from: string;
  to: string;
  relations: string[];
}

/** What the tests reach of the page's window (the project compiles without the DOM's types). */
interface DrawnElement {
  id(): string;
  data(name: string): string;
}
interface ShownElement {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<ShownElement>;
}
interface DashboardWindow {
  document: { getElementById(id: string): { dataset: Record<string, string | undefined> } | null };
  dashboard: { upstream: { nodes(): DrawnElement[]; edges(): DrawnElement[] } };
}

/**
 * Waits until a panel has answered these variables (as the page writes them in data-variables), and expects it to
 * have drawn them: a panel showing an error fails at once, with the error it shows.
 */
async function panelReady(page: Page, panel: string, variables?: Record<string, unknown>) {
  await page.waitForFunction(
    ([id, wanted]) => {
      const element = (globalThis as unknown as DashboardWindow).document.getElementById(id);
      return (
        (element?.dataset.state === 'ready' || element?.dataset.state === 'error') &&
        (wanted === null || element.dataset.variables === wanted)
      );
    },
    [panel, variables ? JSON.stringify(variables) : null] as const,
    WAIT,
  );
  const state = await page.getAttribute(`#${panel}`, 'data-state');
  expect([panel, state, state === 'error' ? await page.textContent(`#${panel} .error`) : '']).toEqual([
    panel,
    'ready',
    '',
  ]);
}

/** The explorer's drawn nodes (id and kind) and edges (id and label). */
function drawnWalk(page: Page) {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as DashboardWindow).dashboard.upstream;
    return {
      nodes: Object.fromEntries(cy.nodes().map((node) => [node.id(), node.data('kind')])),
      edges: Object.fromEntries(cy.edges().map((edge) => [edge.id(), edge.data('label')])),
    };
  });
}

/** The newest date of Epoch AI's file (its Publication date and Last modified columns): the snapshot's date. */
function epochSnapshotDate(): string {
  return epochRows(SHIPPED_EPOCH_CSV)
    .flatMap((row) => [row['Publication date'], row['Last modified']])
    .map((cell) => /^\d{4}-\d{2}-\d{2}/.exec(cell.trim())?.[0] ?? '')
    .reduce((newest, date) => (date > newest ? date : newest), '');
}

const attribute = (page: Page, selector: string, name: string) =>
  page.$$eval(selector, (nodes, key) => nodes.map((node) => (node as unknown as ShownElement).getAttribute(key)), name);

describe('dashboard over the seed and the shipped databases, in headless Chromium', () => {
  let runner: QueryRunner;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];
  let requests: string[] = [];

  beforeAll(async () => {
    runner = await seededRunner();
    await importDefaultDatabases(runner);
    server = await startTestServer(runner);
    browser = await launchChromium('dashboard-sources');
    context = browser.context;
    page = await context.newPage();
    const watched = watchPage(page);
    problems = watched.problems;
    requests = watched.requests;
    await page.goto(`${new URL(server.url).origin}/dashboard`, { waitUntil: 'load' });
    for (const panel of PANELS) await panelReady(page, panel);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await runner?.close();
  });

  it('lists each database: publisher, licence, snapshot, import time, records; counts the documents', async () => {
    const sources: Source[] = (await server.ok(SOURCES)).sources;
    const databases = sources.filter((source) => source.sourceKind === 'DATABASE');
    expect(await attribute(page, '#databases tbody tr', 'data-id')).toEqual(
      [...databases].sort((a, b) => a.name.localeCompare(b.name)).map((source) => source.id),
    );
    for (const source of databases) {
      const row = `#databases tr[data-id="${source.id}"]`;
      expect(await page.textContent(`${row} .name`)).toBe(source.name);
      expect(await page.getAttribute(`${row} .name a`, 'href')).toBe(source.url);
      expect(await page.textContent(`${row} .publisher`)).toBe(source.publisher);
      expect(await page.textContent(`${row} .license`)).toBe(source.license);
      expect(await page.textContent(`${row} .snapshot`)).toBe(source.snapshotOn);
      expect(await page.getAttribute(`${row} .imported`, 'title')).toBe(source.importedAt);
      expect(await page.textContent(`${row} .imported`)).toBe(
        `${source.importedAt!.slice(0, 16).replace('T', ' ')} UTC`,
      );
      expect(Number((await page.textContent(`${row} .records`))!.replace(/,/g, ''))).toBe(source.records);
    }

    // Epoch AI's database as its shipped folder has it: CC BY 4.0 (its LICENSE), the file's newest date.
    const licence = fs.readFileSync(path.join(path.dirname(SHIPPED_EPOCH_CSV), 'LICENSE'), 'utf8');
    expect(licence.split('\n')[0].trim()).toBe('Attribution 4.0 International');
    const epoch = '#databases tr[data-id="epoch-ai-models"]';
    expect(await page.textContent(`${epoch} .license`)).toBe('CC-BY-4.0');
    expect(await page.textContent(`${epoch} .snapshot`)).toBe(epochSnapshotDate());
    expect(await page.textContent(`${epoch} .publisher`)).toBe('Epoch AI');

    const documents = sources.filter((source) => source.sourceKind === 'DOCUMENT');
    expect(await page.getAttribute('#documents', 'data-count')).toBe(String(documents.length));
    expect(await page.textContent('#documents summary')).toContain(documents.length.toLocaleString('en'));
    expect(await page.getAttribute('#documents', 'open')).toBeNull();
    expect(await page.$$eval('#documents li', (items) => items.length)).toBe(documents.length);
  });

  /** The conflicts the page lists, as the API gives them for the same filter: entity, field, each claim. */
  async function conflictsShown(variables: { field: string | null; kind: string | null }) {
    await panelReady(page, 'conflicts-panel', variables);
    const expected: { totalCount: number; nodes: Conflict[] } = (await server.ok(CONFLICTS, variables)).conflicts;
    const shown = await page.$$eval('#conflicts > li', (items) =>
      items.map((item) => {
        const element = item as unknown as ShownElement;
        return {
          entity: element.dataset.entity,
          field: element.dataset.field,
          claims: Array.from(element.querySelectorAll('.claim')).map((claim) => ({
            source: claim.dataset.source,
            value: claim.dataset.value,
            text: claim.textContent,
            preferred: claim.classList.contains('preferred'),
            uncertain: claim.classList.contains('uncertain'),
          })),
        };
      }),
    );
    expect(shown.map(({ entity, field }) => ({ entity, field }))).toEqual(
      expected.nodes.map((conflict) => ({ entity: conflict.entity.id, field: conflict.field })),
    );
    expected.nodes.forEach((conflict, index) => {
      expect(
        shown[index].claims.map(({ source, value, preferred, uncertain }) => [source, value, preferred, uncertain]),
      ).toEqual(
        conflict.claims.map((claim) => [
          claim.source.id,
          claim.value,
          claim.preferred,
          claim.confidence === 'UNCERTAIN',
        ]),
      );
      conflict.claims.forEach((claim, at) => {
        expect(shown[index].claims[at].text).toContain(claim.source.name);
        expect(shown[index].claims[at].text!.includes('★')).toBe(claim.preferred);
        expect(shown[index].claims[at].text!.includes('uncertain')).toBe(claim.confidence === 'UNCERTAIN');
      });
    });
    return expected;
  }

  it('lists the fields where sources disagree, each source with its value, the preferred one marked', async () => {
    const all = await conflictsShown({ field: null, kind: null });
    expect(all.nodes.length).toBeGreaterThan(0);
    expect(await page.textContent('#conflict-count')).toContain(all.totalCount.toLocaleString('en'));

    // The report and Epoch AI disagree on release dates (docs/imports.md lists such conflicts).
    await page.fill('#conflict-field', 'releasedOn');
    await page.press('#conflict-field', 'Enter');
    const releases = await conflictsShown({ field: 'releasedOn', kind: null });
    expect(releases.nodes.length).toBeGreaterThan(0);
    expect(releases.nodes.every((conflict) => conflict.field === 'releasedOn')).toBe(true);
    const sources = new Set(releases.nodes.flatMap((conflict) => conflict.claims.map((claim) => claim.source.id)));
    expect(sources).toContain('epoch-ai-models');

    await page.fill('#conflict-field', '');
    await page.press('#conflict-field', 'Enter');
    await page.selectOption('#conflict-kind', 'COMPANY');
    await conflictsShown({ field: null, kind: 'COMPANY' });
    await page.selectOption('#conflict-kind', '');
    await conflictsShown({ field: null, kind: null });
  });

  /** Chooses a measure (and an as-of date) and checks the bars against the API's shares; returns the API's answer. */
  async function measureShown(measure: string, asOf: string | null) {
    await page.fill('#concentration-as-of', asOf ?? '');
    await page.press('#concentration-as-of', 'Enter');
    await page.selectOption('#group-by', 'COMPANY');
    await page.selectOption('#stage', '');
    await page.selectOption('#measure', measure);
    await panelReady(page, 'concentration-panel', { measure, groupBy: 'COMPANY', stage: null, asOf });
    const expected = (await server.ok(CONCENTRATION, { measure, asOf })).concentration;
    expect(Number(await page.getAttribute('#hhi', 'data-hhi'))).toBe(expected.hhi);
    expect(await attribute(page, '#bars .bar-row', 'data-key')).toEqual(
      expected.shares.map((share: { key: string }) => share.key),
    );
    return expected;
  }

  it('offers training compute, hosted models and compute owned, each figure in its unit', async () => {
    const measures = await attribute(page, '#measure option', 'value');
    expect(measures).toEqual(expect.arrayContaining(['TRAINING_COMPUTE', 'HOSTED_MODELS', 'COMPUTE']));

    const compute = await measureShown('TRAINING_COMPUTE', null);
    expect(compute.shares.length).toBeGreaterThan(0);
    const [top] = compute.shares;
    const [mantissa, exponent] = top.value.toExponential(2).split('e');
    expect(await page.textContent(`#bars .bar-row[data-key="${top.key}"] .bar-value`)).toContain(
      `${Number(mantissa)}e${Number(exponent)} FLOP`,
    );

    const hosted = await measureShown('HOSTED_MODELS', null);
    expect(hosted.shares.length).toBeGreaterThan(0);
    expect(await page.textContent('#bars')).toContain(' offers)');

    // Compute owned as of the end of 2024: each owner's newest estimate on or before it.
    const owned = await measureShown('COMPUTE', '2024-12-31');
    expect(owned.shares.length).toBeGreaterThan(0);
    expect(await page.textContent('#bars')).toContain(' H100e)');
    expect(await page.textContent('#hhi')).toContain('as of 2024-12-31');
    const now = await measureShown('COMPUTE', null);
    expect(now.shares.length).toBeGreaterThan(0);
  });

  /** Finds an entity with the explorer's search box and walks from it in a direction. */
  async function walkFrom(id: string, name: string, direction: 'upstream' | 'downstream') {
    await page.selectOption('#direction', direction);
    await page.fill('#explorer-search', name);
    await page.press('#explorer-search', 'Enter');
    await page.click(`#search-hits button[data-id="${id}"]`, WAIT);
    await panelReady(page, 'explorer-panel', { direction, of: id });
    const walk = (await server.ok(WALK, { of: id }))[direction];
    return { drawn: await drawnWalk(page), nodes: walk.nodes as { entity: { id: string; kind: string } }[], walk };
  }

  /** The label of the drawn edge from one entity to another: every relation between them. */
  const edgeLabel = (drawn: { edges: Record<string, string> }, from: string, to: string) =>
    drawn.edges[`${from}->${to}`];

  it('walks to data sets (drawn in a shape of their own, with the legend), providers and chip vendors', async () => {
    expect(await attribute(page, '#explorer-legend li', 'data-kind')).toEqual([
      'SERVICE',
      'FOUNDATION_MODEL',
      'COMPANY',
      'DATASET',
    ]);
    expect(await page.textContent('#explorer-legend')).toContain('data set');

    // A model trained on a data set that a company publishes: TRAINED_ON, then PUBLISHED_BY.
    const datasets = (
      await server.ok('{ datasets(first: 100) { nodes { id name models { id name } publishers { id } } } }')
    ).datasets.nodes as { id: string; models: { id: string; name: string }[]; publishers: { id: string }[] }[];
    const dataset = datasets.find((candidate) => candidate.models.length > 0 && candidate.publishers.length > 0)!;
    expect(dataset).toBeDefined();
    const trained = dataset.models[0];
    const up = await walkFrom(trained.id, trained.name, 'upstream');
    expect(up.drawn.nodes[dataset.id]).toBe('DATASET');
    expect(edgeLabel(up.drawn, trained.id, dataset.id)).toContain('TRAINED_ON');
    expect(edgeLabel(up.drawn, dataset.id, dataset.publishers[0].id)).toContain('PUBLISHED_BY');
    expect(await page.textContent('#layers')).toContain('data set');

    // A provider serving a model depends on it: the model's downstream reaches the provider by OFFERS.
    const hosted = (await server.ok(CONCENTRATION, { measure: 'HOSTED_MODELS', asOf: null })).concentration;
    const provider = hosted.shares[0].key;
    const offered = (
      await server.ok('query ($id: ID!) { company(id: $id) { offers { model { id name } } } }', { id: provider })
    ).company.offers[0].model;
    const down = await walkFrom(offered.id, offered.name, 'downstream');
    const offers = (down.walk.steps as Step[]).filter((step) => step.relations.includes('OFFERS'));
    expect(offers).toContainEqual({ from: provider, to: offered.id, relations: expect.arrayContaining(['OFFERS']) });
    expect(edgeLabel(down.drawn, provider, offered.id)).toContain('OFFERS');

    // The largest owner of accelerators depends on the vendors of its chips (its own chips, Google's TPUs for Google,
    // make no dependency).
    const owned = (await server.ok(CONCENTRATION, { measure: 'COMPUTE', asOf: null })).concentration;
    const owner = owned.shares[0].key;
    const company = (
      await server.ok('query ($id: ID!) { company(id: $id) { name computeHoldings { vendor { id } } } }', {
        id: owner,
      })
    ).company;
    const chips = await walkFrom(owner, company.name, 'upstream');
    const vendors = (company.computeHoldings as { vendor: { id: string } }[])
      .map((holding) => holding.vendor.id)
      .filter((vendor) => vendor !== owner);
    expect(vendors.length).toBeGreaterThan(0);
    for (const vendor of vendors) expect(edgeLabel(chips.drawn, owner, vendor)).toContain('SUPPLIED_BY');
  });

  const CARD = `query ($id: ID!) { company(id: $id) {
    name
    computeHoldings { vendor { id name } asOf h100EquivalentsLow h100EquivalentsHigh source { name } }
    offers { model { id } providerModelId source { name } }
  } }`;
  interface Card {
    name: string;
    computeHoldings: {
      vendor: { id: string; name: string };
      asOf: string;
      h100EquivalentsLow: number | null;
      h100EquivalentsHigh: number | null;
      source: { name: string };
    }[];
    offers: { model: { id: string }; providerModelId: string; source: { name: string } }[];
  }

  it.each([
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])('gives a company card the accelerators it owns and the models it serves, at $width x $height', async (size) => {
    const card = await context.newPage();
    await card.setViewportSize(size);
    const watched = watchPage(card);
    await card.goto(`${new URL(server.url).origin}/dashboard`, { waitUntil: 'load' });
    await panelReady(card, 'network-panel');
    /** Opens a company's card from the page's search box and waits for it to be drawn. */
    const open = async (id: string, name: string) => {
      await card.fill('#find', name);
      await card.press('#find', 'Enter');
      await card.click(`#find-hits button[data-id="${id}"]`, WAIT);
      await card.waitForSelector(`#company-card[data-company="${id}"] h3`, WAIT);
    };
    // The largest owner of accelerators: one line per vendor, with its date, its interval and its source.
    const owner = (await server.ok(CONCENTRATION, { measure: 'COMPUTE', asOf: null })).concentration.shares[0].key;
    const owned: Card = (await server.ok(CARD, { id: owner })).company;
    expect(owned.computeHoldings.length).toBeGreaterThan(0);
    await open(owner, owned.name);
    expect(await attribute(card, '#company-card ul.compute li', 'data-vendor')).toEqual(
      owned.computeHoldings.map((holding) => holding.vendor.id),
    );
    const lines = await card.$$eval('#company-card ul.compute li', (items) => items.map((item) => item.textContent));
    owned.computeHoldings.forEach((holding, index) => {
      expect(lines[index]).toContain(holding.vendor.name);
      expect(lines[index]).toContain(`as of ${holding.asOf}`);
      expect(lines[index]).toContain(holding.source.name);
      if (holding.h100EquivalentsLow !== null && holding.h100EquivalentsHigh !== null)
        expect(lines[index]).toContain('90 % interval');
    });
    // The provider with the most offers: the first ten listed, the rest folded, every one there, with the source.
    const provider = (await server.ok(CONCENTRATION, { measure: 'HOSTED_MODELS', asOf: null })).concentration.shares[0]
      .key;
    const serving: Card = (await server.ok(CARD, { id: provider })).company;
    expect(serving.offers.length).toBeGreaterThan(10);
    await open(provider, serving.name);
    expect(await attribute(card, '#company-card ul.offers li', 'data-model')).toEqual(
      serving.offers.map((offer) => offer.model.id),
    );
    expect(await card.locator('#company-card > ul.offers li').count()).toBe(10);
    expect(await card.textContent('#company-card details.more-offers summary')).toBe(
      `${serving.offers.length - 10} more`,
    );
    expect(await card.isVisible('#company-card details.more-offers li >> nth=0')).toBe(false);
    await card.locator('#company-card').scrollIntoViewIfNeeded();
    // The card scrolled to its compute and offers, the rest of the offers folded.
    await card.evaluate(`(() => {
      const box = document.getElementById('company-card');
      const heading = [...box.querySelectorAll('h4')].find((h) => h.textContent.startsWith('AI compute'));
      box.scrollTop = heading.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 8;
    })()`);
    const shot = path.join(artifacts, `dashboard-card-offers-${size.width}x${size.height}.png`);
    await card.locator('#network-panel').screenshot({ path: shot });
    if (size.width >= 900) toDocs(shot, 'dashboard-card.png');
    await card.click('#company-card details.more-offers summary');
    expect(await card.isVisible('#company-card details.more-offers li >> nth=0')).toBe(true);
    expect(await card.textContent('#company-card ul.offers li >> nth=0')).toContain(serving.offers[0].providerModelId);
    for (const name of new Set(serving.offers.map((offer) => offer.source.name)))
      expect(await card.textContent('#company-card .offers-source')).toContain(name);
    expect(watched.problems).toEqual([]);
    await card.close();
  });

  it('draws the nearest entities of a walk of hundreds and lists every one', async () => {
    // Everything trained on NVIDIA's chips or built on such a model: the largest walk of the graph.
    const { drawn, nodes } = await walkFrom('nvidia', 'NVIDIA', 'downstream');
    expect(nodes.length).toBeGreaterThan(MAX_DRAWN);
    expect(Object.keys(drawn.nodes).sort()).toEqual(
      ['nvidia', ...nodes.slice(0, MAX_DRAWN - 1).map((node) => node.entity.id)].sort(),
    );
    expect(await page.isVisible('#explorer-note')).toBe(true);
    expect(await page.textContent('#explorer-note')).toContain(`${nodes.length + 1} entities in all`);
    expect(await page.getAttribute('#upstream', 'data-total')).toBe(String(nodes.length + 1));
    // The text names every entity of the walk, the long layers folded.
    const listed = (await page.textContent('#layers'))!;
    const names = (
      await server.ok('query ($of: ID!) { downstream(of: $of) { nodes { entity { name } } } }', {
        of: 'nvidia',
      })
    ).downstream.nodes.map((node: { entity: { name: string } }) => node.entity.name);
    for (const name of names) expect(listed).toContain(name);
    expect(await page.$$eval('#layers details.more', (folds) => folds.length)).toBeGreaterThan(0);
  });

  it('logs no error and asks nothing of any other host', async () => {
    await page.screenshot({ path: path.join(artifacts, 'dashboard-sources.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(
      requests.filter((url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname) && !url.startsWith('data:')),
    ).toEqual([]);
  });
});

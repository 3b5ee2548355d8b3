/**
 * The dashboard as an analyst uses it, in Debian's headless Chromium at a phone's size (390x844) and a laptop's
 * (1280x800), started with a fontconfig that holds no CJK font: the layout at both sizes, Korean drawn with the font
 * the server serves, honest figures, UNCERTAIN facts dashed and labelled, every analytic, search and filters, a view
 * kept in its link, the PNG and CSV downloads and the page's accessibility. Each figure is compared with the public
 * API's own answer to the same arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  artifacts,
  fontconfigWithoutCjk,
  launchChromium,
  panelReady,
  toDocs,
  watchPage,
  DASHBOARD_PANELS as PANELS,
} from './support/browser';
import { startSeededServer } from './support/graphqlClient';

const WAIT = { timeout: 90000 };

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

const NETWORK = `query ($kinds: [PartnershipKind!], $asOf: PartialDate) {
  partnershipNetwork(kinds: $kinds, asOf: $asOf) { nodes { id group } edges { id announcedOn } }
}`;
const DEALS = `query ($after: String) { partnerships(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { id name confidence } } }`;

/** What the tests reach of the page's window (the project compiles without the DOM's types). */
interface Drawn {
  id(): string;
  data(key: string): string;
  style(key: string): string;
  position(): { x: number; y: number };
  renderedPosition(): { x: number; y: number };
  renderedMidpoint(): { x: number; y: number };
  hasClass(name: string): boolean;
  length: number;
}
interface Graph {
  nodes(selector?: string): Drawn[];
  edges(selector?: string): Drawn[];
  $id(id: string): Drawn;
}
/** The page's colours module (window.dashboard.colours). */
interface Colours {
  KIND_STYLES: Record<string, { colour: string }>;
  ENTITY_STYLES: Record<string, { colour: string }>;
  PALETTE: string[];
  NO_GROUP: string;
  STEP_COLOUR: string;
  PATH_COLOUR: string;
  contrast(first: string, second: string): number;
}
interface Measured {
  tagName: string;
  id: string;
  className: string;
  getBoundingClientRect(): { right: number };
}
interface PageElement {
  textContent: string;
  value: string;
  parentElement: PageElement | null;
  dataset: Record<string, string | undefined>;
}
interface PageWindow {
  dashboard: { network: Graph; upstream: Graph };
  location: { origin: string };
  document: {
    documentElement: { scrollWidth: number };
    activeElement: PageElement | null;
    getElementById(id: string): PageElement | null;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    fonts: Iterable<{ family: string; status: string; weight: string }> & { ready: Promise<unknown> };
    createElement(tag: 'canvas'): {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        font: string;
        fillText(text: string, x: number, y: number): void;
        measureText(text: string): { width: number };
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        clearRect(x: number, y: number, w: number, h: number): void;
      };
    };
  };
  getComputedStyle(element: unknown): Record<string, string>;
}

/** The ids of what a graph of the page draws. */
const drawnIds = (page: Page, graph: 'network' | 'upstream') =>
  page.evaluate((name) => {
    const cy = (globalThis as unknown as PageWindow).dashboard[name];
    return {
      nodes: cy
        .nodes()
        .map((node) => node.id())
        .sort(),
      edges: cy
        .edges()
        .map((edge) => edge.id())
        .sort(),
    };
  }, graph);

describe('dashboard for an analyst, in headless Chromium without system CJK fonts', () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let context: BrowserContext;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let fontconfig: ReturnType<typeof fontconfigWithoutCjk>;
  let origin: string;
  let problems: string[] = [];
  let requests: string[] = [];

  beforeAll(async () => {
    server = await startSeededServer();
    origin = new URL(server.url).origin;
    fontconfig = fontconfigWithoutCjk();
    browser = await launchChromium('dashboard-analyst', { env: fontconfig.env });
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    fontconfig?.remove();
    await server?.close();
  });

  /** A page at this size on /dashboard (with a fragment), every panel drawn, recording errors and requests. */
  async function openDashboard(size: { width: number; height: number }, hash = '') {
    const page = await context.newPage();
    await page.setViewportSize(size);
    ({ problems, requests } = watchPage(page));
    await page.goto(`${origin}/dashboard${hash}`, { waitUntil: 'load' });
    for (const panel of PANELS) await panelReady(page, panel);
    return page;
  }

  /** Every partnership's confidence, by id, from the API. */
  async function dealConfidences(): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    let after: string | null = null;
    do {
      const page: {
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { id: string; confidence: string }[];
      } = (await server.ok(DEALS, { after })).partnerships;
      for (const deal of page.nodes) found.set(deal.id, deal.confidence);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return found;
  }

  /** Waits until every partnership's details (sources, parties) have reached the network. */
  const dealsLoaded = (page: Page) =>
    page.waitForFunction(
      () => Number((globalThis as unknown as PageWindow).document.getElementById('network')?.dataset.deals) > 0,
      undefined,
      WAIT,
    );

  describe.each(SIZES)('at $width x $height', (size) => {
    const tag = `${size.width}x${size.height}`;

    it('stacks or sides its panels with a usable network and an explorer that fits its width', async () => {
      const page = await openDashboard(size);
      const network = (await page.locator('#network').boundingBox())!;
      expect(network.height).toBeGreaterThanOrEqual(280);
      expect(network.width).toBeGreaterThanOrEqual(Math.min(size.width - 60, 400));
      // Nothing is wider than the window: no sideways scrolling on a phone.
      const wider = await page.evaluate((width) => {
        const { document, getComputedStyle } = globalThis as unknown as PageWindow;
        return Array.from(document.querySelectorAll('body *'))
          .filter((element) => {
            // What a scrolling box (a wide table) clips is not wider than the page.
            for (let at = (element as unknown as PageElement).parentElement; at; at = at.parentElement)
              if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(at).overflowX)) return false;
            return (element as unknown as Measured).getBoundingClientRect().right > width + 0.5;
          })
          .map((element) => {
            const measured = element as unknown as Measured;
            return `${measured.tagName}#${measured.id}.${measured.className}`;
          })
          .slice(0, 10);
      }, size.width);
      expect(wider).toEqual([]);
      expect(
        await page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(size.width);
      const explorer = (await page.locator('#upstream').boundingBox())!;
      expect(explorer.width).toBeLessThanOrEqual(size.width);
      expect(Number(await page.getAttribute('#upstream', 'data-zoom'))).toBeGreaterThanOrEqual(0.45);
      const panels = await Promise.all(PANELS.map(async (id) => (await page.locator(`#${id}`).boundingBox())!));
      if (size.width < 900) {
        // Stacked: one column, each panel below the one before.
        for (const box of panels) expect(box.width).toBeGreaterThan(size.width - 40);
        for (let index = 1; index < panels.length; index += 1)
          expect(panels[index].y).toBeGreaterThan(panels[index - 1].y);
      } else {
        // Side by side: the network and the concentration share a row.
        expect(Math.abs(panels[0].y - panels[1].y)).toBeLessThan(2);
      }
      await page.screenshot({ path: path.join(artifacts, `dashboard-${tag}.png`), fullPage: true });
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
      await page.close();
    });

    it('draws Korean with the Noto Sans KR it serves, the system having no CJK font', async () => {
      const page = await openDashboard(size);
      const naver = (await server.ok('{ company(id: "naver") { name nameKo } }')).company;
      expect(naver.nameKo).toBe('네이버');
      await page.fill('#find', '네이버');
      await page.press('#find', 'Enter');
      await page.waitForSelector('#find-hits button[data-id="naver"]', WAIT);
      await page.click('#find-hits button[data-id="naver"]');
      await page.waitForFunction(
        (wanted) =>
          (globalThis as unknown as PageWindow).document.querySelector('#company-card h3')?.textContent === wanted,
        `${naver.name} (${naver.nameKo})`,
        WAIT,
      );
      await page.evaluate(() => (globalThis as unknown as PageWindow).document.fonts.ready.then(() => true));
      const measured = await page.evaluate(() => {
        const doc = (globalThis as unknown as PageWindow).document;
        const canvas = doc.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const context = canvas.getContext('2d');
        /** The pixels of one character drawn in a font: tofu boxes of a font without it are all alike. */
        const pixels = (font: string, character: string) => {
          context.clearRect(0, 0, 64, 64);
          context.font = font;
          context.fillText(character, 4, 44);
          return Array.from(context.getImageData(0, 0, 64, 64).data).join(',');
        };
        const heading = (globalThis as unknown as PageWindow).getComputedStyle(doc.querySelector('#company-card h3'));
        const pageFont = `${heading.fontWeight} 32px ${heading.fontFamily}`;
        const loaded = [...doc.fonts]
          .filter((face) => face.family.replace(/["']/g, '') === 'Noto Sans KR' && face.status === 'loaded')
          .map((face) => face.weight);
        return {
          pageFont,
          // Control: the system's own fonts give the same box for two different syllables.
          systemAlike: pixels('32px monospace', '네') === pixels('32px monospace', '버'),
          pageAlike: pixels(pageFont, '네') === pixels(pageFont, '버'),
          pageWidth: context.measureText('네이버').width,
          systemBlank: pixels('32px monospace', '네') === pixels('32px monospace', ' '),
          loaded,
        };
      });
      expect(measured.pageFont).toContain('Noto Sans KR');
      expect(measured.systemAlike).toBe(true);
      expect(measured.pageAlike).toBe(false);
      expect(measured.loaded.length).toBeGreaterThan(0);
      const fonts = requests.filter((url) => url.includes('/fonts/'));
      expect(fonts.length).toBeGreaterThan(0);
      for (const url of fonts)
        expect(url).toMatch(/\/dashboard\/fonts\/(noto-sans-kr\.css|noto-sans-kr-\d+-\d+-normal\.woff2)$/);
      // Only the slices of the characters on screen, not the whole 5 MB of the two weights.
      expect(fonts.length).toBeLessThan(30);
      // The switch writes the network's Korean names where the API has them.
      await page.check('#korean-names');
      const captions = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).dashboard.network.nodes().map((node) => node.data('caption')),
      );
      expect(captions.some((caption) => /[\uac00-\ud7a3]/.test(caption))).toBe(true);
      const licence = await page.request.get(`${origin}/dashboard/fonts/OFL.txt`);
      expect(licence.status()).toBe(200);
      expect(await licence.text()).toContain('SIL Open Font License');
      expect(await page.getAttribute('footer a', 'href')).toBe('/dashboard/fonts/OFL.txt');
      await page.screenshot({ path: path.join(artifacts, `dashboard-korean-${tag}.png`) });
      if (size.width < 900) toDocs(path.join(artifacts, `dashboard-korean-${tag}.png`), 'dashboard-phone.png');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('gives figures with their population, "not enough data" and a legend of the thresholds', async () => {
      const page = await openDashboard(size);
      const legend = (await page.textContent('#hhi-legend'))!;
      for (const words of ['1,800', '1,000', '2023 Merger Guidelines', 'CR-k', 'CR4']) expect(legend).toContain(words);
      const stages = (await server.ok('{ stages { id } }')).stages.map((stage: { id: string }) => stage.id);
      let notEnough = 0;
      for (const stage of stages) {
        await page.selectOption('#measure', 'MARKET_CAP');
        await page.selectOption('#stage', stage);
        const variables = { measure: 'MARKET_CAP', groupBy: 'COMPANY', stage, asOf: null };
        await panelReady(page, 'concentration-panel', variables);
        const expected = (
          await server.ok(
            `query ($stage: ID) { concentration(measure: MARKET_CAP, stage: $stage) {
              hhi level population withoutValue enoughData stage { name } } }`,
            { stage },
          )
        ).concentration;
        const shown = (await page.textContent('#hhi'))!;
        if (!expected.enoughData) {
          notEnough += 1;
          expect(expected.level).toBe('NOT_ENOUGH_DATA');
          expect(shown).toContain('Not enough data');
          expect(shown).not.toMatch(/HHI \d/);
        } else {
          expect(shown).toContain(
            `HHI ${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(expected.hhi)}`,
          );
        }
        // Numbers for people: no raw float with many decimals anywhere in the panel.
        expect(await page.textContent('#concentration-panel')).not.toMatch(/\d\.\d{3,}/);
        // "3 of 5 companies in AI chips have no market cap", as the API counts them.
        const companies = expected.population === 1 ? 'company' : 'companies';
        expect(await page.textContent('#population')).toContain(
          `${expected.withoutValue} of ${expected.population} ${companies} in ${expected.stage.name} ` +
            `${expected.withoutValue === 1 ? 'has' : 'have'} no market cap`,
        );
      }
      // The seed has stages where at most one company has a market cap: the page must say so rather than show 10,000.
      expect(notEnough).toBeGreaterThan(0);

      // Comparison-only companies (Saudi Aramco) stay out of the stage-free market cap unless the box asks for them.
      await page.selectOption('#stage', '');
      const base = { measure: 'MARKET_CAP', groupBy: 'COMPANY', stage: null, asOf: null };
      await panelReady(page, 'concentration-panel', base);
      const bars = () =>
        page.$$eval('#bars .bar-row', (rows) =>
          rows.map((row) => (row as unknown as { dataset: { key: string } }).dataset.key),
        );
      const comparison = (
        await server.ok('{ companies(first: 100) { nodes { id comparisonOnly } } }')
      ).companies.nodes.filter((company: { comparisonOnly: boolean }) => company.comparisonOnly);
      expect(comparison.length).toBeGreaterThan(0);
      for (const company of comparison) expect(await bars()).not.toContain(company.id);
      await page.check('#comparison-only');
      await panelReady(page, 'concentration-panel', { ...base, includeComparisonOnly: true });
      const withThem = (
        await server.ok('{ concentration(measure: MARKET_CAP, includeComparisonOnly: true) { shares { key } } }')
      ).concentration.shares.map((share: { key: string }) => share.key);
      expect(await bars()).toEqual(withThem);
      expect(withThem).toEqual(expect.arrayContaining(comparison.map((company: { id: string }) => company.id)));
      expect(await page.textContent('#population')).toContain('comparison-only companies included');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('dashes and labels UNCERTAIN facts and shows a deal on hover, click and keyboard focus', async () => {
      const page = await openDashboard(size);
      await dealsLoaded(page);
      const confidences = await dealConfidences();
      const everything = (await server.ok(NETWORK, { kinds: null, asOf: null })).partnershipNetwork;
      const uncertain = everything.edges
        .map((edge: { id: string }) => edge.id)
        .filter((id: string) => confidences.get(id.split(':').slice(0, -2).join(':')) === 'UNCERTAIN')
        .sort();
      expect(uncertain.length).toBeGreaterThan(0);
      const drawn = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).dashboard.network
          .edges('[confidence = "UNCERTAIN"]')
          .map((edge) => ({ id: edge.id(), line: edge.style('line-style'), caption: edge.data('caption') })),
      );
      expect(drawn.map((edge) => edge.id).sort()).toEqual(uncertain);
      for (const edge of drawn) expect(edge).toMatchObject({ line: 'dashed', caption: 'uncertain' });
      const solid = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).dashboard.network
          .edges('[confidence != "UNCERTAIN"]')
          .map((edge) => edge.style('line-style')),
      );
      expect(new Set(solid)).toEqual(new Set(['solid']));

      // Hover: the deal with its date, value, confidence and sources.
      const edgeId = 'acquisition-microsoft-openai:microsoft:openai';
      const deal = (
        await server.ok(
          `{ entity(id: "acquisition-microsoft-openai") { ... on Partnership { name announcedOn sources { name } } } }`,
        )
      ).entity;
      await page.locator('#network').scrollIntoViewIfNeeded();
      const box = (await page.locator('#network').boundingBox())!;
      const middle = await page.evaluate(
        (id) => (globalThis as unknown as PageWindow).dashboard.network.$id(id).renderedMidpoint(),
        edgeId,
      );
      await page.mouse.move(box.x + middle.x, box.y + middle.y);
      await page.waitForSelector(`#edge-info[data-edge="${edgeId}"]`, WAIT);
      const info = (await page.textContent('#edge-info'))!;
      expect(info).toContain(deal.name);
      expect(info).toContain('uncertain');
      expect(info).toContain(deal.announcedOn ? `announced ${deal.announcedOn}` : 'date unknown');
      expect(info).toMatch(/USD|value not disclosed/);
      for (const source of deal.sources) expect(info).toContain(source.name);

      // Keyboard: the table's row of another deal takes focus and shows it; its company opens a card.
      await page.click('#network-table-box summary');
      const other = everything.edges.find((edge: { id: string }) => edge.id !== edgeId).id;
      await page.focus(`#network-table tr[data-edge="${other}"]`);
      await page.waitForSelector(`#edge-info[data-edge="${other}"]`, WAIT);
      await page.keyboard.press('Tab');
      const company = await page.evaluate(
        () => (globalThis as unknown as PageWindow).document.activeElement?.textContent ?? '',
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (name) =>
          (globalThis as unknown as PageWindow).document
            .querySelector('#company-card h3')
            ?.textContent.startsWith(name),
        company.split(' (')[0],
        WAIT,
      );
      expect(await page.locator(`#network-table tr[data-edge="${edgeId}"]`).getAttribute('class')).toBe('uncertain');

      // The explorer: OpenAI depends on Microsoft by several relations, each labelled as firm as the API's step for
      // it; the UNCERTAIN acquisition is labelled, and the edge is not dashed, as the other relations are firm.
      await panelReady(page, 'explorer-panel', { direction: 'upstream', of: 'askup' });
      const steps = (
        await server.ok('{ upstream(of: "askup") { steps { from to relation confidence } } }')
      ).upstream.steps.filter(
        (step: { from: string; to: string }) => step.from === 'openai' && step.to === 'microsoft',
      ) as { relation: string; confidence: string }[];
      expect(steps.find((step) => step.relation === 'OWNED_BY')?.confidence).toBe('UNCERTAIN');
      expect(steps.some((step) => step.confidence !== 'UNCERTAIN')).toBe(true);
      const step = await page.evaluate(() => {
        const edge = (globalThis as unknown as PageWindow).dashboard.upstream.$id('openai->microsoft');
        return { label: edge.data('label'), line: edge.style('line-style') };
      });
      expect(step).toEqual({
        label: steps
          .map(({ relation, confidence }) => (confidence === 'UNCERTAIN' ? `${relation} (uncertain)` : relation))
          .join(' / '),
        line: 'solid',
      });

      // The card: Microsoft's partnerships, the acquisition marked.
      await page.evaluate(() => (globalThis as unknown as { dashboard: { network: Graph } }).dashboard.network);
      await page.click('#network-table-box summary');
      await page.locator('#find').fill('Microsoft');
      await page.press('#find', 'Enter');
      await page.waitForSelector('#find-hits button[data-id="microsoft"]', WAIT);
      await page.click('#find-hits button[data-id="microsoft"]');
      await page.waitForSelector('#company-card li.uncertain[data-deal="acquisition-microsoft-openai"]', WAIT);
      expect(await page.textContent('#company-card li.uncertain')).toContain('uncertain');
      const partners = (await server.ok('{ company(id: "microsoft") { partnerships { id } } }')).company.partnerships;
      expect(await page.locator('#company-card .partners li').count()).toBe(partners.length);
      await page.screenshot({ path: path.join(artifacts, `dashboard-uncertain-${tag}.png`) });
      if (size.width >= 900) toDocs(path.join(artifacts, `dashboard-uncertain-${tag}.png`), 'dashboard-analyst.png');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('pins a deal on click until Close, and walks companies and deals on the canvas from the keyboard', async () => {
      const page = await openDashboard(size);
      await dealsLoaded(page);
      type Edge = { id: string; name: string };
      const network = (await server.ok(`{ partnershipNetwork { nodes { id label group } edges { id name } } }`))
        .partnershipNetwork as { nodes: { id: string; label: string; group: string | null }[]; edges: Edge[] };
      await page.locator('#network').scrollIntoViewIfNeeded();
      const box = (await page.locator('#network').boundingBox())!;
      const midpoint = (id: string) =>
        page.evaluate(
          (edge) => (globalThis as unknown as PageWindow).dashboard.network.$id(edge).renderedMidpoint(),
          id,
        );
      const info = () =>
        page.evaluate(() => ({
          ...(globalThis as unknown as PageWindow).document.getElementById('edge-info')!.dataset,
        }));

      // A click pins the deal: hovering another edge leaves it, Close empties the box.
      const pinned = 'acquisition-microsoft-openai:microsoft:openai';
      const at = await midpoint(pinned);
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await page.waitForSelector(`#edge-info[data-edge="${pinned}"][data-pinned="true"] button.close`, WAIT);
      // Another edge, the one whose middle lies farthest from every company's node (so the pointer is on the edge).
      const other = await page.evaluate((skip) => {
        const cy = (globalThis as unknown as PageWindow).dashboard.network;
        const clearance = (edge: Drawn) => {
          const middle = edge.renderedMidpoint();
          return Math.min(
            ...cy
              .nodes()
              .map((node) => Math.hypot(node.renderedPosition().x - middle.x, node.renderedPosition().y - middle.y)),
          );
        };
        const candidates = cy.edges().filter((edge) => !edge.id().startsWith(skip));
        return candidates.sort((a, b) => clearance(b) - clearance(a))[0].id();
      }, 'acquisition-microsoft-openai:');
      const away = await midpoint(other);
      await page.mouse.move(box.x + away.x, box.y + away.y);
      await page.waitForFunction(
        (id) => (globalThis as unknown as PageWindow).dashboard.network.$id(id).hasClass('hovered'),
        other,
        WAIT,
      );
      expect(await info()).toMatchObject({ edge: pinned, pinned: 'true' });
      await page.click('#edge-info button.close');
      expect(await page.isHidden('#edge-info')).toBe(true);
      await page.mouse.move(0, 0);

      // The keyboard: Down goes through the companies by name, Enter opens the card; Right through the deals by name,
      // Enter pins the deal; Escape clears.
      await page.focus('#network');
      const byName = [...network.nodes].sort((a, b) => a.label.localeCompare(b.label));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const selected = () =>
        page.evaluate(() =>
          (globalThis as unknown as PageWindow).dashboard.network.nodes(':selected').map((node) => node.id()),
        );
      expect(await selected()).toEqual([byName[1].id]);
      expect(await page.textContent('#network-cursor')).toContain(byName[1].label);
      await page.keyboard.press('ArrowUp');
      expect(await selected()).toEqual([byName[0].id]);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`#company-card[data-company="${byName[0].id}"] h3`, WAIT);
      const deals = [...network.edges].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      await page.keyboard.press('ArrowLeft');
      const last = deals[deals.length - 1];
      expect(await info()).toMatchObject({ edge: last.id, pinned: 'false' });
      expect(await page.textContent('#edge-info')).toContain(last.name);
      expect(await page.textContent('#network-cursor')).toContain(last.name);
      await page.keyboard.press('ArrowRight');
      expect(await info()).toMatchObject({ edge: deals[0].id, pinned: 'false' });
      await page.keyboard.press('Enter');
      expect(await info()).toMatchObject({ edge: deals[0].id, pinned: 'true' });
      // From a pinned deal the arrows go on to the next one, and back.
      await page.keyboard.press('ArrowRight');
      expect(await info()).toMatchObject({ edge: deals[1].id, pinned: 'false' });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      expect(await info()).toMatchObject({ edge: deals[0].id, pinned: 'true' });
      await page.screenshot({ path: path.join(artifacts, `dashboard-keyboard-${tag}.png`) });
      await page.keyboard.press('Escape');
      expect(await page.isHidden('#edge-info')).toBe(true);
      expect(await page.isHidden('#network-cursor')).toBe(true);
      expect(await selected()).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('answers removal impact, systemic importance and the path from AskUp to TSMC', async () => {
      const page = await openDashboard(size);
      const impact = (
        await server.ok('{ removalImpact(id: "nvidia") { exposed { id } singleSourcedServices { id } } }')
      ).removalImpact;
      expect(impact.exposed.length).toBeGreaterThan(0);
      expect(await page.getAttribute('#impact-summary', 'data-removed')).toBe('nvidia');
      expect(Number(await page.getAttribute('#impact-summary', 'data-exposed'))).toBe(impact.exposed.length);
      expect(Number(await page.getAttribute('#impact-summary', 'data-single-sourced'))).toBe(
        impact.singleSourcedServices.length,
      );
      expect(await page.textContent('#impact-summary')).toContain(
        `${new Intl.NumberFormat('en').format(impact.exposed.length)} entities`,
      );
      const ranks = (await server.ok('{ systemicImportance(first: 10) { company { id } } }')).systemicImportance;
      expect(
        await page.$$eval('#systemic tbody tr', (rows) =>
          rows.map((row) => (row as unknown as { dataset: { company: string } }).dataset.company),
        ),
      ).toEqual(ranks.map((rank: { company: { id: string } }) => rank.company.id));
      await page.locator('#impact-panel').screenshot({ path: path.join(artifacts, `dashboard-impact-${tag}.png`) });
      await page.locator('#systemic-panel').screenshot({ path: path.join(artifacts, `dashboard-systemic-${tag}.png`) });
      if (size.width >= 900) {
        toDocs(path.join(artifacts, `dashboard-impact-${tag}.png`), 'dashboard-impact.png');
        toDocs(path.join(artifacts, `dashboard-systemic-${tag}.png`), 'dashboard-systemic.png');
      }

      // Another entity removed, found by name.
      await page.fill('#impact-search', 'TSMC');
      await page.press('#impact-search', 'Enter');
      await page.click('#impact-hits button[data-id="tsmc"]');
      await panelReady(page, 'impact-panel', { id: 'tsmc' });
      const tsmc = (await server.ok('{ removalImpact(id: "tsmc") { exposed { id } } }')).removalImpact;
      expect(Number(await page.getAttribute('#impact-summary', 'data-exposed'))).toBe(tsmc.exposed.length);

      // The path mode: AskUp (the explorer's first walk) to TSMC, the shortest paths highlighted.
      await panelReady(page, 'explorer-panel', { direction: 'upstream', of: 'askup' });
      await page.fill('#path-to', 'TSMC');
      await page.press('#path-to', 'Enter');
      await page.waitForFunction(
        () => Boolean((globalThis as unknown as PageWindow).document.getElementById('upstream')?.dataset.path),
        undefined,
        WAIT,
      );
      const paths = (
        await server.ok('{ dependencyPaths(from: "askup", to: "tsmc", first: 10) { length entities { id } } }')
      ).dependencyPaths;
      const shortest = paths
        .filter((candidate: { length: number }) => candidate.length === paths[0].length)
        .map((candidate: { entities: { id: string }[] }) => candidate.entities.map((entity) => entity.id));
      expect(JSON.parse((await page.getAttribute('#upstream', 'data-path'))!)).toEqual(shortest);
      const highlighted = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).dashboard.upstream
          .nodes('.on-path')
          .map((node) => node.id())
          .sort(),
      );
      expect(highlighted).toEqual([...new Set(shortest.flat())].sort());
      expect(await page.textContent('#path-note')).toContain('AskUp →');
      expect(await page.textContent('#path-note')).toContain('→ TSMC');
      await page.locator('#explorer-panel').screenshot({ path: path.join(artifacts, `dashboard-path-${tag}.png`) });
      if (size.width >= 900) toDocs(path.join(artifacts, `dashboard-path-${tag}.png`), 'dashboard-path.png');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('finds, filters by kind, date and country, and keeps the layout across filters', async () => {
      const page = await openDashboard(size);
      const everything = (await server.ok(NETWORK, { kinds: null, asOf: null })).partnershipNetwork;
      const before = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).dashboard.network.$id('microsoft').position(),
      );
      // Every kind unchecked: the page asks for kinds [] and draws what the API answers to it.
      const kinds = await page.$$eval('#kinds input', (boxes) =>
        boxes.map((box) => (box as unknown as PageElement).value),
      );
      for (const kind of kinds.slice(0, -1)) await page.uncheck(`#kinds input[value="${kind}"]`);
      await panelReady(page, 'network-panel', { kinds: kinds.slice(-1), asOf: null });
      expect(
        await page.evaluate(() => (globalThis as unknown as PageWindow).dashboard.network.$id('microsoft').position()),
      ).toEqual(before);
      await page.uncheck(`#kinds input[value="${kinds[kinds.length - 1]}"]`);
      await panelReady(page, 'network-panel', { kinds: [], asOf: null });
      const none = (await server.ok(NETWORK, { kinds: [], asOf: null })).partnershipNetwork;
      expect(none).toEqual({ nodes: [], edges: [] });
      expect(await drawnIds(page, 'network')).toEqual({ nodes: [], edges: [] });
      expect(await page.textContent('#network-panel .status')).toContain('No partnership matches');
      expect(page.url()).toContain('kinds=&');
      for (const kind of kinds) await page.check(`#kinds input[value="${kind}"]`);
      await panelReady(page, 'network-panel', { kinds: null, asOf: null });
      // The same nodes at the same places as before any filter.
      expect(
        await page.evaluate(() => (globalThis as unknown as PageWindow).dashboard.network.$id('microsoft').position()),
      ).toEqual(before);

      // The slider says its date, and what it does with undated deals.
      const undated = everything.edges.filter((edge: { announcedOn: string | null }) => !edge.announcedOn).length;
      expect(await page.getAttribute('#as-of', 'aria-valuetext')).toContain('now');
      await page.focus('#as-of');
      await page.keyboard.press('Home');
      await page.waitForFunction(
        () =>
          (globalThis as unknown as PageWindow).document.getElementById('network-panel')?.dataset.state === 'ready' &&
          JSON.parse((globalThis as unknown as PageWindow).document.getElementById('network-panel')!.dataset.variables!)
            .asOf !== null,
        undefined,
        WAIT,
      );
      expect(await page.getAttribute('#as-of', 'aria-valuetext')).toMatch(/^as of 1 [A-Z][a-z]+ \d{4}$/);
      if (undated > 0) expect(await page.textContent('#undated-note')).toContain(`${undated} undated partnership`);
      expect(await page.isVisible('#undated-note')).toBe(undated > 0);
      await page.keyboard.press('End');
      await panelReady(page, 'network-panel', { kinds: null, asOf: null });

      // A country switched off in the legend: its companies leave the drawing, and the link keeps it.
      const korean = everything.nodes.filter((node: { group: string | null }) => node.group === 'KR');
      expect(korean.length).toBeGreaterThan(0);
      await page.click('#legend button[data-country="KR"]');
      expect(await page.getAttribute('#legend button[data-country="KR"]', 'aria-pressed')).toBe('false');
      const shown = (await drawnIds(page, 'network')).nodes;
      for (const node of korean) expect(shown).not.toContain(node.id);
      expect(shown.length).toBe(everything.nodes.length - korean.length);
      expect(page.url()).toContain('hide=KR');
      await page.click('#legend button[data-country="KR"]');

      // Search in English focuses the company in the network and the explorer.
      await page.fill('#find', 'NVIDIA');
      await page.press('#find', 'Enter');
      await page.waitForSelector('#find-hits button[data-id="nvidia"]', WAIT);
      await page.click('#find-hits button[data-id="nvidia"]');
      await panelReady(page, 'explorer-panel', { direction: 'upstream', of: 'nvidia' });
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as PageWindow).dashboard.network.nodes(':selected').map((n) => n.id()),
        ),
      ).toEqual(['nvidia']);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('keeps the view in its link, downloads it as PNG and CSV and links the whole-graph exports', async () => {
      const page = await openDashboard(size);
      await page.uncheck('#kinds input[value="SUPPLY"]');
      await page.selectOption('#measure', 'MARKET_CAP');
      await page.selectOption('#group-by', 'COUNTRY');
      await page.selectOption('#direction', 'downstream');
      await panelReady(page, 'explorer-panel', { direction: 'downstream', of: 'askup' });
      await page.selectOption('#service', 'chatgpt-plus');
      await panelReady(page, 'explorer-panel', { direction: 'downstream', of: 'chatgpt-plus' });
      await page.fill('#impact-search', 'TSMC');
      await page.press('#impact-search', 'Enter');
      await page.click('#impact-hits button[data-id="tsmc"]');
      await panelReady(page, 'impact-panel', { id: 'tsmc' });
      const kinds = ['INVESTMENT', 'LICENSING', 'CLOUD', 'COLLABORATION', 'ACQUISITION'];
      await panelReady(page, 'network-panel', { kinds, asOf: null });
      // The second country of the legend switched off.
      const country = (await page.getAttribute('#legend li:nth-child(2) button', 'data-country'))!;
      await page.click(`#legend button[data-country="${country}"]`);
      const link = page.url();
      expect(link).toContain(`hide=${country || '-'}`);
      expect(await page.getAttribute('#view-link', 'href')).toBe(link);
      const drawnBefore = await drawnIds(page, 'network');

      // PNG and CSV of the view as it is.
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('#network-png')]);
      expect(png.suggestedFilename()).toBe('partnership-network.png');
      const image = fs.readFileSync((await png.path())!);
      expect(image.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(image.readUInt32BE(16)).toBeGreaterThan(100);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#network-csv')]);
      const rows = fs
        .readFileSync((await csv.path())!, 'utf8')
        .trim()
        .split('\r\n');
      expect(rows[0]).toBe(
        'partnership,name,kind,source,source_name,target,target_name,announced_on,value_usd,confidence,parties',
      );
      expect(rows.length - 1).toBe(drawnBefore.edges.length);
      expect(rows.slice(1).every((row) => !row.includes(',SUPPLY,'))).toBe(true);

      const exports = await page.$$eval('nav.exports a', (links) => links.map((a) => a.getAttribute('href')));
      expect(exports).toEqual([
        '/export/graph.json',
        '/export/nodes.csv',
        '/export/relationships.csv',
        '/export/graph.graphml',
        '/export/graph.cypher',
      ]);
      expect((await page.request.get(`${origin}/export/nodes.csv`)).status()).toBe(200);
      await page.close();

      // The link restores every panel's part of the view.
      const restored = await context.newPage();
      await restored.setViewportSize(size);
      await restored.goto(link, { waitUntil: 'load' });
      await panelReady(restored, 'network-panel', { kinds, asOf: null });
      await panelReady(restored, 'concentration-panel', {
        measure: 'MARKET_CAP',
        groupBy: 'COUNTRY',
        stage: null,
        asOf: null,
      });
      await panelReady(restored, 'explorer-panel', { direction: 'downstream', of: 'chatgpt-plus' });
      await panelReady(restored, 'impact-panel', { id: 'tsmc' });
      expect(await restored.getAttribute(`#legend button[data-country="${country}"]`, 'aria-pressed')).toBe('false');
      expect(await drawnIds(restored, 'network')).toEqual(drawnBefore);
      await restored.close();
    });

    it('reaches nodes and cards from the keyboard, with a table, shapes and contrast', async () => {
      const page = await openDashboard(size);
      await dealsLoaded(page);
      const colours = await page.evaluate(() => {
        const module = (globalThis as unknown as { dashboard: { colours: Colours } }).dashboard.colours;
        const graphics = [
          ...Object.values(module.KIND_STYLES).map((style) => style.colour),
          ...module.PALETTE,
          module.NO_GROUP,
          ...Object.values(module.ENTITY_STYLES).map((style) => style.colour),
          module.STEP_COLOUR,
          module.PATH_COLOUR,
        ];
        return graphics.map((colour) => ({ colour, ratio: module.contrast(colour, '#fcfdfe') }));
      });
      for (const { colour, ratio } of colours) expect({ colour, ok: ratio >= 3 }).toEqual({ colour, ok: true });
      // Kinds differ by arrowhead, not only by colour.
      const arrows = await page.evaluate(() => {
        const byKind: Record<string, string> = {};
        for (const edge of (globalThis as unknown as PageWindow).dashboard.network.edges())
          byKind[edge.data('partnershipKind')] = edge.style('target-arrow-shape');
        return byKind;
      });
      expect(new Set(Object.values(arrows)).size).toBe(Object.keys(arrows).length);

      // Text at 4.5:1 at least against what lies behind it.
      const texts = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageWindow;
        const parse = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const linear = [r, g, b].map((channel) => {
            const c = channel / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
        };
        const background = (element: PageElement | null): number[] => {
          for (let at = element; at; at = at.parentElement) {
            const colour = parse(getComputedStyle(at).backgroundColor);
            if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const selectors = [
          '.note',
          '.explain',
          '.status',
          'h2',
          '.legend button',
          '.bar-value',
          '.level',
          '.hedge',
          'a',
          'button.link',
          '#network-table td',
          '#systemic td',
          'footer',
        ];
        return selectors.flatMap((selector) =>
          Array.from(document.querySelectorAll(selector))
            .slice(0, 5)
            .map((element) => {
              const [light, dark] = [
                luminance(parse(getComputedStyle(element).color)),
                luminance(background(element)),
              ].sort((a, b) => b - a);
              return { selector, ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 };
            }),
        );
      });
      expect(texts.length).toBeGreaterThan(20);
      for (const { selector, ratio } of texts) expect({ selector, ok: ratio >= 4.5 }).toEqual({ selector, ok: true });

      // The table alternative has one row per drawn edge, and a company reached by Tab opens its card.
      const edges = (await drawnIds(page, 'network')).edges;
      expect(await page.locator('#network-table tbody tr').count()).toBe(edges.length);
      await page.click('#network-table-box summary');
      await page.focus('#network-table tbody tr:first-child');
      await page.keyboard.press('Tab');
      const name = await page.evaluate(
        () => (globalThis as unknown as PageWindow).document.activeElement?.textContent ?? '',
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (wanted) =>
          (globalThis as unknown as PageWindow).document
            .querySelector('#company-card h3')
            ?.textContent.startsWith(wanted),
        name.split(' (')[0],
        WAIT,
      );
      expect(await page.getAttribute('#company-card', 'tabindex')).toBe('0');
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});

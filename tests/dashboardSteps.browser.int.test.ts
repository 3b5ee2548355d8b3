/**
 * The dependency explorer's steps in Debian's headless Chromium, at a phone's size and a laptop's: a step that rests
 * on an UNCERTAIN fact which is no partnership (Tongyi Qianwen built on M6) is dashed, labelled and named in the text
 * under the canvas, and a click on it shows its sources as the API gives them; the removal-impact panel marks what
 * rests on the removed entity only through such facts.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { artifacts, launchChromium, panelReady, watchPage, DASHBOARD_PANELS as PANELS } from './support/browser';
import { startSeededServer } from './support/graphqlClient';

const WAIT = { timeout: 90000 };
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const STEPS = `query ($of: ID!) { upstream(of: $of) {
  nodes { entity { id name } } steps { from to relation confidence sources { id name url } } } }`;

/** What the test reaches of the page's window (the project compiles without the DOM's types). */
interface PageWindow {
  dashboard: {
    upstream: {
      $id(id: string): {
        data(key: string): string;
        style(key: string): string;
        renderedMidpoint(): { x: number; y: number };
      };
      $(selector: string): { map<T>(each: (element: { id(): string }) => T): T[] };
    };
  };
  document: {
    querySelectorAll(selector: string): ArrayLike<{ textContent: string; href?: string }>;
  };
}
/** The part of a <select> the test reads. */
interface HTMLSelect {
  selectedOptions: ArrayLike<{ text: string }>;
}
type Source = { id: string; name: string; url: string | null };
type Step = { from: string; to: string; relation: string; confidence: string; sources: Source[] };

describe('dependency explorer steps, in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let context: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    server = await startSeededServer();
    origin = new URL(server.url).origin;
    browser = await launchChromium('dashboard-steps');
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The drawn edge of a step: its label, line style and midpoint on the canvas. */
  const drawnEdge = (page: Page, id: string) =>
    page.evaluate((edgeId) => {
      const edge = (globalThis as unknown as PageWindow).dashboard.upstream.$id(edgeId);
      return {
        label: edge.data('label'),
        line: edge.style('line-style'),
        middle: edge.renderedMidpoint(),
      };
    }, id);

  describe.each(SIZES)('at $width x $height', (size) => {
    const tag = `${size.width}x${size.height}`;

    it('dashes and labels an uncertain step, names it in the text and shows its sources on a click', async () => {
      const { upstream } = await server.ok(STEPS, { of: 'tongyi-qianwen' });
      const step = (upstream.steps as Step[]).find((s) => s.from === 'tongyi-qianwen' && s.to === 'm6-10t')!;
      expect(step).toMatchObject({ relation: 'BUILT_ON', confidence: 'UNCERTAIN' });
      expect(step.sources.length).toBeGreaterThan(0);
      const m6 = upstream.nodes.find((node: { entity: { id: string } }) => node.entity.id === 'm6-10t').entity.name;

      const page = await context.newPage();
      await page.setViewportSize(size);
      const { problems } = watchPage(page);
      await page.goto(`${origin}/dashboard#of=tongyi-qianwen`, { waitUntil: 'load' });
      // Every panel drawn, so that none above the explorer moves it any more.
      for (const panel of PANELS) await panelReady(page, panel);
      await panelReady(page, 'explorer-panel', { direction: 'upstream', of: 'tongyi-qianwen' });
      // The service menu names the service the link walks from.
      expect(await page.inputValue('#service')).toBe('tongyi-qianwen');

      const edge = await drawnEdge(page, 'tongyi-qianwen->m6-10t');
      expect(edge).toMatchObject({ label: 'BUILT_ON (uncertain)', line: 'dashed' });
      expect(Number(await page.getAttribute('#upstream', 'data-uncertain'))).toBeGreaterThanOrEqual(1);
      // The provider is no uncertain fact: its step is drawn solid.
      expect(await drawnEdge(page, 'tongyi-qianwen->alibaba')).toMatchObject({ label: 'PROVIDED_BY', line: 'solid' });
      expect(await page.textContent('#layers li.uncertain-steps')).toContain(`Tongyi Qianwen → ${m6} (built on)`);

      // A click (a tap on a phone) on the edge shows its relation, confidence and sources. A late font can still
      // move the page between measuring and clicking: then it measures and clicks again.
      const selector = '#step-info[data-step="tongyi-qianwen->m6-10t"]';
      for (let attempt = 0; attempt < 5 && !(await page.$(selector)); attempt += 1) {
        await page.locator('#upstream').scrollIntoViewIfNeeded();
        const box = (await page.locator('#upstream').boundingBox())!;
        await page.mouse.click(box.x + edge.middle.x, box.y + edge.middle.y);
        await page.waitForSelector(selector, { timeout: 2000 }).catch(() => null);
      }
      await page.waitForSelector(selector, WAIT);
      const info = (await page.textContent('#step-info'))!;
      expect(info).toContain('Tongyi Qianwen depends on');
      expect(info).toContain(m6);
      expect(info).toContain('BUILT_ON: uncertain');
      const shown = await page.evaluate(() =>
        Array.from((globalThis as unknown as PageWindow).document.querySelectorAll('#step-info .sources li')).map(
          (item) => item.textContent,
        ),
      );
      const links = await page.evaluate(() =>
        Array.from((globalThis as unknown as PageWindow).document.querySelectorAll('#step-info .sources li a')).map(
          (link) => link.href,
        ),
      );
      expect(shown).toEqual(step.sources.map((source) => (source.url ? `${source.name} link` : source.name)));
      expect(links).toEqual(step.sources.flatMap((source) => (source.url ? [new URL(source.url).href] : [])));

      // The path mode says which step on the way is uncertain.
      await page.fill('#path-to', m6);
      await page.press('#path-to', 'Enter');
      await page.waitForFunction(
        () => (globalThis as unknown as PageWindow).document.querySelectorAll('#upstream[data-path*="m6-10t"]').length,
        undefined,
        WAIT,
      );
      expect(await page.textContent('#path-note')).toContain(`Uncertain on the way: Tongyi Qianwen → ${m6} (built on)`);

      await page.locator('#explorer-panel').screenshot({ path: path.join(artifacts, `dashboard-steps-${tag}.png`) });

      // From the keyboard: Left and Right go through the steps, each shown in the step box; Up and Down through the
      // entities, nearest first; Enter walks from the entity.
      await page.focus('#upstream');
      const steps = Number(await page.getAttribute('#upstream', 'data-edges'));
      for (let press = 0; press < steps; press += 1) {
        await page.keyboard.press('ArrowRight');
        if ((await page.getAttribute('#step-info', 'data-step')) === 'tongyi-qianwen->m6-10t') break;
      }
      expect(await page.getAttribute('#step-info', 'data-step')).toBe('tongyi-qianwen->m6-10t');
      expect(await page.textContent('#step-info')).toContain('BUILT_ON: uncertain');
      expect(await page.textContent('#explorer-cursor')).toContain(
        `Tongyi Qianwen depends on ${m6}: BUILT_ON (uncertain), step `,
      );
      await page.keyboard.press('ArrowDown');
      expect(await page.textContent('#explorer-cursor')).toContain('Tongyi Qianwen, service, the walk starts here');
      await page.keyboard.press('ArrowDown');
      const next = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).dashboard.upstream.$(':selected').map((node) => node.id()),
      );
      expect(next).toHaveLength(1);
      expect(await page.textContent('#explorer-cursor')).toContain('1 step away: entity 2 of');
      await page.keyboard.press('Enter');
      await panelReady(page, 'explorer-panel', { direction: 'upstream', of: next[0] });
      expect(await page.isHidden('#explorer-cursor')).toBe(true);
      await page.keyboard.press('ArrowDown');
      expect(await page.textContent('#explorer-cursor')).toContain('the walk starts here');
      await page.keyboard.press('Escape');
      expect(await page.isHidden('#explorer-cursor')).toBe(true);

      // A walk from a model, found by name: the service menu says it starts from no service.
      await page.fill('#explorer-search', m6);
      await page.press('#explorer-search', 'Enter');
      await page.click('#search-hits button[data-id="m6-10t"]', WAIT);
      await panelReady(page, 'explorer-panel', { direction: 'upstream', of: 'm6-10t' });
      expect(await page.inputValue('#service')).toBe('');
      expect(await page.$eval('#service', (select) => (select as unknown as HTMLSelect).selectedOptions[0].text)).toBe(
        '(not a service)',
      );
      expect(problems).toEqual([]);
      await page.close();
    });

    it('marks what rests on the removed entity only through uncertain facts in the removal-impact panel', async () => {
      const { removalImpact } = await server.ok(
        '{ removalImpact(id: "m6-10t") { exposed { id } exposedOnlyThroughUncertain { id } } }',
      );
      const uncertain = removalImpact.exposedOnlyThroughUncertain.map((entity: { id: string }) => entity.id);
      expect(uncertain).toContain('tongyi-qianwen');
      // Every exposed entity is written out (fewer than 30 of each kind), so each mark can be checked.
      expect(removalImpact.exposed.length).toBeLessThan(30);

      const page = await context.newPage();
      await page.setViewportSize(size);
      const { problems } = watchPage(page);
      await page.goto(`${origin}/dashboard#remove=m6-10t`, { waitUntil: 'load' });
      await panelReady(page, 'impact-panel', { id: 'm6-10t' });
      expect(Number(await page.getAttribute('#impact-summary', 'data-uncertain'))).toBe(uncertain.length);
      expect(await page.textContent('#impact-summary')).toContain(
        `; ${uncertain.length} only through uncertain facts, marked "uncertain")`,
      );
      const marked = await page.$$eval('#impact .exposed li.uncertain button', (buttons) =>
        buttons.map((button) => (button as unknown as { dataset: { id: string } }).dataset.id),
      );
      expect([...marked].sort()).toEqual([...uncertain].sort());
      expect(await page.textContent('#impact .exposed li.uncertain .hedge')).toBe('uncertain');
      await page
        .locator('#impact-panel')
        .screenshot({ path: path.join(artifacts, `dashboard-impact-uncertain-${tag}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});

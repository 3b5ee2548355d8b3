/**
 * The playground in a real browser: Debian's headless Chromium (apt-get install chromium) through playwright-core,
 * which downloads no browser of its own. Picks a saved operation from the menu, runs it, reads the result, and checks
 * that the page logged no error and requested nothing but this server.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../src/config';
import { artifacts, launchChromium } from './support/browser';
import { startSeededServer } from './support/graphqlClient';

const QUERY = '.graphiql-query-editor .CodeMirror';
const RESULT = '.result-window .CodeMirror';

/** What the tests use of GraphiQL's CodeMirror 5 editors in the page (the project compiles without the DOM types). */
interface PageWithEditors {
  document: {
    querySelector(selector: string): {
      CodeMirror?: {
        getValue(): string;
        focus(): void;
        lineCount(): number;
        setCursor(line: number, ch: number): void;
      };
    } | null;
  };
}

/** The text of one of GraphiQL's CodeMirror editors (the DOM shows only its visible lines). */
const textOf = (page: Page, selector: string) =>
  page.evaluate(
    (target) => (globalThis as unknown as PageWithEditors).document.querySelector(target)?.CodeMirror?.getValue() ?? '',
    selector,
  );

/** Waits until one of GraphiQL's editors holds this text. */
const waitForText = (page: Page, selector: string, text: string) =>
  page.waitForFunction(
    ([target, wanted]) =>
      (
        (globalThis as unknown as PageWithEditors).document.querySelector(target)?.CodeMirror?.getValue() ?? ''
      ).includes(wanted),
    [selector, text],
    { timeout: 30000 },
  );

describe('playground in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let context: BrowserContext;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let origin: string;

  beforeAll(async () => {
    // As under npm start (NODE_ENV=production): /graphql refuses introspection, the page reads /playground/schema.json.
    server = await startSeededServer({ introspection: false, fieldSuggestions: false });
    origin = new URL(server.url).origin;
    browser = await launchChromium('playground');
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs a saved operation from the menu, asking nothing of any other host', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    const posted: string[] = [];
    page.on('request', (request) => {
      requests.push(request.url());
      if (request.method() === 'POST') posted.push(request.postData() ?? '');
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    page.on('response', async (response) => {
      if (response.status() >= 400)
        problems.push(
          `HTTP ${response.status()}: ${response.url()} ${response.request().postData() ?? ''} -> ` +
            (await response.text().catch(() => '')),
        );
    });
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));

    const editorText = (selector: string) => textOf(page, selector);
    const editorShows = (selector: string, text: string) => waitForText(page, selector, text);

    await page.goto(`${origin}/playground`, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
    await page.waitForSelector('#examples:not([disabled])');
    const options = await page.$$eval('#examples option', (elements) =>
      elements.map((element) => (element as unknown as { value: string }).value).filter(Boolean),
    );
    expect(options).toEqual(
      expect.arrayContaining([
        'LargestModels',
        'DependsOnOpenAI',
        'ModelConcentrationByBloc',
        'AskUpToNvidia',
        'MicrosoftNetwork',
      ]),
    );

    await page.selectOption('#examples', 'BuiltOnGPT4');
    await editorShows(QUERY, 'query BuiltOnGPT4');
    await page.click('.graphiql-execute-button');
    await editorShows(RESULT, '"model"');
    const result = JSON.parse(await editorText(RESULT));
    expect(result.errors).toBeUndefined();
    expect(result.data.model.name).toBe('GPT-4');
    expect(result.data.model.services.map((service: { name: string }) => service.name)).toContain('AskUp');

    // A second one, run with the keyboard.
    await page.selectOption('#examples', 'LargestModels');
    await editorShows(QUERY, 'query LargestModels');
    // Focus the editor with the cursor at its end, and run at once (before GraphiQL notes the new operation name).
    await page.evaluate((target) => {
      const editor = (globalThis as unknown as PageWithEditors).document.querySelector(target)!.CodeMirror!;
      editor.focus();
      editor.setCursor(editor.lineCount(), 0);
    }, QUERY);
    await page.keyboard.press('Control+Enter');
    await editorShows(RESULT, 'M6-10T');

    // The schema documentation opens, from the schema file (introspection is off).
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer', { timeout: 10000 });
    expect(await page.textContent('.graphiql-doc-explorer')).toContain('Query');

    await page.screenshot({ path: path.join(artifacts, 'playground.png') });
    if (process.env.PLAYGROUND_DOCS_SCREENSHOT) {
      // docs/playground.png for the README: the same page, smaller (kept under 150 KB).
      await page.setViewportSize({ width: 1100, height: 620 });
      await page.click('button[aria-label="Hide Documentation Explorer"]').catch(() => undefined);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(projectRoot, 'docs/playground.png') });
      expect(fs.statSync(path.join(projectRoot, 'docs/playground.png')).size).toBeLessThan(150 * 1024);
    }

    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.some((url) => url.endsWith('/playground/schema.json'))).toBe(true);
    expect(posted.filter((body) => body.includes('__schema'))).toEqual([]);
    expect(
      requests.filter((url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname) && !url.startsWith('data:')),
    ).toEqual([]);
    await page.close();
  });

  describe.each([
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])('at $width x $height', (size) => {
    it('opens a picked example in a new tab, shows extensions.cypher only when asked, fits the window', async () => {
      const page = await context.newPage();
      await page.setViewportSize(size);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
      const editorText = (selector: string) => textOf(page, selector);
      const editorShows = (selector: string, text: string) => waitForText(page, selector, text);
      // A fresh start: GraphiQL keeps its tabs in localStorage, which the other tests of this browser filled.
      await page.goto(`${origin}/playground`, { waitUntil: 'load' });
      await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
      await page.waitForSelector('#examples:not([disabled])');
      expect(await page.getAttribute('body', 'data-tabs')).toBe('1');

      // The reader's own text in the first tab.
      const mine = '# my unsaved work\n{ stages { id } }\n';
      await page.evaluate(
        ([target, text]) =>
          (
            (globalThis as unknown as PageWithEditors).document.querySelector(target)!.CodeMirror as unknown as {
              setValue(value: string): void;
            }
          ).setValue(text),
        [QUERY, mine] as const,
      );
      await editorShows(QUERY, 'my unsaved work');
      await page.selectOption('#examples', 'BuiltOnGPT4');
      await editorShows(QUERY, 'query BuiltOnGPT4');
      expect(await page.locator('.graphiql-tab').count()).toBe(2);
      expect(await page.getAttribute('body', 'data-tabs')).toBe('2');
      // Run it: without the box ticked, no extensions.cypher although the server reports it.
      await page.click('.graphiql-execute-button');
      await editorShows(RESULT, '"model"');
      expect(JSON.parse(await editorText(RESULT)).extensions?.cypher).toBeUndefined();
      await page.check('#cypher-trace');
      await page.click('.graphiql-execute-button');
      await editorShows(RESULT, '"cypher"');
      expect(JSON.parse(await editorText(RESULT)).extensions.cypher.statements).toBeGreaterThan(0);
      await page.uncheck('#cypher-trace');

      // The first tab still holds the reader's text.
      await page.click('.graphiql-tab:first-child .graphiql-tab-button');
      await editorShows(QUERY, 'my unsaved work');
      expect(await editorText(QUERY)).toBe(mine);

      // Nothing wider than the window; the font's licence is linked and served.
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(size.width);
      expect((await page.locator('#graphiql').boundingBox())!.width).toBeLessThanOrEqual(size.width);
      const css = await page.request.get(`${origin}/playground/fonts/noto-sans-kr.css`);
      expect(await css.text()).toContain("font-family: 'Noto Sans KR'");
      expect((await page.request.get(`${origin}/playground/fonts/OFL.txt`)).status()).toBe(200);
      await page.screenshot({ path: path.join(artifacts, `playground-${size.width}x${size.height}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});

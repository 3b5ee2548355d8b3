import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, Page, chromium } from 'playwright-core';
import { projectRoot } from '../../src/config';

/** Debian's Chromium (apt-get install chromium; .ci/run installs it), driven by playwright-core, which fetches none. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the browser tests (ignored by git). */
export const artifacts = path.join(projectRoot, 'test-artifacts');

/** Every panel of /dashboard, in page order: a browser test waits for each to be ready. */
export const DASHBOARD_PANELS = [
  'network-panel',
  'concentration-panel',
  'explorer-panel',
  'impact-panel',
  'systemic-panel',
  'sources-panel',
  'conflicts-panel',
];

/**
 * Copies a screenshot of the test output to docs/ under this name when DASHBOARD_DOCS_SCREENSHOT=1 (the pictures
 * docs/dashboard.md shows), bounded so a picture never grows the repository unnoticed.
 */
export function toDocs(screenshot: string, name: string) {
  if (!process.env.DASHBOARD_DOCS_SCREENSHOT) return;
  const target = path.join(projectRoot, 'docs', name);
  fs.copyFileSync(screenshot, target);
  expect(fs.statSync(target).size).toBeLessThan(250 * 1024);
}

/**
 * A fontconfig setup that knows only DejaVu (Latin, Greek, Cyrillic): Chromium started with it (FONTCONFIG_FILE) has
 * no CJK font of the system, whatever the machine has installed, so Korean renders only with a font a page serves.
 */
export function fontconfigWithoutCjk(): { env: Record<string, string>; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fontconfig-latin-'));
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
      '  <dir>/usr/share/fonts/truetype/dejavu</dir>\n' +
      `  <cachedir>${path.join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { env: { FONTCONFIG_FILE: file }, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Starts headless Chromium with a new empty profile; close() stops it and removes the profile. */
export async function launchChromium(
  name: string,
  options: { env?: Record<string, string>; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(executablePath))
    throw new Error(`${executablePath} is missing: apt-get install -y chromium (see .ci/run)`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-chromium-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  fs.mkdirSync(artifacts, { recursive: true });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records what a page requests and every error it meets: console errors, page errors, HTTP 4xx/5xx answers. */
export function watchPage(page: Page): { requests: string[]; problems: string[] } {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { requests, problems };
}

/**
 * Waits until a dashboard panel (by its section's id) has drawn the answer to these variables, as the page writes
 * them in data-variables; without variables, any answer.
 */
export function panelReady(page: Page, panel: string, variables?: Record<string, unknown>, timeout = 90000) {
  return page.waitForFunction(
    ([id, wanted]) => {
      const element = (
        globalThis as unknown as {
          document: { getElementById(id: string): { dataset: Record<string, string | undefined> } | null };
        }
      ).document.getElementById(id);
      return element?.dataset.state === 'ready' && (wanted === null || element.dataset.variables === wanted);
    },
    [panel, variables ? JSON.stringify(variables) : null] as const,
    { timeout },
  );
}

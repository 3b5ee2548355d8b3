import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { projectRoot } from '../../src/config';

/** Debian's Chromium (apt-get install chromium; .ci/run installs it), driven by playwright-core, which fetches none. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the browser tests (ignored by git). */
export const artifacts = path.join(projectRoot, 'test-artifacts');

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

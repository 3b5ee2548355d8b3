import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { projectRoot } from '../../src/config';

/** Debian's Chromium (apt-get install chromium; .ci/run installs it), driven by playwright-core, which fetches none. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the browser tests (ignored by git). */
export const artifacts = path.join(projectRoot, 'test-artifacts');

/** Starts headless Chromium with a new empty profile; close() stops it and removes the profile. */
export async function launchChromium(name: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(executablePath))
    throw new Error(`${executablePath} is missing: apt-get install -y chromium (see .ci/run)`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-chromium-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
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

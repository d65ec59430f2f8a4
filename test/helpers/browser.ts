import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's chromium: `.ci/run` installs it on a fresh machine (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go for people to look at; git-ignored. */
export const ARTIFACTS_DIR = join(__dirname, '../../test-artifacts');

/**
 * Headless Chromium with nothing that phones home, so that the test sees the
 * page exactly as a first-time visitor does. `context` is one visitor;
 * `newContext()` another, with cookies of their own (two people signed in at
 * the identity provider at once, as on two desks).
 */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
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
  const newContext = (options: BrowserContextOptions = {}) =>
    browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'fr-CA', ...options });
  const context = await newContext();
  return { context, newContext, close: () => browser.close() };
}

export function screenshotPath(folder: string, name: string): string {
  const dir = join(ARTIFACTS_DIR, folder);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

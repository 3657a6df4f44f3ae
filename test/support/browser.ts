import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { Config } from '../../src/platform/config.js';
import { testApp, type TestApp } from './app.js';

/** Debian's Chromium (`.ci/run` installs it). */
export const chromiumPath = '/usr/bin/chromium';

/** Keeps Chromium off the network: without these it keeps dialling out (updates, sync, field trials). */
const quietFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the browser tests write their screenshots (README, "Web app"): CI keeps the folder as artifacts. */
export const screenshotDir = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: quietFlags });
}

export interface ServedApp extends TestApp {
  /** `http://127.0.0.1:<port>`, the real server listening. */
  url: string;
}

/** The whole app (testApp: a real database, response validation on) listening on a free loopback port. */
export async function servedApp(overrides: Partial<Config> = {}): Promise<ServedApp> {
  const served = await testApp(overrides);
  const address = await served.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...served, url: address.replace('localhost', '127.0.0.1') };
}

/** A fresh browser profile (no storage shared between tests), English and UTC unless told otherwise; 20 s per step. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 }, ...options });
  // A step that never happens fails on its own locator, before the test's timeout hides which one it was.
  context.setDefaultTimeout(20_000);
  return context;
}

/** A full-page screenshot, `test-artifacts/screenshots/<name>.png`; database kind in the name so both runs keep theirs. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const path = join(screenshotDir, `${name}.${kind}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core on the page as it stands: the serious and critical violations (the tests want none). */
export async function seriousAxeViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; targets: string[] }>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact!, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { RESULTS_DIR, VIEWPORT } from './e2e-config.ts';
import { Driver } from './driver.ts';

export interface TestContext {
  page: Page;
  driver: Driver;
  baseUrl: string;
  /** Saves test-results/e2e-<test id>-<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Requests to other hosts so far (all aborted). */
  blockedRequests(): string[];
  /** Declares requests to other hosts matching `pattern` as expected (they are still aborted). */
  expectExternal(pattern: RegExp): void;
}

export interface E2ETest {
  id: string;
  name: string;
  run(t: TestContext): Promise<void>;
}

export interface TestResult {
  test: E2ETest;
  ok: boolean;
  ms: number;
  error?: string;
}

// Browsers log every non-2xx answer as a console error; these are answers the app expects and handles.
const EXPECTED_FAILED_LOADS: Array<{ path: RegExp; status: RegExp }> = [
  { path: /\/api\/auth\/me$/, status: /\b401\b/ },
  { path: /\/api\/auth\/login$/, status: /\b(400|401|429)\b/ },
  // The import screen shows the server's message for a file it cannot read.
  { path: /\/api\/geo\/parse$/, status: /\b(400|413)\b/ },
  // The siting rules page shows the server's validation message for a rule it refuses.
  { path: /\/api\/siting\/rules(\/[\w-]+)?$/, status: /\b400\b/ },
];

function isExpectedConsoleError(message: ConsoleMessage): boolean {
  const text = message.text();
  if (!text.startsWith('Failed to load resource')) return false;
  const url = message.location().url;
  return EXPECTED_FAILED_LOADS.some(({ path, status }) => path.test(new URL(url, 'http://x').pathname) && status.test(text));
}

/**
 * One isolated browser context per test: its own cookies, every request off the local server
 * aborted and recorded, console errors and page errors collected and asserted empty at the end.
 */
export async function runTest(browser: Browser, baseUrl: string, test: E2ETest): Promise<TestResult> {
  const started = Date.now();
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const origin = new URL(baseUrl).origin;
  const consoleErrors: string[] = [];
  const blocked: string[] = [];
  const expectedExternal: RegExp[] = [];

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpectedConsoleError(message)) return;
    const url = message.location().url;
    // The browser logs each aborted request; for external requests a test expects, that is no error.
    if (message.text().startsWith('Failed to load resource') && expectedExternal.some((p) => p.test(url))) return;
    consoleErrors.push(`console.error: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));

  mkdirSync(RESULTS_DIR, { recursive: true });
  const screenshot = async (name: string) => {
    const path = join(RESULTS_DIR, `e2e-${test.id}-${name}.png`);
    await page.screenshot({ path });
    return path;
  };

  let error: string | undefined;
  try {
    await test.run({
      page,
      driver: new Driver(page, baseUrl),
      baseUrl,
      screenshot,
      blockedRequests: () => [...blocked],
      expectExternal: (pattern) => expectedExternal.push(pattern),
    });
    if (consoleErrors.length) throw new Error(`console errors:\n  ${consoleErrors.join('\n  ')}`);
    const unexpected = [...new Set(blocked)].filter((url) => !expectedExternal.some((p) => p.test(url)));
    if (unexpected.length) throw new Error(`requests to other hosts (blocked):\n  ${unexpected.join('\n  ')}`);
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    await screenshot('failure').catch(() => undefined);
  } finally {
    await context.close();
  }
  return { test, ok: !error, ms: Date.now() - started, error };
}

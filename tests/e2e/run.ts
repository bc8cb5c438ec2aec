// Browser tests against the real server: npx tsx tests/e2e/run.ts
// Builds the client if stale, starts server/src/main.ts on a fresh embedded database (or the
// DATABASE_URL given), drives /usr/bin/chromium headless, and prints "N passed, N failed" last.
// E2E_BASE_URL=http://host:port skips the build and the server start and tests that server instead.
// E2E_ONLY=<test id substring> runs a subset.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { basemapTests } from './basemap.e2e.ts';
import { blueprintMapTests } from './blueprint-map.e2e.ts';
import { ensureClientBuilt } from './client-build.ts';
import { dataToolsTests } from './data-tools.e2e.ts';
import { factorsTests } from './factors.e2e.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RESULTS_DIR } from './e2e-config.ts';
import { runTest, type E2ETest, type TestResult } from './harness.ts';
import { loginTests } from './login.e2e.ts';
import { meetingsTests } from './meetings.e2e.ts';
import { projectsTests } from './projects.e2e.ts';
import { mapLayerTests } from './map-layers.e2e.ts';
import { startServer, type RunningServer } from './server-process.ts';
import { sitingRecommendTests } from './siting-recommend.e2e.ts';
import { sitingReportTests } from './siting-report.e2e.ts';
import { sitingTests } from './siting.e2e.ts';

const allTests: E2ETest[] = [...loginTests, ...blueprintMapTests, ...basemapTests, ...mapLayerTests, ...dataToolsTests, ...sitingTests, ...sitingReportTests, ...sitingRecommendTests, ...factorsTests, ...projectsTests, ...meetingsTests];

const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const only = process.env.E2E_ONLY;
  const tests = only ? allTests.filter((t) => t.id.includes(only)) : allTests;
  const results: TestResult[] = [];
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let setupFailed = false;

  try {
    let baseUrl = process.env.E2E_BASE_URL;
    if (!baseUrl) {
      await ensureClientBuilt(log);
      server = await startServer(log);
      baseUrl = server.baseUrl;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    log(`chromium ${browser.version()} against ${baseUrl}`);
    for (const test of tests) {
      const result = await runTest(browser, baseUrl, test);
      results.push(result);
      log(`${result.ok ? '✓' : '✗'} ${test.id}: ${test.name} (${(result.ms / 1000).toFixed(1)} s)`);
      if (result.error) log(`    ${result.error.split('\n').join('\n    ')}`);
    }
  } catch (error) {
    setupFailed = true;
    log(`e2e setup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) {
      if (results.some((r) => !r.ok)) log(`--- last server output ---\n${server.tail()}`);
      await server.stop();
    }
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed + (setupFailed ? tests.length - results.length : 0);
  log(`screenshots and server log in ${RESULTS_DIR}`);
  log(`${passed} passed, ${failed} failed`);
  return failed > 0 || setupFailed || tests.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);

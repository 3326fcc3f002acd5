import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { findChromium, HOW_TO_GET_CHROMIUM } from './scripts/find-browser.mjs';

/** The tests serve the site under a sub-path, so an absolute asset URL would show up as a 404. */
export const E2E_BASE_PATH = '/codon-interop-lab/';
/**
 * A port free at run time, chosen once in the runner process: its workers inherit E2E_PORT, so they
 * all talk to the one server (two checkouts, or a dev server on a fixed port, never collide).
 */
function freePort(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}
process.env.E2E_PORT ??= String(freePort());
const PORT = Number(process.env.E2E_PORT);
const OUT_DIR = 'tmp/e2e-dist';

// scripts/run-e2e.mjs has already found the browser; `npx playwright test` on its own finds it here.
const executablePath = process.env.E2E_CHROMIUM ?? findChromium()?.path;
if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);

const vite = 'node node_modules/vite/bin/vite.js';

/**
 * Everything the tests write goes under tmp/ (ignored by git; the README's "Tests" says so): the built
 * site, traces and screenshots of failures, the HTML report when asked for with E2E_HTML_REPORT=1.
 */
const RESULTS_DIR = 'tmp/test-results';
const HTML_REPORT = !!process.env.E2E_HTML_REPORT;

export default defineConfig({
  testDir: 'e2e',
  outputDir: RESULTS_DIR,
  // A passing test's files (builds of the site, screenshots attached for the report) are removed, unless
  // the HTML report, which shows them, was asked for.
  preserveOutput: HTML_REPORT ? 'always' : 'failures-only',
  fullyParallel: true,
  // Budgets for a loaded two-core machine (issue 12: 30 s failed there): generous, since a budget only
  // decides how long a broken test waits, never whether a working one passes. Speed goals live in bench/.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two shared cores: more workers only make Monaco's start-up slower.
  workers: 2,
  reporter: HTML_REPORT
    ? [['list'], ['html', { open: 'never', outputFolder: 'tmp/playwright-report' }]]
    : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}${E2E_BASE_PATH}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Build a fresh copy (into its own folder, so dist/ is left alone) and serve it as a static host would.
    command: `${vite} build --outDir ${OUT_DIR} --emptyOutDir --logLevel warn && ${vite} preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    // FORCE_COLOR=0: Playwright forces colour for the server, which makes Node warn about NO_COLOR.
    env: { BASE_PATH: E2E_BASE_PATH, FORCE_COLOR: '0' },
    url: `http://localhost:${PORT}${E2E_BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 480_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

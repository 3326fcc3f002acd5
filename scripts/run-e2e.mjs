// `npm run test:e2e`: find a Chromium (or say how to get one), then run Playwright. Playwright's
// webServer builds the site under a sub-path and serves it with `vite preview` (playwright.config.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-browser.mjs';

let browser;
try {
  browser = findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (!browser) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
console.log(`End-to-end tests in Chromium: ${browser.path} (${browser.source})`);

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(process.execPath, [playwrightCli, 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, E2E_CHROMIUM: browser.path },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Finds a Chromium for the end-to-end tests, so `npm test` works without `npx playwright install`.
// Order: Playwright's own Chromium, then $CHROMIUM_PATH, then a system Chromium on the PATH.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

/** Names of system Chromium builds, in the order they are tried on the PATH. */
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} name @param {string} pathVariable */
function onPath(name, pathVariable) {
  for (const dir of pathVariable.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Where a usable Chromium is, and how it was found; undefined when there is none.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {readonly string[]} [systemPaths] where a system Chromium usually is, tried before the PATH
 * @returns {{ path: string, source: string } | undefined}
 */
export function findChromium(env = process.env, systemPaths = ['/usr/bin/chromium']) {
  let bundled;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined; // Playwright throws when it has no build for this platform.
  }
  if (bundled && existsSync(bundled)) return { path: bundled, source: "Playwright's Chromium" };

  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    // A wrong CHROMIUM_PATH is a mistake worth hearing about, not a reason to silently use another browser.
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
  }

  for (const path of systemPaths) {
    if (isExecutable(path)) return { path, source: 'system Chromium' };
  }
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name, env.PATH ?? '');
    if (found) return { path: found, source: `system ${name}` };
  }
  return undefined;
}

/** The message shown when no browser is found. */
export const HOW_TO_GET_CHROMIUM = [
  'No Chromium found for the end-to-end tests.',
  "Looked for: Playwright's own Chromium, $CHROMIUM_PATH, /usr/bin/chromium, then chromium, chromium-browser and google-chrome on the PATH.",
  'Get one with either:',
  '  Debian/Ubuntu:  sudo apt-get install chromium',
  '  elsewhere:      npx playwright install chromium',
  'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
].join('\n');

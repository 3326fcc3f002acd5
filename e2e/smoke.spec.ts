// The site as a static host serves it: the course index, a lesson readable before Monaco arrives, the
// editors and their worker from the page's own origin under its Content-Security-Policy.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlayerPage, skipDiagramTour, watch } from './player-page.ts';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'tmp', 'screenshots', 'player');

test('the course index and a lesson load from one origin, under the page’s CSP', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const { foreignRequests, problems } = watch(page, origin);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'The course' })).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");

  await page.getByRole('link', { name: 'Calling C from Codon' }).click();
  const player = new PlayerPage(page);
  await player.waitForRun();
  await player.waitForEditors();
  // The simulator's worker and Monaco's editor worker both start from the page's own origin.
  const workers = page.workers().map((w) => new URL(w.url()).pathname);
  expect(workers.some((path) => /\/codon-interop-lab\/assets\/sim\.worker-[\w-]+\.js$/.test(path))).toBe(
    true,
  );
  expect(foreignRequests, 'requests that left the page origin').toEqual([]);
  expect(problems, 'console errors, warnings and failed loads').toEqual([]);
});

test('the lesson text and its code are on the page before Monaco has loaded', async ({ page, context }) => {
  await skipDiagramTour(context);
  // Hold back the Monaco chunk: the lesson, the code (as plain text) and the run must not wait for it.
  await page.route(/CodeEditor-[^/]*\.js$/, () => {});
  const player = new PlayerPage(page);
  await player.open('02-the-bug');
  await expect(page.getByRole('heading', { level: 1, name: 'The bug' })).toBeVisible();
  await expect(player.editor('codon').locator('pre')).toContainText('from C import LIBPATH.foo()');
  await player.button('Step forward').click();
  await expect(player.position).toHaveText(/^Step 2 of/);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
});

const screens = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

for (const screen of screens) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshot: ${screen.name}, ${colorScheme}`, async ({ browser, baseURL }, testInfo) => {
      const context = await browser.newContext({ baseURL, viewport: screen.viewport, colorScheme });
      await skipDiagramTour(context);
      const page = await context.newPage();
      const player = new PlayerPage(page);
      // Inside foo, during the stray write: the call boundary, a marked line in each editor.
      await player.open('02-the-bug', { program: 'bug', step: '14' });
      await player.waitForEditors();
      await expect(page.getByTestId('machine-diagram')).toBeVisible();
      // Nothing may stick out sideways (a phone would scroll the whole page horizontally).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      mkdirSync(SHOTS, { recursive: true });
      const name = `lesson-${screen.name}-${colorScheme}`;
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
      await player.player.scrollIntoViewIfNeeded();
      await player.player.screenshot({ path: join(SHOTS, `${name}-player.png`) });
      await testInfo.attach(name, { path: join(SHOTS, `${name}.png`), contentType: 'image/png' });
      await page.goto('./');
      await page.screenshot({ path: join(SHOTS, `index-${screen.name}-${colorScheme}.png`), fullPage: true });
      await context.close();
    });
  }
}

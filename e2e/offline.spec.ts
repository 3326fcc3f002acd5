// Offline (issue 8): after one visit the service worker (Workbox, precaching every built file) serves the
// whole tutorial; with the network cut, every lesson opens and its playground runs, Monaco included, and
// every response comes from the service worker.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipDiagramTour } from './player-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const course = JSON.parse(readFileSync(join(ROOT, 'content', 'course.json'), 'utf8')) as {
  lessons: { id: string; title: { en: string } }[];
};

test('with the network cut after the first load, every lesson opens and runs its playground', async ({
  page,
  context,
}) => {
  test.setTimeout(480_000);
  await skipDiagramTour(context);
  await page.goto('./');
  // The worker installs (precaching everything) and takes control of the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const precached = await page.evaluate(async () => {
    const names = await caches.keys();
    let n = 0;
    for (const name of names) n += (await (await caches.open(name)).keys()).length;
    return n;
  });
  expect(precached).toBeGreaterThan(50);

  await context.setOffline(true);
  const notFromWorker: string[] = [];
  page.on('response', (r) => {
    if (!r.fromServiceWorker() && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      notFromWorker.push(r.url());
  });
  const failed: string[] = [];
  page.on('requestfailed', (r) => {
    // ERR_ABORTED: a lazy chunk still loading when the test moves on to the next lesson. Offline misses
    // would be ERR_INTERNET_DISCONNECTED (or a failed response from the worker).
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  for (const [i, lesson] of course.lessons.entries()) {
    await page.goto(`./?v=1&lesson=${lesson.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title.en })).toBeVisible();
    await expect(page.getByTestId('position')).toHaveText(/^Step 1 of \d+$/, { timeout: 60_000 });
    if (i === 1) {
      // The editors (Monaco, the biggest chunk) load offline too, and stepping works.
      await expect(page.getByTestId('editor-cpp').locator('.monaco-editor .view-lines')).toContainText(/\S/, {
        timeout: 60_000,
      });
      await page.getByRole('button', { name: 'Step forward', exact: true }).click();
      await expect(page.getByTestId('position')).toHaveText(/^Step 2 of \d+$/);
    }
  }
  // A page opened offline in a new tab, at an address never visited: the app shell still answers.
  const other = await context.newPage();
  await other.goto('./?v=1&page=glossary');
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible();

  expect(failed).toEqual([]);
  expect(notFromWorker).toEqual([]);
  expect(errors).toEqual([]);
  await context.setOffline(false);
});

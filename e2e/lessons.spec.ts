// Every lesson, in both languages: it opens, its playground runs and steps to the end, every
// prediction can be answered and explains itself, no widget crashes, and nothing goes wrong in
// the console or leaves the origin.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipDiagramTour, watch } from './player-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const course = JSON.parse(readFileSync(join(ROOT, 'content', 'course.json'), 'utf8')) as {
  lessons: { id: string }[];
};

/** "Step 3 of 40" or "第 3 / 40 步": the current step and the run's length. */
function parsePosition(text: string): { step: number; total: number } | null {
  const m = /(\d+)\D+(\d+)/.exec(text);
  return m === null ? null : { step: Number(m[1]), total: Number(m[2]) };
}

for (const lang of ['en', 'zh'] as const) {
  for (const { id } of course.lessons) {
    test(`lesson ${id} (${lang}) runs, steps to the end and answers its predictions`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      await skipDiagramTour(context);
      const seen = watch(page, new URL(baseURL ?? 'http://localhost').origin);
      await page.goto(`./?v=1&lesson=${id}&lang=${lang}`);
      await expect(page.locator('h1').first()).toBeVisible();

      const position = page.getByTestId('position');
      if ((await page.getByTestId('player').count()) > 0) {
        await expect(position).toHaveText(/\d+\D+\d+/, { timeout: 60_000 });
        // Step to the end with the keyboard (the shortcut works in both languages).
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('End');
        await expect
          .poll(async () => {
            const p = parsePosition((await position.textContent()) ?? '');
            return p !== null && p.step === p.total;
          })
          .toBe(true);
      }

      const predictions = page.locator('aside[data-predict]');
      const count = await predictions.count();
      // Every lesson from 2 on asks the learner to predict at least once (issue 7).
      if (!id.startsWith('01-')) expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const predict = predictions.nth(i);
        await predict.locator('.mdx-predict__body button.mdx-choice').first().click();
        await expect(predict.locator('.mdx-explain').first()).toBeVisible();
      }

      await expect(page.getByTestId('widget-error')).toHaveCount(0);
      expect(seen.problems).toEqual([]);
      expect(seen.foreignRequests).toEqual([]);
    });
  }
}

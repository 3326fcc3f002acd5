// Two runs side by side: the same program on both machines in lesson 4, stepped together.
import { expect, test } from '@playwright/test';
import { skipDiagramTour, traceOf, watch } from './player-page.ts';

test('lesson 4 compares x86-64 and AArch64 side by side, stepping both together', async ({
  page,
  context,
  baseURL,
}) => {
  await skipDiagramTour(context);
  const seen = watch(page, new URL(baseURL ?? 'http://localhost').origin);
  await page.goto('./?v=1&lesson=04-abi');
  const section = page.getByRole('region', { name: 'Side by side' });
  await section.getByRole('button', { name: 'Compare the two runs' }).click();
  const view = section.getByTestId('compare-view');
  await expect(view).toBeVisible({ timeout: 60_000 });
  const total = traceOf({ lesson: '04-abi', program: 'leftovers' }).steps.count;
  await expect(section.getByText(`Step 1 / ${total}`)).toBeVisible();
  await section.getByRole('button', { name: 'Step both forward' }).click();
  await expect(section.getByText(`Step 2 / ${total}`)).toBeVisible();
  // Both panes show a machine: the call diagram's registers are there on each side.
  await expect(view.getByRole('region', { name: 'Registers' })).toHaveCount(2);
  await page.screenshot({ path: 'tmp/screenshots/compare-lesson-04.png', fullPage: false });
  expect(seen.problems).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
});

// The whole lesson page, not just one widget: axe-core finds no serious or critical violation, in light
// and in dark, in English and in Chinese, on a lesson with evidence blocks, the player and the focus
// view; and on lesson 2's whole-machine view, the presenter view and an embed (the handout is checked in
// print.spec.ts).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { skipDiagramTour } from './player-page.ts';

async function expectNoSeriousViolation(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'zh'] as const) {
    for (const lesson of ['02-the-bug', '04-abi', '06-abi-explorer']) {
      test(`lesson ${lesson} passes axe in ${colorScheme}, ${lang}`, async ({ page, context }) => {
        await skipDiagramTour(context);
        await page.emulateMedia({ colorScheme });
        await page.goto(`./?v=1&lesson=${lesson}&lang=${lang}`);
        await expect(page.getByTestId('position')).toHaveText(/\d+/, { timeout: 60_000 });
        // Monaco arrives after the text: check the page as the learner finally sees it.
        await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
        await expectNoSeriousViolation(page);
      });
    }

    test(`the whole machine, the presenter and an embed pass axe in ${colorScheme}, ${lang}`, async ({
      page,
      context,
    }) => {
      test.slow();
      await skipDiagramTour(context);
      await page.emulateMedia({ colorScheme });
      await page.addInitScript(() => localStorage.setItem('codon-lab.machine-view', 'whole'));
      const query = `v=1&lesson=02-the-bug&program=bug&step=11&lang=${lang}`;
      await page.goto(`./?${query}`);
      await expect(page.getByTestId('machine-diagram')).toHaveAttribute('data-step', '11', {
        timeout: 60_000,
      });
      await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
      await expectNoSeriousViolation(page);
      await page.goto(`./present.html?${query}`);
      await expect(page.getByTestId('focus-view')).toHaveAttribute('data-step', '11', { timeout: 60_000 });
      await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
      await expectNoSeriousViolation(page);
      await page.goto(`./embed.html?${query}`);
      await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
      await expectNoSeriousViolation(page);
    });
  }
}

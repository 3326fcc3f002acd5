// The whole lesson page, not just one widget: axe-core finds no serious or critical violation,
// in light and in dark, on a lesson with evidence blocks, the player and the diagram.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { skipDiagramTour } from './player-page.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  for (const lesson of ['02-the-bug', '04-abi', '06-abi-explorer']) {
    test(`lesson ${lesson} passes axe in ${colorScheme}`, async ({ page, context }) => {
      await skipDiagramTour(context);
      await page.emulateMedia({ colorScheme });
      await page.goto(`./?v=1&lesson=${lesson}`);
      await expect(page.getByTestId('position')).toHaveText(/\d+/, { timeout: 60_000 });
      // Monaco arrives after the text: check the page as the learner finally sees it.
      await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    });
  }
}

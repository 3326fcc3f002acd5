// The page "What you can write here" (page:subset) and the way a learner reaches it: from a
// diagnostic that says a construct is not modelled by this simulator.
import { expect, test } from '@playwright/test';
import { linkCodeParam } from './link-code.ts';
import { programFiles, skipDiagramTour } from './player-page.ts';

const BUG = { lesson: '02-the-bug', program: 'bug' } as const;

test.beforeEach(async ({ context }) => skipDiagramTour(context));

test('the page lists what the simulator reads, in English and in Chinese', async ({ page }) => {
  await page.goto('./?v=1&page=subset');
  await expect(page.getByRole('heading', { level: 1, name: 'What you can write here' })).toBeVisible();
  const tables = page.getByTestId('subset-tables');
  await expect(tables.getByText('std::make_shared', { exact: true })).toBeVisible();
  await expect(tables.getByText('__ptr__', { exact: true }).first()).toBeVisible();
  await page.goto('./?v=1&page=subset&lang=zh');
  await expect(page.getByRole('heading', { level: 1, name: '这里能写什么' })).toBeVisible();
  await expect(
    page.getByTestId('subset-tables').getByRole('heading', { name: '语句' }).first(),
  ).toBeVisible();
});

test('a "not modelled" diagnostic links to the page', async ({ page }) => {
  const files = programFiles(BUG);
  const codon = files.codon.replace(/^run\(\)$/m, 'f = lambda x: x\nrun()');
  await page.goto(`./?v=1&lesson=${BUG.lesson}&program=${BUG.program}&${linkCodeParam({ ...files, codon })}`);
  const findings = page.getByTestId('findings');
  await expect(findings).toContainText('`lambda` is not modelled by this simulator', { timeout: 20_000 });
  await findings.getByRole('link', { name: 'What you can write here' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What you can write here' })).toBeVisible();
});

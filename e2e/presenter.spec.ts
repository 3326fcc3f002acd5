// Workshop mode (issue 8): the presenter view works with the keyboard alone at both projector sizes, in
// the high-contrast theme with large type; screenshots of the presenter and audience layouts.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipDiagramTour, traceOf } from './player-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const recorded = (lesson: string, program: string) =>
  JSON.parse(
    readFileSync(join(ROOT, 'content', 'lessons', lesson, 'programs', program, 'expect.json'), 'utf8'),
  ) as { runs: { outcome: string; findings: string[] }[] };

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`presenter view by keyboard alone at ${size.width}x${size.height}`, async ({ page, context }) => {
    test.setTimeout(240_000);
    await skipDiagramTour(context);
    await page.setViewportSize(size);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const trace = traceOf({ lesson: '02-the-bug', program: 'bug' });
    await page.goto('present.html?v=1&lesson=02-the-bug&program=bug');
    const position = page.getByTestId('position');
    await expect(position).toHaveText(`Step 1 of ${trace.steps.count}`, { timeout: 60_000 });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    await expect(page.getByRole('main', { name: 'Presenter view' })).toBeVisible();
    // Prose hidden: no lesson article, no site header.
    await expect(page.locator('article')).toHaveCount(0);
    const narrationSize = await page
      .getByTestId('narration')
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(narrationSize).toBeGreaterThanOrEqual(size.width >= 1920 ? 28 : 19);
    await expect(page.getByTestId('editor-cpp').locator('.monaco-editor .view-lines')).toContainText(/\S/, {
      timeout: 60_000,
    });

    // Clicker keys and the player's own keys.
    await page.keyboard.press('PageDown');
    await expect(position).toHaveText(`Step 2 of ${trace.steps.count}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(position).toHaveText(`Step 4 of ${trace.steps.count}`);
    await page.keyboard.press('PageUp');
    await expect(position).toHaveText(`Step 3 of ${trace.steps.count}`);
    await page.keyboard.press('End');
    await expect(position).toHaveText(`Step ${trace.steps.count} of ${trace.steps.count}`);
    await page.screenshot({ path: `tmp/screenshots/presenter-${size.width}x${size.height}.png` });

    // X: the next fix (a program whose recorded run is clean); B: back to a bug.
    const start = page.url();
    await page.keyboard.press('x');
    await expect(page.locator('.presenter__kind')).toHaveText('fix');
    await expect.poll(() => page.url()).not.toBe(start);
    const fixUrl = new URL(page.url());
    const fix = {
      lesson: fixUrl.searchParams.get('lesson') ?? '',
      program: fixUrl.searchParams.get('program') ?? '',
    };
    expect(recorded(fix.lesson, fix.program).runs[0]).toMatchObject({ outcome: 'ok', findings: [] });
    await expect(position).toHaveText(`Step 1 of ${traceOf(fix).steps.count}`, { timeout: 60_000 });
    await page.keyboard.press('b');
    await expect(page.locator('.presenter__kind')).toHaveText('bug');
    await expect.poll(() => page.url()).not.toBe(fixUrl.href);
    const bugUrl = new URL(page.url());
    const bug = recorded(bugUrl.searchParams.get('lesson') ?? '', bugUrl.searchParams.get('program') ?? '')
      .runs[0];
    expect(bug?.outcome !== 'ok' || (bug?.findings.length ?? 0) > 0).toBe(true);
    await page.keyboard.press('[');
    await page.keyboard.press(']');
    await expect(page).toHaveURL(bugUrl.href);

    // T: the other machine (the run changes to AArch64's).
    await page.keyboard.press('t');
    await expect(page.locator('.presenter__meta')).toContainText('AArch64');

    // A: the audience layout: the machine and its narration, no code.
    await page.keyboard.press('a');
    await expect(page.getByTestId('editor-cpp')).toHaveCount(0);
    // The machine as the focus view, legible from the back of the room (issue 15).
    await expect(page.getByTestId('focus-view')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(position).toHaveText(/^Step 2 of/);
    await page.screenshot({ path: `tmp/screenshots/audience-${size.width}x${size.height}.png` });
    // Nothing scrolls the page itself: the view fits the projector.
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);

    // ? lists the keys; Escape closes it.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    expect(errors).toEqual([]);
  });
}

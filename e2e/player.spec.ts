// The lesson player in Chromium (issue 5's acceptance): open a lesson, step through the whole bug run
// and back, play and pause, edit the C++ and see a new finding with its marker, switch target, reload
// and find the edit kept, open a shared link in a fresh context on the same step, use it by keyboard.
import { expect, test } from '@playwright/test';
import { formatMessage } from '../src/sim/messages/format.ts';
import { findingGroups } from '../src/sim/view/findings.ts';
import { hexAddr } from '../src/sim/view/format.ts';
import { stdoutAt } from '../src/app/player/trace-index.ts';
import { stepNarration } from '../src/app/player/narration.ts';
import { linkCodeParam } from './link-code.ts';
import {
  PlayerPage,
  programFiles,
  showWholeMachine,
  skipDiagramTour,
  traceOf,
  watch,
} from './player-page.ts';

const BUG = { lesson: '02-the-bug', program: 'bug' } as const;

test.beforeEach(async ({ context }) => skipDiagramTour(context));

test('steps through the whole bug run and back, with narration, lines and output from the trace', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? '').origin;
  const { foreignRequests, problems } = watch(page, origin);
  const trace = traceOf(BUG);
  const player = new PlayerPage(page);
  await player.open(BUG.lesson);
  await expect(page.getByRole('heading', { level: 1, name: 'The bug' })).toBeVisible();
  await expect(player.position).toHaveText(`Step 1 of ${trace.steps.count}`);
  await expect(player.narration).toHaveAttribute('role', 'status');
  await expect(player.narration).toHaveAttribute('aria-live', 'polite');
  await expect(player.narration).toHaveText(stepNarration(trace, 0, 'en'));

  const forward = player.button('Step forward');
  const back = player.button('Step back');
  await expect(back).toBeDisabled();
  let crossed = false;
  for (let step = 1; step < trace.steps.count; step++) {
    await forward.click();
    await expect(player.position).toHaveText(`Step ${step + 1} of ${trace.steps.count}`);
    await expect(player.narration).toHaveText(stepNarration(trace, step, 'en'));
    // The executing line is marked in the editor of the side that runs.
    const side = ['cpp', 'codon', 'runtime'][trace.steps.side[step] ?? 2];
    if (side === 'cpp' || side === 'codon') {
      expect(await player.currentLine(side)).toBe(trace.steps.line[step]);
    }
    // While foo runs, the Codon call that is waiting for it is shown.
    if (side === 'cpp' && !crossed) {
      await expect(page.locator('[data-boundary="in"], [data-boundary="inside"]')).toHaveCount(1);
      crossed = true;
    }
  }
  expect(crossed).toBe(true);
  await expect(forward).toBeDisabled();
  await expect(player.output).toContainText(trace.output.join('').trim());
  await expect(player.output).toContainText('The program ended normally.');
  // The findings of the run, one per mistake: the ABI mismatch, and the stray write with its four stores.
  const groups = findingGroups(trace);
  expect(groups.map((g) => g.kind)).toEqual(['abi-mismatch', 'stray-write']);
  await expect(player.findings.locator('li.finding')).toHaveCount(groups.length);
  for (const group of groups) {
    await expect(player.findings).toContainText(formatMessage(group.message, 'en'));
    for (const store of group.stores) await expect(player.findings).toContainText(hexAddr(store.addr));
  }

  for (let step = trace.steps.count - 2; step >= 0; step--) {
    await back.click();
    await expect(player.position).toHaveText(`Step ${step + 1} of ${trace.steps.count}`);
    const printed = player.output.locator('pre');
    expect((await printed.count()) > 0 ? await printed.textContent() : '').toBe(stdoutAt(trace, step));
  }
  await expect(back).toBeDisabled();
  await player.button('Go to end').click();
  await expect(player.position).toHaveText(`Step ${trace.steps.count} of ${trace.steps.count}`);
  await player.button('Go to start').click();
  await expect(player.position).toHaveText(`Step 1 of ${trace.steps.count}`);

  expect(foreignRequests, 'requests that left the page origin').toEqual([]);
  expect(problems, 'console errors, warnings and failed loads').toEqual([]);
});

test('plays and pauses, and a finding jumps to its step and line', async ({ page }) => {
  const trace = traceOf(BUG);
  const player = new PlayerPage(page);
  await player.open(BUG.lesson);
  await player.button('Play').click();
  await expect(player.button('Pause')).toBeVisible();
  await expect.poll(async () => (await player.where()).step, { timeout: 30_000 }).toBeGreaterThan(3);
  await player.button('Pause').click();
  await expect(player.button('Play')).toBeVisible();
  const paused = (await player.where()).step;
  await page.waitForTimeout(800);
  expect((await player.where()).step).toBe(paused);

  const stray = trace.findings.find((f) => f.kind === 'stray-write');
  expect(stray).toBeDefined();
  await player.findings.locator('[data-kind="stray-write"] button').first().click();
  await expect(player.position).toHaveText(`Step ${stray!.step + 1} of ${trace.steps.count}`);
});

test('editing the C++ re-runs it: removing static gives a new finding with its marker', async ({ page }) => {
  const fix = { lesson: '07-fix-static', program: 'fix-static' } as const;
  const player = new PlayerPage(page);
  await player.open(fix.lesson, { program: fix.program });
  await player.waitForEditors();
  await expect(player.findings).toContainText('No findings in this run.');
  await expect(player.editor('codon').locator('.squiggly-warning')).toHaveCount(0);

  // Line 6 is `static std::array<double, 4> bar;`: delete the word `static` and its space.
  await player.editorInput('cpp').focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Delete');
  await expect.poll(() => player.editorText('cpp')).toContain('    std::array<double, 4> bar;');

  // The new run reports the dangling read, in the panel and as a squiggle where it happens.
  const withoutStatic = {
    ...programFiles(fix),
    cpp: programFiles(fix).cpp.replace('static std::array', 'std::array'),
  };
  const edited = traceOf(fix, withoutStatic);
  const dangling = edited.findings.find((f) => f.kind === 'dangling-read');
  expect(dangling).toBeDefined();
  await expect(player.findings.locator('[data-kind="dangling-read"]')).toBeVisible();
  await expect(player.findings).toContainText(formatMessage(dangling!.message, 'en'));
  await expect(
    player
      .editor(dangling!.side as 'cpp' | 'codon')
      .locator('.squiggly-warning')
      .first(),
  ).toBeVisible();
  await expect(player.button('Reset code')).toBeEnabled();

  // Switch the target: the run is redone for AArch64 at once.
  await player.player.getByLabel('Target').selectOption('aarch64');
  const arm = traceOf({ ...fix, target: 'aarch64' }, withoutStatic);
  await expect(player.position).toHaveText(new RegExp(` of ${arm.steps.count}$`));
  await expect.poll(() => page.url()).toContain('target=aarch64');

  // Reload: the edit is still there (saved in this browser), and so are the target and place.
  await page.reload();
  await player.waitForRun();
  await player.waitForEditors();
  expect(await player.editorText('cpp')).toContain('    std::array<double, 4> bar;');
  expect(await player.editorText('cpp')).not.toContain('static std::array');
  await expect(player.player.getByLabel('Target')).toHaveValue('aarch64');
  await expect(page.getByText('You are looking at code from a shared link')).toHaveCount(0);

  // Reset brings back the lesson's code, and Undo the edit.
  await player.button('Reset code').click();
  await expect.poll(() => player.editorText('cpp')).toContain('static std::array<double, 4> bar;');
  await player.player.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => player.editorText('cpp')).not.toContain('static std::array');
});

test('a shared link opens on the same step with its code, without touching saved edits', async ({
  browser,
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const player = new PlayerPage(page);
  await player.open(BUG.lesson);
  await player.waitForEditors();
  // Edit the Codon program: loop twice instead of three times.
  await player.editorInput('codon').focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  // `for i in range(3):` -> the cursor after the 3.
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await expect.poll(() => player.editorText('codon')).toContain('for i in range(2):');
  const twice = { ...programFiles(BUG), codon: programFiles(BUG).codon.replace('range(3)', 'range(2)') };
  await expect.poll(async () => (await player.where()).total).toBe(traceOf(BUG, twice).steps.count);
  for (let i = 0; i < 17; i++) await player.button('Step forward').click();
  await expect(player.position).toHaveText(/^Step 18 of/);
  const narration = await player.narration.textContent();
  await player.button('Share').click();
  await expect(player.player.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('code=');

  // A fresh browser profile: nothing saved, the link's code and step.
  const fresh = await browser.newContext({ baseURL });
  await skipDiagramTour(fresh);
  await showWholeMachine(fresh);
  const other = new PlayerPage(await fresh.newPage());
  await other.page.goto(link);
  await other.waitForRun();
  await expect(other.position).toHaveText(/^Step 18 of/);
  await expect(other.narration).toHaveText(narration ?? '');
  await other.waitForEditors();
  expect(await other.editorText('codon')).toContain('for i in range(2):');
  await expect(other.page.getByText('You are looking at code from a shared link.')).toBeVisible();
  await fresh.close();

  // The sender's own browser, opening a link with other code: it is shown, the saved edit is kept.
  const fiveTimes = { ...programFiles(BUG), codon: programFiles(BUG).codon.replace('range(3)', 'range(5)') };
  const theirs = link.replace(/code=[^&]+/, linkCodeParam(fiveTimes));
  await page.goto(theirs);
  await player.waitForRun();
  await player.waitForEditors();
  expect(await player.editorText('codon')).toContain('for i in range(5):');
  await player.player.getByRole('button', { name: 'Back to my code' }).click();
  await expect.poll(() => player.editorText('codon')).toContain('for i in range(2):');
});

test('a damaged or over-long link says so and opens the lesson with its own code', async ({ page }) => {
  const player = new PlayerPage(page);
  await showWholeMachine(page);
  await page.goto('./?v=1&lesson=02-the-bug&program=bug&step=4&code=AAAAAAAAAAAA');
  await player.waitForRun();
  await expect(page.locator('.link-problems')).toContainText('The code in the link you opened is damaged');
  await expect(player.position).toHaveText(/^Step 5 of/);
  await player.waitForEditors();
  expect(await player.editorText('codon')).toContain('for i in range(3):');

  await page.goto(`./?v=1&lesson=02-the-bug&code=${'A'.repeat(7_000)}`);
  await player.waitForRun();
  await expect(page.locator('.link-problems')).toContainText('too long');
  await page.goto('./?v=9&lesson=02-the-bug');
  await player.waitForRun();
  await expect(page.locator('.link-problems')).toContainText('newer version');
});

test('keyboard only: shortcuts, the help overlay, and no shortcut while typing', async ({ page }) => {
  const trace = traceOf(BUG);
  const player = new PlayerPage(page);
  await player.open(BUG.lesson);
  await player.waitForEditors();
  await page.locator('body').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(player.position).toHaveText(`Step 3 of ${trace.steps.count}`);
  await page.keyboard.press('ArrowLeft');
  await expect(player.position).toHaveText(`Step 2 of ${trace.steps.count}`);
  await page.keyboard.press('End');
  await expect(player.position).toHaveText(`Step ${trace.steps.count} of ${trace.steps.count}`);
  await page.keyboard.press('Home');
  await expect(player.position).toHaveText(`Step 1 of ${trace.steps.count}`);
  await page.keyboard.press('Shift+ArrowRight');
  // One machine event forward: the next step, before its first event.
  await expect(player.position).toHaveText(/^Step 2 of \d+, event 0 of \d+$/);
  // Space plays and pauses.
  await page.keyboard.press('Space');
  await expect(player.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(player.button('Play')).toBeVisible();
  // `?` lists the shortcuts; Escape closes the list.
  await page.keyboard.press('Shift+Slash');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Step forward');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Typing in an editor is typing: arrows move the cursor, not the player.
  await page.keyboard.press('Home');
  await player.editorInput('codon').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(player.position).toHaveText(`Step 1 of ${trace.steps.count}`);

  // Every stepping control is reachable with Tab and works with Enter.
  await page.locator('body').focus();
  const forward = player.button('Step forward');
  for (let i = 0; i < 200 && !(await forward.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(forward).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(player.position).toHaveText(`Step 2 of ${trace.steps.count}`);
  for (const name of ['Step back', 'Go to start', 'Go to end', 'Play', 'Reset code', 'Share']) {
    await expect(player.button(name)).toHaveAccessibleName(name);
  }
});

test('switching to Chinese keeps the place and the edits, and does not re-run', async ({ page }) => {
  const trace = traceOf(BUG);
  const player = new PlayerPage(page);
  await player.open(BUG.lesson, { program: 'bug', step: '12' });
  await expect(player.position).toHaveText(`Step 13 of ${trace.steps.count}`);
  const runs = await player.player.locator('.diagram-pane').getAttribute('data-run');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByTestId('position')).toHaveText(`第 13 / ${trace.steps.count} 步`);
  await expect(player.narration).toHaveText(stepNarration(trace, 12, 'zh'));
  await expect(page.getByRole('button', { name: '前进一步' })).toBeVisible();
  expect(await player.player.locator('.diagram-pane').getAttribute('data-run')).toBe(runs);
  await page.getByLabel('语言').selectOption('en');
  await expect(player.position).toHaveText(`Step 13 of ${trace.steps.count}`);
});

test('the course index lists every lesson with its progress mark', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'The course' })).toBeVisible();
  const lessons = page.locator('.course-lesson');
  await expect(lessons).toHaveCount(11);
  await expect(lessons.first()).toContainText('Not started');
  await page.getByRole('link', { name: 'The bug' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The bug' })).toBeVisible();
  await page.getByRole('link', { name: 'Codon Interop Lab' }).click();
  await expect(page.locator('.course-lesson[data-lesson="02-the-bug"]')).toContainText('Started');
});

test('an exercise is checked by the real run: hints, then the solution meets the goal', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.open('07-fix-static');
  const exercise = page.locator('[data-exercise="exercise-static"]');
  await exercise.getByRole('button', { name: 'Open the exercise in the player' }).click();
  await player.waitForRun();
  await expect(exercise.getByRole('status')).toHaveText(
    'Not yet: the simulator still reports dangling-read.',
  );
  await exercise.getByRole('button', { name: 'Show a hint' }).click();
  await expect(exercise.locator('.mdx-exercise__hints li')).toHaveCount(1);
  await exercise.getByRole('button', { name: 'Show the solution' }).click();
  await expect(exercise.getByRole('status')).toHaveText('Goal met: the real run of your code does it.');
  await expect(player.findings).toContainText('No findings in this run.');
  // The learner's own attempt is one click away.
  await player.player.getByRole('button', { name: 'Undo' }).click();
  await expect(exercise.getByRole('status')).toHaveText(
    'Not yet: the simulator still reports dangling-read.',
  );
});

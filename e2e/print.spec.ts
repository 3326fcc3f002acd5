// The printable handout (issue 8): opened by its address and by the lesson's button, looked at as paper
// (print media, a PDF). What it must show comes from running the same programs with the simulator here in
// Node: the code as it is on disk, one picture per key step of each run with the simulator's own
// sentence for that step, in the page's language.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { narrationAt } from '../src/sim/view/index.ts';
import { findMoment } from '../src/app/player/moments.ts';
import { keySteps } from '../src/app/print/key-steps.ts';
import { programFiles, skipDiagramTour, traceOf, watch, type ProgramRef } from './player-page.ts';

const BUG: ProgramRef = { lesson: '02-the-bug', program: 'bug' };

/** Opens a lesson's handout by its address and waits until every run and picture is in. */
async function openHandout(
  page: Page,
  lesson: string,
  lang: 'en' | 'zh' = 'en',
  form: 'hash' | 'query' = 'hash',
) {
  await page.goto(`./?v=1&lesson=${lesson}&lang=${lang}${form === 'hash' ? '#handout' : '&print=handout'}`);
  await expect(page.getByTestId('handout')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

/** The page as paper, in screenshots of the desktop-width print layout (saved with the test's results). */
async function shootPrint(page: Page, testInfo: TestInfo, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < height && i < 4; y += 1600, i++) {
    const path = testInfo.outputPath(`${name}-${i}.png`);
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x: 0, y, width: 1280, height: Math.min(1600, height - y) },
    });
    await testInfo.attach(`${name}-${i}`, { path, contentType: 'image/png' });
  }
}

/** The number of pages of a PDF made by Chromium. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** Text in the handout drawn under `px` CSS pixels (SVG text scaled by its figure), as "size tag: text". */
function textUnder(page: Page, px: number): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll('.handout *'))) {
      const own = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      const box = el.getBoundingClientRect();
      if (!own || box.width === 0 || box.height === 0 || el.closest('.sr-only, .md-sr')) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        size *= m ? Math.hypot(m.a, m.b) : 1;
      }
      if (size < min - 0.01)
        small.push(`${size.toFixed(1)}px ${el.tagName}: ${(el.textContent ?? '').trim().slice(0, 30)}`);
    }
    return small;
  }, px);
}

/** How the focus view draws each mark the handout's key explains (FocusKey.tsx, focusMarks). */
const MARKS: Record<string, string> = {
  'finding-note': '.mdiag__findings',
  mismatch: '.md-call__row--mismatch',
  'reads-now': '.md-call__now',
  'hidden-write': '.md-call__hidden',
  'finding-object': '.focus-obj--finding',
  written: '.focus-obj__written',
  read: '.focus-obj__read',
  was: '.focus-obj__was',
  'register-written': '.focus__regs .focus__written',
  crash: '.focus__crash',
};

/** The first playground's section in the handout. */
const firstPlayground = (page: Page) => page.locator('.hd-playground').first();

test.use({ viewport: { width: 1280, height: 900 } });

test.beforeEach(async ({ context }) => {
  await skipDiagramTour(context);
});

test('the handout of lesson 2 prints its text, the full code and the machine at each key step', async ({
  page,
}, testInfo) => {
  const watched = watch(page, new URL(testInfo.project.use.baseURL ?? '').origin);
  await openHandout(page, '02-the-bug');
  await page.emulateMedia({ media: 'print' });

  // The prose, with its headings, and an outside link followed by its address.
  await expect(page.getByRole('heading', { level: 1, name: 'The bug' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What the reporter saw' })).toBeVisible();
  await expect(page.locator('.handout')).toContainText('https://github.com/exaloop/codon/issues/576');

  // Both files in full, exactly as on disk (line numbers are drawn by CSS, not part of the text).
  const files = programFiles(BUG);
  const playground = firstPlayground(page);
  expect(await playground.locator('[data-file="lib.cpp"] pre').textContent()).toBe(files.cpp);
  expect(await playground.locator('[data-file="main.codon"] pre').textContent()).toBe(files.codon);
  await expect(playground.locator('[data-file="main.codon"] pre')).toContainText('run()');

  // One picture per key step of the real run (the lesson's question stops at call-return), each with
  // its step and the simulator's sentence for it.
  const trace = traceOf(BUG);
  const steps = keySteps(trace, ['call-return']);
  expect(steps.map((k) => k.moments.join(' '))).toEqual(['call', 'callee-write', 'call-return', 'end']);
  const figures = playground.getByTestId('handout-figure');
  await expect(figures).toHaveCount(steps.length);
  for (const [i, k] of steps.entries()) {
    const figure = figures.nth(i);
    await expect(figure).toHaveAttribute('data-step', String(k.step));
    // The machine as the player's focus view draws it: text at 9 pt or more, not a scaled-down SVG.
    await expect(figure.getByTestId('focus-view')).toHaveCount(1);
    await expect(figure.getByTestId('focus-view')).toHaveAttribute('data-step', String(k.step));
    const caption = figure.locator('figcaption');
    await expect(caption).toContainText(`Step ${k.step + 1} of ${trace.steps.count}`);
    await expect(caption).toContainText(narrationAt(trace, k.step, 'en'));
    await expect(figure).toBeVisible();
  }
  // Lesson 2's question stops at the call (before the stray write gives the answer away).
  await expect(figures.locator('figcaption').filter({ hasText: 'question 1 stops here' })).toHaveCount(1);
  // The call's register table comes with the pictures of the call.
  await expect(figures.nth(0).getByTestId('call-view')).toBeVisible();

  // The run with leftover zero crashes inside foo: its last picture is the crash.
  const zero = traceOf({ ...BUG, leftover: 'zero' });
  const crashStep = findMoment(zero, 'crash');
  const zeroSection = page.locator('.hd-playground').nth(1);
  await expect(zeroSection).toContainText('Its code is printed above.');
  await expect(zeroSection).toContainText('The run crashes with SIGSEGV.');
  await expect(zeroSection.getByTestId('handout-figure').last()).toHaveAttribute(
    'data-step',
    String(crashStep),
  );
  await expect(zeroSection.getByTestId('handout-figure').last()).toContainText('The crash');

  // Questions become boxes to tick; the answers and the terms are at the end.
  await expect(page.locator('.hd-predict .hd-choices li')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Answers' })).toBeVisible();
  await expect(page.locator('.hd-answer').first()).toContainText('1.5 2.5 3.5 4.5');
  await expect(page.getByRole('heading', { name: 'Terms used in this lesson' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Key to the diagrams' })).toBeVisible();
  // The key describes exactly what the pictures show: each mark it lists is in some printed picture and
  // each mark a picture shows is in it (it used to explain the whole-machine SVG's hatching, arrows and
  // colours, none of which is printed any more).
  await expect(page.locator('[data-testid="handout-figure"] svg.md-svg')).toHaveCount(0);
  await expect(page.getByTestId('diagram-legend')).toHaveCount(0);
  const keyed = await page
    .getByTestId('focus-key')
    .locator('li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-mark') ?? ''));
  const pictured: string[] = [];
  for (const [mark, selector] of Object.entries(MARKS))
    if ((await page.locator(`[data-testid="handout-figure"] ${selector}`).count()) > 0) pictured.push(mark);
  expect(pictured.length).toBeGreaterThan(3);
  expect([...keyed].sort()).toEqual(pictured.sort());

  // No site chrome, toolbar, player, editors or buttons on paper.
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Handout' })).toBeHidden();
  await expect(page.locator('.monaco-editor, .player, .controls, .mdiag__toolbar')).toHaveCount(0);
  for (const button of await page.getByRole('button').all()) await expect(button).toBeHidden();
  // A picture is never cut across two pages.
  expect(
    await page
      .locator('.hd-figure__main')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid');

  await shootPrint(page, testInfo, 'handout-02-en');
  // Nothing on paper under 9 pt (12 CSS px), SVG text at its size after the figure's scaling.
  expect(await textUnder(page, 12)).toEqual([]);
  // A handout a speaker would print: at most 8 A4 pages (25 when each key step was the whole-machine SVG).
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdfPages(pdf)).toBeGreaterThan(2);
  expect(pdfPages(pdf)).toBeLessThanOrEqual(8);
  expect(watched.problems).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});

test('the handout is light on white in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openHandout(page, '05-gc');
  const colours = await page.evaluate(() => {
    const sheet = document.querySelector('.handout__page') as HTMLElement;
    const diagram = document.querySelector('.hd-figure .mdiag') as HTMLElement;
    return {
      page: getComputedStyle(sheet).backgroundColor,
      text: getComputedStyle(sheet).color,
      diagram: getComputedStyle(diagram).getPropertyValue('--md-bg').trim(),
    };
  });
  expect(colours).toEqual({ page: 'rgb(255, 255, 255)', text: 'rgb(29, 35, 43)', diagram: '#ffffff' });
  // Lesson 5's collection is among the pictures, with the simulator's sentence.
  const trace = traceOf({ lesson: '05-gc', program: 'gc-bite' });
  const gc = findMoment(trace, 'gc');
  const figure = page
    .locator(`.hd-playground[data-program="gc-bite"] [data-testid="handout-figure"][data-step="${gc}"]`)
    .first();
  await expect(figure).toContainText('The garbage collector runs');
  await expect(figure).toContainText(narrationAt(trace, gc ?? 0, 'en'));
  // The comparison's second program appears only there: its code and picture are printed with it.
  await expect(page.locator('.hd-compare [data-file="lib.cpp"]')).toHaveCount(1);
});

test('a Chinese handout: Chinese captions and narration, the same code', async ({ page }, testInfo) => {
  await openHandout(page, '02-the-bug', 'zh', 'query');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.handout__page')).toHaveAttribute('lang', 'zh-CN');
  const trace = traceOf(BUG);
  const steps = keySteps(trace, ['call-return']);
  const figures = firstPlayground(page).getByTestId('handout-figure');
  await expect(figures).toHaveCount(steps.length);
  for (const [i, k] of steps.entries()) {
    const caption = figures.nth(i).locator('figcaption');
    await expect(caption).toContainText(`第 ${k.step + 1} 步，共 ${trace.steps.count} 步`);
    await expect(caption).toContainText(narrationAt(trace, k.step, 'zh'));
  }
  await expect(figures.first().locator('figcaption')).toContainText('跨语言调用开始');
  expect(await firstPlayground(page).locator('[data-file="lib.cpp"] pre').textContent()).toBe(
    programFiles(BUG).cpp,
  );
  await expect(page.getByRole('heading', { name: '答案' })).toBeVisible();
  await shootPrint(page, testInfo, 'handout-02-zh');
  expect(await textUnder(page, 12)).toEqual([]);
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  expect(pages).toBeGreaterThan(2);
  expect(pages).toBeLessThanOrEqual(8);
});

test('"Print handout" prepares the handout, then prints; Back returns to the lesson', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    const w = window as unknown as { __prints: { ready: string | null; figures: number }[] };
    w.__prints = [];
    // What the page looked like when it asked to print.
    window.print = () => {
      w.__prints.push({
        ready: document.querySelector('[data-testid="handout"]')?.getAttribute('data-ready') ?? null,
        figures: document.querySelectorAll('[data-testid="handout-figure"] [data-testid="focus-view"]')
          .length,
      });
    };
  });
  await page.goto('./?v=1&lesson=02-the-bug');
  await expect(page.getByTestId('position')).toHaveText(/\d+/, { timeout: 60_000 });
  const button = page.getByRole('button', { name: 'Print handout' });
  await expect(button).toBeVisible();
  // By keyboard: the button is a real button in the page's tab order.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?v=1&lesson=02-the-bug.*#handout$/);
  await expect(page.getByTestId('handout')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  // It printed once, and only when every picture of every run was in.
  const figures = await page.locator('[data-testid="handout-figure"] [data-testid="focus-view"]').count();
  expect(figures).toBeGreaterThan(4);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __prints: unknown[] }).__prints))
    .toEqual([{ ready: 'true', figures }]);
  await expect(page.getByRole('status').filter({ hasText: 'The handout is ready to print.' })).toBeVisible();
  // The player is gone while the handout is shown.
  await expect(page.locator('.player')).toHaveCount(0);

  await page.getByRole('button', { name: 'Back to the lesson' }).click();
  await expect(page.getByTestId('handout')).toHaveCount(0);
  await expect(page).not.toHaveURL(/handout/);
  await expect(button).toBeFocused();
  await expect(page.getByTestId('position')).toHaveText(/\d+/, { timeout: 60_000 });
  // Forward brings the handout back (it has an address of its own), and it does not print by itself.
  await page.goForward();
  await expect(page.getByTestId('handout')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __prints: unknown[] }).__prints)).toHaveLength(1);
});

test('plain Ctrl+P on a lesson prints the text and the full code, without the player', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./?v=1&lesson=02-the-bug');
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
  // The listings arrive after the lesson has painted.
  await expect(page.locator('.print-code')).toHaveCount(3, { timeout: 30_000 });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('heading', { level: 1, name: 'The bug' })).toBeVisible();
  const code = page.locator('.mdx-playground').first().locator('.print-code');
  await expect(code).toBeVisible();
  expect(await code.locator('pre').first().textContent()).toBe(programFiles(BUG).cpp);
  expect(await code.locator('pre').last().textContent()).toBe(programFiles(BUG).codon);
  for (const hidden of [
    '.app-header',
    '.player',
    '.monaco-editor',
    '.lesson__print',
    '.mdx-predict__actions',
  ])
    await expect(page.locator(hidden).first()).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  );
  expect(pdfPages(await page.pdf({ format: 'A4' }))).toBeGreaterThanOrEqual(2);
});

/**
 * The serious and critical axe violations in the whole handout. Lesson 4's handout has some 4,800 elements
 * (4,300 of them in its ten pictures); axe's audit of them takes about 6 s, but the default analysis took
 * 20 s alone and 24-28 s on a loaded two-core machine: most of it went into the 4.6 MB of passing results
 * and their cross-frame assembly in a second page. The handout has no frames, so axe runs in the page
 * itself and reports violations only: 7 s under the same load, every element still checked (measured with
 * axe's performanceTimer). Splitting the handout into parts did not help: each analysis pays the setup.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  expect(result.passes.length).toBeGreaterThan(0);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the handout passes axe in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openHandout(page, '04-abi');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

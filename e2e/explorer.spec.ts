// The ABI explorer in a real browser. The widget is not in the lessons' components map yet, so these
// tests open it on its own harness page (src/explorer/harness/explorer-harness.html), served by a Vite
// dev server this file starts (the site's build serves only index.html).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ROOT, 'tmp', 'screenshots', 'explorer');

// Each worker that runs tests from this file starts its own server (on the next free port).
let server: ViteDevServer | undefined;
let origin = '';

test.beforeAll(async () => {
  server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    base: '/',
    logLevel: 'warn',
    // Two workers may each start a server: give each its own dependency cache, and let it find the
    // harness's dependencies before the first request (a late discovery reloads the page mid-test).
    cacheDir: join(ROOT, 'tmp', `vite-explorer-${test.info().workerIndex}`),
    optimizeDeps: { entries: ['src/explorer/harness/explorer-harness.html'] },
    server: { port: 4191, strictPort: false, hmr: false },
  });
  await server.listen();
  origin = server.resolvedUrls?.local[0] ?? '';
  expect(origin).not.toBe('');
});

test.afterAll(async () => {
  await server?.close();
});

/** Opens the harness and records console errors and uncaught exceptions. */
async function open(page: Page, params: Record<string, string> = {}) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const query = new URLSearchParams(params).toString();
  await page.goto(`${origin}src/explorer/harness/explorer-harness.html${query ? `?${query}` : ''}`);
  const widget = page.getByTestId('abi-explorer');
  await expect(widget.locator('.abi-table--summary')).toBeVisible({ timeout: 60_000 });
  return { widget, problems };
}

test('shows the two machines side by side for the lesson’s type', async ({ page }) => {
  const { widget, problems } = await open(page, { type: 'std::array<double, 2>' });
  const summary = widget.locator('.abi-table--summary');
  await expect(summary.locator('caption')).toContainText('std::array<double, 2>');
  await expect(summary.getByRole('columnheader')).toHaveText([
    'Property',
    'x86-64 (System V)',
    'AArch64 (AAPCS64)',
  ]);
  const returned = summary.getByRole('row').filter({ hasText: 'Returned' });
  await expect(returned.getByRole('cell').nth(0)).toContainText('%xmm0, %xmm1');
  await expect(returned.getByRole('cell').nth(1)).toContainText('d0, d1');
  await expect(widget.getByRole('status')).toContainText('on x86-64 (System V) in %xmm0, %xmm1');
  expect(problems).toEqual([]);
});

test('keyboard only: type a return type, then pick examples', async ({ page }) => {
  const { widget, problems } = await open(page);
  const field = widget.getByLabel('Return type');
  // The first thing Tab reaches on the page is the return type field.
  await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.keyboard.type('std::array<float, 4>', { delay: 30 });
  const status = widget.getByRole('status');
  await expect(status).toContainText('std::array<float, 4>');
  await expect(status).toContainText('in %xmm0, %xmm1');
  await expect(status).toContainText('in s0, s1, s2, s3');
  const longest = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
  );
  console.log(`longest main-thread task while typing: ${longest.toFixed(0)} ms`);
  expect(longest).toBeLessThan(200);

  // Tab on to the definitions, then to the examples; Enter and Space press a button.
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Definitions (optional)')).toBeFocused();
  const vec3 = widget.getByRole('button', { name: 'struct Vec3 { double x, y, z; }' });
  for (let i = 0; i < 12 && !(await vec3.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(vec3).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(vec3).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.getByLabel('Definitions (optional)')).toHaveValue('struct Vec3 { double x, y, z; };');
  await expect(status).toContainText('on x86-64 (System V) in memory (%rdi)');
  await expect(status).toContainText('d0, d1, d2');
  const shared = widget.getByRole('button', { name: 'std::shared_ptr<std::array<double, 4>>' });
  await shared.focus();
  await page.keyboard.press('Space');
  await expect(status).toContainText('memory (x8)');
  await expect(widget).toContainText('declares a user-provided copy constructor');
  expect(problems).toEqual([]);
});

test('bad input: a located message, the last good result kept', async ({ page }) => {
  const { widget, problems } = await open(page, { type: 'std::array<double, 4>' });
  const field = widget.getByLabel('Return type');
  await field.fill('std::array<double, 4');
  const status = widget.getByRole('status');
  await expect(status).toContainText('Return type, column 21:');
  await expect(status).toContainText("expected '>' to close the template arguments");
  await expect(status).toContainText('Still showing the last type that worked: std::array<double, 4>.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.locator('.abi-table--summary caption')).toContainText('std::array<double, 4>');

  await field.fill('doubel');
  await expect(status).toContainText("unknown type 'doubel'");
  await field.fill('');
  await expect(status).toContainText('Type a return type');
  await field.fill('int[4]');
  await expect(status).toContainText('A function cannot return a C array');

  await widget.getByLabel('Definitions (optional)').fill('struct A {\n  doubel x;\n};');
  await field.fill('A');
  await expect(status).toContainText('Definitions, line 2, column 3:');
  await expect(widget.getByLabel('Definitions (optional)')).toHaveAttribute('aria-invalid', 'true');

  await widget.getByLabel('Definitions (optional)').fill('');
  await field.fill('std::array<char, 10000000>');
  await expect(status).toContainText('Too large to lay out here');

  await field.fill('std::string_view');
  await expect(status).toContainText('in %rax, %rdx');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  expect(problems).toEqual([]);
});

test('in Chinese', async ({ page }) => {
  const { widget, problems } = await open(page, { locale: 'zh', type: 'std::array<double, 4>' });
  await expect(widget.getByLabel('返回类型')).toHaveValue('std::array<double, 4>');
  await expect(widget.getByRole('status')).toContainText(
    'x86-64（System V）上走内存（%rdi）；AArch64（AAPCS64）上走 d0、d1、d2、d3。',
  );
  await expect(widget).toContainText('两种机器意见不一');
  await widget.getByLabel('返回类型').fill('doubel');
  await expect(widget.getByRole('status')).toContainText("返回类型，第 1 列：不认识的类型 'doubel'");
  expect(problems).toEqual([]);
});

for (const [colorScheme, width] of [
  ['light', 1280],
  ['dark', 1280],
  ['light', 360],
] as const) {
  test(`no accessibility violations (axe), ${colorScheme}, ${width} px wide`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 800 });
    const { problems } = await open(page, { type: 'std::pair<int, double>' });
    const result = await new AxeBuilder({ page }).include('[data-testid="abi-explorer"]').analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    expect(problems).toEqual([]);
  });
}

const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

for (const screen of SCREENS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshot: ${screen.name}, ${colorScheme}`, async ({ browser }) => {
      mkdirSync(SHOTS, { recursive: true });
      const context = await browser.newContext({ viewport: screen.viewport, colorScheme });
      const page = await context.newPage();
      const { widget, problems } = await open(page, { type: 'std::pair<int, double>' });
      await widget.screenshot({ path: join(SHOTS, `${screen.name}-${colorScheme}.png`) });
      await widget.getByLabel('Return type').fill('std::array<double, 4');
      await expect(widget.locator('.abi-explorer__problem')).toBeVisible();
      await widget.locator('.abi-explorer__fields').screenshot({
        path: join(SHOTS, `${screen.name}-${colorScheme}-error.png`),
      });
      await page.screenshot({ path: join(SHOTS, `${screen.name}-${colorScheme}-error-page.png`) });
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}

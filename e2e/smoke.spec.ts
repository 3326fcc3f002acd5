import { expect, test, type Page } from '@playwright/test';

/** Records what would make the page untrustworthy: requests to other origins, errors, failed loads. */
function watch(page: Page, origin: string) {
  const foreignRequests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    // data: URLs never touch the network; blob: URLs carry the origin that made them.
    if (url.protocol !== 'data:' && url.origin !== origin) foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  return { foreignRequests, problems };
}

/** The text Monaco shows in one editor pane, with its non-breaking spaces made plain. */
async function editorText(page: Page, side: 'cpp' | 'codon'): Promise<string> {
  const text = await page.getByTestId(`editor-${side}`).locator('.monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Waits until both Monaco editors have replaced the plain-text fallback. */
async function waitForEditors(page: Page) {
  for (const side of ['cpp', 'codon'] as const) {
    await expect(page.getByTestId(`editor-${side}`).locator('.monaco-editor .view-lines')).toContainText(
      'foo',
    );
  }
}

/**
 * The CSS class of the token span that holds the word `word` (Monaco merges neighbouring tokens of the
 * same colour into one span, so a plain name may share its span with the dots and brackets around it).
 */
async function tokenClass(page: Page, side: 'cpp' | 'codon', word: string): Promise<string | undefined> {
  return page
    .getByTestId(`editor-${side}`)
    .locator('.view-line span span')
    .evaluateAll(
      (spans, wanted) =>
        spans.find((span) => (span.textContent ?? '').split(/[^\w:]+/).includes(wanted))?.className,
      word,
    );
}

test('the welcome lesson, both editors, editing and reset, all from one origin', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const { foreignRequests, problems } = watch(page, origin);

  await page.goto('./');
  await expect(
    page.getByRole('heading', { level: 1, name: 'One return value, two languages' }),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: 'Lesson' })).toContainText('from C import');
  await expect(page.getByRole('region', { name: 'Machine diagram' })).toContainText('lesson player');

  await waitForEditors(page);
  expect(await editorText(page, 'cpp')).toContain('std::array<double, 4> foo() {');
  expect(await editorText(page, 'codon')).toContain('from C import LIBPATH.foo() -> Ptr[float]');

  // Highlighting: C++ keywords, and Codon's FFI words coloured apart from plain names (Python would not).
  expect(await tokenClass(page, 'cpp', 'extern')).not.toBe(await tokenClass(page, 'cpp', 'foo'));
  const plainName = await tokenClass(page, 'codon', 'LIBPATH');
  expect(plainName).toBeDefined();
  expect(await tokenClass(page, 'codon', 'Ptr')).not.toBe(plainName);
  expect(await tokenClass(page, 'codon', 'from')).not.toBe(plainName);

  // Monaco's editor worker (lazy: the current features do not need it yet) starts from the page's own
  // origin under its Content-Security-Policy.
  const workerStarted = page.waitForEvent('worker', { timeout: 10_000 });
  await page.evaluate(() => {
    const env = (self as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): Worker } })
      .MonacoEnvironment;
    env.getWorker('workerMain.js', 'editorWorkerService');
  });
  const worker = await workerStarted;
  expect(new URL(worker.url()).pathname).toMatch(/^\/codon-interop-lab\/assets\/editor\.worker-[\w-]+\.js$/);
  expect(await worker.evaluate(() => typeof self.onmessage)).toBe('function');

  // Type into the Codon program: the editor shows it and the store knows the code changed.
  const reset = page.getByRole('button', { name: 'Reset code' });
  await expect(reset).toBeDisabled();
  await page.getByRole('textbox', { name: /Codon program/ }).focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# edited by the smoke test');
  await expect.poll(() => editorText(page, 'codon')).toContain('# edited by the smoke test');
  await expect(reset).toBeEnabled();

  await reset.click();
  await expect.poll(() => editorText(page, 'codon')).not.toContain('# edited by the smoke test');
  await expect(reset).toBeDisabled();

  expect(foreignRequests, 'requests that left the page origin').toEqual([]);
  expect(problems, 'console errors, warnings and failed loads').toEqual([]);
});

test('the lesson text is on the page before Monaco has loaded', async ({ page }) => {
  // Hold back the Monaco chunk: the lesson and the code (as plain text) must not wait for it.
  await page.route(/CodeEditor-[^/]*\.js$/, () => {});
  await page.goto('./');
  await expect(
    page.getByRole('heading', { level: 1, name: 'One return value, two languages' }),
  ).toBeVisible();
  await expect(page.getByTestId('editor-codon').locator('pre')).toContainText('from C import LIBPATH.foo()');
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
});

const screens = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

for (const screen of screens) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshot: ${screen.name}, ${colorScheme}`, async ({ browser, baseURL }, testInfo) => {
      const context = await browser.newContext({ baseURL, viewport: screen.viewport, colorScheme });
      const page = await context.newPage();
      await page.goto('./');
      await waitForEditors(page);
      // Nothing may stick out sideways (a phone would scroll the whole page horizontally).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const path = testInfo.outputPath(`welcome-${screen.name}-${colorScheme}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`welcome-${screen.name}-${colorScheme}`, { path, contentType: 'image/png' });
      await context.close();
    });
  }
}

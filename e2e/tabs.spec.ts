// Saved edits are never silently lost (issue 12): two tabs on one program see each other's saves; a tab
// that missed the other's newer save asks before its keystroke overwrites it (a keyboard-usable choice);
// with the storage full and code too long for the address, leaving asks and a copy can be downloaded.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlayerPage, skipDiagramTour } from './player-page.ts';

const KEY = 'codon-lab:v1:edits:02-the-bug/bug';

async function openBug(
  context: BrowserContext,
  options: { missesEvents?: boolean } = {},
): Promise<{ page: Page; player: PlayerPage }> {
  const page = await context.newPage();
  if (options.missesEvents) await page.addInitScript(holdStorageEvents);
  const player = new PlayerPage(page);
  await player.open('02-the-bug', { program: 'bug' });
  await player.waitForEditors();
  return { page, player };
}

/** Types at the end of the C++ library (in the front tab: a background tab's editor does not redraw). */
async function typeAtEnd(player: PlayerPage, text: string) {
  await player.page.bringToFront();
  await player.editorInput('cpp').focus();
  await player.page.keyboard.press('Control+End');
  await player.page.keyboard.type(text);
}

/**
 * Makes the page miss other tabs' saves while `__missSaves` is set, as a frozen tab or a keystroke that
 * races the event would: the page's `storage` listeners are wrapped before the page adds them.
 */
function holdStorageEvents() {
  const add = window.addEventListener.bind(window);
  window.addEventListener = ((
    type: string,
    listener: EventListener,
    options?: boolean | AddEventListenerOptions,
  ) => {
    if (type !== 'storage') return add(type, listener, options);
    const gated = (event: Event) => {
      if (!(window as { __missSaves?: boolean }).__missSaves) listener(event);
    };
    return add(type, gated, options);
  }) as typeof window.addEventListener;
}

/**
 * The last lines of the C++ library as the editor shows them: its tab in front (a background tab's editor
 * does not redraw), scrolled to the end (the editor draws only the lines in view).
 */
async function editorTail(player: PlayerPage) {
  await player.page.bringToFront();
  await player.editorInput('cpp').focus();
  await player.page.keyboard.press('Control+End');
  return player.editorText('cpp');
}

const savedCpp = (page: Page) =>
  page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as { cpp: string }).cpp;
  }, KEY);

test.beforeEach(async ({ context }) => skipDiagramTour(context));

test('a save in one tab shows in the other', async ({ context }) => {
  test.setTimeout(120_000);
  const a = await openBug(context);
  const b = await openBug(context);
  await typeAtEnd(a.player, '\n// from tab A');
  await expect.poll(() => savedCpp(a.page)).toContain('// from tab A');
  await expect.poll(() => editorTail(b.player)).toContain('// from tab A');
  await expect(
    b.page.getByText('Another tab saved this program: its code is in the editors now.'),
  ).toBeVisible();
  await expect(b.page.getByTestId('edits-conflict')).toHaveCount(0);
});

test('a stale tab’s keystroke does not overwrite the other tab’s newer code: it asks, by keyboard', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const a = await openBug(context);
  const b = await openBug(context, { missesEvents: true });
  // Tab B misses A's save, as a frozen tab or a keystroke racing the event would.
  await b.page.evaluate(() => ((window as { __missSaves?: boolean }).__missSaves = true));
  await typeAtEnd(a.player, '\n// newer, from tab A');
  await expect.poll(() => savedCpp(a.page)).toContain('// newer, from tab A');
  expect(await editorTail(b.player)).not.toContain('from tab A');

  await typeAtEnd(b.player, '\n// stale');
  const question = b.page.getByRole('alertdialog', { name: 'This program was changed in another tab' });
  await expect(question).toBeVisible();
  await expect(question).toBeFocused();
  // Nothing written over A's code, however many keystrokes B makes.
  await b.page.keyboard.type(' tab B');
  expect(await savedCpp(b.page)).toContain('// newer, from tab A');
  expect(await savedCpp(b.page)).not.toContain('stale');

  // The keyboard alone: Tab to "Use the other tab's code", Enter.
  await b.page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Use the other tab’s code (undoable)' })).toBeFocused();
  await b.page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect.poll(() => editorTail(b.player)).toContain('// newer, from tab A');
  // From there, B's keystrokes are saves over A's code, asked about no more.
  await typeAtEnd(b.player, '\n// then tab B');
  await expect.poll(() => savedCpp(b.page)).toMatch(/\/\/ newer, from tab A\s+\/\/ then tab B/);
  await expect(b.page.getByTestId('edits-conflict')).toHaveCount(0);
});

test('the stale tab may keep its own code instead: a choice, written over the other tab’s', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const a = await openBug(context);
  const b = await openBug(context, { missesEvents: true });
  await b.page.evaluate(() => ((window as { __missSaves?: boolean }).__missSaves = true));
  await typeAtEnd(a.player, '\n// from tab A');
  await expect.poll(() => savedCpp(a.page)).toContain('// from tab A');
  // One stale keystroke in B: the question takes the focus (what B goes on typing lands on it).
  await typeAtEnd(b.player, '/');
  const question = b.page.getByRole('alertdialog', { name: 'This program was changed in another tab' });
  await expect(question).toBeFocused();
  await b.page.keyboard.press('Tab');
  await b.page.keyboard.press('Tab');
  await expect(
    question.getByRole('button', { name: 'Keep this tab’s code (replaces the other tab’s)' }),
  ).toBeFocused();
  await b.page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect.poll(() => savedCpp(a.page)).not.toContain('from tab A');
  expect(await savedCpp(a.page)).toMatch(/}\s*\/$/);
  // Tab A hears of it and follows.
  await expect.poll(() => editorTail(a.player)).not.toContain('from tab A');
});

/** Fills the origin's storage to the last character it takes; returns how many entries that took. */
function fillStorage(): number {
  let chunk = 1 << 20;
  let n = 0;
  while (chunk >= 1) {
    try {
      localStorage.setItem(`filler-${n}`, 'x'.repeat(chunk));
      n++;
    } catch {
      chunk >>= 1;
    }
  }
  return n;
}

/** Text no link can carry: letters and digits at random compress too little to fit in MAX_CODE_PARAM. */
function incompressible(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let seed = 0x2545f491;
  let text = '';
  for (let i = 0; i < length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    text += alphabet[(seed >>> 0) % alphabet.length];
  }
  return text;
}

test('with the storage full and code too long for the address, leaving asks and the code can be downloaded', async ({
  context,
}) => {
  test.setTimeout(180_000);
  const { page, player } = await openBug(context);
  expect(await page.evaluate(fillStorage)).toBeGreaterThan(0);
  const long = `// ${incompressible(12_000)}`;
  await player.editorInput('cpp').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(long);
  const warning = page.getByTestId('save-failed');
  await expect(warning).toContainText('too long to keep in the address');
  expect(await savedCpp(page)).toBeNull();

  // A copy, from the button in the warning.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Download my code' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('02-the-bug-bug.txt');
  const text = readFileSync((await download.path()) as string, 'utf8');
  expect(text).toContain(long);
  expect(text).toContain('# ===== main.codon =====');

  // Leaving asks.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
});

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'tmp', 'screenshots', 'tabs');

for (const colorScheme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'zh'] as const) {
    test(`screenshot: the other-tab question and the storage-full warning, ${colorScheme}, ${lang}`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      mkdirSync(SHOTS, { recursive: true });
      const context = await browser.newContext({
        baseURL,
        colorScheme,
        viewport: { width: 1280, height: 800 },
      });
      await skipDiagramTour(context);
      const page = await context.newPage();
      const player = new PlayerPage(page);
      await page.goto(`./?v=1&lesson=02-the-bug&program=bug&lang=${lang}`);
      await expect(player.position).toHaveText(/\d+/, { timeout: 20_000 });
      await player.waitForEditors();
      // A storage with no room left, and code too long for the address: refused, with the warning.
      await page.evaluate(fillStorage);
      await player.editor('cpp').getByRole('textbox').focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(`// ${incompressible(12_000)}`);
      const warning = page.getByTestId('save-failed');
      await expect(warning.getByRole('button')).toBeVisible();
      // Then another tab's save that this page has not heard of (a page hears no event for its own
      // writes), and one more keystroke here: the question.
      await page.evaluate((key) => {
        localStorage.removeItem('filler-0');
        localStorage.setItem(key, JSON.stringify({ cpp: '// other tab', codon: '', rev: 1, id: 'other' }));
      }, KEY);
      await page.keyboard.type(' ');
      await expect(page.getByTestId('edits-conflict')).toBeFocused();
      await page.locator('.notices').screenshot({ path: join(SHOTS, `notices-${colorScheme}-${lang}.png`) });
      await context.close();
    });
  }
}

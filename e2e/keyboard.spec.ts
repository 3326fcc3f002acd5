// The player with the keyboard alone (issue 15's review): Tab walks the page in reading order (the
// settings, the signature strip's two declarations, both editors, the stepping controls, the switch to the whole machine, the findings) without
// a trap (Tab leaves the editors; the walk comes back round to the top), and every element that takes
// the focus is on screen with nothing drawn over it (the sticky controls covered the diagram's objects
// in the whole-machine view, at the top on a desktop and at the bottom on a phone).
import { expect, test, type Page } from '@playwright/test';
import { skipDiagramTour, traceOf } from './player-page.ts';

const BUG = { lesson: '02-the-bug', program: 'bug' };
const stray = traceOf(BUG).findings.find((f) => f.kind === 'stray-write')!;

interface Stop {
  /** What has the focus, in words a failure message can show. */
  what: string;
  /** Which part of the player it belongs to ('' outside the player). */
  part: string;
  /** Why it cannot be seen ('' when it can). */
  hidden: string;
}

/** Presses Tab and says where the focus went and whether it can be seen. */
async function tab(page: Page, key = 'Tab'): Promise<Stop> {
  await page.keyboard.press(key);
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return { what: 'body', part: '', hidden: '' };
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50);
    const what = `${el.tagName.toLowerCase()} "${name}"`;
    const parts: [string, string][] = [
      ['.sig-strip', 'strip'],
      ['[data-testid="editor-cpp"]', 'editor-cpp'],
      ['[data-testid="editor-codon"]', 'editor-codon'],
      ['.controls', 'controls'],
      ['[data-testid="whole-machine"]', 'switch'],
      ['[data-testid="findings"]', 'findings'],
      ['[data-testid="machine-diagram"]', 'diagram'],
      ['[data-testid="focus-view"]', 'focus'],
      ['.program-bar', 'program-bar'],
    ];
    const part = parts.find(([s]) => el.closest(s) !== null)?.[1] ?? '';
    // An editor takes the focus in a hidden input at its cursor: the editor is what must be in sight.
    const r = (el.closest('.monaco-editor') ?? el).getBoundingClientRect();
    // The visible part of the element (an arrow may reach above the screen): its middle must show.
    const left = Math.max(r.left, 0);
    const right = Math.min(r.right, innerWidth);
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, innerHeight);
    if (r.width === 0 && r.height === 0) return { what, part, hidden: 'no box' };
    if (right <= left || bottom <= top) return { what, part, hidden: `off screen at y=${Math.round(r.top)}` };
    const x = (left + right) / 2;
    const y = (top + bottom) / 2;
    const hit = document.elementFromPoint(x, y);
    // Inside a drawing or an editor the element's own layers are on top of it; anything else is a cover.
    const own = el.closest('svg, .monaco-editor') ?? el;
    const hidden =
      hit === null || own.contains(hit) || hit.contains(el)
        ? ''
        : `under ${hit.tagName.toLowerCase()}.${String(hit.getAttribute('class') ?? '').split(' ')[0]}`;
    return { what, part, hidden };
  });
}

/** Tabs until the focus comes back to the start of the page; every stop on the way. */
async function walk(page: Page, max: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    const stop = await tab(page);
    if (stop.what === 'body' || (i > 0 && stop.what === stops[0]?.what)) return stops;
    stops.push(stop);
  }
  throw new Error(
    `Tab never came back round in ${max} presses (a trap?): …${JSON.stringify(stops.slice(-5))}`,
  );
}

async function open(page: Page, view: 'focus' | 'whole') {
  await page.addInitScript((v) => localStorage.setItem('codon-lab.machine-view', v), view);
  await page.goto(`./?v=1&lesson=${BUG.lesson}&program=${BUG.program}&step=${stray.step}`);
  await expect(page.getByTestId(view === 'focus' ? 'focus-view' : 'machine-diagram')).toHaveAttribute(
    'data-step',
    String(stray.step),
    { timeout: 30_000 },
  );
  for (const side of ['cpp', 'codon'])
    await expect(page.getByTestId(`editor-${side}`).locator('.monaco-editor .view-lines')).toContainText(
      /\S/,
      {
        timeout: 30_000,
      },
    );
}

/** The order in which the player's parts first take the focus. */
function partsInOrder(stops: Stop[]): string[] {
  const seen: string[] = [];
  for (const s of stops) if (s.part !== '' && !seen.includes(s.part)) seen.push(s.part);
  return seen;
}

test.beforeEach(async ({ context }) => {
  await skipDiagramTour(context);
});

test('the focus view at 1440x900 by keyboard: editors, controls, the switch, the findings, in order and in sight', async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'focus');
  const stops = await walk(page, 150);
  const order = partsInOrder(stops);
  const at = (part: string) => order.indexOf(part);
  for (const part of ['strip', 'editor-cpp', 'editor-codon', 'controls', 'switch', 'findings'])
    expect(order, part).toContain(part);
  // The strip's two places (each shows its declaration in the editor), then the editors.
  expect(stops.filter((s) => s.part === 'strip').length).toBe(2);
  expect(at('strip')).toBeLessThan(at('editor-cpp'));
  expect(at('editor-cpp')).toBeLessThan(at('editor-codon'));
  expect(at('editor-codon')).toBeLessThan(at('controls'));
  expect(at('controls')).toBeLessThan(at('switch'));
  expect(at('switch')).toBeLessThan(at('findings'));
  // Each finding is a stop of its own (it jumps to its step and line).
  expect(stops.filter((s) => s.part === 'findings' && s.what.startsWith('button')).length).toBe(2);
  expect(stops.filter((s) => s.hidden !== '').map((s) => `${s.what}: ${s.hidden}`)).toEqual([]);
  // Shift+Tab goes back the same way: from the controls to the Codon editor.
  await page.getByRole('button', { name: 'Play', exact: true }).focus();
  const back = await tab(page, 'Shift+Tab');
  expect(back.part).toBe('controls');
  for (let i = 0; i < 12 && (await tab(page, 'Shift+Tab')).part === 'controls'; i++);
  expect(
    await page.evaluate(() => document.activeElement?.closest('[data-testid="editor-codon"]') !== null),
  ).toBe(true);
});

for (const viewport of [
  { width: 1440, height: 900, name: 'a desktop (controls stick to the top)' },
  { width: 390, height: 844, name: 'a phone (controls stick to the bottom)' },
] as const) {
  test(`the whole machine by keyboard on ${viewport.name}: nothing that takes the focus is under the sticky controls`, async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize(viewport);
    await open(page, 'whole');
    const stops = await walk(page, 200);
    const order = partsInOrder(stops);
    expect(order).toContain('diagram');
    expect(order).toContain('findings');
    // The diagram's objects and arrows are stops (each tells its name, type, address and value).
    expect(stops.filter((s) => s.part === 'diagram').length).toBeGreaterThan(10);
    expect(stops.filter((s) => s.hidden !== '').map((s) => `${s.what}: ${s.hidden}`)).toEqual([]);
  });
}

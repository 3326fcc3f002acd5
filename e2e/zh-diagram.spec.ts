// Chinese everywhere (issue 15): lesson 2 in Chinese, whole machine open, at the call and at the first
// stray write, light and dark, at 1440x900: no English label left in the diagram, the call table or the
// narration. Code stays as written (identifiers, C++ and Codon types, registers, hex), so the check is for
// English words, not for Latin letters. Screenshots are kept for a person to open.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundaryCallList } from '../src/sim/trace/tables.ts';
import type { Trace } from '../src/sim/trace/types.ts';
import { showWholeMachine, skipDiagramTour, traceOf } from './player-page.ts';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'tmp', 'screenshots', 'zh-diagram');
mkdirSync(SHOTS, { recursive: true });

const BUG = { lesson: '02-the-bug', program: 'bug' };
const trace: Trace = traceOf(BUG);
const MOMENTS = [
  { name: 'call', step: boundaryCallList(trace.boundaryCalls)[0]!.step },
  { name: 'stray-write', step: trace.findings.find((f) => f.kind === 'stray-write')!.step },
];

/**
 * English a learner would read as English: two lowercase words in a row that are not code (no `_`, `:`,
 * `.`, digits or brackets inside), or one of the words the diagram used to show in English.
 */
const ENGLISH_PAIR = /(?:^|[\s(（,，])([a-z]{2,} [a-z]{2,})(?=$|[\s)）,，:：])/;
const ENGLISH_WORDS =
  /\b(saved|unused|omitted|bytes|grows|addresses|empty|pointer|argument|thread|stack|frame|object|into|the|of|from|return|result|scratch|callee|caller|reads|writes|leftover|finished|static|unmapped)\b/i;
/** Code the diagram shows that looks like words: identifiers from the programs and the runtime. */
const CODE = [/\bfoo\b/, /\bmain\b/, /\bbar\b/, /\bGC_\w+/, /\b_\w+/, /\bPtr\[\w+\]/, /std::\w+/];

function englishIn(text: string): string | null {
  let t = text;
  for (const c of CODE) t = t.replace(new RegExp(c.source, 'g'), ' ');
  // Code inside a label: `[rdi]`, `x29 (fp)`, `-O0`.
  t = t.replace(/\S*[_:.\d[\]<>#$%*/=+-]\S*/g, ' ');
  // Bytes in hex: `80 e3 ff ff`.
  t = t.replace(/\b[0-9a-f]{2}\b/g, ' ');
  const pair = ENGLISH_PAIR.exec(t);
  if (pair) return pair[1] ?? null;
  const word = ENGLISH_WORDS.exec(t);
  return word ? word[0] : null;
}

async function open(page: Page, step: number) {
  const query = new URLSearchParams({ v: '1', ...BUG, step: String(step), lang: 'zh' });
  await page.goto(`./?${query.toString()}`);
  await expect(page.getByTestId('machine-diagram')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('position')).toContainText(String(step + 1), { timeout: 30_000 });
  await page.waitForFunction(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Every label a reader sees or hears in the diagram, the call table and the narration. */
async function labels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const roots = ['machine-diagram', 'call-view', 'narration', 'diagram-narration']
      .map((id) => document.querySelector(`[data-testid="${id}"]`))
      .filter((el): el is Element => el !== null);
    const out: string[] = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll('text, tspan, td, th, span, p, li, button, title, figcaption')) {
        if (el.closest('code')) continue;
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (own !== '') out.push(own);
      }
      for (const el of root.querySelectorAll('[aria-label], [title]'))
        for (const attr of ['aria-label', 'title']) {
          const v = el.getAttribute(attr);
          if (v) out.push(v);
        }
    }
    return out;
  });
}

test('the check finds the English labels the diagram used to show, and passes code', () => {
  for (const english of [
    'return address into main',
    'main thread stack',
    'saved',
    '⋯ 省略 8 bytes ⋯',
    'code pointer',
    'hidden result pointer (from run)',
  ])
    expect(englishIn(english), english).not.toBeNull();
  for (const code of [
    '_rtld_global._dl_load_lock',
    'std::array<double, 4>',
    'Ptr[float]',
    '%rdi = 0x7ffff7ffd908 (08 d9 ff f7 ff 7f 00 00). 第 1 个整数参数',
    '返回 main 的返回地址',
  ])
    expect(englishIn(code), code).toBeNull();
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`lesson 2 in Chinese, whole machine, ${colorScheme}: no English label in the diagram`, async ({
    page,
    context,
  }) => {
    test.slow();
    await skipDiagramTour(context);
    await showWholeMachine(context);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme });
    for (const moment of MOMENTS) {
      await test.step(moment.name, async () => {
        await open(page, moment.step);
        await page.screenshot({
          path: join(SHOTS, `02-bug-${moment.name}-1440x900-${colorScheme}-zh.png`),
          fullPage: true,
        });
        // The diagram scrolls inside the player's pane: one screenshot per screenful of it.
        const screens = await page.getByTestId('machine-diagram').evaluate((el) => {
          let pane: HTMLElement | null = el.parentElement;
          while (
            pane &&
            !(
              pane.scrollHeight > pane.clientHeight + 1 &&
              /auto|scroll/.test(getComputedStyle(pane).overflowY)
            )
          )
            pane = pane.parentElement;
          el.scrollIntoView({ block: 'start' });
          const scroller = pane ?? document.scrollingElement!;
          (window as unknown as { diagramPane: Element }).diagramPane = scroller;
          return Math.max(1, Math.ceil(el.getBoundingClientRect().height / (scroller.clientHeight * 0.9)));
        });
        for (let i = 0; i < Math.min(screens, 4); i++) {
          await page.screenshot({
            path: join(SHOTS, `02-bug-${moment.name}-1440x900-${colorScheme}-zh-diagram-${i}.png`),
          });
          await page.evaluate(() => {
            const p = (window as unknown as { diagramPane: Element }).diagramPane;
            p.scrollTop += p.clientHeight * 0.9;
          });
        }
        const found = (await labels(page))
          .map((l) => ({ l, e: englishIn(l) }))
          .filter((x) => x.e !== null)
          .map((x) => `${x.e} in “${x.l}”`);
        expect([...new Set(found)]).toEqual([]);
      });
    }
  });

// The learner's screen, fitted (issue 15): in the "whole machine" diagram no label is cut or shortened at
// desktop sizes, and on a phone a shortened label still carries its full text; the Chinese pages show no
// stray English; a Chinese browser gets the Chinese course on a first visit; a correct call is told as a
// match and the leftover control waits for the lesson that teaches it. Expected values come from running
// the same programs with the simulator here.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { boundaryCallList } from '../src/sim/trace/tables.ts';
import { skipDiagramTour, traceOf } from './player-page.ts';
import { BUG, bugTrace, MOMENTS, returnStep, shotsDir } from './lesson2-moments.ts';

const SHOTS = shotsDir('screen-fit');

async function openLesson(page: Page, step: number, lang: 'en' | 'zh', view: 'focus' | 'whole') {
  await page.addInitScript((v) => localStorage.setItem('codon-lab.machine-view', v), view);
  const q = new URLSearchParams({ v: '1', ...BUG, step: String(step), lang });
  await page.goto(`./?${q.toString()}`);
  const testId = view === 'whole' ? 'machine-diagram' : 'focus-view';
  await expect(page.getByTestId(testId)).toHaveAttribute('data-step', String(step), { timeout: 30_000 });
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText(/\S/, { timeout: 30_000 });
}

interface LabelProblem {
  kind: 'shortened' | 'outside its box' | 'overlaps' | 'no full text';
  text: string;
}

/**
 * The diagram's SVG labels in view: shortened by our code (`data-full` differs from what is shown), wider
 * than the box they label (`getComputedTextLength` and the bounding box against the box's rect), or drawn
 * over another label. `allowShort`: a shortened label is fine if it carries its full text in a `<title>`
 * and its accessible name (the phone).
 */
async function labelProblems(page: Page, allowShort: boolean): Promise<LabelProblem[]> {
  return page.evaluate((allowShort) => {
    const problems: { kind: string; text: string }[] = [];
    const svg = document.querySelector('[data-testid="machine-diagram"] svg.md-svg');
    if (svg === null) return [{ kind: 'outside its box', text: 'no diagram' }];
    const inView = (r: DOMRect) =>
      r.width > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const shown = (t: SVGTextElement) =>
      Array.from(t.childNodes)
        .filter((n) => n.nodeName !== 'title')
        .map((n) => n.textContent ?? '')
        .join('');
    const texts = Array.from(svg.querySelectorAll<SVGTextElement>('text')).filter(
      (t) => !t.closest('.md-tip') && inView(t.getBoundingClientRect()) && shown(t).trim() !== '',
    );
    for (const t of texts) {
      const own = shown(t);
      const full = t.getAttribute('data-full');
      if (full !== null && full !== own) {
        if (!allowShort) problems.push({ kind: 'shortened', text: `${own} (of ${full})` });
        const title = t.querySelector('title')?.textContent ?? '';
        if (title !== full || t.getAttribute('aria-label') !== full)
          problems.push({ kind: 'no full text', text: own });
      }
      if (/…$/.test(own) && full === null) problems.push({ kind: 'shortened', text: own });
      // The box a label belongs to: the nearest group with a rectangle of its own.
      let box: SVGRectElement | null = null;
      for (let g = t.parentElement; g !== null && box === null; g = g.parentElement) {
        box = Array.from(g.children).find((c): c is SVGRectElement => c.tagName === 'rect') ?? null;
        if (g === svg) break;
      }
      if (box !== null && !t.closest('.md-addrs')) {
        const b = box.getBoundingClientRect();
        const r = t.getBoundingClientRect();
        const scale = r.width / Math.max(1e-6, t.getBBox().width);
        const length = t.getComputedTextLength() * scale;
        if (r.left < b.left - 1 || r.right > b.right + 1 || length > b.width + 1)
          problems.push({ kind: 'outside its box', text: own });
      }
    }
    const boxes = texts.map((t) => ({ t, r: t.getBoundingClientRect() }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 2 && dy > 3)
          problems.push({ kind: 'overlaps', text: `${shown(boxes[i]!.t)} / ${shown(boxes[j]!.t)}` });
      }
    return problems;
  }, allowShort) as Promise<LabelProblem[]>;
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const) {
  for (const lang of ['en', 'zh'] as const) {
    test(`the whole machine cuts no label at ${viewport.width}x${viewport.height}, ${lang}`, async ({
      page,
      context,
    }) => {
      test.slow();
      await skipDiagramTour(context);
      await page.setViewportSize(viewport);
      for (const moment of MOMENTS) {
        await test.step(moment.name, async () => {
          await openLesson(page, moment.step, lang, 'whole');
          const diagram = page.getByTestId('machine-diagram');
          await diagram.scrollIntoViewIfNeeded();
          // Walk the diagram a screen at a time: every label gets its turn in view.
          const height = (await diagram.boundingBox())!.height;
          for (let y = 0; y < height; y += viewport.height * 0.8) {
            await page.evaluate(
              ({ y }) => {
                const el = document.querySelector('[data-testid="machine-diagram"]')!;
                const scroller = el.closest('.lesson-layout__player') ?? document.scrollingElement!;
                el.scrollIntoView({ block: 'start' });
                scroller.scrollTop += y;
              },
              { y },
            );
            expect(await labelProblems(page, false), `${moment.name} at +${y}`).toEqual([]);
          }
          await page.evaluate(() =>
            document.querySelector('[data-testid="machine-diagram"]')!.scrollIntoView({ block: 'start' }),
          );
          await page.screenshot({
            path: join(SHOTS, `whole-${moment.name}-${viewport.width}-${lang}.png`),
          });
        });
      }
    });
  }
}

for (const lang of ['en', 'zh'] as const) {
  test(`on a phone a shortened diagram label carries its full text, and no table is wider than its pane, ${lang}`, async ({
    page,
    context,
  }) => {
    test.slow();
    await skipDiagramTour(context);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const moment of MOMENTS) {
      await test.step(moment.name, async () => {
        await openLesson(page, moment.step, lang, 'whole');
        const diagram = page.getByTestId('machine-diagram');
        await diagram.scrollIntoViewIfNeeded();
        const problems = await labelProblems(page, true);
        expect(problems.filter((p) => p.kind !== 'overlaps' && p.kind !== 'outside its box')).toEqual([]);
        // Tables (the call table, the registers) stay inside the screen: no cell spills over its pane.
        const spills = await page.evaluate(() =>
          Array.from(document.querySelectorAll('table'))
            .filter((t) => t.getBoundingClientRect().width > 0)
            .flatMap((t) => {
              const out: string[] = [];
              const box = t.getBoundingClientRect();
              if (box.right > innerWidth + 1) out.push(`table wider than the screen: ${box.right}`);
              for (const cell of Array.from(t.querySelectorAll<HTMLElement>('td, th')))
                if (cell.scrollWidth > cell.clientWidth + 1)
                  out.push(`cell spills: ${cell.textContent?.slice(0, 40)}`);
              return out;
            }),
        );
        expect(spills).toEqual([]);
        await page.screenshot({
          path: join(SHOTS, `whole-${moment.name}-phone-${lang}.png`),
          fullPage: true,
        });
      });
    }
  });
}

/**
 * Latin words the Chinese page may show: code and identifiers (in <code>, editors, the signature strip),
 * hex and numbers, units and symbol names the machine really has. Anything else is untranslated English.
 */
const ALLOWED = new Set([
  'Codon',
  'C',
  'C++',
  'ABI',
  'GC',
  'CPU',
  'ELF',
  'glibc',
  'libc',
  'g++',
  'x86',
  'x86_64',
  'AArch64',
  'aarch64',
  'SysV',
  'NRVO',
  'RVO',
  'SIGSEGV',
  'SIGABRT',
  'SIGFPE',
  'SVG',
  'PNG',
  'B',
  'KB',
  'KiB',
  'MB',
  'MiB',
  'GiB',
  'rdi',
  'rax',
  'rsp',
  'sp',
  'x8',
  'x0',
  'xmm0',
  'main',
  'printf',
  'malloc',
  'free',
  'abort',
  'std',
  'array',
  'double',
  'float',
  'int',
  'long',
  'Ptr',
  'foo',
  'print',
  'nan',
  'inf',
  'null',
  'nullptr',
  'GC_init',
  'GC_malloc',
  'GitHub',
  'README',
  'Esc',
  'Enter',
  'Tab',
  'Shift',
  'Space',
  'MDX',
  'vs',
  'NaN',
  'Mark',
  'Sweep',
  'Python',
  // The lesson program's own identifiers and C constants.
  'bar',
  'LIBPATH',
  'cnt',
  'lock',
  'owner',
  'len',
  'arr',
  'argv',
  'sys',
  'NULL',
  'sret',
  'rbp',
  'rbx',
  'tcb',
  'header',
  'libffi',
  'ctypes',
  'gdb',
  'run',
  'ptr',
  'str',
  'struct',
  'pthread',
  'stderr',
  'stdin',
  'stdout',
  'new',
  'delete',
]);

/**
 * Latin words in the zh player (and the page's header) outside code, identifiers, hex and the allowed
 * names. The lesson's prose quotes its English sources (issue titles, citations) and is checked by the
 * content's own review, not here.
 */
async function strayEnglish(page: Page): Promise<string[]> {
  const words = await page.evaluate(() => {
    const out: string[] = [];
    const roots = Array.from(document.querySelectorAll('[data-testid="player"], header'));
    const inRoots = (el: Element) => roots.some((r) => r.contains(el));
    const skip =
      'code, pre, kbd, samp, .monaco-editor, .sig-strip, script, style, [aria-hidden="true"], .md-addrs, .md-cell-value, [data-testid="output"], svg title';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el === null || el.closest(skip) || !inRoots(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0 && el.tagName !== 'tspan' && el.tagName !== 'text') continue;
      out.push(n.textContent ?? '');
    }
    // Accessible names and tooltips are read too.
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title]'))) {
      if (el.closest('.monaco-editor') || !inRoots(el)) continue;
      out.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    for (const t of Array.from(document.querySelectorAll('svg title')))
      if (inRoots(t)) out.push(t.textContent ?? '');
    return out;
  });
  const found = new Set<string>();
  const debug = process.env.STRAY_DEBUG === '1';
  for (const text of words) {
    // Drop what is code-like: hex, numbers, %registers, identifiers with _ . :: () [] <> or digits, file names.
    const cleaned = text
      .replace(/0x[0-9a-f]+/gi, ' ')
      // Raw bytes ("08 d9 ff f7"), section names (.data), issue references (codon#576).
      .replace(/\b[0-9a-f]{2}(?: [0-9a-f]{2})+\b/g, ' ')
      .replace(/(^|\s)\.\w+/g, ' ')
      .replace(/\b[\w/-]+#\d+\b/g, ' ')
      .replace(/%[a-z0-9]+/gi, ' ')
      .replace(/[A-Za-z_][\w.]*(::|\(|\[|<)[^\s，。；：、]*/g, ' ')
      .replace(/\b\w*[_\d]\w*\b/g, ' ')
      .replace(/\b\w+(\.\w+)+\b/g, ' ')
      .replace(/\b[\w-]+\.(cpp|codon|h|so|c)\b/g, ' ');
    for (const w of cleaned.match(/[A-Za-z][A-Za-z+'-]*/g) ?? []) {
      const word = w.replace(/[-']+$/, '');
      if (!ALLOWED.has(word) && word.length > 1) found.add(debug ? `${word} :: ${text.slice(0, 120)}` : word);
    }
  }
  return [...found].sort();
}

for (const view of ['focus', 'whole'] as const) {
  test(`the Chinese lesson 2 shows no stray English at its moments (${view} view)`, async ({
    page,
    context,
  }) => {
    test.slow();
    await skipDiagramTour(context);
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const moment of MOMENTS) {
      await test.step(moment.name, async () => {
        await openLesson(page, moment.step, 'zh', view);
        expect(await strayEnglish(page)).toEqual([]);
      });
    }
  });
}

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });
  test('gets the Chinese course on a first visit, and the address or a saved choice still wins', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN', { timeout: 30_000 });
    await expect(page.locator('h1').first()).toContainText(/[\u4e00-\u9fff]/);
    await page.goto('./?v=1&lesson=01-calling-c&lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 30_000 });
    await expect(page.getByTestId('position')).toHaveText(/\d/, { timeout: 30_000 });
    // The address keeps the choice, so a reload stays English.
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 30_000 });
  });
});

test('lesson 1’s correct call is told as a match; the leftover control appears from lesson 4 on', async ({
  page,
  context,
}) => {
  await skipDiagramTour(context);
  const basics = traceOf({ lesson: '01-calling-c', program: 'basics' });
  const first = boundaryCallList(basics.boundaryCalls)[0]!;
  for (const [lang, agree] of [
    ['en', 'both sides agree'],
    ['zh', '两边一致'],
  ] as const) {
    await page.goto(`./?v=1&lesson=01-calling-c&program=basics&step=${first.step}&lang=${lang}`);
    const narration = page.getByTestId('narration');
    await expect(narration).toContainText(agree, { timeout: 30_000 });
    await expect(narration).toContainText(first.calleeSignature);
    await expect(narration).not.toContainText(/believes|really is|以为|实际是/);
  }
  for (const lesson of ['01-calling-c', '02-the-bug', '03-lifetime']) {
    await page.goto(`./?v=1&lesson=${lesson}`);
    await expect(page.getByTestId('position')).toHaveText(/\d/, { timeout: 30_000 });
    await expect(page.getByText('Leftover in registers')).toHaveCount(0);
  }
  for (const lesson of ['04-abi', '05-gc']) {
    await page.goto(`./?v=1&lesson=${lesson}`);
    await expect(page.getByTestId('position')).toHaveText(/\d/, { timeout: 30_000 });
    await expect(page.getByText('Leftover in registers')).toBeVisible();
  }
});

/**
 * Text in the whole-machine diagram drawn under `min` px on screen: an SVG label's font size times the
 * drawing's scale (a wide layout shrunk into its pane drew 8-9 px labels at 1920x1080), and any HTML
 * text in the diagram (toolbar, call table, legend, ribbon).
 */
async function smallDiagramText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const root = document.querySelector('[data-testid="machine-diagram"]');
    if (root === null) return ['no diagram'];
    for (const el of Array.from(root.querySelectorAll<HTMLElement | SVGElement>('*'))) {
      if (el.closest('.md-sr, .sr-only, [aria-hidden="true"], title, .mdiag__export-host')) continue;
      const own = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!own) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const css = parseFloat(getComputedStyle(el).fontSize);
      const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
      const scale = svg?.getScreenCTM()?.a ?? 1;
      const size = css * scale;
      if (size < min - 0.01)
        out.push(
          `${size.toFixed(1)}px ${el.tagName}.${el.getAttribute('class') ?? ''}: ${el.textContent?.slice(0, 30)}`,
        );
    }
    return [...new Set(out)];
  }, min);
}

/** The diagram's toolbar is on screen and nothing (the sticky controls) is drawn over it. */
async function expectToolbarUncovered(page: Page) {
  const toolbar = page.getByTestId('machine-diagram').getByRole('toolbar');
  await expect(toolbar).toBeVisible();
  const covered = await toolbar.evaluate((bar) => {
    const problems: string[] = [];
    for (const button of Array.from(bar.querySelectorAll('button'))) {
      const r = button.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (y < 0 || y > innerHeight) problems.push(`${button.textContent} off screen at y=${y}`);
      else {
        const top = document.elementFromPoint(x, y);
        if (top === null || !button.contains(top))
          problems.push(`${button.textContent} under ${top?.className ?? 'nothing'}`);
      }
    }
    return problems;
  });
  expect(covered).toEqual([]);
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1440, height: 900 },
] as const) {
  test(`the whole machine is legible at ${viewport.width}x${viewport.height} (text >= 12 px, drawn as laid out, never shrunk) and its toolbar is not under the sticky controls`, async ({
    page,
    context,
  }) => {
    test.slow();
    await skipDiagramTour(context);
    await page.setViewportSize(viewport);
    for (const lang of ['en', 'zh'] as const)
      for (const moment of MOMENTS) {
        await test.step(`${lang} ${moment.name}`, async () => {
          // A deep link opens the focus view; one click shows the whole machine, its top in view.
          await page.addInitScript(() => localStorage.removeItem('codon-lab.machine-view'));
          const q = new URLSearchParams({ v: '1', ...BUG, step: String(moment.step), lang });
          await page.goto(`./?${q.toString()}`);
          await expect(page.getByTestId('focus-view')).toHaveAttribute('data-step', String(moment.step), {
            timeout: 30_000,
          });
          await page.getByTestId('whole-machine').click();
          const diagram = page.getByTestId('machine-diagram');
          await expect(diagram).toHaveAttribute('data-step', String(moment.step), { timeout: 30_000 });
          await expectToolbarUncovered(page);
          // However the page gets there (a link to it, scrollIntoView), the sticky bar stays off it.
          await page.evaluate(() => window.scrollTo(0, 0));
          await diagram.evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await expectToolbarUncovered(page);
          // No label under 12 px; the SVG drawn at its width attribute (its natural size, or larger to
          // fill the pane, never smaller) and no wider than its pane.
          const svg = await diagram
            .locator('svg.md-svg')
            .first()
            .evaluate((s) => ({
              drawn: s.getBoundingClientRect().width,
              attribute: Number(s.getAttribute('width')),
              pane: s.closest('.mdiag')!.clientWidth,
              scale: Number((s.closest('.mdiag') as HTMLElement).dataset.scale),
            }));
          expect(Math.abs(svg.drawn - svg.attribute), JSON.stringify(svg)).toBeLessThan(1);
          expect(svg.attribute, JSON.stringify(svg)).toBeLessThanOrEqual(svg.pane);
          expect(svg.scale, JSON.stringify(svg)).toBeGreaterThanOrEqual(1);
          const height = (await diagram.boundingBox())!.height;
          for (let y = 0; y < height; y += viewport.height * 0.7) {
            await page.evaluate((y) => {
              const el = document.querySelector('[data-testid="machine-diagram"]')!;
              el.scrollIntoView({ block: 'start' });
              (el.closest('.lesson-layout__player') ?? document.scrollingElement!).scrollTop += y;
            }, y);
            expect(await smallDiagramText(page, 12), `at +${y}`).toEqual([]);
          }
          await diagram.evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await page.screenshot({
            path: join(SHOTS, `legible-${moment.name}-${viewport.width}-${lang}.png`),
          });
        });
      }
  });
}

/**
 * The lesson's question answered, so the player does not stop before the step it asks about (the same
 * progress record bench/ui.bench.ts writes).
 */
async function answerLesson2(page: Page) {
  await page.addInitScript(() => {
    const progress = {
      '02-the-bug': {
        visited: true,
        answers: { 'first-values': 2 },
        exercises: [],
        ranToEnd: false,
        done: false,
      },
    };
    localStorage.setItem('codon-lab:v1:progress', JSON.stringify(progress));
  });
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const) {
  test(`the whole machine keeps one column count and one width at every step of lesson 2 and fills its pane at ${viewport.width}x${viewport.height}`, async ({
    page,
    context,
  }) => {
    test.slow();
    await skipDiagramTour(context);
    await answerLesson2(page);
    await page.setViewportSize(viewport);
    await openLesson(page, 0, 'en', 'whole');
    const diagram = page.getByTestId('machine-diagram');
    // The run is measured in slices after it arrives; from then on the drawing does not reflow.
    await expect(diagram).toHaveAttribute('data-measured', 'true', { timeout: 30_000 });
    const scrubber = page.getByRole('slider', { name: 'Position in the run' });
    const seen = new Map<string, number[]>();
    for (let step = 0; step < bugTrace.steps.count; step++) {
      if (step > 0) await scrubber.fill(String(step));
      await expect(diagram).toHaveAttribute('data-step', String(step));
      const shape = await diagram.evaluate((el) => {
        const svg = el.querySelector('svg.md-svg')!;
        const r = svg.getBoundingClientRect();
        return {
          columns: (el as HTMLElement).dataset.columns,
          width: Math.round(r.width),
          pane: el.clientWidth,
        };
      });
      // Filled: the drawing takes the pane's width (a few pixels of rounding), never more.
      expect(shape.width, `step ${step}: ${JSON.stringify(shape)}`).toBeLessThanOrEqual(shape.pane + 1);
      expect(shape.width, `step ${step}: ${JSON.stringify(shape)}`).toBeGreaterThanOrEqual(shape.pane * 0.97);
      const key = `${shape.columns} columns, ${shape.width} px`;
      seen.set(key, [...(seen.get(key) ?? []), step]);
      if (step === returnStep)
        await page.screenshot({ path: join(SHOTS, `whole-columns-${viewport.width}-step${step}.png`) });
    }
    expect([...seen.keys()], JSON.stringify([...seen])).toHaveLength(1);
  });
}

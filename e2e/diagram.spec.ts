/**
 * The machine diagram in Chromium, on the lesson page (issue 6's acceptance): the stray write of
 * the original bug lands where %rdi pointed and the caller reads %rax; with fix (a) the pointer
 * leads into static storage and stays valid; with the non-static local it turns dangling when the
 * frame dies and the stale values change when the next call reuses the memory. Plus axe in light
 * and dark, reduced motion, export, the text view, the tour, and screenshots at the key steps.
 *
 * Expected steps come from running the same program with the simulator here in Node: the test
 * knows what the trace says, the page has to show it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../src/sim/run/index.ts';
import { stateAt } from '../src/sim/trace/reader.ts';
import type { Trace } from '../src/sim/trace/types.ts';
import { boundaryCall, objectList } from '../src/sim/trace/tables.ts';
import { formatName } from '../src/sim/messages/format.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ROOT, 'tmp', 'screenshots', 'diagram');
/** Set to a page that hosts the diagram the same way (a stand-alone harness) to run these without the player. */
const PAGE = process.env.E2E_DIAGRAM_PAGE ?? './';

interface Program {
  lesson: string;
  program: string;
  target?: 'x86_64' | 'aarch64';
  leftover?: 'zero' | 'runtime-data' | 'gc-object' | 'stale-stack';
}

function traceOf(p: Program): Trace {
  const dir = join(ROOT, 'content', 'lessons', p.lesson, 'programs', p.program);
  const r = runProgram({
    cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
    target: p.target ?? 'x86_64',
    leftover: p.leftover ?? 'runtime-data',
  });
  if (r.trace === null) throw new Error(`${p.program} does not compile`);
  return r.trace;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/** The lesson page with its diagram, driven through the player's own controls. */
class DiagramPage {
  readonly diagram: Locator;
  constructor(readonly page: Page) {
    this.diagram = page.getByTestId('machine-diagram');
  }

  async open(p: Program, step = 0): Promise<void> {
    const q = new URLSearchParams({
      v: '1',
      lesson: p.lesson,
      program: p.program,
      target: p.target ?? 'x86_64',
      leftover: p.leftover ?? 'runtime-data',
      step: String(step),
    });
    // The player opens on its focus view; these tests are about the whole machine.
    await this.page.addInitScript(() => localStorage.setItem('codon-lab.machine-view', 'whole'));
    await this.page.goto(`${PAGE}?${q.toString()}`);
    await expect(this.diagram).toBeVisible({ timeout: 60_000 });
  }

  async step(): Promise<number> {
    return Number(await this.diagram.getAttribute('data-step'));
  }

  /** Steps with "Step forward"/"Step back" until the diagram shows trace step `n`. */
  async goTo(n: number): Promise<void> {
    for (let guard = 0; guard < 400; guard++) {
      const now = await this.step();
      if (now === n) return;
      const name = now < n ? 'Step forward' : 'Step back';
      await this.page.getByRole('button', { name, exact: true }).first().click();
      await expect(this.diagram).not.toHaveAttribute('data-step', String(now));
    }
    throw new Error(`could not reach step ${n}`);
  }

  region(name: string): Locator {
    return this.diagram.getByRole('region', { name, exact: true });
  }

  /** The arrow drawn from the pointer cell at `addr` (ids come from addresses). */
  arrowFromCell(addr: number): Locator {
    return this.diagram.locator(`[data-key="ptr-${addr.toString(16)}"]`);
  }

  /** What the learner sees (the page with the picture scrolled into view), and the exported slide. */
  async shot(name: string, slide: boolean): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await this.diagram.locator('.mdiag__canvas').scrollIntoViewIfNeeded();
    await this.page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
    if (!slide) return;
    const [png] = await Promise.all([
      this.page.waitForEvent('download'),
      this.diagram.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    await png.saveAs(join(SHOTS, `${name}-slide.png`));
  }
}

test.beforeEach(async ({ page }) => {
  // The first-visit tour has its own test; the others start with it seen.
  await page.addInitScript(() => {
    if (!location.search.includes('tour=1')) localStorage.setItem('codon-lab.diagram-tour-seen', '1');
  });
});

const BUG: Program = { lesson: '02-the-bug', program: 'bug' };
const STATIC: Program = { lesson: '07-fix-static', program: 'fix-static' };
const DANGLING: Program = { lesson: '03-lifetime', program: 'dangling' };

test('the stray write lands where %rdi pointed, and the caller reads %rax as a pointer', async ({ page }) => {
  const trace = traceOf(BUG);
  const call = boundaryCall(trace.boundaryCalls, 0);
  const stray = trace.findings.find((f) => f.kind === 'stray-write');
  if (call === undefined || call.hiddenPointer === null || stray === undefined)
    throw new Error('no stray write');
  const target = hex(call.hiddenPointer.value);
  const d = new DiagramPage(page);
  await d.open(BUG, stray.step);
  await d.goTo(stray.step);

  // %rdi holds the leftover address; the bytes written at this step are exactly there.
  const rdi = d.region('Registers').getByTestId('reg-rdi');
  await expect(rdi).toHaveAttribute('data-value', target);
  const written = d.diagram.locator('[data-written="true"][data-addr]');
  await expect(written.first()).toHaveAttribute('data-addr', target);
  // ...on the loader's lock, in static storage, with the finding pinned to it.
  const lock = d.region('Static storage').locator('[data-name="_rtld_global._dl_load_lock"]');
  await expect(lock.locator(`[data-addr="${target}"][data-written="true"]`)).toBeVisible();
  await expect(lock.locator('.md-finding-pin')).toBeVisible();
  // The call view: caller never set %rdi, callee writes through it.
  const view = d.diagram.getByTestId('call-view');
  await expect(view.getByTestId('call-row-rdi')).toHaveAttribute('data-mismatch', 'true');
  await expect(view.getByTestId('call-row-rdi')).toHaveAttribute('data-callee', 'hidden-pointer');
  await expect(d.diagram.locator('[data-key="ptr-rdi"]')).toHaveAttribute('data-target', target);

  // Back in Codon: the caller reads %rax, which holds that same address, as its Ptr[float].
  await d.goTo(call.returnStep);
  await expect(view).toHaveAttribute('data-phase', 'return');
  await expect(view.getByTestId('call-row-rax')).toHaveAttribute('data-caller', 'result');
  await expect(d.region('Registers').getByTestId('reg-rax')).toHaveAttribute('data-value', target);
  await expect(view.getByTestId('hidden-write')).toHaveAttribute('data-written', '32');
  const bar = objectList(trace.objects).find((o) => formatName(o.name) === 'bar' && o.side === 'codon');
  if (bar === undefined) throw new Error('no Codon bar');
  // The first step at which the Codon local holds what came back in %rax.
  let assigned = call.returnStep;
  while (Number(stateAt(trace, assigned).readUint64(bar.addr)) !== call.hiddenPointer.value) assigned++;
  await d.goTo(assigned);
  const arrow = d.arrowFromCell(bar.addr);
  await expect(arrow).toHaveAttribute('data-target', target);
  await expect(arrow).toHaveAttribute('data-status', 'valid');
});

test('fix (a): the pointer leads into static storage and stays valid', async ({ page }) => {
  const trace = traceOf(STATIC);
  const ptr = objectList(trace.objects).find((o) => formatName(o.name) === 'bar_ptr');
  const stat = objectList(trace.objects).find((o) => formatName(o.name) === 'foo::bar (static)');
  const ret = boundaryCall(trace.boundaryCalls, 0)?.returnStep;
  if (ptr === undefined || stat === undefined || ret === undefined) throw new Error('unexpected trace');
  const d = new DiagramPage(page);
  await d.open(STATIC, ret);
  await d.goTo(ret);
  const staticKey = await d
    .region('Static storage')
    .locator(`[data-name="foo::bar (static)"]`)
    .getAttribute('data-key');
  expect(staticKey).not.toBeNull();
  // Every step from the one where bar_ptr first holds the static array's address until bar_ptr's
  // frame ends: the arrow is there, valid, into static storage.
  let first = ret;
  while (first < trace.steps.count && Number(stateAt(trace, first).readUint64(ptr.addr)) !== stat.addr)
    first++;
  const last = ptr.died < 0 ? trace.steps.count - 1 : ptr.died - 1;
  expect(first).toBeLessThan(last);
  for (let s = first; s <= last; s++) {
    await d.goTo(s);
    const arrow = d.arrowFromCell(ptr.addr);
    await expect(arrow, `step ${s}`).toHaveAttribute('data-status', 'valid');
    await expect(arrow, `step ${s}`).toHaveAttribute('data-target-key', staticKey ?? '');
  }
});

test('the non-static local: the arrow turns dangling when the frame dies, stale values change on reuse', async ({
  page,
}) => {
  const trace = traceOf(DANGLING);
  const p = objectList(trace.objects).find((o) => formatName(o.name) === 'p');
  const bar = objectList(trace.objects).find((o) => formatName(o.name) === 'bar');
  if (p === undefined || bar === undefined) throw new Error('unexpected trace');
  const d = new DiagramPage(page);
  await d.open(DANGLING, bar.died - 1);
  await d.goTo(bar.died - 1);
  const barBox = d.region('Stack').locator(`[data-name="bar"]`);
  await expect(barBox).toHaveAttribute('data-state', 'alive');
  await d.goTo(bar.died);
  await expect(barBox).toHaveAttribute('data-state', 'out-of-scope');
  // The first step where p holds the address: its arrow is dangling, into bar's stale 1.5.
  let s = bar.died;
  for (; s < trace.steps.count; s++) {
    await d.goTo(s);
    if ((await d.arrowFromCell(p.addr).count()) > 0) break;
  }
  const arrow = d.arrowFromCell(p.addr);
  await expect(arrow).toHaveAttribute('data-status', 'out-of-scope');
  await expect(arrow).toHaveAttribute('data-target', hex(bar.addr));
  await expect(barBox.locator(`[data-addr="${hex(bar.addr)}"]`)).toHaveAttribute('data-value', '1.5');
  // Focus explains it.
  await arrow.focus();
  await expect(d.diagram.locator('.md-tip')).toContainText('dangling');
  // The next call (print) reuses the memory: the stale values change, and say what they were.
  await d.goTo(p.died - 1);
  await expect(arrow).toHaveAttribute('data-status', 'out-of-scope');
  await expect(barBox.locator('.md-row--changed').first()).toBeVisible();
  await expect(barBox.locator(`[data-addr="${hex(bar.addr)}"]`)).not.toHaveAttribute('data-value', '1.5');
  await expect(barBox.locator('.md-cell-was').first()).toContainText('was 1.5');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const trace = traceOf(BUG);
    const d = new DiagramPage(page);
    const stray = trace.findings.find((f) => f.kind === 'stray-write')?.step ?? 0;
    await d.open(BUG, stray);
    await d.goTo(stray);
    for (const name of ['Stack', 'C heap', 'GC heap', 'Static storage', 'Registers']) {
      await expect(d.region(name)).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).include('[data-testid="machine-diagram"]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The text view, too.
    await d.diagram.getByRole('button', { name: 'Text view' }).click();
    await expect(d.diagram.getByTestId('diagram-text-view')).toBeVisible();
    const text = await new AxeBuilder({ page }).include('[data-testid="machine-diagram"]').analyze();
    expect(
      text.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  });
}

test('reduced motion: nothing animates, changes are still highlighted', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const trace = traceOf(BUG);
  const stray = trace.findings.find((f) => f.kind === 'stray-write')?.step ?? 0;
  const d = new DiagramPage(page);
  await d.open(BUG, stray);
  await d.goTo(stray);
  await expect(d.diagram).toHaveAttribute('data-reduced-motion', 'true');
  const row = d.diagram.locator('.md-row--written .md-row-bg').first();
  await expect(row).toBeVisible();
  const style = await row.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { animation: cs.animationName, fill: cs.fill };
  });
  expect(style.animation).toBe('none');
  expect(style.fill).not.toBe('none');
});

test('exports the step as SVG and PNG, on a light background', async ({ page }) => {
  const d = new DiagramPage(page);
  await d.open(BUG, 14);
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    d.diagram.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain('fill="#ffffff"');
  expect(svgText).toContain('aria-label="Stack"');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    d.diagram.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(20_000);
});

test('the tour opens on the first visit, can be skipped and replayed', async ({ page }) => {
  const d = new DiagramPage(page);
  await page.addInitScript(() => localStorage.setItem('codon-lab.machine-view', 'whole'));
  await page.goto(`${PAGE}?v=1&lesson=02-the-bug&program=bug&tour=1`);
  await expect(d.diagram).toBeVisible({ timeout: 60_000 });
  const tour = d.diagram.getByTestId('diagram-tour');
  await expect(tour).toBeVisible();
  await tour.getByRole('button', { name: 'Next' }).click();
  await expect(tour).toContainText('Lifetimes');
  await tour.getByRole('button', { name: 'Skip tour' }).click();
  await expect(tour).toBeHidden();
  await page.reload();
  await expect(d.diagram).toBeVisible();
  await expect(d.diagram.getByTestId('diagram-tour')).toBeHidden();
  await d.diagram.getByRole('button', { name: 'Tour' }).click();
  await expect(d.diagram.getByTestId('diagram-tour')).toBeVisible();
});

const VIEWPORTS = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;
for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots at the key steps (${device}, ${scheme})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      const d = new DiagramPage(page);
      const tag = `${device}-${scheme}`;
      // The exported slide is always light: take it once, from the desktop.
      const slide = device === 'desktop' && scheme === 'light';
      const bug = traceOf(BUG);
      const stray = bug.findings.find((f) => f.kind === 'stray-write')?.step ?? 0;
      await d.open(BUG, stray);
      await d.goTo(stray);
      await d.shot(`bug-stray-write-${tag}`, slide);
      await d.goTo(boundaryCall(bug.boundaryCalls, 0)?.returnStep ?? 0);
      await d.shot(`bug-caller-reads-rax-${tag}`, slide);
      const fix = traceOf(STATIC);
      const ret = boundaryCall(fix.boundaryCalls, 1)?.returnStep ?? 0;
      await d.open(STATIC, ret + 1);
      await d.goTo(ret + 1);
      await d.shot(`static-pointer-valid-${tag}`, slide);
      const dang = traceOf(DANGLING);
      const p = objectList(dang.objects).find((o) => formatName(o.name) === 'p');
      await d.open(DANGLING, (p?.died ?? 1) - 1);
      await d.goTo((p?.died ?? 1) - 1);
      await d.shot(`dangling-stale-changed-${tag}`, slide);
      const crash = traceOf({ ...BUG, leftover: 'zero' });
      await d.open({ ...BUG, leftover: 'zero' }, crash.steps.count - 1);
      await d.goTo(crash.steps.count - 1);
      await expect(d.diagram.getByTestId('diagram-crash')).toHaveAttribute('data-addr', '0x0');
      await d.shot(`bug-crash-${tag}`, slide);
    });
  }
}

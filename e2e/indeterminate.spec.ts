// The output panel marks a printed value the simulator marks indeterminate (issue 14, section 2):
// underlined with dots, with a tooltip and screen-reader text in the page's language. The expected
// marks come from the same run in Node. Screenshots of both lesson runs go to tmp/ for a look.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { runProgram } from '../src/sim/run/index.ts';
import { stepCount } from '../src/sim/trace/reader.ts';
import { PlayerPage, programFiles, skipDiagramTour, type ProgramRef } from './player-page';

const CASES: { ref: ProgramRef & { lesson: string; program: string }; marked: string[]; shot: string }[] = [
  {
    ref: { lesson: '04-abi', program: 'leftovers', target: 'x86_64', leftover: 'stale-stack' },
    marked: ['6.95336e-310'],
    shot: 'tmp/indeterminate-04-leftovers-stale-stack.png',
  },
  {
    ref: { lesson: '10-traps', program: 'array4-tuple', target: 'x86_64', leftover: 'runtime-data' },
    marked: ['0'],
    shot: 'tmp/indeterminate-10-array4-tuple.png',
  },
];

/** The run in Node, with its marks: what the page must show. */
function nodeRun(ref: ProgramRef) {
  const r = runProgram({
    ...programFiles(ref),
    target: ref.target,
    leftover: ref.leftover,
    indeterminate: true,
  });
  if (r.trace === null) throw new Error('no trace');
  return r.trace;
}

test.beforeEach(async ({ context }) => skipDiagramTour(context));

for (const c of CASES) {
  test(`${c.ref.lesson}/${c.ref.program} (${c.ref.target}, ${c.ref.leftover}): the indeterminate value is marked`, async ({
    page,
  }) => {
    const trace = nodeRun(c.ref);
    expect(trace.stdoutIndeterminate?.map((s) => trace.output.join('').slice(s.start, s.end))).toEqual(
      c.marked,
    );
    const player = new PlayerPage(page);
    await player.open(c.ref.lesson, {
      program: c.ref.program,
      target: c.ref.target ?? 'x86_64',
      leftover: c.ref.leftover ?? 'runtime-data',
      step: String(stepCount(trace) - 1),
    });
    const marks = player.output.getByTestId('output-indeterminate');
    await expect(marks).toHaveCount(c.marked.length);
    const first = marks.first();
    await expect(first).toHaveAttribute(
      'title',
      /^indeterminate: this value depends on .*the real machine may print something else/,
    );
    await expect(first).toContainText(c.marked[0] as string);
    // The panel still shows exactly the program's stdout (the explanation is for screen readers).
    const shown = await player.output.locator('pre').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.sr-only').forEach((n) => n.remove());
      return copy.textContent;
    });
    expect(shown).toBe(trace.output.join(''));
    // Accessible in the panel as it is now (marks included): no serious or critical axe violation.
    const axe = await new AxeBuilder({ page }).include('[data-testid="output"]').analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await first.hover();
    await player.output.screenshot({ path: c.shot });
  });
}

test('the explanation is in Chinese on the Chinese page', async ({ page }) => {
  const ref = CASES[1]?.ref as ProgramRef & { lesson: string; program: string };
  const trace = nodeRun(ref);
  const player = new PlayerPage(page);
  const query = new URLSearchParams({
    v: '1',
    lesson: ref.lesson,
    program: ref.program,
    target: 'x86_64',
    lang: 'zh',
    step: String(stepCount(trace) - 1),
  });
  await page.goto(`./?${query.toString()}`);
  await expect(player.position).toHaveText(/^第 \d+ \/ \d+ 步/, { timeout: 60_000 });
  const mark = player.output.getByTestId('output-indeterminate');
  await expect(mark).toHaveAttribute('title', /^不确定：这个值取决于某个寄存器/);
  await player.output.screenshot({ path: 'tmp/indeterminate-10-array4-tuple-zh.png' });
});

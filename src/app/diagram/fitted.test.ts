// The whole machine is drawn at natural size (issue 15's review: a wide layout scaled into its pane drew
// labels at 8-9 px): the layout picked for a pane is no wider than the pane and every label in it has
// room, from three columns down to one; a phone's pane gets the phone's layout. And the marks the focus
// view shows at a step, which the handout's key explains, come from the step's scene.
import { describe, expect, it } from 'vitest';
import { formatName, type Locale } from '../../sim/messages/format.ts';
import { buildScene } from '../../sim/view/index.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { focusMarks } from './focus.ts';
import { objectNeed, PX } from './labels.ts';
import { runLesson } from './test-traces.ts';
import { fittedLayout, MEDIUM_FROM } from './useDiagram.ts';

const names = (t: Trace, locale: Locale) => new Map(t.regions.map((r) => [r.id, formatName(r.name, locale)]));

/**
 * The panes of the whole machine at 1920x1080 and 1440x900 (measured in the browser). A narrower desktop
 * pane may meet an object wider than it even in one column: that one scrolls sideways at natural size.
 */
const PANES = [1251, 915] as const;

function expectFitted(trace: Trace, locale: Locale, width: number, hex: boolean) {
  for (let step = 0; step < trace.steps.count; step++) {
    const scene = buildScene(trace, step, undefined, locale);
    const layout = fittedLayout(scene, width, names(trace, locale), locale, hex);
    const where = `step ${step} at ${width}: ${layout.mode} ${layout.width}`;
    expect(layout.width, where).toBeLessThanOrEqual(width);
    for (const box of layout.objects) {
      const o = scene.objects.find((x) => x.id === box.objectId)!;
      expect(objectNeed(o, locale, hex), `${o.name}, ${where}`).toBeLessThanOrEqual(box.w);
    }
  }
}

describe('the whole machine at natural size', () => {
  const bug = runLesson('02-the-bug/bug');
  for (const locale of ['en', 'zh'] as const)
    for (const width of PANES)
      it(`lesson 2 fits a ${width} px pane with every label whole, ${locale}`, () => {
        expectFitted(bug, locale, width, false);
      });

  it('takes the widest layout that fits, and a phone keeps its own', () => {
    const scene = buildScene(bug, 8, undefined, 'en');
    const regions = names(bug, 'en');
    expect(fittedLayout(scene, 3000, regions, 'en', false).mode).toBe('wide');
    expect(fittedLayout(scene, 1251, regions, 'en', false).mode).toBe('medium');
    expect(fittedLayout(scene, MEDIUM_FROM - 1, regions, 'en', false).mode).toBe('narrow');
    // Raw bytes are wider than values: the layout makes room for what it shows.
    const hex = fittedLayout(scene, 3000, regions, 'en', true);
    expect(hex.width).toBeGreaterThan(fittedLayout(scene, 3000, regions, 'en', false).width);
  });

  it('no label is drawn under 12 px', () => {
    expect(Math.min(...Object.values(PX))).toBeGreaterThanOrEqual(12);
  });
});

describe('the focus view’s marks', () => {
  const bug = runLesson('02-the-bug/bug');
  const stray = bug.findings.find((f) => f.kind === 'stray-write')!;

  it('at the first stray write: the disagreeing call, its hidden write, the object hit and the rows written', () => {
    const marks = focusMarks(buildScene(bug, stray.step, undefined, 'en'));
    for (const m of ['mismatch', 'hidden-write', 'finding-object', 'written'] as const)
      expect(marks).toContain(m);
    expect(marks).not.toContain('crash');
  });

  it('the crash of the run with zeroed registers is a mark at its last step', () => {
    const zero = runLesson('02-the-bug/bug', 'x86_64', 'zero');
    const marks = focusMarks(buildScene(zero, zero.steps.count - 1, undefined, 'en'));
    expect(marks).toContain('crash');
  });
});

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
import { layoutScene } from './layout.ts';
import { runWidths, sampleSteps } from './runFit.ts';
import { fillScale, fittedLayout, MAX_GROW, MEDIUM_FROM } from './useDiagram.ts';

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
    // Raw bytes are wider than values: the layout makes room for what it shows (a pane of unknown width
    // gets the natural drawing).
    const hex = fittedLayout(scene, 0, regions, 'en', true);
    expect(hex.width).toBeGreaterThan(fittedLayout(scene, 0, regions, 'en', false).width);
  });

  it('no label is drawn under 12 px', () => {
    expect(Math.min(...Object.values(PX))).toBeGreaterThanOrEqual(12);
  });
});

describe('the whole machine chooses its columns once per run', () => {
  const bug = runLesson('02-the-bug/bug');
  const columns = { wide: 3, medium: 2, narrow: 1 } as const;

  for (const locale of ['en', 'zh'] as const)
    for (const width of PANES)
      it(`lesson 2 in a ${width} px pane keeps one column count and one width at every step, ${locale}`, () => {
        const regions = names(bug, locale);
        const run = runWidths(bug, regions, locale, false);
        const seen = new Set<string>();
        for (let step = 0; step < bug.steps.count; step++) {
          const scene = buildScene(bug, step, undefined, locale);
          const layout = fittedLayout(scene, width, regions, locale, false, run);
          expect(layout.width, `step ${step}`).toBeLessThanOrEqual(width);
          for (const box of layout.objects) {
            const o = scene.objects.find((x) => x.id === box.objectId)!;
            expect(objectNeed(o, locale, false), `${o.name} at step ${step}`).toBeLessThanOrEqual(box.w);
          }
          seen.add(`${columns[layout.mode]} columns, ${layout.width} px`);
        }
        // Stepping never reflows: one layout, and every step as wide as the run's widest.
        expect([...seen]).toHaveLength(1);
      });

  it('the run’s widest step decides: at 1440x900’s pane one column, at 1920x1080’s two', () => {
    const run = runWidths(bug, names(bug, 'en'), 'en', false);
    const modeAt = (width: number) =>
      fittedLayout(buildScene(bug, 0, undefined, 'en'), width, names(bug, 'en'), 'en', false, run).mode;
    // Step 0 alone fits two columns in 915 px; the call's steps (the lock and the callee's view of it
    // side by side) do not, so the whole run takes one.
    expect(
      layoutScene(buildScene(bug, 0, undefined, 'en'), 'medium', names(bug, 'en'), 'en', {
        hex: false,
        fitNarrow: true,
      }).width,
    ).toBeLessThanOrEqual(915);
    expect(modeAt(915)).toBe('narrow');
    expect(modeAt(1251)).toBe('medium');
  });

  it('a narrower step is stretched to fill the pane: its boxes get the room, not empty space', () => {
    const regions = names(bug, 'en');
    const scene = buildScene(bug, 0, undefined, 'en');
    const natural = layoutScene(scene, 'medium', regions, 'en', { hex: false, fitNarrow: true });
    const stretched = layoutScene(scene, 'medium', regions, 'en', {
      hex: false,
      fitNarrow: true,
      minWidth: 1251,
    });
    expect(natural.width).toBeLessThan(1000);
    expect(stretched.width).toBeGreaterThan(1251 - 8);
    expect(stretched.width).toBeLessThanOrEqual(1251);
    const widest = (l: typeof natural) => Math.max(...l.objects.map((b) => b.w));
    expect(widest(stretched)).toBeGreaterThan(widest(natural));
  });

  it('a drawing narrower than its pane is drawn larger, by at most MAX_GROW, never smaller', () => {
    expect(fillScale(794, 915)).toBeCloseTo(915 / 794);
    expect(fillScale(400, 2000)).toBe(MAX_GROW);
    expect(fillScale(1300, 1200)).toBe(1);
    expect(fillScale(500, 0)).toBe(1);
  });

  it('a long run is sampled: every boundary call and return and the last step, at most the limit', () => {
    const steps = sampleSteps(bug, 10);
    expect(steps.length).toBeLessThanOrEqual(10);
    expect(steps).toContain(bug.steps.count - 1);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(sampleSteps(bug)).toHaveLength(bug.steps.count);
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

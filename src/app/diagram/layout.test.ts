import { describe, expect, it } from 'vitest';
import type { Trace } from '../../sim/trace/types.ts';
import {
  G,
  assignLanes,
  layoutScene,
  rectsOverlap,
  roundedPath,
  segmentCrosses,
  type Layout,
  type LayoutMode,
  type Point,
  type Rect,
} from './layout.ts';
import { buildScene, type Scene } from '../../sim/view/index.ts';
import { findingStep, lessonPrograms, runLesson } from './test-traces.ts';
import { formatName } from '../../sim/messages/format.ts';

const names = (t: Trace) => new Map(t.regions.map((r) => [r.id, formatName(r.name)]));

function layoutAt(trace: Trace, step: number, mode: LayoutMode = 'wide'): { scene: Scene; layout: Layout } {
  const scene = buildScene(trace, step);
  return { scene, layout: layoutScene(scene, mode, names(trace)) };
}

const inside = (r: Rect, outer: Rect) =>
  r.x >= outer.x &&
  r.y >= outer.y &&
  r.x + r.w <= outer.x + outer.w + 0.01 &&
  r.y + r.h <= outer.y + outer.h + 0.01;

/** Everything a layout promises, checked at one step. */
function expectSoundLayout(scene: Scene, layout: Layout, where: string): void {
  // Areas never overlap, and each object box lies inside its area.
  for (let i = 0; i < layout.areas.length; i++) {
    for (let j = i + 1; j < layout.areas.length; j++) {
      expect(
        rectsOverlap(layout.areas[i] as Rect, layout.areas[j] as Rect),
        `${where}: areas ${i}/${j}`,
      ).toBe(false);
    }
  }
  const areaOf = new Map(layout.areas.map((a) => [a.kind, a]));
  const objById = new Map(scene.objects.map((o) => [o.id, o]));
  for (const b of layout.objects) {
    const o = objById.get(b.objectId);
    const area = areaOf.get(o?.area ?? 'stack');
    expect(area !== undefined && inside(b, area), `${where}: ${o?.name} inside ${o?.area}`).toBe(true);
    // Rows stay inside their box, in address order, without overlapping.
    let lastEnd = -Infinity;
    let lastBottom = b.y;
    for (const r of b.rows) {
      expect(inside(r, b), `${where}: row ${r.row.start} of ${o?.name}`).toBe(true);
      expect(r.row.start >= lastEnd).toBe(true);
      expect(r.y >= lastBottom - 0.01).toBe(true);
      lastEnd = r.row.end;
      lastBottom = r.y + r.h;
    }
  }
  // No two object boxes overlap.
  for (let i = 0; i < layout.objects.length; i++) {
    for (let j = i + 1; j < layout.objects.length; j++) {
      const a = layout.objects[i] as Rect;
      const c = layout.objects[j] as Rect;
      expect(
        rectsOverlap(a, c),
        `${where}: ${objById.get(layout.objects[i]?.objectId ?? 0)?.name} / ${objById.get(layout.objects[j]?.objectId ?? 0)?.name}`,
      ).toBe(false);
    }
  }
  // Registers do not overlap each other or any object.
  for (const r of layout.registers) for (const b of layout.objects) expect(rectsOverlap(r, b)).toBe(false);
  // Arrows: one per drawable pointer, orthogonal, and no run through a box other than their ends.
  for (const a of layout.arrows) {
    const p = scene.pointers.find((x) => x.key === a.key);
    expect(p, `${where}: arrow ${a.key} has a pointer`).toBeDefined();
    for (let i = 1; i < a.points.length; i++) {
      const s = a.points[i - 1] as Point;
      const e = a.points[i] as Point;
      expect(s.x === e.x || s.y === e.y, `${where}: ${a.key} segment ${i} is axis-aligned`).toBe(true);
      for (const b of layout.objects) {
        const isEnd =
          b.objectId === p?.objectId || (p?.from.kind === 'cell' && b.objectId === p.from.objectId);
        if (!isEnd)
          expect(segmentCrosses(s, e, b), `${where}: ${a.key} crosses ${objById.get(b.objectId)?.name}`).toBe(
            false,
          );
      }
      for (const r of layout.registers) {
        if (p?.from.kind === 'register' && p.from.name === r.name) continue;
        expect(segmentCrosses(s, e, r), `${where}: ${a.key} crosses %${r.name}`).toBe(false);
      }
    }
    if (!a.stub) {
      const target = layout.objects.find((b) => b.key === a.targetKey);
      const end = a.points[a.points.length - 1] as Point;
      expect(target, `${where}: ${a.key} target box`).toBeDefined();
      if (target !== undefined) {
        expect(
          end.x === target.x || end.x === target.x + target.w,
          `${where}: ${a.key} ends on its target's side`,
        ).toBe(true);
        expect(end.y > target.y && end.y < target.y + target.h).toBe(true);
      }
    }
  }
}

describe('geometry of the original bug', () => {
  const trace = runLesson('02-the-bug/bug');
  const stray = findingStep(trace, 'stray-write');

  it('puts the stack left, registers in the middle and static storage and the heaps right', () => {
    const { layout } = layoutAt(trace, stray);
    const x = (k: string) => layout.areas.find((a) => a.kind === k)?.x ?? -1;
    expect(x('stack')).toBe(0);
    expect(x('registers')).toBeGreaterThan(x('stack'));
    expect(x('static')).toBeGreaterThan(x('registers'));
    expect(x('c-heap')).toBe(x('static'));
    expect(layout.areas.map((a) => a.kind).sort()).toEqual([
      'c-heap',
      'gc-heap',
      'registers',
      'stack',
      'static',
    ]);
  });

  it('draws the stack high addresses first, with the callee frame below its caller', () => {
    const { scene, layout } = layoutAt(trace, stray);
    const stackBoxes = layout.objects
      .map((b) => ({ b, o: scene.objects.find((o) => o.id === b.objectId) }))
      .filter((x) => x.o?.area === 'stack' && x.b.lane === 0);
    for (let i = 1; i < stackBoxes.length; i++) {
      const prev = stackBoxes[i - 1];
      const cur = stackBoxes[i];
      if (prev?.o !== undefined && cur?.o !== undefined && prev.b.y < cur.b.y)
        expect(prev.o.addr).toBeGreaterThan(cur.o.addr);
    }
    const run = layout.frames.find(
      (f) => scene.frames.find((x) => x.id === f.frameId)?.functionName === 'run',
    );
    const foo = layout.frames.find(
      (f) => scene.frames.find((x) => x.id === f.frameId)?.functionName === 'foo',
    );
    expect(run !== undefined && foo !== undefined && foo.y > run.y).toBe(true);
    expect(foo?.boundary).toBe(true);
    expect(layout.sp).not.toBeNull();
  });

  it('sets the callee’s view of the result slot beside the lock, rows aligned by address', () => {
    const { scene, layout } = layoutAt(trace, stray + 3);
    const lock = scene.objects.find((o) => o.name === '_rtld_global._dl_load_lock');
    const view = scene.objects.find((o) => o.role === 'result-view');
    const lb = layout.objects.find((b) => b.objectId === lock?.id);
    const vb = layout.objects.find((b) => b.objectId === view?.id);
    expect(lb?.lane).toBe(0);
    expect(vb?.lane).toBe(1);
    expect(vb?.y).toBe(lb?.y);
    // bar[1] starts 8 bytes in: the same height as the lock's __owner field at +8.
    const owner = lb?.rows.find((r) => r.row.start === (lock?.addr ?? 0) + 8);
    const bar1 = vb?.rows.find((r) => r.row.start === (view?.addr ?? 0) + 8);
    expect(bar1?.y).toBe(owner?.y);
  });

  it('routes %rdi’s arrow from the register to the lock through the channel between them', () => {
    const { scene, layout } = layoutAt(trace, stray);
    const arrow = layout.arrows.find((a) => a.key === 'ptr-rdi');
    const lock = layout.objects.find(
      (b) => b.objectId === scene.objects.find((o) => o.name === '_rtld_global._dl_load_lock')?.id,
    );
    const regs = layout.areas.find((a) => a.kind === 'registers');
    expect(arrow?.status).toBe('valid');
    expect(arrow?.points[0]?.x).toBe((regs?.x ?? 0) + G.pad + (layout.registers[0]?.w ?? 0));
    expect(arrow?.points[arrow.points.length - 1]?.x).toBe(lock?.x);
    const channelX = arrow?.points[1]?.x ?? 0;
    expect(channelX).toBeGreaterThan((regs?.x ?? 0) + (regs?.w ?? 0));
    expect(channelX).toBeLessThan(lock?.x ?? 0);
    expect(roundedPath(arrow?.points ?? [])).toMatch(/^M[\d.]+,[\d.]+ L.* Q.*L[\d.]+,[\d.]+$/);
  });
});

describe('medium: two columns for a side panel', () => {
  it('puts the stack left and everything else right, without address gutters', () => {
    const trace = runLesson('02-the-bug/bug');
    const { layout } = layoutAt(trace, findingStep(trace, 'stray-write'), 'medium');
    const col = (k: string) => layout.areas.find((a) => a.kind === k)?.column;
    expect(col('stack')).toBe(0);
    for (const k of ['registers', 'static', 'c-heap', 'gc-heap']) expect(col(k)).toBe(1);
    expect(layout.addresses).toEqual([]);
    expect(layout.width).toBeLessThan(950);
    const regs = layout.areas.find((a) => a.kind === 'registers');
    const stat = layout.areas.find((a) => a.kind === 'static');
    expect((regs?.y ?? 0) < (stat?.y ?? 0)).toBe(true);
  });
});

describe('lanes', () => {
  it('puts overlapping objects in separate lanes, live owners first', () => {
    const trace = runLesson('02-the-bug/bug');
    const s = buildScene(trace, findingStep(trace, 'stray-write'));
    const lock = s.objects.find((o) => o.name === '_rtld_global._dl_load_lock');
    const view = s.objects.find((o) => o.role === 'result-view');
    const lanes = assignLanes([view, lock].filter((o) => o !== undefined));
    expect(lanes.get(lock?.id ?? -1)).toBe(0);
    expect(lanes.get(view?.id ?? -1)).toBe(1);
  });
});

describe('every lesson program lays out soundly at every step, in all three layouts', () => {
  const programs = lessonPrograms();
  it('finds the lesson programs', () => {
    expect(programs.length).toBeGreaterThan(10);
  });
  for (const name of programs) {
    for (const target of ['x86_64', 'aarch64'] as const) {
      // Up to 60 layouts per run in three modes: generous time for a busy shared machine.
      it(`${name} on ${target}`, () => {
        let trace: Trace;
        try {
          trace = runLesson(name, target);
        } catch (e) {
          // A program that does not compile (an exercise's starting point) has no trace to draw.
          expect(String(e)).toContain('did not compile');
          return;
        }
        const n = trace.steps.count;
        const stride = Math.max(1, Math.floor(n / 60));
        for (let step = 0; step < n; step += stride) {
          for (const mode of ['wide', 'medium', 'narrow'] as const) {
            const { scene, layout } = layoutAt(trace, step, mode);
            expectSoundLayout(scene, layout, `${name} ${target} step ${step} ${mode}`);
          }
        }
      });
    }
  }
});

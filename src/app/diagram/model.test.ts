import { describe, expect, it } from 'vitest';
import { alignStep, differingObjects } from '../../sim/view/index.ts';
import { hexAddr } from './format.ts';
import { buildScene, type Scene, type SceneObject } from '../../sim/view/index.ts';
import { narrationAt } from '../../sim/view/index.ts';
import { findingStep, freedTrace, gcTrace, runLesson, stepWithMessage } from './test-traces.ts';
import { boundaryCall, objectList } from '../../sim/trace/tables.ts';
import { formatName } from '../../sim/messages/format.ts';

const byName = (scene: Scene, name: string): SceneObject[] => scene.objects.filter((o) => o.name === name);
const one = (scene: Scene, name: string): SceneObject => {
  const found = byName(scene, name);
  expect(found.length, `objects named ${name}`).toBeGreaterThan(0);
  return found[found.length - 1] as SceneObject;
};
const pointerFrom = (scene: Scene, objectName: string) => {
  const o = one(scene, objectName);
  return scene.pointers.find((p) => p.from.kind === 'cell' && p.from.objectId === o.id);
};
const regPointer = (scene: Scene, reg: string) =>
  scene.pointers.find((p) => p.from.kind === 'register' && p.from.name === reg);

describe('the original bug (x86-64, leftover %rdi into the loader data)', () => {
  const trace = runLesson('02-the-bug/bug');
  const stray = findingStep(trace, 'stray-write');

  it('shows the stray write landing where %rdi points, on the loader lock', () => {
    const s = buildScene(trace, stray);
    const rdi = s.registers.find((r) => r.name === 'rdi');
    expect(rdi?.value).toBe(boundaryCall(trace.boundaryCalls, 0)?.hiddenPointer?.value);
    const written = s.objects.flatMap((o) => o.rows).filter((r) => r.cell?.written);
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((r) => r.start >= (rdi?.value ?? 0) && r.end <= (rdi?.value ?? 0) + 32)).toBe(true);
    const lock = one(s, '_rtld_global._dl_load_lock');
    expect(lock.written).toBe(true);
    expect(lock.findings.length).toBeGreaterThan(0);
    expect(regPointer(s, 'rdi')).toMatchObject({ objectId: lock.id, status: 'valid' });
  });

  it('lays the call out register by register: the hidden %rdi the caller never set, %rax read as a pointer', () => {
    const s = buildScene(trace, stray);
    expect(s.call?.phase).toBe('callee');
    const rows = new Map(s.call?.rows.map((r) => [r.register, r]));
    expect(rows.get('rdi')).toMatchObject({
      mismatch: true,
      caller: { role: 'none' },
      callee: { role: 'hidden-pointer' },
    });
    expect(rows.get('rax')).toMatchObject({
      mismatch: true,
      caller: { role: 'result', typeName: 'Ptr[float]' },
    });
    const ret = buildScene(trace, boundaryCall(trace.boundaryCalls, 0)?.returnStep ?? -1);
    expect(ret.call?.phase).toBe('return');
    expect(ret.call?.hidden).toMatchObject({
      size: 32,
      written: 32,
      victims: ['_rtld_global._dl_load_lock'],
    });
  });

  it('keeps the callee’s view of the slot beside the lock it overlaps, then drops it after the return', () => {
    const during = buildScene(trace, stray + 3);
    expect(byName(during, 'bar').some((o) => o.role === 'result-view' && o.state === 'alive')).toBe(true);
    const after = buildScene(trace, (boundaryCall(trace.boundaryCalls, 0)?.returnStep ?? 0) + 1);
    // The lock still owns those bytes: a dead view over a live owner is just the owner's bytes now.
    expect(byName(after, 'bar').filter((o) => o.role === 'result-view')).toEqual([]);
    expect(pointerFrom(after, 'bar')).toMatchObject({
      status: 'valid',
      objectId: one(after, '_rtld_global._dl_load_lock').id,
    });
  });

  it('marks the Codon-to-C++ frame as a boundary frame', () => {
    const s = buildScene(trace, stray);
    const foo = s.frames.find((f) => f.functionName === 'foo' && f.alive);
    expect(foo).toMatchObject({ side: 'cpp', boundary: true, callerSide: 'codon', current: true });
  });
});

describe('on AArch64 the result travels in d0-d3, which the caller never reads', () => {
  it('flags d0-d3 and x0', () => {
    const trace = runLesson('02-the-bug/bug', 'aarch64', 'zero');
    const call = boundaryCall(trace.boundaryCalls, 0);
    expect(call).toBeDefined();
    const s = buildScene(trace, call?.returnStep ?? 0);
    const rows = new Map(s.call?.rows.map((r) => [r.register, r]));
    for (const d of ['v0', 'v1', 'v2', 'v3']) {
      expect(rows.get(d), d).toMatchObject({
        mismatch: true,
        caller: { role: 'none' },
        callee: { role: 'result' },
      });
    }
    expect(rows.get('x0')).toMatchObject({ mismatch: true, caller: { role: 'result' } });
    expect(s.registers.find((r) => r.name === 'v3')?.label).toBe('d3');
    expect(s.registers.find((r) => r.name === 'v3')?.text).toBe('4.5');
    expect(s.call?.hidden).toBeNull();
  });
});

describe('fix (a): static storage', () => {
  const trace = runLesson('07-fix-static/fix-static');

  it('the returned pointer leads into static storage and stays valid to the end', () => {
    const first = stepWithMessage(
      trace,
      'codon.assign',
      boundaryCall(trace.boundaryCalls, 0)?.returnStep ?? 0,
    );
    for (let s = first; s < trace.steps.count - 2; s++) {
      const scene = buildScene(trace, s);
      const p = pointerFrom(scene, 'bar_ptr');
      if (p === undefined) continue;
      const target = scene.objects.find((o) => o.id === p.objectId);
      expect(target?.area, `step ${s}`).toBe('static');
      expect(target?.name).toBe('foo::bar (static)');
      expect(p.status, `step ${s}`).toBe('valid');
    }
  });
});

describe('return bar.data() on a local: the dangling pointer', () => {
  const trace = runLesson('03-lifetime/dangling');
  const back = stepWithMessage(trace, 'codon.assign', stepWithMessage(trace, 'cpp.leave'));

  it('turns dangling when foo’s frame dies, and the stale values change when the next call reuses it', () => {
    const s = buildScene(trace, back);
    const p = pointerFrom(s, 'p');
    const bar = one(s, 'bar');
    expect(p).toMatchObject({ objectId: bar.id, status: 'out-of-scope' });
    expect(bar.state).toBe('out-of-scope');
    expect(bar.rows.map((r) => r.cell?.text)).toEqual(['1.5', '2.5', '3.5', '4.5']);
    expect(bar.rows.every((r) => r.cell?.staleWas === null)).toBe(true);
    const last = buildScene(trace, trace.steps.count - 2);
    const barLater = one(last, 'bar');
    expect(barLater.state).toBe('out-of-scope');
    const changed = barLater.rows.filter((r) => r.cell !== null && r.cell.staleWas !== null);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed[0]?.cell?.staleWas).toBe('1.5');
  });

  it('while foo runs, its bar is alive in foo’s frame', () => {
    const o = objectList(trace.objects).find((x) => formatName(x.name) === 'bar');
    const s = buildScene(trace, (o?.died ?? 1) - 1);
    const bar = one(s, 'bar');
    expect(bar.state).toBe('alive');
    expect(bar.rows.map((r) => r.cell?.text)).toEqual(['1.5', '2.5', '3.5', '4.5']);
    expect(s.frames.find((f) => f.id === bar.frameId)).toMatchObject({ functionName: 'foo', alive: true });
  });
});

describe('states the lessons reach through the heaps', () => {
  it('a freed block looks freed and keeps its bytes', () => {
    const { trace, block } = freedTrace();
    const before = buildScene(trace, 0);
    expect(before.objects.find((o) => o.id === block)).toMatchObject({
      state: 'alive',
      area: 'c-heap',
      bornNow: true,
    });
    const after = buildScene(trace, 1);
    const o = after.objects.find((x) => x.id === block);
    expect(o).toMatchObject({ state: 'freed', diedNow: true });
    expect(o?.rows[0]?.cell?.text).toBe('1.5');
  });

  it('the collector marks what the stack reaches and sweeps what only malloc memory holds', () => {
    const trace = gcTrace();
    const mark = buildScene(trace, 1);
    expect(mark.gc?.phase).toBe('mark');
    expect(mark.objects.find((o) => o.name === 'kept')?.gc).toBe('marked');
    expect(mark.objects.find((o) => o.name === 'hidden')?.gc).toBe('unmarked');
    const sweep = buildScene(trace, 2);
    expect(sweep.gc?.phase).toBe('sweep');
    expect(sweep.objects.find((o) => o.name === 'hidden')).toMatchObject({ gc: 'swept', state: 'collected' });
    expect(sweep.objects.find((o) => o.name === 'kept')?.gc).toBe('marked');
    // The malloc'ed slot still points at the collected object: a dangling pointer into the GC heap.
    const saved = sweep.objects.find((o) => o.name === 'saved');
    const p = sweep.pointers.find((x) => x.from.kind === 'cell' && x.from.objectId === saved?.id);
    expect(p?.status).toBe('collected');
  });
});

describe('the GC bite lesson: a buffer kept only in malloc memory', () => {
  it('shows the address held in the untyped block, then the arrow dangling once the sweep frees the buffer', () => {
    const trace = runLesson('05-gc/gc-bite');
    const mark = stepWithMessage(trace, 'step.gc-mark');
    const sweep = stepWithMessage(trace, 'step.gc-sweep', mark);
    const fromBlock = (s: Scene) =>
      s.pointers.find(
        (p) =>
          p.untyped &&
          p.from.kind === 'cell' &&
          s.objects.find((o) => o.id === (p.from as { objectId: number }).objectId)?.area === 'c-heap',
      );
    const before = buildScene(trace, mark);
    const p = fromBlock(before);
    expect(p).toMatchObject({ status: 'valid', untyped: true });
    const buffer = before.objects.find((o) => o.id === p?.objectId);
    expect(buffer).toMatchObject({ area: 'gc-heap', gc: 'unmarked' });
    const after = buildScene(trace, sweep);
    expect(after.objects.find((o) => o.id === buffer?.id)).toMatchObject({ state: 'collected', gc: 'swept' });
    expect(fromBlock(after)).toMatchObject({ status: 'collected', objectId: buffer?.id });
  });
});

describe('event granularity and narration', () => {
  it('shows a write only once its event has run', () => {
    const trace = runLesson('02-the-bug/bug');
    const stray = findingStep(trace, 'stray-write');
    const start = trace.steps.eventStart[stray] ?? 0;
    const none = buildScene(trace, stray, start);
    expect(none.writes).toEqual([]);
    const all = buildScene(trace, stray);
    expect(all.writes.length).toBeGreaterThan(0);
    expect(hexAddr(all.writes[0]?.addr ?? 0)).toBe(
      hexAddr(boundaryCall(trace.boundaryCalls, 0)?.hiddenPointer?.value ?? 1),
    );
  });

  it('narrates each step in English and Chinese', () => {
    const trace = runLesson('02-the-bug/bug');
    expect(narrationAt(trace, 0, 'en')).toContain('libfoo.so');
    expect(narrationAt(trace, 0, 'zh')).toContain('libfoo.so');
    expect(narrationAt(trace, 0, 'zh')).not.toBe(narrationAt(trace, 0, 'en'));
  });
});

describe('comparing two runs', () => {
  it('aligns steps at the call boundary and rings what differs', () => {
    const bug = runLesson('02-the-bug/bug');
    const fix = runLesson('07-fix-static/fix-static');
    const callA = boundaryCall(bug.boundaryCalls, 1);
    const callB = boundaryCall(fix.boundaryCalls, 1);
    expect(alignStep(bug, fix, callA?.step ?? 0)).toBe(callB?.step);
    expect(alignStep(bug, fix, (callA?.step ?? 0) + 2)).toBe((callB?.step ?? 0) + 2);
    expect(alignStep(bug, fix, 0)).toBe(0);
    const a = buildScene(bug, boundaryCall(bug.boundaryCalls, 0)?.returnStep ?? 0);
    const b = buildScene(fix, alignStep(bug, fix, a.step));
    const diff = differingObjects(a, b);
    expect(diff.has(one(a, '_rtld_global._dl_load_lock').id)).toBe(true);
    expect(diff.has(one(a, '_IO_stdfile_1_lock').id)).toBe(false);
  });
});

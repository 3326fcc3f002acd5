import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../run/index.ts';
import {
  eventAt,
  eventCount,
  eventsIn,
  eventsOfKind,
  findEvent,
  stateAt,
  stepAt,
  stepCount,
  stepEvents,
  stepMessage,
  traceBuffers,
  type TraceEvent,
} from './reader.ts';
import { boundaryCallList } from './tables.ts';
import type { Trace } from './types.ts';

const BUG = join(import.meta.dirname, '../../../content/lessons/02-the-bug/programs/bug');

function bugTrace(target: 'x86_64' | 'aarch64' = 'x86_64'): Trace {
  const trace = runProgram({
    cpp: readFileSync(join(BUG, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(BUG, 'main.codon'), 'utf8'),
    target,
  }).trace;
  if (trace === null) throw new Error('the bug program did not compile');
  return trace;
}

function expectDecoded(e: TraceEvent | null, index: number): TraceEvent {
  expect(e, `event ${index} decodes`).not.toBeNull();
  expect((e as TraceEvent).index).toBe(index);
  return e as TraceEvent;
}

describe('the trace read API', () => {
  const trace = bugTrace();

  it('decodes every event, and nothing past the end', () => {
    for (let e = 0; e < eventCount(trace); e++) expectDecoded(eventAt(trace, e), e);
    expect(eventAt(trace, eventCount(trace))).toBeNull();
    expect(eventAt(trace, -1)).toBeNull();
  });

  it('gives each step its own events, in order, covering the run', () => {
    let next = 0;
    for (let s = 0; s < stepCount(trace); s++) {
      const at = stepAt(trace, s);
      expect(at.index).toBe(s);
      expect(at.events).toEqual(stepEvents(trace, s));
      expect(at.events.start).toBe(next);
      next = at.events.end;
    }
    expect(next).toBe(eventCount(trace));
  });

  it('clamps a step index into the run', () => {
    expect(stepAt(trace, -5).index).toBe(0);
    expect(stepAt(trace, 1e9).index).toBe(stepCount(trace) - 1);
  });

  it("a write event's bytes are what memory holds right after it", () => {
    const writes = eventsOfKind(trace, { start: 0, end: eventCount(trace) }, 'write');
    expect(writes.length).toBeGreaterThan(10);
    for (const w of writes.slice(0, 50)) {
      const step = stepAfter(trace, w.index);
      const state = stateAt(trace, step, w.index + 1);
      expect(Array.from(state.read(w.addr, w.len))).toEqual(Array.from(w.bytes));
    }
  });

  it('finds the foreign call: its boundary-call event names the call, its step says so', () => {
    const call = boundaryCallList(trace.boundaryCalls)[0];
    expect(call).toBeDefined();
    const e = findEvent(trace, { start: 0, end: eventCount(trace) }, 'boundary-call');
    expect(e?.callId).toBe(call?.id);
    const at = stepAt(trace, call?.step ?? -1);
    expect(eventsIn(trace, at.events).some((x) => x.kind === 'boundary-call')).toBe(true);
    expect(stepMessage(trace, at.index).id).not.toBe('');
  });

  it('names register events by the trace register names', () => {
    const regs = eventsOfKind(trace, { start: 0, end: eventCount(trace) }, 'reg');
    expect(regs.length).toBeGreaterThan(0);
    for (const r of regs) expect(trace.registerNames[r.register]).toBe(r.name);
  });

  it('names every typed-array buffer a worker must transfer, each once', () => {
    const buffers = traceBuffers(trace);
    expect(new Set(buffers).size).toBe(buffers.length);
    const must = [
      trace.bytes,
      trace.steps.kind,
      trace.events.a,
      trace.objects.addr,
      trace.frames.entrySp,
      trace.boundaryCalls.step,
      ...trace.keyframes.flatMap((k) => [k.registers, ...k.pages]),
    ];
    for (const a of must) expect(buffers).toContain(a.buffer);
    // And it can really be moved: structuredClone with the list detaches them.
    const moved = structuredClone(trace, { transfer: buffers });
    expect(trace.bytes.byteLength).toBe(0);
    expect(moved.steps.count).toBeGreaterThan(0);
  });
});

/** The step that holds event `e`. */
function stepAfter(trace: Trace, e: number): number {
  for (let s = 0; s < stepCount(trace); s++) if (e < stepEvents(trace, s).end) return s;
  return stepCount(trace) - 1;
}

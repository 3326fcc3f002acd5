// Facts about a trace the player asks at every step (call depth, output so far, which foreign call is
// in progress), computed once per trace in one pass and cached, so stepping stays an index lookup.
import { eventsOfKind, stepCount, stepEvents, stepFrameAt, stepLineAt } from '../../sim/trace/reader.ts';
import { boundaryCallList, frameList } from '../../sim/trace/tables.ts';
import type { SourceSide, Trace } from '../../sim/trace/types';

export interface TraceIndex {
  /** Call depth of the frame executing at each step (0 when no frame). */
  depth: Int32Array;
  /** Number of `trace.output` chunks printed once each step's events have all run. */
  outputAfter: Uint32Array;
  /** The innermost foreign call in progress at each step, or -1. */
  boundary: Int32Array;
  /** First step of each output chunk. */
  outputStep: Int32Array;
}

const cache = new WeakMap<Trace, TraceIndex>();

/** The index of a trace (computed on first use). */
export function traceIndex(trace: Trace): TraceIndex {
  let index = cache.get(trace);
  if (!index) {
    index = buildIndex(trace);
    cache.set(trace, index);
  }
  return index;
}

function buildIndex(trace: Trace): TraceIndex {
  const n = stepCount(trace);
  const frames = frameList(trace.frames);
  const frameDepth = new Int32Array(frames.length).fill(-1);
  const depthOf = (id: number): number => {
    if (id < 0) return 0;
    const known = frameDepth[id];
    if (known !== undefined && known >= 0) return known;
    // Iterative walk: frames form a chain of parents, never a cycle (a parent is created first).
    const chain: number[] = [];
    let f = id;
    while (f >= 0 && (frameDepth[f] ?? -1) < 0) {
      chain.push(f);
      f = frames[f]?.parent ?? -1;
    }
    let d = f >= 0 ? (frameDepth[f] as number) : 0;
    for (let i = chain.length - 1; i >= 0; i--) frameDepth[chain[i] as number] = ++d;
    return frameDepth[id] as number;
  };
  const depth = new Int32Array(n);
  const outputAfter = new Uint32Array(n);
  const boundary = new Int32Array(n).fill(-1);
  const outputStep = new Int32Array(trace.output.length).fill(-1);
  let printed = 0;
  for (let i = 0; i < n; i++) {
    depth[i] = depthOf(stepFrameAt(trace, i));
    for (const { chunk } of eventsOfKind(trace, stepEvents(trace, i), 'output')) {
      if (chunk < outputStep.length && outputStep[chunk] === -1) outputStep[chunk] = i;
      printed++;
    }
    outputAfter[i] = printed;
  }
  // A foreign call is in progress from its step up to its return step (or the end of an unfinished run).
  for (const { id, step, returnStep: ret } of boundaryCallList(trace.boundaryCalls)) {
    const last = ret > step ? ret : n - 1;
    for (let i = Math.max(0, step); i <= last && i < n; i++) boundary[i] = id;
  }
  return { depth, outputAfter, boundary, outputStep };
}

/** The source side executing at a step. */
export function sideAt(trace: Trace, step: number): SourceSide {
  return stepLineAt(trace, step).side;
}

/** The 1-based source line of a step (0 when it has none). */
export function lineAt(trace: Trace, step: number): number {
  return stepLineAt(trace, step).line;
}

/** The stdout printed once step `step` (and, when given, events up to `eventEnd`) has run. */
export function stdoutAt(trace: Trace, step: number, eventEnd?: number | null): string {
  const index = traceIndex(trace);
  if (eventEnd === undefined || eventEnd === null) {
    return trace.output.slice(0, index.outputAfter[step] ?? 0).join('');
  }
  let printed = step > 0 ? (index.outputAfter[step - 1] ?? 0) : 0;
  printed += eventsOfKind(trace, { start: stepEvents(trace, step).start, end: eventEnd }, 'output').length;
  return trace.output.slice(0, printed).join('');
}

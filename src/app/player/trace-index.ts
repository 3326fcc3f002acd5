// Facts about a trace the player asks at every step (call depth, output so far, which foreign call is
// in progress), computed once per trace in one pass and cached, so stepping stays an index lookup.
import { SIDES, EventKind, type SourceSide, type Trace } from '../../sim/trace/types';

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
  const { steps, events, frames } = trace;
  const n = steps.count;
  const frameDepth = new Int32Array(frames.count).fill(-1);
  const depthOf = (id: number): number => {
    if (id < 0) return 0;
    const known = frameDepth[id];
    if (known !== undefined && known >= 0) return known;
    // Iterative walk: frames form a chain of parents, never a cycle (a parent is created first).
    const chain: number[] = [];
    let f = id;
    while (f >= 0 && (frameDepth[f] ?? -1) < 0) {
      chain.push(f);
      f = f < frames.count ? (frames.parent[f] as number) : -1;
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
    depth[i] = depthOf(steps.frame[i] as number);
    const start = steps.eventStart[i] as number;
    const end = i + 1 < n ? (steps.eventStart[i + 1] as number) : events.count;
    for (let e = start; e < end; e++) {
      if (events.kind[e] === EventKind.Output) {
        const chunk = events.c[e] as number;
        if (chunk < outputStep.length && outputStep[chunk] === -1) outputStep[chunk] = i;
        printed++;
      }
    }
    outputAfter[i] = printed;
  }
  // A foreign call is in progress from its step up to its return step (or the end of an unfinished run).
  const calls = trace.boundaryCalls;
  for (let id = 0; id < calls.count; id++) {
    const step = calls.step[id] as number;
    const ret = calls.returnStep[id] as number;
    const last = ret > step ? ret : n - 1;
    for (let i = Math.max(0, step); i <= last && i < n; i++) boundary[i] = id;
  }
  return { depth, outputAfter, boundary, outputStep };
}

/** The source side executing at a step. */
export function sideAt(trace: Trace, step: number): SourceSide {
  return SIDES[trace.steps.side[step] ?? 2] ?? 'runtime';
}

/** The 1-based source line of a step (0 when it has none). */
export function lineAt(trace: Trace, step: number): number {
  return trace.steps.line[step] ?? 0;
}

/** The stdout printed once step `step` (and, when given, events up to `eventEnd`) has run. */
export function stdoutAt(trace: Trace, step: number, eventEnd?: number | null): string {
  const index = traceIndex(trace);
  if (eventEnd === undefined || eventEnd === null) {
    return trace.output.slice(0, index.outputAfter[step] ?? 0).join('');
  }
  let printed = step > 0 ? (index.outputAfter[step - 1] ?? 0) : 0;
  const start = trace.steps.eventStart[step] ?? 0;
  for (let e = start; e < eventEnd; e++) if (trace.events.kind[e] === EventKind.Output) printed++;
  return trace.output.slice(0, printed).join('');
}

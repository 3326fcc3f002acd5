// The named moments a lesson can stop at (content/README.md, `atStep`), found in a real trace. Each
// means the first time it happens in the run.
import { StepKind, type Trace } from '../../sim/trace/types';
import { eventRange, lastStep } from './stepping';
import { traceIndex } from './trace-index';
import { boundaryCall, boundaryCallList, frameList, objectRecord } from '../../sim/trace/tables.ts';
import { eventsOfKind, stepCount, stepKindAt, stepLineAt } from '../../sim/trace/reader.ts';

export const MOMENTS = [
  'call',
  'callee-write',
  'call-return',
  'before-print',
  'first-print',
  'frame-dies',
  'gc',
  'crash',
  'end',
] as const;
export type Moment = (typeof MOMENTS)[number];

/** True when `id` names a moment. */
export function isMoment(id: string): id is Moment {
  return (MOMENTS as readonly string[]).includes(id);
}

/** The step of a moment in this run, or null when the run never gets there. */
export function findMoment(trace: Trace, moment: Moment): number | null {
  const n = stepCount(trace);
  if (n === 0) return null;
  const firstStepOfKind = (kind: number): number | null => {
    for (let i = 0; i < n; i++) if (stepKindAt(trace, i) === kind) return i;
    return null;
  };
  switch (moment) {
    case 'call': {
      const call = boundaryCall(trace.boundaryCalls, 0);
      return call ? call.step : firstStepOfKind(StepKind.BoundaryCall);
    }
    case 'callee-write':
      return calleeWrite(trace);
    case 'call-return': {
      const call = boundaryCallList(trace.boundaryCalls).find((c) => c.returnStep > c.step);
      return call ? call.returnStep : firstStepOfKind(StepKind.BoundaryReturn);
    }
    case 'before-print': {
      // The step just before the first print: a question about what it will write stops here, with
      // nothing printed yet.
      const step = traceIndex(trace).outputStep[0];
      return step !== undefined && step > 0 ? step - 1 : null;
    }
    case 'first-print': {
      const step = traceIndex(trace).outputStep[0];
      return step !== undefined && step >= 0 ? step : null;
    }
    case 'frame-dies': {
      // The first C++ frame whose life ends (the callee returning, its locals going out of scope).
      let best: number | null = null;
      for (const f of frameList(trace.frames)) {
        if (f.side === 'cpp' && f.exitStep >= 0 && (best === null || f.exitStep < best)) best = f.exitStep;
      }
      return best;
    }
    case 'gc':
      return firstStepOfKind(StepKind.Gc);
    case 'crash':
      return trace.crash ? trace.crash.step : firstStepOfKind(StepKind.Crash);
    case 'end':
      return lastStep(trace);
  }
}

/**
 * The callee's first store of its result in the first foreign call: a write to the result slot (or the
 * callee's name for it), else to the address the hidden result pointer held, else the callee's first write
 * of its own (not the prologue's: the saved frame pointer, the spilled parameters), else the callee's
 * crash (a store that faults).
 */
function calleeWrite(trace: Trace): number | null {
  const call = boundaryCall(trace.boundaryCalls, 0);
  if (!call) return null;
  const last = call.returnStep > call.step ? call.returnStep : lastStep(trace);
  const isResult = (objectId: number): boolean => {
    const role = objectRecord(trace.objects, objectId)?.role;
    return role === 'return-slot' || role === 'result-view';
  };
  const hidden = call.hiddenPointer?.value;
  const prologue = (objectId: number): boolean => {
    const role = objectRecord(trace.objects, objectId)?.role;
    return role === 'frame-link' || role === 'param' || role === 'heap-meta';
  };
  let firstWrite: number | null = null;
  for (let step = call.step; step <= last; step++) {
    if (stepLineAt(trace, step).side !== 'cpp') continue;
    // The prologue (saving the caller's frame pointer, spilling parameters) is not the callee's store.
    if (stepKindAt(trace, step) === StepKind.Call) continue;
    for (const { addr, objectId: target } of eventsOfKind(trace, eventRange(trace, step), 'write')) {
      if (isResult(target) || (hidden !== undefined && addr === hidden)) return step;
      if (!prologue(target)) firstWrite ??= step;
    }
  }
  // A store that faults writes nothing: the crash inside the callee is that moment.
  if (firstWrite === null && trace.crash && trace.crash.step >= call.step && trace.crash.side === 'cpp') {
    return trace.crash.step;
  }
  return firstWrite;
}

/** What the events of one step did, up to a point inside it: the facts the other builders ask about. */
import { eventsIn, stepEvents } from '../trace/reader.ts';
import type { Trace } from '../trace/types.ts';

export interface StepEventInfo {
  allocs: Set<number>;
  ends: Set<number>;
  marks: Set<number>;
  sweeps: Set<number>;
  /** Register indices written. */
  regs: Set<number>;
  reads: { addr: number; len: number }[];
  /** Indices into trace.findings. */
  findings: number[];
}

/** The events of `step` before event `end`. */
export function scanStep(trace: Trace, step: number, end: number): StepEventInfo {
  const info: StepEventInfo = {
    allocs: new Set(),
    ends: new Set(),
    marks: new Set(),
    sweeps: new Set(),
    regs: new Set(),
    reads: [],
    findings: [],
  };
  for (const e of eventsIn(trace, { start: stepEvents(trace, step).start, end })) {
    switch (e.kind) {
      case 'alloc':
        info.allocs.add(e.objectId);
        break;
      case 'end':
        info.ends.add(e.objectId);
        break;
      case 'gc-mark':
        info.marks.add(e.objectId);
        break;
      case 'gc-sweep':
        info.sweeps.add(e.objectId);
        break;
      case 'reg':
        info.regs.add(e.register);
        break;
      case 'read':
        info.reads.push({ addr: e.addr, len: e.len });
        break;
      case 'finding':
        info.findings.push(e.finding);
        break;
    }
  }
  return info;
}

/** The collector builder: during a collection step, which GC objects are marked and which swept. */
import { stepEvents, stepKindAt, stepMessage } from '../trace/reader.ts';
import { StepKind, type Trace } from '../trace/types.ts';
import { scanStep, type StepEventInfo } from './events.ts';
import type { SceneGc } from './types.ts';

/** The collector's work at `step`, or null when the step is not a collection. */
export function gcAt(trace: Trace, step: number, info: StepEventInfo): SceneGc | null {
  if (stepKindAt(trace, step) !== StepKind.Gc) return null;
  if (info.sweeps.size > 0 || stepMessage(trace, step).id === 'step.gc-sweep') {
    // The sweep follows the mark step: carry its marks so the learner sees what was kept.
    const marked = new Set<number>();
    if (step > 0 && stepKindAt(trace, step - 1) === StepKind.Gc) {
      const prev = scanStep(trace, step - 1, stepEvents(trace, step - 1).end);
      for (const m of prev.marks) marked.add(m);
    }
    for (const m of info.marks) marked.add(m);
    return { phase: 'sweep', marked: [...marked], swept: [...info.sweeps] };
  }
  return { phase: 'mark', marked: [...info.marks], swept: [] };
}

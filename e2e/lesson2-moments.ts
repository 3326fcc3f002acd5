// Lesson 2's four moments the one-screen acceptance names (issue 15), shared by the specs that check the
// learner's screen, the whole machine and the presenter: the call, the first stray write, the return and
// the end. The steps come from running the same program with the simulator here in Node.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundaryCallList } from '../src/sim/trace/tables.ts';
import { StepKind, type Trace } from '../src/sim/trace/types.ts';
import { traceOf } from './player-page.ts';

export const BUG = { lesson: '02-the-bug', program: 'bug' } as const;
export const bugTrace: Trace = traceOf(BUG);
export const firstCall = boundaryCallList(bugTrace.boundaryCalls)[0]!;
export const strayWrite = bugTrace.findings.find((f) => f.kind === 'stray-write')!;
export const returnStep = Array.from({ length: bugTrace.steps.count }, (_, i) => i).find(
  (i) => bugTrace.steps.kind[i] === StepKind.BoundaryReturn,
)!;
export const lastStep = bugTrace.steps.count - 1;

export interface Moment {
  /** A short name for screenshots and test steps. */
  name: 'call' | 'stray-write' | 'return' | 'end';
  step: number;
  /** The object the step writes through the stray pointer, named as the diagram names it. */
  written: string | null;
  /** Whether a boundary call is in progress (its caller/callee table is the step). */
  inCall: boolean;
}

export const MOMENTS: readonly Moment[] = [
  { name: 'call', step: firstCall.step, written: null, inCall: true },
  { name: 'stray-write', step: strayWrite.step, written: '_rtld_global._dl_load_lock', inCall: true },
  { name: 'return', step: returnStep, written: null, inCall: true },
  { name: 'end', step: lastStep, written: null, inCall: false },
];

/** A folder under tmp/screenshots (ignored by git; the README's "Tests" names it), made if missing. */
export function shotsDir(name: string): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tmp', 'screenshots', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

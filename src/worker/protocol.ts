// Messages between the page and the simulator's worker. Runs are numbered by the page; the worker
// answers each request with the same id.
import type { RunInput, RunResult } from '../sim/run/api';
import { traceBuffers } from '../sim/trace/reader.ts';

export interface RunRequest {
  kind: 'run';
  id: number;
  input: RunInput;
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: RunResult; ms: number }
  | { kind: 'error'; id: number; message: string };

/** The buffers of a result's typed arrays, so posting it moves them instead of copying. */
export function transferables(result: RunResult): ArrayBuffer[] {
  return result.trace ? traceBuffers(result.trace) : [];
}

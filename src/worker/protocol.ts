// Messages between the page and the simulator's worker. Runs are numbered by the page; the worker
// answers each request with the same id.
import type { RunInput, RunResult } from '../sim/run/api';

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
  const trace = result.trace;
  if (!trace) return [];
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView) => {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const column of Object.values(trace.steps)) if (ArrayBuffer.isView(column)) add(column);
  for (const column of Object.values(trace.events)) if (ArrayBuffer.isView(column)) add(column);
  add(trace.bytes);
  for (const keyframe of trace.keyframes) {
    add(keyframe.registers);
    for (const page of keyframe.pages) add(page);
  }
  return [...buffers];
}

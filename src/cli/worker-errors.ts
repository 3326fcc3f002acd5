/**
 * What an error out of the simulation worker means (child.ts): the worker's heap cap, a host limit the
 * simulator did not map itself, or a bug.
 */
import type { HostOutcome } from './job';
import { WORKER_HEAP_MB } from './limits';

const memoryMessage = `the simulator ran out of its host memory (the worker's ${WORKER_HEAP_MB} MB heap) before the program ended`;

/** What an error thrown out of the worker means. */
export function outcomeOfError(e: unknown): HostOutcome {
  const err = e as (Error & { code?: string }) | undefined;
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return { kind: 'host-limit', limit: 'memory', message: memoryMessage };
  if (err?.name === 'RangeError') {
    // A host limit the simulator did not map itself: say which, never a crash that did not happen.
    const stack = /call stack/i.test(err.message);
    return {
      kind: 'host-limit',
      limit: stack ? 'stack' : 'memory',
      message: `the simulator hit a host ${stack ? 'stack' : 'memory'} limit (${err.message}) before the program ended`,
    };
  }
  return { kind: 'internal-error', message: err instanceof Error ? (err.stack ?? err.message) : String(e) };
}

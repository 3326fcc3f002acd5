/**
 * The simulation's child process (started by host.ts): takes one job over IPC, does it in a worker
 * thread with a capped heap, and sends back how it ended. Two walls, because each stops what the
 * other cannot: the worker's `resourceLimits` turn a heap exhausted by the simulator into an error
 * this process reports, while some host failures (V8's fatal "invalid size" on a huge array, seen on
 * `[i for i in range(2*10**8)]`) abort the whole process, which only a separate process survives.
 * This thread stays idle, so it notices at once when the command line goes away and exits with it.
 */
import { startWorker } from './entries';
import type { HostOutcome, Job, JobResult } from './job';
import { WORKER_HEAP_MB } from './limits';

const memoryMessage = `the simulator ran out of its host memory (the worker's ${WORKER_HEAP_MB} MB heap) before the program ended`;

/** What an error thrown out of the worker means. */
function outcomeOfError(e: unknown): HostOutcome {
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

function report(outcome: HostOutcome): void {
  process.send?.(outcome, () => process.exit(0));
}

process.once('disconnect', () => process.exit(1));
process.once('message', (job: Job) => {
  const worker = startWorker({
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    // The simulator prints nothing; nothing it might print may reach the command line's stdout.
    stdout: true,
    stderr: true,
  });
  worker.once('message', (result: JobResult) => report({ kind: 'done', result }));
  worker.once('error', (e) => report(outcomeOfError(e)));
  worker.once('exit', (code) =>
    report({
      kind: 'internal-error',
      message: `the simulation worker stopped (exit ${code}) without a result`,
    }),
  );
});

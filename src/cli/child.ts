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
import { outcomeOfError } from './worker-errors';

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

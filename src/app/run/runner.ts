// Runs programs in the simulator's Web Worker. One run at a time: a new run while one is going
// terminates that worker (the old run is cancelled, never queued behind) and switches to a spare
// worker started in advance, so a cancelled run costs no start-up time.
import type { RunInput, RunResult } from '../../sim/run/api';
import type { RunRequest, WorkerReply } from '../../worker/protocol';

/** What the player needs from a runner. */
export interface Runner {
  /** Runs `input`; rejects with a `RunCancelled` when a newer run replaces it. */
  run(input: RunInput): Promise<RunResult>;
  dispose(): void;
}

/** A run replaced by a newer one before it finished. */
export class RunCancelled extends Error {
  constructor() {
    super('run cancelled by a newer one');
    this.name = 'RunCancelled';
  }
}

interface Job {
  id: number;
  resolve: (result: RunResult) => void;
  reject: (error: Error) => void;
  watchdog: ReturnType<typeof setTimeout>;
}

/** The longest a run may take before the worker is declared stuck. */
const RUN_TIMEOUT_MS = 20_000;

/** A runner over workers made by `makeWorker`. */
export function createWorkerRunner(makeWorker: () => Worker): Runner {
  let nextId = 1;
  let active: Worker | null = null;
  let spare: Worker | null = null;
  let job: Job | null = null;
  let disposed = false;

  const start = (): Worker => {
    const worker = makeWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => onReply(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker === active && job)
        fail(new Error(`the simulator's worker failed: ${event.message || 'no message'}`));
    };
    return worker;
  };

  const onReply = (worker: Worker, reply: WorkerReply) => {
    if (worker !== active || !job || reply.kind === 'ready' || reply.id !== job.id) return;
    const current = job;
    job = null;
    clearTimeout(current.watchdog);
    if (reply.kind === 'result') current.resolve(reply.result);
    else current.reject(new Error(reply.message));
  };

  const fail = (error: Error) => {
    if (!job) return;
    const current = job;
    job = null;
    clearTimeout(current.watchdog);
    active?.terminate();
    active = null;
    current.reject(error);
  };

  return {
    run(input) {
      if (disposed) return Promise.reject(new Error('runner disposed'));
      if (job) {
        // Still busy with a run nobody wants any more: stop it where it is.
        const old = job;
        job = null;
        clearTimeout(old.watchdog);
        active?.terminate();
        active = null;
        old.reject(new RunCancelled());
      }
      if (!active) {
        active = spare ?? start();
        spare = null;
      }
      // Keep a warm spare for the next cancellation, started after this run is on its way.
      if (!spare)
        setTimeout(() => {
          if (!disposed && !spare) spare = start();
        }, 0);
      const worker = active;
      const id = nextId++;
      return new Promise<RunResult>((resolve, reject) => {
        const watchdog = setTimeout(
          () => fail(new Error(`the simulator did not finish within ${RUN_TIMEOUT_MS / 1000} s`)),
          RUN_TIMEOUT_MS,
        );
        job = { id, resolve, reject, watchdog };
        const request: RunRequest = { kind: 'run', id, input };
        worker.postMessage(request);
      });
    },
    dispose() {
      disposed = true;
      if (job) fail(new RunCancelled());
      active?.terminate();
      spare?.terminate();
      active = spare = null;
    },
  };
}

/** The app's runner: the simulator worker bundled by Vite from the page's own origin. */
export function createSimRunner(): Runner {
  return createWorkerRunner(
    () =>
      new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), {
        type: 'module',
        name: 'simulator',
      }),
  );
}

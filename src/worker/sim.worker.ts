// The simulator's Web Worker: runs a program off the main thread and posts the trace back. A run that
// is no longer wanted is stopped by terminating this worker (src/app/run/runner.ts), never queued.
import { runProgram } from '../sim/run/index';
import { transferables, type RunRequest, type WorkerReply } from './protocol';

const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
};

scope.onmessage = (event) => {
  const request = event.data;
  if (request?.kind !== 'run') return;
  const started = performance.now();
  try {
    // The output panel marks what the real machine may print differently (one more summary run).
    const result = runProgram({ indeterminate: true, ...request.input });
    const reply: WorkerReply = { kind: 'result', id: request.id, result, ms: performance.now() - started };
    scope.postMessage(reply, transferables(result));
  } catch (error) {
    const message =
      error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    scope.postMessage({ kind: 'error', id: request.id, message });
  }
};

scope.postMessage({ kind: 'ready' });

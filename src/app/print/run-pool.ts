// The handout's runs: each program and setting runs once on the simulator (a playground and a question
// about the same run share it), one run after another, because a runner cancels a run that a newer one
// replaces.
import type { Target } from '../../sim/abi/ctype';
import type { Leftover } from '../../sim/machine/machine';
import type { RunInput, RunResult } from '../../sim/run/api';

/** One run the handout needs: a program of the lesson on one machine and leftover setting. */
export interface HandoutRun {
  programId: string;
  target: Target;
  leftover: Leftover;
}

/** The identity of a run (the same program with the same settings is the same run). */
export function runKey(run: HandoutRun): string {
  return `${run.programId}|${run.target}|${run.leftover}`;
}

/** A run with defaults filled in, as the lesson's widgets default them. */
export function handoutRun(programId: string, target?: Target, leftover?: Leftover): HandoutRun {
  return { programId, target: target ?? 'x86_64', leftover: leftover ?? 'runtime-data' };
}

/** Runs inputs one at a time and remembers each result by key. */
export class RunPool {
  private readonly results = new Map<string, Promise<RunResult>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly execute: (input: RunInput) => Promise<RunResult>) {}

  /** The result of the run named `key`; `input` is only read the first time the key is asked for. */
  get(key: string, input: () => Promise<RunInput>): Promise<RunResult> {
    let result = this.results.get(key);
    if (!result) {
      const next = this.queue.then(async () => this.execute(await input()));
      // The queue goes on after a failed run; the failure stays with that run's result.
      this.queue = next.catch(() => undefined);
      result = next;
      this.results.set(key, result);
    }
    return result;
  }
}

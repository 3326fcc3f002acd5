/**
 * Runs a simulation job away from the command line's own process, within the host limits
 * (limits.ts): in a child process (child.ts) that runs it in a worker thread with a capped heap, under
 * a wall-clock limit. Whatever the program does, the command line survives to print one JSON object:
 * a hang is killed at the limit, an exhausted heap ends the worker, and a fatal V8 error ends only the
 * child. The child is in the command line's process group, so a Ctrl-C or a `timeout` reaches it too.
 */
import { fork } from 'node:child_process';
import { CHILD_ENTRY, CHILD_EXEC_ARGV } from './entries';
import type { HostOutcome, Job } from './job';

/** How much of the child's stderr is kept for the message (V8's fatal errors start with the reason). */
const STDERR_KEPT = 4096;

/** The first line of what V8 printed when it aborted the child, e.g. "Fatal JavaScript invalid size error 169220804". */
export function fatalReason(stderr: string): string | null {
  const line = stderr
    .split('\n')
    .map((l) => l.replace(/^#\s*/, '').trim())
    .find((l) => /fatal|out of memory|allocation failed|invalid/i.test(l) && !/^Fatal error in/.test(l));
  return line ?? null;
}

/** The program the child process runs, and Node's options for it. */
export interface ChildProgram {
  entry: URL;
  execArgv: string[];
}

/** child.ts, the simulation's child (tests give stand-ins that fail as a host can). */
export const SIMULATION_CHILD: ChildProgram = { entry: CHILD_ENTRY, execArgv: CHILD_EXEC_ARGV };

export function simulateInChild(
  job: Job,
  timeoutMs: number,
  program: ChildProgram = SIMULATION_CHILD,
): Promise<HostOutcome> {
  return new Promise((resolve) => {
    const child = fork(program.entry, [], {
      execArgv: program.execArgv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < STDERR_KEPT) stderr += chunk.slice(0, STDERR_KEPT - stderr.length);
    });
    let settled = false;
    const settle = (outcome: HostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        settle({
          kind: 'host-limit',
          limit: 'time',
          message: `the simulation was stopped at the wall-clock limit of ${timeoutMs / 1000} s (--timeout) before the program ended`,
        }),
      timeoutMs,
    );
    child.once('message', (outcome: HostOutcome) => settle(outcome));
    child.once('error', (e) =>
      settle({ kind: 'internal-error', message: `cannot start the simulator: ${e.message}` }),
    );
    child.once('exit', (code, signal) => {
      // Without a message first, the child died: V8 aborts on some host limits (a fatal error, not an exception).
      const why = fatalReason(stderr);
      settle(
        why === null
          ? {
              kind: 'internal-error',
              message: `the simulator's process stopped (${signal ?? `exit ${code}`}) without a result${stderr ? `: ${stderr.trim().slice(0, 500)}` : ''}`,
            }
          : {
              kind: 'host-limit',
              limit: 'memory',
              message: `the simulator's host process hit a limit and stopped (${why}) before the program ended`,
            },
      );
    });
    child.send(job);
  });
}

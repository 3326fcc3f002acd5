/**
 * What the command line hands the simulation worker, and what comes back. The commands parse their
 * arguments and read their files on the main thread; the work a program's text can make unbounded
 * (parsing, macro expansion, running) happens in `performJob`, inside the worker (worker-host.ts).
 */
import type { Target } from '../sim/abi/ctype';
import type { RunInput, RunSummary } from '../sim/run/api';
import type { AbiReport } from './abi-report';
import type { SimEvidence } from './evidence';

/** A unit of simulation work, as plain data (it crosses to the worker by structured clone). */
export type Job =
  | { kind: 'run'; input: RunInput; evidence?: boolean }
  | { kind: 'abi'; source: string; file: string; target: Target };

/** A job's result, by the job's kind. */
export type JobResult =
  { kind: 'run'; summary: RunSummary; evidence?: SimEvidence } | { kind: 'abi'; report: AbiReport };

/** Which host limit stopped the worker. */
export type HostLimit = 'time' | 'memory' | 'stack';

/**
 * How a job ended on the host: with its result, at one of the host's limits (the simulator was
 * stopped from outside, so there is no result), or with an error inside the simulator (a bug).
 */
export type HostOutcome =
  | { kind: 'done'; result: JobResult }
  | { kind: 'host-limit'; limit: HostLimit; message: string }
  | { kind: 'internal-error'; message: string };

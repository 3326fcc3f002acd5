/**
 * The public interface of a run: what the page, the worker, the CLI and the tests call.
 * `runProgram` (in ./index.ts) parses both files, runs them on one machine and returns this.
 */
import type { Target } from '../abi/ctype.ts';
import type { Diagnostic } from '../diag.ts';
import type { Leftover } from '../machine/machine.ts';
import type { IndeterminateSpan, Outcome, Trace } from '../trace/types.ts';

export interface RunInput {
  cpp: string;
  codon: string;
  target?: Target;
  leftover?: Leftover;
  /** Source-level steps before the run stops with `step-limit` (default 100,000). */
  maxSteps?: number;
  /** File names used in diagnostics and findings. */
  files?: { cpp: string; codon: string };
  /**
   * 'trace' (the default) records every step and event for the page to scrub; 'summary' records
   * only what the summary reports (the CLI's JSON): the same run, the same summary, no trace.
   */
  record?: 'trace' | 'summary';
  /**
   * Also find which parts of stdout depend on bytes the simulator invents (what start-up left in a
   * register, what print left on the dead stack, memory nothing wrote...): the summary's and the
   * trace's `stdoutIndeterminate`. Costs one more summary-only run, and one per kind of invented
   * byte when there are marks (docs/SIMULATOR.md, "Indeterminate output"). Default false.
   */
  indeterminate?: boolean;
}

export const DEFAULT_MAX_STEPS = 100_000;

/** The CLI's JSON summary of a run (issue 4's format). */
export interface RunSummary {
  outcome: Outcome;
  stdout: string;
  crash: { signal: string; address: string; function: string; file: string; line: number } | null;
  error: { type: string; message: string; file: string; line: number } | null;
  findings: {
    kind: string;
    file: string;
    line: number;
    step: number;
    count: number;
    related: { file: string; line: number; role: string }[];
    objects: string[];
    message: string;
  }[];
  diagnostics: Diagnostic[];
  steps: number;
  /** Present when asked for (`RunInput.indeterminate`): the stdout spans the real machine may print differently. */
  stdoutIndeterminate?: IndeterminateSpan[];
}

export interface RunResult {
  /** Null when the code did not compile (then `diagnostics` say why), or when only a summary was asked for. */
  trace: Trace | null;
  diagnostics: Diagnostic[];
  summary: RunSummary;
}

/**
 * Runs a C++ library and the Codon program that imports it on one simulated machine, and returns
 * the trace with a summary. Pure: the same input gives the same trace, in Node, a Worker or a page.
 */
import { objectRecord } from '../trace/tables.ts';
import type { TranslationUnit } from '../cpp/ast.ts';
import { parseCpp } from '../cpp/index.ts';
import { parseCodon } from '../codon/index.ts';
import type { Module } from '../codon/ast.ts';
import type { Diagnostic } from '../diag.ts';
import { Machine, RunStop } from '../machine/machine.ts';
import { hex } from '../machine/memory.ts';
import { Garbage } from '../machine/garbage.ts';
import { attribute, diffStdout } from '../trace/indeterminate.ts';
import { formatMessage, formatName } from '../messages/format.ts';
import {
  GARBAGE_KINDS,
  StepKind,
  type GarbageKind,
  type IndeterminateSpan,
  type Outcome,
  type SourceSide,
  type Trace,
} from '../trace/types.ts';
import { DEFAULT_MAX_STEPS, type RunInput, type RunResult, type RunSummary } from './api.ts';
import { CodonInterpreter } from './codon-interp.ts';
import { Unsupported } from './cpp-errors.ts';
import { CppInterpreter } from './cpp-interp.ts';
import { ExitRequest } from './cpp-library.ts';
import { ForeignBridge } from './foreign.ts';
import { CodonCallbacks } from './codon-interp/callback.ts';
import { reportLeaks } from './leaks.ts';
import { runtimeDlFini, runtimeExit, startProcess } from './runtime.ts';

export type { RunInput, RunResult, RunSummary } from './api.ts';

/** Seed of the perturbed runs' garbage: any fixed non-zero number (runs stay reproducible). */
const GARBAGE_SEED = 0x9e3779b9;
/** Past this many steps the sources of the marks are not worked out (that costs a run per kind). */
const ATTRIBUTE_MAX_STEPS = 20_000;

/** Parses, checks and runs both programs; never throws for anything the programs do. */
export function runProgram(input: RunInput): RunResult {
  const result = runWith(input, Garbage.MODELLED);
  if (input.indeterminate === true && result.summary.outcome !== 'compile-error') {
    const spans = indeterminateStdout(input, result.summary);
    result.summary.stdoutIndeterminate = spans;
    if (result.trace !== null) result.trace.stdoutIndeterminate = spans;
  }
  return result;
}

/**
 * The stdout spans that depend on invented bytes: the run again, summary only, with every kind of
 * invented byte drawn from a generator (machine/garbage.ts); the values it prints differently are
 * the marks. When there are any, one more run per kind says which kinds each depends on.
 */
function indeterminateStdout(input: RunInput, reference: RunSummary): IndeterminateSpan[] {
  const again = (kinds: readonly GarbageKind[]): string => {
    try {
      return runWith({ ...input, record: 'summary' }, new Garbage(GARBAGE_SEED, kinds)).summary.stdout;
    } catch {
      // The simulator failed on other invented bytes (a bug of its own, never the program's): it
      // cannot tell what the program would print then, so everything it printed is in doubt.
      return '';
    }
  };
  const spans = diffStdout(reference.stdout, again(GARBAGE_KINDS));
  if (spans.length === 0 || reference.steps > ATTRIBUTE_MAX_STEPS) return spans;
  const byKind = new Map(GARBAGE_KINDS.map((k) => [k, diffStdout(reference.stdout, again([k]))] as const));
  return attribute(spans, byKind);
}

function runWith(input: RunInput, garbage: Garbage): RunResult {
  const files = input.files ?? { cpp: 'lib.cpp', codon: 'main.codon' };
  const target = input.target ?? 'x86_64';
  const leftover = input.leftover ?? 'runtime-data';
  const maxSteps = input.maxSteps ?? DEFAULT_MAX_STEPS;
  const cppParsed = parseCpp(input.cpp, files.cpp);
  const codonParsed = parseCodon(input.codon, files.codon);
  const diagnostics: Diagnostic[] = [...cppParsed.diagnostics, ...codonParsed.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { trace: null, diagnostics, summary: compileErrorSummary(diagnostics) };
  }
  const record = input.record !== 'summary';
  const m = new Machine({ target, leftover, maxSteps, files, record, garbage });
  const trace = execute(m, cppParsed.unit, codonParsed.module, input, files, diagnostics);
  const summary = summarize(trace, diagnostics, files, m.stepCount);
  return { trace: record ? trace : null, diagnostics, summary };
}

function execute(
  m: Machine,
  unit: TranslationUnit,
  mod: Module,
  input: RunInput,
  files: { cpp: string; codon: string },
  diagnostics: Diagnostic[],
): Trace {
  const leftover = input.leftover ?? 'runtime-data';
  let outcome: Outcome = 'ok';
  try {
    const p = startProcess(m, leftover, libraryName(mod));
    const cpp = new CppInterpreter(p, unit, input.cpp);
    try {
      cpp.load();
      const codon = new CodonInterpreter(p, mod, new ForeignBridge(p, cpp), input.codon);
      cpp.codonEntries = new CodonCallbacks(codon);
      codon.run();
      m.step(StepKind.End, 'runtime', null, 'step.end');
      runtimeDlFini(p);
      runtimeExit(p);
      reportLeaks(p);
    } catch (e) {
      if (e instanceof Unsupported) {
        const side: SourceSide = 'cpp';
        diagnostics.push({
          severity: 'error',
          file: files.cpp,
          line: e.span.start.line,
          column: e.span.start.column,
          endLine: e.span.end.line,
          endColumn: e.span.end.column,
          message: `${e.what} is not modelled by this simulator`,
        });
        m.errorInfo = {
          type: 'SimulatorError',
          message: `${e.what} is not modelled by this simulator`,
          side,
          line: e.span.start.line,
        };
        outcome = 'runtime-error';
      } else if (e instanceof ExitRequest) {
        m.step(StepKind.End, 'runtime', null, 'step.exit', [e.status]);
      } else throw e;
    }
  } catch (thrown) {
    let e = thrown;
    if (e instanceof RangeError && m.crashInfo === null && m.errorInfo === null) {
      // A limit of the host (its call stack, an array or string too long for it), not of the
      // simulated machine: say so where it happened, and never call it a crash the program had.
      try {
        hostLimit(m, e);
      } catch (stop) {
        e = stop;
      }
    }
    if (!(e instanceof RunStop)) throw e;
    outcome = e.outcome;
    if (outcome === 'step-limit') m.narrate('step.limit', [m.options.maxSteps]);
  }
  return m.finish(outcome, leftover);
}

/** Stops the run with a located `runtime-error` for a limit the simulator itself hit. */
function hostLimit(m: Machine, e: RangeError): never {
  const hostStack = /call stack/i.test(e.message);
  const stack = m.stackRegion;
  if (hostStack && m.sp() < stack.start + (stack.end - stack.start) / 2) {
    // Deep recursion: the simulated stack (20 KiB, a documented simplification) is more than half
    // spent, so going on would overflow it too; the host's stack merely ran out a little sooner.
    m.crash('SIGSEGV', m.sp(), 'crash.stack-overflow', [hex(m.sp())]);
  }
  const what = hostStack
    ? 'the simulator ran out of its own call stack here (nesting too deep for it to follow)'
    : `the simulator hit a limit of its own here (${e.message})`;
  m.runtimeError(
    'SimulatorLimit',
    `${what}; this is a limit of the simulator, not something the real program would do`,
    m.currentLoc,
  );
}

function libraryName(mod: Module): string {
  for (const s of mod.body) if (s.kind === 'cimport' && s.libraryPath !== undefined) return s.libraryPath;
  return 'libfoo.so';
}

function compileErrorSummary(diagnostics: Diagnostic[]): RunSummary {
  return {
    outcome: 'compile-error',
    stdout: '',
    crash: null,
    error: null,
    findings: [],
    diagnostics,
    steps: 0,
  };
}

/** The CLI's JSON view of a run. */
export function summarize(
  trace: Trace,
  diagnostics: Diagnostic[],
  files: { cpp: string; codon: string },
  steps = trace.steps.count,
): RunSummary {
  const fileOf = (side: SourceSide) =>
    side === 'cpp' ? files.cpp : side === 'codon' ? files.codon : 'runtime';
  const crash = trace.crash;
  const error = trace.error;
  return {
    outcome: trace.outcome,
    stdout: trace.output.join(''),
    crash:
      crash === null
        ? null
        : {
            signal: crash.signal,
            address: hex(crash.address),
            function: crash.functionName,
            file: fileOf(crash.side),
            line: crash.line,
          },
    error:
      error === null
        ? null
        : { type: error.type, message: error.message, file: fileOf(error.side), line: error.line },
    findings: trace.findings.map((f) => ({
      kind: f.kind,
      file: fileOf(f.side),
      line: f.line,
      step: f.step,
      count: f.count,
      related: f.related.map((r) => ({ file: fileOf(r.side), line: r.line, role: r.role })),
      objects: f.objects.map((id) => {
        const o = objectRecord(trace.objects, id);
        return o === undefined ? `#${id}` : formatName(o.name, 'en');
      }),
      message: formatMessage(f.message, 'en'),
    })),
    diagnostics,
    steps,
  };
}

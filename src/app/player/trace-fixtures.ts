// Small real traces for the player's unit tests, made by driving the simulator's Machine directly (the
// same recorder a full run uses), so stepping and keep-my-place logic are tested on genuine traces.
import { Machine } from '../../sim/machine/machine';
import { StepKind, type SourceLoc, type SourceSide, type Trace } from '../../sim/trace/types';
import { ident } from '../../sim/trace/names.ts';

const at = (side: SourceSide, line: number): SourceLoc => ({
  side,
  line,
  column: 1,
  endLine: line,
  endColumn: 2,
});

export interface LoopTraceOptions {
  /** How many times the Codon loop calls `foo` (default 3). */
  iterations?: number;
  /** The C++ line numbers of foo's statements (default 6, 7, 8). */
  cppLines?: number[];
  /** The Codon lines: the loop's call and print (default 5 and 6). */
  codonCallLine?: number;
  codonPrintLine?: number;
  /** Stop with a crash on this iteration's first C++ statement (1-based). */
  crashOnIteration?: number;
}

/**
 * A Codon `run()` that loops, calls the C++ `foo()` across the boundary (which stores into a local), and
 * prints. Steps: start, Codon call, boundary call, foo's statements, return, boundary return, print... end.
 */
export function loopTrace(options: LoopTraceOptions = {}): Trace {
  const iterations = options.iterations ?? 3;
  const cppLines = options.cppLines ?? [6, 7, 8];
  const callLine = options.codonCallLine ?? 5;
  const printLine = options.codonPrintLine ?? 6;
  const m = new Machine({ target: 'x86_64', leftover: 'zero', maxSteps: 10_000 });
  m.step(StepKind.Start, 'runtime', null, 'step.start', ['libfoo.so']);
  m.step(StepKind.Call, 'codon', at('codon', 8), 'test.call-run');
  const run = m.enterFrame('run', 'codon');
  try {
    for (let i = 1; i <= iterations; i++) {
      m.step(StepKind.Statement, 'codon', at('codon', callLine), 'test.call');
      const call = m.addBoundaryCall(
        {
          symbol: 'foo',
          callerLoc: at('codon', callLine),
          calleeLoc: at('cpp', cppLines[0] ?? 1),
          callerSignature: 'foo() -> Ptr[float]',
          calleeSignature: 'std::array<double, 4> foo()',
          callerArgs: [],
          callerResult: null,
          calleeArgs: [],
          calleeResult: null,
          hiddenReg: null,
          mismatch: true,
          linkage: 'dlsym',
        },
        m.stepCount - 1,
      );
      m.step(StepKind.BoundaryCall, 'cpp', at('cpp', cppLines[0] ?? 1), 'test.enter');
      const foo = m.enterFrame('foo', 'cpp', call);
      const addr = m.pushStack(8, 8);
      const local = m.newObject({
        name: ident('x'),
        typeName: 'double',
        role: 'local',
        side: 'cpp',
        addr,
        size: 8,
        frameId: foo,
      });
      for (const [k, line] of cppLines.entries()) {
        m.step(StepKind.Statement, 'cpp', at('cpp', line), 'test.store', [k]);
        if (i === options.crashOnIteration) m.crash('SIGSEGV', 0, 'crash.segv', ['0x0', 'write']);
        m.storeF64(addr, 1.5 + k, { intended: local, loc: at('cpp', line) });
        m.setRegF64('xmm0', 1.5 + k);
      }
      m.step(StepKind.Return, 'cpp', at('cpp', (cppLines.at(-1) ?? 1) + 1), 'test.return');
      m.exitFrame(foo);
      m.step(StepKind.BoundaryReturn, 'codon', at('codon', callLine), 'test.back');
      m.endBoundaryCall(call);
      m.step(StepKind.Statement, 'codon', at('codon', printLine), 'test.print');
      m.print(`${i}\n`);
    }
    m.step(StepKind.Return, 'codon', at('codon', printLine + 1), 'test.return');
    m.exitFrame(run);
    m.step(StepKind.End, 'runtime', null, 'step.end');
    return m.finish('ok', 'zero');
  } catch {
    return m.finish('crash', 'zero');
  }
}

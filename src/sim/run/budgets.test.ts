/**
 * The simulator's budgets: every loop form spends steps, macro expansion and simulated memory have
 * a size, and a limit of the host is reported as such, never as something the program did.
 */
import { describe, expect, it } from 'vitest';
import { MAX_EXPANDED_TOKENS } from '../cpp/lexer.ts';
import { runProgram } from './index.ts';

const LIB = 'LIBPATH = "./libfoo.so"\n';
const CALL_F = `${LIB}from C import LIBPATH.f() -> int\nprint(f())\n`;
const F_OK = 'extern "C" long f() { return 1; }\n';

function run(cpp: string, codon: string, maxSteps = 2_000) {
  return runProgram({ cpp, codon, maxSteps });
}

/** The run stops at the step budget, and its last step points at `line`. */
function expectStopsAtBudget(cpp: string, codon: string, line: number) {
  const r = run(cpp, codon);
  expect(r.summary.outcome).toBe('step-limit');
  expect(r.summary.steps).toBe(2_000);
  const steps = r.trace?.steps;
  expect(steps).toBeDefined();
  const last = (steps?.count ?? 0) - 1;
  expect(steps?.line[last]).toBe(line);
  expect(r.summary.diagnostics).toEqual([]);
  return r;
}

/** The run ends with `signal`, and the trace's crash message is `id`. */
function expectCrash(cpp: string, codon: string, signal: string, id: string) {
  const r = run(cpp, codon, 1_000_000);
  expect(r.summary.outcome).toBe('crash');
  expect(r.summary.crash?.signal).toBe(signal);
  expect(r.trace?.crash?.message.id).toBe(id);
  return r.summary;
}

describe('every loop form spends the step budget', () => {
  it.each([
    ['for (;;) {}', 'for(;;){}'],
    ['for (;;);', 'for(;;);'],
    ['for (;;) continue;', 'for(;;) continue;'],
    ['while (1);', 'while(1);'],
    ['do {} while (1);', 'do {} while(1);'],
    ['a for with only a test', 'for(;1;);'],
    ['a for with only an increment', 'for(int i = 0;;i++);'],
  ])('C++ %s', (_, loop) => {
    expectStopsAtBudget(`extern "C" long f() {\n  ${loop}\n  return 1;\n}\n`, CALL_F, 2);
  });

  it('a Codon comprehension that never appends', () => {
    const codon = `${LIB}from C import LIBPATH.f() -> int\nx = [0 for i in range(10**9) if False]\n`;
    const r = run(F_OK, codon);
    expect(r.summary.outcome).toBe('step-limit');
  });

  it('a Codon while loop with only pass', () => {
    expectStopsAtBudget(F_OK, `${LIB}from C import LIBPATH.f() -> int\nwhile True:\n    pass\n`, 3);
  });
});

describe('macro expansion has a size budget', () => {
  const doubling = (levels: number, use: string) =>
    ['#define A0 x x', ...Array.from({ length: levels }, (_, i) => `#define A${i + 1} A${i} A${i}`)].join(
      '\n',
    ) + `\n${use}\n${F_OK}`;

  it('stops a macro that doubles on each of 30 levels, at its use', () => {
    const r = run(doubling(29, 'int A29;'), CALL_F);
    expect(r.summary.outcome).toBe('compile-error');
    const budget = r.summary.diagnostics.filter((d) => d.message.includes('macro expansion produces'));
    expect(budget).toHaveLength(1);
    expect(budget[0]?.line).toBe(31);
    expect(budget[0]?.message).toContain(MAX_EXPANDED_TOKENS.toLocaleString('en'));
  });

  it('reports a 40-level chain once, at its use', () => {
    const r = run(doubling(39, 'int A39;'), CALL_F);
    expect(r.summary.outcome).toBe('compile-error');
    const deep = r.summary.diagnostics.filter((d) => d.message.includes('levels deep'));
    expect(deep).toHaveLength(1);
    expect(deep[0]?.line).toBe(41);
  });

  it('stops an #if condition whose macros double', () => {
    const defs = ['#define B0 1+1', ...Array.from({ length: 39 }, (_, i) => `#define B${i + 1} B${i}+B${i}`)];
    const r = run(`${defs.join('\n')}\n#if B39\n#endif\n${F_OK}`, CALL_F);
    expect(r.summary.outcome).toBe('compile-error');
    expect(
      r.summary.diagnostics.some((d) => d.line === 41 && d.message.includes('expand to more than')),
    ).toBe(true);
  });
});

describe('simulated memory has a budget, and running out is what the real program would do', () => {
  it('C++ new on a full heap: uncaught std::bad_alloc aborts', () => {
    const cpp =
      'extern "C" long f() {\n  long s = 0;\n  for (int i = 0; i < 100; i++) { double* p = new double[100000]; s += (long)p; }\n  return s;\n}\n';
    const s = expectCrash(cpp, CALL_F, 'SIGABRT', 'crash.bad-alloc');
    expect(s.crash?.line).toBe(3);
  });

  it('malloc on a full heap returns NULL, which the program can check', () => {
    const cpp =
      '#include <cstdlib>\nextern "C" long f() {\n  long n = 0;\n  for (int i = 0; i < 100; i++) { if (!malloc(1000000)) return n; n++; }\n  return n;\n}\n';
    const r = run(cpp, CALL_F, 1_000_000);
    expect(r.summary.outcome).toBe('ok');
    expect(r.summary.stdout).toBe('4\n');
  });

  it('a malloc NULL used without a check faults at the null pointer, and says why', () => {
    const cpp =
      '#include <cstdlib>\nextern "C" long f() {\n  for (int i = 0; i < 100; i++) { double* p = (double*)malloc(1000000); p[0] = 1.5; }\n  return 0;\n}\n';
    const s = expectCrash(cpp, CALL_F, 'SIGSEGV', 'crash.segv-null-c-heap');
    expect(s.crash?.address).toBe('0x0');
  });

  it('Codon: the GC returns NULL and the first store through it faults (seq_alloc does not check)', () => {
    const s = expectCrash(
      F_OK,
      `${LIB}from C import LIBPATH.f() -> int\nx = [0] * 10**9\n`,
      'SIGSEGV',
      'crash.segv-null-gc-heap',
    );
    expect(s.crash?.address).toBe('0x0');
    expect(s.crash?.line).toBe(3);
  });

  it('Codon: a comprehension over range(2*10**8) faults the same way, without the host building it', () => {
    expectCrash(
      F_OK,
      `${LIB}from C import LIBPATH.f() -> int\nx = [i for i in range(2*10**8)]\n`,
      'SIGSEGV',
      'crash.segv-null-gc-heap',
    );
  });

  it('Codon: a list that outgrows the GC heap faults on the append that needs a new buffer', () => {
    const codon = `${LIB}from C import LIBPATH.f() -> int\nl = [0]\nfor i in range(10000000):\n    l.append(i)\n`;
    const s = expectCrash(F_OK, codon, 'SIGSEGV', 'crash.segv-null-gc-heap');
    expect(s.crash?.line).toBe(5);
  });
});

describe('limits of the simulator are said to be its own', () => {
  it('too many module-level variables: a located refusal, not a SIGSEGV', () => {
    const globals = Array.from({ length: 10_000 }, (_, i) => `g${i} = ${i}\n`).join('');
    const r = run(F_OK, `${LIB}from C import LIBPATH.f() -> int\n${globals}print(f())\n`, 1_000_000);
    expect(r.summary.outcome).toBe('runtime-error');
    expect(r.summary.error?.type).toBe('SimulatorLimit');
    expect(r.summary.error?.message).toContain('not modelled by this simulator');
    expect(r.summary.error?.file).toBe('main.codon');
    expect(r.summary.error?.line).toBeGreaterThan(2);
  });

  it('too many C++ statics: a located refusal in the library, not a SIGSEGV', () => {
    const globals = Array.from({ length: 10_000 }, (_, i) => `long g${i} = ${i};`).join('\n');
    const r = run(`extern "C" {\n${globals}\nlong f() { return g9999; }\n}\n`, CALL_F, 1_000_000);
    expect(r.summary.outcome).toBe('runtime-error');
    expect(r.summary.error?.type).toBe('SimulatorLimit');
    expect(r.summary.error?.file).toBe('lib.cpp');
    expect(r.summary.error?.line).toBeGreaterThan(1);
  });

  it('a host string too long for it: a runtime-error that says so, never a crash', () => {
    const cpp = '#include <cstdio>\nextern "C" long f() {\n  printf("%1000000000d", 1);\n  return 1;\n}\n';
    const r = run(cpp, CALL_F, 1_000_000);
    expect(r.summary.outcome).toBe('runtime-error');
    expect(r.summary.error?.type).toBe('SimulatorLimit');
    expect(r.summary.error?.message).toContain('limit of the simulator');
    expect(r.summary.error?.line).toBe(3);
  });
});

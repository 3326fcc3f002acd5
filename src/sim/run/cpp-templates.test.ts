/**
 * Function templates and class templates in programs Codon calls (issue 13). Each expected output is
 * what g++ 12 -O0 printed for the same library with a `main` that calls `go()` and prints its
 * result, on x86-64 and with aarch64-linux-gnu-g++ under qemu-aarch64 (identical); both libraries
 * were also built and called from Codon by the oracle (`npm run real -- --cpp lib.cpp --codon
 * main.codon --target x86_64`), which printed the same.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { frameList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { runProgram } from './index.ts';
import { FUNCTIONS_AND_CLASSES, OVER_STD_ARRAY, STACK } from './template-programs.ts';

const TARGETS: Target[] = ['x86_64', 'aarch64'];
const callGo = (ret: 'int' | 'float') =>
  `LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> ${ret}\nprint(go())\n`;

/** The library compiles, runs to the end on both targets and prints `stdout` (go()'s result last). */
function expectPrints(cpp: string, ret: 'int' | 'float', stdout: string) {
  for (const target of TARGETS) {
    const s = runProgram({ cpp, codon: callGo(ret), target }).summary;
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
  }
}

describe('templates', () => {
  it('deduces function template arguments, takes explicit ones, and runs class template members', () => {
    expectPrints(FUNCTIONS_AND_CLASSES, 'float', '3 3 6 1.5 6\n1.5 4 1.5 1.5 1.5 1.5 3\n34\n');
  });

  it('runs a class template with constructors, a copy constructor, a destructor and new[]/delete[]', () => {
    expectPrints(STACK, 'int', 'Stack<3>()\ncopy\n13 15 30\n~Stack 3\n~Stack 2\n45\n');
  });

  it('deduces the element type and size of a std::array, by reference and by value', () => {
    expectPrints(OVER_STD_ARRAY, 'float', '10 11 1 8\n20\n');
  });

  it('shows each instance by the name g++ gives it on the call stack', () => {
    const run = runProgram({ cpp: STACK, codon: callGo('int'), target: 'x86_64' });
    const names = new Set(frameList((run.trace as Trace).frames).map((f) => f.functionName));
    expect([...names]).toEqual(expect.arrayContaining(['Stack<long, 3>::push', 'biggest<long>']));
  });
});

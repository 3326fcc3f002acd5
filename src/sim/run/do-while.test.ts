/**
 * `do ... while (c);` narrates its test after each round as `while` does ("Loop test i < 3: true."),
 * in both languages, and runs the body once before the first test (g++ 12 -O0 prints 3 for this).
 */
import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace/types.ts';
import { narrationAt } from '../view/narration.ts';
import { runProgram } from './index.ts';

const CPP = `extern "C" long go() {
    int i = 0;
    do {
        i++;
    } while (i < 3);
    return i;
}
`;
const CODON = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> int\nprint(go())\n';

describe('do ... while', () => {
  it.each(['x86_64', 'aarch64'] as const)('narrates each test with its value (%s)', (target) => {
    const run = runProgram({ cpp: CPP, codon: CODON, target });
    expect(run.summary.stdout).toBe('3\n');
    const trace = run.trace as Trace;
    const en: string[] = [];
    const zh: string[] = [];
    for (let s = 0; s < run.summary.steps; s++) {
      en.push(narrationAt(trace, s, 'en'));
      zh.push(narrationAt(trace, s, 'zh'));
    }
    const tests = en.filter((t) => t.includes('Loop test i < 3'));
    expect(tests.map((t) => (t.includes(': true') ? 'true' : 'false'))).toEqual(['true', 'true', 'false']);
    expect(zh.filter((t) => t.includes('循环条件 i < 3'))).toHaveLength(3);
  });
});

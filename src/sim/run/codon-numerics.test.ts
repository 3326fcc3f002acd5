/**
 * Codon 0.19's default numerics are C's (`-numerics=c`): int.codon's `__floordiv__`/`__mod__` are
 * `sdiv`/`srem`, float.codon's `/` is `fdiv` and `%` is `frem`, and nothing checks for zero (only
 * pynumerics.codon, loaded with `-numerics=py`, follows Python). The expected outputs are what the
 * oracle (`npm run real`) printed for the same programs on each target.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const LIB = `extern "C" double twice(double x) { return 2 * x; }
`;

function run(codon: string, target: Target) {
  return runProgram({ cpp: LIB, codon, target, record: 'summary' }).summary;
}

describe('int and float division as Codon 0.19 compiles them by default', () => {
  it('truncate toward zero, take the dividend sign for %, fmod floats, and give inf for x / 0.0', () => {
    const codon = `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
a = int(twice(-3.5))
b = 2
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b, a / b)
x = twice(-3.75)
print(x // 2.0, x % 2.0, -x % 2.0, x % -2.0, x / 0.0, -x / 0.0, 0.0 / 0.0 == 0.0 / 0.0, 1 / 0, x // 0.0)
`;
    for (const target of ['x86_64', 'aarch64'] as const) {
      const s = run(codon, target);
      expect(s.outcome, target).toBe('ok');
      expect(s.stdout, target).toBe('-3 -1 3 1 3 -1 -3.5\n-4 -1.5 1.5 -1.5 -inf inf False inf -inf\n');
    }
  });

  it('an int division by zero: SIGFPE on x86-64, 0 and the dividend on AArch64', () => {
    const codon = `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
a = int(twice(3.5))
b = int(twice(0.0))
print("before")
print(a // b)
print(a % b)
`;
    const x86 = run(codon, 'x86_64');
    expect(x86.outcome).toBe('crash');
    expect(x86.stdout).toBe('before\n');
    const arm = run(codon, 'aarch64');
    expect(arm.outcome).toBe('ok');
    expect(arm.stdout).toBe('before\n0\n7\n');
  });
});

/**
 * AArch64: a class non-trivial for calls comes back by invisible reference through x8, and g++ -O0
 * hands its address back in x0 (`mov x0, x19` / `mov x0, x8` before `ret`); a trivial class returned
 * in memory does not. Found by `npm run test:diff:others` (SEI CERT EXP58-CPP shape: a std::vector
 * returned to a Codon `Ptr[float]`). Oracle (qemu-aarch64, leftover runtime-data): prints `False`,
 * then hangs at exit on the loader's lock the vector was built over (step-limit here).
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from './index.ts';

const VECTOR = `#include <vector>
extern "C" std::vector<double> f() {
    std::vector<double> v;
    v.push_back(1.5);
    v.push_back(2.5);
    return v;
}
`;

function run(cpp: string, codon: string) {
  return runProgram({ cpp, codon, target: 'aarch64', leftover: 'runtime-data', record: 'summary' }).summary;
}

describe('x0 after a class returned by invisible reference (AArch64)', () => {
  it('is the hidden pointer for a std::vector, so Codon reads the loader lock the vector was built over', () => {
    const s = run(
      VECTOR,
      'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.f() -> Ptr[float]\np = f()\nprint(p[0] == 0.0)\n',
    );
    expect(s.stdout).toBe('False\n');
    expect(s.outcome).toBe('step-limit');
  });

  it('is the hidden pointer for a class with a copy constructor, built by a call', () => {
    const cpp = `struct V { long a; V(long x) : a(x) {} V(const V& o) : a(o.a) {} };
extern "C" V k4(long z) { return V(z); }
`;
    const s = run(
      cpp,
      'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.k4(int) -> Ptr[int]\np = k4(7)\nprint(p[0])\n',
    );
    // x0 = x8 = the loader's lock, whose first word the constructor set to 7 (oracle: `7`, then the
    // same hang at exit).
    expect(s.stdout).toBe('7\n');
    expect(s.outcome).toBe('step-limit');
  });
});

/**
 * A C++ parameter narrower than the register takes the register's low bytes (found by the
 * oracle's generated programs, oracle/README.md). `npm run real` on these files prints
 * "4294966312 65534 253": f(uint32_t) called with -230 computes in 32-bit unsigned arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from './index.ts';

const CPP = `#include <cstdint>
extern "C" long f(uint32_t a) { return (long)(a * 3 - 294); }
extern "C" long g(uint16_t a) { return (long)a; }
extern "C" long h(uint8_t a) { return (long)a; }
`;
const CODON = `LIBPATH = "./libfoo.so"
from C import LIBPATH.f(int) -> int
from C import LIBPATH.g(int) -> int
from C import LIBPATH.h(int) -> int
print(f(-230), g(-2), h(-3))
`;

function expectPrints(target: 'x86_64' | 'aarch64', stdout: string) {
  const s = runProgram({ cpp: CPP, codon: CODON, target, leftover: 'runtime-data' }).summary;
  expect(s.outcome).toBe('ok');
  expect(s.stdout).toBe(stdout);
}

describe('unsigned parameters narrower than a register', () => {
  it.each(['x86_64', 'aarch64'] as const)('take the low bytes of a negative Codon int (%s)', (target) => {
    expectPrints(target, '4294966312 65534 253\n');
  });
});

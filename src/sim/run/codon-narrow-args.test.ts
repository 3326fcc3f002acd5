/**
 * A Codon argument of a narrow integer type (i8 … u32) reaches the callee's register zero-extended
 * to 64 bits, whatever its signedness: llc -O3 materialises it with a 32-bit move (`movl $65244,
 * %edi`, `movzwl (%rbx), %edi`; AArch64 `mov w0, #65244`, `ldrh w8, [x19]`), checked with llc-19
 * on IR calling `declare i64 @f16(i16)`. A callee that reads a wider parameter sees those zeros,
 * not what the register held before. Expected values are the oracle's (`npm run real`, both
 * targets), found by the widened int-width generator (oracle/gen.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const CPP = `#include <cstdint>
extern "C" {
unsigned long f(long a) { return (unsigned long)(a * 3 + -168); }
long g(uint32_t a) { return (long)(a * 3 + -34); }
}
`;
const CODON = `LIBPATH = "./libfoo.so"
from C import LIBPATH.f(u16) -> int
from C import LIBPATH.g(i16) -> u32
print(f(u16(-292)))
print(g(i16(136000)))
print(f(u16(-292000)))
`;

describe('narrow Codon integer arguments', () => {
  it.each<Target>(['x86_64', 'aarch64'])('are zero-extended into the whole register on %s', (target) => {
    const s = runProgram({ cpp: CPP, codon: CODON, target }).summary;
    expect(s.outcome).toBe('ok');
    // u16(-292) is 65244: 65244 * 3 - 168; i16(136000) is 4928: 4928 * 3 - 34; u16(-292000) is 35680.
    expect(s.stdout).toBe('195564\n14750\n106872\n');
  });
});

describe('Codon arguments past the registers', () => {
  const cpp = `#include <cstdint>
extern "C" int64_t w(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g, int64_t h, int64_t i, int64_t j) {
    return a + 2*b + 3*c + 4*d + 5*e + 6*f + 7*g + 8*h + 9*i + 10*j;
}
extern "C" double v(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j) {
    return a + 2*b + 3*c + 4*d + 5*e + 6*f + 7*g + 8*h + 9*i + 10*j;
}
`;
  const codon = `LIBPATH = "./libfoo.so"
from C import LIBPATH.w(int, int, int, int, int, int, int, int, int, int) -> int
from C import LIBPATH.v(float, float, float, float, float, float, float, float, float, float) -> float
print(w(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), v(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0))
`;
  it.each<Target>(['x86_64', 'aarch64'])('go on the stack where the callee reads them (%s)', (target) => {
    // The oracle printed 385 385 on both targets; before, the stack arguments were never placed.
    const s = runProgram({ cpp, codon, target }).summary;
    expect(s.outcome).toBe('ok');
    expect(s.stdout).toBe('385 385\n');
  });
});

describe('a 64-bit Codon integer type', () => {
  it.each<Target>(['x86_64', 'aarch64'])('passes its whole value, negative included (%s)', (target) => {
    // i64 is Codon's int: the register holds the two's-complement value (the oracle printed -179).
    const s = runProgram({
      cpp: 'extern "C" long g(long a) { return a; }\n',
      codon: 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.g(i64) -> i64\nprint(g(i64(-179)))\n',
      target,
    }).summary;
    expect(s.stdout).toBe('-179\n');
  });
});

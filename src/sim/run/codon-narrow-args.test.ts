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

/**
 * Simulator rules the oracle's generated programs found wrong (oracle/README.md, `npm run
 * test:diff:gen`, seed 14), each pinned to the real machine's value. Every expected value is what
 * `npm run real -- --cpp lib.cpp --codon main.codon --target T --leftover L` printed for the same
 * two files (g++ 12 -O0, glibc 2.36, qemu-aarch64), and the rule is the one `g++ -O0 -S` /
 * `aarch64-linux-gnu-g++ -O0 -S` shows.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from './index.ts';
import { narrowResultBits } from './cpp-interp/returns.ts';
import type { Target } from '../abi/ctype.ts';

const HEAD = 'LIBPATH = "./libfoo.so"\n';

function run(cpp: string, codon: string, target: Target, leftover: 'runtime-data' | 'zero' = 'runtime-data') {
  const r = runProgram({ cpp, codon, target, leftover, maxSteps: 20_000 });
  return { s: r.summary, trace: r.trace };
}

function expectRun(
  r: ReturnType<typeof run>,
  outcome: string,
  stdout: string,
  signal: string | null = null,
): void {
  expect(r.s.outcome).toBe(outcome);
  expect(r.s.stdout).toBe(stdout);
  expect(r.s.crash?.signal ?? null).toBe(signal);
}

describe("_dl_fini takes the loader's lock at exit", () => {
  // struct {int64_t x3} written through the `runtime-data` leftover over _rtld_global._dl_load_lock:
  // lock word 1, owner 2, kind 3 (adaptive). The real program prints, then hangs at exit (gdb: the
  // oracle's run waits in ___pthread_mutex_lock on _rtld_global+2568, the lock, at exit).
  const cpp = (vals: string[], extra = '') =>
    `#include <cstdint>\nstruct S {\n${vals.map((_, i) => `    int64_t m${i};\n`).join('')}${extra}};\n` +
    `extern "C" S f() {\n    S s;\n${vals.map((v, i) => `    s.m${i} = ${v};\n`).join('')}    return s;\n}\n`;
  const codon = `${HEAD}from C import LIBPATH.f() -> Ptr[int]\n\ndef run():\n    p = f()\n    print(p[0])\n\nrun()\n`;

  it.each(['x86_64', 'aarch64'] as const)(
    'a lock word and owner left by a stray write hang the program after its output (%s)',
    (target) => {
      const r = run(cpp(['1', '2', '3']), codon, target);
      expectRun(r, 'step-limit', '1\n');
    },
  );

  it('a kind beyond the plain mutex types makes the lock fail with EINVAL: the program exits (x86_64)', () => {
    // {2, 3, 4, 5}: kind 4 goes to __pthread_mutex_lock_full, which returns EINVAL for it.
    expectRun(run(cpp(['2', '3', '4', '5']), codon, 'x86_64'), 'ok', '2\n');
  });

  it('doubles with zero low words (lesson 2) leave a free lock: the program exits normally', () => {
    const arr = `#include <array>\nextern "C" std::array<double, 4> f() {\n    std::array<double, 4> r;\n    r[0] = 1.5;\n    r[1] = 2.5;\n    r[2] = 3.5;\n    r[3] = 4.5;\n    return r;\n}\n`;
    const c = `${HEAD}from C import LIBPATH.f() -> Ptr[float]\n\ndef run():\n    p = f()\n    print(p[0])\n\nrun()\n`;
    expectRun(run(arr, c, 'x86_64'), 'ok', '1.5\n');
  });
});

describe('the result register of a narrow integer return, read as a Codon int', () => {
  it('AArch64 extends 8- and 16-bit results to 32 bits by their signedness (sxth), clearing the upper half', () => {
    // int16_t f(uint16_t a) { return (int16_t)(a * 3 + -62); } with f(-6), f(-6000): `npm run real`
    // printed 4294967216 and 4294949234 (aarch64-linux-gnu-g++ -O0 -S ends in `sxth w0, w0`).
    const cpp = `#include <cstdint>\nextern "C" {\nint16_t f(uint16_t a) {\n    return (int16_t)(a * 3 + -62);\n}\n}\n`;
    const codon = `${HEAD}from C import LIBPATH.f(int) -> int\n\nprint(f(-6))\nprint(f(-6000))\n`;
    expectRun(run(cpp, codon, 'aarch64'), 'ok', '4294967216\n4294949234\n');
  });

  it.each(['x86_64', 'aarch64'] as const)('int and signed char results on %s', (target) => {
    // `npm run real` on these files printed 4294967282 and 249 on x86-64 (`movzbl` loads the
    // signed char), 4294967282 and 4294967289 on AArch64 (`sxtb`).
    const cpp = `#include <cstdint>\nextern "C" {\nint f(int a) {\n    return a * 3 + 1;\n}\nsigned char g(signed char a) {\n    return a;\n}\n}\n`;
    const codon = `${HEAD}from C import LIBPATH.f(int) -> int\nfrom C import LIBPATH.g(int) -> int\n\nprint(f(-5))\nprint(g(-7))\n`;
    expectRun(
      run(cpp, codon, target),
      'ok',
      target === 'x86_64' ? '4294967282\n249\n' : '4294967282\n4294967289\n',
    );
  });

  it.each([
    ['aarch64', -80, 2, true, 4294967216],
    ['aarch64', 226, 1, false, 226],
    ['aarch64', -5, 4, true, 4294967291],
    ['x86_64', -5, 4, true, 4294967291],
    ['x86_64', -7, 1, true, 249],
    ['x86_64', -80, 2, true, 65456],
  ] as const)('%s: %d of %d bytes (signed %s) leaves %d', (target, v, size, signed, bits) => {
    expect(narrowResultBits(target, v, size, signed)).toBe(bits);
  });
});

describe('AArch64 -O0 moves a floating-point HFA through x0 and x1', () => {
  it('std::array<double, 3>: x0 keeps the third element’s bits, so Codon reading a pointer faults', () => {
    // aarch64-linux-gnu-g++ -O0 -S: `ldp x0, x1, [x3]; ...; ldr x0, [x3, 16]`. The oracle's run of
    // this program (print-between-calls, seed 14) crashes with SIGSEGV before printing anything.
    const cpp = `#include <array>\nextern "C" {\nstd::array<double, 3> f() {\n    std::array<double, 3> r;\n    r[0] = 0.5;\n    r[1] = 1.5;\n    r[2] = 2.5;\n    return r;\n}\n}\n`;
    const codon = `${HEAD}from C import LIBPATH.f() -> Ptr[float]\n\ndef run():\n    for i in range(2):\n        p = f()\n        print(p[0])\n\nrun()\n`;
    expectRun(run(cpp, codon, 'aarch64'), 'crash', '', 'SIGSEGV');
  });

  it('std::array<float, 4>: x0 holds the fourth float’s bits, x1 the last eight bytes', () => {
    // `ldp x0, x1, [sp, 16]` ... `lsr x0, x1, 32`: read as a Codon int, x0 is the bits of 4.5f.
    const cpp = `#include <array>\nextern "C" std::array<float, 4> f() {\n    std::array<float, 4> r;\n    r[0] = 1.5;\n    r[1] = 2.5;\n    r[2] = 3.5;\n    r[3] = 4.5;\n    return r;\n}\n`;
    const codon = `${HEAD}from C import LIBPATH.f() -> int\n\nprint(f())\n`;
    const bits = new DataView(new Float32Array([4.5]).buffer).getUint32(0, true);
    expectRun(run(cpp, codon, 'aarch64'), 'ok', `${bits}\n`);
  });
});

describe('x86-64: a float result read as a Codon float (a double) keeps the upper half g++ left', () => {
  const cpp = `#include <cstdint>\nextern "C" {\nfloat f(double x) {\n    return x * 2 + 0.25;\n}\n}\n`;
  it('cvtsd2ss of the computed double keeps its upper half: -1.5 gives -2.75 (the oracle’s value)', () => {
    expectRun(
      run(cpp, `${HEAD}from C import LIBPATH.f(float) -> float\n\nprint(f(-1.5))\n`, 'x86_64'),
      'ok',
      '-2.75\n',
    );
  });
  it('float arithmetic GCC narrows (float x * 2 + 0.25) leaves zeros above: 1.59512e-314 (the oracle’s value)', () => {
    const floats = `#include <cstdint>\nextern "C" {\nfloat f(float x) {\n    return x * 2 + 0.25;\n}\n}\n`;
    const codon = `${HEAD}from C import LIBPATH.f(float32) -> float\n\nprint(f(float32(-2.0)))\n`;
    expectRun(run(floats, codon, 'x86_64'), 'ok', '1.59512e-314\n');
  });
  it('AArch64: a scalar write to s0 clears the rest of v0, so a float read as a double is a denormal', () => {
    // `fcvt s0, d0` (the oracle printed 1.59512e-314 for -2.0).
    expectRun(
      run(cpp, `${HEAD}from C import LIBPATH.f(float) -> float\n\nprint(f(-2.0))\n`, 'aarch64'),
      'ok',
      '1.59512e-314\n',
    );
  });
  it('a float32 argument read as a double is a denormal; the result still reads 0.25 (the oracle’s value)', () => {
    const codon = `${HEAD}from C import LIBPATH.f(float32) -> float\n\nprint(f(float32(18.5)))\n`;
    expectRun(run(cpp, codon, 'x86_64'), 'ok', '0.25\n');
  });
});

describe('a @tuple argument of more than two words is passed field by field', () => {
  // AAPCS64 passes a struct over 16 bytes by reference (its address in x0); Codon's plain LLVM
  // call puts the tuple's fields in x0, x1, d0, d1. The callee dereferences the first int field:
  // the oracle's runs crash with SIGSEGV (the simulator used to stop with a SimulatorLimit).
  it.each([
    [
      'int64_t m0; int64_t m1; double m2; double m3;',
      'f0: int\n    f1: int\n    f2: float\n    f3: float',
      'P(1, 2, 2.5, 3.5)',
      '0x1',
    ],
    ['double m0; double m1; int64_t m2;', 'f0: float\n    f1: float\n    f2: int', 'P(0.5, 1.5, 3)', '0x3'],
  ])('AArch64 {%s} faults at the first int field (%s)', (members, fields, call, address) => {
    const cpp = `#include <cstdint>\nstruct S { ${members} };\nextern "C" double f(S s) {\n    return s.m0 + s.m1;\n}\n`;
    const codon = `${HEAD}\n@tuple\nclass P:\n    ${fields}\n\nfrom C import LIBPATH.f(P) -> float\n\nprint(f(${call}))\n`;
    const r = run(cpp, codon, 'aarch64');
    expectRun(r, 'crash', '', 'SIGSEGV');
    expect(r.s.crash?.address).toBe(address);
  });
});

describe('a @tuple return LLVM demotes to memory (x86-64: a fourth int or a fifth float field)', () => {
  // LLVM passes the caller's own buffer as a hidden first argument in %rdi: the callee's sret
  // stores land there and no leftover is involved. The oracle (its trampoline leaving %rdi alone)
  // printed the eight values for this program with every leftover, `zero` included.
  const fill = Array.from({ length: 8 }, (_, i) => `    r[${i}] = ${i + 1}.5;\n`).join('');
  const cpp = `#include <array>\nextern "C" std::array<double, 8> f() {\n    std::array<double, 8> r;\n${fill}    return r;\n}\n`;
  const fields = Array.from({ length: 8 }, (_, i) => `    f${i}: float\n`).join('');
  const codon = `${HEAD}\n@tuple\nclass R:\n${fields}\nfrom C import LIBPATH.f() -> R\n\nr = f()\nprint(${Array.from({ length: 8 }, (_, i) => `r.f${i}`).join(', ')})\n`;
  it('reads the eight doubles from its own buffer, with no finding', () => {
    const r = run(cpp, codon, 'x86_64', 'zero');
    expectRun(r, 'ok', '1.5 2.5 3.5 4.5 5.5 6.5 7.5 8.5\n');
    expect(r.s.findings.map((f) => f.kind)).toEqual([]);
  });
});

describe('x86-64: a 12-byte class returned in registers', () => {
  it('passes its last four bytes through %ecx to %rdx, so %rcx keeps them', () => {
    // g++ -O0 -S of std::array<int, 3>: `movl -4(%rbp), %ecx; movq %rcx, %rdx`. The oracle printed
    // "8589934593 3 3" for this program (seed 14, array-return).
    const cpp = `#include <array>\nextern "C" std::array<int, 3> f() {\n    std::array<int, 3> r;\n    r[0] = 1.5;\n    r[1] = 2.5;\n    r[2] = 3.5;\n    return r;\n}\n`;
    const codon = `${HEAD}\n@tuple\nclass R:\n    f0: int\n    f1: int\n    f2: int\n\nfrom C import LIBPATH.f() -> R\n\nr = f()\nprint(r.f0, r.f1, r.f2)\n`;
    expectRun(run(cpp, codon, 'x86_64'), 'ok', '8589934593 3 3\n');
  });
});

describe('stores past a local array land where g++ -O0 put its neighbours', () => {
  // g++ -O0 puts the loop counter i at -4(%rbp) (AArch64: CFA-4) above `a` at -64(%rbp) (CFA-56):
  // a[7] (AArch64: a[6]) covers i with the upper half of the double, i jumps past 8 and the loop
  // stops. npm run real on the same files: outcome ok, `0.5` then `after`, on both targets.
  const cpp = `#include <cstdint>\nextern "C" {\ndouble f() {\n    double a[6];\n    for (int i = 0; i < 8; i++) {\n        a[i] = i + 0.5;\n    }\n    return a[0];\n}\n}\n`;
  const codon = `${HEAD}from C import LIBPATH.f() -> float\n\nprint(f())\nprint("after")\n`;
  it.each(['x86_64', 'aarch64'] as const)(
    'the loop counter is overwritten and the run ends normally (%s)',
    (target) => {
      const r = run(cpp, codon, target);
      expectRun(r, 'ok', '0.5\nafter\n');
      expect(r.s.findings.map((f) => f.kind)).toContain('stray-write');
    },
  );
});

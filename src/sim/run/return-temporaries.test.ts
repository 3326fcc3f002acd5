/**
 * The frame temporaries g++ -O0 makes for a class it returns in registers (cpp-interp/frame-plan.ts,
 * `ResultTemps`), and what a Codon caller that misreads the result sees because of them. Offsets
 * are from `aarch64-linux-gnu-g++ -O0 -S` and `g++ -O0 -S` (g++ 12.2) of the same functions
 * (AArch64: from the CFA; x86-64: from %rbp); printed values are `npm run real` on the same two
 * files (leftover runtime-data). These were the `aarch64-frame-order` simplification before the
 * plan reserved the temporaries.
 */
import { describe, expect, it } from 'vitest';
import { formatName } from '../messages/format.ts';
import { matchesMarked } from '../trace/indeterminate.ts';
import { frameList, objectList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { runProgram } from './index.ts';

type Target = 'x86_64' | 'aarch64';
const HEAD = 'LIBPATH = "./libfoo.so"\n';
const COPY = 'copy of the return value';

/** Codon reads x0 and x1 (%rax and %rdx) as a tuple of two ints. */
function twoInts(params: string, args: string, print: string): string {
  return `${HEAD}\n@tuple\nclass R:\n    f0: int\n    f1: int\n\nfrom C import LIBPATH.f(${params}) -> R\n\nr = f(${args})\nprint(${print})\n`;
}
/** Codon reads x0 (%rax) as a pointer to doubles. */
function pointer(params: string, args: string, n: number): string {
  const reads = Array.from({ length: n }, (_, i) => `p[${i}]`).join(', ');
  return `${HEAD}from C import LIBPATH.f(${params}) -> Ptr[float]\n\ndef run():\n    p = f(${args})\n    print(${reads})\n\nrun()\n`;
}

function run(cpp: string, codon: string, target: Target) {
  const r = runProgram({ cpp, codon, target, leftover: 'runtime-data', indeterminate: true });
  if (r.trace === null) throw new Error(JSON.stringify(r.summary.diagnostics));
  return { ...r.summary, trace: r.trace };
}

/** f's objects, name and offset (from the CFA on AArch64, from %rbp on x86-64), highest first. */
function placed(trace: Trace, target: Target): [string, number][] {
  const frame = frameList(trace.frames).find((f) => f.functionName === 'f');
  if (frame === undefined) throw new Error('no frame of f');
  const base = target === 'x86_64' ? frame.entrySp - 8 : frame.entrySp;
  return objectList(trace.objects)
    .filter((o) => o.frameId === frame.id)
    .map((o): [string, number] => [formatName(o.name), o.addr - base])
    .sort((a, b) => b[1] - a[1]);
}

function expectLayout(cpp: string, codon: string, target: Target, want: [string, number][]) {
  const { trace, outcome } = run(cpp, codon, target);
  expect(outcome).toBe('ok');
  const got = placed(trace, target).filter(([name]) => want.some(([w]) => w === name));
  expect(got).toEqual(want);
}

/** The simulator prints what the oracle printed (a span it marks indeterminate matches any value). */
function expectPrints(cpp: string, codon: string, target: Target, oracle: string) {
  const s = run(cpp, codon, target);
  expect(s.outcome).toBe('ok');
  expect(matchesMarked(s.stdout, s.stdoutIndeterminate, oracle), `${s.stdout} vs ${oracle}`).toBe(true);
}

const THREE_FLOATS = `struct S {\n    float a;\n    float b;\n    float c;\n};\nextern "C" {\nS f() {\n    S s;\n    s.a = 1.5;\n    s.b = 2.5;\n    s.c = 3.5;\n    return s;\n}\n}\n`;
const ARRAY4 = `#include <array>\nextern "C" std::array<double, 4> f() {\n    std::array<double, 4> r;\n    r[0] = 1.5;\n    r[1] = 2.5;\n    r[2] = 3.5;\n    r[3] = 4.5;\n    return r;\n}\n`;
const ARRAY4_N = `#include <array>\nextern "C" std::array<double, 4> f(long n) {\n    std::array<double, 4> r;\n    r[0] = 1.5;\n    r[1] = 2.5;\n    r[2] = 3.5;\n    r[3] = n;\n    return r;\n}\n`;
const FOUR_DOUBLES = `struct D4 {\n    double a;\n    double b;\n    double c;\n    double d;\n};\nstatic double half(double x) {\n    return x / 2;\n}\nextern "C" D4 f(double x) {\n    D4 s;\n    s.a = x;\n    s.b = half(x);\n    s.c = 3.5;\n    s.d = 4.5;\n    return s;\n}\n`;
const THREE_FLOATS_P = `struct F3 {\n    float a;\n    float b;\n    float c;\n};\nextern "C" F3 f(float x, int n) {\n    F3 s;\n    s.a = x;\n    s.b = n;\n    s.c = 3.5;\n    return s;\n}\n`;
const THREE_INTS = `struct I3 {\n    int a;\n    int b;\n    int c;\n};\nstatic int twice(int k) {\n    return k * 2;\n}\nextern "C" I3 f(int k) {\n    I3 s;\n    s.a = k;\n    s.b = twice(k);\n    s.c = 7;\n    return s;\n}\n`;

describe('AArch64: the copies of a returned floating-point HFA', () => {
  it('three floats: the copy on top (CFA-16), s below it; x0 is the copy, so p[2] is the caller’s frame', () => {
    // `sub sp, sp, 48`: copy at sp+32, s at sp+16, 16 unused bytes below.
    expectLayout(THREE_FLOATS, pointer('', '', 3), 'aarch64', [
      [COPY, -16],
      ['s', -32],
    ]);
    // p[1]'s upper half is the copy's padding, p[2] the Codon caller's frame.
    expectPrints(THREE_FLOATS, pointer('', '', 3), 'aarch64', '8 5.33607e-315 0\n');
  });

  it('three floats with parameters: copy -16, s -32, x -36, n -40; x1 keeps the third float’s bits', () => {
    expectLayout(THREE_FLOATS_P, pointer('float, int', '1.5, 2', 2), 'aarch64', [
      [COPY, -16],
      ['s', -32],
      ['x', -36],
      ['n', -40],
    ]);
    expectPrints(THREE_FLOATS_P, pointer('float, int', '1.5, 2', 2), 'aarch64', '2 5.33607e-315\n');
    // 3.5f is 0x40600000 (`ldr w1, [x1, 8]`).
    expectPrints(THREE_FLOATS_P, twoInts('float, int', '1.5, 2', 'r.f1'), 'aarch64', '1080033280\n');
  });

  it('std::array<double, 4>: r at CFA-32, two 32-byte copies at CFA-64 and CFA-96, x0 at the upper one', () => {
    // `stp x29, x30, [sp, -112]!`: r at sp+80, copies at sp+48 and sp+16, record at sp.
    expectLayout(ARRAY4, twoInts('', '', 'r.f0 - r.f1'), 'aarch64', [
      ['r', -32],
      [COPY, -64],
      [COPY, -96],
      ['frame record (x29, x30) of main', -112],
    ]);
    // x0 the upper copy, x1 r (the last operator[] call's array).
    expectPrints(ARRAY4, twoInts('', '', 'r.f0 - r.f1'), 'aarch64', '-32\n');
  });

  it('std::array<double, 4> with a parameter: the copies go below it, and x0 reads the copy, then n', () => {
    expectLayout(ARRAY4_N, twoInts('int', '6', 'r.f0 - r.f1'), 'aarch64', [
      ['r', -32],
      ['n', -40],
      [COPY, -80],
      [COPY, -112],
    ]);
    expectPrints(ARRAY4_N, twoInts('int', '6', 'r.f0 - r.f1'), 'aarch64', '-48\n');
    expectPrints(
      ARRAY4_N,
      pointer('int', '6', 8),
      'aarch64',
      '1.5 2.5 3.5 6 7.29171e-304 2.96439e-323 1.5 2.5\n',
    );
  });

  it('a struct of four doubles has no array mode: one copy on top, x0 the copy, x1 s', () => {
    // `stp x29, x30, [sp, -128]!`: copy sp+96, s sp+64, x sp+56, 32 unused bytes, record at sp.
    expectLayout(FOUR_DOUBLES, twoInts('float', '5.0', 'r.f0 - r.f1'), 'aarch64', [
      [COPY, -32],
      ['s', -64],
      ['x', -72],
      ['frame record (x29, x30) of main', -128],
    ]);
    expectPrints(FOUR_DOUBLES, twoInts('float', '5.0', 'r.f0 - r.f1'), 'aarch64', '32\n');
    expectPrints(FOUR_DOUBLES, pointer('float', '5.0', 4), 'aarch64', '5 2.5 3.5 4.5\n');
  });
});

describe('the return temporary of a class of 9 to 15 bytes, on both targets', () => {
  it('three ints: copy on top, s below; AArch64 saves x20 and x21 above the record in a function that calls', () => {
    // AArch64: `stp x29, x30, [sp, -80]!; stp x20, x21, [sp, 16]`, copy sp+64, s sp+48, k sp+44.
    expectLayout(THREE_INTS, twoInts('int', '5', 'r.f0, r.f1'), 'aarch64', [
      [COPY, -16],
      ['s', -32],
      ['k', -36],
      ['frame record (x29, x30) of main', -80],
    ]);
    // x86-64: `subq $48, %rsp`, copy -12(%rbp), s -24(%rbp), k -36(%rbp); no %rbx.
    expectLayout(THREE_INTS, twoInts('int', '5', 'r.f0, r.f1'), 'x86_64', [
      ['saved rbp of main', 0],
      [COPY, -12],
      ['s', -24],
      ['k', -36],
    ]);
    for (const target of ['aarch64', 'x86_64'] as const)
      expectPrints(THREE_INTS, twoInts('int', '5', 'r.f0, r.f1'), target, '42949672965 7\n');
  });

  it('x86-64, three floats: copy -12(%rbp), s -24(%rbp), and no %rbx pushed', () => {
    const { trace } = run(THREE_FLOATS, pointer('', '', 1), 'x86_64');
    const names = placed(trace, 'x86_64').map(([n]) => n);
    expect(names).not.toContain('saved rbx of main');
    expectLayout(THREE_FLOATS, twoInts('', '', 'r.f1'), 'x86_64', [
      [COPY, -12],
      ['s', -24],
    ]);
  });
});

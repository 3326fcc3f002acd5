/**
 * Frames as g++ 12 -O0 lays them out (issue 14, section 3). `g++ -O0 -S` of foo below:
 * `pushq %rbp; movq %rsp,%rbp; pushq %rbx; subq $24,%rsp`, bar at -32(%rbp), the saved rbx at
 * -8(%rbp). So bar[2] lands on padding and bar[3] on the saved rbx, which the epilogue restores
 * into the caller's rbx; the call returns normally.
 */
import { describe, expect, it } from 'vitest';
import { formatName } from '../messages/format.ts';
import { stateAt } from '../trace/reader.ts';
import { frameList, objectList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { runProgram } from './index.ts';
import { savesRbx } from './cpp-interp/calls.ts';
import type { ReturnClassification } from '../abi/ctype.ts';

const ARRAY2 = `#include <array>
extern "C" std::array<double, 2> foo() {
  std::array<double, 2> bar;
  bar[0] = 1.5;
  bar[1] = 2.5;
  bar[2] = 3.5;
  bar[3] = 4.5;
  return bar;
}
`;
const CALLER = `LIBPATH = "./libfoo.so"

@tuple
class Pair:
    a: float
    b: float

from C import LIBPATH.foo() -> Pair
t = foo()
print(t.a, t.b)
`;

function run(): { trace: Trace; stdout: string; outcome: string } {
  const r = runProgram({ cpp: ARRAY2, codon: CALLER, target: 'x86_64', leftover: 'runtime-data' });
  if (r.trace === null) throw new Error(JSON.stringify(r.summary.diagnostics));
  return { trace: r.trace, stdout: r.summary.stdout, outcome: r.summary.outcome };
}

function frameObject(trace: Trace, name: string) {
  const o = objectList(trace.objects).find((x) => formatName(x.name) === name);
  if (o === undefined) throw new Error(`no ${name}`);
  return o;
}

function expectOffsetFromRbp(trace: Trace, name: string, offset: number) {
  const link = frameObject(trace, 'saved rbp of main');
  expect(frameObject(trace, name).addr - link.addr, name).toBe(offset);
}

describe('g++ -O0 frame layout', () => {
  it('pushes rbx for a {double, double} return: bar at -32(%rbp), saved rbx at -8(%rbp)', () => {
    const { trace, outcome, stdout } = run();
    expect(outcome).toBe('ok');
    expect(stdout).toBe('1.5 2.5\n');
    expectOffsetFromRbp(trace, 'saved rbx of main', -8);
    expectOffsetFromRbp(trace, 'bar', -32);
  });

  it('restores the stray store over the saved rbx into the caller’s rbx', () => {
    const { trace } = run();
    const ret = trace.boundaryCalls.returnStep[0] as number;
    const rbx = stateAt(trace, ret).register('rbx');
    expect(new DataView(rbx.buffer, rbx.byteOffset, 8).getFloat64(0, true)).toBe(4.5);
    const victims = trace.findings.flatMap((f) =>
      f.objects.map((id) => formatName(objectList(trace.objects)[id]!.name)),
    );
    expect(victims).toContain('saved rbx of main');
    expect(victims).not.toContain('saved rbp of main');
  });

  // 12 bytes (three floats, an int and two floats: `g++ -O0 -S`) go through the return
  // temporary and push no %rbx; only a class of 16 bytes does.
  it.each([
    [['SSE', 'SSE'], 16, false, true],
    [['SSE', 'INTEGER'], 16, false, true],
    [['INTEGER', 'SSE'], 16, false, true],
    [['SSE', 'SSE'], 12, false, false],
    [['INTEGER', 'SSE'], 12, false, false],
    [['INTEGER', 'INTEGER'], 16, false, false],
    [['SSE'], 8, false, false],
    [['MEMORY'], 32, true, false],
  ] as const)(
    'eightbytes %j of %i bytes (indirect %s): pushes rbx %s',
    (eightbytes, size, indirect, expected) => {
      const ret = {
        target: 'x86_64',
        indirect,
        size,
        eightbytes: [...eightbytes],
      } as unknown as ReturnClassification;
      expect(savesRbx(ret)).toBe(expected);
      expect(savesRbx({ ...ret, target: 'aarch64', eightbytes: null })).toBe(false);
    },
  );

  it('jumps to the bits over the return address: non-canonical, SIGSEGV reported at 0 (as for real)', () => {
    const six = ARRAY2.replace('  bar[3] = 4.5;\n', '  bar[3] = 4.5;\n  bar[4] = 5.5;\n  bar[5] = 6.5;\n');
    const r = runProgram({ cpp: six, codon: CALLER, target: 'x86_64', leftover: 'runtime-data' });
    // npm run real on the same files: outcome crash, SIGSEGV, address 0, no output.
    expect(r.summary.outcome).toBe('crash');
    expect(r.summary.crash).toMatchObject({ signal: 'SIGSEGV', address: '0x0' });
    expect(r.summary.stdout).toBe('');
    expect(r.trace?.crash?.message.id).toBe('crash.ret-noncanonical');
  });
});

/*
 * Where g++ -O0 puts locals and parameters (cpp-interp/frame-plan.ts). Every offset below is what
 * `g++ -O0 -g -c lib.cpp` and `aarch64-linux-gnu-g++ -O0 -g -c lib.cpp` (g++ 12.2) record for the
 * same function (llvm-dwarfdump-19's DW_OP_fbreg, and the `-S` listing): x86-64 offsets from %rbp,
 * AArch64 offsets from the CFA (the stack pointer at entry).
 */

const FUNCTIONS = `#include <algorithm>
#include <array>
#include <cstdint>
struct L3 {
    int64_t a;
    int64_t b;
    int64_t c;
};
L3 m1(int k) {
    L3 s;
    int j = 2;
    s.a = k;
    s.b = j;
    s.c = 0;
    return s;
}
extern "C" {
double loop6() {
    double a[6];
    for (int i = 0; i < 8; i++) {
        a[i] = i + 0.5;
    }
    return a[0];
}
long o1(long n) {
    long x = 1;
    long y = 2;
    for (long i = 0; i < n; i++) {
        y += i;
    }
    return x + y;
}
long o14() {
    int a = 1, b = 2;
    int m = std::max(a, b);
    int c = 3;
    return m + c;
}
double p5(char a, double b, char c, float d, short e) {
    return a + b + c + d + e;
}
long o13() {
    char big[64];
    big[0] = 1;
    {
        int s[3];
        s[0] = 2;
        big[1] = s[0];
    }
    {
        char big2[40];
        double d[8];
        big2[0] = 3;
        d[0] = 1;
        big[2] = big2[0] + d[0];
    }
    int after[2];
    after[0] = 1;
    return big[0] + after[0];
}
long q1() {
    long r = 0;
    {
        char x[40];
        x[0] = 1;
        r += x[0];
    }
    {
        char y[40];
        y[0] = 2;
        r += y[0];
    }
    return r;
}
long viaM1(long k) {
    L3 s = m1(k);
    return s.b;
}
double rangeSum() {
    std::array<double, 4> a{};
    double s = 0;
    for (double v : a) {
        s += v;
    }
    return s;
}
double best(const double* xs, int64_t n) {
    double top = xs[0];
    int64_t at = 0;
    for (int64_t i = 1; i < n; i++) {
        if (xs[i] > top) {
            top = xs[i];
            at = i;
        }
    }
    return top + at;
}
void copy4(double* out) {
    std::array<double, 4> bar;
    bar[0] = 1.5;
    bar[1] = 2.5;
    bar[2] = 3.5;
    bar[3] = 4.5;
    std::copy(bar.begin(), bar.end(), out);
}
}
`;
const CALLS = `LIBPATH = "./libfoo.so"
from C import LIBPATH.loop6() -> float
from C import LIBPATH.o1(int) -> int
from C import LIBPATH.o14() -> int
from C import LIBPATH.p5(int, float, int, float, int) -> float
from C import LIBPATH.o13() -> int
from C import LIBPATH.q1() -> int
from C import LIBPATH.viaM1(int) -> int
from C import LIBPATH.copy4(Ptr[float]) -> None
from C import LIBPATH.rangeSum() -> float
from C import LIBPATH.best(Ptr[float], int) -> float
out = Ptr[float](4)
print(loop6(), o1(3), o14(), p5(1, 2.0, 3, 4.0, 5), o13(), q1(), viaM1(5))
copy4(out)
print(rangeSum(), best(out, 4))
`;

/** Each named object of function `fn`'s first frame, at its offset from %rbp (x86-64) or the CFA (AArch64). */
function offsetsIn(trace: Trace, target: 'x86_64' | 'aarch64', fn: string): Map<string, number> {
  const frame = frameList(trace.frames).find((f) => f.functionName === fn);
  if (frame === undefined) throw new Error(`no frame of ${fn}`);
  const base = target === 'x86_64' ? frame.entrySp - 8 : frame.entrySp;
  const out = new Map<string, number>();
  for (const o of objectList(trace.objects))
    if (o.frameId === frame.id) out.set(formatName(o.name), o.addr - base);
  return out;
}

function expectPlaced(trace: Trace, target: 'x86_64' | 'aarch64', fn: string, want: Record<string, number>) {
  const got = offsetsIn(trace, target, fn);
  const seen = Object.fromEntries(Object.keys(want).map((k) => [k, got.get(k)]));
  expect(seen, `${fn} (${target})`).toEqual(want);
}

describe('locals and parameters where g++ -O0 puts them', () => {
  const traces = new Map<string, Trace>();
  const traceFor = (target: 'x86_64' | 'aarch64'): Trace => {
    let t = traces.get(target);
    if (t === undefined) {
      const r = runProgram({ cpp: FUNCTIONS, codon: CALLS, target, leftover: 'zero' });
      if (r.trace === null) throw new Error(JSON.stringify(r.summary.diagnostics));
      expect(r.summary.outcome).toBe('ok');
      t = r.trace;
      traces.set(target, t);
    }
    return t;
  };

  it.each([
    // A loop counter sits nearest the frame pointer, the array below it: a[7] lands on i.
    ['loop6', { i: -4, a: -64 }, { i: -4, a: -56 }],
    // Scalars that meet at a loop head (y, i) first, in declaration order, then x.
    ['o1', { y: -8, i: -16, x: -24, n: -40 }, { y: -8, i: -16, x: -24, n: -40 }],
    // a and b have their address taken (std::max takes references): below the SSA scalars.
    ['o14', { m: -4, c: -8, a: -12, b: -16 }, { m: -4, c: -8, a: -12, b: -16 }],
    // Parameters fill the holes alignment left; x86-64 spills char and short into 4 bytes.
    ['p5', { a: -4, c: -8, b: -16, d: -20, e: -24 }, { a: -1, c: -2, e: -4, d: -8, b: -16 }],
    // Outer scope first; a nested array of 32 bytes or more waits until the end, largest first.
    [
      'o13',
      { big: -64, after: -72, s: -84, d: -160, big2: -208 },
      { big: -64, after: -72, s: -88, d: -152, big2: -192 },
    ],
    // Two deferred arrays of scopes that do not nest share one slot.
    ['q1', { r: -8, x: -48, y: -48 }, { r: -8, x: -48, y: -48 }],
    // Values that meet after an if inside the loop (top, at) and the counter: all in declaration order.
    ['best', { top: -8, at: -16, i: -24, xs: -40, n: -48 }, { top: -8, at: -16, i: -24, xs: -40, n: -48 }],
    // A range-for's iterator meets at the loop head; the range, the end and v follow as evaluated
    // (g++ names them __for_range, __for_begin, __for_end).
    [
      'rangeSum',
      { s: -8, __begin: -16, __range: -24, __end: -32, v: -40, a: -80 },
      { s: -8, __begin: -16, __range: -24, __end: -32, v: -40, a: -72 },
    ],
    // x86-64 spills the hidden result pointer as the first parameter (AArch64 keeps x8 in a register).
    ['m1', { j: -4, 'hidden result pointer (from rdi)': -24, k: -28 }, { j: -4, k: -20 }],
  ] as const)('%s', (fn, x86, a64) => {
    expectPlaced(traceFor('x86_64'), 'x86_64', fn, x86);
    expectPlaced(traceFor('aarch64'), 'aarch64', fn, a64);
  });

  it('pushes %rbx when a call result waits across another call (std::copy(begin, end, out))', () => {
    // `call begin; movq %rax, %rbx; call end`: pushq %rbx, bar at -48(%rbp), out at -56(%rbp).
    expectPlaced(traceFor('x86_64'), 'x86_64', 'copy4', { 'saved rbx of main': -8, bar: -48, out: -56 });
    expectPlaced(traceFor('aarch64'), 'aarch64', 'copy4', { bar: -32, out: -40 });
  });

  it('AArch64: the frame record lies below the locals, and a function that calls nothing has none', () => {
    const t = traceFor('aarch64');
    const record = (fn: string) =>
      [...offsetsIn(t, 'aarch64', fn).entries()].filter(([name]) => name.startsWith('frame record'));
    expect(record('loop6')).toEqual([]);
    // copy4 calls: `stp x29, x30, [sp, -80]!` at the bottom, below out (-40) and the 16 bytes
    // where x19 (begin()'s result, waiting across the call of end()) is saved.
    const [only] = record('copy4');
    expect(only?.[1]).toBe(-80);
  });
});

describe('a store past a callee’s frame reaches its caller’s', () => {
  // g is a leaf: `a` at -16(%rbp) (AArch64: CFA-16). a[2], a[3] land on g's saved %rbp and return
  // address on x86-64, and on f's frame record (x29, x30) on AArch64, where f's `ret` finds 2.5's
  // bits. npm run real on the same files: SIGSEGV at 0 (x86-64), at 0x4000000000000 (AArch64: the
  // kernel reports 0x4004000000000000 without its top byte); nothing printed.
  const cpp = `static double g(double x) {
    double a[2];
    a[0] = x;
    a[1] = x;
    a[2] = x;
    a[3] = x;
    return a[0];
}
extern "C" double f(double x) {
    double y = g(x);
    return y + 1;
}
`;
  const codon = `LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.f(float) -> float\n\nprint(f(2.5))\nprint("after")\n`;
  it.each([
    ['x86_64', '0x0'],
    ['aarch64', '0x4000000000000'],
  ] as const)('%s: the return through the overwritten address faults at %s', (target, address) => {
    const r = runProgram({ cpp, codon, target, leftover: 'runtime-data' });
    expect(r.summary.outcome).toBe('crash');
    expect(r.summary.crash).toMatchObject({ signal: 'SIGSEGV', address });
    expect(r.summary.stdout).toBe('');
  });
});

describe('member functions’ frames follow the same plan, `this` spilled as the first parameter', () => {
  // Offsets from `g++ -O0 -g` and `aarch64-linux-gnu-g++ -O0 -g` (llvm-dwarfdump-19, DW_OP_fbreg)
  // of each member function; `npm run real` prints 9 on both targets.
  const cpp = `#include <cstdint>
struct P {
    double x;
    int64_t n;
    P(double a) : x(a), n(0) {}
    double scaled(double k) const {
        double r = x * k;
        return r;
    }
    void add(int64_t d, double e) {
        int64_t t = d * 2;
        n += t;
        x += e;
    }
};
struct Big {
    double v[4];
    Big twice() const {
        Big b;
        for (int i = 0; i < 4; i++) b.v[i] = v[i] * 2;
        return b;
    }
};
extern "C" double use(double a) {
    P p(a);
    p.add(3, 1.5);
    Big g{{1, 2, 3, 4}};
    Big h = g.twice();
    return p.scaled(2) + h.v[0];
}
`;
  const codon = `LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.use(float) -> float\n\nprint(use(2.0))\n`;
  const traceOf = (target: 'x86_64' | 'aarch64'): Trace => {
    const r = runProgram({ cpp, codon, target, leftover: 'runtime-data' });
    if (r.trace === null) throw new Error(JSON.stringify(r.summary.diagnostics));
    expect(r.summary.outcome).toBe('ok');
    expect(r.summary.stdout).toBe('9\n');
    return r.trace;
  };

  it.each([
    ['P::P', { this: -8, a: -16 }, { this: -8, a: -16 }],
    ['P::add', { t: -8, this: -24, d: -32, e: -40 }, { t: -8, this: -24, d: -32, e: -40 }],
    ['P::scaled', { r: -8, this: -24, k: -32 }, { r: -8, this: -24, k: -32 }],
    // x86-64 returns Big in memory: the hidden pointer is spilled before `this` (b lives in the
    // caller's slot). AArch64 returns it in d0-d3 (an HFA): b is a local, and its two spilled
    // copies sit below `this` (`sub sp, sp, #128`).
    [
      'Big::twice',
      { i: -4, 'hidden result pointer (from rdi)': -24, this: -32 },
      { i: -4, b: -40, this: -56 },
    ],
  ] as const)('%s', (fn, x86, a64) => {
    expectPlaced(traceOf('x86_64'), 'x86_64', fn, x86);
    expectPlaced(traceOf('aarch64'), 'aarch64', fn, a64);
  });

  it('AArch64 Big::twice: the copies of the returned HFA at CFA-96 and CFA-128, no frame record', () => {
    const t = traceOf('aarch64');
    const twice = frameList(t.frames).find((f) => f.functionName === 'Big::twice');
    if (twice === undefined) throw new Error('no frame of Big::twice');
    const mine = objectList(t.objects).filter((o) => o.frameId === twice.id);
    const copies = mine
      .filter((o) => formatName(o.name) === 'copy of the return value')
      .map((o) => o.addr - twice.entrySp)
      .sort((a, b) => b - a);
    expect(copies).toEqual([-96, -128]);
    expect(mine.some((o) => formatName(o.name).startsWith('frame record'))).toBe(false);
  });
});

describe('AArch64: callee-saved registers g++ -O0 saves above the frame record', () => {
  // `aarch64-linux-gnu-g++ -O0 -S` of each: the record's place shows the 16-byte save area.
  const cpp = `#include <array>
struct L5 {
    long a, b, c, d, e;
};
static long two() {
    return 2;
}
extern "C" {
long hi(long k) {
    std::array<long, 4> r;
    r[0] = k * 2;
    return r[0];
}
double hd(double k) {
    std::array<double, 4> r;
    r[0] = k * 2;
    return r[0];
}
double hc(double k) {
    std::array<double, 4> r;
    r[0] = 1.5;
    r[1] = 2.5;
    return r[0] + r[1];
}
L5 f1() {
    L5 s;
    s.a = two();
    return s;
}
L5 f4() {
    L5 s{1, 2, 3, 4, 5};
    two();
    return s;
}
long both() {
    return f1().a + f4().e;
}
}
`;
  const codon = `LIBPATH = "./libfoo.so"
from C import LIBPATH.hi(int) -> int
from C import LIBPATH.hd(float) -> float
from C import LIBPATH.hc(float) -> float
print(hi(3), hd(1.5), hc(0.0))
`;
  const record = (t: Trace, fn: string) =>
    [...offsetsIn(t, 'aarch64', fn).entries()].find(([name]) => name.startsWith('frame record'))?.[1];

  it.each([
    // `r[0] = k * 2`: k * 2 waits in x19 across operator[] (`str x19, [sp, 16]`).
    ['hi', -80],
    // The same with a double: d8 (`str d8, [sp, 16]`).
    ['hd', -80],
    // `r[0] + r[1]`: the first element waits in d8 across the second call.
    ['hc', -80],
  ] as const)('%s: frame record at CFA%i', (fn, at) => {
    const r = runProgram({ cpp, codon, target: 'aarch64', leftover: 'runtime-data' });
    if (r.trace === null) throw new Error(JSON.stringify(r.summary.diagnostics));
    expect(r.summary.stdout).toBe('6 3 4\n');
    expect(record(r.trace, fn)).toBe(at);
  });

  it('x8 kept in x19 only when the result is used after a call (f1: CFA-32; f4: CFA-16)', () => {
    const caller = `LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.both() -> int\nprint(both())\n`;
    const r = runProgram({ cpp, codon: caller, target: 'aarch64', leftover: 'runtime-data' });
    if (r.trace === null) throw new Error(JSON.stringify(r.summary.diagnostics));
    expect(r.summary.stdout).toBe('7\n');
    expect(record(r.trace, 'f1')).toBe(-32);
    expect(record(r.trace, 'f4')).toBe(-16);
  });
});

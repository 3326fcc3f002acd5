/**
 * Ways a C++ function hands a result back that the oracle showed the simulator getting wrong:
 * - a member function returning a class by value, in registers or through the hidden pointer (the
 *   run stopped with "building V from v.add(v) is not modelled");
 * - a function returning a reference to a class (the caller read a temporary copy instead, and
 *   `g(s).x` printed -7280);
 * - `return &local;` and its relatives: g++ 5 and later return a null pointer instead (GCC's
 *   cp/typeck.cc check_return_expr; g++ 12.2 -O0 -S ends each in `movl $0, %eax`), so the caller
 *   faults at address 0 rather than reading stale stack.
 * Every expected value is the oracle's (`npm run real -- --cpp lib.cpp --codon main.codon`, on
 * x86-64 and --target aarch64).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const TARGETS: Target[] = ['x86_64', 'aarch64'];
const LIB = 'LIBPATH = "./libfoo.so"\n';
const CALL_FLOAT = `${LIB}from C import LIBPATH.f(float) -> float\nprint(f(2.0))\n`;
const CALL_INT = `${LIB}from C import LIBPATH.f(i32) -> i32\nprint(f(i32(3)))\n`;
const CALL_PTR = `${LIB}from C import LIBPATH.f(i32) -> Ptr[i32]\np = f(i32(3))\nprint(p[0])\n`;

function run(cpp: string, codon: string, target: Target) {
  return runProgram({ cpp, codon, target }).summary;
}

function expectPrints(cpp: string, codon: string, stdout: string) {
  for (const target of TARGETS) {
    const s = run(cpp, codon, target);
    expect(
      s.diagnostics.filter((d) => d.severity === 'error'),
      target,
    ).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
  }
}

function expectNullFault(cpp: string, codon: string) {
  for (const target of TARGETS) {
    const s = run(cpp, codon, target);
    expect(s.outcome, target).toBe('crash');
    expect(s.crash?.signal, target).toBe('SIGSEGV');
    expect(Number(s.crash?.address), target).toBe(0);
    expect(
      s.diagnostics.some((d) => d.severity === 'warning' && d.message.includes('g++ returns a null')),
      target,
    ).toBe(true);
  }
}

describe('member functions returning classes', () => {
  it('returns small classes in registers and big ones through the hidden pointer, chained', () => {
    expectPrints(
      `#include <cstdio>
struct V {
  double x, y;
  V add(const V& o) const { return V{x + o.x, y + o.y}; }
  V scaled(double k) const { V r{x * k, y * k}; return r; }
};
struct Big {
  double a[5];
  Big twice() const { Big b{}; for (int i = 0; i < 5; i++) b.a[i] = 2 * a[i]; return b; }
  double sum() const { double s = 0; for (int i = 0; i < 5; i++) s += a[i]; return s; }
};
struct S { int x; S& self() { return *this; } S copy() const { return *this; } S& add(int d) { x += d; return *this; } };
extern "C" double f(double x) {
  V v{x, 1};
  V w = v.add(v).scaled(3);
  Big b{{x, 1, 2, 3, 4}};
  Big c = b.twice().twice();
  S s{3}; s.add(1).add(2);
  printf("%g %g %g %g %d\\n", w.x, w.y, c.sum(), b.twice().sum(), s.self().x * 100 + s.copy().x);
  return v.add(w).x;
}
`,
      CALL_FLOAT,
      '12 6 48 24 606\n14\n',
    );
  });
});

describe('functions returning references to classes', () => {
  it('gives the caller the object itself, to read and to write', () => {
    expectPrints(
      `struct S { int x; int y[3]; };
S& g(S& s) { return s; }
extern "C" int f(int x) { S s{x}; g(s).x += 4; S& r = g(s); return r.x * 10 + g(s).x; }
`,
      CALL_INT,
      '77\n',
    );
  });
});

describe('g++ returns null for the address of a local', () => {
  it.each([
    ['&a', 'int a = x; return &a;'],
    ['an array decaying', 'int a[4] = {x}; return a;'],
    ['&a[2]', 'int a[4] = {x}; return &a[2];'],
    ['&s.y', 'S s{x, x}; return &s.y;'],
    ['a parameter', 'return &x;'],
    ['a cast', 'int a = x; return (int*)(void*)&a;'],
  ])('%s', (_name, body) => {
    expectNullFault(`struct S { int x; int y; };\nextern "C" int* f(int x) { ${body} }\n`, CALL_PTR);
  });

  it('also for a reference to a local or to a temporary', () => {
    expectNullFault(
      `struct S { int x; int y[3]; };\nS& g(int x) { S s{x}; return s; }\nextern "C" int f(int x) { return g(x).x; }\n`,
      CALL_INT,
    );
    expectNullFault(
      `const int& g(int x) { return x + 1; }\nextern "C" int f(int x) { return g(x); }\n`,
      CALL_INT,
    );
  });

  it('but not through a pointer variable or pointer arithmetic, which keep the stale address', () => {
    // g++ returns the real address here; the caller reads the dead slot, which still holds 3.
    expectPrints('extern "C" int* f(int x) { int a = x; int* p = &a; return p; }\n', CALL_PTR, '3\n');
  });
});

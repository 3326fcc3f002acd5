/**
 * References bound to temporaries, with C++'s lifetime rules ([class.temporary]/6): a temporary
 * bound to a reference in a declaration lives until the reference goes out of scope (a class one is
 * destroyed then); one bound to a reference parameter only until the end of the full-expression
 * with the call, so a reference the function hands back dangles. Expected outputs are g++ 12 -O0's
 * with a `main` calling the functions (x86-64, and aarch64-linux-gnu-g++ under qemu-aarch64:
 * identical); the class program was also run by the oracle (`npm run real -- --cpp lib.cpp --codon
 * main.codon --target x86_64`): same stdout.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const TARGETS: Target[] = ['x86_64', 'aarch64'];
const CALL_GO = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> int\nprint(go())\n';
const CALL_BOTH =
  'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> int\nfrom C import LIBPATH.go2() -> int\n' +
  'a = go()\nb = go2()\nprint(a, b)\n';

function summary(cpp: string, codon: string, target: Target) {
  return runProgram({ cpp, codon, target }).summary;
}

function expectPrints(cpp: string, codon: string, stdout: string) {
  for (const target of TARGETS) {
    const s = summary(cpp, codon, target);
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
    expect(s.findings, target).toEqual([]);
  }
}

const SCALARS = `#include <cstdio>
static double scaled(const double& k, double x) { return k * x; }
static int twice(const int& n) { return 2 * n; }
extern "C" long go() {
    const int& r = 3;
    const long& q = r * 2L;
    const double& h = 0.5 + 1.0;
    int a = 4;
    printf("%d %ld %g %g %d %d\\n", r, q, h, scaled(1.0 + 1.0, 2.5), twice(a * 2), twice(7));
    return r + q;
}
`;

const RETURNED_PARAMETER = `static const int& id(const int& x) { return x; }
extern "C" long go() {
    int a = 2;
    const int& r = id(a * 2);
    long other = 100;
    return r + other;
}
`;

const CLASS_TEMPORARIES = `#include <cstdio>
struct S {
    int v;
    S(int x) : v(x) { printf("S(%d)\\n", v); }
    ~S() { printf("~S(%d)\\n", v); }
};
static int get(const S& s) { return s.v; }
extern "C" long go() {
    int a = get(S{1}) + get(S(2));
    printf("after %d\\n", a);
    const S& kept = S{3};
    printf("kept %d\\n", kept.v);
    return a;
}
extern "C" long go2() {
    return get(S{4});
}
`;

describe('references bound to temporaries', () => {
  it('binds const references to scalar temporaries in declarations and in calls', () => {
    expectPrints(SCALARS, CALL_GO, '3 6 1.5 5 16 14\n9\n');
  });

  it("destroys an argument's class temporary after the call's full-expression, a kept one at scope exit", () => {
    expectPrints(
      CLASS_TEMPORARIES,
      CALL_BOTH,
      'S(1)\nS(2)\n~S(2)\n~S(1)\nafter 3\nS(3)\nkept 3\n~S(3)\nS(4)\n~S(4)\n3 4\n',
    );
  });

  it('a reference returned from a const int& parameter bound to a temporary dangles', () => {
    for (const target of TARGETS) {
      const s = summary(RETURNED_PARAMETER, CALL_GO, target);
      expect(s.diagnostics, target).toEqual([]);
      expect(
        s.findings.map((f) => [f.kind, f.line]),
        target,
      ).toContainEqual(['dangling-read', 6]);
    }
  });
});

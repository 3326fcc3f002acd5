/**
 * The C++ people bring beyond the lessons: printf and std::cout, <cmath>, std::vector, classes with
 * special members, new[]/delete[], references to temporaries and std::max. Every expected output
 * below is what g++ 12 -O0 (x86-64, and aarch64-linux-gnu-g++ under qemu where it says so) printed
 * for the same library with a `main` that calls `go()` and prints its result; the vector/string and
 * delete-of-new[] programs were also run through the oracle (`npm run real`) with a Codon caller.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const TARGETS: Target[] = ['x86_64', 'aarch64'];
const CALL_GO = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> int\nprint(go())\n';

function run(cpp: string, target: Target) {
  return runProgram({ cpp, codon: CALL_GO, target }).summary;
}

/** The library compiles, runs to the end on both targets and prints `stdout` (go()'s result last). */
function expectPrints(cpp: string, stdout: string) {
  for (const target of TARGETS) {
    const s = run(cpp, target);
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
  }
}

/** The run finds `kind` at `line` of lib.cpp on both targets. */
function expectFinding(cpp: string, kind: string, line: number) {
  for (const target of TARGETS) {
    const found = run(cpp, target).findings.map((f) => [f.kind, f.line]);
    expect(found, target).toContainEqual([kind, line]);
  }
}

function expectCrash(cpp: string, signal: string) {
  for (const target of TARGETS) {
    const s = run(cpp, target);
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('crash');
    expect(s.crash?.signal, target).toBe(signal);
  }
}

describe('printing', () => {
  it('printf formats integers, floating point and strings with widths and precision', () => {
    expectPrints(
      `#include <cstdio>
extern "C" long go() {
  int i = -42; long l = 1234567890123L; unsigned u = 4000000000u; double d = 3.14159265;
  const char* s = "hi";
  printf("%d|%5d|%-5d|%ld|%u|%x|%08x\\n", i, i, i, l, u, 255u, 255u);
  printf("%f|%.2f|%10.3f|%g|%g|%e|%.3e\\n", d, d, d, d, 1e20, d, d);
  printf("%s|%10s|%-4s|%c\\n", s, s, s, 'z');
  return 0;
}
`,
      '-42|  -42|-42  |1234567890123|4000000000|ff|000000ff\n' +
        '3.141593|3.14|     3.142|3.14159|1e+20|3.141593e+00|3.142e+00\n' +
        'hi|        hi|hi  |z\n0\n',
    );
  });

  it('std::cout prints the scalar types and string literals as libstdc++ does', () => {
    expectPrints(
      `#include <iostream>
extern "C" long go() {
  int i = -42; long l = 1234567890123L; unsigned u = 7; double d = 3.14159265; float f = 0.1f;
  bool b = true; char c = 'x';
  std::cout << i << " " << l << " " << u << " " << d << " " << f << " " << b << " " << c << " " << "lit" << std::endl;
  std::cout << 1e20 << ' ' << 100000.0 << ' ' << 1234567.0 << '\\n';
  return 0;
}
`,
      '-42 1234567890123 7 3.14159 0.1 1 x lit\n1e+20 100000 1.23457e+06\n0\n',
    );
  });
});

describe('<cmath>', () => {
  it('computes sqrt, pow, floor and frexp (the exponent stored through the pointer)', () => {
    expectPrints(
      `#include <cmath>
#include <cstdio>
extern "C" long go() {
  int e;
  double m = std::frexp(48.0, &e);
  int e2; double m2 = frexp(-0.1, &e2);
  printf("%g %g %g %g %d %g %d\\n", std::sqrt(2.0), std::pow(2.0, 10), std::floor(-2.5), m, e, m2, e2);
  return e;
}
`,
      '1.41421 1024 -3 0.75 6 -0.8 -3\n6\n',
    );
  });
});

describe('std::vector', () => {
  it('constructs, grows as libstdc++ does, reserves, resizes and iterates', () => {
    expectPrints(
      `#include <vector>
#include <cstdio>
extern "C" long go() {
  std::vector<int> a;
  std::vector<int> b(3);
  std::vector<int> c(3, 7);
  std::vector<int> d{1, 2, 3};
  std::vector<int> e = {4, 5};
  std::vector<int> f(d);
  std::vector<int> g(std::move(f));
  for (int i = 0; i < 5; i++) a.push_back(i);
  a.emplace_back(9);
  a.pop_back();
  printf("%zu %zu %zu %d %d %zu %zu %zu %d\\n", a.size(), a.capacity(), b.size(), c[2], d.at(1), e.size(), g.size(), f.size(), b[1]);
  long sum = 0;
  for (int x : a) sum += x;
  for (auto it = d.begin(); it != d.end(); ++it) sum += *it;
  a.reserve(100); printf("%zu\\n", a.capacity());
  a.resize(2); printf("%zu %zu\\n", a.size(), a.capacity());
  a.resize(150); printf("%zu %zu %d\\n", a.size(), a.capacity(), a[149]);
  int* p = a.data();
  return sum + p[1];
}
`,
      '5 8 3 7 2 2 3 0 0\n100\n2 100\n150 150 0\n17\n',
    );
  });

  it('frees the old buffer when it grows: a pointer kept across push_back dangles', () => {
    const cpp = `#include <vector>
#include <cstdio>
extern "C" long go() {
  std::vector<int> v;
  v.push_back(1);
  int* p = &v[0];
  for (int i = 0; i < 4; i++) { v.push_back(i); printf("%zu\\n", v.capacity()); }
  return *p;
}
`;
    for (const target of TARGETS) expect(run(cpp, target).stdout).toMatch(/^2\n4\n4\n8\n/);
    expectFinding(cpp, 'use-after-free', 8);
  });
});

describe('classes, new[] and delete[]', () => {
  const P = `#include <cstdio>
struct P {
  int x;
  P(int v) : x(v) { printf("ctor %d\\n", x); }
  P(const P& o) : x(o.x) { printf("copy %d\\n", x); }
  P(P&& o) : x(o.x) { o.x = 0; printf("move %d\\n", x); }
  ~P() { printf("dtor %d\\n", x); }
  int get() const { return x; }
};
`;

  it('runs constructors, copy and move constructors, and destructors in reverse order', () => {
    expectPrints(
      `${P}extern "C" long go() {
  P a(1);
  P b(a);
  P c(static_cast<P&&>(a));
  P* arr = new P[2]{P(5), P(6)};
  delete[] arr;
  return b.get() + c.get();
}
`,
      'ctor 1\ncopy 1\nmove 1\nctor 5\nctor 6\ndtor 6\ndtor 5\ndtor 1\ndtor 1\ndtor 0\n2\n',
    );
  });

  it('delete[] reads the array cookie and destroys every element, last first', () => {
    expectPrints(
      `#include <cstdio>
struct Q { int x; Q() : x(7) {} ~Q() { printf("~%d\\n", x); } };
extern "C" long go() {
  Q* q = new Q[3];
  q[1].x = 8; q[2].x = 9;
  long cookie = reinterpret_cast<long*>(q)[-1];
  delete[] q;
  return cookie;
}
`,
      '~9\n~8\n~7\n3\n',
    );
  });

  it('delete of what new[] returned frees the middle of a block: glibc aborts', () => {
    // g++ 12 + glibc: "munmap_chunk(): invalid pointer" (SIGABRT) on x86-64 and under qemu-aarch64.
    expectCrash(
      `struct Q { int x; ~Q() {} };
extern "C" long go() {
  Q* q = new Q[3];
  delete q;
  return 0;
}
`,
      'SIGABRT',
    );
  });
});

describe('copy and move assignment', () => {
  it('runs the user operator= (copy and move) and frees every buffer', () => {
    const cpp = `#include <cstdio>
struct B {
  int* p; int n;
  B(int k) : p(new int[k]), n(k) { for (int i = 0; i < k; i++) p[i] = i; }
  B(const B& o) : p(new int[o.n]), n(o.n) { for (int i = 0; i < n; i++) p[i] = o.p[i]; printf("copy\\n"); }
  B& operator=(const B& o) { if (this != &o) { delete[] p; p = new int[o.n]; n = o.n; for (int i = 0; i < n; i++) p[i] = o.p[i]; } printf("assign\\n"); return *this; }
  B(B&& o) : p(o.p), n(o.n) { o.p = nullptr; o.n = 0; printf("move\\n"); }
  B& operator=(B&& o) { delete[] p; p = o.p; n = o.n; o.p = nullptr; o.n = 0; printf("move-assign\\n"); return *this; }
  ~B() { delete[] p; }
  int sum() const { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
};
B make(int k) { return B(k); }
extern "C" long go() {
  B a(3), b(5);
  a = b;
  B c(static_cast<B&&>(b));
  c = make(4);
  return a.sum() * 100 + c.sum() + b.n;
}
`;
    expectPrints(cpp, 'assign\nmove\nmove-assign\n1006\n');
    // Every buffer is freed once. (The run also reports a false 'stray-write' for `c = make(4)`:
    // the sret store into the materialised temporary; it is on main too, in the call code.)
    for (const target of TARGETS) {
      const kinds = run(cpp, target).findings.map((f) => f.kind);
      for (const bad of ['leak', 'double-free', 'use-after-free']) expect(kinds, target).not.toContain(bad);
    }
  });
});

describe('references to temporaries', () => {
  const CPP = `#include <algorithm>
#include <cstdio>
int f() { return 4; }
extern "C" long go() {
  const int& r = f();
  int a = 3, b = 9;
  const int& n = std::max(a, b);
  const int& lo = std::min(a, b);
  double d = std::max(1.5, 0.5);
  printf("%d %d %d %g %d\\n", r, n, lo, d, std::min(5, 2));
  const int& m = std::max(1, 2);
  return m;
}
`;

  it('extends a temporary bound to a const reference; std::max returns a reference to an argument', () => {
    expectPrints(CPP, '4 9 3 1.5 2\n2\n');
    for (const target of TARGETS) {
      const lines = run(CPP, target).findings.map((f) => f.line);
      expect(lines, target).not.toContain(10);
    }
  });

  it('a reference bound to std::max(1, 2) dangles after the full-expression', () => {
    expectFinding(CPP, 'dangling-read', 12);
  });
});

describe('std::string', () => {
  it('keeps 15 characters in the object and longer ones on the heap; copies, moves and prints', () => {
    expectPrints(
      `#include <string>
#include <iostream>
#include <cstdio>
std::string make() { return std::string("made"); }
extern "C" long go() {
  std::string a = "hello";
  std::string big = "a string longer than fifteen";
  std::string e;
  std::string c(a);
  std::string m = std::move(big);
  printf("%s %zu %s %zu %d %zu %c\\n", a.c_str(), a.size(), m.data(), m.length(), (int)e.empty(), big.size(), a[1]);
  std::cout << a << " " << m << " " << make() << std::endl;
  return (long)sizeof(std::string) + (a.c_str() == (const char*)&a + 16);
}
`,
      'hello 5 a string longer than fifteen 28 1 0 e\nhello a string longer than fifteen made\n33\n',
    );
  });

  it('concatenates, appends, assigns and compares', () => {
    expectPrints(
      `#include <string>
#include <cstdio>
#include <iostream>
extern "C" long go() {
  std::string a = "hello";
  std::string b = a + " world";
  b += "!";
  b += a;
  b += 'x';
  std::string c = "<" + a + '>';
  std::string d;
  d = c;
  std::string e = a + a;
  printf("%s %zu %d %d %d %s\\n", b.c_str(), b.size(), a == "hello", a != e, "hello" == a, a.data());
  std::cout << c << " " << d << " " << (c == d) << std::endl;
  return sizeof(std::string);
}
`,
      'hello world!hellox 18 1 1 1 hello\n<hello> <hello> 1\n32\n',
    );
  });

  it('frees the temporaries of a + b + c and reports no leak', () => {
    const cpp = `#include <string>
#include <cstdio>
extern "C" long go() {
  std::string a = "hello";
  std::string x = (a + " world, a long tail") + "!";
  printf("%s\\n", x.c_str());
  return x.size();
}
`;
    expectPrints(cpp, 'hello world, a long tail!\n25\n');
    for (const target of TARGETS) expect(run(cpp, target).findings, target).toEqual([]);
  });

  it('moves to a bigger buffer on += past its capacity: a c_str() kept from before dangles', () => {
    expectFinding(
      `#include <string>
#include <cstdio>
extern "C" long go() {
  std::string s = "0123456789abcdef";
  const char* p = s.c_str();
  s += "more characters";
  printf("%s\\n", s.c_str());
  return p[0];
}
`,
      'use-after-free',
      8,
    );
  });
});

describe('class temporaries', () => {
  it('are destroyed at the end of their full-expression, last constructed first', () => {
    // g++ 12 also prints "~T3" when r goes out of scope: not modelled yet (see the README).
    const cpp = `#include <cstdio>
struct T { int v; T(int x) : v(x) { printf("T%d\\n", v); } ~T() { printf("~T%d\\n", v); } int get() const { return v; } };
extern "C" long go() {
  int s = T(1).get() + T(2).get();
  printf("sum %d\\n", s);
  const T& r = T(3);
  printf("r %d\\n", r.get());
  return s;
}
`;
    for (const target of TARGETS)
      expect(run(cpp, target).stdout, target).toMatch(/^T1\nT2\n~T2\n~T1\nsum 3\nT3\nr 3\n/);
  });
});

describe('smart pointers', () => {
  it('get, use_count, reset (with and without a pointer), release and make_unique', () => {
    expectPrints(
      `#include <memory>
#include <cstdio>
extern "C" long go() {
  std::unique_ptr<int> u = std::make_unique<int>(5);
  int* raw = u.get();
  std::shared_ptr<int> s = std::make_shared<int>(7);
  std::shared_ptr<int> t = s;
  printf("%d %d %ld\\n", *raw, *s, s.use_count());
  t.reset();
  printf("%ld\\n", s.use_count());
  int* r = u.release();
  delete r;
  u.reset(new int(3));
  return *u;
}
`,
      '5 7 2\n1\n3\n',
    );
  });
});

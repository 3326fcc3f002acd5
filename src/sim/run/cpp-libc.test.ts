/**
 * strcpy, snprintf, atoi and std::swap with glibc's and libstdc++'s behaviour: snprintf stores at
 * most n - 1 bytes and a NUL and returns the full length, atoi is (int) strtol(s, NULL, 10), strcpy
 * copies through the NUL (past the destination's end it is a stray write). The expected output is
 * g++ 12 -O0's with a `main` calling `go()` (x86-64, and aarch64-linux-gnu-g++ under qemu-aarch64:
 * identical). The optional/complex program likewise (g++ 12 -O0, both targets).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const TARGETS: Target[] = ['x86_64', 'aarch64'];
const CALL_GO = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> int\nprint(go())\n';

const STRINGS = `#include <cstdio>
#include <cstdlib>
#include <cstring>
extern "C" long go() {
    char buf[16];
    strcpy(buf, "hello");
    char out[8];
    int n = snprintf(out, sizeof out, "%s-%d-%g", buf, 42, 1.5);
    printf("%s %d %s %zu\\n", buf, n, out, strlen(out));
    int a = atoi("  -123abc");
    int b = atoi("+77");
    int c = atoi("x1");
    int d = atoi("99999999999");
    printf("%d %d %d %d\\n", a, b, c, d);
    return a + b;
}
`;

const SWAP = `#include <utility>
extern "C" long go() {
    int a = 1, b = 2;
    double x = 0.5, y = 8.0;
    std::swap(a, b);
    std::swap(x, y);
    return a * 100 + b * 10 + (long)(x - y);
}
`;

const OVERFLOW = `#include <cstring>
extern "C" long go() {
    char small[4];
    strcpy(small, "toolong");
    return small[0];
}
`;

const OPTIONAL_COMPLEX = `#include <cstdio>
#include <optional>
#include <complex>
extern "C" long go() {
    std::optional<int> o = 4;
    std::optional<double> p = 2.5;
    std::complex<double> z(1.5, -2.0);
    std::complex<float> w(0.5f, 3.0f);
    printf("%d %d %d %g %g %g %g\\n", o.has_value(), p.has_value(), (int)o.has_value(), z.real(), z.imag(), w.real(), w.imag());
    long n = 0;
    if (o) n++;
    if (p) n++;
    return n + o.value() + (long)p.value();
}
`;

describe('std::optional and std::complex members', () => {
  it('has_value and operator bool of an engaged optional are true; real and imag are the parts', () => {
    for (const target of TARGETS) {
      const s = runProgram({ cpp: OPTIONAL_COMPLEX, codon: CALL_GO, target }).summary;
      expect(s.diagnostics, target).toEqual([]);
      expect(s.stdout, target).toBe('1 1 1 1.5 -2 0.5 3\n8\n');
    }
  });
});

describe('C library string functions and std::swap', () => {
  it('strcpy, snprintf (truncating) and atoi print what g++ 12 and glibc print', () => {
    for (const target of TARGETS) {
      const s = runProgram({ cpp: STRINGS, codon: CALL_GO, target }).summary;
      expect(s.diagnostics, target).toEqual([]);
      expect(s.outcome, target).toBe('ok');
      expect(s.stdout, target).toBe('hello 12 hello-4 7\n-123 77 0 1215752191\n-46\n');
    }
  });

  it('std::swap exchanges two ints and two doubles in place', () => {
    for (const target of TARGETS) {
      const s = runProgram({ cpp: SWAP, codon: CALL_GO, target }).summary;
      expect(s.outcome, target).toBe('ok');
      expect(s.stdout, target).toBe('217\n');
    }
  });

  it('strcpy past the end of its destination is a stray write where it is called', () => {
    for (const target of TARGETS) {
      const found = runProgram({ cpp: OVERFLOW, codon: CALL_GO, target }).summary.findings;
      expect(
        found.map((f) => [f.kind, f.line]),
        target,
      ).toContainEqual(['stray-write', 4]);
    }
  });
});

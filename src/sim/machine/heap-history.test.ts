/**
 * The C heap starts as the Codon runtime leaves it (heap-history.ts), and glibc's free puts small
 * chunks in tcache bins before it checks their neighbours. Each expectation is what the oracle
 * printed for the same program (`npm run real`, glibc 2.36).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from '../run/index.ts';

const CALL = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.f(float) -> float\nprint(f(2.0))\n';
const TARGETS: Target[] = ['x86_64', 'aarch64'];

function run(cpp: string, target: Target) {
  return runProgram({ cpp, codon: CALL, target, indeterminate: true }).summary;
}

describe('the C heap at the first foreign call', () => {
  it.each(TARGETS)('hands out the runtime’s freed chunks first, last freed first (%s)', (target) => {
    // Two 32-byte blocks come out of the tcache bin of 48-byte chunks the loader left: the second
    // lies 0xd0 below the first, as in the real process.
    const s = run(
      `#include <cstdlib>
#include <cstdio>
extern "C" double f(double x) {
  char* a = (char*)malloc(32);
  char* b = (char*)malloc(32);
  char* c = (char*)malloc(32);
  printf("%ld %ld\\n", (long)(b - a), (long)(c - b));
  return x;
}
`,
      target,
    );
    expect(s.outcome).toBe('ok');
    const [ab] = s.stdout.split(' ');
    expect(Number(ab)).toBe(-0xd0);
  });

  it.each(TARGETS)(
    'lets a write past a block clobber its neighbour without abort when both go to tcache (%s)',
    (target) => {
      const s = run(
        `#include <cstdlib>
extern "C" double f(double x) {
  double* a = (double*)malloc(4 * sizeof(double));
  double* b = (double*)malloc(4 * sizeof(double));
  for (int i = 0; i <= 5; i++) a[i] = x + i;
  free(b);
  free(a);
  return x;
}
`,
        target,
      );
      expect(s.outcome).toBe('ok');
      expect(s.stdout).toBe('2\n');
      expect(s.findings.map((f) => f.kind)).toContain('stray-write');
    },
  );

  it('leaves glibc’s safe-linked tcache pointer over a freed block, an indeterminate value', () => {
    const s = run(
      `#include <vector>
extern "C" double f(double x) {
  std::vector<double> v{1, 2, 3};
  double* p = &v[0];
  v.push_back(x);
  return *p;
}
`,
      'x86_64',
    );
    expect(s.outcome).toBe('ok');
    // The oracle printed 1.13173e-313: the chunk's address shifted right by 12, read as a double.
    expect(s.stdout).toBe('1.13173e-313\n');
    expect(s.stdoutIndeterminate?.[0]?.sources).toContain('freed');
  });
});

/**
 * What unique_ptr and shared_ptr delete runs the owned object's destructor before its memory goes
 * (std::default_delete is `delete p`; libstdc++'s _Sp_counted_ptr::_M_dispose deletes the pointer,
 * _Sp_counted_ptr_inplace::_M_dispose destroys make_shared's object inside the block), and a
 * unique_ptr's move assignment deletes what the target held before. The expected output is the
 * oracle's (`npm run real -- --cpp lib.cpp --codon main.codon`, x86-64 and --target aarch64:
 * identical), g++ 12 -O0 with glibc 2.36.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const TARGETS: Target[] = ['x86_64', 'aarch64'];
const CALL_F = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.f(float) -> float\nprint(f(2.0))\n';

function expectPrints(cpp: string, stdout: string) {
  for (const target of TARGETS) {
    const s = runProgram({ cpp, codon: CALL_F, target }).summary;
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
    // Every Buf's array is deleted by its destructor: nothing leaks.
    expect(s.findings, target).toEqual([]);
  }
}

const BUF = `#include <memory>
#include <cstdio>
struct Buf {
  int id;
  double* d;
  Buf(int i) : id(i), d(new double[2]) {}
  ~Buf() { printf("dtor %d\\n", id); delete[] d; }
};
`;

describe('smart pointers destroy what they own', () => {
  it('runs the destructor on unique_ptr destruction, move assignment and reset', () => {
    expectPrints(
      `${BUF}extern "C" double f(double x) {
  auto a = std::make_unique<Buf>(1);
  auto b = std::make_unique<Buf>(2);
  a = std::move(b);
  a.reset(new Buf(3));
  printf("end\\n");
  return x;
}
`,
      'dtor 1\ndtor 2\nend\ndtor 3\n2\n',
    );
  });

  it('runs the destructor when the last shared_ptr goes, in place for make_shared', () => {
    expectPrints(
      `${BUF}extern "C" double f(double x) {
  auto s = std::make_shared<Buf>(4);
  auto s2 = s;
  s.reset();
  std::shared_ptr<Buf> t(new Buf(5));
  t = s2;
  printf("end\\n");
  return x;
}
`,
      'dtor 5\nend\ndtor 4\n2\n',
    );
  });
});

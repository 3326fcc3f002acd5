/**
 * Calls whose declarations disagree but whose registers line up on one target: the run goes well
 * there, and a finding still says it is a coincidence (issue 14, section 3; docs/DOMAIN.md#the-write-up-judged).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const ARRAY4 = `#include <array>
extern "C" std::array<double, 4> foo() {
  std::array<double, 4> bar;
  bar[0] = 1.5; bar[1] = 2.5; bar[2] = 3.5; bar[3] = 4.5;
  return bar;
}
`;
const HACK = `LIBPATH = "./libfoo.so"
from C import LIBPATH.foo(Ptr[float]) -> Ptr[float]
buf = Ptr[float](4)
bar = foo(buf)
print(buf[0], bar[3])
`;

function findingsOf(cpp: string, codon: string, target: Target) {
  const s = runProgram({ cpp, codon, target, leftover: 'runtime-data' }).summary;
  return { s, kinds: s.findings.map((f) => f.kind) };
}

describe('a declaration that lines up by coincidence', () => {
  it('works on x86-64 and is flagged as a coincidence there, at the call', () => {
    const { s, kinds } = findingsOf(ARRAY4, HACK, 'x86_64');
    expect(s.stdout).toBe('1.5 4.5\n');
    expect(kinds).toEqual(['abi-coincidence']);
    const f = s.findings[0];
    expect(f).toMatchObject({ file: 'main.codon', line: 4 });
    expect(f?.message).toContain('foo(Ptr[float]) -> Ptr[float]');
    expect(f?.message).toContain('std::array<double, 4> foo()');
    expect(f?.message).toMatch(/happens to work.*rdi.*rax.*undefined.*x8/);
  });

  it('is a plain mismatch on AArch64, where nothing lines up', () => {
    const { kinds } = findingsOf(ARRAY4, HACK, 'aarch64');
    expect(kinds).toContain('abi-mismatch');
    expect(kinds).not.toContain('abi-coincidence');
  });

  it('is not said of a call whose declarations agree', () => {
    const cpp = 'extern "C" double* foo(double* out) { out[0] = 1.5; out[3] = 4.5; return out; }\n';
    for (const target of ['x86_64', 'aarch64'] as const)
      expect(findingsOf(cpp, HACK, target).kinds).toEqual([]);
  });
});

/**
 * The wider Codon subset (issue 13, "Codon"): fixed-width integers, pointer arithmetic and casts,
 * `__ptr__` of a `@tuple` field, static C imports of libc/libm (`from C import` and `@C`), and
 * `str.c_str()`. Each expected output is what the oracle (`npm run real`, Codon 0.19's lowering run
 * for real) printed for the same program on both targets.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];

function run(codon: string, target: Target) {
  return runProgram({ cpp: '', codon, target, record: 'summary' }).summary;
}

function expectRuns(codon: string, stdout: string) {
  for (const target of TARGETS) {
    const s = run(codon, target);
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
  }
}

function expectFinding(codon: string, kind: string) {
  for (const target of TARGETS) {
    const s = run(codon, target);
    expect(s.diagnostics, target).toEqual([]);
    expect(
      s.findings.map((f) => f.kind),
      target,
    ).toContain(kind);
  }
}

function expectCheckError(codon: string, text: string) {
  const s = run(codon, 'x86_64');
  expect(s.outcome).toBe('compile-error');
  expect(s.diagnostics.map((d) => d.message).join('\n')).toContain(text);
}

describe('fixed-width integers (intn.codon)', () => {
  it('construct, wrap at their width, divide toward zero and print', () => {
    expectRuns(
      `a = i32(2147483647)
b = a + i32(1)
print(b, -i8(-128), i16(-7) // i16(2), i16(-7) % i16(2), u8(300), u16(-1), i32())
print(i32(7) / i32(2), u32(5) > u32(3), int(i16(-3)) + 1)
`,
      '-2147483648 -128 -3 -1 44 65535 0\n3.5 True -2\n',
    );
  });

  it('do not mix with int, as Int[N].__add__ takes only Int[N]', () => {
    expectCheckError('x = i32(1) + 1\n', "'Int[32]' and 'int'");
  });
});

describe('fixed-width integers at the boundary', () => {
  const LIB = `extern "C" int twice(int x) { return 2 * x; }
extern "C" short neg(short x) { return -x; }
extern "C" long wide(int x) { return x; }
`;
  const runLib = (codon: string, target: Target) =>
    runProgram({ cpp: LIB, codon, target, record: 'summary' }).summary;

  it('agree with the C types of their width (i32 is int, i16 is short)', () => {
    const codon = `LIB = "./libfoo.so"
from C import LIB.twice(i32) -> i32
from C import LIB.neg(i16) -> i16
from C import LIB.wide(i32) -> int
print(twice(i32(21)), neg(i16(5)), wide(i32(-4)))
`;
    for (const target of TARGETS) {
      const s = runLib(codon, target);
      expect(s.findings, target).toEqual([]);
      expect(s.stdout, target).toBe('42 -5 -4\n');
    }
  });

  it('disagree with a C type of another width', () => {
    const codon = `LIB = "./libfoo.so"
from C import LIB.twice(int) -> i16
x = twice(3)
`;
    for (const target of TARGETS)
      expect(
        runLib(codon, target).findings.map((f) => f.kind),
        target,
      ).toContain('type-mismatch');
  });
});

describe('pointers', () => {
  it('subtract to an element count and compare by address', () => {
    expectRuns(
      `p = Ptr[int](4)
q = p + 3
print(q - p, p < q, p == q, (q - 1) - p)
`,
      '3 True False 2\n',
    );
  });

  it('take the address of a @tuple field, and convert between element types', () => {
    expectRuns(
      `@tuple
class Point:
    x: int
    y: i32
    z: i32

r = Point(3, i32(4), i32(5))
s = r
p = __ptr__(r.z)
p[0] = i32(99)
q = Ptr[i32](__ptr__(r.x))
print(r.x, r.y, r.z, s.z, p - q, q[2])
`,
      '3 4 99 5 3 4\n',
    );
  });
});

describe('libc and libm through static C imports', () => {
  it('runs the modelled functions with their real results', () => {
    expectRuns(
      `from C import frexp(float, Ptr[i32]) -> float
from C import sqrt(float) -> float
from C import pow(float, float) -> float
from C import floor(float) -> float
e = i32()
m = frexp(16.4, __ptr__(e))
print(m, e, sqrt(2.0), pow(2.0, 10.0), floor(-2.5))
`,
      '0.5125 5 1.41421 1024 -3\n',
    );
  });

  it('passes strings with c_str(), and renames with as', () => {
    expectRuns(
      `from C import puts(cobj) -> None as print_line
from C import strlen(cobj) -> int
from C import atoi(cobj) -> i32
print_line("hello".c_str())
s = "-1234xyz"
print(strlen(s.c_str()), atoi(s.c_str()))
`,
      'hello\n8 -1234\n',
    );
  });

  it('reads a C string back with str.from_ptr, and compares strings by their bytes', () => {
    expectRuns(
      `from C import puts(cobj) -> None
s = "hi there"
c = s.c_str()
t = str.from_ptr(c)
print(t, len(t), s.len)
puts(c)
`,
      'hi there 8 8\nhi there\n',
    );
    expectRuns('a = "ab"\nb = str.from_ptr(a.c_str())\nprint(a == b, a != b)\n', 'True False\n');
  });

  it('allocates, fills, copies and frees C memory', () => {
    expectRuns(
      `from C import malloc(int) -> cobj
from C import calloc(int, int) -> Ptr[int]
from C import memset(cobj, i32, int) -> cobj
from C import memcpy(cobj, cobj, int) -> cobj
from C import free(cobj) -> None
a = malloc(8)
memset(a, i32(7), 8)
b = calloc(2, 8)
memcpy(Ptr[byte](b), a, 8)
print(Ptr[i32](b)[0], Ptr[i32](b)[1], b[1])
free(a)
free(Ptr[byte](b))
`,
      '117901063 117901063 0\n',
    );
  });

  it('takes the @C decorator form, with @pure', () => {
    expectRuns(
      `@C
@pure
def sqrt(x: float) -> float:
    pass

print(sqrt(2.0))
`,
      '1.41421\n',
    );
  });

  it('catches a wrong declaration of a libc function like any other mismatch', () => {
    expectFinding('from C import sqrt(int) -> int\nx = sqrt(4)\n', 'abi-mismatch');
    expectFinding('from C import strlen(cobj) -> float\nx = strlen("ab".c_str())\n', 'abi-mismatch');
  });

  it('keeps Codon’s own errors for @C functions', () => {
    expectCheckError('@C\ndef f(x: float):\n    pass\n', 'return types required for LLVM and C functions');
    expectCheckError(
      '@C\ndef f(x) -> float:\n    pass\n',
      "argument 'x' within C function definition requires type annotation",
    );
  });
});

describe('list.pop()', () => {
  it('returns the last item and shortens the list, and raises IndexError when empty', () => {
    const codon = `l = [1.5, 2.5, 3.5]
x = l.pop()
print(x, len(l), l)
l.append(9.0)
print(l.pop(), l.pop(), l.pop(), len(l))
print(l.pop())
`;
    for (const target of TARGETS) {
      const s = run(codon, target);
      expect(s.stdout, target).toBe('3.5 2 [1.5, 2.5]\n9 2.5 1.5 0\n');
      expect(s.outcome, target).toBe('runtime-error');
      expect(JSON.stringify(s.error), target).toContain('pop from empty list');
    }
  });
});

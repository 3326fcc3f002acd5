/**
 * Every example of Codon's own C-interop documentation (Codon 0.19, exaloop/codon at fcd7d3f):
 * `docs/integrations/cpp/cpp-from-codon.md`, `docs/integrations/cpp/codon-from-cpp.md` and
 * `docs/language/lowlevel.md`. Each either runs on the simulator with the output the docs give, or
 * says why it is not (yet) modelled; `docs-examples.test.ts` holds the simulator to both.
 */

/** Where an example stands: it runs with the docs' output, or it is excluded for a stated reason. */
export type ExampleStatus =
  | { kind: 'runs'; stdout: string }
  | { kind: 'excluded'; reason: string }
  /**
   * Runs, and fails as the real program does here: the example assumes something of the machine
   * this setup does not have (a library installed in the system's library directories).
   */
  | { kind: 'raises'; error: { type: string; message: string }; reason: string }
  /**
   * The Codon file is accepted and runs (its own output is `stdout`), but the example's point is a
   * C program calling it, which the simulator cannot start from: it runs a Codon main only.
   */
  | { kind: 'codon-side-only'; stdout: string; reason: string };

export interface DocsExample {
  id: string;
  /** The page in Codon's repository, and the heading the example stands under. */
  doc: string;
  heading: string;
  codon: string;
  /** The C++ library beside it (most examples call libc/libm only). */
  cpp: string;
  status: ExampleStatus;
}

const CPP_FROM_CODON = 'docs/integrations/cpp/cpp-from-codon.md';
const CODON_FROM_CPP = 'docs/integrations/cpp/codon-from-cpp.md';
const LOWLEVEL = 'docs/language/lowlevel.md';
const NO_LIBRARY = '// no library: the example calls libc and libm only\n';

export const DOCS_EXAMPLES: readonly DocsExample[] = [
  {
    id: 'static-sqrt',
    doc: CPP_FROM_CODON,
    heading: 'Calling C/C++ from Codon',
    codon: `# import the C standard library 'sqrt' function
from C import sqrt(float) -> float
print(sqrt(2.0))  # 1.41421
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '1.41421\n' },
  },
  {
    id: 'rename-puts',
    doc: CPP_FROM_CODON,
    heading: 'Calling C/C++ from Codon (renaming)',
    codon: `# cobj is a C pointer (void*, char*, etc.)
# None can be used to represent C's void
from C import puts(cobj) -> None as print_line
print_line("hello".c_str())  # prints "hello"; c_str() converts Codon str to C string
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: 'hello\n' },
  },
  {
    id: 'decorator-sqrt',
    doc: CPP_FROM_CODON,
    heading: 'Calling C/C++ from Codon (@C with @pure)',
    codon: `@C
@pure
def sqrt(x: float) -> float:
    pass

print(sqrt(2.0))  # 1.41421
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '1.41421\n' },
  },
  {
    id: 'dynamic-loading',
    doc: CPP_FROM_CODON,
    heading: 'Dynamic loading',
    codon: `LIBRARY = "libhello.so"

# load dynamically from 'libhello.so'
from C import LIBRARY.foo(int, float) -> None
from C import LIBRARY.bar() -> int as baz

x = foo(1, 2.2)
y = baz()
`,
    // The docs show no library; this one matches the declarations and prints nothing.
    cpp: `extern "C" void foo(long a, double b) {}
extern "C" long bar() { return 7; }
`,
    status: {
      kind: 'raises',
      error: {
        type: 'CError',
        message: 'libhello.so: cannot open shared object file: No such file or directory',
      },
      reason:
        'a path without a slash is looked for in the system library directories only (dlopen(3)), never in the current directory, where this setup builds the library as ./libfoo.so; the real run (npm run real) raises the same CError',
    },
  },
  {
    id: 'export-foo',
    doc: CODON_FROM_CPP,
    heading: 'Calling Codon from C/C++',
    codon: `@export
def foo(n: int):
    for i in range(n):
        print(i * i)
    return n * n
`,
    cpp: `#include <stdint.h>
#include <stdio.h>

int64_t foo(int64_t);

int main() {
  printf("%llu\\n", foo(10));
}
`,
    status: {
      kind: 'codon-side-only',
      stdout: '',
      reason:
        'the simulator runs a Codon program that calls a C++ library; a C main program linked against a Codon library (codon build --lib) is the other direction. The Codon file itself runs (@export is accepted; it has no top-level code, so it prints nothing), and a library can call an @export function here through the pointer f.__raw__() gives',
    },
  },
  {
    id: 'int-types',
    doc: LOWLEVEL,
    heading: 'Integer types',
    codon: `a = Int[16](42)    # signed 16-bit integer 42
b = UInt[128](99)  # unsigned 128-bit integer 99
`,
    cpp: NO_LIBRARY,
    status: {
      kind: 'excluded',
      reason: 'Int[N] and UInt[N] of arbitrary width (128 bits here) are not modelled; i8 to u64 are',
    },
  },
  {
    id: 'int-casts',
    doc: LOWLEVEL,
    heading: 'Integer types (casts)',
    codon: `a = 42
b = i16(a)
c = u32(b)
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '' },
  },
  {
    id: 'int-arith',
    doc: LOWLEVEL,
    heading: 'Integer types (arithmetic)',
    codon: `x = i32(10)
y = i32(20)
print(x + y)  # 30
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '30\n' },
  },
  {
    id: 'float-types',
    doc: LOWLEVEL,
    heading: 'Floating-point types',
    codon: `x = float32(3.14)
y = float128(-1.0)
z = bfloat16(0.5)
`,
    cpp: NO_LIBRARY,
    status: {
      kind: 'excluded',
      reason:
        'float128 and bfloat16 are not modelled (float and float32 are): no C++ type in the subset meets them',
    },
  },
  {
    id: 'bfloat-pow',
    doc: LOWLEVEL,
    heading: 'Floating-point types (arithmetic)',
    codon: `x = bfloat16(2) ** bfloat16(0.5)
print(x)  # 1.41406
`,
    cpp: NO_LIBRARY,
    status: { kind: 'excluded', reason: 'bfloat16 is not modelled' },
  },
  {
    id: 'ptr-alloc',
    doc: LOWLEVEL,
    heading: 'Pointers',
    codon: `buffer = Ptr[int](10)  # equivalent to 'malloc(10 * sizeof(int64_t))' in C
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '' },
  },
  {
    id: 'ptr-index',
    doc: LOWLEVEL,
    heading: 'Pointers (indexing)',
    codon: `buffer = Ptr[int](10)
buffer[0] = 10  # equivalent to '(*buffer) = 10' in C
buffer[5] = 42  # equivalent to 'buffer[5] = 42' in C
print(buffer[0])  # 10
print(buffer[5])  # 42
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '10\n42\n' },
  },
  {
    id: 'ptr-null',
    doc: LOWLEVEL,
    heading: 'Pointers (null)',
    codon: `null = Ptr[int]()  # equivalent to 'NULL' in C or 'nullptr' in C++
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '' },
  },
  {
    id: 'ptr-cast',
    doc: LOWLEVEL,
    heading: 'Pointers (casts)',
    codon: `x = Ptr[float](1)
x[0] = 3.14

y = Ptr[int](x)  # treat 'x' as an integer pointer
print(y[0])      # 4614253070214989087 - same bits as '3.14' float
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '4614253070214989087\n' },
  },
  {
    id: 'ptr-arith',
    doc: LOWLEVEL,
    heading: 'Pointers (arithmetic and comparison)',
    codon: `p = Ptr[int](1)
q = p + 1  # equivalent to '&p[1]' in C

print(p == q)  # False
print(q - p)   # 1
print(p < q)   # True
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: 'False\n1\nTrue\n' },
  },
  {
    id: 'ptr-to-var',
    doc: LOWLEVEL,
    heading: 'Pointers to variables',
    codon: `x = 42
p = __ptr__(x)  # 'p' is a 'Ptr[int]'; equivalent to '&x' in C
p[0] = 99
print(x)  # 99
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '99\n' },
  },
  {
    id: 'frexp',
    doc: LOWLEVEL,
    heading: 'Pointers to variables (frexp)',
    codon: `from C import frexp(float, Ptr[i32]) -> float

x = 16.4
exponent = i32()
mantissa = frexp(x, __ptr__(exponent))  # equivalent to 'frexp(x, &exponent)' in C

print(mantissa, exponent)  # 0.5125 5
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '0.5125 5\n' },
  },
  {
    id: 'ptr-to-field',
    doc: LOWLEVEL,
    heading: 'Pointers to fields',
    codon: `@tuple
class Point:
    x: int
    y: int

r = Point(3, 4)
p = __ptr__(r.y)  # 'p' is a 'Ptr[int]'; equivalent to '&r.x' in C
p[0] = 99
print(r.x, r.y)  # 3 99
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '3 99\n' },
  },
  {
    id: 'ptr-to-field-copy',
    doc: LOWLEVEL,
    heading: 'Pointers to fields (copies)',
    codon: `@tuple
class Point:
    x: int
    y: int

r = Point(3, 4)
s = r  # creates a copy of 'r'
p = __ptr__(r.y)
p[0] = 99

print(s.x, s.y)  # 3 4 (not changed by pointer modification)
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '3 4\n' },
  },
  {
    id: 'prefetch',
    doc: LOWLEVEL,
    heading: 'Software prefetching',
    codon: `p = Ptr[int](1)
p.__prefetch_w3__()  # prefetch for write, high temporal locality
`,
    cpp: NO_LIBRARY,
    status: {
      kind: 'excluded',
      reason: 'prefetch hints change no value a program can see; the simulator has no cache to show them in',
    },
  },
  {
    id: 'static-array',
    doc: LOWLEVEL,
    heading: 'Static arrays',
    codon: `def f():
    arr = __array__[int](10)  # array of 10 integers; equivalent to 'int64_t arr[10]' in C
    arr[0] = 42
    print(arr[0])  # 42
`,
    cpp: NO_LIBRARY,
    status: { kind: 'runs', stdout: '' },
  },
];

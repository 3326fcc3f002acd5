/**
 * Programs others wrote, for `npm run test:diff:others` (others.ts): the measure issue 14 starts
 * from ("on programs others wrote the simulator agrees with the real machine about a third of the
 * time"). Three groups, none written to suit the simulator:
 * - `codon-docs`: every example of Codon's own C-interop documentation the simulator runs
 *   (src/sim/codon/docs-examples/examples.ts, each with its page and heading);
 * - `classic-bug`: the non-compliant examples of the SEI CERT C and C++ coding standards for
 *   memory and lifetime (https://wiki.sei.cmu.edu/confluence/display/cplusplus and
 *   .../display/c), each the rule's own bug shape put in a library function a Codon program calls;
 * - `lesson-edit`: edits a learner makes to lesson 2's program (the array's size and element type,
 *   the Codon declaration, a second call, a print between calls) and to the other lessons' (a fix
 *   undone, a buffer too small, a handle used after release).
 * No entry carries an expected output: the real run decides.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_EXAMPLES } from '../src/sim/codon/docs-examples/examples';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export type OthersGroup = 'codon-docs' | 'classic-bug' | 'lesson-edit';

export interface OthersProgram {
  id: string;
  group: OthersGroup;
  /** Where the program comes from: a page and heading, a CERT rule, or the edit made. */
  source: string;
  cpp: string;
  codon: string;
}

/** A Codon caller of one library function `f` taking no arguments, printing its result. */
const call = (decl: string, use = 'print(f())'): string =>
  `LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.${decl}\n${use}\n`;

const CERT_CPP = 'https://wiki.sei.cmu.edu/confluence/display/cplusplus/';
const CERT_C = 'https://wiki.sei.cmu.edu/confluence/display/c/';

const CLASSIC: readonly Omit<OthersProgram, 'group'>[] = [
  {
    id: 'exp54-ref-to-local',
    source: `${CERT_CPP}EXP54-CPP (a reference to a local outlives it)`,
    cpp: `static const long& pick() {
    long x = 42;
    return x;
}
extern "C" long f() { return pick(); }
`,
    codon: call('f() -> int'),
  },
  {
    id: 'dcl30-pointer-to-local-array',
    source: `${CERT_C}DCL30-C (returning the address of an automatic array)`,
    cpp: `static long* init_array() {
    long array[4] = {1, 2, 3, 4};
    return array;
}
extern "C" long f() { return init_array()[1]; }
`,
    codon: call('f() -> int'),
  },
  {
    id: 'dcl30-pointer-kept',
    source: `${CERT_C}DCL30-C (a pointer to a local returned through a pointer variable)`,
    cpp: `static double* keep() {
    double d[2] = {1.5, 2.5};
    double* p = d;
    return p;
}
extern "C" double* f() { return keep(); }
`,
    codon: call('f() -> Ptr[float]', 'p = f()\nprint(p[0], p[1])'),
  },
  {
    id: 'mem50-use-after-delete',
    source: `${CERT_CPP}MEM50-CPP (reading through a pointer after delete)`,
    cpp: `extern "C" long f() {
    long* p = new long(5);
    delete p;
    return *p;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'mem50-use-after-free-c',
    source: `${CERT_C}MEM30-C (reading freed memory)`,
    cpp: `#include <cstdlib>
extern "C" double f() {
    double* p = (double*)malloc(4 * sizeof(double));
    p[0] = 1.5;
    free(p);
    return p[0] + 1;
}
`,
    codon: call('f() -> float'),
  },
  {
    id: 'mem51-new-array-delete',
    source: `${CERT_CPP}MEM51-CPP (new[] released with delete)`,
    cpp: `struct W { long v; ~W() {} };
extern "C" long f() {
    W* w = new W[6];
    w[0].v = 7;
    long r = w[0].v;
    delete w;
    return r;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'mem51-double-free',
    source: `${CERT_CPP}MEM51-CPP / ${CERT_C}MEM30-C (freeing twice)`,
    cpp: `#include <cstdlib>
extern "C" long f() {
    long* p = (long*)malloc(sizeof(long));
    *p = 3;
    free(p);
    free(p);
    return 1;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'arr30-off-by-one-loop',
    source: `${CERT_C}ARR30-C (a loop that writes one element past a local array)`,
    cpp: `extern "C" long f() {
    long a[4];
    long sum = 0;
    for (long i = 0; i <= 4; i++) a[i] = 10 + i;
    for (long i = 0; i < 4; i++) sum += a[i];
    return sum;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'str31-strcpy-overflow',
    source: `${CERT_C}STR31-C (strcpy into a buffer too small for the string)`,
    cpp: `#include <cstring>
extern "C" long f() {
    char buf[8];
    strcpy(buf, "a string much longer than eight bytes");
    return (long)strlen(buf);
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'exp53-uninitialised-local',
    source: `${CERT_CPP}EXP53-CPP (reading an uninitialised local)`,
    cpp: `extern "C" long f() {
    long x;
    return x + 1;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'ctr51-pointer-after-push-back',
    source: `${CERT_CPP}CTR51-CPP (a pointer into a vector kept across push_back)`,
    cpp: `#include <vector>
extern "C" double f() {
    std::vector<double> v;
    v.push_back(1.25);
    double* first = &v[0];
    v.push_back(2.5);
    v.push_back(3.75);
    return *first;
}
`,
    codon: call('f() -> float'),
  },
  {
    id: 'str52-c-str-of-temporary',
    source: `${CERT_CPP}STR52-CPP / EXP54-CPP (c_str() of a destroyed std::string)`,
    cpp: `#include <string>
static std::string name() { return std::string("a name longer than fifteen bytes"); }
extern "C" long f() {
    const char* p = name().c_str();
    return p[0];
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'mem35-too-small-allocation',
    source: `${CERT_C}MEM35-C (allocating fewer bytes than the object needs)`,
    cpp: `#include <cstdlib>
extern "C" long f() {
    long* p = (long*)malloc(3);
    p[0] = 11;
    p[1] = 22;
    long r = p[0] + p[1];
    free(p);
    return r;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'exp34-null-after-move',
    source: `${CERT_C}EXP34-C / ${CERT_CPP}EXP63-CPP (dereferencing a moved-from unique_ptr)`,
    cpp: `#include <memory>
#include <utility>
extern "C" long f() {
    std::unique_ptr<long> a(new long(9));
    std::unique_ptr<long> b = std::move(a);
    return *a;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'exp62-struct-past-end',
    source: `${CERT_CPP}EXP62-CPP / ${CERT_C}ARR38-C (copying more bytes than the object has)`,
    cpp: `#include <cstring>
struct P { double x, y; };
extern "C" double f() {
    P a = {1.5, 2.5};
    double out[4] = {0, 0, 0, 0};
    memcpy(out, &a, 4 * sizeof(double));
    return out[0] + out[1];
}
`,
    codon: call('f() -> float'),
  },
  {
    id: 'mem31-leak',
    source: `${CERT_C}MEM31-C (memory allocated and never freed)`,
    cpp: `#include <cstdlib>
extern "C" long f() {
    long* p = (long*)malloc(8 * sizeof(long));
    p[0] = 5;
    return p[0];
}
`,
    codon: call('f() -> int', 'print(f())\nprint(f())'),
  },
  {
    id: 'int31-narrowing',
    source: `${CERT_C}INT31-C (a conversion that loses data)`,
    cpp: `extern "C" unsigned char f(long v) { return (unsigned char)v; }
`,
    codon: call('f(int) -> int', 'print(f(300), f(-1))'),
  },
  {
    id: 'exp39-wrong-pointer-type',
    source: `${CERT_C}EXP39-C (reading a double through a pointer to another type)`,
    cpp: `extern "C" double* f() {
    static double d[2] = {1.5, -2.0};
    return d;
}
`,
    codon: call('f() -> Ptr[int]', 'p = f()\nprint(p[0], p[1])'),
  },
  {
    id: 'mem56-two-owners',
    source: `${CERT_CPP}MEM56-CPP (two smart pointers owning one object)`,
    cpp: `#include <memory>
extern "C" long f() {
    long* raw = new long(4);
    std::unique_ptr<long> a(raw);
    std::unique_ptr<long> b(raw);
    return *a + *b;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'ctr50-vector-index-past-end',
    source: `${CERT_CPP}CTR50-CPP (a vector indexed past its size)`,
    cpp: `#include <vector>
extern "C" long f() {
    std::vector<long> v(3, 7);
    return v[3] + v[4];
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'str53-string-index-past-end',
    source: `${CERT_CPP}STR53-CPP (a string indexed past its length)`,
    cpp: `#include <string>
extern "C" long f() {
    std::string s("abc");
    return s[3] + s[5];
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'exp53-uninitialised-heap',
    source: `${CERT_CPP}EXP53-CPP (reading memory new[] left uninitialised)`,
    cpp: `extern "C" long f() {
    long* p = new long[4];
    long r = p[2];
    delete[] p;
    return r;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'arr30-heap-one-past',
    source: `${CERT_C}ARR30-C (a write one element past a heap array)`,
    cpp: `#include <cstdlib>
extern "C" long f() {
    long* a = (long*)malloc(4 * sizeof(long));
    long* b = (long*)malloc(4 * sizeof(long));
    b[0] = 5;
    for (int i = 0; i <= 4; i++) a[i] = 100 + i;
    long r = b[0];
    free(a);
    free(b);
    return r;
}
`,
    codon: call('f() -> int'),
  },
  {
    id: 'exp58-vector-by-value',
    source: `${CERT_CPP}EXP58-CPP / EXP56-CPP (a std::vector returned by value to a caller that declares a pointer)`,
    cpp: `#include <vector>
extern "C" std::vector<double> f() {
    std::vector<double> v;
    v.push_back(1.5);
    v.push_back(2.5);
    return v;
}
`,
    codon: call('f() -> Ptr[float]', 'p = f()\nprint(p[0] == 0.0)'),
  },
  {
    id: 'exp56-pair-as-tuple',
    source: `${CERT_CPP}EXP56-CPP (a std::pair returned to a caller that declares a matching @tuple)`,
    cpp: `#include <utility>
extern "C" std::pair<double, long> f() { return std::make_pair(1.5, 7L); }
`,
    codon: `LIBPATH = "./libfoo.so"

@tuple
class P:
    a: float
    b: int

from C import LIBPATH.f() -> P
r = f()
print(r.a, r.b)
`,
  },
];

const L2_CODON = (decl: string, body = ''): string =>
  `LIBPATH = "./libfoo.so"
from C import LIBPATH.${decl}

def run():
${
  body ||
  `    for i in range(3):
        bar = foo()
        print(bar[0], bar[1], bar[2], bar[3])`
}

run()
`;

const L2_CPP = (type: string, n: number, values: string[]): string =>
  `#include <array>

extern "C" {

__attribute__((visibility("default"))) std::array<${type}, ${n}> foo() {
    std::array<${type}, ${n}> bar;
${values.map((v, i) => `    bar[${i}] = ${v};`).join('\n')}
    return bar;
}

}
`;

const FOUR = ['1.5', '2.5', '3.5', '4.5'];

const EDITS: readonly Omit<OthersProgram, 'group'>[] = [
  {
    id: 'l2-as-is',
    source: 'lesson 2 as written',
    cpp: L2_CPP('double', 4, FOUR),
    codon: L2_CODON('foo() -> Ptr[float]'),
  },
  {
    id: 'l2-two-elements',
    source: 'lesson 2: std::array<double, 2>',
    cpp: L2_CPP('double', 2, FOUR.slice(0, 2)),
    codon: L2_CODON('foo() -> Ptr[float]', '    bar = foo()\n    print(bar[0], bar[1])'),
  },
  {
    id: 'l2-two-elements-four-stores',
    source: 'lesson 2: std::array<double, 2> keeping the four stores (issue 14 section 3)',
    cpp: L2_CPP('double', 2, FOUR.slice(0, 2)).replace(
      '    return bar;',
      '    bar[2] = 3.5;\n    bar[3] = 4.5;\n    return bar;',
    ),
    codon: L2_CODON('foo() -> Ptr[float]', '    bar = foo()\n    print(bar[0], bar[1])'),
  },
  {
    id: 'l2-three-elements',
    source: 'lesson 2: std::array<double, 3>',
    cpp: L2_CPP('double', 3, FOUR.slice(0, 3)),
    codon: L2_CODON('foo() -> Ptr[float]', '    bar = foo()\n    print(bar[0], bar[1], bar[2])'),
  },
  {
    id: 'l2-eight-elements',
    source: 'lesson 2: std::array<double, 8>',
    cpp: L2_CPP('double', 8, [...FOUR, '5.5', '6.5', '7.5', '8.5']),
    codon: L2_CODON('foo() -> Ptr[float]', '    bar = foo()\n    print(bar[0], bar[7])'),
  },
  {
    id: 'l2-floats',
    source: 'lesson 2: std::array<float, 4>',
    cpp: L2_CPP('float', 4, FOUR),
    codon: L2_CODON('foo() -> Ptr[float32]', '    bar = foo()\n    print(bar[0], bar[1], bar[2], bar[3])'),
  },
  {
    id: 'l2-longs',
    source: 'lesson 2: std::array<long, 4>',
    cpp: L2_CPP('long', 4, ['1', '2', '3', '4']),
    codon: L2_CODON('foo() -> Ptr[int]', '    bar = foo()\n    print(bar[0], bar[3])'),
  },
  {
    id: 'l2-ptr-int',
    source: 'lesson 2 declared -> Ptr[int]',
    cpp: L2_CPP('double', 4, FOUR),
    codon: L2_CODON('foo() -> Ptr[int]', '    bar = foo()\n    print(bar[0])'),
  },
  {
    id: 'l2-none',
    source: 'lesson 2 declared -> None',
    cpp: L2_CPP('double', 4, FOUR),
    codon: L2_CODON('foo() -> None', '    foo()\n    print("called")'),
  },
  {
    id: 'l2-int-result',
    source: 'lesson 2 declared -> int',
    cpp: L2_CPP('double', 4, FOUR),
    codon: L2_CODON('foo() -> int', '    print(foo())'),
  },
  {
    id: 'l2-float-result',
    source: 'lesson 2 declared -> float',
    cpp: L2_CPP('double', 4, FOUR),
    codon: L2_CODON('foo() -> float', '    print(foo())'),
  },
  {
    id: 'l2-print-first',
    source: 'lesson 2 with a print before the call (issue 14 section 3: print ends in fwrite)',
    cpp: L2_CPP('double', 4, FOUR),
    codon: L2_CODON('foo() -> Ptr[float]', '    print("before")\n    bar = foo()\n    print(bar[0], bar[1])'),
  },
  {
    id: 'l2-tuple',
    source: 'lesson 2 declared as a @tuple of four floats',
    cpp: L2_CPP('double', 4, FOUR),
    codon: `LIBPATH = "./libfoo.so"

@tuple
class Four:
    a: float
    b: float
    c: float
    d: float

from C import LIBPATH.foo() -> Four

def run():
    r = foo()
    print(r.a, r.b, r.c, r.d)

run()
`,
  },
  {
    id: 'l2-ptr-arg-hack',
    source: 'lesson 2 with the hidden pointer passed by hand: foo(Ptr[float]) -> Ptr[float]',
    cpp: L2_CPP('double', 4, FOUR),
    codon: L2_CODON(
      'foo(Ptr[float]) -> Ptr[float]',
      '    buf = Ptr[float](4)\n    r = foo(buf)\n    print(buf[0], buf[1], buf[2], buf[3])',
    ),
  },
];

/** A lesson program's files, read from content/ (the edits below change them as a learner would). */
function lesson(dir: string): { cpp: string; codon: string } {
  const at = join(ROOT, 'content', 'lessons', dir);
  return {
    cpp: readFileSync(join(at, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(at, 'main.codon'), 'utf8'),
  };
}

/** `text` with `from` replaced by `to`, failing loudly when a lesson no longer has `from`. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from))
    throw new Error(`others-corpus: the lesson no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** Edits of the other lessons' programs: a fix undone, a buffer too small, a handle used after release. */
function otherLessonEdits(): Omit<OthersProgram, 'group'>[] {
  const fixStatic = lesson('07-fix-static/programs/fix-static');
  const outPtr = lesson('08-fix-out-param/programs/out-ptr');
  const handle = lesson('09-fix-handle/programs/handle');
  const dangling = lesson('03-lifetime/programs/dangling');
  const gcBite = lesson('05-gc/programs/gc-bite');
  return [
    {
      id: 'l7-static-removed',
      source: 'lesson 7 with `static` removed from bar (the fix undone)',
      cpp: edit(fixStatic.cpp, '    static std::array<double, 4> bar;', '    std::array<double, 4> bar;'),
      codon: fixStatic.codon,
    },
    {
      id: 'l7-no-copy',
      source: 'lesson 7 keeping the pointer instead of copying, across two calls',
      cpp: fixStatic.cpp,
      codon: `LIBPATH = "./libfoo.so"
from C import LIBPATH.foo() -> Ptr[float]

def run():
    a = foo()
    b = foo()
    print(a[0], b[0])

run()
`,
    },
    {
      id: 'l8-buffer-too-small',
      source: 'lesson 8 with Ptr[float](2) for four values',
      cpp: outPtr.cpp,
      codon: edit(outPtr.codon, 'Ptr[float](4)', 'Ptr[float](2)'),
    },
    {
      id: 'l8-list-of-two',
      source: 'lesson 8 passing a two-element list',
      cpp: outPtr.cpp,
      codon: `LIBPATH = "./libfoo.so"
from C import LIBPATH.foo(Ptr[float]) -> None

def run():
    out = [0.0, 0.0]
    foo(out.arr.ptr)
    print(out)

run()
`,
    },
    {
      id: 'l9-read-after-release',
      source: 'lesson 9 reading the handle after releasing it',
      cpp: handle.cpp,
      codon: edit(
        handle.codon,
        '    read_result(h, out)\n    release_result(h)\n',
        '    release_result(h)\n    read_result(h, out)\n',
      ),
    },
    {
      id: 'l9-never-released',
      source: 'lesson 9 without release_result',
      cpp: handle.cpp,
      codon: edit(handle.codon, '    release_result(h)\n', ''),
    },
    {
      id: 'l3-print-between',
      source: 'lesson 3 printing before the first read',
      cpp: dangling.cpp,
      codon: edit(dangling.codon, '    first = p[0]\n', '    print("read")\n    first = p[0]\n'),
    },
    {
      id: 'l5-no-collect',
      source: 'lesson 5 without GC_gcollect()',
      cpp: gcBite.cpp,
      codon: edit(gcBite.codon, '    GC_gcollect()\n', ''),
    },
  ];
}

export function othersCorpus(): OthersProgram[] {
  // Every example the simulator is meant to run (its C side aside: codon-side-only ones need a C main).
  const docs: OthersProgram[] = DOCS_EXAMPLES.filter(
    (e) => e.status.kind === 'runs' || e.status.kind === 'raises',
  ).map((e) => ({
    id: `docs-${e.id}`,
    group: 'codon-docs',
    source: `exaloop/codon ${e.doc}, "${e.heading}"`,
    cpp: e.cpp,
    codon: e.codon,
  }));
  return [
    ...docs,
    ...CLASSIC.map((p) => ({ ...p, group: 'classic-bug' as const })),
    ...[...EDITS, ...otherLessonEdits()].map((p) => ({ ...p, group: 'lesson-edit' as const })),
  ];
}

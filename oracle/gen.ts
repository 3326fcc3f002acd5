/**
 * Generators of (C++ library, Codon caller) pairs over the subset both the simulator and the
 * oracle read, one fast-check arbitrary per category of issue 14 section 2. Each program carries
 * its category, target and leftover; fuzz.ts runs them on both and compares.
 */
import fc from 'fast-check';
import type { LeftoverName } from './oracle';
import type { Target } from './toolchain';

export const CATEGORIES = [
  'int-width',
  'float-double',
  'array-return',
  'struct-return',
  'tuple-return',
  'tuple-arg',
  'out-param',
  'write-past-local-array',
  'read-after-free',
  'new-delete-mismatch',
  'return-local-pointer',
  'owning-class',
  'print-between-calls',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Generated {
  category: Category;
  target: Target;
  leftover: LeftoverName;
  cpp: string;
  codon: string;
}

const HEAD = 'LIBPATH = "./libfoo.so"\n';
const target = fc.constantFrom<Target>('x86_64', 'aarch64');
const leftover = fc.constantFrom<LeftoverName>('zero', 'runtime-data', 'gc-object', 'stale-stack');
const small = fc.integer({ min: -300, max: 300 });
const half = fc.integer({ min: -40, max: 40 }).map((n) => n / 2);
const lit = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));

const INT_TYPES = [
  'signed char',
  'unsigned char',
  'short',
  'unsigned short',
  'int',
  'unsigned int',
  'long',
  'unsigned long',
  'long long',
  'unsigned long long',
  'int8_t',
  'uint8_t',
  'int16_t',
  'uint16_t',
  'int32_t',
  'uint32_t',
  'int64_t',
  'uint64_t',
  'char',
] as const;

const wrap = (body: string): string => `#include <cstdint>\n#include <cstdlib>\n#include <array>\n\n${body}`;
const ext = (fns: string): string => `extern "C" {\n\n${fns}\n}\n`;

/** Codon's integer types: `int` (i64) and the fixed-width `Int[N]`/`UInt[N]` aliases. */
const CODON_INTS = ['int', 'i8', 'i16', 'i32', 'i64', 'u8', 'u16', 'u32', 'u64'] as const;

/**
 * Integer widths and signedness on both sides: a C++ function of any width, imported with any of
 * Codon's integer types for its parameter and its result (a matching pair, or not).
 */
const intWidth = fc
  .record({
    ret: fc.constantFrom(...INT_TYPES),
    arg: fc.constantFrom(...INT_TYPES),
    kret: fc.constantFrom(...CODON_INTS),
    karg: fc.constantFrom(...CODON_INTS),
    k: small,
    v: small,
    target,
  })
  .map(({ ret, arg, kret, karg, k, v, target }): Generated => {
    const val = (n: number): string => (karg === 'int' ? String(n) : `${karg}(${n})`);
    return {
      category: 'int-width',
      target,
      leftover: 'runtime-data',
      cpp: wrap(ext(`${ret} f(${arg} a) {\n    return (${ret})(a * 3 + ${k});\n}\n`)),
      codon: `${HEAD}from C import LIBPATH.f(${karg}) -> ${kret}\n\nprint(f(${val(v)}))\nprint(f(${val(v * 1000)}))\n`,
    };
  });

/** float against double in both directions. */
const floatDouble = fc
  .record({
    cret: fc.constantFrom('float', 'double'),
    carg: fc.constantFrom('float', 'double'),
    kret: fc.constantFrom('float', 'float32'),
    karg: fc.constantFrom('float', 'float32'),
    x: half,
    target,
  })
  .map(({ cret, carg, kret, karg, x, target }): Generated => {
    const arg = karg === 'float32' ? `float32(${lit(x)})` : lit(x);
    const shown = kret === 'float32' ? 'float(f(' + arg + '))' : `f(${arg})`;
    return {
      category: 'float-double',
      target,
      leftover: 'runtime-data',
      cpp: wrap(ext(`${cret} f(${carg} x) {\n    return x * 2 + 0.25;\n}\n`)),
      codon: `${HEAD}from C import LIBPATH.f(${karg}) -> ${kret}\n\nprint(${shown})\n`,
    };
  });

const ELEM = fc.constantFrom(
  { c: 'double', k: 'float' },
  { c: 'float', k: 'float' },
  { c: 'int64_t', k: 'int' },
  { c: 'int', k: 'int' },
);
const n18 = fc.integer({ min: 1, max: 8 });

function fieldsTuple(n: number, k: string): string {
  return `@tuple\nclass R:\n${Array.from({ length: n }, (_, i) => `    f${i}: ${k}\n`).join('')}\n`;
}
const printFields = (v: string, n: number) =>
  `print(${Array.from({ length: n }, (_, i) => `${v}.f${i}`).join(', ')})`;
const printPtr = (v: string, n: number) =>
  `print(${Array.from({ length: n }, (_, i) => `${v}[${i}]`).join(', ')})`;

/** std::array<T, N> by value, received as Ptr[T] (the lesson's bug) or as a matching @tuple. */
const arrayReturn = fc
  .record({ e: ELEM, n: n18, asTuple: fc.boolean(), target, leftover })
  .map(({ e, n, asTuple, target, leftover }): Generated => {
    const fill = Array.from({ length: n }, (_, i) => `    r[${i}] = ${i + 1}.5;\n`).join('');
    const cpp = wrap(
      ext(`std::array<${e.c}, ${n}> f() {\n    std::array<${e.c}, ${n}> r;\n${fill}    return r;\n}\n`),
    );
    const codon = asTuple
      ? `${HEAD}\n${fieldsTuple(n, e.k)}from C import LIBPATH.f() -> R\n\nr = f()\n${printFields('r', n)}\n`
      : `${HEAD}from C import LIBPATH.f() -> Ptr[${e.k}]\n\ndef run():\n    p = f()\n    ${printPtr('p', n)}\n\nrun()\n`;
    return { category: 'array-return', target, leftover, cpp, codon };
  });

/** A struct of N scalar members by value, received as Ptr[T] or as a matching @tuple. */
const structReturn = fc
  .record({ e: ELEM, n: n18, asTuple: fc.boolean(), target, leftover })
  .map(({ e, n, asTuple, target, leftover }): Generated => {
    const members = Array.from({ length: n }, (_, i) => `    ${e.c} m${i};\n`).join('');
    const fill = Array.from({ length: n }, (_, i) => `    s.m${i} = ${i + 1}.5;\n`).join('');
    const cpp = wrap(`struct S {\n${members}};\n\n` + ext(`S f() {\n    S s;\n${fill}    return s;\n}\n`));
    const codon = asTuple
      ? `${HEAD}\n${fieldsTuple(n, e.k)}from C import LIBPATH.f() -> R\n\nr = f()\n${printFields('r', n)}\n`
      : `${HEAD}from C import LIBPATH.f() -> Ptr[${e.k}]\n\ndef run():\n    p = f()\n    ${printPtr('p', n)}\n\nrun()\n`;
    return { category: 'struct-return', target, leftover, cpp, codon };
  });

/** A @tuple return that matches a C struct member for member. */
const tupleReturn = fc
  .record({ kinds: fc.array(fc.constantFrom('double', 'int64_t'), { minLength: 1, maxLength: 4 }), target })
  .map(({ kinds, target }): Generated => {
    const members = kinds.map((c, i) => `    ${c} m${i};\n`).join('');
    const fill = kinds.map((_, i) => `    s.m${i} = ${i + 2};\n`).join('');
    const tuple = `@tuple\nclass R:\n${kinds.map((c, i) => `    f${i}: ${c === 'double' ? 'float' : 'int'}\n`).join('')}\n`;
    return {
      category: 'tuple-return',
      target,
      leftover: 'runtime-data',
      cpp: wrap(`struct S {\n${members}};\n\n` + ext(`S f() {\n    S s;\n${fill}    return s;\n}\n`)),
      codon: `${HEAD}\n${tuple}from C import LIBPATH.f() -> R\n\nr = f()\n${printFields('r', kinds.length)}\n`,
    };
  });

/** A @tuple passed by value to a C function taking the matching struct. */
const tupleArg = fc
  .record({ kinds: fc.array(fc.constantFrom('double', 'int64_t'), { minLength: 1, maxLength: 5 }), target })
  .map(({ kinds, target }): Generated => {
    const members = kinds.map((c, i) => `    ${c} m${i};\n`).join('');
    const sum = kinds.map((_, i) => `s.m${i} * ${i + 1}`).join(' + ');
    const tuple = `@tuple\nclass P:\n${kinds.map((c, i) => `    f${i}: ${c === 'double' ? 'float' : 'int'}\n`).join('')}\n`;
    const args = kinds.map((c, i) => (c === 'double' ? `${i}.5` : `${i + 1}`)).join(', ');
    return {
      category: 'tuple-arg',
      target,
      leftover: 'runtime-data',
      cpp: wrap(`struct S {\n${members}};\n\n` + ext(`double f(S s) {\n    return ${sum};\n}\n`)),
      codon: `${HEAD}\n${tuple}from C import LIBPATH.f(P) -> float\n\nprint(f(P(${args})))\n`,
    };
  });

/** An out-parameter filled by the callee: a Ptr[float] from Ptr[float](n) or a list's buffer. */
const outParam = fc
  .record({ n: n18, extra: fc.integer({ min: 0, max: 2 }), list: fc.boolean(), target })
  .map(({ n, extra, list, target }): Generated => {
    const cap = n + extra;
    const make = list
      ? `out = [0.0] * ${cap}\n    f(out.arr.ptr, ${n})`
      : `out = Ptr[float](${cap})\n    f(out, ${n})`;
    const show = list ? 'print(out)' : printPtr('out', n);
    return {
      category: 'out-param',
      target,
      leftover: 'runtime-data',
      cpp: wrap(
        ext(
          `void f(double* out, int64_t n) {\n    for (int64_t i = 0; i < n; i++) {\n        out[i] = i * 1.5;\n    }\n}\n`,
        ),
      ),
      codon: `${HEAD}from C import LIBPATH.f(Ptr[float], int) -> None\n\ndef run():\n    ${make}\n    ${show}\n\nrun()\n`,
    };
  });

/** Stores past the end of a local array in the callee's frame. */
const writePast = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), over: fc.integer({ min: 1, max: 4 }), target })
  .map(({ n, over, target }): Generated => ({
    category: 'write-past-local-array',
    target,
    leftover: 'runtime-data',
    cpp: wrap(
      ext(
        `double f() {\n    double a[${n}];\n    for (int i = 0; i < ${n + over}; i++) {\n        a[i] = i + 0.5;\n    }\n    return a[0];\n}\n`,
      ),
    ),
    codon: `${HEAD}from C import LIBPATH.f() -> float\n\nprint(f())\nprint("after")\n`,
  }));

/** A read through a pointer after free/delete. */
const readAfterFree = fc
  .record({ how: fc.constantFrom('malloc', 'new[]', 'new'), n: fc.integer({ min: 1, max: 8 }), target })
  .map(({ how, n, target }): Generated => {
    const alloc =
      how === 'malloc'
        ? `double* p = (double*)malloc(${n} * sizeof(double));`
        : how === 'new[]'
          ? `double* p = new double[${n}];`
          : 'double* p = new double;';
    const free = how === 'malloc' ? 'free(p);' : how === 'new[]' ? 'delete[] p;' : 'delete p;';
    return {
      category: 'read-after-free',
      target,
      leftover: 'runtime-data',
      cpp: wrap(ext(`double f() {\n    ${alloc}\n    p[0] = 2.5;\n    ${free}\n    return p[0];\n}\n`)),
      codon: `${HEAD}from C import LIBPATH.f() -> float\n\nprint(f())\n`,
    };
  });

/** new[] released with delete (and new with delete[]), for a trivial and a non-trivial type. */
const newDeleteMismatch = fc
  .record({ arrayNew: fc.boolean(), withDtor: fc.boolean(), n: fc.integer({ min: 1, max: 6 }), target })
  .map(({ arrayNew, withDtor, n, target }): Generated => {
    const type = withDtor
      ? 'struct T {\n    double v;\n    ~T() { v = 0; }\n};\n\n'
      : 'struct T {\n    double v;\n};\n\n';
    const body = arrayNew
      ? `    T* p = new T[${n}];\n    p[0].v = 1.5;\n    double r = p[0].v;\n    delete p;\n    return r;\n`
      : `    T* p = new T;\n    p->v = 1.5;\n    double r = p->v;\n    delete[] p;\n    return r;\n`;
    return {
      category: 'new-delete-mismatch',
      target,
      leftover: 'runtime-data',
      cpp: wrap(type + ext(`double f() {\n${body}}\n`)),
      codon: `${HEAD}from C import LIBPATH.f() -> float\n\nprint(f())\nprint("after")\n`,
    };
  });

/**
 * A pointer to a callee's local returned and read by the caller, in the forms a learner writes:
 * `.data()` of a std::array and a copy in a pointer variable hand back the dead address; a C array
 * decaying and `&x` are what g++ replaces with a null pointer (cp/typeck.cc, check_return_expr).
 */
const returnLocal = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    form: fc.constantFrom('std-array-data', 'c-array', 'pointer-variable', 'address-of'),
    printFirst: fc.boolean(),
    target,
  })
  .map(({ n, form, printFirst, target }): Generated => {
    const fill = Array.from({ length: n }, (_, i) => `    a[${i}] = ${i}.5;\n`).join('');
    const body =
      form === 'std-array-data'
        ? `    std::array<double, ${n}> a;\n${fill}    return a.data();\n`
        : form === 'c-array'
          ? `    double a[${n}];\n${fill}    return a;\n`
          : form === 'pointer-variable'
            ? `    double a[${n}];\n${fill}    double* q = a;\n    return q;\n`
            : `    double x = ${n}.5;\n    return &x;\n`;
    const use = printFirst ? `    print(p[0])\n    print(p[0])\n` : `    x = p[0]\n    print(x)\n`;
    return {
      category: 'return-local-pointer',
      target,
      leftover: 'runtime-data',
      cpp: wrap(ext(`double* f() {\n${body}}\n`)),
      codon: `${HEAD}from C import LIBPATH.f() -> Ptr[float]\n\ndef run():\n    p = f()\n${use}\nrun()\n`,
    };
  });

/**
 * A class whose member owns heap memory, destroyed before the caller reads through it: held by
 * value, or by a unique_ptr or shared_ptr (whose deleter runs the destructor), and with a
 * destructor that prints (its output and Codon's share stdout's buffer).
 */
const owningClass = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    holder: fc.constantFrom('value', 'unique_ptr', 'shared_ptr'),
    prints: fc.boolean(),
    target,
  })
  .map(({ n, holder, prints, target }): Generated => {
    const bye = prints ? ' printf("bye %d\\n", (int)(p[0] * 2));' : '';
    const make =
      holder === 'value'
        ? '    Buf b;\n    return b.p;\n'
        : holder === 'unique_ptr'
          ? '    auto b = std::make_unique<Buf>();\n    return b->p;\n'
          : '    std::shared_ptr<Buf> b(new Buf());\n    return b->p;\n';
    return {
      category: 'owning-class',
      target,
      leftover: 'runtime-data',
      cpp: wrap(
        `#include <memory>\n#include <cstdio>\n\nclass Buf {\npublic:\n    double* p;\n    Buf() { p = new double[${n}]; for (int i = 0; i < ${n}; i++) { p[i] = i + 0.5; } }\n    ~Buf() {${bye} delete[] p; }\n};\n\n` +
          ext(`double* f() {\n${make}}\n`),
      ),
      codon: `${HEAD}from C import LIBPATH.f() -> Ptr[float]\n\ndef run():\n    p = f()\n    print(p[0])\n\nrun()\n`,
    };
  });

/** print between foreign calls: what print leaves in the registers meets the next call. */
const printBetween = fc
  .record({ n: fc.integer({ min: 3, max: 6 }), calls: fc.integer({ min: 2, max: 3 }), target, leftover })
  .map(({ n, calls, target, leftover }): Generated => {
    const fill = Array.from({ length: n }, (_, i) => `    r[${i}] = ${i}.5;\n`).join('');
    return {
      category: 'print-between-calls',
      target,
      leftover,
      cpp: wrap(
        ext(`std::array<double, ${n}> f() {\n    std::array<double, ${n}> r;\n${fill}    return r;\n}\n`),
      ),
      codon: `${HEAD}from C import LIBPATH.f() -> Ptr[float]\n\ndef run():\n    for i in range(${calls}):\n        p = f()\n        print(p[0])\n\nrun()\n`,
    };
  });

export const GENERATORS: Record<Category, fc.Arbitrary<Generated>> = {
  'int-width': intWidth,
  'float-double': floatDouble,
  'array-return': arrayReturn,
  'struct-return': structReturn,
  'tuple-return': tupleReturn,
  'tuple-arg': tupleArg,
  'out-param': outParam,
  'write-past-local-array': writePast,
  'read-after-free': readAfterFree,
  'new-delete-mismatch': newDeleteMismatch,
  'return-local-pointer': returnLocal,
  'owning-class': owningClass,
  'print-between-calls': printBetween,
};

/** `perCategory` programs of every category, reproducibly from `seed`. */
export function generate(seed: number, perCategory: number): Generated[] {
  return CATEGORIES.flatMap((c, i) => fc.sample(GENERATORS[c], { seed: seed + i, numRuns: perCategory }));
}

/**
 * Whether a C++ definition and a Codon declaration agree, over every spelling of every scalar type
 * on both sides, read by the real front ends (so `std::int64_t`, `long int` and `unsigned` are
 * whatever the C++ front end makes of them, not strings).
 *
 * A verdict is what the machine does with the call:
 * - `ok`: both sides put each value in the same place and read the same bits the same way;
 * - `type`: same registers, but the callee reads other bits than the caller meant (a width, a float
 *   format, a pointee, a pointer for an integer);
 * - `abi`: they disagree on where a value travels (integer vs vector registers, one register vs two,
 *   the stack, a hidden result pointer).
 *
 * Codon's front end models `int`, `float`, `float32`, `bool`, `byte`, `Ptr[T]`, `cobj`, lists,
 * `str`, `None` and `@tuple` classes; it reports `i8` ... `u64` as not modelled, so they have no
 * row here.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import type { CImport } from '../codon/ast.ts';
import { parseCodon } from '../codon/index.ts';
import { parseCpp } from '../cpp/index.ts';
import { compareDeclarations } from './declarations.ts';
import { codonMeaning, compareMeanings, cppMeaning, showMeaning } from './meaning.ts';

type Verdict = 'ok' | 'type' | 'abi';

const CPP_PRELUDE = `#include <array>
#include <cstddef>
#include <cstdint>
#include <sys/types.h>
struct P2 { double x; double y; };
struct IF { long a; double b; };
struct II { int a; int b; };
struct Opaque;
enum Small : unsigned char { S0 };
enum Big : long { B0 };
`;

const CODON_PRELUDE = `LIBPATH = "./libfoo.so"
@tuple
class P2:
    x: float
    y: float
@tuple
class IF:
    a: int
    b: float
`;

/** The Codon types of the table, as a Codon program spells them. */
const CODON = [
  'int',
  'bool',
  'byte',
  'float',
  'float32',
  'Ptr[float]',
  'Ptr[float32]',
  'Ptr[int]',
  'Ptr[bool]',
  'Ptr[byte]',
  'cobj',
  'Ptr[Ptr[float]]',
  'Ptr[P2]',
  'List[float]',
  'str',
  'P2',
  'IF',
] as const;
type Codon = (typeof CODON)[number];

/** Every Codon type that travels in one integer register (x86-64 rdi/rax, AArch64 x0). */
const INT_REG: Codon[] = [
  'int',
  'bool',
  'byte',
  'Ptr[float]',
  'Ptr[float32]',
  'Ptr[int]',
  'Ptr[bool]',
  'Ptr[byte]',
  'cobj',
  'Ptr[Ptr[float]]',
  'Ptr[P2]',
  'List[float]',
];
const POINTERS: Codon[] = INT_REG.filter((c) => c.startsWith('Ptr') || c === 'cobj' || c === 'List[float]');

interface Row {
  /** What the spellings have in common, for the test's name. */
  what: string;
  spellings: string[];
  /** The Codon types that agree with it. */
  ok: Codon[];
  /** The Codon types that share its registers but read other bits; every other type is `abi`. */
  type: Codon[];
  /** Overrides per target, where the two machines differ. */
  on?: Partial<Record<Target, { ok?: Codon[]; type?: Codon[] }>>;
}

const without = (list: Codon[], ...drop: Codon[]): Codon[] => list.filter((c) => !drop.includes(c));

const ROWS: Row[] = [
  {
    what: 'a signed 64-bit integer',
    spellings: [
      'long',
      'long int',
      'signed long',
      'long signed int',
      'long long',
      'long long int',
      'signed long long',
      'int64_t',
      'std::int64_t',
      'ptrdiff_t',
      'std::ptrdiff_t',
      'ssize_t',
      'intptr_t',
      'intmax_t',
      'int_fast32_t',
      'Big',
    ],
    ok: ['int'],
    type: without(INT_REG, 'int'),
  },
  {
    // Same bits in the same register: only values past 2**63 read differently (as a negative int).
    what: 'an unsigned 64-bit integer, read as a signed one',
    spellings: [
      'unsigned long',
      'unsigned long int',
      'long unsigned int',
      'unsigned long long',
      'unsigned long long int',
      'size_t',
      'std::size_t',
      'uint64_t',
      'std::uint64_t',
      'uintptr_t',
      'uintmax_t',
    ],
    ok: ['int'],
    type: without(INT_REG, 'int'),
  },
  {
    // g++ reads edi and returns in eax (`movl` zero-extends: Codon's i64 reads -1 as 4294967295).
    what: 'a 32-bit integer',
    spellings: [
      'int',
      'signed',
      'signed int',
      'int32_t',
      'std::int32_t',
      'unsigned',
      'unsigned int',
      'uint32_t',
      'std::uint32_t',
      'char32_t',
      'wchar_t',
    ],
    ok: [],
    type: INT_REG,
  },
  {
    what: 'a 16-bit integer',
    spellings: ['short', 'short int', 'signed short', 'unsigned short', 'int16_t', 'uint16_t', 'char16_t'],
    ok: [],
    type: INT_REG,
  },
  {
    // Plain char is signed on x86-64 and unsigned on AArch64; a byte is a byte either way.
    what: 'an 8-bit integer',
    spellings: [
      'char',
      'signed char',
      'unsigned char',
      'int8_t',
      'std::int8_t',
      'uint8_t',
      'std::uint8_t',
      'Small',
    ],
    ok: ['bool', 'byte'],
    type: without(INT_REG, 'bool', 'byte'),
  },
  { what: 'bool', spellings: ['bool'], ok: ['bool', 'byte'], type: without(INT_REG, 'bool', 'byte') },
  { what: 'a double', spellings: ['double'], ok: ['float'], type: ['float32'] },
  { what: 'a float', spellings: ['float'], ok: ['float32'], type: ['float'] },
  {
    // x86-64: the stack for an argument, st0 for a result; AArch64: binary128 in q0, the register of d0.
    what: 'a long double',
    spellings: ['long double'],
    ok: [],
    type: [],
    on: { aarch64: { type: ['float', 'float32'] } },
  },
  {
    what: 'a pointer to double',
    spellings: ['double*', 'const double*', 'double&', 'const double&', 'double* const'],
    // `Ptr[P2]` addresses pairs of doubles: a double* reads them one by one.
    ok: ['Ptr[float]', 'Ptr[byte]', 'cobj', 'Ptr[P2]'],
    type: without(INT_REG, 'Ptr[float]', 'Ptr[byte]', 'cobj', 'Ptr[P2]'),
  },
  {
    what: 'a pointer to float',
    spellings: ['float*'],
    ok: ['Ptr[float32]', 'Ptr[byte]', 'cobj'],
    type: without(INT_REG, 'Ptr[float32]', 'Ptr[byte]', 'cobj'),
  },
  {
    what: 'a pointer to a 64-bit integer',
    spellings: ['long*', 'long long*', 'int64_t*', 'std::int64_t*', 'unsigned long*', 'size_t*', 'uint64_t*'],
    ok: ['Ptr[int]', 'Ptr[byte]', 'cobj'],
    type: without(INT_REG, 'Ptr[int]', 'Ptr[byte]', 'cobj'),
  },
  {
    what: 'a pointer to a 32-bit integer',
    spellings: ['int*', 'unsigned*', 'int32_t*'],
    ok: ['Ptr[byte]', 'cobj'],
    type: without(INT_REG, 'Ptr[byte]', 'cobj'),
  },
  {
    what: 'a pointer to bool',
    spellings: ['bool*'],
    ok: ['Ptr[bool]', 'Ptr[byte]', 'cobj'],
    type: without(INT_REG, 'Ptr[bool]', 'Ptr[byte]', 'cobj'),
  },
  {
    // void and the character types may look at any object; a Codon list is not the buffer it holds.
    what: 'a pointer to bytes',
    spellings: [
      'void*',
      'const void*',
      'char*',
      'const char*',
      'signed char*',
      'unsigned char*',
      'uint8_t*',
      'int8_t*',
    ],
    ok: without(POINTERS, 'List[float]'),
    type: ['int', 'bool', 'byte', 'List[float]'],
  },
  {
    what: 'a pointer to a pointer to double',
    spellings: ['double**', 'double* const*'],
    ok: ['Ptr[Ptr[float]]', 'Ptr[byte]', 'cobj'],
    type: without(INT_REG, 'Ptr[Ptr[float]]', 'Ptr[byte]', 'cobj'),
  },
  {
    what: 'a pointer to two doubles',
    spellings: ['P2*', 'std::array<double, 2>*', 'std::array<double, 4>*', 'double (*)[4]'],
    ok: ['Ptr[float]', 'Ptr[P2]', 'Ptr[byte]', 'cobj'],
    type: without(INT_REG, 'Ptr[float]', 'Ptr[P2]', 'Ptr[byte]', 'cobj'),
  },
  {
    what: 'a pointer to an incomplete class or a function',
    spellings: ['Opaque*', 'void (*)(double)'],
    ok: ['Ptr[byte]', 'cobj'],
    type: without(INT_REG, 'Ptr[byte]', 'cobj'),
  },
  {
    // {double, double} by value: xmm0 and xmm1 (d0, d1) on both sides, as an argument and a result.
    what: 'two doubles by value',
    spellings: ['P2', 'std::array<double, 2>', 'std::pair<double, double>'],
    ok: ['P2'],
    type: [],
  },
  {
    // x86-64: rdi and xmm0 on both sides. AArch64: AAPCS64 passes a 16-byte non-HFA struct in x0 and
    // x1, but LLVM splits Codon's first-class `{i64, double}` into x0 and d0 (llc-19 compiles
    // `extractvalue %a, 1; ret double` to a bare `ret`), so they disagree; a `str` ({i64, ptr}) takes
    // x0 and x1 and reads the double's bits as a pointer.
    what: 'a long and a double by value',
    spellings: ['IF'],
    ok: ['IF'],
    type: [],
    on: { aarch64: { ok: [], type: ['str'] } },
  },
  {
    // Two ints packed in one register are not one 64-bit int.
    what: 'two ints by value (one register)',
    spellings: ['II', 'std::array<int, 2>'],
    ok: [],
    type: INT_REG,
  },
];

function cppDecl(spelling: string, position: 'argument' | 'result') {
  const declarator = spelling.includes('(*)')
    ? spelling.replace('(*)', position === 'argument' ? '(*a)' : '(*f())')
    : null;
  const src =
    position === 'argument'
      ? `${CPP_PRELUDE}extern "C" void f(${declarator ?? `${spelling} a`});\n`
      : `${CPP_PRELUDE}extern "C" ${declarator ?? `${spelling} f()`};\n`;
  const { unit, diagnostics } = parseCpp(src, 'lib.cpp');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const fn = unit.functions.find((f) => f.symbol === 'f');
  if (fn === undefined) throw new Error(`no f in ${src}`);
  return fn;
}

function codonImport(type: string, position: 'argument' | 'result'): CImport {
  const sig = position === 'argument' ? `f(${type}) -> None` : `f() -> ${type}`;
  const { module, diagnostics } = parseCodon(`${CODON_PRELUDE}from C import LIBPATH.${sig}\n`, 'main.codon');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const imp = module.body.find((s): s is CImport => s.kind === 'cimport');
  if (imp === undefined) throw new Error(`no import in ${sig}`);
  return imp;
}

function verdictOf(cpp: string, codon: string, position: 'argument' | 'result', target: Target): Verdict {
  const { cmp } = compareDeclarations(codonImport(codon, position), cppDecl(cpp, position), target);
  return cmp.abiMismatch ? 'abi' : cmp.typeMismatch ? 'type' : 'ok';
}

function expected(row: Row, codon: Codon, target: Target): Verdict {
  const ok = row.on?.[target]?.ok ?? row.ok;
  const type = row.on?.[target]?.type ?? row.type;
  return ok.includes(codon) ? 'ok' : type.includes(codon) ? 'type' : 'abi';
}

/** Results that come back in a hidden pointer or the x87 stack on one target only (checked below). */
function resultExpected(row: Row, codon: Codon, target: Target): Verdict {
  if (row.what === 'a long double' && target === 'x86_64') return 'abi';
  return expected(row, codon, target);
}

/** Checks every Codon type of the table against one C++ spelling, in one position. */
function expectRow(row: Row, spelling: string, position: 'argument' | 'result', target: Target) {
  const got = Object.fromEntries(CODON.map((c) => [c, verdictOf(spelling, c, position, target)]));
  const want = Object.fromEntries(
    CODON.map((c) => [
      c,
      position === 'argument' ? expected(row, c, target) : resultExpected(row, c, target),
    ]),
  );
  expect(got, `${spelling} as the ${position} on ${target}`).toEqual(want);
}

describe.each(['x86_64', 'aarch64'] as const)('declarations on %s', (target) => {
  describe.each(ROWS)('$what', (row) => {
    it.each(row.spellings)('%s as an argument', (spelling) => expectRow(row, spelling, 'argument', target));
    it.each(row.spellings)('%s as a result', (spelling) => expectRow(row, spelling, 'result', target));
  });
});

describe('results only one side has', () => {
  it('a void function read as a value is a mismatch; a value ignored as None is not', () => {
    for (const target of ['x86_64', 'aarch64'] as const) {
      expect(verdictOf('void', 'int', 'result', target)).toBe('abi');
      expect(verdictOf('void', 'float', 'result', target)).toBe('abi');
      const none = compareDeclarations(codonImport('None', 'result'), cppDecl('long', 'result'), target);
      expect(none.cmp).toMatchObject({ abiMismatch: false, typeMismatch: false });
    }
  });

  it('a std::array<double, 4> result: a hidden pointer on x86-64, d0-d3 on AArch64', () => {
    expect(verdictOf('std::array<double, 4>', 'Ptr[float]', 'result', 'x86_64')).toBe('abi');
    expect(verdictOf('std::array<double, 4>', 'Ptr[float]', 'result', 'aarch64')).toBe('abi');
  });
});

describe('meanings are data, compared structurally', () => {
  const cpp = (s: string, target: Target = 'x86_64') =>
    cppMeaning(cppDecl(s, 'argument').params[0]!.type, target);
  const codon = (s: string) => codonMeaning(codonImport(s, 'argument').paramTypes![0]!);

  it('every spelling of one C++ type has one meaning', () => {
    expect(
      new Set(['long', 'long long', 'std::int64_t', 'long int', 'intptr_t'].map((s) => showMeaning(cpp(s)))),
    ).toEqual(new Set(['i64']));
    expect(
      new Set(['unsigned long', 'unsigned long long', 'size_t', 'uint64_t'].map((s) => showMeaning(cpp(s)))),
    ).toEqual(new Set(['u64']));
    expect(showMeaning(cpp('unsigned'))).toBe('u32');
  });

  it('plain char follows the target', () => {
    expect(showMeaning(cpp('char', 'x86_64'))).toBe('i8');
    expect(showMeaning(cpp('char', 'aarch64'))).toBe('u8');
    expect(showMeaning(cpp('long double', 'x86_64'))).toBe('x87');
    expect(showMeaning(cpp('long double', 'aarch64'))).toBe('f128');
  });

  it('says why two readings differ', () => {
    expect(compareMeanings(codon('int'), cpp('unsigned long long'))).toEqual({
      kind: 'reinterpreted',
      why: 'signedness',
    });
    expect(compareMeanings(codon('int'), cpp('int'))).toEqual({ kind: 'differs', why: 'width' });
    expect(compareMeanings(codon('float'), cpp('float'))).toEqual({ kind: 'differs', why: 'float-format' });
    expect(compareMeanings(codon('int'), cpp('double*'))).toEqual({
      kind: 'differs',
      why: 'pointer-vs-integer',
    });
    expect(compareMeanings(codon('List[float]'), cpp('double*'))).toEqual({
      kind: 'differs',
      why: 'list-object',
    });
    expect(compareMeanings(codon('Ptr[float]'), cpp('float*'))).toEqual({ kind: 'differs', why: 'pointee' });
    expect(compareMeanings(codon('cobj'), cpp('double*'))).toEqual({
      kind: 'reinterpreted',
      why: 'untyped-pointer',
    });
    expect(compareMeanings(codon('P2'), cpp('std::array<double, 2>'))).toEqual({ kind: 'same' });
    expect(showMeaning(codon('str'))).toBe('{i64@0,ptr->bytes@8}');
  });

  it('follows a self-referential class without end', () => {
    const src = `struct Node { Node* next; double v; };\nextern "C" void f(Node* a);\n`;
    const fn = parseCpp(src, 'lib.cpp').unit.functions.find((f) => f.symbol === 'f')!;
    expect(showMeaning(cppMeaning(fn.params[0]!.type, 'x86_64'))).toMatch(/^ptr->\{ptr->/);
  });
});

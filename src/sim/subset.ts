/**
 * What a learner can write here, read from the front ends' own tables (the Codon checker's builtins
 * and types, the C++ checker's table of the library the interpreter runs) and from statement tables
 * typed against each AST, so the learners' page "What you can write here" cannot drift from what
 * the simulator accepts. Pure data: the page's widget (src/mdx/SubsetTables.tsx) renders it.
 */
import type { StdKind } from './abi/ctype';
import type { Expr as CodonExpr, Stmt as CodonStmt } from './codon/ast';
import { FUNCTION_ATTRIBUTES } from './codon/attributes';
import { CODON_GENERIC_TYPES, CODON_SIMPLE_TYPES } from './codon/check-expr';
import { BUILTINS, CODON_PTR_METHODS, UNMODELLED_BUILTINS } from './codon/check-scope';
import { COLLECTION_TYPE_NAMES } from './codon/check-collections';
import type { Stmt as CppStmt } from './cpp/ast';
import type { DeclSyntax as CppDecl } from './cpp/syntax';
import { LIBC_NAMES } from './cpp/sema/libc-names';
import { MODELLED_BUILTINS, MODELLED_STD_METHODS, MODELLED_STD_OTHER } from './cpp/sema/modelled-library';

/** Each Codon statement kind the checker accepts, as a learner writes it. */
export const CODON_STATEMENTS = {
  assign: ['x = v', 'x: float = v', 'a[i] = v', 'lst.len = n', 'obj.x = v', 'a, b = t', 'd[k] = v'],
  augassign: ['x += v', 'x -= v', 'x *= v', 'x /= v', 'x //= v', 'x %= v', 'x **= v'],
  expr: ['f(x)', 'lst.append(v)'],
  if: ['if c:', 'elif c:', 'else:'],
  while: ['while c:'],
  for: [
    'for i in range(a, b, step):',
    'for x in lst:',
    'for k in d:',
    'for k, v in d.items():',
    'for v in d.values():',
    'for x in s:',
    'for i, x in enumerate(lst):',
  ],
  break: ['break'],
  continue: ['continue'],
  pass: ['pass'],
  return: ['return v'],
  def: [
    'def f(a: float) -> float:',
    ...[...FUNCTION_ATTRIBUTES].map((a) => `@${a}\ndef f(a: float) -> float:`),
  ],
  class: [
    '@tuple\nclass P:\n    x: float',
    'class C:\n    n: int\n    def __init__(self, n: int):\n        self.n = n\n    def bump(self) -> int:\n        self.n += 1\n        return self.n',
  ],
  try: ['try:\n    from C import LIB.f(float) -> float\nexcept CError as e:\n    print(e)'],
  cimport: [
    'LIB = "./libfoo.so"',
    'from C import LIB.f(float) -> float',
    'from C import f(float) -> float as g',
  ],
} as const satisfies Record<CodonStmt['kind'], readonly string[]>;

/** Each Codon expression kind the checker accepts. */
export const CODON_EXPRESSIONS = {
  name: ['x'],
  int: ['1', '0x10', '1_000'],
  float: ['1.5', '1e6'],
  str: ["'text'", '"text"'],
  bool: ['True', 'False'],
  none: ['None (in -> None, return None, print(None))'],
  unary: ['-x', '+x', 'not c'],
  binary: [
    'a + b',
    'a - b',
    'a * b',
    'a / b',
    'a // b',
    'a % b',
    'a ** b',
    'p + n',
    'p - q',
    's + t (strings)',
  ],
  compare: ['a < b', 'a == b', 'a < b < c', 'x in lst', 'x not in lst'],
  boolop: ['a and b', 'a or b'],
  call: ['f(x)', 'Ptr[float](n)', 'P(1.5, 2.5)', 'C(1)', 'obj.bump()', 'str(x)', 'f.__raw__()'],
  index: ['a[i]', 'p[i]'],
  attr: ['lst.arr.ptr', 'lst.len', 's.ptr', 's.len', 'p.x', 'self.n'],
  list: ['[1.5, 2.5]', '[0.0] * 4'],
  listcomp: ['[p[i] for i in range(4) if i > 0]'],
  ifexp: ['a if c else b'],
  slice: ['lst[i:j]', 'lst[:j]', 'lst[i:]', 'lst[:]'],
  tuple: ['(a, b)', 'return a, b', 'a, b = f()', 't[0]'],
  dict: [
    '{}',
    '{"a": 1, "b": 2}',
    'd[k]',
    'd[k] = v',
    'k in d',
    'len(d)',
    'd.get(k, 0)',
    'dict()',
    'Dict[str, int]()',
  ],
  set: ['{1, 2}', 's.add(x)', 'x in s', 'len(s)', 'set()', 'Set[int]()'],
  fstring: ['f"x = {x}"', 'f"{x:.3f} {x:g} {x:e} {n:x} {n:#X} {n:5d} {s:>8}"', 'f"{x=}"', 'f"{s!r}"'],
} as const satisfies Record<Exclude<CodonExpr['kind'], 'error'>, readonly string[]>;

/** Each C++ statement kind the checker accepts. */
export const CPP_STATEMENTS = {
  block: ['{ ... }'],
  'var-decl': [
    'double x = 1.5;',
    'int a[4] = {1, 2, 3, 4};',
    'static int n;',
    'auto p = &x;',
    'double (*f)(double) = g;',
  ],
  expr: ['f(x);', 'x = y;', 'fp(x); (*fp)(x);'],
  if: ['if (c) ... else ...'],
  while: ['while (c) ...'],
  'do-while': ['do ... while (c);'],
  for: ['for (int i = 0; i < n; ++i) ...', 'for (double x : arr) ...'],
  return: ['return v;'],
  break: ['break;'],
  continue: ['continue;'],
  empty: [';'],
} as const satisfies Record<Exclude<CppStmt['kind'], 'error'>, readonly string[]>;

/** Each C++ namespace-scope declaration kind the checker accepts. */
export const CPP_DECLARATIONS = {
  'simple-decl': ['double f(double x) { ... }', 'struct S { double x; };', 'static int n = 0;'],
  namespace: ['namespace ns { ... }'],
  'linkage-block': ['extern "C" { ... }'],
  'using-directive': ['using namespace std;'],
  'using-decl': ['using std::array;'],
  alias: [
    'using V = std::array<double, 4>;',
    'typedef double real;',
    'using cb_t = void (*)(int64_t);',
    'typedef double (*fn_t)(double);',
  ],
  'static-assert': ['static_assert(sizeof(S) == 8);'],
  template: [
    'template <typename T> T add(T a, T b) { ... }',
    'template <typename T, int N> struct Buf { T d[N]; };',
    'add(x, y)',
    'add<int>(1, 2)',
    'Buf<double, 4> b;',
  ],
  empty: [';'],
} as const satisfies Record<CppDecl['kind'], readonly string[]>;

/** A standard class and the member functions the simulator runs. */
export interface StdClassEntry {
  name: string;
  members: readonly string[];
}

export interface SubsetCatalogue {
  codon: {
    statements: Readonly<Record<string, readonly string[]>>;
    expressions: Readonly<Record<string, readonly string[]>>;
    builtins: string[];
    types: string[];
    /** Codon has these; the simulator refuses them as not modelled. */
    refusedBuiltins: string[];
    refusedPtrMethods: string[];
  };
  cpp: {
    declarations: Readonly<Record<string, readonly string[]>>;
    statements: Readonly<Record<string, readonly string[]>>;
    cFunctions: string[];
    stdFunctions: string[];
    stdClasses: StdClassEntry[];
    /** How many more C library functions g++ knows that are refused as not modelled. */
    refusedCFunctionCount: number;
  };
}

const STD_CLASS_NAMES: Readonly<Partial<Record<StdKind, string>>> = {
  array: 'std::array<T, N>',
  vector: 'std::vector<T>',
  shared_ptr: 'std::shared_ptr<T>',
  unique_ptr: 'std::unique_ptr<T>, std::unique_ptr<T[]>',
  pair: 'std::pair<A, B>',
  optional: 'std::optional<T>',
  complex: 'std::complex<T>',
  string: 'std::string',
  string_view: 'std::string_view',
};

/** The catalogue the learners' page shows, built from the front ends' tables. */
export function subsetCatalogue(): SubsetCatalogue {
  const cNames = [...MODELLED_BUILTINS].filter((n) => !n.startsWith('std::'));
  return {
    codon: {
      statements: CODON_STATEMENTS,
      expressions: CODON_EXPRESSIONS,
      builtins: [...BUILTINS].filter(
        (n) => !(n in CODON_SIMPLE_TYPES) && !CODON_GENERIC_TYPES.includes(n as never),
      ),
      types: [
        ...Object.keys(CODON_SIMPLE_TYPES),
        ...CODON_GENERIC_TYPES.map((t) => `${t}[T]`),
        ...COLLECTION_TYPE_NAMES.map((t) =>
          t.toLowerCase() === 'dict' ? `${t}[K, V]` : t.toLowerCase() === 'set' ? `${t}[K]` : `${t}[A, B]`,
        ),
        '@tuple class',
      ],
      // `Dict`, `Set`, `Tuple` alone are refused, but with their type arguments they are types here.
      refusedBuiltins: [...UNMODELLED_BUILTINS]
        .filter((n) => !(COLLECTION_TYPE_NAMES as readonly string[]).includes(n))
        .sort(),
      refusedPtrMethods: [...CODON_PTR_METHODS].sort(),
    },
    cpp: {
      declarations: CPP_DECLARATIONS,
      statements: CPP_STATEMENTS,
      cFunctions: cNames.sort(),
      stdFunctions: [
        ...[...MODELLED_BUILTINS].filter((n) => n.startsWith('std::')),
        ...MODELLED_STD_OTHER,
      ].sort(),
      stdClasses: Object.entries(STD_CLASS_NAMES).map(([kind, name]) => ({
        name,
        members: MODELLED_STD_METHODS[kind as StdKind] ?? [],
      })),
      refusedCFunctionCount: [...LIBC_NAMES].filter((n) => !MODELLED_BUILTINS.has(n as never)).length,
    },
  };
}

/**
 * What of the C and C++ library the interpreter gives behaviour to (src/sim/run/cpp-library.ts),
 * so that the checker refuses the rest where it is written, before the run, and the learners' page
 * "What you can write here" lists exactly this. `modelled-library.test.ts` compares these tables
 * with the interpreter, so the two cannot drift apart.
 */
import type { StdKind } from '../../abi/ctype';
import type { BuiltinName, StdMethodName } from '../ast';

/** Library functions (C's, and std function templates) the interpreter runs. */
export const MODELLED_BUILTINS: ReadonlySet<BuiltinName> = new Set<BuiltinName>([
  'malloc',
  'calloc',
  'free',
  'memcpy',
  'memmove',
  'memset',
  'strlen',
  'strcpy',
  'atoi',
  'snprintf',
  'printf',
  'puts',
  'putchar',
  'exit',
  'abort',
  'std::copy',
  'std::copy_n',
  'std::fill',
  'std::fill_n',
  'std::make_shared',
  'std::make_unique',
  'std::min',
  'std::max',
  'std::swap',
  'sqrt',
  'fabs',
  'abs',
  'pow',
  'sin',
  'cos',
  'exp',
  'log',
  'floor',
  'ceil',
  'frexp',
]);

/**
 * Member functions of each standard class that the checker accepts and the interpreter runs
 * (`first`/`second` of std::pair are data members). Left out although the checker knows them:
 * `vector::front/back`, the `std::string` members beyond size/length/empty/c_str/data/[]/+= (`substr`,
 * `find`, `append`...), every `string_view` member, `optional::operator->/reset`.
 */
export const MODELLED_STD_METHODS: Readonly<Partial<Record<StdKind, readonly StdMethodName[]>>> = {
  array: ['operator[]', 'at', 'data', 'begin', 'end', 'front', 'back', 'size', 'empty', 'fill'],
  vector: [
    'size',
    'capacity',
    'empty',
    'data',
    'begin',
    'end',
    'operator[]',
    'at',
    'clear',
    'push_back',
    'emplace_back',
    'pop_back',
    'reserve',
    'resize',
  ],
  shared_ptr: ['get', 'operator->', 'operator*', 'operator bool', 'use_count', 'reset'],
  unique_ptr: ['get', 'operator->', 'operator*', 'operator bool', 'operator[]', 'release', 'reset'],
  pair: ['first', 'second'],
  optional: ['value', 'operator*', 'has_value', 'operator bool'],
  complex: ['real', 'imag'],
  string: ['size', 'length', 'empty', 'c_str', 'data', 'operator[]', 'operator+='],
  string_view: [],
};

/** Members the interpreter has code for but answers falsely, so the checker refuses them (why, for each). */
export const REFUSED_THOUGH_HANDLED: Readonly<Partial<Record<StdMethodName, string>>> = {};

/** Whether the interpreter runs this member function of this standard class. */
export function isModelledStdMethod(kind: StdKind, method: StdMethodName): boolean {
  return MODELLED_STD_METHODS[kind]?.includes(method) ?? false;
}

/** Whether the interpreter follows a call through a function pointer (`fp(1)`); today it does not. */
export const MODELLED_INDIRECT_CALLS: boolean = true;

/** Other std names the checker turns into something the interpreter runs (a cast, stream output). */
export const MODELLED_STD_OTHER: readonly string[] = ['std::move', 'std::cout', 'std::cerr', 'std::endl'];

/** Standard classes the interpreter builds from constructor arguments (`std::pair<int, int> p(1, 2)`, `std::vector<int> v(3, 1)`, `std::string s("x")`). */
export const MODELLED_STD_CONSTRUCTORS: ReadonlySet<StdKind> = new Set<StdKind>([
  'unique_ptr',
  'shared_ptr',
  'pair',
  'tuple',
  'optional',
  'complex',
  'vector',
  'string',
]);

/** Standard classes the interpreter cannot copy (it can move them): their copies own new buffers. None today. */
export const UNMODELLED_STD_COPIES: ReadonlySet<StdKind> = new Set<StdKind>([]);

/** Standard classes with no object the interpreter can build at all (not even default-constructed). None today. */
export const UNMODELLED_STD_OBJECTS: ReadonlySet<StdKind> = new Set<StdKind>([]);

/**
 * Whether the interpreter dispatches a virtual call through the object's vptr; today it calls the
 * function the static type names, so a call through a base reference or pointer is refused.
 */
export const MODELLED_VIRTUAL_DISPATCH: boolean = false;

/**
 * Whether the interpreter can bind a reference to a temporary of a scalar type in a declaration
 * (`const int& r = 3;`, `const int& r = f();`): it materialises the temporary and extends its
 * lifetime, as C++ does.
 */
export const MODELLED_SCALAR_TEMPORARIES: boolean = true;

/**
 * The same for a call's argument (`g(a * 2)` for a `const int&` parameter): the temporary lives
 * until the end of the full-expression with the call, so a reference the function returns to it dangles.
 */
export const MODELLED_SCALAR_TEMPORARY_ARGUMENTS: boolean = true;

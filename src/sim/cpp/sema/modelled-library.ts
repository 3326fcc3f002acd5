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
]);

/**
 * Member functions of each standard class that the checker accepts and the interpreter runs
 * (`first`/`second` of std::pair are data members). Left out although the checker knows them:
 * `vector::front/back/pop_back/resize/reserve`, every `std::string`/`string_view` member,
 * `optional::operator bool/operator->/reset`, and two the interpreter answers falsely (a false
 * number is worse than a refusal): `optional::has_value` (false for an engaged optional: g++ 12
 * prints 1 for `std::optional<int> o = 4; o.has_value()`) and `complex::real/imag` (it reads the
 * part's address, not its value).
 */
export const MODELLED_STD_METHODS: Readonly<Partial<Record<StdKind, readonly StdMethodName[]>>> = {
  array: ['operator[]', 'at', 'data', 'begin', 'end', 'front', 'back', 'size', 'empty', 'fill'],
  vector: ['size', 'capacity', 'empty', 'data', 'begin', 'end', 'operator[]', 'at', 'clear', 'push_back'],
  shared_ptr: ['get', 'operator->', 'operator*', 'operator bool', 'use_count', 'reset'],
  unique_ptr: ['get', 'operator->', 'operator*', 'operator bool', 'operator[]', 'release', 'reset'],
  pair: ['first', 'second'],
  optional: ['value', 'operator*'],
  complex: [],
  string: [],
  string_view: [],
};

/** Members the interpreter has code for but answers falsely, so the checker refuses them (why, for each). */
export const REFUSED_THOUGH_HANDLED: Readonly<Partial<Record<StdMethodName, string>>> = {
  has_value: 'false for an engaged std::optional (g++ 12: 1)',
  real: 'the address of the real part of a std::complex, not its value',
  imag: 'the address of the imaginary part of a std::complex, not its value',
};

/** Whether the interpreter runs this member function of this standard class. */
export function isModelledStdMethod(kind: StdKind, method: StdMethodName): boolean {
  return MODELLED_STD_METHODS[kind]?.includes(method) ?? false;
}

/** Whether the interpreter follows a call through a function pointer (`fp(1)`); today it does not. */
export const MODELLED_INDIRECT_CALLS: boolean = false;

/** Other std names the checker turns into something the interpreter runs (a cast, stream output). */
export const MODELLED_STD_OTHER: readonly string[] = ['std::move', 'std::cout', 'std::cerr', 'std::endl'];

/**
 * Standard classes the interpreter builds from constructor arguments (`std::pair<int, int> p(1, 2)`);
 * a `std::vector<int> v(3)` or a `std::string` from a literal is refused (the interpreter would
 * write the arguments into the vector's pointers and crash: a false SIGSEGV).
 */
export const MODELLED_STD_CONSTRUCTORS: ReadonlySet<StdKind> = new Set<StdKind>([
  'unique_ptr',
  'shared_ptr',
  'pair',
  'tuple',
  'optional',
  'complex',
]);

/** Standard classes the interpreter cannot copy (it can move them): their copies own new buffers. */
export const UNMODELLED_STD_COPIES: ReadonlySet<StdKind> = new Set<StdKind>(['vector', 'string']);

/** Standard classes with no object the interpreter can build at all (not even default-constructed). */
export const UNMODELLED_STD_OBJECTS: ReadonlySet<StdKind> = new Set<StdKind>(['string']);

/**
 * Whether the interpreter dispatches a virtual call through the object's vptr; today it calls the
 * function the static type names, so a call through a base reference or pointer is refused.
 */
export const MODELLED_VIRTUAL_DISPATCH: boolean = false;

/**
 * Whether the interpreter can bind a reference to a temporary of a scalar type (`const int& r = 3;`,
 * an int expression passed to a `const int&` parameter); today it stops mid-run ("building int
 * from 3"), so the checker refuses it where it is written. Class temporaries bind.
 */
export const MODELLED_SCALAR_TEMPORARIES: boolean = false;

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

/** Member functions of each standard class the interpreter runs (the checker knows a few more). */
export const MODELLED_STD_METHODS: Readonly<Partial<Record<StdKind, readonly StdMethodName[]>>> = {
  array: ['operator[]', 'at', 'data', 'begin', 'end', 'front', 'back', 'size', 'empty', 'fill'],
  vector: ['size', 'capacity', 'empty', 'data', 'begin', 'end', 'operator[]', 'at', 'clear', 'push_back'],
  shared_ptr: ['get', 'operator->', 'operator*', 'operator bool', 'operator[]', 'use_count', 'release', 'reset'],
  unique_ptr: ['get', 'operator->', 'operator*', 'operator bool', 'operator[]', 'release', 'reset'],
  pair: ['first', 'second'],
  complex: ['real', 'imag'],
  optional: ['has_value', 'value', 'operator*'],
  string: [],
  string_view: [],
};

/** Whether the interpreter runs this member function of this standard class. */
export function isModelledStdMethod(kind: StdKind, method: StdMethodName): boolean {
  return MODELLED_STD_METHODS[kind]?.includes(method) ?? false;
}

/** Whether the interpreter follows a call through a function pointer (`fp(1)`); today it does not. */
export const MODELLED_INDIRECT_CALLS: boolean = false;

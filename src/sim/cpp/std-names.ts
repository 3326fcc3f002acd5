/**
 * Names from the C and C++ standard libraries that the parser must recognise as types or templates,
 * and the glibc definitions of the fixed-width typedefs (x86-64 and AArch64 Linux are both LP64).
 */
import type { IntName, StdKind } from '../abi/ctype';

/** glibc's typedefs (stdint.h, stddef.h, sys/types.h) and what they name on LP64 Linux. */
export const GLIBC_TYPEDEFS: Readonly<Record<string, IntName>> = {
  size_t: 'unsigned long',
  ssize_t: 'long',
  ptrdiff_t: 'long',
  intptr_t: 'long',
  uintptr_t: 'unsigned long',
  intmax_t: 'long',
  uintmax_t: 'unsigned long',
  int8_t: 'signed char',
  uint8_t: 'unsigned char',
  int16_t: 'short',
  uint16_t: 'unsigned short',
  int32_t: 'int',
  uint32_t: 'unsigned int',
  int64_t: 'long',
  uint64_t: 'unsigned long',
  int_least8_t: 'signed char',
  uint_least8_t: 'unsigned char',
  int_least16_t: 'short',
  uint_least16_t: 'unsigned short',
  int_least32_t: 'int',
  uint_least32_t: 'unsigned int',
  int_least64_t: 'long',
  uint_least64_t: 'unsigned long',
  // glibc makes the 16- and 32-bit "fast" types 64-bit (long) on LP64.
  int_fast8_t: 'signed char',
  uint_fast8_t: 'unsigned char',
  int_fast16_t: 'long',
  uint_fast16_t: 'unsigned long',
  int_fast32_t: 'long',
  uint_fast32_t: 'unsigned long',
  int_fast64_t: 'long',
  uint_fast64_t: 'unsigned long',
  off_t: 'long',
  time_t: 'long',
  clock_t: 'long',
};

/** Typedefs visible without `std::` (the C headers put them in the global namespace). */
export const GLOBAL_TYPEDEFS: ReadonlySet<string> = new Set([
  ...Object.keys(GLIBC_TYPEDEFS),
  '__m128',
  '__m128d',
  'FILE',
]);

/** Class templates of the standard library the simulator lays out, with their StdKind. */
export const STD_MODELLED_TEMPLATES: Readonly<Record<string, StdKind>> = {
  array: 'array',
  pair: 'pair',
  tuple: 'tuple',
  optional: 'optional',
  complex: 'complex',
  vector: 'vector',
  unique_ptr: 'unique_ptr',
  shared_ptr: 'shared_ptr',
};

/** Non-template std class types the simulator lays out. */
export const STD_MODELLED_CLASSES: Readonly<Record<string, StdKind>> = {
  string: 'string',
  string_view: 'string_view',
};

/** Standard library class templates the parser recognises but the simulator does not model. */
const STD_OTHER_TEMPLATES = [
  'weak_ptr',
  'map',
  'unordered_map',
  'set',
  'unordered_set',
  'list',
  'deque',
  'function',
  'basic_string',
  'basic_string_view',
  'allocator',
  'default_delete',
  'char_traits',
  'numeric_limits',
  'initializer_list',
  'span',
  'variant',
  'atomic',
  'valarray',
  'bitset',
  'reference_wrapper',
  'enable_shared_from_this',
  'lock_guard',
  'unique_lock',
];

/** Standard library non-template classes the parser recognises but the simulator does not model. */
const STD_OTHER_CLASSES = [
  'ostream',
  'istream',
  'stringstream',
  'ostringstream',
  'istringstream',
  'mutex',
  'thread',
  'exception',
  'runtime_error',
  'logic_error',
  'out_of_range',
  'invalid_argument',
  'bad_alloc',
  'any',
  'nullptr_t',
  'max_align_t',
  'byte',
  'wstring',
  'u16string',
  'u32string',
];

export const STD_TEMPLATE_TYPES: ReadonlySet<string> = new Set([
  ...Object.keys(STD_MODELLED_TEMPLATES),
  ...STD_OTHER_TEMPLATES,
]);

/** Every std name the parser treats as a type (`std::X`, or `X` after `using namespace std;`). */
export const STD_TYPES: ReadonlySet<string> = new Set([
  ...STD_TEMPLATE_TYPES,
  ...Object.keys(STD_MODELLED_CLASSES),
  ...STD_OTHER_CLASSES,
  ...Object.keys(GLIBC_TYPEDEFS),
]);

/** Function templates called with explicit template arguments (`std::make_shared<T>()`). */
export const STD_TEMPLATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'make_shared',
  'make_unique',
  'get',
  'min',
  'max',
  'move',
  'forward',
  'static_pointer_cast',
  'reinterpret_pointer_cast',
  'bit_cast',
  'declval',
  'make_pair',
  'make_tuple',
]);

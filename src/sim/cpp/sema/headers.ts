/**
 * Which `#include` makes a library name available, as with g++ 12 and libstdc++: using
 * `std::array` without `<array>` does not compile with g++, so it does not compile here either.
 *
 * The lists were measured, not guessed: for each name, every header after which
 * `g++ -std=gnu++17 -fsyntax-only` accepts a use of it (libstdc++ headers include each other,
 * so `<functional>` brings `std::array` too). Typedefs like `size_t` are not checked.
 */
import { dt } from '../../diag';
import type { Span } from '../../diag';
import type { Sema } from './context';

const COPY_LIKE = [
  'array',
  'memory',
  'vector',
  'string',
  'algorithm',
  'iostream',
  'cmath',
  'functional',
  'math.h',
];
const STDIO = ['cstdio', 'stdio.h', 'string', 'iostream'];
const STDLIB = ['cstdlib', 'stdlib.h', 'string', 'algorithm', 'iostream', 'cmath', 'functional', 'math.h'];
const CSTRING = ['cstring', 'string.h'];
const CMATH = ['cmath', 'math.h'];

/** Headers that provide each name (qualified `std::x` for namespace std, plain for C's global names). */
const PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  'std::array': ['array', 'functional'],
  'std::shared_ptr': ['memory'],
  'std::unique_ptr': ['memory'],
  'std::make_shared': ['memory'],
  'std::make_unique': ['memory'],
  'std::vector': ['vector', 'functional'],
  'std::string': ['string', 'complex', 'iostream'],
  'std::string_view': ['string', 'string_view', 'complex', 'iostream'],
  'std::pair': [...COPY_LIKE, 'utility', 'tuple', 'complex', 'string_view', 'map'],
  'std::tuple': ['memory', 'tuple', 'functional', 'map'],
  'std::optional': ['optional'],
  'std::complex': ['complex'],
  'std::copy': COPY_LIKE,
  'std::fill': COPY_LIKE,
  'std::fill_n': COPY_LIKE,
  'std::min': COPY_LIKE,
  'std::max': COPY_LIKE,
  'std::copy_n': ['algorithm', 'functional'],
  'std::move': [...COPY_LIKE, 'utility'],
  'std::swap': [...COPY_LIKE, 'utility'],
  'std::cout': ['iostream'],
  'std::cerr': ['iostream'],
  'std::endl': ['iostream'],
};

const C_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  printf: STDIO,
  puts: STDIO,
  putchar: STDIO,
  malloc: STDLIB,
  calloc: STDLIB,
  realloc: STDLIB,
  free: STDLIB,
  exit: STDLIB,
  abort: STDLIB,
  abs: STDLIB,
  memcpy: CSTRING,
  memmove: CSTRING,
  memset: CSTRING,
  strlen: CSTRING,
  sqrt: CMATH,
  fabs: CMATH,
  pow: CMATH,
  sin: CMATH,
  cos: CMATH,
  exp: CMATH,
  log: CMATH,
  floor: CMATH,
  ceil: CMATH,
  frexp: CMATH,
};

/** The header to suggest for a name (the first provider, which is the one it is documented in). */
function home(name: string): string | undefined {
  if (
    name === 'std::fill_n' ||
    name === 'std::copy' ||
    name === 'std::fill' ||
    name === 'std::min' ||
    name === 'std::max'
  )
    return 'algorithm';
  if (name === 'std::move' || name === 'std::swap' || name === 'std::pair') return 'utility';
  const key = name.startsWith('std::') && C_FUNCTIONS[name.slice(5)] ? name.slice(5) : name;
  return (PROVIDERS[key] ?? C_FUNCTIONS[key])?.[0];
}

/**
 * Reports (once per name) a library name used without a header that provides it, as g++ does:
 * "'std::array' is defined in header <array>; did you forget to #include <array>?".
 */
export function requireHeader(sema: Sema, name: string, span: Span): void {
  const key = name.startsWith('std::') && C_FUNCTIONS[name.slice(5)] ? name.slice(5) : name;
  const providers = PROVIDERS[key] ?? C_FUNCTIONS[key];
  if (!providers) return;
  const included = sema.includes;
  if (included.some((i) => i.header === 'bits/stdc++.h' || providers.includes(i.header))) return;
  if (sema.missingHeaders.has(name)) return;
  sema.missingHeaders.add(name);
  const h = home(name);
  sema.error(span, dt('cpp.sema.headers.is-defined-in-header-did-you', name, h));
}

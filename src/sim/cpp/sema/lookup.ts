/**
 * Name lookup: unqualified (innermost scope outwards, class members and their bases from member
 * functions, then `using namespace std`), and qualified (`ns::x`, `S::count`, `E::A`, `std::copy`).
 * Names of the C and C++ libraries resolve to library entities the checker gives meaning to.
 */
import { dt } from '../../diag';
import type { Span } from '../../diag';
import type { QualifiedName } from '../syntax';
import { GLOBAL_TYPEDEFS, STD_TYPES } from '../std-names';
import type { Sema } from './context';
import { ClassScope, NamespaceScope, stdVisible, type Entity, type Scope } from './scope';

/** Functions of the C library available without `std::` (from <cstdio>, <cstdlib>, <cstring>, <cmath>). */
export const C_LIBRARY_FUNCTIONS: ReadonlySet<string> = new Set([
  'malloc',
  'calloc',
  'realloc',
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

/** Function (templates) of namespace std the checker models. */
export const STD_FUNCTIONS: ReadonlySet<string> = new Set([
  ...C_LIBRARY_FUNCTIONS,
  'copy',
  'copy_n',
  'fill',
  'fill_n',
  'make_shared',
  'make_unique',
  'move',
  'min',
  'max',
  'swap',
]);

/** Objects of namespace std the checker models. */
export const STD_OBJECTS: ReadonlySet<string> = new Set(['cout', 'cerr', 'endl']);

export type LookupResult =
  | Entity
  /** A name in namespace std (type, function or object), resolved by its user. */
  | { kind: 'std'; name: string }
  /** A C library function in the global namespace. */
  | { kind: 'c-function'; name: string }
  /** A glibc typedef in the global namespace (`size_t`, `int64_t`). */
  | { kind: 'global-typedef'; name: string };

/** Looks a name up in a class scope and, failing that, in its bases (depth first). */
export function lookupInClass(sema: Sema, scope: ClassScope, name: string, depth = 0): Entity | undefined {
  const own = scope.own(name);
  if (own) return own;
  if (depth > 32) return undefined;
  for (const b of scope.record.decl.bases) {
    const bs = sema.classScopes.get(b.type.decl);
    const hit = bs ? lookupInClass(sema, bs, name, depth + 1) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** Members of an anonymous namespace are visible in the enclosing one (an implicit using-directive). */
function anonymousMember(s: Scope, name: string): Entity | undefined {
  return s instanceof NamespaceScope ? s.children.get('(anonymous namespace)')?.own(name) : undefined;
}

/** Unqualified lookup of `name` from the current scope. */
export function lookupUnqualified(sema: Sema, name: string, from: Scope = sema.scope): LookupResult | null {
  for (let s: Scope | null = from; s; s = s.parent) {
    const hit =
      s instanceof ClassScope ? lookupInClass(sema, s, name) : (s.own(name) ?? anonymousMember(s, name));
    if (hit) return hit.kind === 'std-alias' ? { kind: 'std', name: hit.name } : hit;
  }
  if (C_LIBRARY_FUNCTIONS.has(name)) return { kind: 'c-function', name };
  if (GLOBAL_TYPEDEFS.has(name)) return { kind: 'global-typedef', name };
  if (stdVisible(from) && isStdName(name)) return { kind: 'std', name };
  return null;
}

/** Whether namespace std has a name the simulator knows (a type, function or object). */
export function isStdName(name: string): boolean {
  return STD_TYPES.has(name) || STD_FUNCTIONS.has(name) || STD_OBJECTS.has(name);
}

/**
 * Looks up a qualified name (every part but the last names a namespace, class or enum).
 * Reports an unknown qualifier; returns null when the name is not found (the caller reports it,
 * knowing whether a type or a value was expected).
 */
export function lookupQualified(sema: Sema, qn: QualifiedName): LookupResult | null {
  const parts = qn.parts;
  if (parts.length === 1 && !qn.global) return lookupUnqualified(sema, parts[0]?.name ?? '');
  let scope: Scope | null = qn.global ? sema.global : null;
  let start = 0;
  if (!scope) {
    const first = parts[0];
    if (!first) return null;
    if (first.name === 'std') {
      if (parts.length !== 2) {
        sema.error(
          qn.span,
          dt('cpp.sema.lookup.is-not-modelled-by-this-simulator', parts.map((p) => p.name).join('::')),
        );
        return null;
      }
      return { kind: 'std', name: parts[1]?.name ?? '' };
    }
    const hit = lookupUnqualified(sema, first.name);
    scope = scopeOf(sema, hit, first.name, first.span);
    if (!scope) return null;
    start = 1;
  } else if (parts[0]?.name === 'std' && parts.length === 2) {
    return { kind: 'std', name: parts[1]?.name ?? '' };
  }
  for (let k = start; k < parts.length - 1; k++) {
    const part = parts[k];
    if (!part) return null;
    const hit = scope instanceof ClassScope ? lookupInClass(sema, scope, part.name) : scope.own(part.name);
    scope = scopeOf(sema, hit ?? null, part.name, part.span);
    if (!scope) return null;
  }
  const last = parts[parts.length - 1];
  if (!last) return null;
  if (scope instanceof ClassScope) return lookupInClass(sema, scope, last.name) ?? null;
  const own = scope.own(last.name);
  if (own) return own.kind === 'std-alias' ? { kind: 'std', name: own.name } : own;
  if (scope === sema.global) {
    if (C_LIBRARY_FUNCTIONS.has(last.name)) return { kind: 'c-function', name: last.name };
    if (GLOBAL_TYPEDEFS.has(last.name)) return { kind: 'global-typedef', name: last.name };
  }
  return null;
}

/** The scope a qualifier denotes (a namespace, a class, or a scoped enum's enumerators). */
function scopeOf(sema: Sema, hit: LookupResult | null, name: string, span: Span): Scope | null {
  if (hit?.kind === 'namespace') return hit.scope;
  if (hit?.kind === 'type' && hit.type.kind === 'record') {
    const cs = sema.classScopes.get(hit.type.decl);
    if (cs) return cs;
  }
  if (hit?.kind === 'type' && hit.enumInfo) {
    const s = sema.enumScopes.get(hit.enumInfo);
    if (s) return s;
  }
  if (hit?.kind === 'std') {
    sema.error(span, dt('cpp.sema.lookup.names-inside-std-are-not-modelled', hit.name));
    return null;
  }
  if (hit) sema.error(span, dt('cpp.sema.lookup.is-not-a-namespace-class-or', name));
  else sema.unknownName(span, name);
  return null;
}

/**
 * Codon's types for the modelled subset, and how Codon prints them in its messages
 * (`prettyString`: `int`, `float`, `Ptr[float]`, `List[float]`, `NoneType`).
 *
 * Facts (Codon 0.19, stdlib/internal/core.codon and codon/cir/llvm/llvisitor.cpp):
 * `int` is i64, `float` is an LLVM `double` (C `double`), `float32` is `float`, `bool` and `byte` are i8,
 * `cobj` is `Ptr[byte]`, `str` is a by-value `{len: i64, ptr: Ptr[byte]}`, `List[T]` is a reference
 * (a pointer to a GC object `{len: int, arr: Array[T]}`), `Array[T]` is a by-value `{len: int, ptr: Ptr[T]}`,
 * a `@tuple` class is a by-value struct of its fields.
 */

export type CodonType =
  | { kind: 'int' }
  | { kind: 'float' }
  | { kind: 'float32' }
  | { kind: 'bool' }
  | { kind: 'byte' }
  /** Codon's fixed-width integers `Int[N]`/`UInt[N]` (intn.codon: `i32 = Int[32]`, `u8 = UInt[8]`, ...). */
  | { kind: 'intn'; bits: IntBits; signed: boolean }
  | { kind: 'str' }
  | { kind: 'none' }
  | { kind: 'ptr'; elem: CodonType }
  | { kind: 'list'; elem: CodonType }
  | { kind: 'array'; elem: CodonType }
  | { kind: 'range' }
  | { kind: 'tuple-class'; name: string; fields: { name: string; type: CodonType }[] }
  /** A reference class: a pointer to a GC object of its fields (typecheck/class.cpp, type.codon `_ref_new`). */
  | { kind: 'ref-class'; name: string; fields: { name: string; type: CodonType }[] }
  /** The exception bound by `except CError as e` (error.codon: a reference to a GC object). */
  | { kind: 'exception'; name: string }
  /** A plain tuple `(a, b)`: `Tuple[T1,T2]`, a by-value struct of its items (tuple.codon, collections.cpp). */
  | { kind: 'tuple'; elems: CodonType[] }
  /** `Dict[K,V]`: a reference to a GC object, klib's khash table (dict.codon). */
  | { kind: 'dict'; key: CodonType; value: CodonType }
  /** `Set[K]`: a reference to a GC object, the same khash table without values (set.codon). */
  | { kind: 'set'; elem: CodonType }
  /** `Generator[T]`: what `d.items()`, `d.keys()`, `d.values()` and `enumerate(xs)` give a `for` loop. */
  | { kind: 'generator'; elem: CodonType }
  /** A type still being inferred (the element type of `[]` before its first `append`). */
  | { kind: 'var'; id: number; ref: CodonType | null };

export const INT: CodonType = { kind: 'int' };
export const FLOAT: CodonType = { kind: 'float' };
export const FLOAT32: CodonType = { kind: 'float32' };
export const BOOL: CodonType = { kind: 'bool' };
export const BYTE: CodonType = { kind: 'byte' };
export const STR: CodonType = { kind: 'str' };
export const NONE: CodonType = { kind: 'none' };
export const RANGE: CodonType = { kind: 'range' };

export type IntBits = 8 | 16 | 32 | 64;

/** The aliases of stdlib/internal/types/intn.codon (Codon 0.19): `i8 = Int[8]` ... `u64 = UInt[64]`. */
export const INTN_ALIASES: ReadonlyMap<string, CodonType> = new Map(
  ([8, 16, 32, 64] as const).flatMap((bits): [string, CodonType][] => [
    [`i${bits}`, { kind: 'intn', bits, signed: true }],
    [`u${bits}`, { kind: 'intn', bits, signed: false }],
  ]),
);

/** Wraps an integer to `Int[N]`/`UInt[N]`: intn.codon converts with LLVM `trunc`/`sext`, arithmetic wraps. */
export function wrapIntN(n: number, bits: IntBits, signed: boolean): number {
  if (!Number.isFinite(n)) return 0;
  const b = BigInt(Math.trunc(n));
  return Number(signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b));
}

export const ptrOf = (elem: CodonType): CodonType => ({ kind: 'ptr', elem });
export const listOf = (elem: CodonType): CodonType => ({ kind: 'list', elem });
export const arrayOf = (elem: CodonType): CodonType => ({ kind: 'array', elem });
/** `cobj` is Codon's alias for `Ptr[byte]` (core.codon: `cobj = Ptr[byte]`). */
export const COBJ: CodonType = ptrOf(BYTE);

/** A fresh type variable, bound later by `unify`; `id` is unique within one check (the checker counts). */
export function typeVar(id: number): CodonType {
  return { kind: 'var', id, ref: null };
}

/** Follows bound type variables to the type they stand for. */
export function prune(t: CodonType): CodonType {
  let cur = t;
  while (cur.kind === 'var' && cur.ref) cur = cur.ref;
  return cur;
}

/** Codon's `prettyString` of a type, as it appears in its error messages. */
export function typeName(t: CodonType): string {
  const p = prune(t);
  switch (p.kind) {
    case 'none':
      return 'NoneType';
    case 'ptr':
      return `Ptr[${typeName(p.elem)}]`;
    case 'list':
      return `List[${typeName(p.elem)}]`;
    case 'array':
      return `Array[${typeName(p.elem)}]`;
    case 'tuple-class':
    case 'ref-class':
    case 'exception':
      return p.name;
    // Codon's ClassType::debugString joins generics with "," (types/class.cpp).
    case 'tuple':
      return `Tuple[${p.elems.map(typeName).join(',')}]`;
    case 'dict':
      return `Dict[${typeName(p.key)},${typeName(p.value)}]`;
    case 'set':
      return `Set[${typeName(p.elem)}]`;
    case 'generator':
      return `Generator[${typeName(p.elem)}]`;
    case 'intn':
      return `${p.signed ? 'Int' : 'UInt'}[${p.bits}]`;
    case 'var':
      return '?';
    default:
      return p.kind;
  }
}

/** True when every type variable inside `t` is bound. */
export function isComplete(t: CodonType): boolean {
  const p = prune(t);
  switch (p.kind) {
    case 'var':
      return false;
    case 'ptr':
    case 'list':
    case 'array':
      return isComplete(p.elem);
    case 'tuple-class':
      return p.fields.every((f) => isComplete(f.type));
    case 'tuple':
      return p.elems.every(isComplete);
    case 'dict':
      return isComplete(p.key) && isComplete(p.value);
    case 'set':
    case 'generator':
      return isComplete(p.elem);
    default:
      return true;
  }
}

/** Replaces bound type variables by what they stand for (for the interpreter, which wants plain types). */
export function resolveType(t: CodonType): CodonType {
  const p = prune(t);
  switch (p.kind) {
    case 'ptr':
      return ptrOf(resolveType(p.elem));
    case 'list':
      return listOf(resolveType(p.elem));
    case 'array':
      return arrayOf(resolveType(p.elem));
    case 'tuple':
      return { kind: 'tuple', elems: p.elems.map(resolveType) };
    case 'dict':
      return { kind: 'dict', key: resolveType(p.key), value: resolveType(p.value) };
    case 'set':
    case 'generator':
      return { kind: p.kind, elem: resolveType(p.elem) };
    default:
      return p;
  }
}

function occurs(v: CodonType, t: CodonType): boolean {
  const p = prune(t);
  if (p === v) return true;
  if (p.kind === 'ptr' || p.kind === 'list' || p.kind === 'array') return occurs(v, p.elem);
  if (p.kind === 'set' || p.kind === 'generator') return occurs(v, p.elem);
  if (p.kind === 'dict') return occurs(v, p.key) || occurs(v, p.value);
  if (p.kind === 'tuple') return p.elems.some((e) => occurs(v, e));
  return false;
}

/** Makes `a` and `b` the same type, binding type variables; false (and nothing bound) when they differ. */
export function unify(a: CodonType, b: CodonType): boolean {
  const bound: { kind: 'var'; ref: CodonType | null }[] = [];
  const ok = unifyInto(a, b, bound);
  if (!ok) for (const v of bound) v.ref = null;
  return ok;
}

function unifyInto(a: CodonType, b: CodonType, bound: { kind: 'var'; ref: CodonType | null }[]): boolean {
  const x = prune(a);
  const y = prune(b);
  if (x === y) return true;
  if (x.kind === 'var') {
    if (occurs(x, y)) return false;
    x.ref = y;
    bound.push(x);
    return true;
  }
  if (y.kind === 'var') return unifyInto(y, x, bound);
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'ptr':
    case 'list':
    case 'array':
    case 'set':
    case 'generator':
      return unifyInto(x.elem, (y as typeof x).elem, bound);
    case 'dict':
      return unifyInto(x.key, (y as typeof x).key, bound) && unifyInto(x.value, (y as typeof x).value, bound);
    case 'tuple': {
      const ys = (y as typeof x).elems;
      return x.elems.length === ys.length && x.elems.every((e, i) => unifyInto(e, ys[i] as CodonType, bound));
    }
    case 'tuple-class':
    case 'ref-class':
    case 'exception':
      return x.name === (y as typeof x).name;
    case 'intn':
      return x.bits === (y as typeof x).bits && x.signed === (y as typeof x).signed;
    default:
      return true;
  }
}

/** Structural equality of two fully known types. */
export function sameType(a: CodonType, b: CodonType): boolean {
  const x = prune(a);
  const y = prune(b);
  if (x === y) return true;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'ptr':
    case 'list':
    case 'array':
    case 'set':
    case 'generator':
      return sameType(x.elem, (y as typeof x).elem);
    case 'dict':
      return sameType(x.key, (y as typeof x).key) && sameType(x.value, (y as typeof x).value);
    case 'tuple': {
      const ys = (y as typeof x).elems;
      return x.elems.length === ys.length && x.elems.every((e, i) => sameType(e, ys[i] as CodonType));
    }
    case 'tuple-class':
    case 'ref-class':
    case 'exception':
      return x.name === (y as typeof x).name;
    case 'intn':
      return x.bits === (y as typeof x).bits && x.signed === (y as typeof x).signed;
    case 'var':
      return false;
    default:
      return true;
  }
}

/** Numeric types Codon's arithmetic in this subset works on. */
export function isNumeric(t: CodonType): boolean {
  const k = prune(t).kind;
  return k === 'int' || k === 'float';
}

/** Types with a `__bool__` in Codon's stdlib (usable as an `if`/`while` condition). */
export function hasBool(t: CodonType): boolean {
  const k = prune(t).kind;
  return (
    k === 'int' ||
    k === 'float' ||
    k === 'float32' ||
    k === 'bool' ||
    k === 'byte' ||
    k === 'intn' ||
    k === 'str' ||
    k === 'none' ||
    k === 'ptr' ||
    k === 'list' ||
    k === 'array' ||
    k === 'dict' ||
    k === 'set'
  );
}

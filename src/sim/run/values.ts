/**
 * Scalar values while the interpreters compute with them, and typed loads and stores of C++
 * scalars. A pointer carries the object it was derived from (its provenance) so the machine can
 * tell a write through a dangling pointer from a write to a live object.
 */
import type { CType, IntName, Target } from '../abi/ctype.ts';
import { intInfo } from '../abi/scalars.ts';
import { INTENT_UNKNOWN, type Access, type Machine } from '../machine/machine.ts';
import type { SourceLoc } from '../trace/types.ts';
import { Ref } from './codon-values.ts';

export { Ref };

/** A C++ scalar: an integer or floating value as a number, a pointer as a Ref. */
export type Val = number | Ref;

/** What kind of scalar a C++ type is, for loads and stores. */
export type ScalarKind =
  | { k: 'int'; size: number; signed: boolean; bool: boolean }
  | { k: 'f32' }
  | { k: 'f64' }
  /** `long double`: stored with its double value in the low 8 bytes (simplification, see docs). */
  | { k: 'f80' }
  | { k: 'ptr' };

const F32: ScalarKind = { k: 'f32' };
const F64: ScalarKind = { k: 'f64' };
const F80: ScalarKind = { k: 'f80' };
const PTR: ScalarKind = { k: 'ptr' };
/** Integer kinds by target, by whether it is an enum's, by name: the same few objects, shared. */
const INT_KINDS: Record<Target, [Map<IntName, ScalarKind>, Map<IntName, ScalarKind>]> = {
  x86_64: [new Map(), new Map()],
  aarch64: [new Map(), new Map()],
};

function intKind(name: IntName, target: Target, isEnum: boolean): ScalarKind {
  const cache = INT_KINDS[target][isEnum ? 1 : 0];
  let k = cache.get(name);
  if (k === undefined) {
    const i = intInfo(name, target);
    k = isEnum
      ? { k: 'int', size: i.size, signed: i.signed, bool: false }
      : { k: 'int', size: Math.min(i.size, 8), signed: i.signed, bool: name === 'bool' };
    cache.set(name, k);
  }
  return k;
}

/** The scalar kind of a type, or null for classes, arrays and void (shared objects: read-only). */
export function scalarKind(t: CType, target: Target): ScalarKind | null {
  switch (t.kind) {
    case 'int':
      return intKind(t.name, target, false);
    case 'enum':
      return intKind(t.underlying.name, target, true);
    case 'float':
      return t.name === 'float' ? F32 : t.name === 'double' ? F64 : F80;
    case 'pointer':
    case 'reference':
    case 'function':
      return PTR;
    default:
      return null;
  }
}

export function accessOf(ref: Ref, loc: SourceLoc | null): Access {
  return { intended: ref.prov, loc };
}

/** Loads a scalar of kind `k` from the place `ref`. */
export function loadScalar(m: Machine, k: ScalarKind, ref: Ref, loc: SourceLoc | null): Val {
  const access = accessOf(ref, loc);
  switch (k.k) {
    case 'int':
      return m.loadInt(ref.addr, k.size, k.signed, access);
    case 'f32':
      return m.loadF32(ref.addr, access);
    case 'f64':
    case 'f80':
      return m.loadF64(ref.addr, access);
    case 'ptr': {
      const a = m.loadInt(ref.addr, 8, false, access);
      return new Ref(a, a === 0 ? INTENT_UNKNOWN : m.objectAt(a));
    }
  }
}

/** Stores a scalar of kind `k` at the place `ref`. */
export function storeScalar(m: Machine, k: ScalarKind, ref: Ref, v: Val, loc: SourceLoc | null): void {
  const access = accessOf(ref, loc);
  switch (k.k) {
    case 'int':
      m.storeInt(ref.addr, k.size, k.bool ? (num(v) !== 0 ? 1 : 0) : num(v), access);
      return;
    case 'f32':
      m.storeF32(ref.addr, num(v), access);
      return;
    case 'f64':
      m.storeF64(ref.addr, num(v), access);
      return;
    case 'f80':
      m.storeF64(ref.addr, num(v), access);
      m.storeInt(ref.addr + 8, 8, 0, access);
      return;
    case 'ptr':
      m.storeInt(ref.addr, 8, v instanceof Ref ? v.addr : num(v), access);
      return;
  }
}

/** The numeric value of a scalar (a pointer's address). */
export function num(v: Val): number {
  return v instanceof Ref ? v.addr : v;
}

/** Wraps an integer to `size` bytes, signed or unsigned, as the machine would. */
export function wrapInt(v: number, size: number, signed: boolean): number {
  if (size >= 8) {
    if (Number.isSafeInteger(v)) return v;
    const b = BigInt.asIntN(64, BigInt(Math.trunc(v)));
    return Number(signed ? b : BigInt.asUintN(64, b));
  }
  const bits = size * 8;
  const mod = 2 ** bits;
  let r = ((Math.trunc(v) % mod) + mod) % mod;
  if (signed && r >= mod / 2) r -= mod;
  return r;
}

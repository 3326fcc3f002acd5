/**
 * Type predicates and the arithmetic rules of C++ ([conv.prom], [expr.arith.conv]) over the shared
 * type model, plus printing for diagnostics.
 */
import type {
  CType,
  IntName,
  IntType,
  FloatType,
  PointerType,
  RecordDecl,
  ReferenceType,
} from '../../abi/ctype';
import { typeToString } from '../../abi/typeToString';

/**
 * The type model's ReferenceType has no `const` on the referent; the front end records it here so
 * `const T&` can be mangled (`RK`) and printed. (Requested as a field of ReferenceType.)
 */
export type RefType = ReferenceType & { referentConst?: boolean };

export const VOID: CType = { kind: 'void' };
export const BOOL: IntType = { kind: 'int', name: 'bool' };
export const CHAR: IntType = { kind: 'int', name: 'char' };
export const INT: IntType = { kind: 'int', name: 'int' };
export const UINT: IntType = { kind: 'int', name: 'unsigned int' };
export const LONG: IntType = { kind: 'int', name: 'long' };
export const ULONG: IntType = { kind: 'int', name: 'unsigned long' };
export const DOUBLE: FloatType = { kind: 'float', name: 'double' };
export const FLOAT: FloatType = { kind: 'float', name: 'float' };
/** `size_t` on LP64 Linux. */
export const SIZE_T: IntType = ULONG;
/** `ptrdiff_t` on LP64 Linux. */
export const PTRDIFF_T: IntType = LONG;

export const intT = (name: IntName): IntType => ({ kind: 'int', name });
export const ptrTo = (pointee: CType, pointeeConst = false): PointerType =>
  pointeeConst ? { kind: 'pointer', pointee, pointeeConst: true } : { kind: 'pointer', pointee };
export const refTo = (referent: CType, rvalue = false, referentConst = false): RefType =>
  referentConst
    ? { kind: 'reference', referent, rvalue, referentConst: true }
    : { kind: 'reference', referent, rvalue };

/** Integer conversion rank ([conv.rank]); bool lowest. */
const INT_RANK: Readonly<Record<IntName, number>> = {
  bool: 0,
  char: 1,
  'signed char': 1,
  'unsigned char': 1,
  short: 2,
  'unsigned short': 2,
  char16_t: 2,
  int: 3,
  'unsigned int': 3,
  char32_t: 3,
  wchar_t: 3,
  long: 4,
  'unsigned long': 4,
  'long long': 5,
  'unsigned long long': 5,
  __int128: 6,
  'unsigned __int128': 6,
};

/** Size in bytes of integer types on LP64 (both targets). */
export const INT_SIZE: Readonly<Record<IntName, number>> = {
  bool: 1,
  char: 1,
  'signed char': 1,
  'unsigned char': 1,
  short: 2,
  'unsigned short': 2,
  char16_t: 2,
  int: 4,
  'unsigned int': 4,
  char32_t: 4,
  wchar_t: 4,
  long: 8,
  'unsigned long': 8,
  'long long': 8,
  'unsigned long long': 8,
  __int128: 16,
  'unsigned __int128': 16,
};

/**
 * Whether an integer type is unsigned. `char` is signed on x86-64 and unsigned on AArch64; the
 * front end is target-neutral, so constant folding treats it as signed (the interpreter uses the target's rule).
 */
export function isUnsignedInt(name: IntName): boolean {
  return name.startsWith('unsigned') || name === 'bool' || name === 'char16_t' || name === 'char32_t';
}

export function isIntegral(t: CType): t is IntType {
  return t.kind === 'int';
}
export function isFloating(t: CType): t is FloatType {
  return t.kind === 'float';
}
/** Integral or unscoped-enum or floating: what arithmetic operators accept. */
export function isArithmetic(t: CType): boolean {
  return t.kind === 'int' || t.kind === 'float' || t.kind === 'enum';
}
export function isPointer(t: CType): t is PointerType {
  return t.kind === 'pointer';
}
export function isScalar(t: CType): boolean {
  return (
    t.kind === 'int' ||
    t.kind === 'float' ||
    t.kind === 'enum' ||
    t.kind === 'pointer' ||
    t.kind === 'complex'
  );
}
export function isRecord(t: CType): t is Extract<CType, { kind: 'record' }> {
  return t.kind === 'record';
}

/** The integer promotion of an integer or enum type ([conv.prom]). */
export function promote(t: CType): CType {
  if (t.kind === 'enum') return promote(t.underlying);
  if (t.kind !== 'int') return t;
  if (INT_RANK[t.name] < 3) return INT;
  if (t.name === 'char32_t') return UINT;
  if (t.name === 'wchar_t') return INT;
  return t;
}

/** The usual arithmetic conversions: the common type of two arithmetic operands. */
export function usualArithmetic(a: CType, b: CType): CType {
  if (a.kind === 'float' || b.kind === 'float') {
    const order = ['float', 'double', 'long double'];
    const fa = a.kind === 'float' ? order.indexOf(a.name) : -1;
    const fb = b.kind === 'float' ? order.indexOf(b.name) : -1;
    return (fa >= fb ? a : b) as FloatType;
  }
  const pa = promote(a);
  const pb = promote(b);
  if (pa.kind !== 'int' || pb.kind !== 'int') return INT;
  if (pa.name === pb.name) return pa;
  const ua = isUnsignedInt(pa.name);
  const ub = isUnsignedInt(pb.name);
  const ra = INT_RANK[pa.name];
  const rb = INT_RANK[pb.name];
  if (ua === ub) return ra >= rb ? pa : pb;
  const [u, s] = ua ? [pa, pb] : [pb, pa];
  if (INT_RANK[u.name] >= INT_RANK[s.name]) return u;
  if (INT_SIZE[s.name] > INT_SIZE[u.name]) return s;
  return intT(('unsigned ' + s.name) as IntName);
}

/**
 * A class's own name without its qualifiers or template arguments (`ns::Buf<std::array<double, 4>>`
 * is `Buf`): what its constructors and destructor are named after.
 */
export function shortClassName(qualified: string): string {
  let depth = 0;
  let start = 0;
  for (let i = 0; i < qualified.length; i++) {
    const c = qualified[i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (depth === 0 && c === ':' && qualified[i + 1] === ':') start = i + 2;
  }
  const last = qualified.slice(start);
  const lt = last.indexOf('<');
  return lt < 0 ? last : last.slice(0, lt);
}

/** Whether two types are the same type (records by declaration, std classes by kind and arguments). */
export function sameType(a: CType, b: CType): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'void':
      return b.kind === 'void';
    case 'int':
    case 'float':
      return b.kind === a.kind && b.name === a.name;
    case 'complex':
      return b.kind === 'complex' && b.element.name === a.element.name;
    case 'vector':
      return b.kind === 'vector' && b.name === a.name;
    case 'enum':
      return b.kind === 'enum' && b.name === a.name;
    case 'pointer':
      return (
        b.kind === 'pointer' &&
        Boolean(a.pointeeConst) === Boolean(b.pointeeConst) &&
        sameType(a.pointee, b.pointee)
      );
    case 'reference':
      return (
        b.kind === 'reference' &&
        a.rvalue === b.rvalue &&
        Boolean((a as RefType).referentConst) === Boolean((b as RefType).referentConst) &&
        sameType(a.referent, b.referent)
      );
    case 'array':
      return b.kind === 'array' && a.length === b.length && sameType(a.element, b.element);
    case 'function':
      return (
        b.kind === 'function' &&
        a.variadic === b.variadic &&
        a.params.length === b.params.length &&
        sameType(a.returnType, b.returnType) &&
        a.params.every((p, k) => sameType(p, b.params[k] as CType))
      );
    case 'record':
      return b.kind === 'record' && sameRecord(a.decl, b.decl);
  }
}

export function sameRecord(a: RecordDecl, b: RecordDecl): boolean {
  if (a === b) return true;
  if (!a.std || !b.std) return false;
  if (a.std.kind !== b.std.kind || a.std.args.length !== b.std.args.length) return false;
  return a.std.args.every((x, k) => {
    const y = b.std?.args[k];
    if (typeof x === 'number' || typeof y === 'number') return x === y;
    return y !== undefined && sameType(x, y);
  });
}

/** Pointers with the pointee's const dropped at the first level, for "same pointer ignoring const" checks. */
export function samePointeeIgnoringConst(a: PointerType, b: PointerType): boolean {
  return sameType(a.pointee, b.pointee);
}

/** The type in C++ spelling, for messages (`const S&` shown with its const). */
export function typeName(t: CType): string {
  if (t.kind === 'reference' && (t as RefType).referentConst) {
    const inner = typeToString(t.referent);
    return `const ${inner}${t.rvalue ? '&&' : '&'}`;
  }
  return typeToString(t);
}

/** Whether `derived` has `base` among its bases (directly or indirectly). */
export function isDerivedFrom(derived: RecordDecl, base: RecordDecl): boolean {
  for (const b of derived.bases) {
    if (sameRecord(b.type.decl, base) || isDerivedFrom(b.type.decl, base)) return true;
  }
  return false;
}

/** The element type of a pointer or array, else null. */
export function elementOf(t: CType): CType | null {
  if (t.kind === 'pointer') return t.pointee;
  if (t.kind === 'array') return t.element;
  return null;
}

/** Whether objects of the type can be created (not void, not a function, not incomplete). */
export function isCompleteObjectType(t: CType): boolean {
  if (t.kind === 'void' || t.kind === 'function') return false;
  if (t.kind === 'record') return !t.decl.incomplete;
  if (t.kind === 'array') return isCompleteObjectType(t.element);
  return true;
}

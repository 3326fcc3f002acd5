/**
 * Small factories for the shared C++ type model (`ctype.ts`). Plain data in, plain data out:
 * the C++ front end, the standard-library builders and the tests all build types the same way.
 */
import type {
  ArrayType,
  BaseDecl,
  ComplexType,
  CType,
  EnumType,
  FieldDecl,
  FloatName,
  FloatType,
  FunctionType,
  IntName,
  IntType,
  PointerType,
  RecordDecl,
  RecordType,
  ReferenceType,
  SpecialMembers,
  VectorType,
  VoidType,
} from './ctype.ts';

/** `void`. */
export function voidType(): VoidType {
  return { kind: 'void' };
}

/** A fundamental integer type (`bool` and the character types included). */
export function intType(name: IntName): IntType {
  return { kind: 'int', name };
}

/** `float`, `double` or `long double`. */
export function floatType(name: FloatName): FloatType {
  return { kind: 'float', name };
}

/** `_Complex float|double|long double`. */
export function complexType(element: FloatName): ComplexType {
  return { kind: 'complex', element: floatType(element) };
}

/** `T*`, or `const T*` when `pointeeConst`. */
export function pointerTo(pointee: CType, pointeeConst = false): PointerType {
  return pointeeConst ? { kind: 'pointer', pointee, pointeeConst: true } : { kind: 'pointer', pointee };
}

/** `T&`, or `T&&` when `rvalue`. */
export function referenceTo(referent: CType, rvalue = false): ReferenceType {
  return { kind: 'reference', referent, rvalue };
}

/** An enumeration with its underlying type (`int` unless given, as for an unscoped enum without one). */
export function enumType(name: string, underlying: IntName = 'int'): EnumType {
  return { kind: 'enum', name, underlying: intType(underlying) };
}

/** A C array `T[N]`. */
export function arrayOf(element: CType, length: number): ArrayType {
  return { kind: 'array', element, length };
}

/** `__m128` (4 floats) or `__m128d` (2 doubles), the x86 SSE vector types. */
export function vectorType(name: '__m128' | '__m128d'): VectorType {
  return name === '__m128'
    ? { kind: 'vector', name, element: floatType('float'), length: 4 }
    : { kind: 'vector', name, element: floatType('double'), length: 2 };
}

/** A function type. */
export function functionType(returnType: CType, params: CType[] = [], variadic = false): FunctionType {
  return { kind: 'function', returnType, params, variadic };
}

/** Special members, all `implicit` unless overridden (what a class gets when the user writes none). */
export function specialMembers(over: Partial<SpecialMembers> = {}): SpecialMembers {
  return {
    copyCtor: 'implicit',
    moveCtor: 'implicit',
    dtor: 'implicit',
    copyAssign: 'implicit',
    moveAssign: 'implicit',
    ...over,
  };
}

/** A data member. */
export function field(name: string, type: CType, bitWidth?: number): FieldDecl {
  return bitWidth === undefined ? { name, type } : { name, type, bitWidth };
}

/** A base-class specifier. */
export function base(type: RecordType, virtual = false): BaseDecl {
  return { type, virtual };
}

/** What `record()` accepts: everything but the name is optional. */
export interface RecordInit {
  name: string;
  tag?: RecordDecl['tag'];
  fields?: FieldDecl[];
  bases?: BaseDecl[];
  hasVirtualFunctions?: boolean;
  specialMembers?: Partial<SpecialMembers>;
  packed?: boolean;
  alignas?: number;
  std?: RecordDecl['std'];
  line?: number;
  incomplete?: boolean;
}

/** A class, struct or union type. */
export function record(init: RecordInit): RecordType {
  const decl: RecordDecl = {
    name: init.name,
    tag: init.tag ?? 'struct',
    bases: init.bases ?? [],
    fields: init.fields ?? [],
    hasVirtualFunctions:
      (init.hasVirtualFunctions ?? false) || (init.bases ?? []).some((b) => b.type.decl.hasVirtualFunctions),
    specialMembers: specialMembers(init.specialMembers),
    packed: init.packed ?? false,
  };
  if (init.alignas !== undefined) decl.alignas = init.alignas;
  if (init.std !== undefined) decl.std = init.std;
  if (init.line !== undefined) decl.line = init.line;
  if (init.incomplete !== undefined) decl.incomplete = init.incomplete;
  return { kind: 'record', decl };
}

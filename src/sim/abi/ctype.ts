/**
 * The C++ type model shared by the C++ front end (which builds these from source),
 * the layout/classification code (which measures them) and the interpreter.
 *
 * Everything here is plain data: no classes, no functions, structured-clone safe.
 */

/** The two machines the simulator models. */
export type Target = 'x86_64' | 'aarch64';

/** Fundamental integer types, by their canonical spelling. */
export type IntName =
  | 'bool'
  | 'char'
  | 'signed char'
  | 'unsigned char'
  | 'short'
  | 'unsigned short'
  | 'int'
  | 'unsigned int'
  | 'long'
  | 'unsigned long'
  | 'long long'
  | 'unsigned long long'
  | '__int128'
  | 'unsigned __int128'
  | 'char16_t'
  | 'char32_t'
  | 'wchar_t';

export type FloatName = 'float' | 'double' | 'long double';

/** How a special member function of a class is declared (Itanium ABI 3.1.2 cares). */
export type SpecialMemberState =
  /** Not written by the user: the compiler declares it implicitly (it may end up deleted or non-trivial). */
  | 'implicit'
  /** Written by the user with a body, or declared and defined elsewhere: non-trivial. */
  | 'user-provided'
  /** `= default` on its first declaration: stays trivial if the implicit one would be. */
  | 'defaulted'
  /** `= delete`. */
  | 'deleted';

export interface SpecialMembers {
  copyCtor: SpecialMemberState;
  moveCtor: SpecialMemberState;
  dtor: SpecialMemberState;
  copyAssign: SpecialMemberState;
  moveAssign: SpecialMemberState;
}

export interface FieldDecl {
  name: string;
  type: CType;
  /** Bit-field width, when the field is a bit-field. */
  bitWidth?: number;
}

export interface BaseDecl {
  type: RecordType;
  virtual: boolean;
}

/**
 * Names of the standard library types the simulator knows the real libstdc++ layout of.
 * The interpreter uses this tag to give them behaviour (`operator[]`, `.data()`, reference counts).
 */
export type StdKind =
  | 'array'
  | 'pair'
  | 'tuple'
  | 'optional'
  | 'complex'
  | 'string_view'
  | 'string'
  | 'vector'
  | 'unique_ptr'
  | 'shared_ptr'
  | 'control_block';

export interface RecordDecl {
  /** The name as a learner reads it: `Vec4`, `std::array<double, 4>`. */
  name: string;
  tag: 'struct' | 'class' | 'union';
  bases: BaseDecl[];
  fields: FieldDecl[];
  /** Declares or inherits at least one virtual function (so it has a vptr). */
  hasVirtualFunctions: boolean;
  specialMembers: SpecialMembers;
  /** `__attribute__((packed))`. */
  packed: boolean;
  /** `alignas(N)` on the class, if any. */
  alignas?: number;
  /** Set for the standard library types the simulator models, with their template arguments. */
  std?: { kind: StdKind; args: (CType | number)[] };
  /** Source line of the declaration (1-based), for diagnostics; absent for library types. */
  line?: number;
  /** True while only forward-declared (`struct S;`): an incomplete type has no layout. */
  incomplete?: boolean;
}

export interface VoidType {
  kind: 'void';
}
export interface IntType {
  kind: 'int';
  name: IntName;
}
export interface FloatType {
  kind: 'float';
  name: FloatName;
}
/** `_Complex float` / `_Complex double` (what `std::complex<T>` wraps in libstdc++). */
export interface ComplexType {
  kind: 'complex';
  element: FloatType;
}
export interface PointerType {
  kind: 'pointer';
  pointee: CType;
  /** `const` on the pointee (`const double*`). */
  pointeeConst?: boolean;
}
export interface ReferenceType {
  kind: 'reference';
  referent: CType;
  rvalue: boolean;
}
export interface EnumType {
  kind: 'enum';
  name: string;
  underlying: IntType;
}
/** A C array `T[N]` (only as a member or a local: functions cannot return one). */
export interface ArrayType {
  kind: 'array';
  element: CType;
  length: number;
}
/** x86 SIMD vector types, `__m128` (4 floats) and `__m128d` (2 doubles). */
export interface VectorType {
  kind: 'vector';
  name: '__m128' | '__m128d';
  element: FloatType;
  length: number;
}
export interface FunctionType {
  kind: 'function';
  returnType: CType;
  params: CType[];
  variadic: boolean;
}
export interface RecordType {
  kind: 'record';
  decl: RecordDecl;
}

export type CType =
  | VoidType
  | IntType
  | FloatType
  | ComplexType
  | PointerType
  | ReferenceType
  | EnumType
  | ArrayType
  | VectorType
  | FunctionType
  | RecordType;

/**
 * x86-64 psABI 3.2.3 classes of an eightbyte. `COMPLEX_X87` is the psABI's class for a bare
 * `_Complex long double` (returned in st0 and st1); `std::complex<long double>` is a 32-byte
 * class and so MEMORY.
 */
export type EightbyteClass =
  'INTEGER' | 'SSE' | 'SSEUP' | 'X87' | 'X87UP' | 'COMPLEX_X87' | 'MEMORY' | 'NO_CLASS';

/** Register names the conventions use (x86-64 and AArch64). */
export type ReturnConventionX86 =
  'void' | 'rax' | 'rax:rdx' | 'xmm0' | 'xmm0:xmm1' | 'rax+xmm0' | 'xmm0+rax' | 'x87' | 'sret';

export type ReturnConventionA64 =
  | 'void'
  | 'x0'
  | 'x0:x1'
  | 'd0'
  | 'd0-d1'
  | 'd0-d2'
  | 'd0-d3'
  | 's0'
  | 's0-s1'
  | 's0-s2'
  | 's0-s3'
  | 'q0'
  | 'q0-q1'
  | 'q0-q2'
  | 'q0-q3'
  | 'x8-indirect';

/**
 * One piece of a value that travels in a register: bytes [offset, offset+size) of the value
 * go to (or come from) `reg`, starting at byte `regOffset` of that register.
 */
export interface RegisterPart {
  reg: string;
  offset: number;
  size: number;
  regOffset: number;
}

/** Where a return value travels under one target's C/C++ calling convention. */
export interface ReturnClassification {
  target: Target;
  size: number;
  align: number;
  trivialForCalls: boolean;
  convention: ReturnConventionX86 | ReturnConventionA64;
  /** x86-64 only: the class of each eightbyte after the merge and clean-up; null on AArch64. */
  eightbytes: EightbyteClass[] | null;
  /** AArch64 homogeneous floating-point (or short-vector) aggregate, else null. */
  hfa: { base: string; count: number } | null;
  /** True when the caller passes the address of the result (x86-64 `%rdi`, AArch64 `x8`). */
  indirect: boolean;
  /** For register returns: which bytes of the value sit in which register. Empty for void and indirect. */
  parts: RegisterPart[];
  /** For `long double` (x87): the value is in `st0` (and `st1` for complex long double). */
  x87?: boolean;
}

/** Where one argument travels. */
export type ArgLocation =
  | { kind: 'regs'; parts: RegisterPart[] }
  /** On the stack at [sp + offset] at the moment of the call. */
  | { kind: 'stack'; offset: number; size: number }
  /** Passed as a pointer to a temporary copy (non-trivial for calls, or AArch64 composites > 16 bytes). */
  | { kind: 'indirect'; pointer: ArgLocation };

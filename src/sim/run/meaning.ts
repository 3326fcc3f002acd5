/**
 * What the bits of a value mean to each side of a foreign call, as plain data, and whether two
 * readings of the same bits agree.
 *
 * The caller's reading comes from the Codon declaration (Codon 0.19's `getLLVMType`: `int` is i64,
 * `float` is `double`, `bool` and `byte` are i8, `Ptr[T]` and lists are pointers, a `@tuple` class is
 * a by-value struct); the callee's from the C++ definition, with the target's sizes (plain `char` is
 * signed on x86-64 and unsigned on AArch64, `long double` is x87 on one and binary128 on the other).
 * Typedefs and spellings (`size_t`, `std::int64_t`, `long int`, `unsigned`) are gone by then: the C++
 * front end resolves them to one `IntName`, and the meaning keeps only width and signedness.
 *
 * The comparison only runs once both sides put a value in the same registers; what it decides is
 * whether the callee reads back what the caller meant. Its rules are those of the machine:
 * - integers of the same width agree whatever their signedness: the register holds the same bits
 *   and each side reads them back unchanged (only values past the signed range read differently);
 * - integers of different widths disagree: g++ reads or writes only the low bytes (`movl` for an
 *   `int` result zero-extends, so Codon's i64 reads -1 as 4294967295);
 * - a `bool` and a one-byte integer agree (both sides move one byte; 0 and 1 mean the same);
 * - floats agree only in the same format (`float` in the low 4 bytes of xmm0 is not a `double`);
 * - pointers agree when their pointees do; a pointer to bytes (`void*`, the `char` family, Codon's
 *   `cobj`) agrees with any object pointer, but not with a Codon list, which is a runtime object
 *   `{len, arr}` whose layout C code does not know (pass `lst.arr.ptr`);
 * - aggregates (and scalars, as one-leaf aggregates) agree leaf by leaf: same offsets, agreeing leaves.
 */
import type { CType, Target } from '../abi/ctype.ts';
import { AbiError } from '../abi/errors.ts';
import { layoutOf, type Cell } from '../abi/layout.ts';
import { floatInfo, intInfo } from '../abi/scalars.ts';
import { structLayout } from '../codon/layout.ts';
import type { CodonType } from '../codon/types.ts';
import { prune } from '../codon/types.ts';

/** How a floating-point value is encoded. */
export type FloatFormat = 'f32' | 'f64' | 'x87' | 'f128';

/** One scalar as one side reads it. */
export type Scalar =
  | { kind: 'int'; bytes: number; signed: boolean }
  | { kind: 'bool' }
  | { kind: 'float'; format: FloatFormat }
  | { kind: 'ptr'; to: Pointee };

/** What a pointer points at, as far as the side that declares it knows. */
export type Pointee =
  /** `void`, the `char` family, Codon's `byte`: raw bytes, any object may be seen through it. */
  | { kind: 'bytes' }
  /** An object of a known type. */
  | { kind: 'object'; meaning: Meaning; size: number }
  /** A Codon list object `{len, arr: {len, ptr}}` (a `List[T]` argument is a pointer to one). */
  | { kind: 'codon-list' }
  | { kind: 'function' }
  /** A type without a layout here (an incomplete class, a vtable): only the same name agrees. */
  | { kind: 'opaque'; name: string };

/** A scalar leaf of an aggregate, at its byte offset. */
export interface Leaf {
  offset: number;
  scalar: Scalar;
}

/** What one side believes a value is. */
export type Meaning =
  | { kind: 'void' }
  | { kind: 'scalar'; scalar: Scalar }
  | { kind: 'aggregate'; leaves: Leaf[]; size: number }
  /** Written to memory through a hidden pointer: compared by where it travels, not by its bits. */
  | { kind: 'memory' };

/** Why two readings agree or disagree. */
export type Verdict =
  | { kind: 'same' }
  /** The same bits, read back unchanged, under another name. */
  | { kind: 'reinterpreted'; why: 'signedness' | 'bool-as-byte' | 'untyped-pointer' }
  | {
      kind: 'differs';
      why:
        | 'width'
        | 'int-vs-float'
        | 'float-format'
        | 'pointer-vs-integer'
        | 'pointee'
        | 'list-object'
        | 'shape';
    };

export const VOID: Meaning = { kind: 'void' };
export const MEMORY: Meaning = { kind: 'memory' };
export const scalar = (s: Scalar): Meaning => ({ kind: 'scalar', scalar: s });
export const intOf = (bytes: number, signed: boolean): Scalar => ({ kind: 'int', bytes, signed });
export const floatOf = (format: FloatFormat): Scalar => ({ kind: 'float', format });
export const ptrTo = (to: Pointee): Scalar => ({ kind: 'ptr', to });
export const BYTES: Pointee = { kind: 'bytes' };

/**
 * Pointers inside pointees are followed this deep and no further (a `struct Node { Node* next; }`
 * would otherwise never end); past it a pointer is just a pointer to bytes.
 */
const POINTEE_DEPTH = 3;

// --- the C++ side ------------------------------------------------------------------------------

/** What the bits of a C++ type mean on `target`. */
export function cppMeaning(t: CType, target: Target, depth = 0): Meaning {
  switch (t.kind) {
    case 'void':
      return VOID;
    case 'record':
    case 'array':
    case 'complex':
    case 'vector':
      return cppAggregate(t, target, depth);
    default: {
      const s = cppScalar(t, target, depth);
      return s === null ? cppAggregate(t, target, depth) : scalar(s);
    }
  }
}

function cppScalar(t: CType, target: Target, depth: number): Scalar | null {
  switch (t.kind) {
    case 'int':
      if (t.name === 'bool') return { kind: 'bool' };
      return intOf(intInfo(t.name, target).size, intInfo(t.name, target).signed);
    case 'enum':
      return intOf(intInfo(t.underlying.name, target).size, intInfo(t.underlying.name, target).signed);
    case 'float':
      return floatOf(
        t.name === 'float' ? 'f32' : t.name === 'double' ? 'f64' : target === 'x86_64' ? 'x87' : 'f128',
      );
    case 'pointer':
      return ptrTo(cppPointee(t.pointee, target, depth + 1));
    case 'reference':
      return ptrTo(cppPointee(t.referent, target, depth + 1));
    case 'function':
      // A function parameter is a pointer to function.
      return ptrTo({ kind: 'function' });
    default:
      return null;
  }
}

function cppPointee(t: CType, target: Target, depth: number): Pointee {
  if (depth > POINTEE_DEPTH) return BYTES;
  switch (t.kind) {
    case 'void':
      return BYTES;
    case 'int':
      // The character types may look at any object's bytes ([basic.lval]; `int8_t` is `signed char`).
      if (t.name === 'char' || t.name === 'signed char' || t.name === 'unsigned char') return BYTES;
      break;
    case 'function':
      return { kind: 'function' };
    case 'record':
      if (t.decl.incomplete === true) return { kind: 'opaque', name: t.decl.name };
      break;
    default:
      break;
  }
  try {
    const meaning = cppMeaning(t, target, depth);
    return { kind: 'object', meaning, size: sizeOfMeaning(meaning, t, target) };
  } catch (e) {
    if (e instanceof AbiError) return { kind: 'opaque', name: t.kind };
    throw e;
  }
}

function sizeOfMeaning(m: Meaning, t: CType, target: Target): number {
  if (m.kind === 'aggregate') return m.size;
  if (t.kind === 'float') return floatInfo(t.name, target).size;
  if (m.kind === 'scalar') return scalarBytes(m.scalar);
  return 0;
}

function cppAggregate(t: CType, target: Target, depth: number): Meaning {
  const layout = layoutOf(t, target);
  const leaves: Leaf[] = [];
  for (const c of layout.cells) {
    const s = cellScalar(c, target, depth);
    if (s !== null) leaves.push({ offset: c.offset, scalar: s });
  }
  return { kind: 'aggregate', leaves, size: layout.size };
}

function cellScalar(c: Cell, target: Target, depth: number): Scalar | null {
  switch (c.kind) {
    case 'padding':
      return null;
    case 'vptr':
      return ptrTo({ kind: 'opaque', name: 'vtable' });
    case 'opaque':
      return intOf(c.size, false);
    default:
      if (c.bitWidth !== undefined || c.type === null) return intOf(c.size, c.kind === 'int');
      return cppScalar(c.type, target, depth) ?? intOf(c.size, false);
  }
}

// --- the Codon side ----------------------------------------------------------------------------

/** What the bits of a Codon value mean (Codon's own types are the same on both targets). */
export function codonMeaning(t: CodonType, depth = 0): Meaning {
  const p = prune(t);
  switch (p.kind) {
    case 'none':
      return VOID;
    case 'tuple-class':
    case 'str':
    case 'array':
    case 'range':
      return codonAggregate(p, depth);
    default:
      return scalar(codonScalar(p, depth));
  }
}

function codonScalar(p: CodonType, depth: number): Scalar {
  switch (p.kind) {
    case 'int':
      return intOf(8, true);
    case 'float':
      return floatOf('f64');
    case 'float32':
      return floatOf('f32');
    case 'bool':
      return { kind: 'bool' };
    case 'byte':
      return intOf(1, false);
    case 'intn':
      // `Int[32]` is LLVM i32 (intn.codon), so it means what C's int32_t/int means.
      return intOf(p.bits / 8, p.signed);
    case 'ptr':
      return ptrTo(codonPointee(p.elem, depth + 1));
    case 'list':
      return ptrTo({ kind: 'codon-list' });
    default:
      // An unresolved type variable lowers to `ptr` (lower.ts); nothing else reaches here.
      return ptrTo(BYTES);
  }
}

function codonPointee(elem: CodonType, depth: number): Pointee {
  const e = prune(elem);
  if (depth > POINTEE_DEPTH || e.kind === 'byte' || e.kind === 'none' || e.kind === 'var') return BYTES;
  const meaning = codonMeaning(e, depth);
  return { kind: 'object', meaning, size: meaning.kind === 'aggregate' ? meaning.size : codonScalarSize(e) };
}

function codonScalarSize(p: CodonType): number {
  if (p.kind === 'intn') return p.bits / 8;
  return p.kind === 'float32' ? 4 : p.kind === 'bool' || p.kind === 'byte' ? 1 : 8;
}

/** The fields of Codon's by-value records (core.codon): `str` and `Array[T]` are `{len, ptr}`, a range three ints. */
function codonFields(p: CodonType): CodonType[] {
  switch (p.kind) {
    case 'tuple-class':
      return p.fields.map((f) => f.type);
    case 'str':
      return [{ kind: 'int' }, { kind: 'ptr', elem: { kind: 'byte' } }];
    case 'array':
      return [{ kind: 'int' }, { kind: 'ptr', elem: p.elem }];
    case 'range':
      return [{ kind: 'int' }, { kind: 'int' }, { kind: 'int' }];
    default:
      return [p];
  }
}

function codonAggregate(p: CodonType, depth: number): Meaning {
  const fields = codonFields(p);
  const layout = structLayout(fields);
  const leaves: Leaf[] = [];
  fields.forEach((f, i) => {
    const inner = codonMeaning(f, depth);
    const at = layout.offsets[i] ?? 0;
    for (const leaf of leavesOf(inner)) leaves.push({ offset: at + leaf.offset, scalar: leaf.scalar });
  });
  return { kind: 'aggregate', leaves, size: layout.size };
}

// --- comparing ---------------------------------------------------------------------------------

/** The scalar leaves of a meaning: a scalar is one leaf at offset 0, void none. */
export function leavesOf(m: Meaning): Leaf[] {
  switch (m.kind) {
    case 'scalar':
      return [{ offset: 0, scalar: m.scalar }];
    case 'aggregate':
      return m.leaves;
    default:
      return [];
  }
}

function scalarBytes(s: Scalar): number {
  switch (s.kind) {
    case 'int':
      return s.bytes;
    case 'bool':
      return 1;
    case 'float':
      return s.format === 'f32' ? 4 : s.format === 'f64' ? 8 : 16;
    case 'ptr':
      return 8;
  }
}

const SAME: Verdict = { kind: 'same' };
const differs = (why: Extract<Verdict, { kind: 'differs' }>['why']): Verdict => ({ kind: 'differs', why });
const reinterpreted = (why: Extract<Verdict, { kind: 'reinterpreted' }>['why']): Verdict => ({
  kind: 'reinterpreted',
  why,
});

/** The first disagreement of a list of verdicts, else the first reinterpretation, else `same`. */
function worst(verdicts: Verdict[]): Verdict {
  return (
    verdicts.find((v) => v.kind === 'differs') ?? verdicts.find((v) => v.kind === 'reinterpreted') ?? SAME
  );
}

type ScalarKind = Scalar['kind'];
type ScalarRule<A extends ScalarKind> = (a: Extract<Scalar, { kind: A }>, b: Scalar) => Verdict;

/** How a scalar of each kind compares with any other scalar: one small rule per kind. */
const SCALAR_RULES: { [K in ScalarKind]: ScalarRule<K> } = {
  int: (a, b) => {
    if (b.kind === 'bool') return a.bytes === 1 ? reinterpreted('bool-as-byte') : differs('width');
    if (b.kind === 'float') return differs('int-vs-float');
    if (b.kind === 'ptr') return differs('pointer-vs-integer');
    if (a.bytes !== b.bytes) return differs('width');
    return a.signed === b.signed ? SAME : reinterpreted('signedness');
  },
  bool: (_a, b) => {
    if (b.kind === 'bool') return SAME;
    if (b.kind === 'int') return b.bytes === 1 ? reinterpreted('bool-as-byte') : differs('width');
    return b.kind === 'float' ? differs('int-vs-float') : differs('pointer-vs-integer');
  },
  float: (a, b) => {
    if (b.kind === 'float') return a.format === b.format ? SAME : differs('float-format');
    return differs('int-vs-float');
  },
  ptr: (a, b) => {
    if (b.kind === 'ptr') return comparePointees(a.to, b.to);
    return b.kind === 'float' ? differs('int-vs-float') : differs('pointer-vs-integer');
  },
};

/** Whether two readings of one scalar's bits agree (symmetric). */
export function compareScalars(a: Scalar, b: Scalar): Verdict {
  return (SCALAR_RULES[a.kind] as ScalarRule<ScalarKind>)(a, b);
}

function comparePointees(a: Pointee, b: Pointee): Verdict {
  if (a.kind === 'codon-list' || b.kind === 'codon-list')
    return a.kind === b.kind ? SAME : differs('list-object');
  if (a.kind === 'bytes' || b.kind === 'bytes')
    return a.kind === b.kind ? SAME : reinterpreted('untyped-pointer');
  if (a.kind === 'function' || b.kind === 'function') return a.kind === b.kind ? SAME : differs('pointee');
  if (a.kind === 'opaque' || b.kind === 'opaque')
    return a.kind === 'opaque' && b.kind === 'opaque' && a.name === b.name ? SAME : differs('pointee');
  const v = compareObjects(a, b);
  return v.kind === 'differs' ? differs('pointee') : v;
}

/**
 * Two pointed-to objects agree when their leaves do, or when one is an array of the other: a
 * `double*` and a `std::array<double, 4>*` both address the first of four doubles.
 */
function compareObjects(
  a: Extract<Pointee, { kind: 'object' }>,
  b: Extract<Pointee, { kind: 'object' }>,
): Verdict {
  const direct = compareMeanings(a.meaning, b.meaning);
  if (direct.kind !== 'differs' || a.size === b.size) return direct;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  if (small.size === 0 || big.size % small.size !== 0) return direct;
  const unit = leavesOf(small.meaning);
  const repeated: Leaf[] = [];
  for (let at = 0; at < big.size; at += small.size)
    for (const l of unit) repeated.push({ offset: at + l.offset, scalar: l.scalar });
  return compareLeaves(repeated, leavesOf(big.meaning));
}

function compareLeaves(a: Leaf[], b: Leaf[]): Verdict {
  if (a.length !== b.length) return differs('shape');
  const verdicts: Verdict[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Leaf;
    const y = b[i] as Leaf;
    if (x.offset !== y.offset) return differs('shape');
    verdicts.push(compareScalars(x.scalar, y.scalar));
  }
  return worst(verdicts);
}

/** Whether the caller's and the callee's readings of the same bits agree. */
export function compareMeanings(caller: Meaning, callee: Meaning): Verdict {
  if (caller.kind === 'memory' || callee.kind === 'memory')
    return caller.kind === callee.kind ? SAME : differs('shape');
  if (caller.kind === 'void' || callee.kind === 'void')
    return caller.kind === callee.kind ? SAME : differs('shape');
  return compareLeaves(leavesOf(caller), leavesOf(callee));
}

/** True when the callee reads back what the caller meant. */
export function meaningsAgree(caller: Meaning, callee: Meaning): boolean {
  return compareMeanings(caller, callee).kind !== 'differs';
}

/** A short readable form of a meaning, for test messages and debugging: `i64`, `ptr->f64`, `{f64@0,f64@8}`. */
export function showMeaning(m: Meaning): string {
  switch (m.kind) {
    case 'void':
    case 'memory':
      return m.kind;
    case 'scalar':
      return showScalar(m.scalar);
    case 'aggregate':
      return `{${m.leaves.map((l) => `${showScalar(l.scalar)}@${l.offset}`).join(',')}}`;
  }
}

function showScalar(s: Scalar): string {
  switch (s.kind) {
    case 'int':
      return `${s.signed ? 'i' : 'u'}${s.bytes * 8}`;
    case 'bool':
      return 'bool';
    case 'float':
      return s.format;
    case 'ptr':
      return `ptr->${showPointee(s.to)}`;
  }
}

function showPointee(p: Pointee): string {
  switch (p.kind) {
    case 'object':
      return showMeaning(p.meaning);
    case 'opaque':
      return p.name;
    default:
      return p.kind;
  }
}

/**
 * Object layout as g++ 12 computes it on x86-64 and AArch64 Linux (Itanium C++ ABI 2.4 for
 * classes; the psABI/AAPCS64 rules for bit-fields).
 *
 * What is modelled: fundamental types, pointers and references (stored as 8-byte pointers),
 * enums, C arrays, SSE vectors (x86-64 only), unions, classes with non-virtual bases (empty
 * base optimisation with the "two subobjects of one type never share an address" rule, and
 * tail-padding reuse of non-POD bases), virtual functions (a vptr at offset 0, shared with
 * the primary base), bit-fields, `__attribute__((packed))` and `alignas` on the class.
 *
 * Simplifications (documented, not silent): virtual bases are placed after the non-virtual
 * part in depth-first order, each once, with the class's own vptr at 0 (g++ agrees for the
 * simple cases; nearly-empty virtual primary bases are not chosen as primary). POD-ness for
 * layout ignores user-declared non-special constructors, which the type model does not record.
 */
import type { CType, FloatType, RecordDecl, RecordType, Target } from './ctype.ts';
import { AbiError } from './errors.ts';
import { floatInfo, intInfo, POINTER_SIZE } from './scalars.ts';
import { typeToString } from './typeToString.ts';

/** The path of a padding cell; the page shows it as the term `path.padding` in the reader's language (view/rows.ts). */
export const PADDING_PATH = '(padding)';

export type CellKind = 'int' | 'uint' | 'bool' | 'float' | 'pointer' | 'padding' | 'vptr' | 'opaque';

/** One scalar leaf of an object, for display and for typed reads and writes. */
export interface Cell {
  /** Member path from the object: `_M_elems[2]`, `first`, `base.x`, `Base::x` when ambiguous; `''` for a scalar object. */
  path: string;
  offset: number;
  size: number;
  kind: CellKind;
  type: CType | null;
  /** Bit-fields only: first bit inside the byte at `offset`, and the width in bits. */
  bitOffset?: number;
  bitWidth?: number;
}

/** A direct data member of a record and where it sits. */
export interface FieldLayout {
  name: string;
  offset: number;
  type: CType;
  bitOffset?: number;
  bitWidth?: number;
}

/** A base-class subobject and where it sits. */
export interface BaseLayout {
  type: RecordType;
  offset: number;
  virtual: boolean;
}

export interface Layout {
  size: number;
  align: number;
  /** Direct data members (records only; empty for other types). */
  fields: FieldLayout[];
  /** Base-class subobjects (records only). */
  bases: BaseLayout[];
  /** Scalar leaves in offset order, padding included, covering every byte (union members overlap). */
  cells: Cell[];
  /** Offset of the record's own vptr (null when it has none, or shares its primary base's). */
  vptrOffset: number | null;
}

/**
 * Size, alignment, member offsets and scalar cells of `t` on `target`; throws `AbiError` when
 * `t` has no layout. The result is cached per type object and frozen: treat it as read-only.
 */
export function layoutOf(t: CType, target: Target): Layout {
  const cache = publicCaches[target];
  const stamp = typeStamp(t);
  const hit = cache.get(t);
  if (hit && hit.stamp === stamp) return hit.value;
  const inner = innerLayout(t, target);
  const cells = withPadding(
    inner.cells.map(({ declaredIn: _d, bare: _b, ...c }) => Object.freeze(c)),
    inner.size,
  );
  const value: Layout = Object.freeze({
    size: inner.size,
    align: inner.align,
    fields: Object.freeze(inner.fields.map((f) => Object.freeze({ ...f }))) as FieldLayout[],
    bases: Object.freeze(inner.bases.map((b) => Object.freeze({ ...b }))) as BaseLayout[],
    cells: Object.freeze(cells) as Cell[],
    vptrOffset: inner.vptrOffset,
  });
  cache.set(t, { stamp, value });
  return value;
}

const publicCaches: Record<Target, WeakMap<object, { stamp: string; value: Layout }>> = {
  x86_64: new WeakMap(),
  aarch64: new WeakMap(),
};

/**
 * What a type's layout depends on that may still change while the C++ front end fills a
 * class in (its member and base counts...): a cache entry is reused only while this is unchanged.
 */
export function typeStamp(t: CType): string {
  if (t.kind === 'record') return stampOf(t.decl);
  if (t.kind === 'array') return typeStamp(t.element);
  return '';
}

/** `sizeof(t)` on `target`. */
export function sizeOf(t: CType, target: Target): number {
  return innerLayout(t, target).size;
}

/** `alignof(t)` on `target`. */
export function alignOf(t: CType, target: Target): number {
  return innerLayout(t, target).align;
}

/** True for a class with no data (Itanium ABI "empty class"): it occupies 1 byte but no data. */
export function isEmptyRecord(t: CType, target: Target): boolean {
  return t.kind === 'record' && (innerLayout(t, target) as RecordLayout).isEmpty === true;
}

// ---------------------------------------------------------------------------------------------

interface RawCell extends Cell {
  /** Short name of the class that declares the first path segment (to qualify ambiguous paths). */
  declaredIn?: string;
  /** The path before any `Base::` qualification of its first segment (what name lookup would see). */
  bare?: string;
}

interface InnerLayout {
  size: number;
  align: number;
  fields: FieldLayout[];
  bases: BaseLayout[];
  cells: RawCell[];
  vptrOffset: number | null;
}

interface EmptySubobject {
  decl: RecordDecl;
  offset: number;
}

interface RecordLayout extends InnerLayout {
  /** Size without tail padding (equals size for a POD): later members of a derived class may reuse the rest. */
  dsize: number;
  nvsize: number;
  nvalign: number;
  isEmpty: boolean;
  isPod: boolean;
  /** Every subobject of empty class type inside, with its offset (for the EBO conflict rule). */
  empties: EmptySubobject[];
}

interface CacheEntry {
  layout: InnerLayout;
  /** What the record looked like when measured: the front end may still be filling it in. */
  stamp: string;
}

const caches: Record<Target, WeakMap<object, CacheEntry>> = { x86_64: new WeakMap(), aarch64: new WeakMap() };

function stampOf(decl: RecordDecl): string {
  return `${decl.fields.length}/${decl.bases.length}/${decl.incomplete === true}/${decl.packed}/${decl.alignas ?? ''}/${decl.hasVirtualFunctions}`;
}

function innerLayout(t: CType, target: Target): InnerLayout {
  if (t.kind !== 'record') return scalarLayout(t, target);
  const cache = caches[target];
  const stamp = stampOf(t.decl);
  const hit = cache.get(t.decl);
  if (hit && hit.stamp === stamp) return hit.layout;
  const layout = t.decl.tag === 'union' ? unionLayout(t.decl, target) : classLayout(t.decl, target);
  cache.set(t.decl, { layout, stamp });
  return layout;
}

function recordLayout(t: RecordType, target: Target): RecordLayout {
  return innerLayout(t, target) as RecordLayout;
}

function leaf(size: number, align: number, cell: RawCell): InnerLayout {
  return { size, align, fields: [], bases: [], cells: [cell], vptrOffset: null };
}

function scalarLayout(t: Exclude<CType, RecordType>, target: Target): InnerLayout {
  switch (t.kind) {
    case 'void':
      throw new AbiError('`void` is not an object type: it has no size.');
    case 'function':
      throw new AbiError(`\`${typeToString(t)}\` is a function type: it has no size (use a pointer to it).`);
    case 'int': {
      const info = intInfo(t.name, target);
      const kind = t.name === 'bool' ? 'bool' : info.signed ? 'int' : 'uint';
      return leaf(info.size, info.align, { path: '', offset: 0, size: info.size, kind, type: t });
    }
    case 'enum': {
      const info = intInfo(t.underlying.name, target);
      const kind = info.signed ? 'int' : 'uint';
      return leaf(info.size, info.align, { path: '', offset: 0, size: info.size, kind, type: t });
    }
    case 'float': {
      const info = floatInfo(t.name, target);
      return leaf(info.size, info.align, {
        path: '',
        offset: 0,
        size: info.valueSize,
        kind: 'float',
        type: t,
      });
    }
    case 'pointer':
    case 'reference':
      return leaf(POINTER_SIZE, POINTER_SIZE, {
        path: '',
        offset: 0,
        size: POINTER_SIZE,
        kind: 'pointer',
        type: t,
      });
    case 'complex': {
      const info = floatInfo(t.element.name, target);
      return {
        size: 2 * info.size,
        align: info.align,
        fields: [],
        bases: [],
        cells: [
          floatCell('real', 0, t.element, info.valueSize),
          floatCell('imag', info.size, t.element, info.valueSize),
        ],
        vptrOffset: null,
      };
    }
    case 'vector': {
      if (target !== 'x86_64')
        throw new AbiError(
          `\`${t.name}\` is an x86 SSE type (from <xmmintrin.h>); it does not exist on AArch64.`,
        );
      const el = floatInfo(t.element.name, target);
      const cells = Array.from({ length: t.length }, (_, i) =>
        floatCell(`[${i}]`, i * el.size, t.element, el.size),
      );
      return { size: 16, align: 16, fields: [], bases: [], cells, vptrOffset: null };
    }
    case 'array': {
      if (!Number.isInteger(t.length) || t.length < 0)
        throw new AbiError(`\`${typeToString(t)}\` has an invalid array length.`);
      const el = innerLayout(t.element, target);
      const cells: RawCell[] = [];
      for (let i = 0; i < t.length; i++) {
        for (const c of el.cells) cells.push(shift(c, i * el.size, `[${i}]`));
      }
      return { size: el.size * t.length, align: el.align, fields: [], bases: [], cells, vptrOffset: null };
    }
  }
}

function floatCell(path: string, offset: number, type: FloatType, size: number): RawCell {
  return { path, offset, size, kind: 'float', type };
}

/** Joins a member path: `a` + `b` is `a.b`, `a` + `[2]` is `a[2]`, `''` means the object itself. */
function joinPath(prefix: string, sub: string): string {
  if (prefix === '') return sub;
  if (sub === '') return prefix;
  return sub.startsWith('[') ? prefix + sub : `${prefix}.${sub}`;
}

function shift(c: RawCell, by: number, prefix: string): RawCell {
  return { ...c, offset: c.offset + by, path: joinPath(prefix, c.path) };
}

/** `std::_Head_base<1, double>` reads as `_Head_base<1, double>` in a qualified path. */
function shortName(decl: RecordDecl): string {
  return decl.name.startsWith('std::') ? decl.name.slice(5) : decl.name;
}

function roundUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

function checkComplete(decl: RecordDecl): void {
  if (decl.incomplete === true)
    throw new AbiError(`\`${decl.name}\` is only declared, not defined: an incomplete type has no layout.`);
}

/**
 * Whether a type is "POD for the purpose of layout" as g++ decides it: a non-POD base's tail
 * padding may be reused by the derived class's members. g++ 12 treats a class as POD unless
 * it has virtual functions or bases, a user-provided copy/move constructor, destructor or
 * assignment (`= default` and `= delete` keep it POD), a reference member, or a non-POD base
 * or member (fixture `TailReuse`: `~B() = default` does not allow reuse; `~B() {}` would).
 * User-provided ordinary constructors and private members also make a class non-POD in g++,
 * but the type model records neither, so such bases are treated as POD here.
 */
function isPodType(t: CType, target: Target): boolean {
  if (t.kind === 'array') return isPodType(t.element, target);
  if (t.kind === 'reference') return false;
  if (t.kind === 'record') return recordLayout(t, target).isPod;
  return true;
}

function classIsPod(decl: RecordDecl, target: Target): boolean {
  const sm = decl.specialMembers;
  const userProvided = [sm.copyCtor, sm.moveCtor, sm.dtor, sm.copyAssign, sm.moveAssign].some(
    (s) => s === 'user-provided',
  );
  return (
    !isDynamic(decl) &&
    !userProvided &&
    decl.bases.every((b) => isPodType(b.type, target)) &&
    decl.fields.every((f) => isPodType(f.type, target))
  );
}

/** Every empty-class subobject of a type placed at `offset` (arrays of records: each element). */
function emptiesOf(t: CType, offset: number, target: Target): EmptySubobject[] {
  if (t.kind === 'record')
    return recordLayout(t, target).empties.map((e) => ({ decl: e.decl, offset: e.offset + offset }));
  if (t.kind === 'array' && t.length > 0) {
    const first = emptiesOf(t.element, 0, target);
    if (first.length === 0) return [];
    const size = innerLayout(t.element, target).size;
    const out: EmptySubobject[] = [];
    for (let i = 0; i < t.length; i++)
      for (const e of first) out.push({ decl: e.decl, offset: e.offset + offset + i * size });
    return out;
  }
  return [];
}

class EmptyMap {
  private readonly byOffset = new Map<number, Set<RecordDecl>>();
  conflicts(list: EmptySubobject[], at: number): boolean {
    return list.some((e) => this.byOffset.get(e.offset + at)?.has(e.decl) === true);
  }
  add(list: EmptySubobject[], at: number): void {
    for (const e of list) {
      const off = e.offset + at;
      let set = this.byOffset.get(off);
      if (!set) this.byOffset.set(off, (set = new Set()));
      set.add(e.decl);
    }
  }
  all(): EmptySubobject[] {
    const out: EmptySubobject[] = [];
    for (const [offset, set] of this.byOffset) for (const decl of set) out.push({ decl, offset });
    return out;
  }
}

function isDynamic(decl: RecordDecl): boolean {
  return decl.hasVirtualFunctions || hasVirtualBases(decl);
}

function hasVirtualBases(decl: RecordDecl): boolean {
  return decl.bases.some((b) => b.virtual || hasVirtualBases(b.type.decl));
}

/** Virtual bases of a class, depth-first, each once. */
function virtualBasesOf(decl: RecordDecl, out: RecordType[] = []): RecordType[] {
  for (const b of decl.bases) {
    virtualBasesOf(b.type.decl, out);
    if (b.virtual && !out.some((v) => v.decl === b.type.decl)) out.push(b.type);
  }
  return out;
}

function classLayout(decl: RecordDecl, target: Target): RecordLayout {
  checkComplete(decl);
  const packed = decl.packed;
  const empties = new EmptyMap();
  const bases: BaseLayout[] = [];
  const fields: FieldLayout[] = [];
  let size = 0;
  let dsizeBits = 0;
  let align = 1;
  let vptrOffset: number | null = null;

  const dsize = (): number => Math.ceil(dsizeBits / 8);

  const placeBase = (type: RecordType, isVirtual: boolean, forceZero: boolean): void => {
    const bl = recordLayout(type, target);
    const list = bl.empties;
    const balign = packed ? 1 : bl.nvalign;
    let offset: number;
    if (forceZero) offset = 0;
    else if (bl.isEmpty && !empties.conflicts(list, 0)) offset = 0;
    else {
      offset = roundUp(dsize(), balign);
      while (empties.conflicts(list, offset)) offset += balign;
    }
    empties.add(list, offset);
    bases.push({ type, offset, virtual: isVirtual });
    if (!bl.isEmpty) dsizeBits = (offset + bl.nvsize) * 8;
    size = Math.max(size, offset + (bl.isEmpty ? bl.size : bl.nvsize));
    align = Math.max(align, balign);
  };

  // I. The primary base (first non-virtual dynamic base) shares our vptr; without one we get our own.
  const nonVirtual = decl.bases.filter((b) => !b.virtual);
  const primary = isDynamic(decl) ? nonVirtual.find((b) => isDynamic(b.type.decl)) : undefined;
  if (primary) placeBase(primary.type, false, true);
  else if (isDynamic(decl)) {
    vptrOffset = 0;
    dsizeBits = 64;
    size = 8;
    align = 8;
  }
  // II. Non-virtual bases in declaration order, then data members.
  for (const b of nonVirtual) if (b !== primary) placeBase(b.type, false, false);

  for (const f of decl.fields) {
    if (f.bitWidth !== undefined) {
      const placed = placeBitField(f.name, f.type, f.bitWidth, dsizeBits, packed, target);
      dsizeBits = placed.endBits;
      align = Math.max(align, placed.alignContribution);
      if (placed.field) fields.push(placed.field);
      size = Math.max(size, dsize());
      continue;
    }
    const fl = innerLayout(f.type, target);
    const falign = packed ? 1 : fl.align;
    const list = emptiesOf(f.type, 0, target);
    let offset = roundUp(dsize(), falign);
    while (list.length > 0 && empties.conflicts(list, offset)) offset += falign;
    empties.add(list, offset);
    fields.push({ name: f.name, offset, type: f.type });
    dsizeBits = (offset + fl.size) * 8;
    size = Math.max(size, offset + fl.size);
    align = Math.max(align, falign);
  }

  const nvsize = dsize();
  const nvalign = align;
  // III. Virtual bases after the non-virtual part (see the file comment for the simplification).
  for (const v of virtualBasesOf(decl)) placeBase(v, true, false);

  // IV. Finalisation.
  if (decl.alignas !== undefined) align = Math.max(align, decl.alignas);
  size = roundUp(Math.max(size, dsize(), 1), align);
  const isEmpty =
    vptrOffset === null &&
    !isDynamic(decl) &&
    decl.fields.every((f) => f.bitWidth === 0 && f.name === '') &&
    decl.bases.every((b) => recordLayout(b.type, target).isEmpty);
  const isPod = classIsPod(decl, target);
  if (isEmpty) empties.add([{ decl, offset: 0 }], 0);

  const layout: RecordLayout = {
    size,
    align,
    fields,
    bases,
    cells: [],
    vptrOffset,
    dsize: isPod ? size : isEmpty ? 0 : nvsize,
    nvsize: isPod ? size : isEmpty ? 0 : nvsize,
    nvalign,
    isEmpty,
    isPod,
    empties: empties.all(),
  };
  layout.cells = classCells(decl, layout, target);
  return layout;
}

interface PlacedBitField {
  field: FieldLayout | null;
  endBits: number;
  alignContribution: number;
}

/**
 * A bit-field goes at the next free bit unless it would straddle a boundary of its declared
 * type's alignment, in which case it starts at the next such boundary (both targets). A
 * zero-width one only aligns the next member. Unnamed bit-fields give the class their type's
 * alignment on AArch64 but not on x86-64 (g++ 12 fixture `bitfield_unnamed`). In a packed
 * class bit-fields pack at the next bit with no alignment.
 */
function placeBitField(
  name: string,
  type: CType,
  width: number,
  startBits: number,
  packed: boolean,
  target: Target,
): PlacedBitField {
  if (type.kind !== 'int' && type.kind !== 'enum')
    throw new AbiError(
      `Bit-field \`${name}\` must have an integer or enum type, not \`${typeToString(type)}\`.`,
    );
  const info = intInfo(type.kind === 'int' ? type.name : type.underlying.name, target);
  const unitBits = info.size * 8;
  if (!Number.isInteger(width) || width < 0)
    throw new AbiError(`Bit-field \`${name}\` has an invalid width.`);
  if (width > unitBits)
    throw new AbiError(`Bit-field \`${name}\` is wider (${width} bits) than its type (${unitBits} bits).`);
  const alignBits = info.align * 8;
  const unnamed = name === '';
  const contributes = packed ? 1 : !unnamed || target === 'aarch64' ? info.align : 1;
  if (width === 0) {
    return {
      field: null,
      endBits: packed ? startBits : roundUp(startBits, alignBits),
      alignContribution: contributes,
    };
  }
  let pos = startBits;
  if (!packed) {
    const containerStart = Math.floor(pos / alignBits) * alignBits;
    if (pos + width > containerStart + unitBits) pos = roundUp(pos, alignBits);
  }
  const field: FieldLayout | null = unnamed
    ? null
    : { name, offset: Math.floor(pos / 8), type, bitOffset: pos % 8, bitWidth: width };
  return { field, endBits: pos + width, alignContribution: contributes };
}

function unionLayout(decl: RecordDecl, target: Target): RecordLayout {
  checkComplete(decl);
  let size = 0;
  let align = 1;
  const fields: FieldLayout[] = [];
  for (const f of decl.fields) {
    if (f.bitWidth !== undefined) {
      const placed = placeBitField(f.name, f.type, f.bitWidth, 0, decl.packed, target);
      if (placed.field) fields.push(placed.field);
      size = Math.max(size, Math.ceil(placed.endBits / 8));
      align = Math.max(align, placed.alignContribution);
      continue;
    }
    const fl = innerLayout(f.type, target);
    fields.push({ name: f.name, offset: 0, type: f.type });
    size = Math.max(size, fl.size);
    align = Math.max(align, decl.packed ? 1 : fl.align);
  }
  if (decl.alignas !== undefined) align = Math.max(align, decl.alignas);
  size = roundUp(Math.max(size, 1), align);
  const isPod =
    decl.fields.every((f) => isPodType(f.type, target)) && classIsPod({ ...decl, fields: [] }, target);
  const layout: RecordLayout = {
    size,
    align,
    fields,
    bases: [],
    cells: [],
    vptrOffset: null,
    dsize: size,
    nvsize: size,
    nvalign: align,
    isEmpty: false,
    isPod,
    empties: [],
  };
  layout.cells = classCells(decl, layout, target);
  return layout;
}

/** Cells of a class: its vptr, its bases' cells (paths unqualified unless ambiguous), its members'. */
function classCells(decl: RecordDecl, layout: RecordLayout, target: Target): RawCell[] {
  const own = shortName(decl);
  const groups: { cells: RawCell[]; fromBase: string | null }[] = [];
  if (layout.vptrOffset !== null)
    groups.push({
      cells: [
        { path: '_vptr', offset: layout.vptrOffset, size: 8, kind: 'vptr', type: null, declaredIn: own },
      ],
      fromBase: null,
    });
  for (const b of layout.bases) {
    const bl = recordLayout(b.type, target);
    groups.push({
      cells: bl.cells.map((c) => ({ ...c, offset: c.offset + b.offset })),
      fromBase: shortName(b.type.decl),
    });
  }
  const fieldCells: RawCell[] = [];
  for (const f of layout.fields) {
    if (f.bitWidth !== undefined) {
      const k = innerLayout(f.type, target).cells[0]?.kind ?? 'int';
      fieldCells.push({
        path: f.name,
        offset: f.offset,
        size: Math.ceil(((f.bitOffset ?? 0) + f.bitWidth) / 8),
        kind: k,
        type: f.type,
        bitOffset: f.bitOffset ?? 0,
        bitWidth: f.bitWidth,
        declaredIn: own,
      });
      continue;
    }
    const fl = innerLayout(f.type, target);
    for (const c of fl.cells) {
      // An anonymous member (a union inside a class) adds no path segment, like C++ name lookup.
      const cell = shift(c, f.offset, f.name);
      if (f.name !== '') {
        cell.declaredIn = own;
        delete cell.bare;
      } else if (cell.declaredIn === undefined) cell.declaredIn = own;
      fieldCells.push(cell);
    }
  }
  groups.push({ cells: fieldCells, fromBase: null });

  // A member reached through two bases is ambiguous by name (as `t._M_head_impl` is in a
  // tuple): qualify it with the class that declares it, as C++ would (`_Head_base<0, int>::_M_head_impl`).
  const bare = (c: RawCell): string => c.bare ?? c.path;
  const counts = new Map<string, number>();
  for (const g of groups) for (const c of g.cells) counts.set(bare(c), (counts.get(bare(c)) ?? 0) + 1);
  const out: RawCell[] = [];
  for (const g of groups) {
    for (const c of g.cells) {
      if (g.fromBase !== null && c.kind !== 'padding' && (counts.get(bare(c)) ?? 0) > 1) {
        const q = c.declaredIn ?? g.fromBase;
        out.push({ ...c, path: `${q}::${bare(c)}`, bare: bare(c) });
      } else out.push(c);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Adds `padding` cells for every byte no cell covers, so the cells cover the whole object. */
function withPadding(cells: Cell[], size: number): Cell[] {
  const covered = new Uint8Array(size);
  for (const c of cells) covered.fill(1, Math.max(0, c.offset), Math.min(size, c.offset + c.size));
  const pads: Cell[] = [];
  let i = 0;
  while (i < size) {
    if (covered[i] === 1) {
      i++;
      continue;
    }
    const start = i;
    while (i < size && covered[i] !== 1) i++;
    pads.push({ path: PADDING_PATH, offset: start, size: i - start, kind: 'padding', type: null });
  }
  return [...cells, ...pads].sort((a, b) => a.offset - b.offset);
}

/** A subobject reached by a member path, with where it starts in the outer object. */
export interface MemberAt {
  offset: number;
  type: CType;
  bitOffset?: number;
  bitWidth?: number;
}

/**
 * Resolves a member path as C++ name lookup would (`_M_elems[2]`, `p[1].y`, `_M_impl._M_start`
 * through bases and anonymous unions, `_Head_base<0, int>::_M_head_impl` qualified by a base
 * name): the offset of that subobject in `t`, or null when there is no such member.
 */
export function memberAt(t: CType, path: string, target: Target): MemberAt | null {
  let cur: MemberAt = { offset: 0, type: t };
  for (const seg of splitPath(path)) {
    const next = step(cur.type, seg, target);
    if (!next) return null;
    cur = { ...next, offset: cur.offset + next.offset };
  }
  return cur;
}

function splitPath(path: string): string[] {
  const segs: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of path) {
    if (ch === '<') depth++;
    if (ch === '>') depth--;
    if (depth === 0 && (ch === '.' || ch === '[')) {
      if (cur !== '') segs.push(cur);
      cur = ch === '[' ? '[' : '';
    } else cur += ch;
  }
  if (cur !== '') segs.push(cur);
  return segs;
}

function step(t: CType, seg: string, target: Target): MemberAt | null {
  if (seg.startsWith('[')) {
    const i = Number(seg.slice(1, -1));
    if ((t.kind === 'array' || t.kind === 'vector') && Number.isInteger(i) && i >= 0 && i < t.length) {
      const el = t.element;
      return { offset: i * innerLayout(el, target).size, type: el };
    }
    return null;
  }
  if (t.kind !== 'record') return null;
  const q = seg.lastIndexOf('::');
  if (q > 0) {
    const found = findBase(t, seg.slice(0, q), target);
    if (!found) return null;
    const inner = lookupMember(found.type, seg.slice(q + 2), target);
    return inner ? { ...inner, offset: inner.offset + found.offset } : null;
  }
  return lookupMember(t, seg, target);
}

function findBase(t: RecordType, name: string, target: Target): { type: RecordType; offset: number } | null {
  for (const b of layoutOf(t, target).bases) {
    if (shortName(b.type.decl) === name || b.type.decl.name === name)
      return { type: b.type, offset: b.offset };
    const deeper = findBase(b.type, name, target);
    if (deeper) return { type: deeper.type, offset: deeper.offset + b.offset };
  }
  return null;
}

function lookupMember(t: RecordType, name: string, target: Target): MemberAt | null {
  const l = innerLayout(t, target);
  for (const f of l.fields) {
    if (f.name === name) {
      const m: MemberAt = { offset: f.offset, type: f.type };
      if (f.bitWidth !== undefined) {
        m.bitOffset = f.bitOffset ?? 0;
        m.bitWidth = f.bitWidth;
      }
      return m;
    }
  }
  // Anonymous members (a union inside a class) and bases are searched like C++ name lookup.
  for (const f of l.fields) {
    if (f.name === '' && f.type.kind === 'record') {
      const inner = lookupMember(f.type, name, target);
      if (inner) return { ...inner, offset: inner.offset + f.offset };
    }
  }
  for (const b of l.bases) {
    const inner = lookupMember(b.type, name, target);
    if (inner) return { ...inner, offset: inner.offset + b.offset };
  }
  return null;
}

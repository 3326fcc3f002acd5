/**
 * Memory layout of Codon values on the 64-bit targets, and the list growth rules, in one place.
 *
 * Sources (exaloop/codon, the 0.19 line):
 * - stdlib/internal/types/array.codon forward-declares `class List: len: int; arr: Array[T]`, and
 *   stdlib/internal/core.codon declares `@tuple class Array: len: int; ptr: Ptr[T]`. A `List[T]` value
 *   is a pointer to a GC object laid out as the LLVM struct `{i64 len, {i64 len, ptr ptr}}`:
 *   `lst.len` at 0, `lst.arr.len` (the capacity) at 8, `lst.arr.ptr` (the buffer) at 16; 24 bytes.
 * - stdlib/internal/internal.codon `class_alloc`: a reference object is allocated with `alloc_atomic`
 *   when its contents hold no pointers, else with `alloc` (scanned by the GC); a list object holds
 *   `arr.ptr`, so it is scanned. `Ptr[T](n)` (and so a list's buffer) is atomic when T holds no pointers.
 * - stdlib/internal/types/collections/list.codon: `List()` starts with capacity 10; `append` grows a full
 *   list to `(1 + 3 * len) // 2` (`_resize_if_full`); `lst * n` builds `List[T](len * n)` and appends.
 * - codon/parser/visitors/typecheck/collections.cpp: a literal `[a, b, c]` is `List(3)` plus appends;
 *   a comprehension over something with `__len__` (a `range`, a list) starts at that length, else `List()`.
 * Sizes and alignments follow LLVM's default data layout on x86-64 and AArch64 (natural alignment).
 */
import type { CodonType } from './types';
import { prune } from './types';

/** Byte offsets and size of a list object (what `lst` points to). */
export const LIST_OBJECT = {
  size: 24,
  align: 8,
  /** `lst.len`: the number of elements. */
  lenOffset: 0,
  /** `lst.arr.len`: the capacity of the buffer, in elements. */
  arrLenOffset: 8,
  /** `lst.arr.ptr`: the address of the buffer. */
  arrPtrOffset: 16,
} as const;

/** Capacity of `List()` (list.codon: `self.arr = Array[T](10)`). */
export const LIST_DEFAULT_CAPACITY = 10;

/** The capacity `append` grows a full list of length `len` to (list.codon `_resize_if_full`). */
export function listGrowCapacity(len: number): number {
  return Math.floor((1 + 3 * len) / 2);
}

/** Initial capacity of a list literal with `n` items (collections.cpp: `List(n)`, or `List()` when empty). */
export function listLiteralCapacity(n: number): number {
  return n > 0 ? n : LIST_DEFAULT_CAPACITY;
}

/** Capacity of `lst * n` for a list of length `len` (list.codon `__mul__`: `List[T](len * n)`, `List[T]()` when n <= 0). */
export function listRepeatCapacity(len: number, n: number): number {
  return n <= 0 ? LIST_DEFAULT_CAPACITY : len * n;
}

/** Initial capacity of a comprehension whose iterable has `iterLength` elements (null: no `__len__`). */
export function comprehensionCapacity(iterLength: number | null): number {
  return iterLength ?? LIST_DEFAULT_CAPACITY;
}

/** Size in bytes of a value of type `t` as stored in memory. */
export function sizeOf(t: CodonType): number {
  const p = prune(t);
  switch (p.kind) {
    case 'int':
    case 'float':
    case 'ptr':
    case 'list':
    case 'ref-class': // a pointer to its GC object
    case 'exception':
      return 8;
    case 'dict':
    case 'set':
      return 8;
    case 'tuple':
      return structLayout(p.elems).size;
    case 'generator':
      return 8;
    case 'float32':
      return 4;
    case 'bool':
    case 'byte':
      return 1;
    case 'none':
      return 0;
    case 'str':
    case 'array':
      return 16;
    case 'range':
      return 24; // @tuple class range: start, stop, step
    case 'tuple-class':
      return structLayout(p.fields.map((f) => f.type)).size;
    case 'intn':
      return p.bits / 8;
    case 'var':
      return 8;
  }
}

/** Alignment in bytes of a value of type `t`. */
export function alignOf(t: CodonType): number {
  const p = prune(t);
  switch (p.kind) {
    case 'float32':
      return 4;
    case 'bool':
    case 'byte':
    case 'none':
      return 1;
    case 'tuple-class':
      return structLayout(p.fields.map((f) => f.type)).align;
    case 'tuple':
      return structLayout(p.elems).align;
    case 'intn':
      return p.bits / 8; // LLVM's iN is naturally aligned on both targets
    default:
      return 8;
  }
}

/** LLVM struct layout of a sequence of field types: offsets, size (padded to alignment) and alignment. */
export function structLayout(fields: CodonType[]): { offsets: number[]; size: number; align: number } {
  let offset = 0;
  let align = 1;
  const offsets: number[] = [];
  for (const f of fields) {
    const a = alignOf(f);
    offset = Math.ceil(offset / a) * a;
    offsets.push(offset);
    offset += sizeOf(f);
    align = Math.max(align, a);
  }
  return { offsets, size: Math.ceil(offset / align) * align, align };
}

/** True when values of `t` hold no pointers, so Codon allocates them with the GC's atomic (unscanned) allocator. */
export function isAtomic(t: CodonType): boolean {
  const p = prune(t);
  switch (p.kind) {
    case 'int':
    case 'float':
    case 'float32':
    case 'bool':
    case 'byte':
    case 'intn':
    case 'none':
    case 'range':
      return true;
    case 'tuple-class':
      return p.fields.every((f) => isAtomic(f.type));
    case 'tuple':
      return p.elems.every(isAtomic);
    default:
      return false;
  }
}

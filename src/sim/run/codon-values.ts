/**
 * How Codon values look in JavaScript while the interpreter computes with them, and in simulated
 * memory (the LLVM types Codon lowers them to). A value in memory is always the real bytes.
 */
import type { Cell } from '../trace/types.ts';
import type { CodonType } from '../codon/types.ts';
import { prune } from '../codon/types.ts';
import { LIST_OBJECT, alignOf, sizeOf, structLayout } from '../codon/layout.ts';

/** A pointer-sized value with the object it was derived from (provenance), -1 when unknown. */
export class Ref {
  constructor(
    readonly addr: number,
    readonly prov: number,
  ) {}
}

/** Codon's `str`: by value `{len: i64, ptr: Ptr[byte]}`; the interpreter keeps the text too. */
export class StrVal {
  constructor(
    readonly text: string,
    readonly ptr: number,
  ) {}
}

/** A `@tuple` class value: its fields in order. */
export class TupleVal {
  constructor(readonly fields: CodonValue[]) {}
}

export type CodonValue = number | boolean | Ref | StrVal | TupleVal | null;

/** Codon's List object `{len, arr: {len, ptr}}` (offsets from the front end's layout module). */
export const LIST_LEN = LIST_OBJECT.lenOffset;
export const LIST_CAP = LIST_OBJECT.arrLenOffset;
export const LIST_PTR = LIST_OBJECT.arrPtrOffset;
export const LIST_SIZE = LIST_OBJECT.size;

export interface MemLayout {
  size: number;
  align: number;
}

/** Size and alignment of a Codon type in memory (LLVM's data layout on both targets). */
export function layoutOfCodon(t: CodonType): MemLayout {
  return { size: sizeOf(t), align: alignOf(t) };
}

/** Byte offset of each field of a `@tuple` class. */
export function fieldOffsets(t: CodonType): number[] {
  const p = prune(t);
  if (p.kind === 'tuple') return structLayout(p.elems).offsets;
  return p.kind === 'tuple-class' ? structLayout(p.fields.map((f) => f.type)).offsets : [];
}

/** Display cells of a Codon variable of type `t`. */
export function cellsOfCodon(t: CodonType, path = ''): Cell[] {
  const p = prune(t);
  switch (p.kind) {
    case 'int':
      return [{ path, offset: 0, size: 8, kind: 'int' }];
    case 'float':
      return [{ path, offset: 0, size: 8, kind: 'float' }];
    case 'float32':
      return [{ path, offset: 0, size: 4, kind: 'float' }];
    case 'bool':
      return [{ path, offset: 0, size: 1, kind: 'bool' }];
    case 'byte':
      return [{ path, offset: 0, size: 1, kind: 'uint' }];
    case 'intn':
      return [{ path, offset: 0, size: p.bits / 8, kind: p.signed ? 'int' : 'uint' }];
    case 'ptr':
    case 'list':
    case 'ref-class':
    case 'exception':
    case 'dict':
    case 'set':
      return [{ path, offset: 0, size: 8, kind: 'pointer' }];
    case 'tuple': {
      // Codon names a plain tuple's fields item1, item2, ... (tuple.codon).
      const offs = structLayout(p.elems).offsets;
      return p.elems.flatMap((e, i) =>
        cellsOfCodon(e, path === '' ? `item${i + 1}` : `${path}.item${i + 1}`).map((c) => ({
          ...c,
          offset: c.offset + (offs[i] ?? 0),
        })),
      );
    }
    case 'str':
    case 'array':
      return [
        { path: path === '' ? 'len' : `${path}.len`, offset: 0, size: 8, kind: 'int' },
        { path: path === '' ? 'ptr' : `${path}.ptr`, offset: 8, size: 8, kind: 'pointer' },
      ];
    case 'tuple-class': {
      const offs = fieldOffsets(p);
      return p.fields.flatMap((f, i) =>
        cellsOfCodon(f.type, path === '' ? f.name : `${path}.${f.name}`).map((c) => ({
          ...c,
          offset: c.offset + (offs[i] ?? 0),
        })),
      );
    }
    default:
      return [];
  }
}

/** Cells of a list object `{len, arr: {len, ptr}}`. */
export const LIST_CELLS: Cell[] = [
  { path: 'len', offset: LIST_LEN, size: 8, kind: 'int' },
  { path: 'arr.len', offset: LIST_CAP, size: 8, kind: 'int' },
  { path: 'arr.ptr', offset: LIST_PTR, size: 8, kind: 'pointer' },
];

/** Cells of a buffer of `n` elements of `elem`. */
export function bufferCells(elem: CodonType, n: number): Cell[] {
  const l = layoutOfCodon(elem);
  const base = cellsOfCodon(elem);
  const out: Cell[] = [];
  for (let i = 0; i < n && i < 64; i++) {
    for (const c of base)
      out.push({ ...c, path: `[${i}]${c.path === '' ? '' : '.' + c.path}`, offset: c.offset + i * l.size });
  }
  return out;
}

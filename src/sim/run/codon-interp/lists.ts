/**
 * Codon lists on the machine: GC objects `{len, cap, ptr}` with their buffer on the GC heap,
 * allocated, indexed, read and grown as Codon's list.codon does.
 */
import type { CodonType } from '../../codon/types.ts';
import { prune, typeName } from '../../codon/types.ts';
import type { Span } from '../../diag.ts';
import type { Access } from '../../machine/machine.ts';
import type { SourceLoc } from '../../trace/types.ts';
import {
  LIST_CAP,
  LIST_CELLS,
  LIST_LEN,
  LIST_PTR,
  LIST_SIZE,
  Ref,
  bufferCells,
  layoutOfCodon,
  type CodonValue,
} from '../codon-values.ts';
import { isAtomic, listGrowCapacity, listLiteralCapacity } from '../../codon/layout.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { runtimeGcAlloc } from '../runtime.ts';
import { load, refAccess, store } from './memory.ts';
import { NameId, named } from '../../trace/names.ts';

export function listElem(it: CodonInterpreter, t: CodonType | undefined): CodonType {
  const p = prune(t ?? { kind: 'none' });
  return p.kind === 'list' ? p.elem : { kind: 'float' };
}

export function newList(
  it: CodonInterpreter,
  elem: CodonType,
  values: CodonValue[],
  span: Span | null,
  at?: SourceLoc,
  capacity?: number,
): Ref {
  const m = it.p.m;
  const loc = at ?? (span ? it.loc(span) : null);
  const size = layoutOfCodon(elem).size;
  const cap = Math.max(capacity ?? listLiteralCapacity(values.length), values.length, 1);
  const obj = runtimeGcAlloc(
    it.p,
    LIST_SIZE,
    false,
    named(NameId.codonObject, `List[${typeName(elem)}]`),
    `List[${typeName(elem)}]`,
    loc,
    LIST_CELLS,
  );
  const objId = m.objectAt(obj, false);
  const buf = runtimeGcAlloc(
    it.p,
    cap * size,
    isAtomic(elem),
    named(NameId.codonBuffer, `List[${typeName(elem)}]`),
    `${typeName(elem)}[${cap}]`,
    loc,
    bufferCells(elem, cap),
  );
  const bufId = m.objectAt(buf, false);
  const oa: Access = { intended: objId, loc };
  m.storeInt(obj + LIST_LEN, 8, values.length, oa);
  m.storeInt(obj + LIST_CAP, 8, cap, oa);
  m.storeInt(obj + LIST_PTR, 8, buf, oa);
  values.forEach((v, i) => store(it, buf + i * size, elem, v, { intended: bufId, loc }));
  return new Ref(obj, objId);
}

export function listElemAddr(
  it: CodonInterpreter,
  list: Ref,
  idx: number,
  elem: CodonType,
  span: Span,
): { addr: number; access: Access } {
  const m = it.p.m;
  const access = refAccess(it, list, span);
  const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
  const i = idx < 0 ? idx + len : idx;
  if (i < 0 || i >= len) m.runtimeError('IndexError', 'list index out of range', it.loc(span));
  const buf = m.loadInt(list.addr + LIST_PTR, 8, false, access);
  return {
    addr: buf + i * layoutOfCodon(elem).size,
    access: { intended: m.objectAt(buf), loc: it.loc(span) },
  };
}

export function listGet(
  it: CodonInterpreter,
  list: Ref,
  idx: number,
  elem: CodonType,
  span: Span,
): CodonValue {
  const { addr, access } = listElemAddr(it, list, idx, elem, span);
  return load(it, addr, elem, access);
}

export function listValues(it: CodonInterpreter, list: Ref, elem: CodonType, loc: SourceLoc): CodonValue[] {
  const m = it.p.m;
  const access: Access = { intended: list.prov, loc };
  const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
  const buf = m.loadInt(list.addr + LIST_PTR, 8, false, access);
  const size = layoutOfCodon(elem).size;
  const bufAccess: Access = { intended: m.objectAt(buf), loc };
  const out: CodonValue[] = [];
  for (let i = 0; i < Math.min(len, 1 << 16); i++) out.push(load(it, buf + i * size, elem, bufAccess));
  return out;
}

export function listAppend(
  it: CodonInterpreter,
  list: Ref,
  elem: CodonType,
  v: CodonValue,
  span: Span,
): void {
  const m = it.p.m;
  const loc = it.loc(span);
  const access = refAccess(it, list, span);
  const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
  let cap = m.loadInt(list.addr + LIST_CAP, 8, true, access);
  let buf = m.loadInt(list.addr + LIST_PTR, 8, false, access);
  const size = layoutOfCodon(elem).size;
  if (len >= cap) {
    // Codon's List grows a full buffer with a fresh GC allocation and a copy (list.codon).
    const next = Math.max(1, listGrowCapacity(len));
    const nb = runtimeGcAlloc(
      it.p,
      next * size,
      isAtomic(elem),
      named(NameId.codonBuffer, `List[${typeName(elem)}]`),
      `${typeName(elem)}[${next}]`,
      loc,
      bufferCells(elem, next),
    );
    if (len > 0) {
      const bytes = m.loadBytes(buf, len * size, { intended: m.objectAt(buf), loc, raw: true });
      m.storeBytes(nb, bytes, { intended: m.objectAt(nb, false), loc });
    }
    buf = nb;
    cap = next;
    m.storeInt(list.addr + LIST_CAP, 8, cap, access);
    m.storeInt(list.addr + LIST_PTR, 8, buf, access);
  }
  store(it, buf + len * size, elem, v, { intended: m.objectAt(buf), loc });
  m.storeInt(list.addr + LIST_LEN, 8, len + 1, access);
}

/**
 * `lst[i:j]` as list.codon `__getitem__(self, s: Slice)` does it without a step: `lst[:]` is
 * `__copy__` (a new List whose buffer has the old one's capacity), any other slice clamps its
 * bounds as slice.codon `adjust_indices` does and copies `length` items into a new List of that
 * capacity. Two simplifications: `__copy__` memcpys the whole old buffer (items past `len` too),
 * the copy here writes the `len` items only; an empty slice gets a one-item buffer where Codon's
 * `_copy_arr` has a null one. Neither changes what the program can read through the list.
 */
export function listSlice(
  it: CodonInterpreter,
  list: CodonValue,
  elem: CodonType,
  lower: number | null,
  upper: number | null,
  span: Span,
): CodonValue {
  if (!(list instanceof Ref)) return null;
  const m = it.p.m;
  const loc = it.loc(span);
  const access: Access = { intended: list.prov, loc };
  const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
  if (lower === null && upper === null) {
    const cap = m.loadInt(list.addr + LIST_CAP, 8, true, access);
    return newList(it, elem, listValues(it, list, elem, loc), span, loc, cap);
  }
  const clamp = (x: number) => (x < 0 ? Math.max(x + len, 0) : Math.min(x, len));
  const start = clamp(lower ?? 0);
  const stop = clamp(upper ?? len);
  const length = start < stop ? stop - start : 0;
  const values: CodonValue[] = [];
  for (let i = 0; i < length; i++) {
    m.work();
    values.push(listGet(it, list, start + i, elem, span));
  }
  return newList(it, elem, values, span, loc, length);
}

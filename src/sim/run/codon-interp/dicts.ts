/**
 * Codon's `Dict[K,V]` and `Set[K]` on the machine: klib's khash table as Codon 0.19 writes it in
 * stdlib/internal/types/collections/dict.codon and set.codon (exaloop/codon v0.19.6), with the
 * flag helpers of stdlib/internal/khash.codon, run over simulated memory so that every probe is a
 * load and every insertion a store, and the iteration order (bucket order, not insertion order:
 * docs/language/overview.md "Codon's dictionary type does not preserve insertion order") is Codon's.
 *
 * The object is a reference class `{_n_buckets, _size, _n_occupied, _upper_bound, _flags, _keys,
 * _vals}` (a Set has no `_vals`); `_flags` holds 2 bits per bucket (bit 1 "empty", bit 0 "deleted"),
 * a fresh flag word being 0xAAAAAAAA (all empty). Hashes: int.codon `__hash__` is the value,
 * str.codon's is `h = 31 * h + byte` over the bytes (wrapping at 64 bits), and dict.codon
 * `_dict_hash`/set.codon `_set_hash` mix it as `(k >> 33) ^ k ^ (k << 11)`.
 */
import type { CodonType } from '../../codon/types.ts';
import { prune, typeName } from '../../codon/types.ts';
import type { Access } from '../../machine/machine.ts';
import type { SourceLoc } from '../../trace/types.ts';
import { Ref, StrVal, TupleVal, bufferCells, layoutOfCodon, type CodonValue } from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { runtimeGcAlloc } from '../runtime.ts';
import { load, store } from './memory.ts';
import { NameId, named } from '../../trace/names.ts';

/** Field offsets of the Dict/Set object (dict.codon: four ints, then three pointers). */
export const TABLE = {
  nBuckets: 0,
  size: 8,
  nOccupied: 16,
  upperBound: 24,
  flags: 32,
  keys: 40,
  vals: 48,
} as const;

/** dict.codon/set.codon `_kh_resize`: `HASH_UPPER = 0.77`. */
const HASH_UPPER = 0.77;

/** A table as the interpreter handles it: the object and its types (`value` null for a Set). */
export interface Table {
  obj: Ref;
  key: CodonType;
  value: CodonType | null;
}

export function tableOf(v: CodonValue, t: CodonType | undefined | null): Table | null {
  const p = prune(t ?? { kind: 'none' });
  if (!(v instanceof Ref)) return null;
  if (p.kind === 'dict') return { obj: v, key: p.key, value: p.value };
  if (p.kind === 'set') return { obj: v, key: p.elem, value: null };
  return null;
}

function tableName(t: Table): string {
  return t.value === null ? `Set[${typeName(t.key)}]` : `Dict[${typeName(t.key)},${typeName(t.value)}]`;
}

/** `Dict[K, V]()` / `Set[K]()`: a GC object with `_init`'s zero fields (no buckets yet). */
export function newTable(it: CodonInterpreter, type: CodonType, loc: SourceLoc | null): Ref {
  const p = prune(type);
  const isDict = p.kind === 'dict';
  const name = typeName(p);
  const cells = [
    { path: '_n_buckets', offset: TABLE.nBuckets, size: 8, kind: 'int' as const },
    { path: '_size', offset: TABLE.size, size: 8, kind: 'int' as const },
    { path: '_n_occupied', offset: TABLE.nOccupied, size: 8, kind: 'int' as const },
    { path: '_upper_bound', offset: TABLE.upperBound, size: 8, kind: 'int' as const },
    { path: '_flags', offset: TABLE.flags, size: 8, kind: 'pointer' as const },
    { path: '_keys', offset: TABLE.keys, size: 8, kind: 'pointer' as const },
    ...(isDict ? [{ path: '_vals', offset: TABLE.vals, size: 8, kind: 'pointer' as const }] : []),
  ];
  const size = isDict ? 56 : 48;
  const addr = runtimeGcAlloc(it.p, size, false, named(NameId.codonObject, name), name, loc, cells);
  const id = it.p.m.objectAt(addr, false);
  const a: Access = { intended: id, loc };
  for (let off = 0; off < size; off += 8) it.p.m.storeInt(addr + off, 8, 0, a);
  return new Ref(addr, id);
}

// ------------------------------------------------------------------ hashing (int.codon, str.codon, dict.codon)

/** `key.__hash__()` then `_dict_hash`/`_set_hash`: `(k >> 33) ^ k ^ (k << 11)` on 64-bit ints. */
export function tableHash(key: CodonValue, t: CodonType): bigint {
  let k: bigint;
  if (key instanceof StrVal) {
    // str.codon `__hash__`: `h = 31 * h + int(p[i])`, bytes zero-extended (byte.codon `__int__`).
    k = 0n;
    for (let i = 0; i < key.text.length; i++)
      k = BigInt.asIntN(64, 31n * k + BigInt(key.text.charCodeAt(i) & 0xff));
  } else if (typeof key === 'boolean') {
    k = key ? 1n : 0n; // bool.codon `__hash__`: `int(self)`
  } else {
    k = BigInt.asIntN(64, BigInt(Math.trunc(Number(key)))); // int.codon `__hash__`: `self`
  }
  void t;
  return BigInt.asIntN(64, (k >> 33n) ^ k ^ BigInt.asIntN(64, k << 11n));
}

function sameKey(a: CodonValue, b: CodonValue): boolean {
  if (a instanceof StrVal && b instanceof StrVal) return a.text === b.text;
  return Number(a) === Number(b);
}

// ------------------------------------------------------------------ the table on the machine

class Khash {
  private readonly m;
  private readonly oa: Access;
  private readonly keySize: number;
  private readonly valSize: number;

  constructor(
    private readonly it: CodonInterpreter,
    private readonly t: Table,
    private readonly loc: SourceLoc | null,
  ) {
    this.m = it.p.m;
    this.oa = { intended: t.obj.prov, loc };
    this.keySize = layoutOfCodon(t.key).size;
    this.valSize = t.value === null ? 0 : layoutOfCodon(t.value).size;
  }

  field(off: number): number {
    return this.m.loadInt(this.t.obj.addr + off, 8, off < TABLE.flags, this.oa);
  }
  setField(off: number, v: number): void {
    this.m.storeInt(this.t.obj.addr + off, 8, v, this.oa);
  }
  private acc(addr: number): Access {
    return { intended: this.m.objectAt(addr), loc: this.loc };
  }

  // khash.codon: 2 flag bits per bucket in u32 words.
  private flagWord(flags: number, i: number): number {
    return this.m.loadInt(flags + (i >> 4) * 4, 4, false, this.acc(flags));
  }
  private setFlagWord(flags: number, i: number, w: number): void {
    this.m.storeInt(flags + (i >> 4) * 4, 4, w >>> 0, this.acc(flags));
  }
  private bits(flags: number, i: number): number {
    return (this.flagWord(flags, i) >>> ((i & 0xf) << 1)) & 3;
  }
  isEmpty(flags: number, i: number): boolean {
    return (this.bits(flags, i) & 2) !== 0;
  }
  isDel(flags: number, i: number): boolean {
    return (this.bits(flags, i) & 1) !== 0;
  }
  isEither(flags: number, i: number): boolean {
    return this.bits(flags, i) !== 0;
  }
  private clearBits(flags: number, i: number, b: number): void {
    this.setFlagWord(flags, i, this.flagWord(flags, i) & ~(b << ((i & 0xf) << 1)));
  }
  private setDelTrue(flags: number, i: number): void {
    this.setFlagWord(flags, i, this.flagWord(flags, i) | (1 << ((i & 0xf) << 1)));
  }

  keyAt(i: number): CodonValue {
    const keys = this.field(TABLE.keys);
    return load(this.it, keys + i * this.keySize, this.t.key, this.acc(keys));
  }
  private setKey(i: number, k: CodonValue): void {
    const keys = this.field(TABLE.keys);
    store(this.it, keys + i * this.keySize, this.t.key, k, this.acc(keys));
  }
  valAt(i: number): CodonValue {
    const vals = this.field(TABLE.vals);
    return load(this.it, vals + i * this.valSize, this.t.value as CodonType, this.acc(vals));
  }
  setVal(i: number, v: CodonValue): void {
    const vals = this.field(TABLE.vals);
    store(this.it, vals + i * this.valSize, this.t.value as CodonType, v, this.acc(vals));
  }

  /** `_kh_get`: the bucket of `key`, or `_n_buckets` when absent. */
  get(key: CodonValue): number {
    const n = this.field(TABLE.nBuckets);
    if (n === 0) return 0;
    const flags = this.field(TABLE.flags);
    const mask = BigInt(n - 1);
    let step = 0;
    let i = Number(tableHash(key, this.t.key) & mask);
    const last = i;
    while (!this.isEmpty(flags, i) && (this.isDel(flags, i) || !sameKey(this.keyAt(i), key))) {
      this.m.work();
      step += 1;
      i = (i + step) & (n - 1);
      if (i === last) return n;
    }
    return this.isEither(flags, i) ? n : i;
  }

  /** The key (and value) arrays reallocated from `n` buckets to `nb` (khash.codon `_kh_resize`). */
  private reallocArrays(n: number, nb: number): void {
    this.setField(
      TABLE.keys,
      this.realloc(this.field(TABLE.keys), nb * this.keySize, n * this.keySize, '_keys', this.t.key, nb),
    );
    if (this.t.value !== null)
      this.setField(
        TABLE.vals,
        this.realloc(this.field(TABLE.vals), nb * this.valSize, n * this.valSize, '_vals', this.t.value, nb),
      );
  }

  /** `gc.realloc` (gc.codon → lib.cpp `seq_realloc` → `GC_REALLOC`): a new block with the old bytes. */
  private realloc(
    old: number,
    newSize: number,
    oldSize: number,
    what: string,
    elem: CodonType,
    n: number,
  ): number {
    const name = tableName(this.t);
    const nb = runtimeGcAlloc(
      this.it.p,
      newSize,
      false,
      named(NameId.codonBuffer, `${name}.${what}`),
      `${typeName(elem)}[${n}]`,
      this.loc,
      bufferCells(elem, n),
    );
    const keep = Math.min(newSize, oldSize);
    if (old !== 0 && keep > 0) {
      const bytes = this.m.loadBytes(old, keep, { intended: this.m.objectAt(old), loc: this.loc, raw: true });
      this.m.storeBytes(nb, bytes, { intended: this.m.objectAt(nb, false), loc: this.loc });
    }
    return nb;
  }

  /** `_kh_resize` (dict.codon/set.codon), rehashing in place as khash does. */
  resize(requested: number): void {
    let nb = requested - 1;
    for (const s of [1, 2, 4, 8, 16, 32]) nb |= Math.floor(nb / 2 ** s); // round up to a power of 2
    nb += 1;
    if (nb < 4) nb = 4;
    const size = this.field(TABLE.size);
    const n = this.field(TABLE.nBuckets);
    if (size >= Math.trunc(nb * HASH_UPPER + 0.5)) return; // j = 0: nothing to do
    const fsize = nb < 16 ? 1 : nb >> 4; // khash.codon `__ac_fsize`
    const name = tableName(this.t);
    const u32: CodonType = { kind: 'intn', bits: 32, signed: false };
    const newFlags = runtimeGcAlloc(
      this.it.p,
      fsize * 4,
      true,
      named(NameId.codonBuffer, `${name}._flags`),
      `u32[${fsize}]`,
      this.loc,
      bufferCells(u32, fsize),
    );
    for (let i = 0; i < fsize; i++) this.m.storeInt(newFlags + i * 4, 4, 0xaaaaaaaa, this.acc(newFlags));
    // khash grows the key and value arrays before the rehash and shrinks them after it.
    if (n < nb) this.reallocArrays(n, nb);
    const flags = this.field(TABLE.flags);
    const newMask = BigInt(nb - 1);
    for (let j = 0; j !== n; j++) {
      if (this.isEither(flags, j)) continue;
      let key = this.keyAt(j);
      let val = this.t.value === null ? null : this.valAt(j);
      this.setDelTrue(flags, j);
      for (;;) {
        this.m.work();
        let step = 0;
        let i = Number(tableHash(key, this.t.key) & newMask);
        while (!this.isEmpty(newFlags, i)) {
          step += 1;
          i = (i + step) & (nb - 1);
        }
        this.clearBits(newFlags, i, 2);
        if (i < n && !this.isEither(flags, i)) {
          // Kick out the key still waiting there and place it next (khash's in-place rehash).
          const k2 = this.keyAt(i);
          this.setKey(i, key);
          key = k2;
          if (this.t.value !== null) {
            const v2 = this.valAt(i);
            this.setVal(i, val);
            val = v2;
          }
          this.setDelTrue(flags, i);
        } else {
          this.setKey(i, key);
          if (this.t.value !== null) this.setVal(i, val);
          break;
        }
      }
    }
    if (n > nb) this.reallocArrays(n, nb);
    this.setField(TABLE.flags, newFlags);
    this.setField(TABLE.nBuckets, nb);
    this.setField(TABLE.nOccupied, size);
    this.setField(TABLE.upperBound, Math.trunc(nb * HASH_UPPER + 0.5));
  }

  /** `_kh_put`: the bucket for `key` (inserting it when absent), growing the table first when full. */
  put(key: CodonValue): { ret: number; x: number } {
    if (this.field(TABLE.nOccupied) >= this.field(TABLE.upperBound)) {
      const n = this.field(TABLE.nBuckets);
      if (n > this.field(TABLE.size) << 1) this.resize(n - 1);
      else this.resize(n + 1);
    }
    const n = this.field(TABLE.nBuckets);
    const flags = this.field(TABLE.flags);
    const mask = n - 1;
    let step = 0;
    let site = n;
    let x = site;
    let i = Number(tableHash(key, this.t.key) & BigInt(mask));
    if (this.isEmpty(flags, i)) x = i;
    else {
      const last = i;
      while (!this.isEmpty(flags, i) && (this.isDel(flags, i) || !sameKey(this.keyAt(i), key))) {
        this.m.work();
        if (this.isDel(flags, i)) site = i;
        step += 1;
        i = (i + step) & mask;
        if (i === last) {
          x = site;
          break;
        }
      }
      if (x === n) x = this.isEmpty(flags, i) && site !== n ? site : i;
    }
    let ret = 0;
    if (this.isEmpty(flags, x)) {
      this.setKey(x, key);
      this.clearBits(flags, x, 3);
      this.setField(TABLE.size, this.field(TABLE.size) + 1);
      this.setField(TABLE.nOccupied, this.field(TABLE.nOccupied) + 1);
      ret = 1;
    } else if (this.isDel(flags, x)) {
      this.setKey(x, key);
      this.clearBits(flags, x, 3);
      this.setField(TABLE.size, this.field(TABLE.size) + 1);
      ret = 2;
    }
    return { ret, x };
  }
}

/** `d[k] = v` (dict.codon `__setitem__`: `_kh_put`, then the value stored). */
export function dictSet(
  it: CodonInterpreter,
  t: Table,
  key: CodonValue,
  v: CodonValue,
  loc: SourceLoc | null,
): void {
  const h = new Khash(it, t, loc);
  const { x } = h.put(key);
  h.setVal(x, v);
}

/** `s.add(k)` (set.codon `add`: `_kh_put`). */
export function setAdd(it: CodonInterpreter, t: Table, key: CodonValue, loc: SourceLoc | null): void {
  new Khash(it, t, loc).put(key);
}

/** `k in d`, `k in s` (`__contains__`: `_kh_get(key) != _kh_end()`). */
export function tableContains(
  it: CodonInterpreter,
  t: Table,
  key: CodonValue,
  loc: SourceLoc | null,
): boolean {
  const h = new Khash(it, t, loc);
  return h.get(key) !== h.field(TABLE.nBuckets);
}

/** `d[k]` (dict.codon `__getitem__`): the value, or `raise KeyError(str(key))`. */
export function dictGet(
  it: CodonInterpreter,
  t: Table,
  key: CodonValue,
  dflt: { value: CodonValue } | null,
  keyText: string,
  loc: SourceLoc | null,
): CodonValue {
  const h = new Khash(it, t, loc);
  const x = h.get(key);
  if (x !== h.field(TABLE.nBuckets)) return h.valAt(x);
  if (dflt) return dflt.value; // `get(key, s)`
  return it.p.m.runtimeError('KeyError', keyText, loc);
}

/** `len(d)`: `_size`. */
export function tableLen(it: CodonInterpreter, t: Table, loc: SourceLoc | null): number {
  return new Khash(it, t, loc).field(TABLE.size);
}

/**
 * The items in iteration order (dict.codon `items()`, set.codon `__iter__`): bucket 0 up, reading
 * `_n_buckets` and the flags again at each step, `(key, value)` tuples for a dict's items.
 * Returns a cursor: each call gives the next item, or undefined at the end.
 */
export function tableCursor(
  it: CodonInterpreter,
  t: Table,
  what: 'keys' | 'values' | 'items',
  loc: SourceLoc | null,
): () => CodonValue | undefined {
  const h = new Khash(it, t, loc);
  let i = 0;
  return () => {
    for (;;) {
      if (i >= h.field(TABLE.nBuckets)) return undefined;
      const b = i++;
      it.p.m.work();
      if (h.isEither(h.field(TABLE.flags), b)) continue;
      if (what === 'keys' || t.value === null) return h.keyAt(b);
      if (what === 'values') return h.valAt(b);
      return new TupleVal([h.keyAt(b), h.valAt(b)]);
    }
  };
}

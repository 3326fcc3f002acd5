/**
 * The oracle's lowering of tuples, dicts, sets and `enumerate` (issue 13), the way Codon 0.19
 * lowers them (exaloop/codon v0.19.6):
 * - a tuple is `Tuple.__new__(a, b)` (typecheck/collections.cpp), a first-class LLVM struct built
 *   with `insertvalue`; `t[i]` with a static index is `extractvalue`; `a, b = t` is `a = t[0];
 *   b = t[1]` (typecheck/assign.cpp `unpackAssignment`);
 * - a dict or set display is `Dict()`/`Set()` then `__setitem__`/`add` per item
 *   (collections.cpp `transformComprehension`); the khash table itself is a transcription of
 *   dict.codon/set.codon/khash.codon in runtime/codonrt.c (`codon_tab_*`), since the oracle's
 *   caller is a model of Codon anyway; the lowered code reads the object's fields
 *   (`_n_buckets` at 0, `_size` at 8, `_keys` at 40, `_vals` at 48) as Codon's inlined methods do;
 * - `items()`, `keys()`, `values()` and `__iter__` walk the buckets from 0, reading `_n_buckets`
 *   and `_kh_exist(i)` at each step (dict.codon `items`); `enumerate` counts beside the list's own
 *   `__iter__` (misc.codon).
 */
import type { Expr, NameExpr, Stmt } from '../src/sim/codon/ast';
import { sizeOf } from '../src/sim/codon/layout';
import { llvmTypeOf } from '../src/sim/codon/lower';
import { prune, type CodonType } from '../src/sim/codon/types';

export interface Val {
  t: CodonType;
  v: string;
}

/** What the generator lends this module (lower-ir.ts `Gen`). */
export interface DictGen {
  emit(s: string): void;
  tmp(): string;
  label(p: string): string;
  block(l: string): void;
  term(s: string): void;
  expr(e: Expr): Val;
  coerce(v: Val, t: CodonType): Val;
  toStr(e: Expr, v: Val): string;
  strConst(s: string): string;
  strAdd(a: string, b: string): string;
  alloca(type: string): string;
  loop(brk: string, cont: string, body: () => void): void;
  assign(target: Expr, v: Val): void;
  refuse(e: { span: Expr['span'] }, what: string): never;
  stmts(ss: Stmt[]): void;
}

const INT_T: CodonType = { kind: 'int' };
const NONE_T: CodonType = { kind: 'none' };

function irType(t: CodonType): string {
  const l = llvmTypeOf(t);
  const text = (x: typeof l): string => (typeof x === 'string' ? x : `{ ${x.struct.map(text).join(', ')} }`);
  return prune(t).kind === 'none' ? 'void' : text(l);
}

/** codonrt.c's kinds: 0 int, 1 float, 2 bool, 3 str. */
function itemKind(e: { span: Expr['span'] }, g: DictGen, t: CodonType): number {
  const k = { int: 0, float: 1, bool: 2, str: 3 }[prune(t).kind as 'int'];
  if (k === undefined) return g.refuse(e, `a dict or set of ${prune(t).kind}`);
  return k;
}

interface TableT {
  key: CodonType;
  value: CodonType | null;
}
function tableT(t: CodonType | undefined): TableT | null {
  const p = prune(t ?? NONE_T);
  if (p.kind === 'dict') return { key: p.key, value: p.value };
  if (p.kind === 'set') return { key: p.elem, value: null };
  return null;
}

function keyPtr(g: DictGen, t: CodonType, v: Val): string {
  const p = g.alloca(irType(t));
  g.emit(`store ${irType(t)} ${g.coerce(v, t).v}, ptr ${p}`);
  return p;
}

function field(g: DictGen, d: string, off: number, type: 'i64' | 'ptr'): string {
  const a = g.tmp();
  g.emit(`${a} = getelementptr inbounds i8, ptr ${d}, i64 ${off}`);
  const r = g.tmp();
  g.emit(`${r} = load ${type}, ptr ${a}`);
  return r;
}

function slotAddr(g: DictGen, d: string, off: number, t: CodonType, i: string): string {
  const base = field(g, d, off, 'ptr');
  const a = g.tmp();
  g.emit(`${a} = getelementptr ${irType(t)}, ptr ${base}, i64 ${i}`);
  return a;
}

/** `_kh_put`, then for a dict the value stored in `_vals[x]` (dict.codon `__setitem__`). */
function put(g: DictGen, e: { span: Expr['span'] }, d: string, t: TableT, key: Val, value: Val | null): void {
  const kp = keyPtr(g, t.key, key);
  const vs = t.value ? sizeOf(t.value) : 0;
  const x = g.tmp();
  g.emit(`${x} = call i64 @codon_tab_put(ptr ${d}, i64 ${itemKind(e, g, t.key)}, ptr ${kp}, i64 ${vs})`);
  if (t.value && value) {
    const a = slotAddr(g, d, 48, t.value, x);
    g.emit(`store ${irType(t.value)} ${g.coerce(value, t.value).v}, ptr ${a}`);
  }
}

/** `_kh_get(key)`: the bucket, and whether it is `_kh_end()`. */
function get(
  g: DictGen,
  e: { span: Expr['span'] },
  d: string,
  t: TableT,
  key: Val,
): { x: string; kp: string; missing: string } {
  const kp = keyPtr(g, t.key, key);
  const x = g.tmp();
  g.emit(`${x} = call i64 @codon_tab_get(ptr ${d}, i64 ${itemKind(e, g, t.key)}, ptr ${kp})`);
  const n = field(g, d, 0, 'i64');
  const missing = g.tmp();
  g.emit(`${missing} = icmp eq i64 ${x}, ${n}`);
  return { x, kp, missing };
}

export function lowerTuple(g: DictGen, e: Expr & { kind: 'tuple' }): Val {
  const t = prune(e.type ?? NONE_T);
  if (t.kind !== 'tuple') return g.refuse(e, 'a tuple of unknown type');
  let acc = 'undef';
  e.items.forEach((x, i) => {
    const v = g.coerce(g.expr(x), t.elems[i] as CodonType);
    const r = g.tmp();
    g.emit(`${r} = insertvalue ${irType(t)} ${acc}, ${irType(t.elems[i] as CodonType)} ${v.v}, ${i}`);
    acc = r;
  });
  return { t, v: acc };
}

export function lowerTable(g: DictGen, e: Expr & { kind: 'dict' | 'set' }): Val {
  const t = tableT(e.type);
  if (!t) return g.refuse(e, 'a table of unknown type');
  const d = g.tmp();
  g.emit(`${d} = call ptr @codon_tab_new(i64 ${t.value ? 1 : 0})`);
  if (e.kind === 'dict')
    e.keys.forEach((k, i) => {
      const key = g.expr(k);
      const value = g.expr(e.values[i] as Expr);
      put(g, e, d, t, key, value);
    });
  else for (const x of e.items) put(g, e, d, t, g.expr(x), null);
  return { t: prune(e.type as CodonType), v: d };
}

/** `t[i]` (static) and `d[k]` (dict.codon `__getitem__`: KeyError(str(key)) when absent). */
export function lowerIndex(g: DictGen, e: Expr & { kind: 'index' }): Val | null {
  if (e.access === 'tuple') {
    const base = g.expr(e.target);
    const t = prune(base.t);
    if (t.kind !== 'tuple') return g.refuse(e, 'indexing a tuple of unknown type');
    const i = e.tupleIndex ?? 0;
    const r = g.tmp();
    g.emit(`${r} = extractvalue ${irType(t)} ${base.v}, ${i}`);
    return { t: t.elems[i] as CodonType, v: r };
  }
  if (e.access !== 'dict') return null;
  const d = g.expr(e.target);
  const t = tableT(d.t);
  if (!t?.value) return g.refuse(e, 'indexing a table of unknown type');
  const { x, kp, missing } = get(g, e, d.v, t, g.expr(e.index));
  const bad = g.label('keyerr');
  const ok = g.label('keyok');
  g.term(`br i1 ${missing}, label %${bad}, label %${ok}`);
  g.block(bad);
  g.emit(`call void @codon_tab_keyerror(i64 ${itemKind(e, g, t.key)}, ptr ${kp})`);
  g.term('unreachable');
  g.block(ok);
  const a = slotAddr(g, d.v, 48, t.value, x);
  const r = g.tmp();
  g.emit(`${r} = load ${irType(t.value)}, ptr ${a}`);
  return { t: t.value, v: r };
}

/** `d[k] = v`; false when the target is not a dict item. */
export function lowerStoreItem(g: DictGen, target: Expr, value: Val): boolean {
  if (target.kind !== 'index' || target.access !== 'dict') return false;
  const d = g.expr(target.target);
  const t = tableT(d.t);
  if (!t?.value) return g.refuse(target, 'a store into a table of unknown type');
  put(g, target, d.v, t, g.expr(target.index), value);
  return true;
}

/** `k in d`, `x in s` as an i1; null when the container is not a table. */
export function lowerContains(g: DictGen, e: Expr, key: Val, container: Val): string | null {
  const t = tableT(container.t);
  if (!t) return null;
  const { missing } = get(g, e, container.v, t, key);
  const r = g.tmp();
  g.emit(`${r} = xor i1 ${missing}, true`);
  return r;
}

/** `len(d)`: `_size`; null when not a table. */
export function lowerLen(g: DictGen, v: Val): string | null {
  const p = prune(v.t);
  if (p.kind === 'tuple') {
    const r = g.tmp();
    g.emit(`${r} = add i64 0, ${p.elems.length}`);
    return r;
  }
  if (!tableT(v.t)) return null;
  return field(g, v.v, 8, 'i64');
}

/** `dict()`, `Set[K]()`, `s.add(x)`, `d.get(k, dflt)`. */
export function lowerTableCall(g: DictGen, e: Expr & { kind: 'call' }): Val {
  const r = e.resolved;
  if (r?.kind === 'table-new') {
    const t = tableT(e.type ?? r.type);
    const d = g.tmp();
    g.emit(`${d} = call ptr @codon_tab_new(i64 ${t?.value ? 1 : 0})`);
    return { t: prune(e.type ?? r.type), v: d };
  }
  if (r?.kind !== 'table-method' || e.callee.kind !== 'attr')
    return g.refuse(e, 'a generator outside a for loop');
  const d = g.expr(e.callee.target);
  const t = tableT(d.t);
  if (!t) return g.refuse(e, 'a method of a table of unknown type');
  if (r.method === 'add') {
    put(g, e, d.v, t, g.expr(e.args[0] as Expr), null);
    return { t: NONE_T, v: '' };
  }
  if (r.method === 'get' && t.value) {
    // dict.codon `get(key, s)`: `self._vals[x] if x != self._kh_end() else s`.
    const { x, missing } = get(g, e, d.v, t, g.expr(e.args[0] as Expr));
    const dflt = g.coerce(g.expr(e.args[1] as Expr), t.value);
    const out = g.alloca(irType(t.value));
    const have = g.label('gethave');
    const done = g.label('getdone');
    const miss = g.label('getmiss');
    g.term(`br i1 ${missing}, label %${miss}, label %${have}`);
    g.block(have);
    const a = slotAddr(g, d.v, 48, t.value, x);
    const v = g.tmp();
    g.emit(`${v} = load ${irType(t.value)}, ptr ${a}`);
    g.emit(`store ${irType(t.value)} ${v}, ptr ${out}`);
    g.term(`br label %${done}`);
    g.block(miss);
    g.emit(`store ${irType(t.value)} ${dflt.v}, ptr ${out}`);
    g.term(`br label %${done}`);
    g.block(done);
    const res = g.tmp();
    g.emit(`${res} = load ${irType(t.value)}, ptr ${out}`);
    return { t: t.value, v: res };
  }
  return g.refuse(e, 'a generator outside a for loop');
}

/** `str(x)` of a tuple (tuple.codon `_str`), a dict or a set (their `__repr__`); null for other types. */
export function lowerRepr(g: DictGen, e: Expr, v: Val): string | null {
  const p = prune(v.t);
  if (p.kind === 'tuple') {
    let acc = g.strConst('(');
    p.elems.forEach((t, i) => {
      const x = g.tmp();
      g.emit(`${x} = extractvalue ${irType(p)} ${v.v}, ${i}`);
      let s = g.toStr(e, { t, v: x });
      if (prune(t).kind === 'str') {
        const q = g.tmp();
        g.emit(`${q} = call { i64, ptr } @codon_str_quote({ i64, ptr } ${s})`);
        s = q;
      }
      if (i > 0) acc = g.strAdd(acc, g.strConst(', '));
      acc = g.strAdd(acc, s);
    });
    return g.strAdd(acc, g.strConst(p.elems.length === 1 ? ',)' : ')'));
  }
  const t = tableT(p);
  if (!t) return null;
  const out = g.tmp();
  const vk = t.value ? itemKind(e, g, t.value) : 0;
  g.emit(
    `${out} = call { i64, ptr } @codon_tab_repr(ptr ${v.v}, i64 ${itemKind(e, g, t.key)}, i64 ${vk}, i64 ${t.value ? sizeOf(t.value) : 0})`,
  );
  return out;
}

/** Whether a `for` loop is lowered here: over a table or a generator, or with several names. */
export function isCollectionLoop(s: Stmt & { kind: 'for' }): boolean {
  const k = prune(s.iter.type ?? NONE_T).kind;
  return s.unpack !== undefined || k === 'dict' || k === 'set' || k === 'generator';
}

/** A `for` loop over a list (its items, or `enumerate`'s pairs), a table's keys, values or items. */
export function lowerCollectionFor(g: DictGen, s: Stmt & { kind: 'for' }): void {
  const iter = s.iter;
  let source:
    | { kind: 'list'; list: Val; elem: CodonType; enumerate: boolean }
    | { kind: 'table'; d: string; t: TableT; what: string };
  if (iter.kind === 'call' && iter.resolved?.kind === 'enumerate') {
    const list = g.expr(iter.args[0] as Expr);
    const lp = prune(list.t);
    if (lp.kind !== 'list') return g.refuse(iter, 'enumerate over something other than a list');
    source = { kind: 'list', list, elem: lp.elem, enumerate: true };
  } else if (iter.kind === 'call' && iter.resolved?.kind === 'table-method' && iter.callee.kind === 'attr') {
    const d = g.expr(iter.callee.target);
    const t = tableT(d.t);
    if (!t) return g.refuse(iter, 'a loop over a table of unknown type');
    source = { kind: 'table', d: d.v, t, what: iter.resolved.method };
  } else {
    const v = g.expr(iter);
    const p = prune(v.t);
    const t = tableT(p);
    if (t) source = { kind: 'table', d: v.v, t, what: 'keys' };
    else if (p.kind === 'list') source = { kind: 'list', list: v, elem: p.elem, enumerate: false };
    else return g.refuse(iter, `a for loop over ${p.kind}`);
  }
  const counter = g.alloca('i64');
  const head = g.label('cfor');
  const check = g.label('cfcheck');
  const bodyL = g.label('cfbody');
  const step = g.label('cfstep');
  const end = g.label('cfend');
  g.emit(`store i64 0, ptr ${counter}`);
  g.block(head);
  const c = g.tmp();
  g.emit(`${c} = load i64, ptr ${counter}`);
  const n = g.tmp();
  g.emit(`${n} = load i64, ptr ${source.kind === 'list' ? source.list.v : source.d}`);
  const go = g.tmp();
  g.emit(`${go} = icmp slt i64 ${c}, ${n}`);
  g.term(`br i1 ${go}, label %${check}, label %${end}`);
  g.block(check);
  let item: Val;
  if (source.kind === 'table') {
    const ex = g.tmp();
    g.emit(`${ex} = call i1 @codon_tab_exists(ptr ${source.d}, i64 ${c})`);
    g.term(`br i1 ${ex}, label %${bodyL}, label %${step}`);
    g.block(bodyL);
    const { t } = source;
    const loadAt = (off: number, type: CodonType): Val => {
      const a = slotAddr(g, source.d, off, type, c);
      const r = g.tmp();
      g.emit(`${r} = load ${irType(type)}, ptr ${a}`);
      return { t: type, v: r };
    };
    if (source.what === 'values' && t.value) item = loadAt(48, t.value);
    else if (source.what === 'items' && t.value) {
      const k = loadAt(40, t.key);
      const v = loadAt(48, t.value);
      const tt: CodonType = { kind: 'tuple', elems: [t.key, t.value] };
      const a = g.tmp();
      g.emit(`${a} = insertvalue ${irType(tt)} undef, ${irType(t.key)} ${k.v}, 0`);
      const b = g.tmp();
      g.emit(`${b} = insertvalue ${irType(tt)} ${a}, ${irType(t.value)} ${v.v}, 1`);
      item = { t: tt, v: b };
    } else item = loadAt(40, t.key);
  } else {
    g.term(`br label %${bodyL}`);
    g.block(bodyL);
    const pp = g.tmp();
    g.emit(`${pp} = getelementptr inbounds i8, ptr ${source.list.v}, i64 16`);
    const buf = g.tmp();
    g.emit(`${buf} = load ptr, ptr ${pp}`);
    const a = g.tmp();
    g.emit(`${a} = getelementptr ${irType(source.elem)}, ptr ${buf}, i64 ${c}`);
    const x = g.tmp();
    g.emit(`${x} = load ${irType(source.elem)}, ptr ${a}`);
    item = { t: source.elem, v: x };
    if (source.enumerate) {
      const tt: CodonType = { kind: 'tuple', elems: [INT_T, source.elem] };
      const p1 = g.tmp();
      g.emit(`${p1} = insertvalue ${irType(tt)} undef, i64 ${c}, 0`);
      const p2 = g.tmp();
      g.emit(`${p2} = insertvalue ${irType(tt)} ${p1}, ${irType(source.elem)} ${x}, 1`);
      item = { t: tt, v: p2 };
    }
  }
  bindLoopItem(g, s, item);
  g.loop(end, step, () => g.stmts(s.body));
  g.block(step);
  const c2 = g.tmp();
  g.emit(`${c2} = load i64, ptr ${counter}`);
  const nx = g.tmp();
  g.emit(`${nx} = add i64 ${c2}, 1`);
  g.emit(`store i64 ${nx}, ptr ${counter}`);
  g.term(`br label %${head}`);
  g.block(end);
}

function bindLoopItem(g: DictGen, s: Stmt & { kind: 'for' }, item: Val): void {
  if (!s.unpack) return g.assign(s.target, item);
  unpackInto(g, s.unpack, item, s.target);
}

/** `a, b = t`: `a = t[0]; b = t[1]` (assign.cpp `unpackAssignment`). */
export function unpackInto(g: DictGen, names: Expr[], v: Val, at: { span: Expr['span'] }): void {
  const p = prune(v.t);
  if (p.kind !== 'tuple') return g.refuse(at, `unpacking a ${p.kind}`);
  names.forEach((n, i) => {
    const r = g.tmp();
    g.emit(`${r} = extractvalue ${irType(p)} ${v.v}, ${i}`);
    g.assign(n as NameExpr, { t: p.elems[i] as CodonType, v: r });
  });
}

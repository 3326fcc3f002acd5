/**
 * Tuples, dicts and sets in the Codon interpreter: their displays, indexing, `in`, their methods
 * and what a `for` loop reads from them (the table itself lives in dicts.ts).
 */
import type { CallExpr, DictExpr, Expr, IndexExpr, SetExpr, TableMethod } from '../../codon/ast.ts';
import type { CodonType } from '../../codon/types.ts';
import { prune } from '../../codon/types.ts';
import { TupleVal, type CodonValue } from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { dictGet, dictSet, newTable, setAdd, tableContains, tableCursor, tableOf } from './dicts.ts';
import { strOf } from './display.ts';
import { listElem, listGet } from './lists.ts';
import { LIST_LEN, Ref } from '../codon-values.ts';
import { refAccess } from './memory.ts';

/** `{k: v, ...}`: collections.cpp `Dict()` then `__setitem__(k, v)` for each item, in order. */
export function evalDict(it: CodonInterpreter, e: DictExpr): CodonValue {
  const loc = it.loc(e.span);
  const obj = newTable(it, e.type ?? { kind: 'none' }, loc);
  const t = tableOf(obj, e.type);
  e.keys.forEach((k, i) => {
    const key = it.eval(k);
    const value = it.eval(e.values[i] as Expr);
    if (t) dictSet(it, t, key, value, loc);
  });
  return obj;
}

/** `{a, b}`: collections.cpp `Set()` then `add(x)` for each item, in order. */
export function evalSet(it: CodonInterpreter, e: SetExpr): CodonValue {
  const loc = it.loc(e.span);
  const obj = newTable(it, e.type ?? { kind: 'none' }, loc);
  const t = tableOf(obj, e.type);
  for (const x of e.items) {
    const v = it.eval(x);
    if (t) setAdd(it, t, v, loc);
  }
  return obj;
}

/** `d[k]` and `t[i]`. */
export function evalCollectionIndex(it: CodonInterpreter, e: IndexExpr): CodonValue | undefined {
  if (e.access === 'tuple') {
    const v = it.eval(e.target);
    return v instanceof TupleVal ? (v.fields[e.tupleIndex ?? 0] ?? null) : null;
  }
  if (e.access !== 'dict') return undefined;
  const d = it.eval(e.target);
  const key = it.eval(e.index);
  const t = tableOf(d, e.target.type);
  if (!t) return null;
  return dictGet(it, t, key, null, strOf(it, key, e.index.type ?? null), it.loc(e.span));
}

/** `d[k] = v`: dict.codon `__setitem__`. */
export function assignDictItem(it: CodonInterpreter, target: IndexExpr, value: CodonValue): boolean {
  if (target.access !== 'dict') return false;
  const d = it.eval(target.target);
  const key = it.eval(target.index);
  const t = tableOf(d, target.target.type);
  if (t) dictSet(it, t, key, value, it.loc(target.span));
  return true;
}

/** `k in d`, `x in s`; undefined when `container` is not a table. */
export function tableIn(
  it: CodonInterpreter,
  key: CodonValue,
  container: CodonValue,
  containerExpr: Expr,
  e: Expr,
): boolean | undefined {
  const t = tableOf(container, containerExpr.type);
  if (!t) return undefined;
  return tableContains(it, t, key, it.loc(e.span));
}

/** `dict()`, `Dict[K, V]()`, `set()`, `Set[K]()`. */
export function callTableNew(it: CodonInterpreter, e: CallExpr, type: CodonType): CodonValue {
  return newTable(it, e.type ?? type, it.loc(e.span));
}

/** A generator a `for` loop consumes: the method and the table it reads. */
export class GeneratorVal {
  constructor(readonly next: () => CodonValue | undefined) {}
}

/** `s.add(x)`, `d.get(k, dflt)`, `d.items()`, `d.keys()`, `d.values()`. */
export function callTableMethod(
  it: CodonInterpreter,
  e: CallExpr,
  method: TableMethod,
): CodonValue | GeneratorVal {
  const callee = e.callee as Extract<Expr, { kind: 'attr' }>;
  const obj = it.eval(callee.target);
  const t = tableOf(obj, callee.target.type);
  const loc = it.loc(e.span);
  if (!t) return null;
  switch (method) {
    case 'add':
      setAdd(it, t, it.eval(e.args[0] as Expr), loc);
      return null;
    case 'get': {
      const key = it.eval(e.args[0] as Expr);
      const dflt = it.eval(e.args[1] as Expr);
      return dictGet(it, t, key, { value: dflt }, '', loc);
    }
    default:
      return new GeneratorVal(tableCursor(it, t, method, loc));
  }
}

/** `enumerate(xs)` over a list (misc.codon: `for a in x: yield (i, a); i += 1`). */
export function callEnumerate(it: CodonInterpreter, e: CallExpr): GeneratorVal {
  const arg = e.args[0] as Expr;
  const list = it.eval(arg);
  const elem = listElem(it, arg.type);
  let i = 0;
  return new GeneratorVal(() => {
    if (!(list instanceof Ref)) return undefined;
    if (i >= it.p.m.loadInt(list.addr + LIST_LEN, 8, true, refAccess(it, list, arg.span))) return undefined;
    const x = listGet(it, list, i, elem, arg.span);
    return new TupleVal([i++, x]);
  });
}

/** What a `for` loop reads next from a dict (its keys), a set or a generator; null for other iterables. */
export function collectionCursor(it: CodonInterpreter, iter: Expr): (() => CodonValue | undefined) | null {
  const p = prune(iter.type ?? { kind: 'none' });
  if (p.kind === 'generator') {
    const g = evalGenerator(it, iter);
    return g ? g.next : () => undefined;
  }
  if (p.kind !== 'dict' && p.kind !== 'set') return null;
  const t = tableOf(it.eval(iter), p);
  return t ? tableCursor(it, t, 'keys', it.loc(iter.span)) : () => undefined;
}

function evalGenerator(it: CodonInterpreter, e: Expr): GeneratorVal | null {
  if (e.kind !== 'call' || !e.resolved) return null;
  if (e.resolved.kind === 'enumerate') return callEnumerate(it, e);
  if (e.resolved.kind === 'table-method') {
    const g = callTableMethod(it, e, e.resolved.method);
    return g instanceof GeneratorVal ? g : null;
  }
  return null;
}

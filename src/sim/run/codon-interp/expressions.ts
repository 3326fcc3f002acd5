/**
 * Codon expressions, one handler per kind, evaluated as unoptimised LLVM code from Codon would:
 * every variable read is a load, list literals and comprehensions allocate on the GC heap.
 */
import type { Expr } from '../../codon/ast.ts';
import type { CodonType } from '../../codon/types.ts';
import { prune, typeName, wrapIntN, type IntBits } from '../../codon/types.ts';
import { comprehensionCapacity, listRepeatCapacity } from '../../codon/layout.ts';
import type { SourceLoc } from '../../trace/types.ts';
import {
  LIST_CAP,
  LIST_LEN,
  LIST_PTR,
  Ref,
  StrVal,
  TupleVal,
  cellsOfCodon,
  layoutOfCodon,
  type CodonValue,
} from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { call } from './calls.ts';
import { loadField } from './classes.ts';
import { evalCollectionIndex, evalDict, evalSet, tableIn } from './collections.ts';
import { literal, truthy } from './display.ts';
import { listAppend, listElem, listGet, listSlice, listValues, newList } from './lists.ts';
import { fstring, strConcat } from './strings.ts';
import { SIDE, load, refAccess, slotAccess, slotOf, store, type Slot } from './memory.ts';
import { ident } from '../../trace/names.ts';

type Handler<K extends Expr['kind']> = (it: CodonInterpreter, e: Extract<Expr, { kind: K }>) => CodonValue;

/** Evaluates an expression. */
export function evaluate(it: CodonInterpreter, e: Expr): CodonValue {
  return (EVAL[e.kind] as Handler<Expr['kind']>)(it, e as never);
}

const EVAL: { [K in Expr['kind']]: Handler<K> } = {
  int: (_it, e) => Number(e.value),
  float: (_it, e) => e.value,
  bool: (_it, e) => e.value,
  none: () => null,
  str: (it, e) => literal(it, e.value),
  name: (it, e) => {
    const s = slotOf(it, e.id);
    if (s !== undefined) return load(it, s.addr, s.type, slotAccess(it, s, e.span));
    return null;
  },
  unary: (it, e) => {
    const v = it.eval(e.operand);
    if (e.op === 'not') return !truthy(it, v, e.operand.type);
    const t = e.type === undefined ? null : prune(e.type);
    // intn.codon `__neg__` is `0 - self` at N bits: `-i8(-128)` is -128 again.
    if (e.op === '-') return t?.kind === 'intn' ? wrapIntN(-Number(v), t.bits, t.signed) : -Number(v);
    return v;
  },
  binary: (it, e) => {
    const l = it.eval(e.left);
    const r = it.eval(e.right);
    return binary(it, e.op, l, r, e.left.type ?? null, e.right.type ?? null, it.loc(e.span));
  },
  compare: (it, e) => {
    let left = it.eval(e.operands[0] as Expr);
    for (let i = 0; i < e.ops.length; i++) {
      const operand = e.operands[i + 1] as Expr;
      const right = it.eval(operand);
      const op = e.ops[i] as string;
      if (op === 'in' || op === 'not in') {
        const inTable = tableIn(it, left, right, operand, e);
        if (inTable !== undefined) {
          if (inTable !== (op === 'in')) return false;
          left = right;
          continue;
        }
        if (contains(it, left, right, operand, e) !== (op === 'in')) return false;
        left = right;
        continue;
      }
      if (!compare(op, left, right)) return false;
      left = right;
    }
    return true;
  },
  boolop: (it, e) => {
    const l = truthy(it, it.eval(e.left), e.left.type);
    if (e.op === 'and' ? !l : l) return l;
    return truthy(it, it.eval(e.right), e.right.type);
  },
  call: (it, e) => call(it, e),
  index: (it, e) => {
    const fromCollection = evalCollectionIndex(it, e);
    if (fromCollection !== undefined) return fromCollection;
    const t = prune(e.target.type ?? { kind: 'none' });
    const base = it.eval(e.target);
    const idx = Number(it.eval(e.index));
    if (t.kind === 'ptr' && base instanceof Ref) {
      const l = layoutOfCodon(t.elem);
      return load(it, base.addr + idx * l.size, t.elem, refAccess(it, base, e.span));
    }
    if (t.kind === 'list' && base instanceof Ref) return listGet(it, base, idx, t.elem, e.span);
    return null;
  },
  attr: (it, e) => attr(it, e),
  list: (it, e) => {
    const elem = listElem(it, e.type);
    const values = e.items.map((x) => it.eval(x));
    return newList(it, elem, values, e.span);
  },
  listcomp: (it, e) => listComp(it, e),
  fstring: (it, e) => fstring(it, e),
  ifexp: (it, e) => (truthy(it, it.eval(e.test), e.test.type) ? it.eval(e.body) : it.eval(e.orelse)),
  slice: (it, e) => {
    const list = it.eval(e.target);
    const lower = e.lower === null ? null : Number(it.eval(e.lower));
    const upper = e.upper === null ? null : Number(it.eval(e.upper));
    return listSlice(it, list, listElem(it, e.type), lower, upper, e.span);
  },
  tuple: (it, e) => new TupleVal(e.items.map((x) => it.eval(x))),
  dict: (it, e) => evalDict(it, e),
  set: (it, e) => evalSet(it, e),
  error: (it, e) =>
    it.p.m.runtimeError('SimulatorError', 'this expression could not be compiled', it.loc(e.span)),
};

function attr(it: CodonInterpreter, e: Extract<Expr, { kind: 'attr' }>): CodonValue {
  const m = it.p.m;
  const t = prune(e.target.type ?? { kind: 'none' });
  // `lst.arr.ptr`, `lst.arr.len`, `lst.len`: fields of the list object, loaded from the GC heap.
  if (e.target.kind === 'attr' && e.target.name === 'arr') {
    const lt = prune(e.target.target.type ?? { kind: 'none' });
    const list = it.eval(e.target.target);
    if (lt.kind === 'list' && list instanceof Ref) {
      const access = refAccess(it, list, e.span);
      if (e.name === 'ptr') {
        const a = m.loadInt(list.addr + LIST_PTR, 8, false, access);
        return new Ref(a, m.objectAt(a));
      }
      if (e.name === 'len') return m.loadInt(list.addr + LIST_CAP, 8, true, access);
    }
  }
  const base = it.eval(e.target);
  if (t.kind === 'list' && base instanceof Ref) {
    if (e.name === 'len') return m.loadInt(base.addr + LIST_LEN, 8, true, refAccess(it, base, e.span));
    if (e.name === 'arr') {
      const access = refAccess(it, base, e.span);
      const cap = m.loadInt(base.addr + LIST_CAP, 8, true, access);
      const a = m.loadInt(base.addr + LIST_PTR, 8, false, access);
      return new TupleVal([cap, new Ref(a, m.objectAt(a))]);
    }
  }
  if (t.kind === 'ref-class' || t.kind === 'exception') return loadField(it, base, t, e.name, e.span);
  if (t.kind === 'tuple-class' && base instanceof TupleVal) {
    const i = t.fields.findIndex((f) => f.name === e.name);
    return base.fields[i] ?? null;
  }
  if (t.kind === 'str' && base instanceof StrVal) {
    if (e.name === 'ptr') return new Ref(base.ptr, -1);
    if (e.name === 'len') return base.text.length;
  }
  return m.runtimeError(
    'AttributeError',
    `'${typeName(t)}' object has no attribute '${e.name}'`,
    it.loc(e.span),
  );
}

export function binary(
  it: CodonInterpreter,
  op: string,
  l: CodonValue,
  r: CodonValue,
  lt: CodonType | null,
  rt: CodonType | null,
  loc: SourceLoc,
): CodonValue {
  const m = it.p.m;
  const ltk = lt === null ? 'none' : prune(lt).kind;
  const rtk = rt === null ? 'none' : prune(rt).kind;
  if (ltk === 'str' && rtk === 'str') return strConcat(it, l, r, loc);
  if (ltk === 'list' && op === '*' && l instanceof Ref) {
    const lp = prune(lt as CodonType);
    const elem = lp.kind === 'list' ? lp.elem : ({ kind: 'int' } as CodonType);
    const items = listValues(it, l, elem, loc);
    const times = Math.max(0, Math.trunc(Number(r)));
    const capacity = listRepeatCapacity(items.length, times);
    // Codon allocates the whole buffer first (list.codon's __mul__); when that cannot be had, the
    // buffer pointer is NULL and the first copy faults: no host array of 10^9 values is built.
    if (!it.p.gc.fits(capacity * layoutOfCodon(elem).size))
      return newList(it, elem, items.slice(0, 1), null, loc, capacity);
    const out: CodonValue[] = [];
    for (let i = 0; i < times; i++) {
      m.work();
      for (const x of items) out.push(x);
    }
    return newList(it, elem, out, null, loc, capacity);
  }
  if (ltk === 'ptr' && l instanceof Ref) {
    const lp = prune(lt as CodonType);
    const size = lp.kind === 'ptr' ? layoutOfCodon(lp.elem).size : 1;
    // ptr.codon `__sub__(self, other: Ptr[T]) -> int`: the byte difference `sdiv exact` the size.
    if (r instanceof Ref) return Math.trunc((l.addr - r.addr) / size);
    const n = Number(r);
    return new Ref(l.addr + (op === '-' ? -n : n) * size, l.prov);
  }
  const lp = lt === null ? null : prune(lt);
  if (lp?.kind === 'intn') return intnBinary(it, op, Number(l), Number(r), lp.bits, lp.signed, loc);
  const a = Number(l);
  const b = Number(r);
  const isInt = ltk === 'int' && rtk === 'int';
  // Codon's default numerics (-numerics=c; int.codon, float.codon): int `//` is `sdiv` and `%` is
  // `srem` (both truncate toward zero, the remainder has the dividend's sign), `/` is `fdiv` of the
  // two values as doubles, float `//` is `floor(a / b)` and `%` is `frem` (C's fmod); nothing
  // checks for zero (pynumerics.codon, which raises ZeroDivisionError, is only for -numerics=py).
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '//':
      if (isInt) return intDivision(it, op, a, b, loc, (x, y) => x / y);
      return Math.floor(a / b);
    case '%':
      if (isInt) return intDivision(it, op, a, b, loc, (x, y) => x % y);
      return a % b; // JavaScript's % is fmod
    case '**':
      return a ** b;
  }
  return null;
}

/**
 * `sdiv`/`srem` (and `udiv`/`urem`) as the machine runs them: exact through BigInt; by zero, x86-64's
 * idiv traps (SIGFPE) and AArch64's sdiv gives 0, so `srem` (sdiv then msub) gives the dividend.
 */
function intDivision(
  it: CodonInterpreter,
  op: string,
  a: number,
  b: number,
  loc: SourceLoc,
  f: (x: bigint, y: bigint) => bigint,
): number {
  if (b === 0) {
    if (it.p.m.target === 'x86_64') it.p.m.crash('SIGFPE', 0, 'crash.divide-by-zero', [`${loc.line}`]);
    return op === '%' ? a : 0;
  }
  return Number(f(BigInt(a), BigInt(b)));
}

/**
 * `Int[N]`/`UInt[N]` arithmetic as intn.codon lowers it: LLVM add/sub/mul wrap at N bits, `//` and `%`
 * are sdiv/srem (udiv/urem for UInt: both truncate toward zero, as `int`'s do), `/`
 * converts both to double, `**` is repeated wrapping multiplication. Exact through BigInt.
 */
function intnBinary(
  it: CodonInterpreter,
  op: string,
  a: number,
  b: number,
  bits: IntBits,
  signed: boolean,
  loc: SourceLoc,
): CodonValue {
  if (op === '/') return a / b;
  const x = BigInt(a);
  const y = BigInt(b);
  const wrap = (n: bigint) => Number(signed ? BigInt.asIntN(bits, n) : BigInt.asUintN(bits, n));
  if ((op === '//' || op === '%') && y === 0n) {
    // x86-64's div traps (SIGFPE); AArch64's gives 0, so the remainder is the dividend.
    if (it.p.m.target === 'x86_64') it.p.m.crash('SIGFPE', 0, 'crash.divide-by-zero', [`${loc.line}`]);
    return wrap(op === '%' ? x : 0n);
  }
  switch (op) {
    case '+':
      return wrap(x + y);
    case '-':
      return wrap(x - y);
    case '*':
      return wrap(x * y);
    case '//':
      return wrap(x / y); // BigInt division truncates toward zero, as sdiv/udiv do
    case '%':
      return wrap(x % y); // the sign of the dividend, as srem
    case '**': {
      let result = 1n;
      for (let k = 0n; k < y; k++) {
        it.p.m.work();
        result = BigInt.asIntN(64, result * x);
        if (k > 128n) break;
      }
      return wrap(result);
    }
  }
  return null;
}

/** `[elt for x in iter if cond]`: the list is sized up front, the variable is a hidden local. */
function listComp(it: CodonInterpreter, e: Extract<Expr, { kind: 'listcomp' }>): CodonValue {
  const m = it.p.m;
  const elem = listElem(it, e.type);
  // The comprehension variable is a hidden local of the enclosing function.
  const frame = it.frame;
  // In a function the variable was allocated at entry with its other locals; at the top level it
  // is pushed here and ends with the comprehension.
  const entry = frame?.comprehensions?.get(e);
  const slot: Slot = entry ?? hiddenLocal(it, e);
  const { addr, type: varType, objectId } = slot;
  const saved = frame?.vars.get(e.target.id);
  frame?.vars.set(e.target.id, slot);
  const iter = e.iter;
  // A range is walked, never listed: `range(2*10**8)` must not become a host array.
  let range: { start: number; step: number; count: number } | null = null;
  let values: CodonValue[] = [];
  if (iter.kind === 'call' && iter.resolved?.kind === 'range') {
    const args = iter.args.map((a) => Number(it.eval(a)));
    const [start, stop, step] =
      args.length === 1 ? [0, args[0] ?? 0, 1] : [args[0] ?? 0, args[1] ?? 0, args[2] ?? 1];
    const count = step === 0 ? 0 : Math.max(0, Math.ceil((stop - start) / step));
    range = { start, step, count };
  } else {
    const src = it.eval(iter);
    if (src instanceof Ref) values = listValues(it, src, listElem(it, iter.type), it.loc(iter.span));
  }
  const count = range === null ? values.length : range.count;
  // Both a range and a list have __len__, so Codon sizes the new list up front (collections.cpp).
  const list = newList(it, elem, [], e.span, undefined, comprehensionCapacity(count));
  for (let k = 0; k < count; k++) {
    m.work();
    const v = range === null ? (values[k] ?? null) : range.start + k * range.step;
    store(it, addr, varType, v, slotAccess(it, slot, e.target.span));
    if (e.conditions.every((c) => truthy(it, it.eval(c)))) listAppend(it, list, elem, it.eval(e.elt), e.span);
  }
  if (frame !== null) {
    if (saved === undefined) frame.vars.delete(e.target.id);
    else frame.vars.set(e.target.id, saved);
  }
  if (entry === undefined) m.endObject(objectId, 'out-of-scope');
  return list;
}

/** A comprehension's variable pushed where it is evaluated (the module's top level). */
function hiddenLocal(it: CodonInterpreter, e: Extract<Expr, { kind: 'listcomp' }>): Slot {
  const m = it.p.m;
  const varType = e.target.type ?? { kind: 'int' };
  const l = layoutOfCodon(varType);
  const addr = m.pushStack(Math.max(l.size, 1), Math.max(l.align, 1));
  const objectId = m.newObject({
    name: ident(e.target.id),
    typeName: typeName(varType),
    role: 'local',
    side: SIDE,
    addr,
    size: Math.max(l.size, 1),
    cells: cellsOfCodon(varType),
    frameId: it.frame?.frameId ?? -1,
    loc: it.loc(e.target.span),
  });
  return { name: e.target.id, addr, type: varType, objectId };
}

/** list.codon `__contains__`: each item, loaded in order, `==` the value; stops at the first equal one. */
function contains(it: CodonInterpreter, x: CodonValue, list: CodonValue, listExpr: Expr, e: Expr): boolean {
  if (!(list instanceof Ref)) return false;
  const m = it.p.m;
  const elem = listElem(it, listExpr.type);
  const v = Number(x);
  for (let i = 0; i < m.loadInt(list.addr + LIST_LEN, 8, true, refAccess(it, list, e.span)); i++) {
    m.work();
    if (Number(listGet(it, list, i, elem, e.span)) === v) return true;
  }
  return false;
}

function compare(op: string, a: CodonValue, b: CodonValue): boolean {
  // str.codon `__eq__`/`__ne__`: same length and the same bytes (the checker allows only these on str).
  if (a instanceof StrVal && b instanceof StrVal) return (a.text === b.text) === (op === '==');
  const x = a instanceof Ref ? a.addr : Number(a);
  const y = b instanceof Ref ? b.addr : Number(b);
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    default:
      return x !== y;
  }
}

/**
 * C++ expressions, one handler per kind: `RV` evaluates an expression to a scalar value (a
 * prvalue) or a glvalue's address, `LV` a glvalue to its address (with provenance), and `CAST`
 * each conversion the checker made explicit. Loads and stores go through the machine, in the
 * order g++ -O0 code makes them.
 */
import { layoutOf } from '../../abi/layout.ts';
import type { CastExpr, Expr } from '../../cpp/ast.ts';
import { INTENT_RESULT_SLOT, INTENT_UNKNOWN } from '../../machine/machine.ts';
import { Unsupported } from '../cpp-errors.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { Ref, loadScalar, num, scalarKind, storeScalar, type Val } from '../values.ts';
import type { VarSlot } from './frames.ts';
import { minMaxRef } from '../cpp-library/builtins.ts';
import { materialize } from './init.ts';
import { arith, isFloatType, viaFloatRegister, wrapTo } from './scalars.ts';
import { callIndirect, functionAddress } from './indirect.ts';
import { afterAssign } from './aarch64-stores.ts';

type Handler<K extends Expr['kind'], R> = (it: CppInterpreter, e: Extract<Expr, { kind: K }>) => R;
type CastHandler = (it: CppInterpreter, e: CastExpr) => Val;

/** Evaluates an expression to a scalar value (prvalue), or a glvalue's address. */
export function rv(it: CppInterpreter, e: Expr): Val {
  return (RV[e.kind] as Handler<Expr['kind'], Val>)(it, e as never);
}

/** Evaluates a glvalue to its address (with provenance). */
export function lv(it: CppInterpreter, e: Expr): Ref {
  return (LV[e.kind] as Handler<Expr['kind'], Ref>)(it, e as never);
}

// ------------------------------------------------------------------ values

/** A glvalue used as a value: its address (a load is a separate lvalue-to-rvalue cast). */
const address = (it: CppInterpreter, e: Expr): Val => it.lv(e);

const RV: { [K in Expr['kind']]: Handler<K, Val> } = {
  'int-literal': (_it, e) => Number(e.value),
  'float-literal': (_it, e) => e.value,
  'bool-literal': (_it, e) => (e.value ? 1 : 0),
  nullptr: () => new Ref(0, INTENT_UNKNOWN),
  enumerator: (_it, e) => Number(e.value),
  this: (it) => it.methodThis ?? new Ref(0, INTENT_UNKNOWN),
  'string-literal': (it, e) => it.lib.stringLiteral(e),
  sizeof: (it, e) => (e.align ? it.align(e.of) : it.size(e.of)),
  cast: (it, e) => (CAST[e.conversion] as CastHandler)(it, e),
  unary: (it, e) => {
    const v = num(it.rv(e.operand));
    switch (e.op) {
      case '-':
        return wrapTo(it, e.type, -v);
      case '+':
        return v;
      case '!':
        return v === 0 ? 1 : 0;
      case '~':
        return wrapTo(it, e.type, ~v);
    }
    throw new Unsupported(`the expression ${it.text((e as Expr).span)}`, (e as Expr).span);
  },
  'address-of': (it, e) => it.lv(e.operand),
  binary,
  'pointer-arith': (it, e) => {
    const p = it.rv(e.pointer);
    const n = num(it.rv(e.offset));
    const pt = e.type.kind === 'pointer' ? e.type.pointee : e.type;
    const size = pt.kind === 'void' ? 1 : it.size(pt);
    const ref = p instanceof Ref ? p : new Ref(p, INTENT_UNKNOWN);
    return new Ref(ref.addr + (e.op === '+' ? n : -n) * size, ref.prov);
  },
  'pointer-diff': (it, e) => {
    const a = num(it.rv(e.left));
    const b = num(it.rv(e.right));
    const lt = e.left.type;
    const size = lt.kind === 'pointer' && lt.pointee.kind !== 'void' ? it.size(lt.pointee) : 1;
    return Math.trunc((a - b) / size);
  },
  logical: (it, e) => {
    const l = num(it.rv(e.left)) !== 0;
    if (e.op === '&&' ? !l : l) return l ? 1 : 0;
    return num(it.rv(e.right)) !== 0 ? 1 : 0;
  },
  conditional: (it, e) => (num(it.rv(e.cond)) !== 0 ? it.rv(e.then) : it.rv(e.else)),
  comma: (it, e) => {
    it.rv(e.left);
    return it.rv(e.right);
  },
  'inc-dec': (it, e) => {
    const m = it.p.m;
    const place = it.lv(e.operand);
    const k = scalarKind(e.operand.type, it.target);
    if (k === null) throw new Unsupported('++/-- on this type', e.span);
    const old = loadScalar(m, k, place, it.loc(e.span));
    const t = e.operand.type;
    let next: Val;
    if (old instanceof Ref) {
      const size = t.kind === 'pointer' && t.pointee.kind !== 'void' ? it.size(t.pointee) : 1;
      next = new Ref(old.addr + (e.op === '++' ? size : -size), old.prov);
    } else next = wrapTo(it, t, old + (e.op === '++' ? 1 : -1));
    storeScalar(m, k, place, next, it.loc(e.span));
    return e.prefix ? place : old;
  },
  assign: (it, e) => {
    const v = it.rv(e.value);
    const place = it.lv(e.target);
    const k = scalarKind(e.target.type, it.target);
    if (k === null) throw new Unsupported('assignment to this type', e.span);
    viaFloatRegister(it, k, v);
    storeScalar(it.p.m, k, place, v, it.loc(e.span));
    afterAssign(it, e, k, place, v);
    return place;
  },
  'compound-assign': (it, e) => {
    const m = it.p.m;
    const place = it.lv(e.target);
    const k = scalarKind(e.target.type, it.target);
    if (k === null) throw new Unsupported('compound assignment to this type', e.span);
    const cur = loadScalar(m, k, place, it.loc(e.span));
    const rhs = it.rv(e.value);
    let v: Val;
    if (cur instanceof Ref) {
      const t = e.target.type;
      const size = t.kind === 'pointer' && t.pointee.kind !== 'void' ? it.size(t.pointee) : 1;
      v = new Ref(cur.addr + (e.op === '-' ? -1 : 1) * num(rhs) * size, cur.prov);
    } else v = wrapTo(it, e.target.type, arith(e.op, cur, num(rhs), isFloatType(e.computeType)));
    storeScalar(m, k, place, v, it.loc(e.span));
    return place;
  },
  call: (it, e) => {
    // A class returned by value lands in a temporary; a reference to one comes back as its address.
    if (e.type.kind === 'record' && e.function.returnType.kind !== 'reference') return materialize(it, e);
    return it.callFunction(e.function, e.args, null, e.span);
  },
  'method-call': (it, e) => {
    if (e.type.kind === 'record' && e.method.returnType.kind !== 'reference') return materialize(it, e);
    const obj = it.lv(e.object);
    return it.callMethod(e.method, obj, e.args, e.span);
  },
  'std-method': (it, e) => it.lib.stdMethod(e),
  'builtin-call': (it, e) => it.lib.builtin(e),
  'stream-output': (it, e) => {
    it.lib.streamOutput(e);
    return 0;
  },
  new: (it, e) => it.lib.newExpr(e),
  delete: (it, e) => {
    it.lib.deleteExpr(e);
    return 0;
  },
  'var-ref': address,
  member: address,
  deref: address,
  'function-ref': address,
  'record-assign': (it, e) => {
    it.lib.recordAssign(e);
    return it.lv(e.target);
  },
  materialize: (it, e) => materialize(it, e),
  temporary: (it, e) => materialize(it, e),
  'indirect-call': (it, e) => callIndirect(it, e),
  error: (_it, e) => {
    throw new Unsupported('an expression that did not compile', e.span);
  },
};

function binary(it: CppInterpreter, e: Extract<Expr, { kind: 'binary' }>): Val {
  const l = it.rv(e.left);
  const r = it.rv(e.right);
  const a = num(l);
  const b = num(r);
  switch (e.op) {
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
  }
  const float = isFloatType(e.type);
  if (!float && (e.op === '/' || e.op === '%') && b === 0) {
    it.p.m.crash('SIGFPE', 0, 'crash.divide-by-zero', [it.text(e.span)]);
  }
  return wrapTo(it, e.type, arith(e.op, a, b, float));
}

// ------------------------------------------------------------------ conversions

/** A conversion whose operand is evaluated and its value passed on unchanged. */
const same: CastHandler = (it, e) => {
  const v = it.rv(e.operand);
  return v;
};

const CAST: { [C in CastExpr['conversion']]: CastHandler } = {
  'lvalue-to-rvalue': (it, e) => {
    const place = it.lv(e.operand);
    const k = scalarKind(e.type, it.target);
    if (k === null) return place;
    return loadScalar(it.p.m, k, place, it.loc(e.span));
  },
  'array-to-pointer': (it, e) => it.lv(e.operand),
  'function-to-pointer': (it, e) => it.lv(e.operand),
  integral: (it, e) => wrapTo(it, e.type, num(it.rv(e.operand))),
  'int-to-float': (it, e) => {
    const v = num(it.rv(e.operand));
    return e.type.kind === 'float' && e.type.name === 'float' ? Math.fround(v) : v;
  },
  'float-to-int': (it, e) => wrapTo(it, e.type, Math.trunc(num(it.rv(e.operand)))),
  float: (it, e) => {
    const v = num(it.rv(e.operand));
    return e.type.kind === 'float' && e.type.name === 'float' ? Math.fround(v) : v;
  },
  'to-bool': (it, e) => (num(it.rv(e.operand)) !== 0 ? 1 : 0),
  'null-to-pointer': (it, e) => {
    it.rv(e.operand);
    return new Ref(0, INTENT_UNKNOWN);
  },
  pointer: same,
  noop: same,
  'derived-to-base': (it, e) => it.lv(e),
  'pointer-to-int': (it, e) => num(it.rv(e.operand)),
  'int-to-pointer': (it, e) => {
    const a = num(it.rv(e.operand));
    return new Ref(a, it.p.m.objectAt(a));
  },
  'to-void': (it, e) => {
    it.rv(e.operand);
    return 0;
  },
};

// ------------------------------------------------------------------ addresses

const noAddress = (it: CppInterpreter, e: Expr): Ref => {
  throw new Unsupported(`the address of ${it.text(e.span)}`, e.span);
};

/** An expression whose value is an address (or a number taken as one). */
const valueAsAddress = (it: CppInterpreter, e: Expr): Ref => {
  const v = it.rv(e);
  return v instanceof Ref ? v : new Ref(v, it.p.m.objectAt(v));
};

const LV: { [K in Expr['kind']]: Handler<K, Ref> } = {
  'var-ref': (it, e) => {
    const m = it.p.m;
    const v = e.variable;
    const f = it.frame;
    let slot: VarSlot | undefined = f?.vars.get(v.id);
    let ref: Ref;
    if (slot !== undefined)
      ref = new Ref(
        slot.addr,
        v.nrvo === true && f?.ret.indirect === true ? INTENT_RESULT_SLOT : slot.objectId,
      );
    else {
      const st = it.statics.get(v.id);
      if (st === undefined) throw new Unsupported(`the variable ${v.name} here`, e.span);
      slot = st;
      ref = new Ref(st.addr, st.objectId);
    }
    if (e.throughReference) {
      const a = m.loadInt(ref.addr, 8, false, { intended: ref.prov, loc: it.loc(e.span) });
      return new Ref(a, m.objectAt(a));
    }
    return ref;
  },
  member: (it, e) => {
    const base = it.lv(e.object);
    const fl = it.recordLayout(e.record).fields.find((x) => x.name === e.field.name);
    return new Ref(base.addr + (fl?.offset ?? 0), base.prov);
  },
  deref: (it, e) => {
    const p = it.rv(e.operand);
    return p instanceof Ref ? p : new Ref(p, it.p.m.objectAt(p));
  },
  cast: (it, e) => {
    if (e.conversion === 'derived-to-base' && e.base !== undefined) {
      const inner = e.operand.type.kind === 'pointer' ? it.rv(e.operand) : it.lv(e.operand);
      const ref = inner instanceof Ref ? inner : new Ref(inner, -1);
      const derived = e.operand.type.kind === 'pointer' ? e.operand.type.pointee : e.operand.type;
      const b =
        derived.kind === 'record'
          ? layoutOf(derived, it.target).bases.find((x) => x.type.decl === e.base)
          : undefined;
      return new Ref(ref.addr + (b?.offset ?? 0), ref.prov);
    }
    const v = it.rv(e);
    return v instanceof Ref ? v : new Ref(v, -1);
  },
  call: valueAsAddress,
  'method-call': valueAsAddress,
  'std-method': valueAsAddress,
  'inc-dec': valueAsAddress,
  assign: valueAsAddress,
  'compound-assign': valueAsAddress,
  'record-assign': valueAsAddress,
  conditional: valueAsAddress,
  comma: valueAsAddress,
  'stream-output': valueAsAddress,
  materialize: (it, e) => materialize(it, e),
  temporary: (it, e) => materialize(it, e),
  'string-literal': (it, e) => {
    const v = it.lib.stringLiteral(e);
    return v;
  },
  'function-ref': (it, e) => new Ref(functionAddress(it, e.function), -1),
  'int-literal': noAddress,
  'float-literal': noAddress,
  'bool-literal': noAddress,
  nullptr: noAddress,
  enumerator: noAddress,
  this: noAddress,
  sizeof: noAddress,
  unary: noAddress,
  'address-of': noAddress,
  binary: noAddress,
  'pointer-arith': noAddress,
  'pointer-diff': noAddress,
  logical: noAddress,
  'builtin-call': (it, e) =>
    e.builtin === 'std::min' || e.builtin === 'std::max' ? minMaxRef(it.lib, e) : noAddress(it, e),
  new: noAddress,
  delete: noAddress,
  'indirect-call': noAddress,
  error: noAddress,
};

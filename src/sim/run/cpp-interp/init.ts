/**
 * Initialisation in the C++ library, one handler per kind of initialiser (default, zero, from an
 * expression, copy, constructor, aggregate, string, standard class), and class prvalues built in
 * their destination (guaranteed copy elision) or in a temporary of the full-expression.
 */
import type { CType } from '../../abi/ctype.ts';
import { layoutOf } from '../../abi/layout.ts';
import { typeToString } from '../../abi/typeToString.ts';
import type { Expr, Init } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import { Unsupported } from '../cpp-errors.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { Ref, scalarKind, storeScalar } from '../values.ts';
import { endTemps } from './frames.ts';
import { viaFloatRegister } from './scalars.ts';
import { NameId, named } from '../../trace/names.ts';

type Handler<K extends Init['kind']> = (
  it: CppInterpreter,
  init: Extract<Init, { kind: K }>,
  dest: Ref,
  t: CType,
) => void;

/** Initialises the object of type `t` at `dest` as `init` says. */
export function initAt(it: CppInterpreter, init: Init, dest: Ref, t: CType): void {
  (INIT[init.kind] as Handler<Init['kind']>)(it, init as never, dest, t);
}

const INIT: { [K in Init['kind']]: Handler<K> } = {
  default: (it, init, dest, t) => {
    if (init.ctor !== null) {
      it.callMethod(init.ctor, dest, [], init.span);
      return;
    }
    it.lib.defaultInit(t, dest, init.span);
  },
  zero: (it, init, dest, t) => {
    const size = it.size(t);
    if (size > 0)
      it.p.m.storeBytes(dest.addr, new Uint8Array(size), { intended: dest.prov, loc: it.loc(init.span) });
  },
  expr: (it, init, dest, t) => {
    const m = it.p.m;
    const k = scalarKind(t, it.target);
    if (k !== null && t.kind !== 'reference') {
      const v = it.rv(init.expr);
      viaFloatRegister(it, k, v);
      storeScalar(m, k, dest, v, it.loc(init.span));
      return;
    }
    if (t.kind === 'reference') {
      storeScalar(m, { k: 'ptr' }, dest, it.lv(init.expr), it.loc(init.span));
      return;
    }
    into(it, init.expr, dest);
  },
  bind: (it, init, dest) => {
    const temps = it.frame?.temps;
    const before = temps?.length ?? 0;
    storeScalar(it.p.m, { k: 'ptr' }, dest, it.lv(init.expr), it.loc(init.span));
    // A temporary bound straight to a reference lives as long as the reference
    // ([class.temporary]/6): it is not ended with the full-expression (it goes with the frame).
    // One reached through a function's result (`std::max(1, 2)`) is not extended, nor one bound
    // to a parameter: it lives until the end of the full-expression with the call ([class.temporary]/6.10).
    if (
      temps !== undefined &&
      init.argument !== true &&
      (init.expr.kind === 'materialize' || init.expr.kind === 'temporary')
    ) {
      const [id] = temps.splice(before, 1);
      if (id !== undefined) extend(it, id, dest.addr);
    }
  },
  copy: (it, init, dest, t) => {
    const m = it.p.m;
    const src = it.lv(init.source);
    if (init.ctor !== null) {
      it.callMethod(init.ctor, dest, [src], init.span);
      return;
    }
    if (init.std !== null) {
      it.lib.copyStd(init.std, t, dest, src, init.move, init.span);
      return;
    }
    const size = it.size(t);
    const bytes = m.loadBytes(src.addr, size, {
      intended: src.prov,
      loc: it.loc(init.span),
      raw: true,
    });
    m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: it.loc(init.span) });
  },
  ctor: (it, init, dest) => {
    it.callMethod(init.ctor, dest, init.args, init.span);
  },
  aggregate,
  string: (it, init, dest, t) => {
    const size = it.size(t);
    const bytes = new Uint8Array(size);
    init.literal.units.forEach((u, i) => {
      if (i < size) bytes[i] = u & 0xff;
    });
    it.p.m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: it.loc(init.span) });
  },
  'std-ctor': (it, init, dest) => {
    it.lib.constructStd(init, dest);
  },
};

function aggregate(
  it: CppInterpreter,
  init: Extract<Init, { kind: 'aggregate' }>,
  dest: Ref,
  t: CType,
): void {
  if (t.kind === 'array') {
    const es = it.size(t.element);
    init.elements.forEach((e, i) => it.initAt(e, new Ref(dest.addr + i * es, dest.prov), t.element));
    for (let i = init.elements.length; i < t.length; i++) {
      it.initAt(
        { kind: 'zero', type: t.element, span: init.span },
        new Ref(dest.addr + i * es, dest.prov),
        t.element,
      );
    }
    return;
  }
  if (t.kind === 'record') {
    const layout = layoutOf(t, it.target);
    const std = t.decl.std;
    if (std?.kind === 'array') {
      const inner = layout.fields[0];
      if (inner !== undefined) {
        const arr = inner.type;
        // `std::array<T,N> a = {1, 2}` braces the inner C array; both spellings reach here.
        const flat =
          init.elements.length === 1 &&
          init.elements[0]?.kind === 'aggregate' &&
          arr.kind === 'array' &&
          arr.element.kind !== 'array'
            ? (init.elements[0] as Extract<Init, { kind: 'aggregate' }>).elements
            : init.elements;
        aggregate(
          it,
          { ...init, elements: flat, type: arr },
          new Ref(dest.addr + inner.offset, dest.prov),
          arr,
        );
      }
      return;
    }
    layout.fields.forEach((fl, i) => {
      const e = init.elements[i];
      const place = new Ref(dest.addr + fl.offset, dest.prov);
      if (e !== undefined) it.initAt(e, place, fl.type);
      else it.initAt({ kind: 'zero', type: fl.type, span: init.span }, place, fl.type);
    });
    return;
  }
  const e = init.elements[0];
  if (e !== undefined) it.initAt(e, dest, t);
  else it.initAt({ kind: 'zero', type: t, span: init.span }, dest, t);
}

/** A class temporary whose destructor runs at the end of its full-expression. */
interface PendingTemp {
  id: number;
  ref: Ref;
  type: CType;
  span: Span;
}

/** Per frame: the class temporaries of the full-expression being evaluated, in construction order. */
const PENDING = new WeakMap<object, PendingTemp[]>();

/** Builds a class prvalue in a temporary of the current full-expression and returns its address. */
export function materialize(it: CppInterpreter, e: Expr): Ref {
  const m = it.p.m;
  const size = Math.max(it.size(e.type), 1);
  const addr = m.pushStack(size, Math.max(it.align(e.type), 1));
  const id = it.newTemp(named(NameId.temporary), e.type, addr, size, e.span);
  const ref = new Ref(addr, id);
  into(it, e.kind === 'materialize' ? e.expr : e, ref);
  if (e.type.kind === 'record' && it.frame !== null) {
    const list = PENDING.get(it.frame) ?? [];
    list.push({ id, ref, type: e.type, span: e.span });
    PENDING.set(it.frame, list);
  }
  return ref;
}

/**
 * The end of a full-expression: its class temporaries are destroyed, last constructed first
 * ([class.temporary]/4) — a std::string temporary frees its heap buffer, a class runs its
 * destructor — then their lifetimes end. One bound to a reference was taken off the list.
 */
export function endFullExpression(it: CppInterpreter): void {
  const list = it.frame === null ? undefined : PENDING.get(it.frame);
  if (list !== undefined && list.length > 0) {
    const temps = list.splice(0);
    for (let i = temps.length - 1; i >= 0; i--) {
      const t = temps[i] as PendingTemp;
      it.lib.destroy(t.type, t.ref, t.span);
    }
  }
  endTemps(it);
}

/** Whether class temporaries of the current full-expression wait for their destructors. */
export function hasPendingClassTemps(it: CppInterpreter): boolean {
  return it.frame !== null && (PENDING.get(it.frame)?.length ?? 0) > 0;
}

/** Per frame: temporaries whose lifetime a reference extends, by the address of the reference's slot. */
const EXTENDED = new WeakMap<object, Map<number, { id: number; pending: PendingTemp | undefined }>>();

/**
 * A temporary bound to a reference lives as long as the reference: its destructor does not run
 * with the full-expression but when the reference goes out of scope (endExtended).
 */
function extend(it: CppInterpreter, id: number, referenceAddr: number): void {
  if (it.frame === null) return;
  const list = PENDING.get(it.frame);
  const i = list?.findIndex((t) => t.id === id) ?? -1;
  const pending = list !== undefined && i >= 0 ? list.splice(i, 1)[0] : undefined;
  const map = EXTENDED.get(it.frame) ?? new Map();
  map.set(referenceAddr, { id, pending });
  EXTENDED.set(it.frame, map);
}

/**
 * The reference whose slot is at `referenceAddr` goes out of scope: the temporary it kept alive is
 * destroyed (a class runs its destructor) and its lifetime ends ([class.temporary]/6).
 */
export function endExtended(it: CppInterpreter, referenceAddr: number, span: Span): void {
  const map = it.frame === null ? undefined : EXTENDED.get(it.frame);
  const kept = map?.get(referenceAddr);
  if (map === undefined || kept === undefined) return;
  map.delete(referenceAddr);
  if (kept.pending !== undefined) it.lib.destroy(kept.pending.type, kept.pending.ref, span);
  it.p.m.endObject(kept.id, 'out-of-scope', it.loc({ start: span.end, end: span.end }));
}

/** Evaluates a class prvalue directly into `dest` (guaranteed copy elision). */
export function into(it: CppInterpreter, e: Expr, dest: Ref): void {
  switch (e.kind) {
    case 'call': {
      // A scalar result comes back in a register; the temporary (`const int& r = f();`) gets it.
      const k = e.type.kind === 'record' ? null : scalarKind(e.type, it.target);
      if (k !== null) storeScalar(it.p.m, k, dest, it.rv(e), it.loc(e.span));
      else it.callFunction(e.function, e.args, dest, e.span);
      return;
    }
    case 'method-call':
      if (e.type.kind === 'record' && e.method.returnType.kind !== 'reference') {
        it.callMethod(e.method, it.lv(e.object), e.args, e.span, dest);
        return;
      }
      break;
    case 'temporary':
      it.initAt(e.init, dest, e.type);
      return;
    case 'materialize':
      into(it, e.expr, dest);
      return;
    case 'builtin-call':
      it.lib.builtinInto(e, dest);
      return;
    case 'cast':
      if (e.conversion === 'noop' || e.conversion === 'lvalue-to-rvalue') {
        copyObject(it, it.lv(e.operand), dest, e.type, e.span);
        return;
      }
      break;
    default:
      break;
  }
  if (e.category !== 'prvalue') {
    copyObject(it, it.lv(e), dest, e.type, e.span);
    return;
  }
  // A scalar prvalue (`const int& r = 3;`, `const long& q = r * 2L;`): the temporary holds its value.
  const k = e.type.kind === 'record' ? null : scalarKind(e.type, it.target);
  if (k !== null) {
    storeScalar(it.p.m, k, dest, it.rv(e), it.loc(e.span));
    return;
  }
  throw new Unsupported(`building ${typeToString(e.type)} from ${it.text(e.span)}`, e.span);
}

/** A trivial copy of a whole object: its bytes, read raw, written with the destination's provenance. */
function copyObject(it: CppInterpreter, src: Ref, dest: Ref, t: CType, span: Span): void {
  const m = it.p.m;
  const bytes = m.loadBytes(src.addr, it.size(t), { intended: src.prov, loc: it.loc(span), raw: true });
  m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: it.loc(span) });
}

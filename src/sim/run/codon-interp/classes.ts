/**
 * Classes and `try` in the Codon interpreter (Codon 0.19, exaloop/codon v0.19.6):
 *
 * - `C(args)` of a reference class: `__magic__.new` is type.codon `_ref_new`, `alloc_atomic(sz)`
 *   when no field holds a pointer (`T.__contents_atomic__`), else `alloc(sz)`, with `sz` the size of
 *   the tuple of its fields (LLVM's struct layout); no finalizer is registered (gc.codon
 *   `register_finalizer` only for a class with `__del__`), and a class without base classes has no
 *   RTTI header (class.cpp sets `rtti` only for inheritance). Then `__init__`: the class's own, a
 *   call like any other, or the generated one (class.cpp `codegenMagic("init")`: `self.a = a` for
 *   each field in order).
 * - A method is a call with `self` first (the object's address, or a `@tuple` value).
 * - `obj.f` loads the field from the object; `obj.f = v` stores it.
 * - `print(obj)` without `__repr__`: internal.codon `__magic__.repr_default`,
 *   `<C object at 0x...>` (the address printed by Ptr's `__repr__`).
 * - `try: ... except CError [as e]:` catches what dlopen.codon's `dlsym` raises:
 *   `CError(dlerror())`, an object of error.codon's `BaseException` fields.
 */
import type { CallTarget, Expr, TryStmt } from '../../codon/ast.ts';
import type { CodonType } from '../../codon/types.ts';
import { STR, prune } from '../../codon/types.ts';
import { isAtomic, structLayout } from '../../codon/layout.ts';
import { RunStop } from '../../machine/machine.ts';
import { hex } from '../../machine/memory.ts';
import { NameId, named } from '../../trace/names.ts';
import type { Cell, SourceLoc } from '../../trace/types.ts';
import { Ref, StrVal, cellsOfCodon, type CodonValue } from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { Flow, statementStep } from '../flow.ts';
import { newStr } from './strings.ts';
import { runtimeGcAlloc } from '../runtime.ts';
import { callCodon } from './calls.ts';
import { SIDE, load, refAccess, store } from './memory.ts';

type CallExpr = Extract<Expr, { kind: 'call' }>;
type ClassType = Extract<CodonType, { kind: 'ref-class' }>;

/** Offsets of a reference class's fields in its GC object (the struct of its fields). */
function objectLayout(t: ClassType): { offsets: number[]; size: number } {
  return structLayout(t.fields.map((f) => f.type));
}

/** The display cells of a reference class's object. */
function objectCells(t: ClassType): Cell[] {
  const { offsets } = objectLayout(t);
  return t.fields.flatMap((f, i) =>
    cellsOfCodon(f.type, f.name).map((c) => ({ ...c, offset: c.offset + (offsets[i] ?? 0) })),
  );
}

/** `C(args)`: a GC object of the fields, then `__init__` on it. */
export function newObject(
  it: CodonInterpreter,
  e: CallExpr,
  r: Extract<CallTarget, { kind: 'class-new' }>,
  loc: SourceLoc,
): CodonValue {
  const m = it.p.m;
  const t = prune(e.type ?? { kind: 'none' });
  if (t.kind !== 'ref-class') return null;
  const args = e.args.map((a) => it.eval(a));
  const { size } = objectLayout(t);
  const atomic = t.fields.every((f) => isAtomic(f.type));
  const addr = runtimeGcAlloc(
    it.p,
    Math.max(size, 1),
    atomic,
    named(NameId.codonObject, t.name),
    t.name,
    loc,
    objectCells(t),
  );
  const obj = new Ref(addr, m.objectAt(addr, false));
  m.narrate('codon.class-new', [t.name, size, hex(addr)]);
  if (r.init !== null) {
    const def = it.functions.get(r.init);
    if (def !== undefined) callCodon(it, def, [obj, ...args], loc);
    return obj;
  }
  // The generated `__init__`: each argument stored in its field, in order.
  t.fields.forEach((f, i) => storeField(it, obj, t, f.name, args[i] ?? null, e.span));
  return obj;
}

/** `obj.m(args)`: the method's function with the object (or the `@tuple` value) as `self`. */
export function callMethod(
  it: CodonInterpreter,
  e: CallExpr,
  r: Extract<CallTarget, { kind: 'method' }>,
  loc: SourceLoc,
): CodonValue {
  const self = e.callee.kind === 'attr' ? it.eval(e.callee.target) : null;
  const args = e.args.map((a) => it.eval(a));
  const def = it.functions.get(r.fn);
  if (def === undefined) return it.p.m.runtimeError('NameError', `name '${r.fn}' is not defined`, loc);
  return callCodon(it, def, [self, ...args], loc);
}

function fieldAt(t: ClassType, name: string): { offset: number; type: CodonType } | null {
  const i = t.fields.findIndex((f) => f.name === name);
  const f = t.fields[i];
  return f === undefined ? null : { offset: objectLayout(t).offsets[i] ?? 0, type: f.type };
}

/** `obj.f`: a load from the object (`e.message`: the first field of a caught exception). */
export function loadField(
  it: CodonInterpreter,
  obj: CodonValue,
  t: ClassType | Extract<CodonType, { kind: 'exception' }>,
  name: string,
  span: Expr['span'],
): CodonValue {
  const f = t.kind === 'exception' ? { offset: 0, type: STR } : fieldAt(t, name);
  if (f === null || !(obj instanceof Ref)) return null;
  return load(it, obj.addr + f.offset, f.type, refAccess(it, obj, span));
}

/** `obj.f = v`: a store into the object. */
export function storeField(
  it: CodonInterpreter,
  obj: CodonValue,
  t: CodonType,
  name: string,
  v: CodonValue,
  span: Expr['span'],
): void {
  const p = prune(t);
  if (p.kind !== 'ref-class') return;
  const f = fieldAt(p, name);
  if (f === null || !(obj instanceof Ref)) return;
  store(it, obj.addr + f.offset, f.type, v, refAccess(it, obj, span));
}

/** What `print` shows of an object of a reference class, and of a caught exception. */
export function objectStr(it: CodonInterpreter, v: Ref, t: CodonType): string {
  const p = prune(t);
  if (p.kind === 'exception') {
    // error.codon `__str__`: the message, the first field.
    const s = load(it, v.addr, STR, { intended: v.prov, loc: null });
    return s instanceof StrVal ? s.text : '';
  }
  return `<${p.kind === 'ref-class' ? p.name : '?'} object at ${hex(v.addr)}>`;
}

/** error.codon `BaseException`: message, func, file (str), line, col (int), python_type, cause. */
const EXCEPTION_SIZE = 80;
const EXCEPTION_CELLS: Cell[] = [
  ...cellsOfCodon(STR, 'message'),
  ...cellsOfCodon(STR, 'func').map((c) => ({ ...c, offset: c.offset + 16 })),
  ...cellsOfCodon(STR, 'file').map((c) => ({ ...c, offset: c.offset + 32 })),
  { path: 'line', offset: 48, size: 8, kind: 'int' },
  { path: 'col', offset: 56, size: 8, kind: 'int' },
  { path: 'python_type', offset: 64, size: 8, kind: 'pointer' },
  { path: 'cause', offset: 72, size: 8, kind: 'pointer' },
];

/** The exception object `raise CError(dlerror())` made: the message copied by `str.from_ptr`, then the object. */
function exceptionObject(it: CodonInterpreter, type: string, message: string, loc: SourceLoc): Ref {
  const m = it.p.m;
  const text = newStr(it, message, loc, named(NameId.fromPtrCopy));
  const addr = runtimeGcAlloc(
    it.p,
    EXCEPTION_SIZE,
    false,
    named(NameId.codonObject, type),
    type,
    loc,
    EXCEPTION_CELLS,
  );
  const obj = new Ref(addr, m.objectAt(addr, false));
  store(it, addr, STR, text, { intended: obj.prov, loc });
  return obj;
}

/**
 * `try:` runs its body; a CError raised in it (at this frame: in this subset only an import raises
 * one, and imports stand at the top level) stops the body there and runs the first matching
 * `except` clause. Anything else goes on up as before.
 */
export function execTry(it: CodonInterpreter, s: TryStmt): Flow {
  const m = it.p.m;
  statementStep(m, SIDE, it.loc(s.span), 'codon.try', []);
  const frame = it.frame;
  const depth = it.depth;
  try {
    return it.execBlock(s.body);
  } catch (e) {
    const err = m.errorInfo;
    const h = s.handlers.find((x) => x.type === err?.type);
    if (
      !(e instanceof RunStop) ||
      e.outcome !== 'runtime-error' ||
      err === null ||
      h === undefined ||
      it.frame !== frame ||
      it.depth !== depth
    )
      throw e;
    m.errorInfo = null;
    const loc = it.loc(h.span);
    statementStep(m, SIDE, loc, 'codon.except', [h.type, err.message]);
    if (h.name !== null) {
      const obj = exceptionObject(it, h.type, err.message, loc);
      const slot = it.frame?.vars.get(h.name.name) ?? it.globals.get(h.name.name);
      if (slot !== undefined) store(it, slot.addr, slot.type, obj, { intended: slot.objectId, loc });
    }
    return it.execBlock(h.body);
  }
}

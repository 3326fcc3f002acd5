/**
 * The oracle's lowering of classes, methods and `try` (lower-ir.ts hands over through `ClassHost`),
 * as Codon 0.19 lowers them (exaloop/codon v0.19.6):
 *
 * - A reference class is a pointer (llvisitor.cpp `getLLVMType`: a `RefType` is `ptr`) to a GC
 *   object that is the struct of its fields: type.codon `_ref_new` calls `alloc_atomic(sz)` when no
 *   field holds a pointer (`T.__contents_atomic__`), else `alloc(sz)` (gc.codon: `seq_alloc_atomic`
 *   / `seq_alloc`), `sz = sizeof(tuple(T))`; no RTTI header without base classes (typecheck/class.cpp
 *   sets `rtti` only for inheritance), no finalizer without `__del__` (gc.codon `register_finalizer`).
 * - `C(args)` is `__new__` then `__init__`: the class's own, or the generated one that stores each
 *   argument in its field (class.cpp `codegenMagic("init")`).
 * - A method is a function `C.m` whose first argument is `self`: the object's pointer, or the
 *   `@tuple` struct by value.
 * - `print(obj)` without `__repr__`: internal.codon `__magic__.repr_default`,
 *   `f'<{name} object at {slf.__raw__()}>'`, the address as Ptr's `__repr__` prints it.
 * - `try`/`except CError`: Codon emits `invoke` and a `landingpad` with its personality
 *   (llvisitor.cpp `visit(TryCatchFlow)`, runtime/exc.cpp); the oracle reaches the same handler with
 *   setjmp/longjmp in codonrt.c (`codon_try_push`, `codon_raise`): the observable behaviour is the
 *   same (the rest of the try body skipped, the clause run, the message of `CError(dlerror())`).
 */
import type { CallExpr, Expr, FunctionDef, NameExpr, Stmt, TryStmt } from '../src/sim/codon/ast';
import { structLayout, isAtomic } from '../src/sim/codon/layout';
import { prune, type CodonType } from '../src/sim/codon/types';
import { walkStmts } from '../src/sim/codon/walk';

export interface Val {
  t: CodonType;
  v: string;
}

/** What lower-ir.ts's generator lends this module (its own members are private). */
export interface ClassHost {
  emit(s: string): void;
  tmp(): string;
  label(p: string): string;
  term(s: string): void;
  block(l: string): void;
  refuse(e: { span: { start: { line: number; column: number } } }, what: string): never;
  expr(e: Expr): Val;
  coerce(v: Val, to: CodonType): Val;
  cstr(s: string): string;
  strConst(s: string): string;
  stmts(ss: Stmt[]): void;
  alloca(line: string): void;
  declare(line: string): void;
  assign(target: Expr, v: Val): void;
  ty(t: CodonType): string;
  defs: Map<string, FunctionDef>;
}

type RefClass = Extract<CodonType, { kind: 'ref-class' }>;
const NONE_T: CodonType = { kind: 'none' };
const STR = '{ i64, ptr }';

function structOf(h: ClassHost, t: RefClass): string {
  return `{ ${t.fields.map((f) => h.ty(f.type)).join(', ')} }`;
}

function fieldPtr(
  h: ClassHost,
  e: Expr,
  t: RefClass,
  obj: string,
  name: string,
): { ptr: string; t: CodonType } {
  const i = t.fields.findIndex((f) => f.name === name);
  const f = t.fields[i];
  if (f === undefined) return h.refuse(e, `no field '${name}'`);
  const p = h.tmp();
  h.emit(`${p} = getelementptr inbounds ${structOf(h, t)}, ptr ${obj}, i32 0, i32 ${i}`);
  return { ptr: p, t: f.type };
}

/** A call of a Codon function (a method) with already-evaluated arguments. */
function callDef(h: ClassHost, e: Expr, name: string, args: Val[]): Val {
  const d = h.defs.get(name);
  if (!d) return h.refuse(e, `the function '${name}'`);
  const list = args.map((a, i) => {
    const pt = d.params[i]?.type ?? a.t;
    return `${h.ty(pt)} ${h.coerce(a, pt).v}`;
  });
  const ret = d.returnType ?? NONE_T;
  if (prune(ret).kind === 'none') {
    h.emit(`call void @codon.${d.name}(${list.join(', ')})`);
    return { t: NONE_T, v: '' };
  }
  const out = h.tmp();
  h.emit(`${out} = call ${h.ty(ret)} @codon.${d.name}(${list.join(', ')})`);
  return { t: ret, v: out };
}

/** `C(args)`: `__new__` (a GC object of the fields) and `__init__`. */
export function lowerNew(h: ClassHost, e: CallExpr, init: string | null): Val {
  const t = prune(e.type ?? NONE_T);
  if (t.kind !== 'ref-class') return h.refuse(e, 'an object of unknown class');
  const args = e.args.map((a) => h.expr(a));
  const size = structLayout(t.fields.map((f) => f.type)).size;
  const atomic = t.fields.every((f) => isAtomic(f.type));
  const obj = h.tmp();
  h.emit(`${obj} = call ptr @${atomic ? 'seq_alloc_atomic' : 'seq_alloc'}(i64 ${size})`);
  const self: Val = { t, v: obj };
  if (init !== null) {
    callDef(h, e, init, [self, ...args]);
    return self;
  }
  t.fields.forEach((f, i) => {
    const p = fieldPtr(h, e, t, obj, f.name);
    h.emit(`store ${h.ty(f.type)} ${h.coerce(args[i] as Val, f.type).v}, ptr ${p.ptr}`);
  });
  return self;
}

/** `obj.m(args)`. */
export function lowerMethod(h: ClassHost, e: CallExpr, fn: string): Val {
  if (e.callee.kind !== 'attr') return h.refuse(e, 'a method call without an object');
  const self = h.expr(e.callee.target);
  return callDef(h, e, fn, [self, ...e.args.map((a) => h.expr(a))]);
}

/** `obj.f` of a reference class: a load from the object. */
export function lowerField(h: ClassHost, e: Expr & { kind: 'attr' }, base: Val): Val {
  const t = prune(base.t);
  if (t.kind === 'exception') {
    // `e.message`: error.codon BaseException's first field.
    const r = h.tmp();
    h.emit(`${r} = load ${STR}, ptr ${base.v}`);
    return { t: { kind: 'str' }, v: r };
  }
  if (t.kind !== 'ref-class') return h.refuse(e, 'a field of a non-class value');
  const p = fieldPtr(h, e, t, base.v, e.name);
  const r = h.tmp();
  h.emit(`${r} = load ${h.ty(p.t)}, ptr ${p.ptr}`);
  return { t: p.t, v: r };
}

/** `obj.f = v`: a store into the object. */
export function lowerStoreField(h: ClassHost, target: Expr & { kind: 'attr' }, base: Val, v: Val): void {
  const t = prune(base.t);
  if (t.kind !== 'ref-class') return h.refuse(target, 'a field of a non-class value');
  const p = fieldPtr(h, target, t, base.v, target.name);
  h.emit(`store ${h.ty(p.t)} ${h.coerce(v, p.t).v}, ptr ${p.ptr}`);
}

/** `str(obj)`: `<C object at 0x...>`; of a caught exception, its message (error.codon `__str__`). */
export function lowerObjectStr(h: ClassHost, v: Val): string {
  const t = prune(v.t);
  if (t.kind === 'exception') {
    const r = h.tmp();
    h.emit(`${r} = load ${STR}, ptr ${v.v}`);
    return r;
  }
  const name = t.kind === 'ref-class' ? t.name : '?';
  const addr = h.tmp();
  h.emit(`${addr} = call ${STR} @seq_str_ptr(ptr ${v.v})`);
  const a = h.tmp();
  h.emit(`${a} = call ${STR} @codon_str_add(${STR} ${h.strConst(`<${name} object at `)}, ${STR} ${addr})`);
  const b = h.tmp();
  h.emit(`${b} = call ${STR} @codon_str_add(${STR} ${a}, ${STR} ${h.strConst('>')})`);
  return b;
}

/** error.codon `BaseException`'s fields: message, func, file, line, col, python_type, cause. */
const EXCEPTION_SIZE = 80;

/** `try:` with `except CError [as e]:` clauses. */
export function lowerTry(h: ClassHost, s: TryStmt): void {
  // A jump out of the body would leave its handler installed: not lowered (none in the fixtures).
  walkStmts(s.body, {
    stmt(x) {
      if (x.kind === 'break' || x.kind === 'continue' || x.kind === 'return')
        h.refuse(x, `'${x.kind}' inside a try body`);
    },
  });
  const first = s.handlers[0];
  if (first === undefined) {
    h.stmts(s.body);
    return;
  }
  h.declare('declare void @codon_try_push(ptr, ptr)');
  h.declare('declare void @codon_try_pop()');
  h.declare(`declare ${STR} @codon_exc_message()`);
  h.declare('declare i32 @_setjmp(ptr) returns_twice');
  const jb = `%jb.${h.tmp().slice(1)}`;
  h.alloca(`  ${jb} = alloca [512 x i8], align 16`);
  h.emit(`call void @codon_try_push(ptr ${jb}, ptr ${h.cstr(first.type)})`);
  const r = h.tmp();
  h.emit(`${r} = call i32 @_setjmp(ptr ${jb}) returns_twice`);
  const c = h.tmp();
  h.emit(`${c} = icmp eq i32 ${r}, 0`);
  const body = h.label('try');
  const handler = h.label('except');
  const end = h.label('endtry');
  h.term(`br i1 ${c}, label %${body}, label %${handler}`);
  h.block(body);
  h.stmts(s.body);
  h.emit('call void @codon_try_pop()');
  h.term(`br label %${end}`);
  h.block(handler);
  if (first.name !== null) {
    const msg = h.tmp();
    h.emit(`${msg} = call ${STR} @codon_exc_message()`);
    const obj = h.tmp();
    h.emit(`${obj} = call ptr @seq_alloc(i64 ${EXCEPTION_SIZE})`);
    h.emit(`store ${STR} ${msg}, ptr ${obj}`);
    const target: NameExpr = { kind: 'name', id: first.name.name, span: first.name.span };
    h.assign(target, { t: { kind: 'exception', name: first.type }, v: obj });
  }
  h.stmts(first.body);
  h.term(`br label %${end}`);
  h.block(end);
}

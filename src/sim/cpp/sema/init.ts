/**
 * Initialisation ([dcl.init]): how each object gets its first value, as an `Init` tree. Copy-,
 * direct-, list-, value- and default-initialisation; reference binding (with temporaries for
 * `const T&`); aggregates (C arrays, `std::array` with brace elision, plain structs); constructors;
 * the library semantics of `shared_ptr`/`unique_ptr` copies and moves; `auto` deduction.
 */
import { dt } from '../../diag';
import type { CType, PointerType, RecordType, StdKind } from '../../abi/ctype';
import type { DiagText, Span } from '../../diag';
import type { Expr, FunctionDecl, Init, RecordInfo } from '../ast';
import type { DeclSpecs, ExprSyntax, InitDeclarator, InitListSyntax, InitSyntax } from '../syntax';
import type { Sema } from './context';
import { evalConst } from './consteval';
import { convertScalar, isNarrowing, isNullPointerConstant } from './conversions';
import { checkExpr } from './expr';
import { isGlvalue, toRvalue } from './make';
import { resolveCall } from './overload';
import {
  MODELLED_SCALAR_TEMPORARIES,
  MODELLED_SCALAR_TEMPORARY_ARGUMENTS,
  MODELLED_STD_CONSTRUCTORS,
  UNMODELLED_STD_COPIES,
  UNMODELLED_STD_OBJECTS,
} from './modelled-library';
import { applyDeclarator, type ParamInfo, type QualType } from './resolve-type';
import { isDerivedFrom, ptrTo, sameRecord, sameType, typeName, type RefType } from './types';

/** Where an initialisation happens, for messages: "in initialization of 'x'", "in return". */
export interface InitContext {
  what: DiagText;
  span: Span;
  /** List-initialisation: narrowing conversions are errors. */
  list?: boolean;
  /** A call's argument initialises a parameter (a reference bound here lives for the call only). */
  argument?: boolean;
}

export type InitArg = Expr | InitListSyntax;

function isList(a: InitArg): a is InitListSyntax {
  return a.kind === 'init-list' && !('type' in a);
}

/** The RecordInfo of a class declared in the file (null for library classes). */
export function recordInfo(sema: Sema, t: RecordType): RecordInfo | null {
  return sema.classScopes.get(t.decl)?.record ?? null;
}

function constructors(info: RecordInfo): FunctionDecl[] {
  return info.methods.filter((f) => f.method?.kind === 'constructor');
}

/** A class with constructors the user declared (so braces call a constructor, not aggregate init). */
function hasUserConstructors(info: RecordInfo): boolean {
  return constructors(info).length > 0;
}

// ------------------------------------------------------------------ entry points

export interface VarInitInput {
  type: CType;
  const: boolean;
  syntax: InitSyntax | undefined;
  name: string;
  span: Span;
  /** Static storage: zero-filled before anything else, so no initializer means zero. */
  isStatic: boolean;
  /** `T x[] = ...`: the array bound comes from the initializer. */
  unknownBound?: boolean;
}

/** Checks a variable's initializer (or its absence). */
export function checkVariableInit(sema: Sema, v: VarInitInput): Init | null {
  const ctx: InitContext = { what: dt('cpp.ctx.initialization', v.name), span: v.span };
  const s = v.syntax;
  if (!s) return defaultInit(sema, v.type, v.span, v.name);
  switch (s.kind) {
    case 'equals': {
      const e = checkExpr(sema, s.expr);
      return initFromExpr(sema, v.type, e, ctx, v.unknownBound);
    }
    case 'equals-list':
    case 'braced':
      return listInit(sema, v.type, s.list, { ...ctx, list: true }, v.unknownBound);
    case 'paren':
      return directInit(
        sema,
        v.type,
        s.args.map((a) => checkArg(sema, a)),
        ctx,
        s.span,
      );
  }
}

/** Checks one argument: an expression, or a braced list kept for the parameter it initialises. */
export function checkArg(sema: Sema, a: ExprSyntax | InitListSyntax): InitArg {
  if (a.kind === 'init-list') return a;
  return checkExpr(sema, a);
}

/** A parameter's default argument, as the init of the parameter. */
export function checkParamDefault(sema: Sema, p: ParamInfo, e: ExprSyntax): Init | null {
  const ctx: InitContext = {
    what:
      p.name === undefined || p.name === null
        ? dt('cpp.ctx.default-argument-unnamed')
        : dt('cpp.ctx.default-argument', p.name),
    span: e.span,
  };
  return initFromArg(sema, p.type, checkArg(sema, e), ctx);
}

/** Initialises an object of `type` from an argument (an expression or a braced list). */
export function initFromArg(sema: Sema, type: CType, a: InitArg, ctx: InitContext): Init | null {
  return isList(a) ? listInit(sema, type, a, { ...ctx, list: true }) : initFromExpr(sema, type, a, ctx);
}

// ------------------------------------------------------------------ copy-initialisation

/** Copy-initialisation `T x = e;` (also parameters, return values, and elements of braced lists). */
export function initFromExpr(
  sema: Sema,
  type: CType,
  e: Expr,
  ctx: InitContext,
  unknownBound = false,
): Init | null {
  if (e.kind === 'error') return null;
  const span = e.span;
  if (type.kind === 'reference') return bindReference(sema, type as RefType, e, ctx);
  if (type.kind === 'record') return initRecordFromExpr(sema, type, e, ctx, false);
  if (type.kind === 'array') {
    if (
      e.kind === 'string-literal' &&
      type.element.kind === 'int' &&
      ['char', 'signed char', 'unsigned char'].includes(type.element.name)
    )
      return stringInit(sema, type, e, ctx, unknownBound);
    sema.error(span, dt('cpp.sema.init.an-array-must-be-initialised-with', typeName(e.type), ctx.what));
    return null;
  }
  if (type.kind === 'void' || type.kind === 'function') {
    sema.error(ctx.span, dt('cpp.sema.init.cannot-create-an-object-of-type', typeName(type)));
    return null;
  }
  if (e.type.kind === 'record') {
    sema.cannotConvertRecord(
      span,
      e.type,
      dt('cpp.sema.init.cannot-convert-to-in', typeName(e.type), typeName(type), ctx.what),
    );
    return null;
  }
  const r = convertScalar(e, type);
  if ('error' in r) {
    sema.error(span, dt('cpp.sema.init.in', r.error, ctx.what));
    return null;
  }
  if (ctx.list && isNarrowing(toRvalue(e), type)) {
    // As g++ does it: an error for a constant that does not fit, a warning for a variable.
    const message = dt('cpp.ctx.narrowing', typeName(e.type), typeName(type), ctx.what);
    if (evalConst(toRvalue(e)) !== null) {
      sema.error(span, message);
      return null;
    }
    sema.warning(span, message);
  }
  return { kind: 'expr', expr: r.expr, span };
}

function stringInit(
  sema: Sema,
  type: Extract<CType, { kind: 'array' }>,
  lit: Extract<Expr, { kind: 'string-literal' }>,
  ctx: InitContext,
  unknownBound: boolean,
): Init | null {
  const needed = lit.units.length + 1;
  const length = unknownBound ? needed : type.length;
  if (needed > length) {
    // C allows dropping the terminating 0 here; C++ does not.
    sema.error(lit.span, dt('cpp.sema.init.the-string-needs-chars-with-its', needed, length, ctx.what));
    return null;
  }
  return {
    kind: 'string',
    type: { kind: 'array', element: type.element, length },
    literal: lit,
    span: lit.span,
  };
}

/** Initialises a class object from an expression (copy-initialisation). */
function initRecordFromExpr(
  sema: Sema,
  type: RecordType,
  e: Expr,
  ctx: InitContext,
  direct: boolean,
): Init | null {
  const span = e.span;
  if (
    e.type.kind === 'record' &&
    (sameRecord(e.type.decl, type.decl) || isDerivedFrom(e.type.decl, type.decl))
  ) {
    if (e.category === 'prvalue' && sameRecord(e.type.decl, type.decl))
      return { kind: 'expr', expr: e, span };
    const src = e.category === 'prvalue' ? materialize(e) : e;
    return copyFrom(sema, type, src, src.category === 'xvalue', ctx);
  }
  const std = type.decl.std;
  if (std) return initStdFromExpr(sema, type, std.kind, e, ctx, direct);
  const info = recordInfo(sema, type);
  if (info) {
    const ctors = constructors(info).filter((f) => direct || !f.method?.explicit);
    const oneArg = ctors.filter(
      (f) => f.params.length >= 1 && f.defaultArgs.slice(1).every((d) => d !== null),
    );
    if (oneArg.length > 0) {
      const call = resolveCall(sema, oneArg, [e], { name: type.decl.name, span, quiet: true });
      if (call) return { kind: 'ctor', type, ctor: call.fn, args: call.args, span };
    }
  }
  sema.error(span, dt('cpp.sema.init.cannot-convert-to-in', typeName(e.type), typeName(type), ctx.what));
  return null;
}

function initStdFromExpr(
  sema: Sema,
  type: RecordType,
  kind: StdKind,
  e: Expr,
  ctx: InitContext,
  direct: boolean,
): Init | null {
  const span = e.span;
  if ((kind === 'shared_ptr' || kind === 'unique_ptr') && isNullPointerConstant(e))
    return { kind: 'zero', type, span };
  if (kind === 'unique_ptr' && e.type.kind === 'pointer' && direct) {
    return stdCtor(sema, type, [e], ctx);
  }
  if (kind === 'shared_ptr' && e.type.kind === 'pointer' && direct) return stdCtor(sema, type, [e], ctx);
  if (kind === 'optional' || kind === 'complex') return stdCtor(sema, type, [e], ctx);
  if (kind === 'string' && e.type.kind !== 'record') return stdCtor(sema, type, [e], ctx);
  if (
    kind === 'string_view' ||
    kind === 'string' ||
    kind === 'vector' ||
    kind === 'pair' ||
    kind === 'tuple'
  ) {
    // libstdc++ has converting constructors for these (`std::string_view sv = "abc"` or
    // `= std::string(...)` compile with g++); the simulator does not model them.
    sema.diags.unsupported(span, dt('cpp.sema.init.initialising-a-from-a', typeName(type), typeName(e.type)));
    return null;
  }
  const hint =
    (kind === 'unique_ptr' || kind === 'shared_ptr') && e.type.kind === 'pointer'
      ? ` (the constructor from a raw pointer is explicit: write ${kind === 'unique_ptr' ? 'std::unique_ptr' : 'std::shared_ptr'}<T> p(ptr), or use std::make_${kind === 'unique_ptr' ? 'unique' : 'shared'})`
      : '';
  sema.error(
    span,
    dt('cpp.sema.init.cannot-convert-to-in-2', typeName(e.type), typeName(type), ctx.what, hint),
  );
  return null;
}

/** A temporary holding a class prvalue, so it can be used as an object (an xvalue). */
export function materialize(e: Expr): Expr {
  return { kind: 'materialize', expr: e, type: e.type, category: 'xvalue', span: e.span };
}

/** Copies or moves a class object from a glvalue: library semantics, the user's constructor, or the implicit one. */
export function copyFrom(
  sema: Sema,
  type: RecordType,
  src: Expr,
  move: boolean,
  ctx: InitContext,
): Init | null {
  const span = src.span;
  const source =
    src.type.kind === 'record' && !sameRecord(src.type.decl, type.decl) ? sliceToBase(src, type) : src;
  const std = type.decl.std;
  if (std) {
    if (!move && UNMODELLED_STD_COPIES.has(std.kind)) {
      sema.diags.unsupported(
        span,
        dt('cpp.sema.init.copying-a', typeName(type)),
        dt('cpp.sema.init.pass-it-by-reference-or-move'),
      );
      return null;
    }
    if (std.kind === 'unique_ptr' && !move) {
      sema.error(span, dt('cpp.sema.init.std-unique-ptr-cannot-be-copied', ctx.what));
      return null;
    }
    return { kind: 'copy', type, source, ctor: null, move, std: std.kind, span };
  }
  const info = recordInfo(sema, type);
  const ctors = info ? constructors(info) : [];
  const copy = ctors.find((f) => f.method?.special === 'copy-ctor');
  const moveCtor = ctors.find((f) => f.method?.special === 'move-ctor');
  const chosen = move && moveCtor && !moveCtor.method?.deleted ? moveCtor : copy;
  const sm = type.decl.specialMembers;
  if (!chosen) {
    if (sm.moveCtor !== 'implicit' || sm.moveAssign !== 'implicit') {
      sema.error(span, dt('cpp.sema.init.cannot-be-copied-declaring-a-move', type.decl.name, ctx.what));
      return null;
    }
    return { kind: 'copy', type, source, ctor: null, move, std: null, span };
  }
  if (chosen.method?.deleted) {
    sema.error(
      span,
      dt(
        'cpp.sema.init.use-of-the-deleted-constructor-of',
        dt(chosen.method.special === 'move-ctor' ? 'cpp.move' : 'cpp.copy'),
        type.decl.name,
        ctx.what,
      ),
    );
    return null;
  }
  if (
    source.isConst &&
    chosen.params[0]?.type.kind === 'reference' &&
    !(chosen.params[0].type as RefType).referentConst &&
    !chosen.params[0].type.rvalue
  ) {
    sema.error(span, dt('cpp.sema.init.cannot-copy-a-const-its-copy', type.decl.name));
    return null;
  }
  const userProvided = !chosen.method?.defaulted;
  return { kind: 'copy', type, source, ctor: userProvided ? chosen : null, move, std: null, span };
}

function sliceToBase(src: Expr, base: RecordType): Expr {
  return {
    kind: 'cast',
    conversion: 'derived-to-base',
    implicit: true,
    style: 'implicit',
    base: base.decl,
    operand: src,
    type: base,
    category: src.category,
    span: src.span,
    ...(src.isConst ? { isConst: true } : {}),
  };
}

// ------------------------------------------------------------------ references

/** Binds a reference to an expression ([dcl.init.ref]); `const T&` may bind to a temporary. */
export function bindReference(sema: Sema, ref: RefType, e: Expr, ctx: InitContext): Init | null {
  const span = e.span;
  const T = ref.referent;
  const constRef = Boolean(ref.referentConst);
  const related =
    sameType(e.type, T) ||
    (e.type.kind === 'record' && T.kind === 'record' && isDerivedFrom(e.type.decl, T.decl));
  const bindTo = (x: Expr): Init => ({
    kind: 'bind',
    type: ref,
    expr:
      T.kind === 'record' && x.type.kind === 'record' && !sameRecord(x.type.decl, T.decl)
        ? sliceToBase(x, T)
        : x,
    span,
    ...(ctx.argument ? { argument: true as const } : {}),
  });
  if (related && e.category === 'lvalue') {
    if (ref.rvalue) {
      sema.error(
        span,
        dt('cpp.sema.init.cannot-bind-the-rvalue-reference-to', typeName(ref), typeName(e.type), ctx.what),
      );
      return null;
    }
    if (e.isConst && !constRef) {
      sema.error(
        span,
        dt('cpp.sema.init.binding-to-a-const-would-drop', typeName(ref), typeName(e.type), ctx.what),
      );
      return null;
    }
    return bindTo(e);
  }
  if (!ref.rvalue && !constRef) {
    sema.error(
      span,
      dt('cpp.sema.init.cannot-bind-the-non-const-reference', typeName(ref), typeName(e.type), ctx.what),
    );
    return null;
  }
  if (related && e.category === 'xvalue') return bindTo(e);
  if (e.kind === 'builtin-call' && e.builtin !== 'std::make_shared' && e.builtin !== 'std::make_unique') {
    // g++ binds `const int& m = std::max(a, b)` to a or b itself (std::max returns a reference);
    // the simulator computes library results as values and cannot bind a reference to one.
    sema.diags.unsupported(
      span,
      dt('cpp.sema.init.binding-the-result-of-to-a', e.builtin),
      dt('cpp.sema.init.keep-a-copy-instead-declare-it', typeName(T), typeName(ref)),
    );
    return null;
  }
  if (related && e.category === 'prvalue' && T.kind === 'record') return bindTo(materialize(e));
  if (
    T.kind !== 'record' &&
    !(ctx.argument ? MODELLED_SCALAR_TEMPORARY_ARGUMENTS : MODELLED_SCALAR_TEMPORARIES)
  ) {
    // `const int& r = 3;`, `g(a * 2)` for a `const int&` parameter: g++ makes a temporary int and
    // binds the reference to it; the interpreter cannot give a scalar value an address yet.
    sema.diags.unsupported(
      span,
      dt('cpp.sema.init.binding-the-reference-to-a-temporary', typeName(ref), typeName(T)),
      dt('cpp.sema.init.put-the-value-in-a-variable'),
    );
    return null;
  }
  // Bind to a temporary initialised from the expression.
  const temp = initFromExpr(sema, T, e, ctx);
  if (!temp) return null;
  const value: Expr =
    temp.kind === 'expr' && T.kind !== 'record'
      ? temp.expr
      : { kind: 'temporary', init: temp, type: T, category: 'prvalue', span };
  return {
    kind: 'bind',
    type: ref,
    expr: materialize(value),
    span,
    ...(ctx.argument ? { argument: true as const } : {}),
  };
}

// ------------------------------------------------------------------ list-initialisation

/** List-initialisation `T x{...}` / `T x = {...}`. */
export function listInit(
  sema: Sema,
  type: CType,
  list: InitListSyntax,
  ctx: InitContext,
  unknownBound = false,
): Init | null {
  const items = list.items;
  const span = list.span;
  const lctx: InitContext = { ...ctx, list: true };
  if (type.kind === 'reference') {
    if (items.length !== 1) {
      sema.error(span, dt('cpp.sema.init.a-reference-is-initialised-with-one', items.length, ctx.what));
      return null;
    }
    return bindReference(sema, type as RefType, checkExpr(sema, items[0] as ExprSyntax), lctx);
  }
  if (type.kind === 'array')
    return aggregateArray(sema, type, type.element, type.length, items, lctx, span, unknownBound);
  if (type.kind === 'record') return listInitRecord(sema, type, list, lctx);
  if (items.length === 0) return { kind: 'zero', type, span };
  if (items.length > 1) {
    sema.error(
      items[1]?.span ?? span,
      dt('cpp.sema.init.too-many-initializers-for-in', typeName(type), ctx.what),
    );
    return null;
  }
  const item = items[0] as ExprSyntax;
  if (item.kind === 'init-list') {
    sema.error(item.span, dt('cpp.sema.init.too-many-braces-around-the-initializer', typeName(type)));
    return null;
  }
  return initFromExpr(sema, type, checkExpr(sema, item), lctx);
}

function elementInit(sema: Sema, t: CType, item: ExprSyntax, ctx: InitContext): Init | null {
  if (item.kind === 'init-list') return listInit(sema, t, item, ctx);
  return initFromExpr(sema, t, checkExpr(sema, item), ctx);
}

function aggregateArray(
  sema: Sema,
  type: CType,
  element: CType,
  length: number,
  items: ExprSyntax[],
  ctx: InitContext,
  span: Span,
  unknownBound: boolean,
): Init | null {
  const first = items[0];
  if (items.length === 1 && first?.kind === 'string' && element.kind === 'int' && type.kind === 'array') {
    const lit = checkExpr(sema, first);
    if (lit.kind === 'string-literal') return stringInit(sema, type, lit, ctx, unknownBound);
  }
  const n = unknownBound ? items.length : length;
  if (unknownBound && n === 0) {
    sema.error(span, dt('cpp.sema.init.an-array-of-unknown-size-needs'));
    return null;
  }
  if (items.length > n) {
    sema.error(
      items[n]?.span ?? span,
      dt('cpp.sema.init.too-many-initializers-for-values-for', typeName(type), items.length, n),
    );
    return null;
  }
  const elements: Init[] = [];
  let ok = true;
  for (let k = 0; k < n; k++) {
    const item = items[k];
    if (item) {
      const init = elementInit(sema, element, item, ctx);
      if (!init) ok = false;
      else elements.push(init);
    } else {
      const v = valueInit(sema, element, span);
      if (!v) return null;
      elements.push(v);
    }
  }
  if (!ok) return null;
  const finalType =
    type.kind === 'array' && unknownBound ? { kind: 'array' as const, element, length: n } : type;
  return { kind: 'aggregate', type: finalType, elements, span };
}

function listInitRecord(sema: Sema, type: RecordType, list: InitListSyntax, ctx: InitContext): Init | null {
  const items = list.items;
  const span = list.span;
  const std = type.decl.std;
  if (std?.kind === 'array') {
    const element = std.args[0];
    const n = std.args[1];
    if (typeof element === 'number' || element === undefined || typeof n !== 'number') return null;
    // Brace elision: `std::array<T, N> a{{1, 2}}` and `a{1, 2}` mean the same.
    const inner = items.length === 1 && items[0]?.kind === 'init-list' ? items[0].items : items;
    return aggregateArray(sema, type, element, n, inner, ctx, span, false);
  }
  if (std) return listInitStd(sema, type, std.kind, items, ctx, span);
  const info = recordInfo(sema, type);
  if (!info) return null;
  if (items.length === 0) {
    const ctor = defaultConstructor(info);
    if (ctor && !ctor.method?.defaulted) return ctorInit(sema, type, ctor, [], span);
    return valueInit(sema, type, span);
  }
  if (hasUserConstructors(info)) {
    const args = items.map((i) => checkArg(sema, i));
    if (args.length === 1 && !isList(args[0] as InitArg)) {
      const only = args[0] as Expr;
      if (only.type.kind === 'record' && sameRecord(only.type.decl, type.decl))
        return initRecordFromExpr(sema, type, only, ctx, true);
    }
    const call = resolveCall(sema, constructors(info), args, { name: type.decl.name, span, list: true });
    return call ? ctorInit(sema, type, call.fn, call.args, span) : null;
  }
  const why = notAggregate(info);
  if (why) {
    sema.error(span, dt('cpp.sema.init.cannot-be-initialised-with', type.decl.name, why));
    return null;
  }
  if (items.length === 1 && items[0]?.kind !== 'init-list') {
    const only = checkExpr(sema, items[0] as ExprSyntax);
    if (only.type.kind === 'record' && sameRecord(only.type.decl, type.decl))
      return initRecordFromExpr(sema, type, only, ctx, true);
    return aggregateFields(sema, type, info, [only], ctx, span);
  }
  return aggregateFields(sema, type, info, items, ctx, span);
}

/** Why a class is not an aggregate (null when it is). */
function notAggregate(info: RecordInfo): string | null {
  if (info.decl.bases.length > 0)
    return 'aggregate initialisation of a class with base classes is not modelled by this simulator';
  if (info.decl.hasVirtualFunctions) return 'it has virtual functions';
  if (info.fields.some((f) => f.access !== 'public'))
    return 'it has private or protected data members (give it a constructor)';
  return null;
}

function aggregateFields(
  sema: Sema,
  type: RecordType,
  info: RecordInfo,
  items: (ExprSyntax | Expr)[],
  ctx: InitContext,
  span: Span,
): Init | null {
  const fields = info.fields;
  const limit = info.decl.tag === 'union' ? 1 : fields.length;
  if (items.length > limit) {
    sema.error(
      items[limit]?.span ?? span,
      dt('cpp.sema.init.too-many-initializers-for-values-for-2', type.decl.name, items.length, limit),
    );
    return null;
  }
  const elements: Init[] = [];
  let ok = true;
  fields.forEach((f, k) => {
    if (info.decl.tag === 'union' && k > 0) return;
    const item = items[k];
    let init: Init | null;
    if (!item) init = f.defaultInit ?? valueInit(sema, f.type, span);
    else if ('category' in item) init = initFromExpr(sema, f.type, item, ctx);
    else init = elementInit(sema, f.type, item, ctx);
    if (!init) ok = false;
    else elements.push(init);
  });
  return ok ? { kind: 'aggregate', type, elements, span } : null;
}

function listInitStd(
  sema: Sema,
  type: RecordType,
  kind: StdKind,
  items: ExprSyntax[],
  ctx: InitContext,
  span: Span,
): Init | null {
  if (items.length === 0)
    return kind === 'string' ? { kind: 'default', type, ctor: null, span } : { kind: 'zero', type, span };
  if (kind === 'vector') return listInitVector(sema, type, items, ctx, span);
  const args = items.map((i) => checkArg(sema, i));
  if (args.some(isList)) {
    sema.error(span, dt('cpp.sema.init.nested-braces-inside-the-initializer-of', type.decl.name));
    return null;
  }
  const exprs = args as Expr[];
  const only = exprs[0];
  if (exprs.length === 1 && only && only.type.kind === 'record' && sameRecord(only.type.decl, type.decl))
    return initRecordFromExpr(sema, type, only, ctx, true);
  return directInitStd(sema, type, kind, exprs, ctx, span);
}

/**
 * `std::vector<T> v{a, b, c}` / `= {a, b, c}`: the initializer_list constructor, each element
 * converted to T as copy-initialisation does (narrowing inside braces is an error, as in g++).
 */
function listInitVector(
  sema: Sema,
  type: RecordType,
  items: ExprSyntax[],
  ctx: InitContext,
  span: Span,
): Init | null {
  const elem = type.decl.std?.args[0];
  if (elem === undefined || typeof elem === 'number' || elem.kind === 'record') {
    sema.diags.unsupported(span, dt('cpp.sema.init.initialising-a-std-vector-of-class'));
    return null;
  }
  const args: Expr[] = [];
  for (const item of items) {
    const a = checkArg(sema, item);
    if (isList(a)) {
      sema.diags.unsupported(item.span, dt('cpp.sema.init.nested-braces-inside-the-initializer-of-2'));
      return null;
    }
    if (a.kind === 'error') return null;
    const r = convertScalar(a, elem);
    if ('error' in r) {
      sema.error(a.span, dt('cpp.sema.init.in', r.error, ctx.what));
      return null;
    }
    args.push(r.expr);
  }
  return { kind: 'std-ctor', type, std: 'vector', args, list: true, span };
}

// ------------------------------------------------------------------ direct-initialisation

/** Direct-initialisation `T x(args);` (also `T(args)` temporaries and `new T(args)`). */
export function directInit(
  sema: Sema,
  type: CType,
  args: InitArg[],
  ctx: InitContext,
  span: Span,
): Init | null {
  if (args.some((a) => a.kind === 'error')) return null;
  if (type.kind === 'record') {
    const only = args[0];
    if (args.length === 1 && only && !isList(only)) {
      const e = only;
      if (
        e.type.kind === 'record' &&
        (sameRecord(e.type.decl, type.decl) || isDerivedFrom(e.type.decl, type.decl))
      )
        return initRecordFromExpr(sema, type, e, ctx, true);
    }
    const std = type.decl.std;
    if (std) {
      if (args.some(isList)) {
        sema.error(span, dt('cpp.sema.init.braces-inside-the-initializer-of-are', type.decl.name));
        return null;
      }
      return directInitStd(sema, type, std.kind, args as Expr[], ctx, span);
    }
    const info = recordInfo(sema, type);
    if (!info) return null;
    if (args.length === 0) return valueInit(sema, type, span);
    const ctors = constructors(info);
    if (ctors.length === 0) {
      sema.error(
        span,
        dt(
          'cpp.sema.init.has-no-constructor-taking-argument-initialise',
          type.decl.name,
          args.length,
          dt(args.length === 1 ? 'codon.empty' : 'codon.plural-s'),
        ),
      );
      return null;
    }
    const call = resolveCall(sema, ctors, args, { name: type.decl.name, span });
    return call ? ctorInit(sema, type, call.fn, call.args, span) : null;
  }
  if (type.kind === 'array') {
    sema.error(span, dt('cpp.sema.init.an-array-cannot-be-initialised-with'));
    return null;
  }
  if (args.length === 0) return valueInit(sema, type, span);
  if (args.length > 1) {
    sema.error(
      args[1]?.span ?? span,
      dt('cpp.sema.init.is-initialised-with-one-value-not', typeName(type), args.length, ctx.what),
    );
    return null;
  }
  return initFromArg(sema, type, args[0] as InitArg, ctx);
}

/**
 * A library class built from arguments: `unique_ptr<T>(p)`, `pair<A,B>(a, b)`, `complex<double>(re, im)`;
 * one the interpreter cannot build (MODELLED_STD_CONSTRUCTORS) is refused here, not mid-run.
 */
function directInitStd(
  sema: Sema,
  type: RecordType,
  kind: StdKind,
  args: Expr[],
  ctx: InitContext,
  span: Span,
): Init | null {
  const init = directInitStdAnyway(sema, type, kind, args, ctx, span);
  const built = init?.kind === 'std-ctor' || (init?.kind === 'default' && UNMODELLED_STD_OBJECTS.has(kind));
  if (init && built && !MODELLED_STD_CONSTRUCTORS.has(kind)) {
    sema.diags.unsupported(
      span,
      dt(
        'cpp.sema.init.constructing-a-from',
        typeName(type),
        dt(args.length === 0 ? 'cpp.nothing' : 'cpp.these-arguments'),
      ),
    );
    return null;
  }
  return init;
}

function directInitStdAnyway(
  sema: Sema,
  type: RecordType,
  kind: StdKind,
  args: Expr[],
  ctx: InitContext,
  span: Span,
): Init | null {
  const targs = type.decl.std?.args ?? [];
  const arg0 = targs[0];
  const elem = typeof arg0 === 'number' ? undefined : arg0;
  const convertAll = (types: CType[]): Expr[] | null => {
    if (types.length !== args.length) {
      sema.error(
        span,
        dt(
          'cpp.sema.init.is-built-from-value-here-not',
          type.decl.name,
          types.length,
          dt(types.length === 1 ? 'codon.empty' : 'codon.plural-s'),
          args.length,
        ),
      );
      return null;
    }
    const out: Expr[] = [];
    for (let k = 0; k < args.length; k++) {
      const t = types[k] as CType;
      const a = args[k] as Expr;
      if (t.kind === 'record') {
        sema.error(a.span, dt('cpp.sema.init.building-from-class-values-is-not', type.decl.name));
        return null;
      }
      const r = convertScalar(a, t);
      if ('error' in r) {
        sema.error(a.span, dt('cpp.sema.init.in', r.error, ctx.what));
        return null;
      }
      out.push(r.expr);
    }
    return out;
  };
  if (args.length === 0)
    return kind === 'string' ? { kind: 'default', type, ctor: null, span } : { kind: 'zero', type, span };
  switch (kind) {
    case 'unique_ptr':
    case 'shared_ptr': {
      const only = args[0] as Expr;
      if (args.length === 1 && isNullPointerConstant(only)) return { kind: 'zero', type, span };
      if (!elem) return null;
      const pointee = elem.kind === 'array' ? elem.element : elem;
      if (kind === 'shared_ptr' && elem.kind === 'array') {
        sema.diags.unsupported(span, dt('cpp.sema.init.std-shared-ptr-of-an-array'));
        return null;
      }
      const ex = convertAll([ptrTo(pointee)]);
      return ex ? { kind: 'std-ctor', type, std: kind, args: ex, span } : null;
    }
    case 'pair': {
      const ex = convertAll(targs.filter((t): t is CType => typeof t !== 'number'));
      return ex ? { kind: 'std-ctor', type, std: kind, args: ex, span } : null;
    }
    case 'tuple': {
      const ex = convertAll(targs.filter((t): t is CType => typeof t !== 'number'));
      return ex ? { kind: 'std-ctor', type, std: kind, args: ex, span } : null;
    }
    case 'optional': {
      if (!elem) return null;
      const ex = convertAll([elem]);
      return ex ? { kind: 'std-ctor', type, std: kind, args: ex, span } : null;
    }
    case 'complex': {
      if (!elem) return null;
      const ex = convertAll(args.length === 2 ? [elem, elem] : [elem]);
      return ex ? { kind: 'std-ctor', type, std: kind, args: ex, span } : null;
    }
    case 'string': {
      const only = args[0] as Expr;
      if (args.length === 1 && only.type.kind !== 'record') {
        const ex = convertAll([ptrTo({ kind: 'int', name: 'char' }, true)]);
        return ex ? { kind: 'std-ctor', type, std: kind, args: ex, span } : null;
      }
      break;
    }
    case 'vector': {
      if (!elem) return null;
      if (elem.kind === 'record') {
        // The interpreter's vectors hold scalars (as in stdlib.ts's methods): refused here, not mid-run.
        sema.diags.unsupported(
          span,
          dt('cpp.sema.init.a-std-vector-of-class-objects', typeName(elem)),
          dt('cpp.sema.init.use-an-array-of-the-class'),
        );
        return null;
      }
      const range = args.length === 2 ? vectorRange(sema, elem, args as Expr[], span) : undefined;
      if (range === null) return null;
      if (range) return { kind: 'std-ctor', type, std: kind, args: range, range: true, span };
      if (args.length <= 2) {
        const types: CType[] =
          args.length === 1
            ? [{ kind: 'int', name: 'unsigned long' }]
            : [{ kind: 'int', name: 'unsigned long' }, elem];
        const ex = convertAll(types);
        return ex ? { kind: 'std-ctor', type, std: kind, args: ex, span } : null;
      }
      break;
    }
    case 'array':
      sema.error(span, dt('cpp.sema.init.std-array-is-an-aggregate-initialise'));
      return null;
    default:
      break;
  }
  sema.diags.unsupported(span, dt('cpp.sema.init.this-way-of-constructing', type.decl.name));
  return null;
}

/**
 * `std::vector<T> v(first, last)` with two pointers (what begin()/end() of an array, a std::array
 * or a vector give here): the iterator-range constructor, which copies [first, last). undefined when
 * the arguments are not two pointers (then it is `(n, value)`); null after a refusal.
 */
function vectorRange(sema: Sema, elem: CType, args: Expr[], span: Span): Expr[] | null | undefined {
  const ptrs = args.map(toRvalue);
  if (!ptrs.every((p) => p.type.kind === 'pointer')) return undefined;
  const [first, last] = ptrs as [Expr, Expr];
  const pointee = (first.type as PointerType).pointee;
  if (!sameType(pointee, (last.type as PointerType).pointee) || !sameType(pointee, elem)) {
    sema.diags.unsupported(span, dt('cpp.sema.init.building-a-std-vector-from-a', typeName(elem)));
    return null;
  }
  return [first, last];
}

function stdCtor(sema: Sema, type: RecordType, args: Expr[], ctx: InitContext): Init | null {
  const kind = type.decl.std?.kind;
  if (!kind) return null;
  return directInitStd(sema, type, kind, args, ctx, args[0]?.span ?? ctx.span);
}

function ctorInit(sema: Sema, type: RecordType, ctor: FunctionDecl, args: Init[], span: Span): Init | null {
  if (ctor.method?.deleted) {
    sema.error(span, dt('cpp.sema.init.use-of-a-deleted-constructor-of', type.decl.name));
    return null;
  }
  if (ctor.method?.defaulted && ctor.method.special === 'default-ctor')
    return { kind: 'default', type, ctor: null, span };
  return { kind: 'ctor', type, ctor, args, span };
}

function defaultConstructor(info: RecordInfo): FunctionDecl | undefined {
  return constructors(info).find((f) => f.method?.special === 'default-ctor');
}

// ------------------------------------------------------------------ default- and value-initialisation

/** No initializer: class objects run their default constructor; scalars stay indeterminate. */
export function defaultInit(sema: Sema, type: CType, span: Span, name: string): Init | null {
  if (type.kind === 'reference') {
    sema.error(span, dt('cpp.sema.init.the-reference-must-be-initialised', name));
    return null;
  }
  if (type.kind === 'record') {
    if (type.decl.incomplete) {
      sema.error(span, dt('cpp.sema.init.has-the-incomplete-type-declared-but', name, type.decl.name));
      return null;
    }
    if (type.decl.std) {
      if (UNMODELLED_STD_OBJECTS.has(type.decl.std.kind)) {
        sema.diags.unsupported(span, dt('cpp.sema.init.a-object', typeName(type)));
        return null;
      }
      return { kind: 'default', type, ctor: null, span };
    }
    const info = recordInfo(sema, type);
    if (!info) return { kind: 'default', type, ctor: null, span };
    const ctors = constructors(info);
    const dflt = defaultConstructor(info);
    if (!dflt && ctors.length > 0) {
      sema.error(span, dt('cpp.sema.init.has-no-default-constructor-so-needs', type.decl.name, name));
      return null;
    }
    if (dflt?.method?.deleted) {
      sema.error(span, dt('cpp.sema.init.the-default-constructor-of-is-deleted', type.decl.name, name));
      return null;
    }
    return { kind: 'default', type, ctor: dflt && !dflt.method?.defaulted ? dflt : null, span };
  }
  if (type.kind === 'array' && type.element.kind === 'record') {
    const inner = defaultInit(sema, type.element, span, name);
    if (!inner) return null;
  }
  return { kind: 'default', type, ctor: null, span };
}

/** Value-initialisation (`T{}`, `T()`, missing elements of a braced list): zero, or a user default constructor. */
export function valueInit(sema: Sema, type: CType, span: Span): Init | null {
  if (type.kind === 'reference') {
    sema.error(span, dt('cpp.sema.init.a-reference-member-must-be-initialised'));
    return null;
  }
  if (type.kind === 'record') {
    if (type.decl.std)
      return type.decl.std.kind === 'string'
        ? { kind: 'default', type, ctor: null, span }
        : { kind: 'zero', type, span };
    const info = recordInfo(sema, type);
    if (!info) return { kind: 'zero', type, span };
    const dflt = defaultConstructor(info);
    if (dflt && !dflt.method?.defaulted) {
      if (dflt.method?.deleted) {
        sema.error(span, dt('cpp.sema.init.the-default-constructor-of-is-deleted-2', type.decl.name));
        return null;
      }
      return {
        kind: 'ctor',
        type,
        ctor: dflt,
        args: dflt.defaultArgs.filter((a): a is Init => a !== null),
        span,
      };
    }
    if (!dflt && constructors(info).length > 0) {
      sema.error(span, dt('cpp.sema.init.has-no-default-constructor', type.decl.name));
      return null;
    }
    if (needsMemberwise(sema, type)) {
      const elements: Init[] = [];
      for (const f of info.fields) {
        const init = f.defaultInit ?? valueInit(sema, f.type, span);
        if (!init) return null;
        elements.push(init);
      }
      return { kind: 'aggregate', type, elements, span };
    }
    return { kind: 'zero', type, span };
  }
  if (type.kind === 'array' && type.element.kind === 'record' && needsMemberwise(sema, type.element)) {
    const elements: Init[] = [];
    for (let k = 0; k < type.length; k++) {
      const init = valueInit(sema, type.element, span);
      if (!init) return null;
      elements.push(init);
    }
    return { kind: 'aggregate', type, elements, span };
  }
  return { kind: 'zero', type, span };
}

/** Whether value-initialising the class must do more than zero its bytes (member initializers, constructors). */
function needsMemberwise(sema: Sema, type: RecordType, depth = 0): boolean {
  if (depth > 16 || type.decl.std) return type.decl.std?.kind === 'string';
  const info = recordInfo(sema, type);
  if (!info) return false;
  if (defaultConstructor(info) && !defaultConstructor(info)?.method?.defaulted) return true;
  return info.fields.some((f) => {
    if (f.defaultInit) return true;
    let t = f.type;
    while (t.kind === 'array') t = t.element;
    return t.kind === 'record' && needsMemberwise(sema, t, depth + 1);
  });
}

// ------------------------------------------------------------------ auto

/**
 * `auto x = e;` (and `auto&`, `const auto&`, `auto*`, `auto x{e}`): deduces the type from the
 * initializer ([dcl.type.auto.deduct]) and builds the init from the same checked expression.
 */
export function initAuto(
  sema: Sema,
  specs: DeclSpecs,
  idecl: InitDeclarator,
  span: Span,
): { type: CType; const: boolean; init: Init | null } | null {
  const name = idecl.declarator.name?.parts.map((p) => p.name).join('::') ?? '';
  const s = idecl.init;
  let source: ExprSyntax | null = null;
  if (!s) {
    sema.error(span, dt('cpp.sema.init.is-declared-auto-but-has-no', name));
    return null;
  }
  if (s.kind === 'equals') source = s.expr;
  else if (s.kind === 'braced' && s.list.items.length === 1) source = s.list.items[0] ?? null;
  else if (s.kind === 'paren' && s.args.length === 1 && s.args[0]?.kind !== 'init-list')
    source = s.args[0] as ExprSyntax;
  else {
    sema.error(
      s.span,
      dt(
        'cpp.sema.init.cannot-deduce-the-type-of-from',
        name,
        dt(s.kind === 'equals-list' ? 'cpp.hint.initializer-list' : 'codon.empty'),
      ),
    );
    return null;
  }
  if (!source || source.kind === 'init-list') {
    sema.error(s.span, dt('cpp.sema.init.cannot-deduce-the-type-of-from-2', name));
    return null;
  }
  const e = checkExpr(sema, source);
  if (e.kind === 'error') return null;
  if (e.type.kind === 'void') {
    sema.error(e.span, dt('cpp.sema.init.cannot-be-deduced-from-a-void', name));
    return null;
  }
  const first = idecl.declarator.ops[0];
  let base: QualType;
  if (first?.kind === 'pointer') {
    const r = toRvalue(e);
    if (r.type.kind !== 'pointer') {
      sema.error(e.span, dt('cpp.sema.init.auto-needs-a-pointer-but-the', typeName(e.type)));
      return null;
    }
    base = { type: r.type.pointee, const: specs.const || Boolean(r.type.pointeeConst) };
  } else if (first?.kind === 'reference' && first.rvalue && e.category === 'lvalue') {
    // `auto&& x = lvalue` is a forwarding reference: it becomes an lvalue reference.
    const ref: RefType = {
      kind: 'reference',
      referent: e.type,
      rvalue: false,
      ...(e.isConst ? { referentConst: true } : {}),
    };
    const init = bindReference(sema, ref, e, { what: dt('cpp.ctx.initialization', name), span });
    return { type: ref, const: false, init };
  } else if (first?.kind === 'reference') {
    base = { type: e.type, const: specs.const || Boolean(e.isConst) };
  } else {
    const r = isGlvalue(e) && (e.type.kind === 'array' || e.type.kind === 'function') ? toRvalue(e) : e;
    base = { type: r.type, const: specs.const };
  }
  const d = applyDeclarator(sema, base, {
    ...idecl.declarator,
    ops: first?.kind === 'pointer' ? idecl.declarator.ops : idecl.declarator.ops,
  });
  if (!d) return null;
  const ctx: InitContext = {
    what: dt('cpp.ctx.initialization', name),
    span,
    ...(s.kind === 'braced' ? { list: true } : {}),
  };
  const init = initFromExpr(sema, d.type, e, ctx);
  return { type: d.type, const: d.const, init };
}

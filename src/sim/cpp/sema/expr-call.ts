/**
 * Calls: free functions (with overload resolution), member functions (with `this`, `const` and
 * virtual dispatch), calls through function pointers, and library functions.
 */
import { dt } from '../../diag';
import type { CType } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { Expr, FunctionDecl, Init } from '../ast';
import type { ExprSyntax } from '../syntax';
import type { Sema } from './context';
import { MODELLED_INDIRECT_CALLS, MODELLED_VIRTUAL_DISPATCH } from './modelled-library';
import { checkExpr, implicitThis, memberObject } from './expr';
import { checkArg, materialize, type InitArg } from './init';
import { lookupInClass, lookupQualified } from './lookup';
import { errorExpr, isGlvalue, toRvalue } from './make';
import { resolveCall, variadicArg } from './overload';
import { checkLibraryCall, checkStdMethodCall } from './stdlib';
import { instanceForCall } from './templates';
import { typeName } from './types';

/** The result of calling a function returning `ret`: references give glvalues of the referent. */
export function callResult(ret: CType): { type: CType; category: Expr['category']; isConst?: boolean } {
  if (ret.kind === 'reference') {
    const isConst = Boolean((ret as { referentConst?: boolean }).referentConst);
    return {
      type: ret.referent,
      category: ret.rvalue ? 'xvalue' : 'lvalue',
      ...(isConst ? { isConst } : {}),
    };
  }
  return { type: ret, category: 'prvalue' };
}

function directCall(fn: FunctionDecl, args: Init[], span: Span): Expr {
  return { kind: 'call', function: fn, args, ...callResult(fn.returnType), span };
}

export function checkCall(sema: Sema, e: Extract<ExprSyntax, { kind: 'call' }>): Expr {
  const callee = e.callee.kind === 'paren' && e.callee.expr.kind === 'name' ? e.callee.expr : e.callee;
  if (callee.kind === 'name') return callByName(sema, callee, e);
  if (callee.kind === 'member') return callMember(sema, callee, e);
  const f = checkExpr(sema, callee);
  if (f.kind === 'error') return f;
  return callThroughPointer(
    sema,
    f,
    e.args.map((a) => checkArg(sema, a)),
    e.span,
  );
}

function callByName(
  sema: Sema,
  callee: Extract<ExprSyntax, { kind: 'name' }>,
  e: Extract<ExprSyntax, { kind: 'call' }>,
): Expr {
  const qn = callee.name;
  const last = qn.parts[qn.parts.length - 1];
  const hit = lookupQualified(sema, qn);
  const text = qn.parts.map((p) => p.name).join('::');
  if (!hit) {
    sema.unknownName(callee.span, text);
    e.args.forEach((a) => checkArg(sema, a));
    return errorExpr(e.span);
  }
  if (hit.kind === 'std' || hit.kind === 'c-function') {
    return checkLibraryCall(
      sema,
      hit.name,
      hit.kind === 'std',
      last?.templateArgs,
      e.args,
      callee.span,
      e.span,
    );
  }
  if (hit.kind === 'type') {
    sema.error(callee.span, dt('cpp.sema.expr-call.is-a-type-to-build-a', text));
    return errorExpr(e.span);
  }
  if (hit.kind === 'template') {
    const args = e.args.map((a) => checkArg(sema, a));
    if (hit.template.kind === 'class') {
      sema.diags.unsupported(
        callee.span,
        dt('cpp.sema.expr-call.deducing-the-template-arguments-of-the', text),
        dt('cpp.sema.expr-call.write-them-as-in', text),
      );
      return errorExpr(e.span);
    }
    const fn = instanceForCall(sema, hit.template, last?.templateArgs, args, callee.span);
    if (!fn) return errorExpr(e.span);
    const call = resolveCall(sema, [fn], args, { name: fn.name, span: callee.span });
    if (!call) return errorExpr(e.span);
    return directCall(call.fn, call.args, e.span);
  }
  if (hit.kind === 'functions') {
    const args = e.args.map((a) => checkArg(sema, a));
    const call = resolveCall(sema, hit.decls, args, { name: text, span: callee.span });
    if (!call) return errorExpr(e.span);
    const fn = call.fn;
    if (fn.method && !fn.method.static) {
      const self = implicitThis(sema, callee.span, fn.name);
      if (!self) return errorExpr(e.span);
      return methodCall(sema, fn, self, call.args, e.span);
    }
    return directCall(fn, call.args, e.span);
  }
  const f = checkExpr(sema, callee);
  if (f.kind === 'error') return f;
  return callThroughPointer(
    sema,
    f,
    e.args.map((a) => checkArg(sema, a)),
    e.span,
  );
}

/** Whether an object's dynamic type is its static type: a named object (not a reference), or a member of one. */
function dynamicTypeKnown(e: Expr): boolean {
  if (e.kind === 'var-ref') return !e.throughReference;
  if (e.kind === 'member') return dynamicTypeKnown(e.object);
  return e.kind === 'materialize';
}

function methodCall(sema: Sema, fn: FunctionDecl, object: Expr, args: Init[], span: Span): Expr {
  if (fn.method?.kind === 'constructor' || fn.method?.kind === 'destructor') {
    sema.error(span, dt('cpp.sema.expr-call.a-cannot-be-called-like-a', fn.method.kind));
    return errorExpr(span);
  }
  if (object.isConst && !fn.method?.const) {
    sema.error(span, dt('cpp.sema.expr-call.is-not-a-const-member-function', fn.name, typeName(object.type)));
    return errorExpr(span);
  }
  if (fn.method?.virtual && !MODELLED_VIRTUAL_DISPATCH && !dynamicTypeKnown(object)) {
    // The interpreter calls the function the static type names; through a base reference or
    // pointer g++ calls the override instead: refuse rather than run the wrong function.
    sema.diags.unsupported(
      span,
      dt('cpp.sema.expr-call.calling-a-virtual-function-through-a'),
      dt('cpp.sema.expr-call.call-it-on-the-object-itself'),
    );
    return errorExpr(span);
  }
  return {
    kind: 'method-call',
    method: fn,
    object: isGlvalue(object) ? object : materialize(object),
    args,
    virtual: Boolean(fn.method?.virtual),
    ...callResult(fn.returnType),
    span,
  };
}

function callMember(
  sema: Sema,
  callee: Extract<ExprSyntax, { kind: 'member' }>,
  e: Extract<ExprSyntax, { kind: 'call' }>,
): Expr {
  const object = memberObject(sema, callee.object, callee.arrow, callee.span);
  const name = callee.name.parts[callee.name.parts.length - 1]?.name ?? '';
  if (object.kind === 'error') {
    e.args.forEach((a) => checkArg(sema, a));
    return object;
  }
  const t = object.type;
  if (t.kind !== 'record') {
    sema.error(
      callee.name.span,
      dt(
        'cpp.sema.expr-call.is-not-a-class-so-it',
        typeName(t),
        name,
        dt(t.kind === 'pointer' ? 'cpp.hint.use-arrow' : 'codon.empty'),
      ),
    );
    return errorExpr(e.span);
  }
  const args = e.args.map((a) => checkArg(sema, a));
  if (t.decl.std) {
    if (args.some((a) => a.kind === 'init-list' && !('type' in a))) {
      sema.error(e.span, dt('cpp.sema.expr-call.braced-arguments-to-are-not-modelled', name));
      return errorExpr(e.span);
    }
    return checkStdMethodCall(sema, object, name, args as Expr[], e.span);
  }
  const scope = sema.classScopes.get(t.decl);
  const hit = scope ? lookupInClass(sema, scope, name) : undefined;
  if (!hit && sema.diags.refusedNames.has(name)) {
    // A member the simulator refused where it was written (a member template): part of that refusal.
    sema.diags.refusals++;
    return errorExpr(e.span);
  }
  if (hit?.kind !== 'functions') {
    sema.error(
      callee.name.span,
      hit
        ? dt('cpp.sema.expr-call.is-not-a-member-function-of', name, t.decl.name)
        : dt('cpp.sema.expr-call.has-no-member-function', t.decl.name, name),
    );
    return errorExpr(e.span);
  }
  const call = resolveCall(sema, hit.decls, args, {
    name: `${t.decl.name}::${name}`,
    span: callee.name.span,
  });
  if (!call) return errorExpr(e.span);
  if (call.fn.method?.static) return directCall(call.fn, call.args, e.span);
  return methodCall(sema, call.fn, object, call.args, e.span);
}

function callThroughPointer(sema: Sema, f: Expr, args: InitArg[], span: Span): Expr {
  const p = toRvalue(f);
  const ft = p.type.kind === 'pointer' ? p.type.pointee : null;
  if (!ft || ft.kind !== 'function') {
    sema.error(span, dt('cpp.sema.expr-call.is-not-a-function-and-cannot', typeName(f.type)));
    return errorExpr(span);
  }
  if (args.length < ft.params.length || (args.length > ft.params.length && !ft.variadic)) {
    sema.error(
      span,
      dt(
        'cpp.sema.expr-call.the-function-pointer-takes-argument-but',
        ft.params.length,
        dt(ft.params.length === 1 ? 'codon.empty' : 'codon.plural-s'),
        args.length,
      ),
    );
    return errorExpr(span);
  }
  const inits: Init[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as InitArg;
    const pt = ft.params[k];
    const init = pt
      ? initFromArgLazy(sema, pt, a, k)
      : variadicArg(sema, a as Expr, dt('cpp.sema.expr-call.argument', k + 1));
    if (!init) return errorExpr(span);
    inits.push(init);
  }
  // The interpreter moves scalars and pointers through a function pointer's registers; a class
  // by value (its eightbytes, or memory) and variadic arguments are not followed.
  const byValue = [...ft.params, ft.returnType].some((t) => !isScalarForIndirectCall(t));
  if (byValue || ft.variadic) {
    sema.diags.unsupported(
      span,
      ft.variadic
        ? dt('cpp.sema.expr-call.a-call-through-a-pointer-to')
        : dt('cpp.sema.expr-call.a-call-through-a-function-pointer'),
      dt('cpp.sema.expr-call.pass-a-pointer-to-it-instead'),
    );
    return errorExpr(span);
  }
  if (!MODELLED_INDIRECT_CALLS) {
    // The interpreter does not follow calls through function pointers: refuse it here, not mid-run.
    sema.diags.unsupported(
      span,
      dt('cpp.sema.expr-call.a-call-through-a-function-pointer-2'),
      dt('cpp.sema.expr-call.call-the-function-by-its-name'),
    );
    return errorExpr(span);
  }
  return {
    kind: 'indirect-call',
    callee: p,
    functionType: ft,
    args: inits,
    ...callResult(ft.returnType),
    span,
  };
}

import { initFromArg } from './init';
/** A parameter or result type a call through a function pointer moves in one register (or none). */
function isScalarForIndirectCall(t: CType): boolean {
  return (
    t.kind === 'void' ||
    t.kind === 'int' ||
    t.kind === 'float' ||
    t.kind === 'pointer' ||
    t.kind === 'enum' ||
    t.kind === 'reference'
  );
}
function initFromArgLazy(sema: Sema, t: CType, a: InitArg, k: number): Init | null {
  return initFromArg(sema, t, a, { what: dt('cpp.ctx.argument', k + 1), span: a.span, argument: true });
}

/**
 * Expression checking: every syntax node becomes a typed node with its type and value category,
 * conversions made explicit. Dispatch is through a handler table keyed by the syntax kind; the
 * operators live in expr-ops.ts, calls in expr-call.ts, the library in stdlib.ts.
 */
import { dt } from '../../diag';
import type { CType, IntName, RecordDecl, RecordType } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { Expr, FieldInfo, Init, RecordInfo, VarDecl } from '../ast';
import type { ExprSyntax, QualifiedName } from '../syntax';
import type { Sema } from './context';
import { convertScalar, type ConversionKind } from './conversions';
import { checkCall } from './expr-call';
import { checkAssign, checkBinary, checkUnary, checkPostfix } from './expr-ops';
import { checkArg, directInit, listInit, materialize, recordInfo } from './init';
import { lookupInClass, lookupQualified } from './lookup';
import { cast, errorExpr, intLiteral, isGlvalue, toRvalue } from './make';
import { resolveTypeId } from './resolve-type';
import { checkStdMember, checkStdMethodCall, modelledStdMethod } from './stdlib';
import {
  BOOL,
  CHAR,
  DOUBLE,
  FLOAT,
  INT,
  SIZE_T,
  intT,
  isArithmetic,
  isCompleteObjectType,
  isDerivedFrom,
  ptrTo,
  sameType,
  typeName,
  usualArithmetic,
  type RefType,
} from './types';

type Handler<K extends ExprSyntax['kind']> = (sema: Sema, e: Extract<ExprSyntax, { kind: K }>) => Expr;

const MAX_DEPTH = 400;

/** Checks an expression; never throws (errors become diagnostics and `error` nodes). */
export function checkExpr(sema: Sema, e: ExprSyntax): Expr {
  if (sema.exprDepth > MAX_DEPTH) {
    sema.error(e.span, dt('cpp.sema.expr.this-expression-is-nested-too-deeply'));
    return errorExpr(e.span);
  }
  sema.exprDepth++;
  try {
    const h = HANDLERS[e.kind] as Handler<typeof e.kind>;
    return h(sema, e as never);
  } finally {
    sema.exprDepth--;
  }
}

/** A condition (`if`, `while`, `!`, `&&`): contextually converted to bool. */
export function checkCondition(sema: Sema, e: ExprSyntax): Expr {
  return toBool(sema, checkExpr(sema, e));
}

export function toBool(sema: Sema, e: Expr): Expr {
  if (e.kind === 'error') return e;
  if (e.type.kind === 'record') {
    const std = e.type.decl.std?.kind;
    if (std === 'shared_ptr' || std === 'unique_ptr' || std === 'optional') {
      if (!modelledStdMethod(sema, std, 'operator bool', `std::${std}::operator bool`, e.span))
        return errorExpr(e.span);
      return {
        kind: 'std-method',
        std,
        method: 'operator bool',
        record: e.type.decl,
        object: isGlvalue(e) ? e : materialize(e),
        args: [],
        type: BOOL,
        category: 'prvalue',
        span: e.span,
      };
    }
  }
  const r = convertScalar(e, BOOL, 'contextual');
  if ('error' in r) {
    sema.cannotConvertRecord(
      e.span,
      e.type,
      dt('cpp.sema.expr.cannot-be-used-as-a-condition', typeName(e.type)),
    );
    return errorExpr(e.span);
  }
  return r.expr;
}

// ------------------------------------------------------------------ literals

/**
 * Candidates for an integer literal's type, in order: name, largest value, the most `l`s the
 * suffix may have, only for unsigned-or-non-decimal literals, only without a `u` suffix.
 */
const LITERAL_CANDIDATES: readonly [IntName, bigint, number, boolean, boolean][] = [
  ['int', 0x7fffffffn, 0, false, true],
  ['unsigned int', 0xffffffffn, 0, true, false],
  ['long', 0x7fffffffffffffffn, 1, false, true],
  ['unsigned long', 0xffffffffffffffffn, 1, true, false],
  ['long long', 0x7fffffffffffffffn, 2, false, true],
  ['unsigned long long', 0xffffffffffffffffn, 2, true, false],
];

/** The type of an integer literal ([lex.icon]): the first of int, long, long long (and unsigned for hex/octal) that fits. */
function intLiteralType(v: bigint, unsigned: boolean, longs: number, decimal: boolean): CType | null {
  for (const [name, max, minLongs, needsUnsigned, needsSigned] of LITERAL_CANDIDATES) {
    if (longs > minLongs) continue;
    if (needsUnsigned && !unsigned && decimal) continue;
    if (needsSigned && unsigned) continue;
    if (v <= max) return intT(name);
  }
  return null;
}

const LITERAL: Handler<'literal'> = (sema, e) => {
  const v = e.value;
  switch (v.kind) {
    case 'int': {
      const t = intLiteralType(v.value, v.unsigned, v.longs, v.decimal);
      if (!t) {
        sema.warning(e.span, dt('cpp.sema.expr.the-integer-constant-is-so-large', e.text));
        return intLiteral(v.value, intT('unsigned long'), e.span);
      }
      return intLiteral(v.value, t, e.span);
    }
    case 'float':
      return {
        kind: 'float-literal',
        value: v.value,
        type: v.suffix === 'f' ? FLOAT : v.suffix === 'l' ? { kind: 'float', name: 'long double' } : DOUBLE,
        category: 'prvalue',
        span: e.span,
      };
    case 'char': {
      const t: CType = v.multi
        ? INT
        : v.prefix === 'u'
          ? intT('char16_t')
          : v.prefix === 'U'
            ? intT('char32_t')
            : v.prefix === 'L'
              ? intT('wchar_t')
              : CHAR;
      const value = t === CHAR && v.value > 127 ? BigInt(v.value) - 256n : BigInt(v.value);
      return intLiteral(value, t, e.span);
    }
    case 'string':
      return stringLiteral(e.value as Extract<typeof v, { kind: 'string' }>, e.span);
  }
};

function stringLiteral(v: { value: string; units: number[]; prefix: string }, span: Span): Expr {
  const element: CType =
    v.prefix === 'u'
      ? intT('char16_t')
      : v.prefix === 'U'
        ? intT('char32_t')
        : v.prefix === 'L'
          ? intT('wchar_t')
          : CHAR;
  return {
    kind: 'string-literal',
    value: v.value,
    units: v.units,
    type: { kind: 'array', element, length: v.units.length + 1 },
    category: 'lvalue',
    isConst: true,
    span,
  };
}

// ------------------------------------------------------------------ names

/** A reference to a variable: references denote their referent. */
export function varRef(v: VarDecl, span: Span): Expr {
  const isRef = v.type.kind === 'reference';
  const type = v.type.kind === 'reference' ? v.type.referent : v.type;
  const isConst = isRef ? Boolean((v.type as RefType).referentConst) : v.const;
  return {
    kind: 'var-ref',
    variable: v,
    throughReference: isRef,
    type,
    // A named variable is an lvalue even when it is an rvalue reference.
    category: 'lvalue',
    ...(isConst ? { isConst: true } : {}),
    span,
  };
}

function qualifiedText(qn: QualifiedName): string {
  return (qn.global ? '::' : '') + qn.parts.map((p) => p.name).join('::');
}

/** `this`, as the object of an implicit member access. */
export function implicitThis(sema: Sema, span: Span, what: string): Expr | null {
  const fn = sema.fn;
  if (!fn?.thisType) {
    sema.error(span, dt('cpp.sema.expr.is-a-member-and-can-only', what));
    return null;
  }
  if (fn.decl.method?.static) {
    sema.error(span, dt('cpp.sema.expr.cannot-be-used-in-the-static', what, fn.decl.name));
    return null;
  }
  const self: Expr = { kind: 'this', type: fn.thisType, category: 'prvalue', span };
  return deref(self, span);
}

export function deref(p: Expr, span: Span): Expr {
  const t = p.type;
  if (t.kind !== 'pointer') return errorExpr(span);
  return {
    kind: 'deref',
    operand: p,
    type: t.pointee,
    category: 'lvalue',
    ...(t.pointeeConst ? { isConst: true } : {}),
    span,
  };
}

const NAME: Handler<'name'> = (sema, e) => {
  const qn = e.name;
  const hit = lookupQualified(sema, qn);
  const text = qualifiedText(qn);
  if (!hit) {
    sema.unknownName(e.span, text);
    return errorExpr(e.span);
  }
  switch (hit.kind) {
    case 'var':
      return varRef(hit.decl, e.span);
    case 'enumerator':
      return {
        kind: 'enumerator',
        value: hit.value,
        name: hit.name,
        type: hit.type,
        category: 'prvalue',
        span: e.span,
      };
    case 'field': {
      const self = implicitThis(sema, e.span, hit.field.name);
      if (!self) return errorExpr(e.span);
      return memberOf(sema, self, hit.field.name, e.span) ?? errorExpr(e.span);
    }
    case 'functions': {
      const only = hit.decls[0];
      if (hit.decls.length !== 1 || !only) {
        sema.error(e.span, dt('cpp.sema.expr.is-overloaded-which-one-is-meant', text));
        return errorExpr(e.span);
      }
      if (only.method && !only.method.static) {
        sema.error(e.span, dt('cpp.sema.expr.the-member-function-must-be-called', text));
        return errorExpr(e.span);
      }
      return { kind: 'function-ref', function: only, type: only.type, category: 'lvalue', span: e.span };
    }
    case 'type':
    case 'global-typedef':
      sema.error(e.span, dt('cpp.sema.expr.is-a-type-not-a-value', text));
      return errorExpr(e.span);
    case 'namespace':
      sema.error(e.span, dt('cpp.sema.expr.is-a-namespace-not-a-value', text));
      return errorExpr(e.span);
    case 'template':
      if (hit.template.kind === 'class')
        sema.error(e.span, dt('cpp.sema.expr.is-a-class-template-not-a', text));
      else
        sema.diags.unsupported(
          e.span,
          dt('cpp.sema.expr.naming-the-function-template-without-calling', text),
        );
      return errorExpr(e.span);
    case 'std':
      if (hit.name === 'cout' || hit.name === 'cerr' || hit.name === 'endl')
        sema.error(e.span, dt('cpp.sema.expr.std-can-only-be-used-in', hit.name));
      else
        sema.error(
          e.span,
          dt(
            'cpp.sema.expr.std-is-not-a-value-the',
            hit.name,
            dt(/^[a-z_]+$/.test(hit.name) ? 'cpp.hint.call-it' : 'codon.empty'),
          ),
        );
      return errorExpr(e.span);
    case 'c-function':
      sema.error(e.span, dt('cpp.sema.expr.the-library-function-can-only-be', hit.name));
      return errorExpr(e.span);
    default:
      sema.error(e.span, dt('cpp.sema.expr.cannot-be-used-here', text));
      return errorExpr(e.span);
  }
};

// ------------------------------------------------------------------ members

/** Finds a data member in a class or its bases, with the chain of bases to reach it. */
export function findField(
  sema: Sema,
  decl: RecordDecl,
  name: string,
  depth = 0,
): { field: FieldInfo; owner: RecordInfo; path: RecordType[] } | null {
  const scope = sema.classScopes.get(decl);
  if (!scope) return null;
  const own = scope.own(name);
  if (own?.kind === 'field') return { field: own.field, owner: own.record, path: [] };
  if (depth > 32) return null;
  for (const b of decl.bases) {
    const hit = findField(sema, b.type.decl, name, depth + 1);
    if (hit) return { ...hit, path: [b.type, ...hit.path] };
  }
  return null;
}

/** Whether the current function may see a member with this access of class `owner`. */
function accessible(sema: Sema, owner: RecordDecl, access: FieldInfo['access']): boolean {
  if (access === 'public') return true;
  const rec = sema.fn?.record?.decl;
  if (!rec) return false;
  if (rec === owner) return true;
  return access === 'protected' && isDerivedFrom(rec, owner);
}

/** `object.name` for a data member (object: a glvalue or prvalue of class type). */
export function memberOf(sema: Sema, object0: Expr, name: string, span: Span): Expr | null {
  const t = object0.type;
  if (t.kind !== 'record') return null;
  const object = isGlvalue(object0) ? object0 : materialize(object0);
  if (t.decl.std) return checkStdMember(sema, object, t, name, span);
  const hit = findField(sema, t.decl, name);
  if (!hit) {
    const scope = sema.classScopes.get(t.decl);
    const other = scope ? lookupInClass(sema, scope, name) : undefined;
    if (other?.kind === 'var') return varRef(other.decl, span);
    if (other?.kind === 'functions')
      sema.error(span, dt('cpp.sema.expr.is-a-member-function-of-call', name, t.decl.name));
    else sema.error(span, dt('cpp.sema.expr.has-no-member-named', t.decl.name, name));
    return errorExpr(span);
  }
  if (!accessible(sema, hit.owner.decl, hit.field.access)) {
    sema.error(
      span,
      dt('cpp.sema.expr.is-in-and-cannot-be-used', name, hit.field.access, hit.owner.decl.name),
    );
    return errorExpr(span);
  }
  let obj = object;
  for (const b of hit.path) {
    obj = cast('derived-to-base', obj, b, {
      category: obj.category,
      base: b.decl,
      ...(obj.isConst ? { isConst: true } : {}),
    });
  }
  const ft = hit.field.type;
  const isRef = ft.kind === 'reference';
  const type = ft.kind === 'reference' ? ft.referent : ft;
  const isConst = isRef ? Boolean((ft as RefType).referentConst) : Boolean(obj.isConst);
  return {
    kind: 'member',
    object: obj,
    record: hit.owner.decl,
    field: hit.field,
    type,
    category: isRef ? 'lvalue' : obj.category,
    ...(isConst ? { isConst: true } : {}),
    span,
  };
}

/** The object of `x.m` or `p->m`: for `->`, the pointee (through operator-> for smart pointers). */
export function memberObject(sema: Sema, objectSyntax: ExprSyntax, arrow: boolean, span: Span): Expr {
  const obj = checkExpr(sema, objectSyntax);
  if (obj.kind === 'error' || !arrow) return obj;
  if (obj.type.kind === 'record') {
    const std = obj.type.decl.std?.kind;
    if (std === 'shared_ptr' || std === 'unique_ptr' || std === 'optional') {
      const arg = obj.type.decl.std?.args[0];
      const elem = typeof arg === 'number' || !arg ? null : arg;
      if (!elem) return errorExpr(span);
      if (!modelledStdMethod(sema, std, 'operator->', `std::${std}::operator->`, span))
        return errorExpr(span);
      const p: Expr = {
        kind: 'std-method',
        std,
        method: 'operator->',
        record: obj.type.decl,
        object: isGlvalue(obj) ? obj : materialize(obj),
        args: [],
        type: ptrTo(elem),
        category: 'prvalue',
        span: obj.span,
      };
      return deref(p, span);
    }
    sema.error(span, dt('cpp.sema.expr.needs-a-pointer-but-is-a', typeName(obj.type)));
    return errorExpr(span);
  }
  const p = toRvalue(obj);
  if (p.type.kind !== 'pointer' || p.type.pointee.kind !== 'record') {
    sema.error(
      span,
      dt(
        'cpp.sema.expr.needs-a-pointer-to-a-class',
        typeName(obj.type),
        dt(p.type.kind === 'pointer' ? 'codon.empty' : 'cpp.hint.use-dot'),
      ),
    );
    return errorExpr(span);
  }
  return deref(p, objectSyntax.span);
}

const MEMBER: Handler<'member'> = (sema, e) => {
  const obj = memberObject(sema, e.object, e.arrow, e.span);
  if (obj.kind === 'error') return obj;
  const name = e.name.parts[e.name.parts.length - 1]?.name ?? '';
  if (obj.type.kind !== 'record') {
    sema.error(
      e.name.span,
      dt(
        'cpp.sema.expr.is-not-a-class-so-it',
        typeName(obj.type),
        name,
        dt(obj.type.kind === 'pointer' ? 'cpp.hint.use-arrow' : 'codon.empty'),
      ),
    );
    return errorExpr(e.span);
  }
  return memberOf(sema, obj, name, e.name.span) ?? errorExpr(e.span);
};

// ------------------------------------------------------------------ subscripts

const INDEX: Handler<'index'> = (sema, e) => {
  const base = checkExpr(sema, e.base);
  const index = checkExpr(sema, e.index);
  if (base.kind === 'error' || index.kind === 'error') return errorExpr(e.span);
  if (base.type.kind === 'record') return checkCallOnStd(sema, base, 'operator[]', [index], e.span);
  return subscript(sema, base, index, e.span);
};

function checkCallOnStd(sema: Sema, object: Expr, method: string, args: Expr[], span: Span): Expr {
  if (object.type.kind !== 'record' || !object.type.decl.std) {
    sema.error(
      span,
      dt(
        'cpp.sema.expr.has-no-operator-operator-overloading-is',
        typeName(object.type),
        method.replace('operator', ''),
      ),
    );
    return errorExpr(span);
  }
  return checkStdMethodCall(sema, object, method, args, span);
}

/** `p[i]` on a pointer or array: `*(p + i)`. */
export function subscript(sema: Sema, base0: Expr, index0: Expr, span: Span): Expr {
  let base = toRvalue(base0);
  let index = toRvalue(index0);
  if (index.type.kind === 'pointer' && (base.type.kind === 'int' || base.type.kind === 'enum'))
    [base, index] = [index, base];
  if (base.type.kind !== 'pointer') {
    sema.error(span, dt('cpp.sema.expr.cannot-be-indexed-with-it-is', typeName(base0.type)));
    return errorExpr(span);
  }
  if (index.type.kind !== 'int' && index.type.kind !== 'enum') {
    sema.error(index0.span, dt('cpp.sema.expr.an-index-must-be-an-integer', typeName(index0.type)));
    return errorExpr(span);
  }
  if (!isCompleteObjectType(base.type.pointee)) {
    sema.error(span, dt('cpp.sema.expr.cannot-index-a-pointer-to', typeName(base.type.pointee)));
    return errorExpr(span);
  }
  const offset = convertScalar(index, { kind: 'int', name: 'long' });
  const off = 'error' in offset ? index : offset.expr;
  const p: Expr = {
    kind: 'pointer-arith',
    op: '+',
    pointer: base,
    offset: off,
    type: base.type,
    category: 'prvalue',
    span,
  };
  return deref(p, span);
}

// ------------------------------------------------------------------ casts and temporaries

/** The zero value of a scalar type (`int()`, `double{}`, `T*()`). */
export function zeroValue(t: CType, span: Span): Expr {
  if (t.kind === 'float') return { kind: 'float-literal', value: 0, type: t, category: 'prvalue', span };
  if (t.kind === 'int' && t.name === 'bool')
    return { kind: 'bool-literal', value: false, type: t, category: 'prvalue', span };
  if (t.kind === 'pointer')
    return cast(
      'null-to-pointer',
      { kind: 'nullptr', type: ptrTo({ kind: 'void' }), category: 'prvalue', span },
      t,
    );
  if (t.kind === 'enum') return cast('integral', intLiteral(0n, INT, span), t);
  return intLiteral(0n, t, span);
}

/** An explicit conversion to `to` written in the source (C-style, functional, static_cast, ...). */
export function explicitCast(
  sema: Sema,
  operand: Expr,
  to: CType,
  toConst: boolean,
  kind: ConversionKind,
  span: Span,
): Expr {
  if (operand.kind === 'error') return operand;
  if (to.kind === 'reference') {
    const T = to.referent;
    const related =
      sameType(operand.type, T) ||
      (operand.type.kind === 'record' && T.kind === 'record' && isDerivedFrom(operand.type.decl, T.decl));
    if (!related || !isGlvalue(operand) || kind === 'reinterpret') {
      sema.error(
        span,
        dt('cpp.sema.expr.casting-to-the-reference-is-not', typeName(operand.type), typeName(to)),
      );
      return errorExpr(span);
    }
    const category = to.rvalue ? 'xvalue' : 'lvalue';
    const isConst =
      Boolean((to as RefType).referentConst) || Boolean(operand.isConst && kind !== 'const' && kind !== 'c');
    if (T.kind === 'record' && operand.type.kind === 'record' && !sameType(operand.type, T))
      return {
        ...cast('derived-to-base', operand, T, { style: styleOf(kind), category, base: T.decl }),
        span,
        ...(isConst ? { isConst } : {}),
      };
    return {
      ...cast('noop', operand, T, { style: styleOf(kind), category }),
      span,
      ...(isConst ? { isConst } : {}),
    };
  }
  if (to.kind === 'record') {
    const init = directInit(sema, to, [operand], { what: dt('cpp.ctx.cast'), span }, span);
    return init ? temporary(init, to, span) : errorExpr(span);
  }
  if (to.kind === 'array' || to.kind === 'function') {
    sema.error(span, dt('cpp.sema.expr.cannot-cast-to', typeName(to)));
    return errorExpr(span);
  }
  const r = convertScalar(operand, to, kind);
  if ('error' in r) {
    sema.cannotConvertRecord(span, operand.type, r.error);
    return errorExpr(span);
  }
  void toConst;
  return { ...r.expr, span };
}

function styleOf(kind: ConversionKind): Extract<Expr, { kind: 'cast' }>['style'] {
  return kind === 'implicit' || kind === 'contextual' ? 'implicit' : kind;
}

/** A class prvalue from an initializer; a plain copy of a prvalue is that prvalue. */
export function temporary(init: Init, type: CType, span: Span): Expr {
  if (init.kind === 'expr' && sameType(init.expr.type, type)) return init.expr;
  return { kind: 'temporary', init, type, category: 'prvalue', span };
}

const CAST: Handler<'cast'> = (sema, e) => {
  const t = resolveTypeId(sema, e.type);
  const operand = checkExpr(sema, e.operand);
  if (!t || operand.kind === 'error') return errorExpr(e.span);
  if (e.style === 'dynamic') {
    sema.diags.unsupported(e.span, dt('cpp.sema.expr.dynamic-cast-run-time-type-information'));
    return errorExpr(e.span);
  }
  const kind: ConversionKind = e.style === 'functional' ? 'c' : e.style;
  return explicitCast(sema, operand, t.type, t.const, kind, e.span);
};

const CONSTRUCT: Handler<'construct'> = (sema, e) => {
  const t = resolveTypeId(sema, e.type);
  if (!t) return errorExpr(e.span);
  const type = t.type;
  if (type.kind === 'record') {
    const ctx = { what: dt('cpp.ctx.construction', typeName(type)), span: e.span };
    const init = e.braced
      ? listInit(
          sema,
          type,
          { kind: 'init-list', items: e.args as ExprSyntax[], span: e.span },
          { ...ctx, list: true },
        )
      : directInit(
          sema,
          type,
          e.args.map((a) => checkArg(sema, a)),
          ctx,
          e.span,
        );
    return init ? temporary(init, type, e.span) : errorExpr(e.span);
  }
  if (type.kind === 'void') {
    if (e.args.length === 0)
      return {
        kind: 'cast',
        conversion: 'to-void',
        implicit: false,
        style: 'functional',
        operand: intLiteral(0n, INT, e.span),
        type,
        category: 'prvalue',
        span: e.span,
      };
    sema.error(e.span, dt('cpp.sema.expr.void-cannot-be-constructed-from-a'));
    return errorExpr(e.span);
  }
  if (type.kind === 'reference' || type.kind === 'array' || type.kind === 'function') {
    sema.error(e.span, dt('cpp.sema.expr.a-temporary-of-type-cannot-be', typeName(type)));
    return errorExpr(e.span);
  }
  if (e.args.length === 0) return zeroValue(type, e.span);
  if (e.args.length > 1) {
    sema.error(
      e.args[1]?.span ?? e.span,
      dt('cpp.sema.expr.is-built-from-one-value-not', typeName(type), e.args.length),
    );
    return errorExpr(e.span);
  }
  const only = e.args[0] as ExprSyntax;
  if (e.braced) {
    const init = listInit(
      sema,
      type,
      { kind: 'init-list', items: [only], span: e.span },
      { what: dt('cpp.ctx.braced', typeName(type)), span: e.span, list: true },
    );
    if (!init) return errorExpr(e.span);
    if (init.kind === 'expr') return { ...init.expr, span: e.span };
    return zeroValue(type, e.span);
  }
  const operand = checkExpr(sema, only);
  return explicitCast(sema, operand, type, t.const, 'c', e.span);
};

// ------------------------------------------------------------------ sizeof, new, delete

const SIZEOF_TYPE: Handler<'sizeof-type'> = (sema, e) => {
  const t = resolveTypeId(sema, e.type);
  if (!t) return errorExpr(e.span);
  return sizeofNode(sema, t.type, false, e.span);
};

function sizeofNode(sema: Sema, t: CType, align: boolean, span: Span): Expr {
  const of = t.kind === 'reference' ? t.referent : t;
  if (!isCompleteObjectType(of)) {
    sema.error(
      span,
      dt(
        'cpp.sema.expr.cannot-be-applied-to',
        align ? 'alignof' : 'sizeof',
        typeName(of),
        dt(of.kind === 'record' ? 'cpp.hint.incomplete' : 'codon.empty'),
      ),
    );
    return errorExpr(span);
  }
  return { kind: 'sizeof', of, align, type: SIZE_T, category: 'prvalue', span };
}

const SIZEOF_EXPR: Handler<'sizeof-expr'> = (sema, e) => {
  const operand = checkExpr(sema, e.operand);
  if (operand.kind === 'error') return operand;
  return sizeofNode(sema, operand.type, false, e.span);
};

const ALIGNOF: Handler<'alignof'> = (sema, e) => {
  const t = resolveTypeId(sema, e.type);
  if (!t) return errorExpr(e.span);
  return sizeofNode(sema, t.type, true, e.span);
};

const NEW: Handler<'new'> = (sema, e) => {
  if (e.type.specs.base.kind === 'auto') {
    sema.error(e.span, dt('cpp.sema.expr.new-auto-is-not-modelled-by'));
    return errorExpr(e.span);
  }
  const t = resolveTypeId(sema, e.type);
  if (!t) return errorExpr(e.span);
  const T = t.type;
  if (!isCompleteObjectType(T) || T.kind === 'reference') {
    sema.error(e.span, dt('cpp.sema.expr.new-cannot-create-an-object-of', typeName(T)));
    return errorExpr(e.span);
  }
  const ctx = { what: dt('cpp.ctx.new', typeName(T)), span: e.span };
  let count: Expr | null = null;
  let init: Init | null = null;
  if (e.arraySize) {
    const n = checkExpr(sema, e.arraySize);
    if (n.kind === 'error') return n;
    const r = convertScalar(n, SIZE_T);
    if ('error' in r || (n.type.kind !== 'int' && n.type.kind !== 'enum')) {
      sema.error(n.span, dt('cpp.sema.expr.the-number-of-elements-in-new', typeName(n.type)));
      return errorExpr(e.span);
    }
    count = r.expr;
    // The init of the whole array: `default`/`zero` apply to each of the `count` elements.
    const known = evalCount(count);
    const arrayType: CType = { kind: 'array', element: T, length: known ?? 0 };
    if (!e.init) {
      const each = T.kind === 'record' ? elementDefault(sema, T, e.span) : null;
      if (T.kind === 'record' && !each) return errorExpr(e.span);
      init = {
        kind: 'default',
        type: arrayType,
        ctor: each?.kind === 'default' ? each.ctor : null,
        span: e.span,
      };
    } else if (e.init.kind === 'paren' && e.init.args.length === 0)
      init = { kind: 'zero', type: arrayType, span: e.span };
    else if (e.init.kind === 'braced') {
      const c = evalCount(count);
      if (c === null) {
        sema.error(e.span, dt('cpp.sema.expr.a-braced-initializer-with-new-t'));
        return errorExpr(e.span);
      }
      init = listInit(sema, { kind: 'array', element: T, length: c }, e.init.list, { ...ctx, list: true });
      if (!init) return errorExpr(e.span);
    } else {
      sema.error(e.span, dt('cpp.sema.expr.an-array-created-with-new-cannot'));
      return errorExpr(e.span);
    }
  } else if (!e.init) {
    init =
      T.kind === 'record'
        ? elementDefault(sema, T, e.span)
        : { kind: 'default', type: T, ctor: null, span: e.span };
    if (!init) return errorExpr(e.span);
  } else if (e.init.kind === 'paren') {
    init = directInit(
      sema,
      T,
      e.init.args.map((a) => checkArg(sema, a)),
      ctx,
      e.span,
    );
    if (!init) return errorExpr(e.span);
  } else {
    init = listInit(sema, T, e.init.list, { ...ctx, list: true });
    if (!init) return errorExpr(e.span);
  }
  return {
    kind: 'new',
    allocated: T,
    count,
    init,
    type: ptrTo(T, t.const),
    category: 'prvalue',
    span: e.span,
  };
};

function evalCount(e: Expr): number | null {
  let x = e;
  while (x.kind === 'cast') x = x.operand;
  return x.kind === 'int-literal' && x.value >= 0n && x.value < 1n << 32n ? Number(x.value) : null;
}

function elementDefault(sema: Sema, T: RecordType, span: Span): Init | null {
  const info = recordInfo(sema, T);
  if (!info) return { kind: 'default', type: T, ctor: null, span };
  const ctors = info.methods.filter((f) => f.method?.kind === 'constructor');
  const d = ctors.find((f) => f.method?.special === 'default-ctor');
  if (!d && ctors.length > 0) {
    sema.error(span, dt('cpp.sema.expr.has-no-default-constructor', T.decl.name));
    return null;
  }
  return { kind: 'default', type: T, ctor: d && !d.method?.defaulted ? d : null, span };
}

const DELETE: Handler<'delete'> = (sema, e) => {
  const operand0 = checkExpr(sema, e.operand);
  if (operand0.kind === 'error') return operand0;
  const operand = toRvalue(operand0);
  if (operand.type.kind !== 'pointer') {
    sema.error(e.span, dt('cpp.sema.expr.delete-needs-a-pointer-not', typeName(operand0.type)));
    return errorExpr(e.span);
  }
  const pointee = operand.type.pointee;
  if (pointee.kind === 'void')
    sema.warning(e.span, dt('cpp.sema.expr.deleting-a-void-is-undefined-behaviour'));
  if (pointee.kind === 'record' && pointee.decl.incomplete)
    sema.warning(e.span, dt('cpp.sema.expr.deleting-a-pointer-to-the-incomplete', pointee.decl.name));
  const info = pointee.kind === 'record' ? recordInfo(sema, pointee) : null;
  const dtor = info?.methods.find((f) => f.method?.kind === 'destructor' && !f.method.defaulted) ?? null;
  if (dtor?.method?.deleted) {
    sema.error(e.span, dt('cpp.sema.expr.the-destructor-of-is-deleted', typeName(pointee)));
    return errorExpr(e.span);
  }
  return {
    kind: 'delete',
    array: e.array,
    operand,
    destructor: dtor,
    type: { kind: 'void' },
    category: 'prvalue',
    span: e.span,
  };
};

// ------------------------------------------------------------------ the rest

const CONDITIONAL: Handler<'conditional'> = (sema, e) => {
  const cond = checkCondition(sema, e.cond);
  const a = checkExpr(sema, e.then);
  const b = checkExpr(sema, e.else);
  if (cond.kind === 'error' || a.kind === 'error' || b.kind === 'error') return errorExpr(e.span);
  const mk = (then: Expr, otherwise: Expr, type: CType, category: Expr['category']): Expr => ({
    kind: 'conditional',
    cond,
    then,
    else: otherwise,
    type,
    category,
    span: e.span,
  });
  if (
    sameType(a.type, b.type) &&
    a.category === 'lvalue' &&
    b.category === 'lvalue' &&
    a.type.kind !== 'array'
  )
    return { ...mk(a, b, a.type, 'lvalue'), ...(a.isConst || b.isConst ? { isConst: true } : {}) };
  if (a.type.kind === 'void' && b.type.kind === 'void') return mk(a, b, a.type, 'prvalue');
  if (isArithmetic(a.type) && isArithmetic(b.type)) {
    const t = usualArithmetic(a.type, b.type);
    const ca = convertScalar(a, t);
    const cb = convertScalar(b, t);
    if (!('error' in ca) && !('error' in cb)) return mk(ca.expr, cb.expr, t, 'prvalue');
  }
  if (a.type.kind === 'record' && b.type.kind === 'record' && sameType(a.type, b.type))
    return mk(a, b, a.type, 'prvalue');
  const ra = toRvalue(a);
  const rb = toRvalue(b);
  if (ra.type.kind === 'pointer' || rb.type.kind === 'pointer') {
    const target =
      ra.type.kind === 'pointer' && (rb.type.kind !== 'pointer' || rb.kind === 'nullptr') ? ra.type : rb.type;
    const ca = convertScalar(ra, target);
    const cb = convertScalar(rb, target);
    if (!('error' in ca) && !('error' in cb)) return mk(ca.expr, cb.expr, target, 'prvalue');
  }
  sema.error(
    e.span,
    dt('cpp.sema.expr.the-two-results-of-have-incompatible', typeName(a.type), typeName(b.type)),
  );
  return errorExpr(e.span);
};

const COMMA: Handler<'comma'> = (sema, e) => {
  const l = checkExpr(sema, e.left);
  const r = checkExpr(sema, e.right);
  if (l.kind === 'error' || r.kind === 'error') return errorExpr(e.span);
  return {
    kind: 'comma',
    left: l,
    right: r,
    type: r.type,
    category: r.category,
    ...(r.isConst ? { isConst: true } : {}),
    span: e.span,
  };
};

const HANDLERS: { [K in ExprSyntax['kind']]: Handler<K> } = {
  name: NAME,
  literal: LITERAL,
  string: (_sema, e) => stringLiteral(e.value, e.span),
  bool: (_sema, e) => ({
    kind: 'bool-literal',
    value: e.value,
    type: BOOL,
    category: 'prvalue',
    span: e.span,
  }),
  nullptr: (_sema, e) => ({
    kind: 'nullptr',
    type: ptrTo({ kind: 'void' }),
    category: 'prvalue',
    span: e.span,
  }),
  this: (sema, e) => {
    const fn = sema.fn;
    if (!fn?.thisType || fn.decl.method?.static) {
      sema.error(e.span, dt('cpp.sema.expr.this-can-only-be-used-inside'));
      return errorExpr(e.span);
    }
    return { kind: 'this', type: fn.thisType, category: 'prvalue', span: e.span };
  },
  paren: (sema, e) => {
    const inner = checkExpr(sema, e.expr);
    return inner.kind === 'error' ? inner : { ...inner, span: e.span };
  },
  unary: checkUnary,
  postfix: checkPostfix,
  binary: checkBinary,
  assign: checkAssign,
  conditional: CONDITIONAL,
  comma: COMMA,
  call: checkCall,
  index: INDEX,
  member: MEMBER,
  cast: CAST,
  construct: CONSTRUCT,
  'sizeof-type': SIZEOF_TYPE,
  'sizeof-expr': SIZEOF_EXPR,
  alignof: ALIGNOF,
  new: NEW,
  delete: DELETE,
  'init-list': (sema, e) => {
    sema.error(e.span, dt('cpp.sema.expr.a-braced-list-is-not-an'));
    return errorExpr(e.span);
  },
  'error-expr': (_sema, e) => errorExpr(e.span),
};

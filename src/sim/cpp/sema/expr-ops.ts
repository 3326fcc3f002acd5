/**
 * Built-in operators: unary, increment/decrement, binary arithmetic/bitwise/shift/comparison,
 * logical, pointer arithmetic, assignment (scalar and class), and `std::cout << ...` chains.
 */
import { dt, type Msg } from '../../diag';
import type { CType, StdKind } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { Expr, StreamItem } from '../ast';
import type { ExprSyntax, InitListSyntax } from '../syntax';
import type { Sema } from './context';
import { convertScalar, isNullPointerConstant, scopedEnums } from './conversions';
import { checkCondition, checkExpr, deref } from './expr';
import { listInit, materialize, recordInfo } from './init';
import { requireHeader } from './headers';
import { lookupQualified } from './lookup';
import { errorExpr, isGlvalue, toRvalue } from './make';
import { checkStdMethodCall } from './stdlib';
import { stringAppend, stringBinary } from './string-ops';
import {
  BOOL,
  LONG,
  PTRDIFF_T,
  isArithmetic,
  isCompleteObjectType,
  promote,
  sameType,
  typeName,
  usualArithmetic,
} from './types';

type BinaryOp = Extract<Expr, { kind: 'binary' }>['op'];
type CompoundOp = Extract<Expr, { kind: 'compound-assign' }>['op'];

/** Reports and fails unless `e` is a modifiable lvalue. */
function requireModifiable(sema: Sema, e: Expr, what: Msg, at: Span = e.span): boolean {
  if (e.kind === 'error') return false;
  if (e.category !== 'lvalue') {
    sema.error(at, dt('cpp.sema.expr-ops.needs-a-variable-or-another-object', what));
    return false;
  }
  if (e.isConst) {
    sema.error(
      at,
      dt(
        'cpp.sema.expr-ops.cannot-modify-a-const-object',
        what,
        e.kind === 'var-ref' ? dt('cpp.hint.is-const', e.variable.name) : dt('codon.empty'),
      ),
    );
    return false;
  }
  if (e.type.kind === 'array') {
    sema.error(at, dt('cpp.sema.expr-ops.cannot-modify-a-whole-array-copy', what));
    return false;
  }
  return true;
}

// ------------------------------------------------------------------ unary

export function checkUnary(sema: Sema, e: Extract<ExprSyntax, { kind: 'unary' }>): Expr {
  const span = e.span;
  if (e.op === '!') {
    const b = checkCondition(sema, e.operand);
    if (b.kind === 'error') return b;
    return { kind: 'unary', op: '!', operand: b, type: BOOL, category: 'prvalue', span };
  }
  const x = checkExpr(sema, e.operand);
  if (x.kind === 'error') return x;
  switch (e.op) {
    case '-':
    case '+':
    case '~': {
      const r = toRvalue(x);
      const ok = e.op === '~' ? r.type.kind === 'int' || r.type.kind === 'enum' : isArithmetic(r.type);
      if (!ok || (r.type.kind === 'enum' && isScoped(r.type))) {
        sema.error(span, dt('cpp.sema.expr-ops.the-operator-cannot-be-applied-to', e.op, typeName(x.type)));
        return errorExpr(span);
      }
      const t = promote(r.type);
      const c = convertScalar(r, t);
      return {
        kind: 'unary',
        op: e.op,
        operand: 'error' in c ? r : c.expr,
        type: t,
        category: 'prvalue',
        span,
      };
    }
    case '*': {
      if (x.type.kind === 'record') return checkStdMethodCall(sema, x, 'operator*', [], span);
      const p = toRvalue(x);
      if (p.type.kind !== 'pointer') {
        sema.error(span, dt('cpp.sema.expr-ops.needs-a-pointer-but-this-is', typeName(x.type)));
        return errorExpr(span);
      }
      if (p.type.pointee.kind === 'void') {
        sema.error(span, dt('cpp.sema.expr-ops.a-void-cannot-be-dereferenced-cast'));
        return errorExpr(span);
      }
      return deref(p, span);
    }
    case '&': {
      if (x.type.kind === 'function') return toRvalue(x);
      if (!isGlvalue(x)) {
        sema.error(span, dt('cpp.sema.expr-ops.cannot-take-the-address-of-a', typeName(x.type)));
        return errorExpr(span);
      }
      if (x.kind === 'member' && x.field.bitWidth !== undefined) {
        sema.error(span, dt('cpp.sema.expr-ops.cannot-take-the-address-of-the', x.field.name));
        return errorExpr(span);
      }
      return {
        kind: 'address-of',
        operand: x,
        type: { kind: 'pointer', pointee: x.type, ...(x.isConst ? { pointeeConst: true } : {}) },
        category: 'prvalue',
        span,
      };
    }
    case '++':
    case '--':
      return incDec(sema, x, e.op, true, span);
    default:
      sema.error(span, dt('cpp.sema.expr-ops.the-operator-is-not-modelled-by', e.op));
      return errorExpr(span);
  }
}

function isScoped(t: CType): boolean {
  return t.kind === 'enum' && scopedEnums.has(t);
}

function incDec(sema: Sema, x: Expr, op: '++' | '--', prefix: boolean, span: Span): Expr {
  if (!requireModifiable(sema, x, dt('cpp.sema.expr-ops.msg', op))) return errorExpr(span);
  const t = x.type;
  const ok =
    (t.kind === 'int' && !(t.name === 'bool' && op === '--')) ||
    t.kind === 'float' ||
    (t.kind === 'pointer' && isCompleteObjectType(t.pointee));
  if (!ok) {
    sema.error(
      span,
      dt(
        'cpp.sema.expr-ops.cannot-be-applied-to',
        op,
        typeName(t),
        dt(t.kind === 'int' && t.name === 'bool' ? 'cpp.hint.decrement-bool' : 'codon.empty'),
      ),
    );
    return errorExpr(span);
  }
  if (t.kind === 'int' && t.name === 'bool')
    sema.warning(span, dt('cpp.sema.expr-ops.on-a-bool-is-deprecated-and'));
  return { kind: 'inc-dec', op, prefix, operand: x, type: t, category: prefix ? 'lvalue' : 'prvalue', span };
}

export function checkPostfix(sema: Sema, e: Extract<ExprSyntax, { kind: 'postfix' }>): Expr {
  const x = checkExpr(sema, e.operand);
  if (x.kind === 'error') return x;
  return incDec(sema, x, e.op, false, e.span);
}

// ------------------------------------------------------------------ binary

/** Whether a syntax node names `std::cout`/`std::cerr` (or `cout` after `using namespace std`). */
function streamName(sema: Sema, e: ExprSyntax): 'cout' | 'cerr' | null {
  if (e.kind === 'paren') return streamName(sema, e.expr);
  if (e.kind !== 'name') return null;
  const last = e.name.parts[e.name.parts.length - 1]?.name;
  if (last !== 'cout' && last !== 'cerr') return null;
  const hit = lookupQualified(sema, e.name);
  return hit?.kind === 'std' && (hit.name === 'cout' || hit.name === 'cerr') ? hit.name : null;
}

function isEndl(sema: Sema, e: ExprSyntax): boolean {
  if (e.kind !== 'name') return false;
  const last = e.name.parts[e.name.parts.length - 1]?.name;
  if (last !== 'endl') return false;
  const hit = lookupQualified(sema, e.name);
  return hit?.kind === 'std' && hit.name === 'endl';
}

/** `std::cout << a << b << std::endl`: the left-nested `<<` chain, flattened. */
function checkStream(sema: Sema, e: Extract<ExprSyntax, { kind: 'binary' }>): Expr | null {
  const operands: ExprSyntax[] = [];
  let cur: ExprSyntax = e;
  while (cur.kind === 'binary' && cur.op === '<<') {
    operands.unshift(cur.right);
    cur = cur.left;
  }
  const stream = streamName(sema, cur);
  if (!stream) return null;
  requireHeader(sema, `std::${stream}`, cur.span);
  const items: StreamItem[] = [];
  let ok = true;
  for (const o of operands) {
    if (isEndl(sema, o)) {
      items.push({ kind: 'endl', span: o.span });
      continue;
    }
    const x0 = checkExpr(sema, o);
    if (x0.kind === 'error') {
      ok = false;
      continue;
    }
    // A std::string prints its characters (operator<<(ostream&, const string&)): the object is
    // needed, so a prvalue string is materialised.
    const x =
      x0.type.kind === 'record' && x0.type.decl.std?.kind === 'string' && !isGlvalue(x0)
        ? materialize(x0)
        : x0;
    if (x.type.kind === 'record' && x.type.decl.std?.kind === 'string') {
      items.push({ kind: 'value', expr: x });
      continue;
    }
    if (x.type.kind === 'record') {
      sema.error(x.span, dt('cpp.sema.expr-ops.printing-a-with-is-not-modelled', typeName(x.type)));
      ok = false;
      continue;
    }
    if (x.type.kind === 'enum' && isScoped(x.type)) {
      sema.error(x.span, dt('cpp.sema.expr-ops.a-scoped-enum-cannot-be-printed', typeName(x.type)));
      ok = false;
      continue;
    }
    if (x.type.kind === 'void') {
      sema.error(x.span, dt('cpp.sema.expr-ops.a-void-value-cannot-be-printed'));
      ok = false;
      continue;
    }
    items.push({ kind: 'value', expr: toRvalue(x) });
  }
  if (!ok) return errorExpr(e.span);
  return {
    kind: 'stream-output',
    stream,
    items,
    type: { kind: 'record', decl: OSTREAM },
    category: 'lvalue',
    span: e.span,
  };
}

/** `std::ostream`, as the type of an output expression (it is not laid out: nothing stores it). */
const OSTREAM = {
  name: 'std::ostream',
  tag: 'class' as const,
  bases: [],
  fields: [],
  hasVirtualFunctions: true,
  specialMembers: {
    copyCtor: 'deleted',
    moveCtor: 'implicit',
    dtor: 'user-provided',
    copyAssign: 'deleted',
    moveAssign: 'implicit',
  } as const,
  packed: false,
  incomplete: true,
};

export function checkBinary(sema: Sema, e: Extract<ExprSyntax, { kind: 'binary' }>): Expr {
  if (e.op === '<<') {
    const s = checkStream(sema, e);
    if (s) return s;
  }
  if (e.op === '&&' || e.op === '||') {
    const l = checkCondition(sema, e.left);
    const r = checkCondition(sema, e.right);
    if (l.kind === 'error' || r.kind === 'error') return errorExpr(e.span);
    return { kind: 'logical', op: e.op, left: l, right: r, type: BOOL, category: 'prvalue', span: e.span };
  }
  const l = checkExpr(sema, e.left);
  const r = checkExpr(sema, e.right);
  if (l.kind === 'error' || r.kind === 'error') return errorExpr(e.span);
  return binaryOp(sema, e.op, l, r, e.span, e.opSpan);
}

const COMPARISONS = ['==', '!=', '<', '>', '<=', '>='];
/** The operators libstdc++ defines for each standard class (others are real errors, as with g++). */
const STD_OPERATORS: Partial<Record<StdKind, readonly string[]>> = {
  string: ['+', '+=', ...COMPARISONS],
  string_view: COMPARISONS,
  vector: COMPARISONS,
  array: COMPARISONS,
  pair: COMPARISONS,
  tuple: COMPARISONS,
  optional: COMPARISONS,
  unique_ptr: COMPARISONS,
  shared_ptr: COMPARISONS,
  complex: ['+', '-', '*', '/', '+=', '-=', '*=', '/=', '==', '!='],
};

/**
 * An operator on a class object that g++ may well accept: a standard class's (libstdc++ defines
 * `std::string + "x"`, `+=`, `==`...) is refused as not modelled; a user class whose operator
 * definition was refused is already reported. Returns true when it said so (or had said so).
 */
function classOperatorRefused(sema: Sema, op: string, lt: CType, rt: CType, opSpan: Span): boolean {
  const std = lt.kind === 'record' && lt.decl.std ? lt : rt.kind === 'record' && rt.decl.std ? rt : null;
  if (std?.kind === 'record' && std.decl.std && STD_OPERATORS[std.decl.std.kind]?.includes(op)) {
    sema.diags.unsupported(opSpan, dt('cpp.sema.expr-ops.the-operator-on-a', op, typeName(std)));
    return true;
  }
  if (lt.kind !== 'record' && rt.kind !== 'record') return false;
  return sema.diags.refusedNames.has(`operator${op}`);
}

function binaryOp(sema: Sema, op: string, l0: Expr, r0: Expr, span: Span, opSpan: Span): Expr {
  const str = stringBinary(sema, op, l0, r0, span, opSpan);
  if (str !== null) return str;
  const l = toRvalue(l0);
  const r = toRvalue(r0);
  const lt = l.type;
  const rt = r.type;
  const invalid = (): Expr => {
    if (classOperatorRefused(sema, op, lt, rt, opSpan)) return errorExpr(span);
    const hint =
      lt.kind === 'record' || rt.kind === 'record'
        ? ' (operators on class objects would need operator overloading, which is not modelled)'
        : '';
    sema.error(
      opSpan,
      dt('cpp.sema.expr-ops.invalid-operands-to-and', op, typeName(l0.type), typeName(r0.type), hint),
    );
    return errorExpr(span);
  };
  if ((lt.kind === 'enum' && isScoped(lt)) || (rt.kind === 'enum' && isScoped(rt))) {
    if (!(['==', '!=', '<', '>', '<=', '>='].includes(op) && sameType(lt, rt))) return invalid();
  }
  // Pointer arithmetic.
  if ((op === '+' || op === '-') && lt.kind === 'pointer' && (rt.kind === 'int' || rt.kind === 'enum'))
    return pointerArith(sema, op, l, r, span);
  if (op === '+' && rt.kind === 'pointer' && (lt.kind === 'int' || lt.kind === 'enum'))
    return pointerArith(sema, op, r, l, span);
  if (op === '-' && lt.kind === 'pointer' && rt.kind === 'pointer') {
    if (!sameType(lt.pointee, rt.pointee)) {
      sema.error(
        opSpan,
        dt('cpp.sema.expr-ops.cannot-subtract-pointers-to-different-types', typeName(lt), typeName(rt)),
      );
      return errorExpr(span);
    }
    return { kind: 'pointer-diff', left: l, right: r, type: PTRDIFF_T, category: 'prvalue', span };
  }
  const comparison = ['==', '!=', '<', '>', '<=', '>='].includes(op);
  if (comparison && (lt.kind === 'pointer' || rt.kind === 'pointer')) {
    const target = lt.kind === 'pointer' && !(rt.kind === 'pointer' && isNullPointerConstant(l)) ? lt : rt;
    if (target.kind !== 'pointer') return invalid();
    const cl = convertScalar(l, target);
    const cr = convertScalar(r, target);
    if ('error' in cl || 'error' in cr) {
      const other = lt.kind === 'pointer' && rt.kind === 'pointer' ? convertScalar(r, lt) : cr;
      if (lt.kind === 'pointer' && rt.kind === 'pointer' && !('error' in other) && !('error' in cl)) {
        return {
          kind: 'binary',
          op: op as BinaryOp,
          left: l,
          right: other.expr,
          type: BOOL,
          category: 'prvalue',
          span,
        };
      }
      const back = lt.kind === 'pointer' && rt.kind === 'pointer' ? convertScalar(l, rt) : null;
      if (back && !('error' in back))
        return {
          kind: 'binary',
          op: op as BinaryOp,
          left: back.expr,
          right: r,
          type: BOOL,
          category: 'prvalue',
          span,
        };
      sema.error(opSpan, dt('cpp.sema.expr-ops.cannot-compare-with', typeName(lt), typeName(rt)));
      return errorExpr(span);
    }
    if (op !== '==' && op !== '!=' && (isNullPointerConstant(l) || isNullPointerConstant(r)))
      sema.warning(opSpan, dt('cpp.sema.expr-ops.ordering-a-pointer-against-a-null', op));
    return {
      kind: 'binary',
      op: op as BinaryOp,
      left: cl.expr,
      right: cr.expr,
      type: BOOL,
      category: 'prvalue',
      span,
    };
  }
  if (!isArithmetic(lt) || !isArithmetic(rt)) return invalid();
  const integerOnly = ['%', '&', '|', '^', '<<', '>>'].includes(op);
  if (integerOnly && (lt.kind === 'float' || rt.kind === 'float')) {
    sema.error(
      opSpan,
      dt(
        'cpp.sema.expr-ops.needs-integer-operands-but-got-and',
        op,
        typeName(lt),
        typeName(rt),
        dt(op === '%' ? 'cpp.hint.fmod' : 'codon.empty'),
      ),
    );
    return errorExpr(span);
  }
  if (op === '<<' || op === '>>') {
    const pt = promote(lt);
    const cl = convertScalar(l, pt);
    const cr = convertScalar(r, promote(rt));
    if ('error' in cl || 'error' in cr) return invalid();
    return {
      kind: 'binary',
      op: op as BinaryOp,
      left: cl.expr,
      right: cr.expr,
      type: pt,
      category: 'prvalue',
      span,
    };
  }
  const common = usualArithmetic(lt, rt);
  const cl = convertScalar(l, common);
  const cr = convertScalar(r, common);
  if ('error' in cl || 'error' in cr) return invalid();
  if ((op === '/' || op === '%') && common.kind === 'int') {
    const z = r.kind === 'int-literal' && r.value === 0n;
    if (z) sema.warning(opSpan, dt('cpp.sema.expr-ops.division-by-zero'));
  }
  return {
    kind: 'binary',
    op: op as BinaryOp,
    left: cl.expr,
    right: cr.expr,
    type: comparison ? BOOL : common,
    category: 'prvalue',
    span,
  };
}

function pointerArith(sema: Sema, op: '+' | '-', p: Expr, n: Expr, span: Span): Expr {
  if (p.type.kind !== 'pointer') return errorExpr(span);
  if (p.type.pointee.kind === 'void') sema.warning(span, dt('cpp.sema.expr-ops.arithmetic-on-a-void-is-a'));
  else if (!isCompleteObjectType(p.type.pointee)) {
    sema.error(span, dt('cpp.sema.expr-ops.pointer-arithmetic-on-the-pointee-has', typeName(p.type)));
    return errorExpr(span);
  }
  const c = convertScalar(n, LONG);
  if ('error' in c) return errorExpr(span);
  return { kind: 'pointer-arith', op, pointer: p, offset: c.expr, type: p.type, category: 'prvalue', span };
}

// ------------------------------------------------------------------ assignment

export function checkAssign(sema: Sema, e: Extract<ExprSyntax, { kind: 'assign' }>): Expr {
  const target = checkExpr(sema, e.left);
  if (target.kind === 'error') return target;
  const span = e.span;
  if (e.op === '=' && target.type.kind === 'record')
    return recordAssign(sema, target, e.right, span, e.opSpan);
  if (e.right.kind === 'init-list' && e.op === '=') {
    if (!requireModifiable(sema, target, dt('cpp.sema.expr-ops.assignment'), e.opSpan))
      return errorExpr(span);
    const init = listInit(sema, target.type, e.right as InitListSyntax, {
      what: dt('cpp.ctx.assignment'),
      span,
      list: true,
    });
    if (!init) return errorExpr(span);
    const value = init.kind === 'expr' ? init.expr : init.kind === 'zero' ? zeroOf(target.type, span) : null;
    if (!value) return errorExpr(span);
    return { kind: 'assign', target, value, type: target.type, category: 'lvalue', span };
  }
  const value0 = checkExpr(sema, e.right as ExprSyntax);
  if (value0.kind === 'error') return value0;
  if (!requireModifiable(sema, target, dt('cpp.sema.expr-ops.assignment'), e.opSpan)) return errorExpr(span);
  if (e.op === '+=') {
    const append = stringAppend(sema, target, value0, span, e.opSpan);
    if (append !== null) return append;
  }
  if (e.op === '=') {
    const c = convertScalar(value0, target.type);
    if ('error' in c) {
      sema.error(value0.span, dt('cpp.sema.expr-ops.in-assignment', c.error));
      return errorExpr(span);
    }
    return { kind: 'assign', target, value: c.expr, type: target.type, category: 'lvalue', span };
  }
  const op = e.op.slice(0, -1) as CompoundOp;
  const tt = target.type;
  const value = toRvalue(value0);
  if (
    tt.kind === 'pointer' &&
    (op === '+' || op === '-') &&
    (value.type.kind === 'int' || value.type.kind === 'enum')
  ) {
    const c = convertScalar(value, LONG);
    if ('error' in c) return errorExpr(span);
    return {
      kind: 'compound-assign',
      op,
      target,
      value: c.expr,
      computeType: tt,
      type: tt,
      category: 'lvalue',
      span,
    };
  }
  if (!isArithmetic(tt) || !isArithmetic(value.type) || (tt.kind === 'enum' && isScoped(tt))) {
    if (classOperatorRefused(sema, e.op, tt, value.type, e.opSpan)) return errorExpr(span);
    sema.error(
      e.opSpan,
      dt('cpp.sema.expr-ops.invalid-operands-to-and-2', e.op, typeName(tt), typeName(value0.type)),
    );
    return errorExpr(span);
  }
  const integerOnly = ['%', '&', '|', '^', '<<', '>>'].includes(op);
  if (integerOnly && (tt.kind === 'float' || value.type.kind === 'float')) {
    sema.error(e.opSpan, dt('cpp.sema.expr-ops.needs-integer-operands', e.op));
    return errorExpr(span);
  }
  const computeType = op === '<<' || op === '>>' ? promote(tt) : usualArithmetic(tt, value.type);
  const c = convertScalar(value, op === '<<' || op === '>>' ? promote(value.type) : computeType);
  if ('error' in c) return errorExpr(span);
  return {
    kind: 'compound-assign',
    op,
    target,
    value: c.expr,
    computeType,
    type: tt,
    category: 'lvalue',
    span,
  };
}

function zeroOf(t: CType, span: Span): Expr {
  if (t.kind === 'float') return { kind: 'float-literal', value: 0, type: t, category: 'prvalue', span };
  if (t.kind === 'pointer')
    return {
      kind: 'cast',
      conversion: 'null-to-pointer',
      implicit: true,
      style: 'implicit',
      operand: {
        kind: 'nullptr',
        type: { kind: 'pointer', pointee: { kind: 'void' } },
        category: 'prvalue',
        span,
      },
      type: t,
      category: 'prvalue',
      span,
    };
  return { kind: 'int-literal', value: 0n, type: t, category: 'prvalue', span };
}

/** `a = b` on class objects: a byte copy, the user's operator=, or the library's semantics. */
function recordAssign(
  sema: Sema,
  target: Expr,
  rightSyntax: ExprSyntax | InitListSyntax,
  span: Span,
  opSpan: Span,
): Expr {
  if (target.type.kind !== 'record') return errorExpr(span);
  const type = target.type;
  if (!requireModifiable(sema, target, dt('cpp.sema.expr-ops.assignment'), opSpan)) return errorExpr(span);
  let source: Expr;
  if (rightSyntax.kind === 'init-list') {
    const init = listInit(sema, type, rightSyntax, { what: dt('cpp.ctx.assignment'), span, list: true });
    if (!init) return errorExpr(span);
    source =
      init.kind === 'expr'
        ? init.expr
        : { kind: 'temporary', init, type, category: 'prvalue', span: rightSyntax.span };
  } else {
    source = checkExpr(sema, rightSyntax);
    if (source.kind === 'error') return source;
  }
  const std = type.decl.std?.kind ?? null;
  if (std && (std === 'shared_ptr' || std === 'unique_ptr') && isNullPointerConstant(source)) {
    return {
      kind: 'record-assign',
      target,
      source: {
        kind: 'temporary',
        init: { kind: 'zero', type, span: source.span },
        type,
        category: 'prvalue',
        span: source.span,
      },
      method: null,
      move: true,
      std,
      type,
      category: 'lvalue',
      span,
    };
  }
  if (source.type.kind !== 'record' || !sameType(source.type, type)) {
    sema.error(
      source.span,
      dt('cpp.sema.expr-ops.cannot-assign-a-to-a', typeName(source.type), typeName(type)),
    );
    return errorExpr(span);
  }
  const move = source.category !== 'lvalue';
  const src = source.category === 'prvalue' ? materialize(source) : source;
  if (std) {
    if (std === 'unique_ptr' && !move) {
      sema.error(source.span, dt('cpp.sema.expr-ops.std-unique-ptr-cannot-be-copied'));
      return errorExpr(span);
    }
    return {
      kind: 'record-assign',
      target,
      source: src,
      method: null,
      move,
      std,
      type,
      category: 'lvalue',
      span,
    };
  }
  const info = recordInfo(sema, type);
  const ops = info?.methods.filter((f) => f.name === 'operator=') ?? [];
  const copyOp = ops.find((f) => f.method?.special === 'copy-assign');
  const moveOp = ops.find((f) => f.method?.special === 'move-assign');
  const chosen = move && moveOp ? moveOp : copyOp;
  if (chosen?.method?.deleted) {
    sema.error(
      span,
      dt(
        'cpp.sema.expr-ops.the-assignment-of-is-deleted',
        dt(chosen === moveOp ? 'cpp.move' : 'cpp.copy'),
        type.decl.name,
      ),
    );
    return errorExpr(span);
  }
  if (
    !chosen &&
    (type.decl.specialMembers.moveCtor !== 'implicit' ||
      type.decl.specialMembers.moveAssign !== 'implicit') &&
    !move
  ) {
    sema.error(span, dt('cpp.sema.expr-ops.cannot-be-copy-assigned-a-user', type.decl.name));
    return errorExpr(span);
  }
  if (info?.fields.some((f) => f.type.kind === 'reference')) {
    sema.error(span, dt('cpp.sema.expr-ops.has-a-reference-member-so-it', type.decl.name));
    return errorExpr(span);
  }
  return {
    kind: 'record-assign',
    target,
    source: src,
    method: chosen && !chosen.method?.defaulted ? chosen : null,
    move,
    std: null,
    type,
    category: 'lvalue',
    span,
  };
}

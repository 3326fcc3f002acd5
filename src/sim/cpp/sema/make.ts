/**
 * Factories for typed expression nodes, and the standard conversions every operand goes through
 * (lvalue-to-rvalue, array-to-pointer, function-to-pointer).
 */
import type { CType, RecordDecl } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { CastExpr, Conversion, Expr } from '../ast';
import { ptrTo, VOID } from './types';

/** An expression that failed to type-check; already diagnosed. */
export function errorExpr(span: Span): Expr {
  return { kind: 'error', type: VOID, category: 'prvalue', span };
}

export function isError(e: Expr): boolean {
  return e.kind === 'error';
}

/** A conversion node (implicit unless a style is given). */
export function cast(
  conversion: Conversion,
  operand: Expr,
  type: CType,
  opts: { style?: CastExpr['style']; category?: Expr['category']; base?: RecordDecl; isConst?: boolean } = {},
): Expr {
  const node: CastExpr = {
    kind: 'cast',
    conversion,
    implicit: opts.style === undefined || opts.style === 'implicit',
    style: opts.style ?? 'implicit',
    operand,
    type,
    category: opts.category ?? 'prvalue',
    span: operand.span,
  };
  if (opts.base) node.base = opts.base;
  if (opts.isConst) node.isConst = true;
  return node;
}

export function isGlvalue(e: Expr): boolean {
  return e.category !== 'prvalue';
}

/**
 * The value of an operand used as a scalar: loads a scalar glvalue, decays arrays and functions
 * to pointers. Class types are returned unchanged (they are not loaded as a whole).
 */
export function toRvalue(e: Expr): Expr {
  if (e.kind === 'error') return e;
  if (e.type.kind === 'array' && isGlvalue(e)) {
    return cast('array-to-pointer', e, ptrTo(e.type.element, Boolean(e.isConst)));
  }
  if (e.type.kind === 'function') return cast('function-to-pointer', e, ptrTo(e.type));
  if (isGlvalue(e) && e.type.kind !== 'record' && e.type.kind !== 'void')
    return cast('lvalue-to-rvalue', e, e.type);
  return e;
}

/** An `int` (or other integer type) constant. */
export function intLiteral(value: bigint, type: CType, span: Span): Expr {
  return { kind: 'int-literal', value, type, category: 'prvalue', span };
}

/** The span from the start of `a` to the end of `b`. */
export function joinSpan(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

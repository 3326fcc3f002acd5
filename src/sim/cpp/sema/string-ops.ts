/**
 * The operators libstdc++ defines on std::string that the simulator models: `a + b`, `a == b`,
 * `a != b` (a std::string with another, a C string or a char) and `s += x`. Each becomes a library
 * node: `std::operator+` builds a new string (a prvalue), the comparisons yield bool, `+=` is the
 * `operator+=` member (it appends, growing the buffer as libstdc++'s _M_mutate does).
 */
import { dt } from '../../diag';
import type { RecordType } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { BuiltinName, Expr } from '../ast';
import type { Sema } from './context';
import { materialize } from './init';
import { errorExpr, isGlvalue, toRvalue } from './make';
import { BOOL, typeName } from './types';

export function isStdString(e: Expr): e is Expr & { type: RecordType } {
  return e.type.kind === 'record' && e.type.decl.std?.kind === 'string';
}

/** A std::string operand as a glvalue (a prvalue is materialised), a C string or a char; else null. */
function stringOperand(e: Expr): Expr | null {
  if (isStdString(e)) return isGlvalue(e) ? e : materialize(e);
  const r = toRvalue(e);
  const t = r.type;
  if (t.kind === 'pointer' && t.pointee.kind === 'int' && t.pointee.name === 'char') return r;
  if (t.kind === 'int' && t.name === 'char') return r;
  return null;
}

/** `a + b`, `a == b`, `a != b` with a std::string on either side; null when neither side is one. */
export function stringBinary(
  sema: Sema,
  op: string,
  l0: Expr,
  r0: Expr,
  span: Span,
  opSpan: Span,
): Expr | null {
  const str = isStdString(l0) ? l0 : isStdString(r0) ? r0 : null;
  if (str === null || !['+', '==', '!='].includes(op)) return null;
  const l = stringOperand(l0);
  const r = stringOperand(r0);
  const charOnly = (x: Expr | null) => x !== null && x.type.kind === 'int';
  if (l === null || r === null || (op !== '+' && (charOnly(l) || charOnly(r)))) {
    sema.diags.unsupported(
      opSpan,
      dt('cpp.sema.string-ops.between-and', op, typeName(l0.type), typeName(r0.type)),
    );
    return errorExpr(span);
  }
  const name: BuiltinName =
    op === '+' ? 'std::operator+' : op === '==' ? 'std::operator==' : 'std::operator!=';
  return {
    kind: 'builtin-call',
    builtin: name,
    args: [l, r],
    typeArgs: [],
    type: op === '+' ? str.type : BOOL,
    category: 'prvalue',
    span,
  };
}

/** `s += x` for a std::string `s` (x a std::string, a C string or a char); null when s is not a string. */
export function stringAppend(sema: Sema, target: Expr, value0: Expr, span: Span, opSpan: Span): Expr | null {
  if (!isStdString(target)) return null;
  const value = stringOperand(value0);
  if (value === null) {
    sema.diags.unsupported(opSpan, dt('cpp.sema.string-ops.of-a-to-a-std-string', typeName(value0.type)));
    return errorExpr(span);
  }
  return {
    kind: 'std-method',
    std: 'string',
    method: 'operator+=',
    record: target.type.decl,
    object: target,
    args: [value],
    type: target.type,
    category: 'lvalue',
    span,
  };
}

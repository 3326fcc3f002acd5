/**
 * Codon's own error messages for the checks this front end makes, in Codon's words, so a learner who
 * later runs the real compiler recognises them. Each comes from `Emsg` in `codon/compiler/error.h`
 * (Codon 0.19); the enum name is given with each. Learner hints are appended after the Codon text.
 *
 * Each is a diagnostic text (src/sim/diag.ts `DiagText`): the ids `codon.emsg.*` quote Codon, so in
 * Chinese they show a Chinese rendering followed by this English original; the hints are the
 * project's own words and are translated whole (catalogues in src/sim/messages/diag/codon-emsg.ts).
 */
import { dt, type DiagText } from '../diag';
import type { Expr } from './ast';
import type { CodonType } from './types';
import { prune, typeName } from './types';

/** TYPE_UNIFY: "'{}' does not match expected type '{}'". */
export function typeUnify(actual: CodonType, expected: CodonType): DiagText {
  return dt('codon.emsg.type-unify', typeName(actual), typeName(expected));
}

/** ID_NOT_FOUND: "name '{}' is not defined". */
export function idNotFound(name: string): DiagText {
  return dt('codon.emsg.id-not-found', name);
}

/** DOT_NO_ATTR: "'{}' object has no attribute '{}'". */
export function dotNoAttr(t: CodonType, attr: string): DiagText {
  return dt('codon.emsg.dot-no-attr', typeName(t), attr);
}

/** OP_NO_MAGIC: "unsupported operand type(s) for {}: '{}' and '{}'". */
export function opNoMagic(op: string, a: CodonType, b: CodonType): DiagText {
  return dt('codon.emsg.op-no-magic', op, typeName(a), typeName(b));
}

/** CALL_ARGS_MANY: "{}() takes {} arguments ({} given)". */
export function callArgsMany(fn: string, expected: number, given: number): DiagText {
  return dt('codon.emsg.call-args-many', fn, expected, given);
}

/** CALL_ARGS_MISSING: "{}() missing 1 required positional argument: '{}'". */
export function callArgsMissing(fn: string, param: string): DiagText {
  return dt('codon.emsg.call-args-missing', fn, param);
}

/** CALL_ARGS_INVALID: "'{}' is an invalid keyword argument for {}()". */
export function callArgsInvalid(kw: string, fn: string): DiagText {
  return dt('codon.emsg.call-args-invalid', kw, fn);
}

/** INT_RANGE: "integer '{}' cannot fit into 64-bit integer". */
export function intRange(text: string): DiagText {
  return dt('codon.emsg.int-range', text);
}

/** CALL_PTR_VAR (Codon 0.19): "__ptr__() only takes identifiers or tuple fields as arguments". */
/** TUPLE_RANGE_BOUNDS (error.h): a static tuple index past the end, also from unpacking (assign.cpp `unpackAssignment`). */
export function tupleRangeBounds(last: number, got: number): DiagText {
  return dt('codon.emsg.tuple-range-bounds', last, got);
}

export const CALL_PTR_VAR = dt('codon.emsg.call-ptr-var');
/** ASSIGN_UNEXPECTED_FROZEN: "cannot modify tuple attributes". */
export const ASSIGN_UNEXPECTED_FROZEN = dt('codon.emsg.assign-unexpected-frozen');
/** FN_ARG_TWICE: "duplicate argument '{}' in function definition". */
export function fnArgTwice(name: string): DiagText {
  return dt('codon.emsg.fn-arg-twice', name);
}
/** CLASS_ARG_TWICE: "duplicate data attribute '{}' in class definition". */
export function classArgTwice(name: string): DiagText {
  return dt('codon.emsg.class-arg-twice', name);
}
/** FN_OUTSIDE_ERROR: "'{}' outside function". */
export function outsideFunction(what: string): DiagText {
  return dt('codon.emsg.outside-function', what);
}
/** EXPECTED_LOOP: "'{}' outside loop". */
export function outsideLoop(what: string): DiagText {
  return dt('codon.emsg.outside-loop', what);
}
/** ASSIGN_LOCAL_REFERENCE: "local variable '{}' referenced before assignment at {}" (the place is the diagnostic's own). */
export function localBeforeAssignment(name: string): DiagText {
  return dt('codon.emsg.local-before-assignment', name);
}

/** A short source-like rendering of an expression, for hints (`out`, `res.arr`). */
export function exprText(e: Expr): string | null {
  switch (e.kind) {
    case 'name':
      return e.id;
    case 'attr': {
      const t = exprText(e.target);
      return t === null ? null : `${t}.${e.name}`;
    }
    default:
      return null;
  }
}

/** A plain-English explanation appended to a TYPE_UNIFY error where the mismatch is a known trap. */
export function mismatchHint(actual: CodonType, expected: CodonType, arg: Expr | null): DiagText {
  const a = prune(actual);
  const x = prune(expected);
  const name = arg ? exprText(arg) : null;
  if (a.kind === 'list' && x.kind === 'ptr') {
    const elem = typeName(x.elem);
    const buffer = name ? dt('codon.hint.buffer-named', name) : dt('codon.hint.buffer-list');
    return dt('codon.hint.list-to-ptr', buffer, elem);
  }
  if (a.kind === 'ptr' && x.kind === 'list') {
    return dt('codon.hint.ptr-to-list');
  }
  if (a.kind === 'int' && x.kind === 'ptr') {
    return dt('codon.hint.int-to-ptr', typeName(x.elem));
  }
  if (a.kind === 'float' && x.kind === 'int') {
    return dt('codon.hint.float-to-int');
  }
  if (a.kind === 'str' && x.kind === 'ptr') {
    return dt('codon.hint.str-to-ptr');
  }
  if (a.kind === 'ptr' && x.kind === 'ptr') {
    return dt('codon.hint.ptr-elem', typeName(a.elem), typeName(x.elem));
  }
  return dt('codon.empty');
}

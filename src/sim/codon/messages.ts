/**
 * Codon's own error messages for the checks this front end makes, in Codon's words, so a learner who
 * later runs the real compiler recognises them. Each comes from `Emsg` in `codon/compiler/error.h`
 * (Codon 0.19); the enum name is given with each. Learner hints are appended after the Codon text.
 */
import type { Expr } from './ast';
import type { CodonType } from './types';
import { prune, typeName } from './types';

/** TYPE_UNIFY: "'{}' does not match expected type '{}'". */
export function typeUnify(actual: CodonType, expected: CodonType): string {
  return `'${typeName(actual)}' does not match expected type '${typeName(expected)}'`;
}

/** ID_NOT_FOUND: "name '{}' is not defined". */
export function idNotFound(name: string): string {
  return `name '${name}' is not defined`;
}

/** DOT_NO_ATTR: "'{}' object has no attribute '{}'". */
export function dotNoAttr(t: CodonType, attr: string): string {
  return `'${typeName(t)}' object has no attribute '${attr}'`;
}

/** OP_NO_MAGIC: "unsupported operand type(s) for {}: '{}' and '{}'". */
export function opNoMagic(op: string, a: CodonType, b: CodonType): string {
  return `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`;
}

/** CALL_ARGS_MANY: "{}() takes {} arguments ({} given)". */
export function callArgsMany(fn: string, expected: number, given: number): string {
  return `${fn}() takes ${expected} arguments (${given} given)`;
}

/** CALL_ARGS_MISSING: "{}() missing 1 required positional argument: '{}'". */
export function callArgsMissing(fn: string, param: string): string {
  return `${fn}() missing 1 required positional argument: '${param}'`;
}

/** CALL_ARGS_INVALID: "'{}' is an invalid keyword argument for {}()". */
export function callArgsInvalid(kw: string, fn: string): string {
  return `'${kw}' is an invalid keyword argument for ${fn}()`;
}

/** INT_RANGE: "integer '{}' cannot fit into 64-bit integer". */
export function intRange(text: string): string {
  return `integer '${text}' cannot fit into 64-bit integer`;
}

/** CALL_PTR_VAR (Codon 0.19): "__ptr__() only takes identifiers or tuple fields as arguments". */
/** TUPLE_RANGE_BOUNDS (error.h): a static tuple index past the end, also from unpacking (assign.cpp `unpackAssignment`). */
export function tupleRangeBounds(last: number, got: number): string {
  return `tuple index out of range (expected 0..${last}, got instead ${got})`;
}

export const CALL_PTR_VAR = '__ptr__() only takes identifiers or tuple fields as arguments';
/** ASSIGN_UNEXPECTED_FROZEN: "cannot modify tuple attributes". */
export const ASSIGN_UNEXPECTED_FROZEN = 'cannot modify tuple attributes';
/** FN_ARG_TWICE: "duplicate argument '{}' in function definition". */
export function fnArgTwice(name: string): string {
  return `duplicate argument '${name}' in function definition`;
}
/** CLASS_ARG_TWICE: "duplicate data attribute '{}' in class definition". */
export function classArgTwice(name: string): string {
  return `duplicate data attribute '${name}' in class definition`;
}
/** FN_OUTSIDE_ERROR: "'{}' outside function". */
export function outsideFunction(what: string): string {
  return `'${what}' outside function`;
}
/** EXPECTED_LOOP: "'{}' outside loop". */
export function outsideLoop(what: string): string {
  return `'${what}' outside loop`;
}
/** ASSIGN_LOCAL_REFERENCE: "local variable '{}' referenced before assignment at {}" (the place is the diagnostic's own). */
export function localBeforeAssignment(name: string): string {
  return `local variable '${name}' referenced before assignment`;
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
export function mismatchHint(actual: CodonType, expected: CodonType, arg: Expr | null): string {
  const a = prune(actual);
  const x = prune(expected);
  const name = arg ? exprText(arg) : null;
  if (a.kind === 'list' && x.kind === 'ptr') {
    const elem = typeName(x.elem);
    const buffer = name ? `\`${name}.arr.ptr\`` : "the list's buffer (`lst.arr.ptr`)";
    return (
      ' Codon has no implicit conversion from a list to a pointer: a list is an object {len, arr} on the GC heap,' +
      ` and C needs the address of its numbers. Pass ${buffer}, or allocate the buffer yourself: \`buf = Ptr[${elem}](4)\`.`
    );
  }
  if (a.kind === 'ptr' && x.kind === 'list') {
    return ` A pointer is not a list: copy the values into one, e.g. \`[p[i] for i in range(4)]\`.`;
  }
  if (a.kind === 'int' && x.kind === 'ptr') {
    return ` A number is not a pointer: use \`Ptr[${typeName(x.elem)}]()\` for a null pointer, or \`Ptr[${typeName(x.elem)}](n)\` to allocate n elements.`;
  }
  if (a.kind === 'float' && x.kind === 'int') {
    return ' Codon converts an int to a float where a float is expected, but never a float to an int: write `int(x)`.';
  }
  if (a.kind === 'str' && x.kind === 'ptr') {
    return " A str is a {len, ptr} pair, not a pointer: pass `s.ptr` for its bytes (a literal's bytes end with a NUL, other strings' need not).";
  }
  if (a.kind === 'ptr' && x.kind === 'ptr') {
    return ` The element types differ: a Ptr[${typeName(a.elem)}] points to ${typeName(a.elem)} values, not ${typeName(x.elem)} values.`;
  }
  return '';
}

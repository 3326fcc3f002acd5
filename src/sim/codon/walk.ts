/** Generic traversal of the Codon syntax tree (pre-order), for passes that touch every node. */
import type { Expr, Stmt } from './ast';

export interface Visitor {
  expr?(e: Expr): void;
  stmt?(s: Stmt): void;
}

/** The direct sub-expressions of an expression. */
export function childExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case 'unary':
      return [e.operand];
    case 'binary':
    case 'boolop':
      return [e.left, e.right];
    case 'compare':
      return e.operands;
    case 'call':
      return [e.callee, ...e.args, ...e.keywords.map((k) => k.value)];
    case 'index':
      return [e.target, e.index];
    case 'attr':
      return [e.target];
    case 'list':
    case 'tuple':
    case 'set':
      return e.items;
    case 'dict':
      return e.keys.flatMap((k, i) => [k, ...(e.values[i] ? [e.values[i] as Expr] : [])]);
    case 'listcomp':
      return [e.elt, e.target, e.iter, ...e.conditions];
    case 'ifexp':
      return [e.test, e.body, e.orelse];
    case 'slice':
      return [e.target, ...(e.lower ? [e.lower] : []), ...(e.upper ? [e.upper] : [])];
    case 'fstring':
      return e.parts.flatMap((p) => (p.kind === 'field' ? [p.expr] : []));
    default:
      return [];
  }
}

/** Visits an expression and everything inside it. */
export function walkExpr(e: Expr, v: Visitor): void {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const cur = stack.pop() as Expr;
    v.expr?.(cur);
    const kids = childExprs(cur);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Expr);
  }
}

/** The expressions a statement holds directly (not those of nested statements). */
export function stmtExprs(s: Stmt): Expr[] {
  switch (s.kind) {
    case 'assign':
      return s.annotation ? [s.target, s.annotation, s.value] : [s.target, s.value];
    case 'augassign':
      return [s.target, s.value];
    case 'expr':
      return [s.expr];
    case 'if':
    case 'while':
      return [s.test];
    case 'for':
      return [...(s.unpack ?? [s.target]), s.iter];
    case 'return':
      return s.value ? [s.value] : [];
    case 'def':
      return [
        ...s.params.flatMap((p) => (p.annotation ? [p.annotation] : [])),
        ...(s.returns ? [s.returns] : []),
      ];
    case 'class':
      return s.fields.map((f) => f.annotation);
    case 'cimport':
      return [...s.params, ...(s.returns ? [s.returns] : [])];
    default:
      return [];
  }
}

/** The statement lists nested in a statement. */
export function childBlocks(s: Stmt): Stmt[][] {
  switch (s.kind) {
    case 'if':
      return [s.body, s.orelse];
    case 'while':
    case 'for':
    case 'def':
      return [s.body];
    case 'class':
      return s.methods ? [s.methods] : [];
    case 'try':
      return [s.body, ...s.handlers.map((h) => h.body)];
    default:
      return [];
  }
}

/** Visits statements, their nested blocks and all their expressions. */
export function walkStmts(stmts: Stmt[], v: Visitor): void {
  for (const s of stmts) {
    v.stmt?.(s);
    if (v.expr) for (const e of stmtExprs(s)) walkExpr(e, v);
    for (const block of childBlocks(s)) walkStmts(block, v);
  }
}

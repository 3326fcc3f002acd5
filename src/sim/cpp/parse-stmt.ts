/**
 * Statements inside function bodies. Each statement recovers from its own syntax error (skipping to
 * the next `;` or `}`), so several mistakes in one function are all reported.
 */
import { dt, type Msg } from '../diag';
import { parseSimpleDeclaration, parseStaticAssert, parseUsing } from './parse-decl';
import { parseExpression, parseInitClause } from './parse-expr';
import { DECL_SPEC_KEYWORDS, SyntaxBailout, TYPE_KEYWORDS, type ParserState } from './parser-state';
import type { BlockSyntax, SimpleDeclSyntax, StmtSyntax } from './syntax';

/** `{ statements }`; the cursor is on `{`. */
export function parseBlock(p: ParserState): BlockSyntax {
  const open = p.expect('{', dt('cpp.parse-stmt.to-begin-the-block'));
  p.enter();
  const stmts: StmtSyntax[] = [];
  while (!p.is('}') && !p.atEof && !p.diags.full) {
    const start = p.i;
    try {
      stmts.push(parseStatement(p));
    } catch (e) {
      if (!(e instanceof SyntaxBailout)) throw e;
      p.noGreater = false;
      p.synchronize(start);
      stmts.push({ kind: 'error-stmt', span: p.spanFrom(p.at(start).span) });
    }
    if (p.i === start) p.next();
  }
  if (!p.is('}')) {
    p.leave();
    p.diags.error(open.span, dt('cpp.parse-stmt.this-has-no-matching'));
    return { kind: 'block', stmts, span: p.spanFrom(open.span) };
  }
  p.next();
  p.leave();
  return { kind: 'block', stmts, span: p.spanFrom(open.span) };
}

/** Whether the statement at the cursor is a declaration (as C++ decides: by what the names denote). */
export function isDeclarationStart(p: ParserState): boolean {
  const t = p.tok;
  if (t.kind === 'keyword') {
    if (['using', 'typedef', 'static_assert'].includes(t.text)) return true;
    if (TYPE_KEYWORDS.has(t.text) && t.text !== 'auto') {
      // `double(x);` / `int{3};` are expressions (functional casts); `int (*fp)(double);` is not.
      if (p.isAt(p.i + 1, '('))
        return p.peek(2).kind === 'punct' && ['*', '&', '&&'].includes(p.peek(2).text);
      return !p.isAt(p.i + 1, '{');
    }
    return DECL_SPEC_KEYWORDS.has(t.text);
  }
  if (t.kind === 'punct' && t.text === '[' && p.isAt(p.i + 1, '[')) return true;
  if (t.kind === 'ident' || (t.kind === 'punct' && t.text === '::')) {
    const { parts, end } = p.scanQualified(p.i);
    if (parts.length === 0) return false;
    if (p.namesType(parts)) {
      // `P (*f)(double) = mk;` declares a function pointer; `P(x);` is a functional cast.
      if (p.isAt(end, '('))
        return p.at(end + 1).kind === 'punct' && ['*', '&', '&&'].includes(p.at(end + 1).text);
      return !(p.isAt(end, '{') || p.isAt(end, '::') || p.isAt(end, '.'));
    }
    // An unknown name followed by a declarator looks like a declaration of an unknown type:
    // `Foo bar;`, `Foo* bar = ...`. Sema reports the unknown type. A name declared as a
    // variable or function starts an expression (`d * i;`).
    if (parts.length === 1 && p.valueNames.has(parts[0] ?? '')) return false;
    const next = p.at(end);
    if (next.kind === 'ident') return true;
    if ((next.text === '*' || next.text === '&') && next.kind === 'punct' && p.at(end + 1).kind === 'ident') {
      const after = p.at(end + 2).text;
      return after === '=' || after === ';' || after === ',' || after === '[';
    }
  }
  return false;
}

export function parseStatement(p: ParserState): StmtSyntax {
  p.enter();
  try {
    return parseStatementInner(p);
  } finally {
    p.leave();
  }
}

function parseStatementInner(p: ParserState): StmtSyntax {
  const t = p.tok;
  if (t.kind === 'punct') {
    if (t.text === '{') return parseBlock(p);
    if (t.text === ';') {
      p.next();
      return { kind: 'empty', span: t.span };
    }
  }
  if (t.kind === 'keyword') {
    const handler = KEYWORD_STATEMENTS[t.text];
    if (handler) return handler(p);
  }
  if (t.kind === 'ident' && p.isAt(p.i + 1, ':') && !p.isAt(p.i + 1, '::')) {
    p.next();
    p.next();
    // After a refused `goto`, its label is part of that refusal.
    if (!p.diags.refusedNames.has('goto'))
      p.diags.unsupported(t.span, dt('cpp.parse-stmt.a-label-the-target-of-goto'));
    return p.is('}') ? { kind: 'error-stmt', span: t.span } : parseStatement(p);
  }
  if (isDeclarationStart(p)) {
    const decl = parseSimpleDeclaration(p, { linkage: 'C++', local: true });
    return { kind: 'decl-stmt', decl, span: decl.span };
  }
  const expr = parseExpression(p);
  p.endStatement(dt('cpp.parse-stmt.expected-after-the-expression'));
  return { kind: 'expr-stmt', expr, span: p.spanFrom(expr.span) };
}

type StatementHandler = (p: ParserState) => StmtSyntax;

/** Parses `( condition )`. */
function parseCondition(p: ParserState, what: Msg): ReturnType<typeof parseExpression> {
  p.expect('(', dt('cpp.parse-stmt.after', what));
  if (isDeclarationStart(p)) p.fail(dt('cpp.parse-stmt.a-declaration-inside-the-condition-of', what));
  const saved = p.noGreater;
  p.noGreater = false;
  const cond = parseExpression(p);
  p.noGreater = saved;
  if (p.is(';')) p.fail(dt('cpp.parse-stmt.an-init-statement-in-init-condition', what));
  p.expect(')', dt('cpp.parse-stmt.to-close-the-condition-of', what));
  return cond;
}

/** Skips the rest of an unsupported statement: balanced groups, up to and including its `;` or block. */
function skipUnsupported(p: ParserState, what: Msg, hint?: Msg): StmtSyntax {
  const t = p.next();
  p.diags.unsupported(t.span, what, hint);
  for (;;) {
    if (p.atEof || p.is('}')) break;
    if (p.is(';')) {
      p.next();
      break;
    }
    if (p.is('{')) {
      p.skipBalanced();
      // `try { } catch (...) { }` continues with its handlers.
      if (p.is('catch')) continue;
      break;
    }
    if (p.is('(') || p.is('[')) p.skipBalanced();
    else p.next();
  }
  return { kind: 'error-stmt', span: p.spanFrom(t.span) };
}

const KEYWORD_STATEMENTS: Readonly<Record<string, StatementHandler>> = {
  if(p) {
    const t = p.next();
    if (p.is('constexpr')) p.fail(dt('cpp.parse-stmt.if-constexpr-is-not-modelled-by'));
    const cond = parseCondition(p, dt('cpp.parse-stmt.if'));
    const then = parseStatement(p);
    if (p.accept('else')) {
      const otherwise = parseStatement(p);
      return { kind: 'if', cond, then, else: otherwise, span: p.spanFrom(t.span) };
    }
    return { kind: 'if', cond, then, span: p.spanFrom(t.span) };
  },
  while(p) {
    const t = p.next();
    const cond = parseCondition(p, dt('cpp.parse-stmt.while'));
    const body = parseStatement(p);
    return { kind: 'while', cond, body, span: p.spanFrom(t.span) };
  },
  do(p) {
    const t = p.next();
    const body = parseStatement(p);
    if (!p.is('while')) p.failAfterPrev(dt('cpp.parse-stmt.expected-while-after-the-body-of'));
    p.next();
    const cond = parseCondition(p, dt('cpp.parse-stmt.do-while'));
    p.endStatement(dt('cpp.parse-stmt.expected-after-do-while'));
    return { kind: 'do-while', body, cond, span: p.spanFrom(t.span) };
  },
  for(p) {
    const t = p.next();
    p.expect('(', dt('cpp.parse-stmt.after-for'));
    const saved = p.noGreater;
    p.noGreater = false;
    let init: StmtSyntax | undefined;
    if (p.is(';')) p.next();
    else if (isDeclarationStart(p)) {
      const decl = parseSimpleDeclaration(p, { linkage: 'C++', local: true, forInit: true });
      if (decl.rangeColon) {
        p.next();
        const range = parseInitClause(p);
        p.expect(')', dt('cpp.parse-stmt.to-close-the-range-for'));
        p.noGreater = saved;
        const body = parseStatement(p);
        const d: SimpleDeclSyntax = { ...decl };
        delete (d as { rangeColon?: boolean }).rangeColon;
        return { kind: 'range-for', decl: d, range, body, span: p.spanFrom(t.span) };
      }
      init = { kind: 'decl-stmt', decl, span: decl.span };
    } else {
      const e = parseExpression(p);
      p.expect(';', dt('cpp.parse-stmt.after-the-first-part-of-for'));
      init = { kind: 'expr-stmt', expr: e, span: e.span };
    }
    const cond = p.is(';') ? undefined : parseExpression(p);
    p.expect(';', dt('cpp.parse-stmt.after-the-condition-of-for'));
    const step = p.is(')') ? undefined : parseExpression(p);
    p.expect(')', dt('cpp.parse-stmt.to-close-for'));
    p.noGreater = saved;
    const body = parseStatement(p);
    return {
      kind: 'for',
      ...(init ? { init } : {}),
      ...(cond ? { cond } : {}),
      ...(step ? { step } : {}),
      body,
      span: p.spanFrom(t.span),
    };
  },
  return(p) {
    const t = p.next();
    if (p.is(';')) {
      p.next();
      return { kind: 'return', span: p.spanFrom(t.span) };
    }
    const value = parseInitClause(p);
    p.endStatement(dt('cpp.parse-stmt.expected-after-the-return-value'));
    return { kind: 'return', value, span: p.spanFrom(t.span) };
  },
  break(p) {
    const t = p.next();
    p.endStatement(dt('cpp.parse-stmt.expected-after-break'));
    return { kind: 'break', span: t.span };
  },
  continue(p) {
    const t = p.next();
    p.endStatement(dt('cpp.parse-stmt.expected-after-continue'));
    return { kind: 'continue', span: t.span };
  },
  using(p) {
    const u = parseUsing(p);
    if (u.kind === 'alias') return { kind: 'decl-stmt', decl: u, span: u.span };
    return { kind: 'empty', span: u.span };
  },
  static_assert(p) {
    const a = parseStaticAssert(p);
    return { kind: 'decl-stmt', decl: a, span: a.span };
  },
  goto: (p) => skipUnsupported(p, dt('cpp.parse-stmt.goto')),
  switch: (p) => skipUnsupported(p, dt('cpp.parse-stmt.switch'), dt('cpp.parse-stmt.write-it-with-if-else')),
  case: (p) => skipUnsupported(p, dt('cpp.parse-stmt.case-outside-a-switch')),
  default: (p) => skipUnsupported(p, dt('cpp.parse-stmt.default-outside-a-switch')),
  try: (p) => skipUnsupported(p, dt('cpp.parse-stmt.try-catch-exceptions')),
  catch: (p) => skipUnsupported(p, dt('cpp.parse-stmt.catch-exceptions')),
  co_return: (p) => skipUnsupported(p, dt('cpp.parse-stmt.coroutines-co-return')),
  asm: (p) => skipUnsupported(p, dt('cpp.parse-stmt.inline-assembly')),
  __asm__: (p) => skipUnsupported(p, dt('cpp.parse-stmt.inline-assembly')),
  __asm: (p) => skipUnsupported(p, dt('cpp.parse-stmt.inline-assembly')),
  // g++: "a template declaration cannot appear at block scope".
  template: (p) => p.fail(dt('cpp.parse-stmt.a-template-cannot-be-declared-inside')),
  else: (p) => p.fail(dt('cpp.parse-stmt.else-without-a-previous-if')),
  namespace: (p) => p.fail(dt('cpp.parse-stmt.a-namespace-cannot-be-declared-inside')),
  extern: (p) =>
    p.peek().kind === 'string'
      ? p.fail(dt('cpp.parse-stmt.a-linkage-specification-extern-c-cannot'))
      : declStmt(p),
};

function declStmt(p: ParserState): StmtSyntax {
  const decl = parseSimpleDeclaration(p, { linkage: 'C++', local: true });
  return { kind: 'decl-stmt', decl, span: decl.span };
}

/**
 * `try:` with `except CError:` / `except CError as e:` clauses. CError is what a Codon 0.19
 * program of this subset can raise and catch: dlopen.codon's `dlsym` raises `CError(dlerror())`
 * when the library or the symbol of a `from C import LIB.f` is missing (the import runs where it
 * stands: typecheck/import.cpp `transformCDLLImport`). Other clauses (`except:`, another class, a
 * tuple of classes, `else:`, `finally:`) are valid Codon the simulator refuses, each where it is.
 */
import type { Msg, Span } from '../diag';
import { dt } from '../diag';
import type { ExceptHandler, Stmt, TryStmt } from './ast';
import type { Token } from './lexer';
import { spanFrom } from './parse-base';

/** What the statement parser lends the `try` parser (its own methods are not public). */
export interface TryParserHost {
  peek(k?: number): Token;
  next(): Token;
  isKeyword(text: string): boolean;
  isOp(text: string): boolean;
  expectColon(header: Token, what: Msg): void;
  suite(header: Token): Stmt[];
  notModelled(span: Span, what: Msg, hint?: Msg): void;
  syntax(span: Span, message: Msg): void;
  skipClause(): void;
}

/** The exception classes a handler may name. */
export const CATCHABLE = new Set(['CError']);

export function parseTry(p: TryParserHost): Stmt[] {
  const kw = p.next();
  p.expectColon(kw, dt('codon.parse-try.try-line'));
  const body = p.suite(kw);
  const handlers: ExceptHandler[] = [];
  let end: Span = body[body.length - 1]?.span ?? kw.span;
  while (p.isKeyword('except') || p.isKeyword('else') || p.isKeyword('finally')) {
    const clause = p.peek();
    if (clause.text !== 'except') {
      p.notModelled(
        clause.span,
        dt('codon.parse-try.a-clause-on-try', clause.text),
        dt('codon.parse-try.only-except-cerror-clauses-are-modelled'),
      );
      p.skipClause();
      continue;
    }
    const type = p.peek(1);
    if (type.kind === 'op' && type.text === '(') {
      p.notModelled(
        spanFrom(clause.span, type.span),
        dt('codon.parse-try.catching-a-tuple-of-exception-classes'),
        dt('codon.parse-try.write-except-cerror-the-error-a'),
      );
      p.skipClause();
      continue;
    }
    if (
      type.kind !== 'name' ||
      !CATCHABLE.has(type.text) ||
      !(p.peek(2).text === ':' || p.peek(2).text === 'as')
    ) {
      p.notModelled(
        type.kind === 'op' && type.text === ':' ? clause.span : spanFrom(clause.span, type.span),
        type.kind === 'op' && type.text === ':'
          ? dt('codon.parse-try.a-bare-except')
          : dt('codon.parse-try.except-catching-an-exception-other-than', type.text),
        dt('codon.parse-try.write-except-cerror-the-error-a'),
      );
      p.skipClause();
      continue;
    }
    p.next();
    p.next();
    let name: ExceptHandler['name'] = null;
    if (p.isKeyword('as')) {
      p.next();
      const n = p.peek();
      if (n.kind === 'name') {
        p.next();
        name = { name: n.text, span: n.span };
      } else {
        p.syntax(n.span, dt('codon.parse-try.expected-a-variable-name-after-as'));
        p.skipClause();
        continue;
      }
    }
    p.expectColon(clause, dt('codon.parse-try.except-line'));
    const hbody = p.suite(clause);
    end = hbody[hbody.length - 1]?.span ?? clause.span;
    handlers.push({
      type: type.text,
      typeSpan: type.span,
      name,
      body: hbody,
      span: spanFrom(clause.span, end),
    });
  }
  const stmt: TryStmt = { kind: 'try', body, handlers, span: spanFrom(kw.span, end) };
  return [stmt];
}

/**
 * `try:` with `except CError:` / `except CError as e:` clauses. CError is what a Codon 0.19
 * program of this subset can raise and catch: dlopen.codon's `dlsym` raises `CError(dlerror())`
 * when the library or the symbol of a `from C import LIB.f` is missing (the import runs where it
 * stands: typecheck/import.cpp `transformCDLLImport`). Other clauses (`except:`, another class, a
 * tuple of classes, `else:`, `finally:`) are valid Codon the simulator refuses, each where it is.
 */
import type { Span } from '../diag';
import type { ExceptHandler, Stmt, TryStmt } from './ast';
import type { Token } from './lexer';
import { spanFrom } from './parse-base';

/** What the statement parser lends the `try` parser (its own methods are not public). */
export interface TryParserHost {
  peek(k?: number): Token;
  next(): Token;
  isKeyword(text: string): boolean;
  isOp(text: string): boolean;
  expectColon(header: Token, what: string): void;
  suite(header: Token): Stmt[];
  notModelled(span: Span, what: string, hint?: string): void;
  syntax(span: Span, message: string): void;
  skipClause(): void;
}

/** The exception classes a handler may name. */
export const CATCHABLE = new Set(['CError']);

export function parseTry(p: TryParserHost): Stmt[] {
  const kw = p.next();
  p.expectColon(kw, '`try` line');
  const body = p.suite(kw);
  const handlers: ExceptHandler[] = [];
  let end: Span = body[body.length - 1]?.span ?? kw.span;
  while (p.isKeyword('except') || p.isKeyword('else') || p.isKeyword('finally')) {
    const clause = p.peek();
    if (clause.text !== 'except') {
      p.notModelled(
        clause.span,
        `a \`${clause.text}:\` clause on \`try\``,
        'only `except CError:` clauses are modelled.',
      );
      p.skipClause();
      continue;
    }
    const type = p.peek(1);
    if (type.kind === 'op' && type.text === '(') {
      p.notModelled(
        spanFrom(clause.span, type.span),
        'catching a tuple of exception classes',
        'write `except CError:` (the error a failed `from C import LIB.f` raises).',
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
          ? 'a bare `except:`'
          : `\`except ${type.text}\` (catching an exception other than CError)`,
        'write `except CError:` (the error a failed `from C import LIB.f` raises).',
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
        p.syntax(n.span, 'expected a variable name after `as`, e.g. `except CError as e:`.');
        p.skipClause();
        continue;
      }
    }
    p.expectColon(clause, '`except` line');
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

/**
 * The Codon statement parser: module-level assignments, `from C import` declarations, `def`,
 * `@tuple class`, `if`/`elif`/`else`, `while`, `for`, `break`, `continue`, `return`, `pass`,
 * assignments (plain, annotated, augmented) and expression statements.
 *
 * Recovery: a syntax error abandons the statement, records a located diagnostic and resumes at the
 * next line (skipping the block of an abandoned block header), so a file reports all its errors.
 */
import { dt, type Diagnostic, type DiagText, type Msg, type Span } from '../diag';
import type {
  BinaryOp,
  CImport,
  ClassDef,
  Expr,
  FieldDecl,
  FunctionDef,
  Module,
  NameExpr,
  Param,
  Stmt,
} from './ast';
import type { Token } from './lexer';
import { FUNCTION_ATTRIBUTES, functionAttributes } from './attributes';
import { MAX_BLOCK_DEPTH, SyntaxFailure, describeToken, spanFrom } from './parse-base';
import { startsExpression } from './parse-expr';
import { CollectionParser } from './parse-collections';
import { parseTry, type TryParserHost } from './parse-try';

const AUG_OPS: Record<string, BinaryOp> = {
  '+=': '+',
  '-=': '-',
  '*=': '*',
  '/=': '/',
  '//=': '//',
  '%=': '%',
  '**=': '**',
};
const UNMODELLED_AUG = new Set(['&=', '|=', '^=', '<<=', '>>=', '@=']);

/** Statement keywords that the simulator does not model, with a hint. */
const UNMODELLED_STATEMENTS: Record<string, DiagText | undefined> = {
  try: undefined,
  with: undefined,
  raise: undefined,
  assert: undefined,
  del: undefined,
  global: dt('codon.parser.global-hint'),
  nonlocal: undefined,
  yield: undefined,
  async: undefined,
  await: undefined,
  except: undefined,
  finally: undefined,
};

/** Parses a token stream (from `lexCodon`) into a module. Never throws. */
export function parseTokens(
  tokens: Token[],
  file: string,
): { module: Module; diagnostics: Diagnostic[]; syntaxErrors: number } {
  const p = new StmtParser(tokens, file);
  const module = p.parseModule();
  return { module, diagnostics: p.diagnostics, syntaxErrors: p.syntaxErrors };
}

class StmtParser extends CollectionParser {
  private blockDepth = 0;

  parseModule(): Module {
    const body: Stmt[] = [];
    const start = this.peek().span.start;
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      if (t.kind === 'newline' || t.kind === 'dedent') {
        this.next();
        continue;
      }
      if (t.kind === 'indent') {
        body.push(...this.unexpectedIndent());
        continue;
      }
      body.push(...this.parseStatement());
    }
    const end = this.peek().span.end;
    const refusedNames = this.refusedNames();
    return {
      kind: 'module',
      file: this.file,
      body,
      span: { start, end },
      ...(refusedNames.length > 0 ? { refusedNames } : {}),
    };
  }

  /** An indented line where no block was opened: report it, then parse the block's statements anyway. */
  private unexpectedIndent(): Stmt[] {
    const indent = this.next();
    const first = this.peek();
    this.syntax(
      {
        start: {
          ...first.span.start,
          column: 1,
          offset: first.span.start.offset - first.span.start.column + 1,
        },
        end: first.span.start,
      },
      first.span.start.line > 1
        ? dt('codon.parser.unexpected-indent-this-line-is-indented')
        : dt('codon.parser.unexpected-indent-the-first-statement-of'),
    );
    void indent;
    const stmts: Stmt[] = [];
    while (true) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'dedent') {
        this.next();
        break;
      }
      if (t.kind === 'newline') {
        this.next();
        continue;
      }
      if (t.kind === 'indent') {
        stmts.push(...this.unexpectedIndent());
        continue;
      }
      stmts.push(...this.parseStatement());
    }
    return stmts;
  }

  /** One statement line (simple statements separated by `;`) or one compound statement. */
  private parseStatement(): Stmt[] {
    const startIndex = this.i;
    try {
      const t = this.peek();
      if (t.kind === 'keyword') {
        switch (t.text) {
          case 'def':
            return [this.parseDef()];
          case 'class':
            return this.parseClass(null);
          case 'if':
            return [this.parseIf()];
          case 'while':
            return [this.parseWhile()];
          case 'for':
            return [this.parseFor()];
          case 'from':
            return this.parseFrom();
          case 'import':
            return this.parseImport();
          case 'elif':
          case 'else':
            return this.fail(t.span, dt('codon.parser.without-a-matching-if-or-if', t.text));
          case 'except':
          case 'finally':
            return this.fail(t.span, dt('codon.parser.without-a-matching-try-or-try', t.text));
        }
        if (t.text === 'try') return parseTry(this.tryHost());
        if (t.text in UNMODELLED_STATEMENTS) return this.skipUnmodelledStatement(t);
      }
      if (t.kind === 'op' && t.text === '@') return this.parseDecorated();
      if (t.kind === 'name' && t.text === 'match' && this.looksLikeMatch()) {
        return this.skipUnmodelledStatement(t, dt('codon.parser.msg', 'match'));
      }
      return this.parseSimpleLine();
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
      if (this.i === startIndex && this.peek().kind !== 'newline') this.next();
      this.skipLine();
      this.skipBlock();
      return [];
    }
  }

  /** What parse-try.ts needs of this parser. */
  private tryHost(): TryParserHost {
    return {
      peek: (k) => this.peek(k),
      next: () => this.next(),
      isKeyword: (t) => this.isKeyword(t),
      isOp: (t) => this.isOp(t),
      expectColon: (h, w) => this.expectColon(h, w),
      suite: (h) => this.parseSuite(h),
      notModelled: (s, w, h) => this.notModelled(s, w, h),
      syntax: (s, m) => this.syntax(s, m),
      skipClause: () => {
        this.skipLine();
        this.skipBlock();
      },
    };
  }

  private looksLikeMatch(): boolean {
    const next = this.peek(1);
    return next.kind === 'name' || next.kind === 'int' || (next.kind === 'op' && next.text === '(');
  }

  /** Reports an unmodelled statement and skips it together with its block and continuation clauses. */
  private skipUnmodelledStatement(t: Token, what: Msg = dt('codon.parser.msg', t.text)): Stmt[] {
    const hint = UNMODELLED_STATEMENTS[t.text];
    const lineEnd = this.lineEndSpan();
    this.notModelled(spanFrom(t.span, lineEnd), what, hint);
    this.skipLine();
    this.skipBlock();
    // `try` drags its `except`/`else`/`finally` clauses along.
    while (
      this.isKeyword('except') ||
      this.isKeyword('finally') ||
      (t.text === 'try' && this.isKeyword('else'))
    ) {
      this.skipLine();
      this.skipBlock();
    }
    return [];
  }

  /** The span of the last token on the current line (before its NEWLINE). */
  private lineEndSpan(): Span {
    let k = this.i;
    let last = this.peek();
    while (true) {
      const t = this.tokens[k];
      if (!t || t.kind === 'newline' || t.kind === 'eof' || t.kind === 'indent' || t.kind === 'dedent') break;
      last = t;
      k++;
    }
    return last.span;
  }

  /** Simple statements separated by `;`, ending with NEWLINE. */
  private parseSimpleLine(): Stmt[] {
    const stmts: Stmt[] = [];
    while (true) {
      stmts.push(...this.parseSimple());
      if (!this.eatOp(';')) break;
      if (this.atLineEnd()) break;
    }
    this.expectLineEnd();
    return stmts;
  }

  private atLineEnd(): boolean {
    const k = this.peek().kind;
    return k === 'newline' || k === 'eof' || k === 'dedent';
  }

  private expectLineEnd(): void {
    const t = this.peek();
    if (t.kind === 'newline') {
      this.next();
      return;
    }
    if (t.kind === 'eof' || t.kind === 'dedent') return;
    const prev = this.tokens[this.i - 1];
    if (prev && startsExpression(t) && prev.kind !== 'keyword') {
      this.fail(t.span, dt('codon.parser.two-values-in-a-row-is', describeToken(t)));
    }
    this.fail(t.span, dt('codon.parser.expected-the-end-of-the-line', describeToken(t)));
  }

  private parseSimple(): Stmt[] {
    const t = this.peek();
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'pass':
          this.next();
          return [{ kind: 'pass', span: t.span }];
        case 'break':
          this.next();
          return [{ kind: 'break', span: t.span }];
        case 'continue':
          this.next();
          return [{ kind: 'continue', span: t.span }];
        case 'return': {
          this.next();
          if (this.atLineEnd() || this.isOp(';')) return [{ kind: 'return', value: null, span: t.span }];
          const value = this.parseExprNoTuple('return');
          return [{ kind: 'return', value, span: spanFrom(t.span, value.span) }];
        }
      }
      if (t.text in UNMODELLED_STATEMENTS) {
        this.notModelled(
          spanFrom(t.span, this.lineEndSpan()),
          dt('codon.parser.msg', t.text),
          UNMODELLED_STATEMENTS[t.text],
        );
        while (!this.atLineEnd() && !this.isOp(';')) this.next();
        return [];
      }
    }
    if (t.kind === 'name' && t.text === 'print') {
      const next = this.peek(1);
      const literalKeyword = next.kind === 'keyword' && ['True', 'False', 'None'].includes(next.text);
      if (
        next.kind === 'name' ||
        next.kind === 'int' ||
        next.kind === 'float' ||
        next.kind === 'string' ||
        literalKeyword
      ) {
        // Codon also accepts Python 2's `print x`; the simulator models only the function call.
        this.notModelled(
          spanFrom(t.span, this.lineEndSpan()),
          dt('codon.parser.the-print-statement-form'),
          dt('codon.parser.call-the-function-print'),
        );
        while (!this.atLineEnd() && !this.isOp(';')) this.next();
        return [];
      }
    }
    const target = this.parseExprNoTuple('statement');
    if (this.isOp(':')) return [this.parseAnnotated(target)];
    if (this.isOp('=')) {
      this.next();
      const value = this.parseExprNoTuple('assignment');
      if (this.isOp('=')) {
        const more = this.next();
        this.parseExprNoTuple('assignment');
        this.notModelled(
          more.span,
          dt('codon.parser.chained-assignment-a-b-v'),
          dt('codon.parser.assign-each-variable-on-its-own'),
        );
        return [];
      }
      this.checkAssignable(target);
      return [{ kind: 'assign', target, annotation: null, value, span: spanFrom(target.span, value.span) }];
    }
    const op = this.peek();
    if (op.kind === 'op' && AUG_OPS[op.text]) {
      this.next();
      const value = this.parseExprNoTuple('assignment');
      this.checkAssignable(target);
      return [
        {
          kind: 'augassign',
          target,
          op: AUG_OPS[op.text] as BinaryOp,
          value,
          span: spanFrom(target.span, value.span),
        },
      ];
    }
    if (op.kind === 'op' && UNMODELLED_AUG.has(op.text)) {
      this.next();
      const value = this.parseExprNoTuple('assignment');
      this.notModelled(op.span, dt('codon.parser.the-operator', op.text));
      void value;
      return [];
    }
    if (op.kind === 'op' && op.text === ':=') {
      this.next();
      this.parseExprNoTuple('assignment');
      this.notModelled(op.span, dt('codon.parser.the-assignment-expression'));
      return [];
    }
    return [{ kind: 'expr', expr: target, span: target.span }];
  }

  /** An expression, or a bare tuple `a, b` (grammar.peg `star_expressions`): a `TupleExpr`. */
  private parseExprNoTuple(context: 'statement' | 'assignment' | 'return'): Expr {
    void context;
    const first = this.parseExpr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.eatOp(',')) {
      if (this.atLineEnd() || this.isOp('=') || this.isOp(';')) break;
      items.push(this.parseExpr());
    }
    return this.tupleOf(items, spanFrom(first.span, (items[items.length - 1] as Expr).span));
  }

  private checkAssignable(target: Expr): void {
    if (target.kind === 'tuple') {
      // `a, b = t`: Codon unpacks into each target in turn (simplify/assign.cpp `unpackAssignments`).
      const bad = target.items.find((x) => x.kind !== 'name' && x.kind !== 'error');
      if (bad)
        this.failNotModelled(
          bad.span,
          dt('codon.parser.unpacking-a-tuple-into-something-other'),
          dt('codon.parser.unpack-into-variables-then-assign-those'),
        );
      return;
    }
    if (
      target.kind === 'name' ||
      target.kind === 'index' ||
      target.kind === 'attr' ||
      target.kind === 'error'
    )
      return;
    // Codon's error ASSIGN_INVALID (codon/compiler/error.h): "cannot assign to given expression".
    this.fail(
      target.span,
      target.kind === 'compare'
        ? dt('codon.parser.cannot-assign-to-given-expression-to')
        : dt('codon.parser.cannot-assign-to-given-expression-only'),
    );
  }

  /** `x: T = v` (or `x: T` alone, which is not modelled). */
  private parseAnnotated(target: Expr): Stmt {
    const colon = this.next();
    if (target.kind !== 'name') {
      this.fail(colon.span, dt('codon.parser.only-a-plain-variable-can-have'));
    }
    const annotation = this.parseExpr();
    if (!this.isOp('=')) {
      this.failNotModelled(
        spanFrom(target.span, annotation.span),
        dt('codon.parser.a-declaration-without-a-value', (target as NameExpr).id),
        dt('codon.parser.give-it-a-value-e-g', (target as NameExpr).id),
      );
    }
    this.next();
    const value = this.parseExprNoTuple('assignment');
    return { kind: 'assign', target, annotation, value, span: spanFrom(target.span, value.span) };
  }

  // -------------------------------------------------------------------------------------------
  // Blocks

  /** After a header's ':', an indented block or statements on the same line. */
  private parseSuite(header: Token): Stmt[] {
    if (this.peek().kind !== 'newline') {
      return this.parseSimpleLine();
    }
    this.next();
    const t = this.peek();
    if (t.kind !== 'indent') {
      this.syntax(
        t.span,
        dt('codon.parser.expected-an-indented-block-after-the', header.text, header.span.start.line),
      );
      return [];
    }
    this.next();
    if (++this.blockDepth > MAX_BLOCK_DEPTH) {
      this.blockDepth--;
      this.syntax(t.span, dt('codon.parser.blocks-are-nested-too-deeply-for', MAX_BLOCK_DEPTH));
      this.i--; // back onto the INDENT so skipBlock can skip the whole block
      this.skipBlock();
      return [];
    }
    try {
      const body: Stmt[] = [];
      while (true) {
        const k = this.peek();
        if (k.kind === 'eof') break;
        if (k.kind === 'dedent') {
          this.next();
          break;
        }
        if (k.kind === 'newline') {
          this.next();
          continue;
        }
        if (k.kind === 'indent') {
          body.push(...this.unexpectedIndent());
          continue;
        }
        body.push(...this.parseStatement());
      }
      return body;
    } finally {
      this.blockDepth--;
    }
  }

  private expectColon(header: Token, what: Msg): void {
    const t = this.peek();
    if (t.kind === 'op' && t.text === ':') {
      this.next();
      return;
    }
    if (
      t.kind === 'op' &&
      t.text === '=' &&
      (header.text === 'if' || header.text === 'while' || header.text === 'elif')
    ) {
      this.fail(t.span, dt('codon.parser.expected-at-the-end-of-the', header.text));
    }
    this.fail(t.span, dt('codon.parser.expected-at-the-end-of-the-2', what, describeToken(t)));
  }

  private parseIf(): Stmt {
    const kw = this.next();
    const test = this.parseExpr();
    this.expectColon(kw, dt('codon.parser.line', kw.text));
    const body = this.parseSuite(kw);
    let orelse: Stmt[] = [];
    const elif = this.peek();
    if (elif.kind === 'keyword' && elif.text === 'elif') {
      orelse = [this.parseIf()];
    } else if (elif.kind === 'keyword' && elif.text === 'else') {
      const elseKw = this.next();
      this.expectColon(elseKw, dt('codon.parser.else-line'));
      orelse = this.parseSuite(elseKw);
    }
    const last = orelse[orelse.length - 1] ?? body[body.length - 1];
    return { kind: 'if', test, body, orelse, span: spanFrom(kw.span, last?.span ?? test.span) };
  }

  private parseWhile(): Stmt {
    const kw = this.next();
    const test = this.parseExpr();
    this.expectColon(kw, dt('codon.parser.while-line'));
    const body = this.parseSuite(kw);
    this.rejectLoopElse();
    const last = body[body.length - 1];
    return { kind: 'while', test, body, span: spanFrom(kw.span, last?.span ?? test.span) };
  }

  private rejectLoopElse(): void {
    if (!this.isKeyword('else')) return;
    const kw = this.next();
    this.notModelled(kw.span, dt('codon.parser.an-else-clause-on-a-loop'));
    if (this.eatOp(':')) this.parseSuite(kw);
    else {
      this.skipLine();
      this.skipBlock();
    }
  }

  private parseFor(): Stmt {
    const kw = this.next();
    const names: NameExpr[] = [];
    do {
      const n = this.expectName(dt('codon.parser.a-loop-variable-name-after-for'));
      names.push({ kind: 'name', id: n.text, span: n.span });
    } while (this.eatOp(','));
    if (!this.isKeyword('in')) {
      this.fail(
        this.peek().span,
        dt('codon.parser.expected-in-after-the-loop-variable', describeToken(this.peek())),
      );
    }
    this.next();
    const iter = this.parseExprNoTuple('statement');
    this.expectColon(kw, dt('codon.parser.for-line'));
    const body = this.parseSuite(kw);
    this.rejectLoopElse();
    const target = names[0] as NameExpr;
    const last = body[body.length - 1];
    const span = spanFrom(kw.span, last?.span ?? iter.span);
    if (names.length > 1) return { kind: 'for', target, unpack: names, iter, body, span };
    return { kind: 'for', target, iter, body, span };
  }

  private parseDef(): FunctionDef {
    const kw = this.next();
    const name = this.expectName(dt('codon.parser.a-function-name-after-def'));
    if (this.isOp('[')) {
      this.failNotModelled(this.peek().span, dt('codon.parser.a-generic-function-def-f-t'));
    }
    const open = this.expectOp('(', dt('codon.parser.expected-after-the-function-name', name.text));
    const params: Param[] = [];
    while (!this.isOp(')')) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '*' || t.text === '**' || t.text === '/')) {
        this.failNotModelled(t.span, dt('codon.parser.in-a-parameter-list', t.text));
      }
      const pname = this.expectName(dt('codon.parser.a-parameter-name'));
      let annotation: Expr | null = null;
      if (this.eatOp(':')) annotation = this.parseExpr();
      if (this.isOp('=')) {
        const eq = this.next();
        const dflt = this.parseExpr();
        this.notModelled(spanFrom(eq.span, dflt.span), dt('codon.parser.a-default-parameter-value'));
      }
      params.push({
        name: pname.text,
        nameSpan: pname.span,
        annotation,
        span: annotation ? spanFrom(pname.span, annotation.span) : pname.span,
      });
      if (!this.eatOp(',')) break;
    }
    this.expectOp(
      ')',
      dt(
        'codon.parser.expected-or-in-the-parameter-list',
        open.span.start.line,
        open.span.start.column,
        describeToken(this.peek()),
      ),
    );
    let returns: Expr | null = null;
    if (this.eatOp('->')) returns = this.parseExpr();
    this.expectColon(kw, dt('codon.parser.def-line', name.text));
    const body = this.parseSuite(kw);
    const last = body[body.length - 1];
    return {
      kind: 'def',
      name: name.text,
      nameSpan: name.span,
      params,
      returns,
      body,
      span: spanFrom(kw.span, last?.span ?? name.span),
    };
  }

  /** `@decorator` lines before a `def` or `class`: only `@tuple class` is modelled. */
  private parseDecorated(): Stmt[] {
    const decorators: { name: string; span: Span }[] = [];
    while (this.isOp('@')) {
      const at = this.next();
      const expr = this.parseExpr();
      const span = spanFrom(at.span, expr.span);
      decorators.push({ name: expr.kind === 'name' ? expr.id : '', span });
      this.expectLineEnd();
      while (this.peek().kind === 'newline') this.next();
    }
    if (this.isKeyword('class')) {
      const isTuple = decorators.length === 1 && decorators[0]?.name === 'tuple';
      if (!isTuple) {
        for (const d of decorators) {
          if (d.name !== 'tuple')
            this.notModelled(
              d.span,
              dt('codon.parser.the-decorator', d.name ? '@' + d.name : dt('codon.parser.this-decorator')),
              dt('codon.parser.only-tuple-classes-are-modelled'),
            );
        }
      }
      return this.parseClass(decorators[0] ?? null);
    }
    if (this.isKeyword('def')) {
      if (decorators.some((d) => d.name === 'C')) return this.parseCDef(decorators);
      for (const d of decorators)
        if (!FUNCTION_ATTRIBUTES.has(d.name))
          this.notModelled(
            d.span,
            dt('codon.parser.the-decorator', d.name ? '@' + d.name : dt('codon.parser.this-decorator')),
          );
      if (decorators.some((d) => d.name === 'llvm')) {
        // Its body is LLVM IR, not Codon: skipped whole (its name stays a refused name).
        this.skipLine();
        this.skipBlock();
        return [];
      }
      // Kept (a refused decorator is reported), so that calls to it do not cascade into more errors.
      const def = this.parseDef();
      if (def.kind === 'def') def.attributes = functionAttributes(decorators);
      return [def];
    }
    const t = this.peek();
    return this.fail(t.span, dt('codon.parser.expected-def-or-class-after-a', describeToken(t)));
  }

  /**
   * `@C def f(a: T, ...) -> R: pass` declares the C function `f` (scoping.cpp: `@C` sets Attr::C;
   * typecheck/function.cpp then emits an external declaration, its body unused), exactly what
   * `from C import f(T, ...) -> R` declares; `@pure` only tells the optimizer it has no side effects.
   * Codon's own errors: FN_LLVM without a return type, FN_C_TYPE for an unannotated parameter.
   */
  private parseCDef(decorators: { name: string; span: Span }[]): Stmt[] {
    for (const d of decorators)
      if (d.name !== 'C' && d.name !== 'pure')
        this.notModelled(
          d.span,
          dt(
            'codon.parser.the-decorator-on-a-c-function',
            d.name ? '@' + d.name : dt('codon.parser.this-decorator'),
          ),
        );
    const def = this.parseDef();
    if (def.kind !== 'def') return [def];
    const first = decorators[0] as { span: Span };
    if (def.returns === null) {
      this.report(def.nameSpan, dt('codon.parser.return-types-required-for-llvm-and'));
      return [];
    }
    const params: Expr[] = [];
    for (const p of def.params) {
      if (p.annotation === null) {
        this.report(p.nameSpan, dt('codon.parser.argument-within-c-function-definition-requires', p.name));
        return [];
      }
      params.push(p.annotation);
    }
    return [
      {
        kind: 'cimport',
        library: null,
        symbol: def.name,
        symbolSpan: def.nameSpan,
        params,
        returns: def.returns,
        alias: null,
        span: spanFrom(first.span, def.span),
      },
    ];
  }

  /**
   * `class Name:` (a reference class) or `@tuple class Name:`, with `field: Type` lines and methods
   * (each a function named `Name.method`, as Codon names it; classes.ts checks them).
   */
  private parseClass(decorator: { name: string; span: Span } | null): Stmt[] {
    const kw = this.next();
    const name = this.expectName(dt('codon.parser.a-class-name-after-class'));
    if (this.isOp('(') || this.isOp('[')) {
      this.failNotModelled(this.peek().span, dt('codon.parser.base-classes-and-generic-parameters-of'));
    }
    this.expectColon(kw, dt('codon.parser.class-line', name.text));
    const fields: FieldDecl[] = [];
    const methods: FunctionDef[] = [];
    if (this.peek().kind !== 'newline') {
      this.fail(this.peek().span, dt('codon.parser.write-the-fields-of-the-class'));
    }
    this.next();
    if (this.peek().kind !== 'indent') {
      this.syntax(
        this.peek().span,
        dt('codon.parser.expected-an-indented-block-after-the-2', kw.span.start.line),
      );
      return [];
    }
    this.next();
    while (this.peek().kind !== 'dedent' && this.peek().kind !== 'eof') {
      const t = this.peek();
      if (t.kind === 'newline') {
        this.next();
        continue;
      }
      try {
        if (t.kind === 'name' && this.isOp(':', 1)) {
          this.next();
          this.next();
          const annotation = this.parseExpr();
          if (this.isOp('=')) {
            const eq = this.next();
            const dflt = this.parseExpr();
            this.notModelled(spanFrom(eq.span, dflt.span), dt('codon.parser.a-default-value-for-a-class'));
          }
          this.expectLineEnd();
          fields.push({
            name: t.text,
            nameSpan: t.span,
            annotation,
            span: spanFrom(t.span, annotation.span),
          });
        } else if (t.kind === 'keyword' && t.text === 'pass') {
          this.next();
          this.expectLineEnd();
        } else if (t.kind === 'string') {
          this.next(); // docstring
          this.expectLineEnd();
        } else if (t.kind === 'keyword' && t.text === 'def') {
          const def = this.parseDef();
          methods.push({
            ...def,
            name: `${name.text}.${def.name}`,
            method: { className: name.text, name: def.name },
          });
        } else if ((t.kind === 'op' && t.text === '@') || (t.kind === 'keyword' && t.text === 'class')) {
          // Valid Codon (`@staticmethod`, `@property`, a nested class): refused, body and all.
          this.notModelled(
            t.span,
            t.text === '@'
              ? dt('codon.parser.a-decorator-on-a-method')
              : dt('codon.parser.a-class-defined-inside-a-class'),
            t.text === '@'
              ? dt('codon.parser.write-a-plain-method-def-m')
              : dt('codon.parser.define-it-at-the-top-level'),
          );
          while (this.isOp('@')) this.skipLine();
          this.skipLine();
          this.skipBlock();
        } else if (t.kind === 'indent') {
          this.unexpectedIndent();
        } else {
          this.fail(t.span, dt('codon.parser.a-class-body-may-only-declare'));
        }
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
        this.skipLine();
        this.skipBlock();
      }
    }
    if (this.peek().kind === 'dedent') this.next();
    const last = methods[methods.length - 1] ?? fields[fields.length - 1];
    const cls: ClassDef = {
      kind: 'class',
      name: name.text,
      nameSpan: name.span,
      fields,
      ...(decorator ? {} : { ref: true }),
      ...(methods.length > 0 ? { methods } : {}),
      span: spanFrom(decorator?.span ?? kw.span, last?.span ?? name.span),
    };
    // Kept even when a field failed to parse, so that uses of the class do not cascade into more errors.
    return [cls];
  }

  // -------------------------------------------------------------------------------------------
  // Imports

  private parseImport(): Stmt[] {
    const kw = this.next();
    this.notModelled(
      spanFrom(kw.span, this.lineEndSpan()),
      dt('codon.parser.import-of-a-module'),
      dt('codon.parser.only-c-functions-can-be-imported'),
    );
    while (!this.atLineEnd()) this.next();
    this.expectLineEnd();
    return [];
  }

  private parseFrom(): Stmt[] {
    const kw = this.next();
    const mod = this.peek();
    if (!(mod.kind === 'name' && mod.text === 'C' && this.isKeyword('import', 1))) {
      this.notModelled(
        spanFrom(kw.span, this.lineEndSpan()),
        mod.kind === 'name' && mod.text === 'python'
          ? dt('codon.parser.importing-from-python-from-python-import')
          : dt('codon.parser.importing-from-a-module-other-than'),
        dt('codon.parser.only-c-functions-can-be-imported'),
      );
      while (!this.atLineEnd()) this.next();
      this.expectLineEnd();
      return [];
    }
    this.next(); // C
    this.next(); // import
    const parens = this.eatOp('(');
    const imports: CImport[] = [];
    while (true) {
      imports.push(this.parseCImportItem(kw));
      if (!this.eatOp(',')) break;
      if (parens && this.isOp(')')) break;
    }
    if (parens) this.expectOp(')', dt('codon.parser.expected-to-close-the-list-of'));
    this.expectLineEnd();
    return imports;
  }

  /** `[LIB.]name(T, ...) [-> R] [as alias]` */
  private parseCImportItem(fromKw: Token): CImport {
    const first = this.expectName(dt('codon.parser.the-name-of-the-c-function'));
    let library: { name: string; span: Span } | null = null;
    let symbol = first;
    if (this.eatOp('.')) {
      library = { name: first.text, span: first.span };
      symbol = this.expectName(dt('codon.parser.the-c-function-s-name-after', first.text));
      if (this.isOp('.')) {
        this.fail(this.peek().span, dt('codon.parser.write-the-library-as-one-name'));
      }
    }
    if (this.isOp(':')) {
      // Valid Codon (`transformCVarImport`, typecheck/import.cpp): refused, and its name stays quiet.
      this.notModelled(
        spanFrom(fromKw.span, this.lineEndSpan()),
        dt('codon.parser.importing-a-c-variable-from-c'),
      );
      throw new SyntaxFailure();
    }
    if (!this.isOp('(')) {
      // `from C import foo` is Codon 0.19's `foo() -> None` (grammar.peg `from_id` / `dot_name`).
      let alias: { name: string; span: Span } | null = null;
      if (this.eatKeyword('as')) {
        const a = this.expectName(dt('codon.parser.a-name-after-as'));
        alias = { name: a.text, span: a.span };
      }
      return {
        kind: 'cimport',
        library,
        symbol: symbol.text,
        symbolSpan: symbol.span,
        params: [],
        returns: null,
        alias,
        span: spanFrom(fromKw.span, alias?.span ?? symbol.span),
      };
    }
    const open = this.next();
    const params: Expr[] = [];
    while (!this.isOp(')')) {
      if (this.peek().kind === 'name' && this.isOp(':', 1)) {
        const p = this.peek();
        this.fail(
          spanFrom(p.span, this.peek(1).span),
          dt('codon.parser.from-c-import-lists-only-the', p.text),
        );
      }
      if (this.isOp('...')) {
        const dots = this.next();
        this.notModelled(dots.span, dt('codon.parser.a-variadic-c-function'));
        if (!this.eatOp(',')) break;
        continue;
      }
      params.push(this.parseExpr());
      if (!this.eatOp(',')) break;
    }
    const close = this.expectOp(
      ')',
      dt(
        'codon.parser.expected-or-in-the-parameter-types',
        open.span.start.line,
        open.span.start.column,
        describeToken(this.peek()),
      ),
    );
    let returns: Expr | null = null;
    if (this.eatOp('->')) returns = this.parseExpr();
    let alias: { name: string; span: Span } | null = null;
    if (this.eatKeyword('as')) {
      const a = this.expectName(dt('codon.parser.a-name-after-as'));
      alias = { name: a.text, span: a.span };
    }
    const end = alias?.span ?? returns?.span ?? close.span;
    return {
      kind: 'cimport',
      library,
      symbol: symbol.text,
      symbolSpan: symbol.span,
      params,
      returns,
      alias,
      span: spanFrom(fromKw.span, end),
    };
  }
}

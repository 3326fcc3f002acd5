/**
 * Codon expressions, with Python's precedence (Codon's grammar is Python's):
 * `or` < `and` < `not` < comparisons < `|` < `^` < `&` < shifts < `+ -` < `* / // % @` < unary < `**` < primary.
 * Constructs outside the modelled subset are parsed (so the rest of the line still makes sense)
 * and replaced by an `error` node with a located "is not modelled" diagnostic.
 */
import type { Span } from '../diag';
import { dt, type DiagText, type Msg, type Pos } from '../diag';
import type {
  BinaryOp,
  CompareOp,
  Expr,
  FStringPart,
  FormatSpec,
  Keyword,
  ListCompExpr,
  NameExpr,
} from './ast';
import { parseFormatSpec, splitFString, splitField, type FStringPiece } from './fstring';
import { lexCodon, type Token } from './lexer';
import { MAX_EXPR_DEPTH, ParserBase, SyntaxFailure, describeToken, spanFrom } from './parse-base';

const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=']);
const UNMODELLED_BINARY: Record<string, DiagText> = {
  '|': dt('codon.parse-expr.bitwise-op', '|'),
  '^': dt('codon.parse-expr.bitwise-op', '^'),
  '&': dt('codon.parse-expr.bitwise-op', '&'),
  '<<': dt('codon.parse-expr.shift-op', '<<'),
  '>>': dt('codon.parse-expr.shift-op', '>>'),
  '@': dt('codon.parse-expr.matrix-op', '@'),
  '|>': dt('codon.parse-expr.pipeline-op', '|>'),
};

/** Codon's types written with several arguments (none is modelled; `a[i, j]` on a value is indexing). */
const SEVERAL_ARGUMENT_TYPES: ReadonlySet<string> = new Set([
  'dict',
  'Dict',
  'tuple',
  'Tuple',
  'Callable',
  'Function',
  'Union',
]);
/** Tokens that can start an expression (used to explain "two expressions in a row"). */
export function startsExpression(t: Token): boolean {
  if (t.kind === 'name' || t.kind === 'int' || t.kind === 'float' || t.kind === 'string') return true;
  if (t.kind === 'keyword') return ['True', 'False', 'None', 'not', 'lambda'].includes(t.text);
  if (t.kind === 'op') return ['(', '[', '{', '-', '+', '~'].includes(t.text);
  return false;
}

export class ExprParser extends ParserBase {
  /** Nesting depth of the expression being parsed. */
  private exprDepth = 0;
  /** Tree depth of each built node, to stop operator chains from making trees too deep to walk. */
  private readonly depthOf = new WeakMap<Expr, number>();

  private enter(tok: Token): void {
    if (++this.exprDepth > MAX_EXPR_DEPTH) {
      this.exprDepth = 0;
      this.fail(tok.span, dt('codon.parse-expr.this-expression-is-nested-too-deeply', MAX_EXPR_DEPTH));
    }
  }

  private leave(): void {
    this.exprDepth--;
  }

  /** Registers a built node's depth; a tree deeper than the limit abandons the statement. */
  protected built<E extends Expr>(node: E, ...children: (Expr | readonly Expr[])[]): E {
    // Lists of children come as arrays, not spread: a literal may have hundreds of thousands of items.
    let d = 0;
    for (const c of children) {
      if (Array.isArray(c)) for (const x of c as readonly Expr[]) d = Math.max(d, this.depthOf.get(x) ?? 1);
      else d = Math.max(d, this.depthOf.get(c as Expr) ?? 1);
    }
    d += 1;
    if (d > MAX_EXPR_DEPTH) {
      this.fail(node.span, dt('codon.parse-expr.this-expression-is-too-long-or', MAX_EXPR_DEPTH));
    }
    this.depthOf.set(node, d);
    return node;
  }

  protected errorExpr(span: Span): Expr {
    return { kind: 'error', span };
  }

  /** `expression`: a full expression (no bare tuples). */
  parseExpr(): Expr {
    const start = this.peek();
    this.enter(start);
    try {
      if (start.kind === 'keyword' && start.text === 'lambda') return this.parseLambda();
      const e = this.parseOr();
      if (this.isOp(':=')) {
        const op = this.next();
        const value = this.parseExpr();
        this.notModelled(op.span, dt('codon.parse-expr.the-assignment-expression'));
        return this.errorExpr(spanFrom(e.span, value.span));
      }
      if (this.isKeyword('if')) {
        // `a if c else b`
        this.next();
        const test = this.parseOr();
        this.expectKeywordText('else', dt('codon.parse-expr.expected-else-in-the-conditional-expression'));
        const alt = this.parseExpr();
        const span = spanFrom(e.span, alt.span);
        return this.built({ kind: 'ifexp', test, body: e, orelse: alt, span }, test, e, alt);
      }
      return e;
    } finally {
      this.leave();
    }
  }

  protected expectKeywordText(text: string, message: Msg): Token {
    if (this.isKeyword(text)) return this.next();
    return this.fail(this.peek().span, message);
  }

  private parseLambda(): Expr {
    const kw = this.next();
    while (!this.isOp(':') && this.peek().kind !== 'newline' && this.peek().kind !== 'eof') this.next();
    this.expectOp(':', dt('codon.parse-expr.expected-after-the-parameters-of-lambda'));
    const body = this.parseExpr();
    const span = spanFrom(kw.span, body.span);
    this.notModelled(
      span,
      dt('codon.parse-expr.lambda'),
      dt('codon.parse-expr.define-a-function-with-def-instead'),
    );
    return this.errorExpr(span);
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      const right = this.parseAnd();
      left = this.built(
        { kind: 'boolop', op: 'or', left, right, span: spanFrom(left.span, right.span) },
        left,
        right,
      );
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.next();
      const right = this.parseNot();
      left = this.built(
        { kind: 'boolop', op: 'and', left, right, span: spanFrom(left.span, right.span) },
        left,
        right,
      );
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isKeyword('not')) {
      const kw = this.next();
      this.enter(kw);
      try {
        const operand = this.parseNot();
        return this.built(
          { kind: 'unary', op: 'not', operand, span: spanFrom(kw.span, operand.span) },
          operand,
        );
      } finally {
        this.leave();
      }
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const first = this.parseBitwise();
    const ops: CompareOp[] = [];
    const operands: Expr[] = [first];
    let unmodelled: DiagText | null = null;
    while (true) {
      const t = this.peek();
      if (t.kind === 'op' && COMPARE_OPS.has(t.text)) {
        this.next();
        ops.push(t.text as CompareOp);
      } else if (t.kind === 'keyword' && t.text === 'in') {
        this.next();
        ops.push('in');
      } else if (t.kind === 'keyword' && t.text === 'is') {
        this.next();
        this.eatKeyword('not');
        unmodelled ??= dt('codon.parse-expr.is-op');
        ops.push('==');
      } else if (t.kind === 'keyword' && t.text === 'not' && this.isKeyword('in', 1)) {
        this.next();
        this.next();
        ops.push('not in');
      } else break;
      const operand = this.parseBitwise();
      operands.push(operand);
    }
    if (ops.length === 0) return first;
    const last = operands[operands.length - 1] as Expr;
    const span = spanFrom(first.span, last.span);
    if (unmodelled) {
      this.notModelled(span, unmodelled);
      return this.errorExpr(span);
    }
    return this.built({ kind: 'compare', ops, operands, span }, operands);
  }

  /** `|`, `^`, `&`, `<<`, `>>`: parsed at their Python levels, then reported as not modelled. */
  private parseBitwise(): Expr {
    return this.parseUnmodelledLevel(['|'], () =>
      this.parseUnmodelledLevel(['^'], () =>
        this.parseUnmodelledLevel(['&'], () =>
          this.parseUnmodelledLevel(['<<', '>>'], () => this.parseSum()),
        ),
      ),
    );
  }

  private parseUnmodelledLevel(ops: string[], inner: () => Expr): Expr {
    let left = inner();
    while (this.peek().kind === 'op' && ops.includes(this.peek().text)) {
      const op = this.next();
      const right = inner();
      const span = spanFrom(left.span, right.span);
      this.notModelled(op.span, UNMODELLED_BINARY[op.text] ?? dt('codon.token.quoted', op.text));
      left = this.built(this.errorExpr(span), left, right);
    }
    return left;
  }

  private parseSum(): Expr {
    let left = this.parseTerm();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text as BinaryOp;
      const right = this.parseTerm();
      left = this.built(
        { kind: 'binary', op, left, right, span: spanFrom(left.span, right.span) },
        left,
        right,
      );
    }
    return left;
  }

  private parseTerm(): Expr {
    let left = this.parseFactor();
    while (true) {
      const t = this.peek();
      if (t.kind !== 'op') break;
      if (t.text === '*' || t.text === '/' || t.text === '//' || t.text === '%') {
        this.next();
        const right = this.parseFactor();
        left = this.built(
          { kind: 'binary', op: t.text as BinaryOp, left, right, span: spanFrom(left.span, right.span) },
          left,
          right,
        );
      } else if (t.text === '@') {
        this.next();
        const right = this.parseFactor();
        this.notModelled(t.span, UNMODELLED_BINARY['@'] as DiagText);
        left = this.built(this.errorExpr(spanFrom(left.span, right.span)), left, right);
      } else break;
    }
    return left;
  }

  private parseFactor(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.next();
      this.enter(t);
      try {
        const operand = this.parseFactor();
        const span = spanFrom(t.span, operand.span);
        if (t.text === '~') {
          this.notModelled(t.span, dt('codon.parse-expr.the-bitwise-operator'));
          return this.built(this.errorExpr(span), operand);
        }
        return this.built({ kind: 'unary', op: t.text as '-' | '+', operand, span }, operand);
      } finally {
        this.leave();
      }
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parsePrimary();
    if (this.isOp('**')) {
      const op = this.next();
      this.enter(op);
      try {
        const exp = this.parseFactor(); // right-associative, binds tighter than unary on its left
        return this.built(
          { kind: 'binary', op: '**', left: base, right: exp, span: spanFrom(base.span, exp.span) },
          base,
          exp,
        );
      } finally {
        this.leave();
      }
    }
    return base;
  }

  private parsePrimary(): Expr {
    let e = this.parseAtom();
    while (true) {
      if (this.isOp('.')) {
        this.next();
        const name = this.expectName(dt('codon.parse-expr.an-attribute-name-after'));
        e = this.built(
          {
            kind: 'attr',
            target: e,
            name: name.text,
            nameSpan: name.span,
            span: spanFrom(e.span, name.span),
          },
          e,
        );
      } else if (this.isOp('(')) {
        e = this.parseCall(e);
      } else if (this.isOp('[')) {
        e = this.parseSubscript(e);
      } else break;
    }
    return e;
  }

  private parseCall(callee: Expr): Expr {
    const open = this.next();
    this.enter(open);
    try {
      const args: Expr[] = [];
      const keywords: Keyword[] = [];
      let broken = false;
      while (!this.isOp(')')) {
        const t = this.peek();
        if (t.kind === 'newline' || t.kind === 'eof' || t.kind === 'indent' || t.kind === 'dedent') {
          this.fail(
            t.span,
            dt(
              'codon.parse-expr.expected-to-close-the-call-opened',
              open.span.start.line,
              open.span.start.column,
            ),
          );
        }
        if (this.isOp('*') || this.isOp('**')) {
          const star = this.next();
          const value = this.parseExpr();
          this.notModelled(
            spanFrom(star.span, value.span),
            dt('codon.parse-expr.unpacking-arguments-with', star.text),
          );
          broken = true;
        } else if (t.kind === 'name' && this.isOp('=', 1)) {
          this.next();
          this.next();
          const value = this.parseExpr();
          keywords.push({ name: t.text, nameSpan: t.span, value });
        } else {
          const value = this.parseExpr();
          if (this.isKeyword('for')) {
            const gen = this.parseComprehensionTail(value, ')');
            this.notModelled(
              gen.span,
              dt('codon.parse-expr.a-generator-expression'),
              dt('codon.parse-expr.build-a-list-with-a-list'),
            );
            broken = true;
          } else {
            if (keywords.length > 0)
              this.syntax(value.span, dt('codon.parse-expr.positional-argument-follows-keyword-argument'));
            args.push(value);
          }
        }
        if (!this.eatOp(',')) break;
      }
      const close = this.expectOp(
        ')',
        dt(
          'codon.parse-expr.expected-or-in-the-call-opened',
          open.span.start.line,
          open.span.start.column,
          describeToken(this.peek()),
        ),
      );
      const span = spanFrom(callee.span, close.span);
      if (broken) return this.built(this.errorExpr(span), callee, args);
      return this.built(
        { kind: 'call', callee, args, keywords, span },
        callee,
        args,
        keywords.map((k) => k.value),
      );
    } finally {
      this.leave();
    }
  }

  private parseSubscript(target: Expr): Expr {
    const open = this.next();
    this.enter(open);
    try {
      if (this.isOp(']')) this.fail(this.peek().span, dt('codon.parse-expr.expected-an-index-between-and'));
      let tuple = false;
      const parts: Expr[] = [];
      // The items between the brackets in order, `:` marking where a slice's colons stand.
      const seq: (Expr | ':')[] = [];
      while (true) {
        if (this.isOp(':')) {
          seq.push(':');
          this.next();
          continue;
        }
        if (this.isOp(']')) break;
        const item = this.parseExpr();
        parts.push(item);
        seq.push(item);
        if (this.isOp(':')) continue;
        if (this.eatOp(',')) {
          tuple = true;
          continue;
        }
        break;
      }
      const close = this.expectOp(
        ']',
        dt('codon.parse-expr.expected-to-close-the-at-line', open.span.start.line, open.span.start.column),
      );
      const span = spanFrom(target.span, close.span);
      const colons = seq.filter((x) => x === ':').length;
      if (colons > 0) {
        const first = seq.indexOf(':');
        const lower = first > 0 ? (seq[0] as Expr) : null;
        const after = seq[first + 1];
        const upper = after !== undefined && after !== ':' ? after : null;
        const step = colons === 2 ? seq[seq.length - 1] : undefined;
        if (!tuple && colons <= 2 && (step === undefined || step === ':')) {
          return this.built({ kind: 'slice', target, lower, upper, span }, target, parts);
        }
        this.notModelled(
          spanFrom(open.span, close.span),
          colons === 2 && !tuple
            ? dt('codon.parse-expr.a-slice-with-a-step-a')
            : dt('codon.parse-expr.slicing-with-several-values'),
        );
        return this.built(this.errorExpr(span), target, parts);
      }
      if (
        tuple &&
        parts.length > 0 &&
        target.kind === 'name' &&
        ['Dict', 'dict', 'Tuple', 'tuple'].includes(target.id)
      ) {
        // `Dict[str, int]`, `Tuple[int, str]`: the checker reads the types (check-collections.ts).
        const first = parts[0] as Expr;
        const last = parts[parts.length - 1] as Expr;
        const index: Expr = { kind: 'tuple', items: parts, span: spanFrom(first.span, last.span) };
        return this.built({ kind: 'index', target, index, span }, target, parts);
      }
      if (tuple || parts.length !== 1) {
        // `dict[str, int]`, `Tuple[int, int]`, `Callable[[int], int]`: a type with several arguments.
        if (target.kind === 'name' && SEVERAL_ARGUMENT_TYPES.has(target.id))
          this.notModelled(span, dt('codon.parse-expr.the-type', target.id));
        else
          this.notModelled(
            spanFrom(open.span, close.span),
            dt('codon.parse-expr.indexing-with-several-values-a-i'),
          );
        return this.built(this.errorExpr(span), target, parts);
      }
      const index = parts[0] as Expr;
      return this.built({ kind: 'index', target, index, span }, target, index);
    } finally {
      this.leave();
    }
  }

  private parseAtom(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'name':
        this.next();
        return { kind: 'name', id: t.text, span: t.span };
      case 'int':
        this.next();
        return this.intLiteral(t);
      case 'float':
        this.next();
        return this.floatLiteral(t);
      case 'string':
        return this.parseStrings();
      case 'keyword':
        if (t.text === 'True' || t.text === 'False') {
          this.next();
          return { kind: 'bool', value: t.text === 'True', span: t.span };
        }
        if (t.text === 'None') {
          this.next();
          return { kind: 'none', span: t.span };
        }
        if (t.text === 'lambda') return this.parseExpr();
        if (t.text === 'await' || t.text === 'yield') {
          this.next();
          const e = this.parseExpr();
          this.notModelled(spanFrom(t.span, e.span), dt('codon.parse-expr.msg', t.text));
          return this.errorExpr(spanFrom(t.span, e.span));
        }
        return this.fail(t.span, dt('codon.parse-expr.expected-a-value-here-but-is', t.text));
      case 'op':
        if (t.text === '(') return this.parseParen();
        if (t.text === '[') return this.parseList();
        if (t.text === '{') return this.parseBraces();
        if (t.text === '...') {
          this.next();
          this.notModelled(t.span, dt('codon.parse-expr.the-ellipsis'));
          return this.errorExpr(t.span);
        }
        return this.fail(t.span, dt('codon.parse-expr.expected-a-value-here-found', t.text));
      default:
        return this.fail(t.span, dt('codon.parse-expr.expected-a-value-here-found-2', describeToken(t)));
    }
  }

  private intLiteral(t: Token): Expr {
    const text = t.text.replace(/_/g, '');
    let value: bigint;
    try {
      value = BigInt(text);
    } catch {
      return this.errorExpr(t.span); // the lexer already reported the malformed number
    }
    return { kind: 'int', value, text: t.text, span: t.span };
  }

  private floatLiteral(t: Token): Expr {
    const value = Number(t.text.replace(/_/g, ''));
    if (Number.isNaN(value)) return this.errorExpr(t.span);
    if (!Number.isFinite(value)) {
      // Codon's error FLOAT_RANGE (codon/compiler/error.h).
      this.report(t.span, dt('codon.parse-expr.float-cannot-fit-into-bit-float', t.text));
    }
    return { kind: 'float', value, text: t.text, span: t.span };
  }

  /** One or more adjacent string literals (Python concatenates them); f-strings among them make an `fstring`. */
  private parseStrings(): Expr {
    const first = this.peek();
    const parts: FStringPart[] = [];
    let last = first;
    let bad = false;
    let formatted = false;
    const addText = (value: string) => {
      const prev = parts[parts.length - 1];
      if (prev?.kind === 'text') prev.value += value;
      else if (value !== '') parts.push({ kind: 'text', value });
    };
    while (this.peek().kind === 'string') {
      const s = this.next();
      last = s;
      const prefix = s.prefix ?? '';
      if (prefix.includes('f')) {
        formatted = true;
        const split = splitFString(s);
        if (!split.ok) {
          if (split.notModelled) this.notModelled(split.span, split.message);
          else this.syntax(split.span, split.message);
          bad = true;
          continue;
        }
        for (const piece of split.pieces) {
          if (piece.kind === 'text') addText(piece.value);
          else {
            const field = this.parseFStringField(piece);
            if (field === null) bad = true;
            else parts.push(field);
          }
        }
      } else if (prefix.includes('b')) {
        this.notModelled(s.span, dt('codon.parse-expr.a-bytes-literal-b'));
        bad = true;
      } else addText(s.value ?? '');
    }
    const span = spanFrom(first.span, last.span);
    if (bad) return this.errorExpr(span);
    if (!formatted) {
      const only = parts[0];
      return { kind: 'str', value: only?.kind === 'text' ? only.value : '', span };
    }
    const fields = parts.flatMap((p) => (p.kind === 'field' ? [p.expr] : []));
    return this.built({ kind: 'fstring', parts, span }, fields);
  }

  /** One `{...}` of an f-string: its expression parsed where it is written, its spec read. */
  private parseFStringField(piece: Extract<FStringPiece, { kind: 'field' }>): FStringPart | null {
    const at = (k: number): Span => {
      const pos = { line: piece.start.line, column: piece.start.column + k, offset: piece.start.offset + k };
      return { start: pos, end: { ...pos, column: pos.column + 1, offset: pos.offset + 1 } };
    };
    const parts = splitField(piece.code);
    if (!parts.ok) {
      this.notModelled(at(parts.offset), parts.what);
      return null;
    }
    if (parts.expr.trim() === '') {
      this.syntax(piece.span, dt('codon.parse-expr.an-f-string-field-needs-an'));
      return null;
    }
    const expr = this.parseSubExpression(parts.expr, piece.start);
    if (expr === null) return null;
    let spec: FormatSpec | null = null;
    if (parts.spec !== null) {
      spec = parseFormatSpec(parts.spec);
      if (spec === null) {
        const start = at(parts.specOffset).start;
        const end = {
          ...start,
          column: start.column + parts.spec.length,
          offset: start.offset + parts.spec.length,
        };
        this.notModelled(
          { start, end },
          dt('codon.parse-expr.the-format-spec', parts.spec),
          dt('codon.parse-expr.the-simulator-models-fill-align-sign'),
        );
        return null;
      }
    }
    return { kind: 'field', expr, conversion: parts.conversion, spec, selfDoc: parts.selfDoc };
  }

  /** Parses the code of an f-string field as an expression located at `start` in the file. */
  private parseSubExpression(code: string, start: Pos): Expr | null {
    const lexed = lexCodon(code, this.file);
    const shift = (p: Pos): Pos => ({
      line: start.line + p.line - 1,
      column: p.line === 1 ? start.column + p.column - 1 : p.column,
      offset: start.offset + p.offset,
    });
    const tokens = lexed.tokens.map((t) => ({
      ...t,
      span: { start: shift(t.span.start), end: shift(t.span.end) },
    }));
    for (const d of lexed.diagnostics) {
      const pos = shift({ line: d.line, column: d.column, offset: 0 });
      this.syntax({ start: pos, end: pos }, d.text ?? d.message);
    }
    if (lexed.diagnostics.length > 0) return null;
    const sub = new ExprParser(tokens, this.file);
    let expr: Expr | null = null;
    try {
      expr = sub.parseExpr();
      const rest = sub.peek();
      if (rest.kind !== 'newline' && rest.kind !== 'eof') {
        sub.syntax(rest.span, dt('codon.parse-expr.expected-the-end-of-the-f', describeToken(rest)));
        expr = null;
      }
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
      expr = null;
    }
    this.absorb(sub);
    return expr;
  }

  private parseParen(): Expr {
    const open = this.next();
    this.enter(open);
    try {
      if (this.isOp(')')) {
        const close = this.next();
        const span = spanFrom(open.span, close.span);
        this.notModelled(span, dt('codon.parse-expr.the-empty-tuple'));
        return this.errorExpr(span);
      }
      const first = this.parseExpr();
      if (this.isKeyword('for')) {
        const gen = this.parseComprehensionTail(first, ')');
        const close = this.expectOp(')', dt('codon.parse-expr.expected-to-close-the-generator-expression'));
        const span = spanFrom(open.span, close.span);
        this.notModelled(
          gen.span,
          dt('codon.parse-expr.a-generator-expression'),
          dt('codon.parse-expr.build-a-list-with-a-list'),
        );
        return this.errorExpr(span);
      }
      if (this.isOp(',')) {
        const items = [first];
        while (this.eatOp(',')) {
          if (this.isOp(')')) break;
          items.push(this.parseExpr());
        }
        const close = this.expectOp(
          ')',
          dt(
            'codon.parse-expr.expected-to-close-the-at-line-2',
            open.span.start.line,
            open.span.start.column,
          ),
        );
        return this.built({ kind: 'tuple', items, span: spanFrom(open.span, close.span) }, items);
      }
      const close = this.expectOp(
        ')',
        dt(
          'codon.parse-expr.expected-to-close-the-at-line-3',
          open.span.start.line,
          open.span.start.column,
          describeToken(this.peek()),
        ),
      );
      // Keep the parenthesised expression's own node, widened to the parentheses.
      const inner = { ...first, span: spanFrom(open.span, close.span) } as Expr;
      return this.built(inner, first);
    } finally {
      this.leave();
    }
  }

  private parseList(): Expr {
    const open = this.next();
    this.enter(open);
    try {
      const items: Expr[] = [];
      let broken = false;
      if (!this.isOp(']')) {
        if (this.isOp('*')) {
          const star = this.next();
          const e = this.parseExpr();
          this.notModelled(spanFrom(star.span, e.span), dt('codon.parse-expr.unpacking-with-in-a-list'));
          broken = true;
        } else {
          const first = this.parseExpr();
          if (this.isKeyword('for')) {
            const comp = this.parseComprehensionTail(first, ']');
            const close = this.expectOp(']', dt('codon.parse-expr.expected-to-close-the-list-comprehension'));
            const span = spanFrom(open.span, close.span);
            if (!comp.ok) return this.errorExpr(span);
            return this.built({ ...comp.node, span }, comp.node);
          }
          items.push(first);
        }
        while (this.eatOp(',')) {
          if (this.isOp(']')) break;
          if (this.isOp('*')) {
            const star = this.next();
            const e = this.parseExpr();
            this.notModelled(spanFrom(star.span, e.span), dt('codon.parse-expr.unpacking-with-in-a-list'));
            broken = true;
            continue;
          }
          items.push(this.parseExpr());
        }
      }
      const close = this.expectOp(
        ']',
        dt(
          'codon.parse-expr.expected-or-in-the-list-that',
          open.span.start.line,
          open.span.start.column,
          describeToken(this.peek()),
        ),
      );
      const span = spanFrom(open.span, close.span);
      if (broken) return this.errorExpr(span);
      return this.built({ kind: 'list', items, span }, items);
    } finally {
      this.leave();
    }
  }

  /**
   * After `elt`, at `for`: `for target in iter (if cond)*`. Returns the comprehension node
   * (its span is the clause), or ok=false when a part is not modelled (already reported).
   */
  protected parseComprehensionTail(
    elt: Expr,
    closer: string,
  ): { ok: true; node: ListCompExpr; span: Span } | { ok: false; span: Span } {
    const forTok = this.next();
    let ok = true;
    const targets: NameExpr[] = [];
    do {
      const name = this.expectName(dt('codon.parse-expr.a-loop-variable-name-after-for'));
      targets.push({ kind: 'name', id: name.text, span: name.span });
    } while (this.eatOp(','));
    this.expectKeywordText('in', dt('codon.parse-expr.expected-in-after-the-loop-variable'));
    {
      // The iterable and the filters are `or`-level expressions, so an `if` after them starts a filter.
      const iter = this.parseOr();
      const conditions: Expr[] = [];
      while (this.isKeyword('if')) {
        this.next();
        conditions.push(this.parseOr());
      }
      let end = conditions[conditions.length - 1]?.span ?? iter.span;
      if (this.isKeyword('for')) {
        const more = this.parseComprehensionTail(elt, closer);
        this.notModelled(
          more.span,
          dt('codon.parse-expr.a-comprehension-with-several-for-clauses'),
          dt('codon.parse-expr.use-nested-for-loops-and-append'),
        );
        end = more.span;
        ok = false;
      }
      const span = spanFrom(forTok.span, end);
      if (targets.length !== 1) {
        this.notModelled(
          spanFrom(targets[0]?.span ?? forTok.span, targets[targets.length - 1]?.span ?? forTok.span),
          dt('codon.parse-expr.unpacking-several-loop-variables'),
        );
        ok = false;
      }
      if (!ok) return { ok: false, span };
      const target = targets[0] as NameExpr;
      const node: ListCompExpr = {
        kind: 'listcomp',
        elt,
        target,
        iter,
        conditions,
        span: spanFrom(elt.span, end),
      };
      return { ok: true, node: this.built(node, elt, iter, conditions), span };
    }
  }

  /** `{...}` where displays are not read (the statement parser reads them: parse-collections.ts). */
  protected parseBraces(): Expr {
    const open = this.next();
    let depth = 1;
    // Skip to the matching brace.
    while (depth > 0) {
      const t = this.peek();
      if (t.kind === 'eof' || t.kind === 'newline') break;
      this.next();
      if (t.kind === 'op' && t.text === '{') depth++;
      if (t.kind === 'op' && t.text === '}') depth--;
    }
    const span = spanFrom(open.span, { start: this.prevEnd(), end: this.prevEnd() });
    this.notModelled(span, dt('codon.parse-expr.a-dict-or-set-display'));
    return this.errorExpr(span);
  }
}

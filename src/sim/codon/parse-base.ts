/**
 * Token cursor, error reporting and recovery shared by the expression and statement parsers.
 *
 * A syntax error inside a statement throws `SyntaxFailure` (after recording a located diagnostic);
 * the statement parser catches it, skips to the end of the line and carries on, so one run reports
 * several errors. Nothing escapes `parseCodon`.
 */
import type { Diagnostic, DiagText, Msg, Pos, Span } from '../diag';
import { dt, english, errorAt, notModelledAt } from '../diag';
import type { Token } from './lexer';

/** Thrown to abandon the statement being parsed; the diagnostic is already recorded. */
export class SyntaxFailure {
  readonly syntaxFailure = true;
}

/** How deep expressions may nest (parentheses, operator chains) before the parser gives up on them. */
export const MAX_EXPR_DEPTH = 200;
/** How deep blocks may nest. */
export const MAX_BLOCK_DEPTH = 60;

export function spanFrom(start: Span, end: Span): Span {
  return { start: start.start, end: end.end };
}

/** How a token is shown in a message. */
export function describeToken(tok: Token): DiagText {
  switch (tok.kind) {
    case 'newline':
      return dt('codon.token.newline');
    case 'eof':
      return dt('codon.token.eof');
    case 'indent':
      return dt('codon.token.indent');
    case 'dedent':
      return dt('codon.token.dedent');
    case 'string':
      return dt('codon.token.string');
    default:
      return dt('codon.token.quoted', tok.text);
  }
}

/**
 * A refusal: "{what} is not modelled by this simulator; {hint}" (or ending "." without a hint). It is
 * a translated text only when its parts are (an English part keeps the whole message English).
 */
export function notModelledText(what: Msg, hint?: Msg): Msg {
  if (typeof what === 'string' || typeof hint === 'string')
    return `${english(what)} is not modelled by this simulator${hint ? `; ${english(hint)}` : '.'}`;
  return hint ? dt('diag.not-modelled-hint', what, hint) : dt('diag.not-modelled', what);
}

export class ParserBase {
  protected i = 0;
  readonly diagnostics: Diagnostic[] = [];
  /** Syntax errors (not counting constructs reported as not modelled). */
  syntaxErrors = 0;
  /** Lines holding a construct reported as not modelled (their names may be bound by it). */
  private readonly refusedLines = new Set<number>();
  /** Names in tokens skipped with an abandoned or refused statement. */
  private readonly skippedNames = new Set<string>();

  constructor(
    protected readonly tokens: Token[],
    protected readonly file: string,
  ) {}

  /** Takes over what a parser of a piece of this file (an f-string field) reported and skipped. */
  protected absorb(sub: ParserBase): void {
    this.diagnostics.push(...sub.diagnostics);
    this.syntaxErrors += sub.syntaxErrors;
    for (const n of sub.refusedNames()) this.skippedNames.add(n);
  }

  peek(k = 0): Token {
    const t = this.tokens[this.i + k] ?? this.tokens[this.tokens.length - 1];
    return t as Token;
  }

  protected next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  /** The end of the last consumed token. */
  protected prevEnd(): Pos {
    const t = this.tokens[this.i - 1] ?? this.peek();
    return t.span.end;
  }

  protected isOp(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'op' && t.text === text;
  }

  protected isKeyword(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'keyword' && t.text === text;
  }

  protected eatOp(text: string): Token | null {
    return this.isOp(text) ? this.next() : null;
  }

  protected eatKeyword(text: string): Token | null {
    return this.isKeyword(text) ? this.next() : null;
  }

  /** Records an error diagnostic. */
  protected report(span: Span, message: Msg): void {
    this.diagnostics.push(errorAt(this.file, span, message));
  }

  /** Records a syntax error without abandoning the statement. */
  syntax(span: Span, message: Msg): void {
    this.syntaxErrors++;
    this.report(span, message);
  }

  /** Records an error and abandons the current statement. */
  protected fail(span: Span, message: Msg): never {
    this.syntaxErrors++;
    // At a line end the lexer made up after an unclosed bracket, the real error is already reported.
    if (!this.peek().recovered) this.report(span, message);
    throw new SyntaxFailure();
  }

  protected expectOp(text: string, message: Msg): Token {
    const t = this.peek();
    if (t.kind === 'op' && t.text === text) return this.next();
    return this.fail(t.span, message);
  }

  protected expectName(what: Msg): Token {
    const t = this.peek();
    if (t.kind === 'name') return this.next();
    if (t.kind === 'keyword')
      return this.fail(t.span, dt('codon.parse-base.is-a-reserved-word-and-cannot', t.text, what));
    return this.fail(t.span, dt('codon.parse-base.expected-here-found', what, describeToken(t)));
  }

  /** Skips to just after the end of the current line (bracket contents are already joined by the lexer). */
  protected skipLine(): void {
    while (true) {
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (t.kind === 'newline') {
        this.next();
        return;
      }
      if (t.kind === 'indent' || t.kind === 'dedent') return;
      if (t.kind === 'name') this.skippedNames.add(t.text);
      this.next();
    }
  }

  /** Skips an indented block if one starts here (after its header line was abandoned). */
  protected skipBlock(): void {
    if (this.peek().kind !== 'indent') return;
    let depth = 0;
    while (true) {
      const t = this.next();
      if (t.kind === 'name') this.skippedNames.add(t.text);
      if (t.kind === 'indent') depth++;
      else if (t.kind === 'dedent') {
        depth--;
        if (depth === 0) return;
      } else if (t.kind === 'eof') return;
    }
  }

  /** Reports an unmodelled construct at `span` without abandoning the statement. */
  protected notModelled(span: Span, what: Msg, hint?: Msg): void {
    for (let l = span.start.line; l <= span.end.line; l++) this.refusedLines.add(l);
    this.diagnostics.push(notModelledAt(this.file, span, notModelledText(what, hint)));
  }

  /**
   * Reports an unmodelled construct the parser cannot represent, and abandons the statement (like
   * `fail`, so the checker does not run on a tree missing it; the message says it is no mistake).
   */
  protected failNotModelled(span: Span, what: Msg, hint?: Msg): never {
    this.syntaxErrors++;
    this.notModelled(span, what, hint);
    throw new SyntaxFailure();
  }

  /**
   * Every name written on a line with a refused construct or in a skipped statement: such a name
   * may be bound by what was refused (`from math import sqrt`, `f = lambda x: x`, `a, b = t`), so
   * the checker must not call its later uses undefined (a refusal never cascades into errors that
   * blame the learner).
   */
  refusedNames(): string[] {
    const names = new Set(this.skippedNames);
    if (this.refusedLines.size > 0) {
      for (const t of this.tokens) {
        if (t.kind === 'name' && this.refusedLines.has(t.span.start.line)) names.add(t.text);
      }
    }
    return [...names];
  }
}

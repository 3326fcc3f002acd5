/**
 * The Codon lexer: Python's tokens and its INDENT/DEDENT rules (Codon's grammar is Python's).
 *
 * One pass, linear time, never throws: anything it cannot read becomes a located diagnostic and is
 * skipped. Inside brackets newlines and indentation are ignored (implicit line joining); a backslash
 * at the end of a line joins it with the next. Indentation is compared as text, like CPython: a
 * deeper line must extend the enclosing indentation, so tabs and spaces that only agree for some tab
 * width are reported.
 */
import type { Diagnostic, Msg, Pos, Span } from '../diag';
import { dt, errorAt, notModelledAt, type DiagText } from '../diag';

export type TokenKind =
  'name' | 'keyword' | 'int' | 'float' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text (for `string`, the decoded value is in `value`). */
  text: string;
  span: Span;
  /** Decoded value of a string literal. */
  value?: string;
  /** For strings: the prefix letters, lower-cased (`f`, `b`, `r`, ...). */
  prefix?: string;
  /** Set on the NEWLINE/EOF the lexer adds after an unclosed bracket (already reported): the parser stays quiet there. */
  recovered?: boolean;
}

/** Python's keywords (Codon adds none that matter for this subset). */
export const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/** Operators and delimiters, longest first so that the first match is the longest. */
const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
  ':=',
  '<<',
  '>>',
  '|>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '&',
  '|',
  '^',
  '~',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  ';',
  '=',
];

/** Operators grouped by their first character, longest first. */
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) {
  const first = op[0] as string;
  const list = OPERATORS_BY_FIRST.get(first) ?? [];
  list.push(op);
  OPERATORS_BY_FIRST.set(first, list);
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Keywords that cannot continue an expression: seeing one at the start of a line inside brackets means a bracket was left open. */
const STATEMENT_KEYWORDS = new Set([
  'def',
  'class',
  'return',
  'from',
  'import',
  'pass',
  'break',
  'continue',
  'while',
  'elif',
]);

export interface LexResult {
  tokens: Token[];
  diagnostics: Diagnostic[];
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const UNICODE_ID_START = /^[\p{L}\p{Nl}]$/u;
const UNICODE_ID_PART = /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]$/u;
/** Python's identifier characters: ASCII letters, `_`, and Unicode letters (digits and marks after the first). */
const isIdStart = (c: number) =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  (c > 127 && UNICODE_ID_START.test(String.fromCharCode(c)));
const isIdPart = (c: number) =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  isDigit(c) ||
  (c > 127 && UNICODE_ID_PART.test(String.fromCharCode(c)));
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Splits Codon source into tokens, with NEWLINE/INDENT/DEDENT as Python's tokenizer makes them. */
export function lexCodon(source: string, file: string): LexResult {
  return new Lexer(source, file).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly tokens: Token[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  /** Indentation strings of the open blocks; the first is the empty module level. */
  private readonly indents: string[] = [''];
  /** Open brackets, innermost last. */
  private readonly brackets: Token[] = [];
  /** True at the start of a logical line (indentation still to be measured). */
  private atLineStart = true;

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {}

  run(): LexResult {
    const src = this.src;
    while (this.pos < src.length) {
      if (this.atLineStart && this.brackets.length === 0) {
        this.readIndentation();
        continue;
      }
      const c = src.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 12) {
        this.pos++;
      } else if (c === 35 /* # */) {
        while (this.pos < src.length && !this.isNewlineAt(this.pos)) this.pos++;
      } else if (c === 10 || c === 13) {
        this.readNewline();
      } else if (c === 92 /* \ */) {
        this.readBackslash();
      } else if (isIdStart(c)) {
        this.readNameOrString();
      } else if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(this.pos + 1)))) {
        this.readNumber();
      } else if (c === 34 || c === 39) {
        this.readString(this.pos, '');
      } else {
        this.readOperator();
      }
    }
    this.finish();
    return { tokens: this.tokens, diagnostics: this.diagnostics };
  }

  private here(): Pos {
    return { line: this.line, column: this.pos - this.lineStart + 1, offset: this.pos };
  }

  private posAt(offset: number): Pos {
    // Only used for offsets on the current line.
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  private isNewlineAt(i: number): boolean {
    const c = this.src.charCodeAt(i);
    return c === 10 || c === 13;
  }

  private error(span: Span, message: Msg): void {
    this.diagnostics.push(errorAt(this.file, span, message));
  }

  private push(kind: TokenKind, text: string, start: Pos, end: Pos, extra?: Partial<Token>): Token {
    const tok: Token = { kind, text, span: { start, end }, ...extra };
    this.tokens.push(tok);
    return tok;
  }

  /** Consumes one line break (\n, \r\n or \r) and moves to the next line. */
  private skipLineBreak(): void {
    if (this.src.charCodeAt(this.pos) === 13 && this.src.charCodeAt(this.pos + 1) === 10) this.pos += 2;
    else this.pos += 1;
    this.line++;
    this.lineStart = this.pos;
  }

  private readNewline(): void {
    const start = this.here();
    this.skipLineBreak();
    if (this.brackets.length > 0) return; // implicit line joining
    const last = this.tokens[this.tokens.length - 1];
    // Blank lines produce nothing; a NEWLINE ends a logical line that has tokens.
    if (last && last.kind !== 'newline' && last.kind !== 'indent' && last.kind !== 'dedent') {
      // Zero-width at the end of the line, so that an error "at the end of the line" stays on it.
      this.push('newline', '\n', start, start);
    }
    this.atLineStart = true;
  }

  private readBackslash(): void {
    const start = this.here();
    let i = this.pos + 1;
    if (this.src.charCodeAt(i) === 13 || this.src.charCodeAt(i) === 10) {
      this.pos = i;
      this.skipLineBreak(); // explicit line joining: no NEWLINE, no indentation
      return;
    }
    i = this.pos + 1;
    this.pos = i;
    this.error({ start, end: this.here() }, dt('codon.lexer.a-backslash-outside-a-string-must'));
  }

  /** Measures the indentation of a new logical line and emits INDENT/DEDENT tokens. */
  private readIndentation(): void {
    const src = this.src;
    const begin = this.pos;
    let i = begin;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 12) i++;
      else break;
    }
    const c = src.charCodeAt(i);
    // Blank and comment-only lines do not count for indentation.
    if (i >= src.length || c === 10 || c === 13 || c === 35) {
      this.pos = i;
      if (i < src.length && c === 35) {
        while (this.pos < src.length && !this.isNewlineAt(this.pos)) this.pos++;
      }
      if (this.pos < src.length) this.skipLineBreak();
      return;
    }
    if (c === 92 && (this.isNewlineAt(i + 1) || i + 1 >= src.length)) {
      // A line that is only a continuation backslash: treat like blank.
      this.pos = i;
      this.atLineStart = false;
      return;
    }
    const indent = src.slice(begin, i).replace(/\f/g, '');
    this.pos = i;
    this.atLineStart = false;
    const top = this.indents[this.indents.length - 1] ?? '';
    const here = this.here();
    const span: Span = { start: this.posAt(begin), end: here };
    if (indent === top) return;
    if (indent.startsWith(top)) {
      this.indents.push(indent);
      this.push('indent', indent, here, here);
      return;
    }
    if (top.startsWith(indent)) {
      while ((this.indents[this.indents.length - 1] ?? '').length > indent.length) {
        this.indents.pop();
        this.push('dedent', '', here, here);
      }
      if ((this.indents[this.indents.length - 1] ?? '') !== indent) {
        this.error(span, dt('codon.lexer.this-line-is-less-indented-than'));
        // Recover: treat it as a new level so the following lines still parse.
        this.indents.push(indent);
      }
      return;
    }
    // Neither a prefix nor an extension: the indentation mixes tabs and spaces differently.
    const mixes = /\t/.test(indent + top) && / /.test(indent + top);
    this.error(
      span,
      mixes
        ? dt('codon.lexer.inconsistent-use-of-tabs-and-spaces')
        : dt('codon.lexer.this-line-is-indented-differently-from'),
    );
    // Recover by adopting this indentation at the current depth.
    this.indents[this.indents.length - 1] = indent;
  }

  private readNameOrString(): void {
    const src = this.src;
    const start = this.pos;
    let i = start;
    while (i < src.length && isIdPart(src.charCodeAt(i))) i++;
    const text = src.slice(start, i);
    const q = src.charCodeAt(i);
    if ((q === 34 || q === 39) && /^(r|u|f|b|br|rb|fr|rf)$/i.test(text)) {
      this.readString(start, text.toLowerCase());
      return;
    }
    this.pos = i;
    const kind: TokenKind = KEYWORDS.has(text) ? 'keyword' : 'name';
    if (
      kind === 'keyword' &&
      STATEMENT_KEYWORDS.has(text) &&
      this.brackets.length > 0 &&
      this.isFirstOnLine(start)
    ) {
      this.closeOpenBrackets();
      this.atLineStart = true;
      this.pos = this.lineStart;
      return;
    }
    this.push(kind, text, this.posAt(start), this.here());
  }

  private isFirstOnLine(offset: number): boolean {
    for (let j = this.lineStart; j < offset; j++) {
      const c = this.src.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 12) return false;
    }
    return true;
  }

  /** A statement keyword inside brackets: report the brackets never closed and resume at this line. */
  private closeOpenBrackets(): void {
    const outer = this.brackets[0];
    if (outer)
      this.error(outer.span, dt('codon.lexer.was-never-closed-add', outer.text, OPENERS[outer.text] ?? ')'));
    this.brackets.length = 0;
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.kind !== 'newline') {
      const p = this.posAt(this.lineStart);
      this.push('newline', '\n', p, p, { recovered: true });
    }
  }

  private readNumber(): void {
    const src = this.src;
    const start = this.pos;
    let i = start;
    const startPos = this.here();
    const finish = (kind: 'int' | 'float', end: number) => {
      this.pos = end;
      // A letter glued to a number (`1x`, `2j`) is not a valid literal.
      if (end < src.length && isIdPart(src.charCodeAt(end))) {
        let j = end;
        while (j < src.length && isIdPart(src.charCodeAt(j))) j++;
        const bad = src.slice(start, j);
        this.pos = j;
        const span = { start: startPos, end: this.here() };
        if (/^[0-9._]+[jJ]$/.test(bad))
          this.diagnostics.push(
            notModelledAt(this.file, span, dt('codon.lexer.complex-numbers-are-not-modelled-by', bad)),
          );
        else this.error(span, dt('codon.lexer.is-not-a-valid-number', bad));
        this.push(kind, src.slice(start, end), startPos, this.here());
        return;
      }
      this.push(kind, src.slice(start, end), startPos, this.here());
    };
    const c0 = src.charCodeAt(i);
    const c1 = src.charCodeAt(i + 1) | 0x20;
    if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      // 0x.., 0o.., 0b..
      i += 2;
      const valid =
        c1 === 120
          ? isHex
          : c1 === 111
            ? (c: number) => c >= 48 && c <= 55
            : (c: number) => c === 48 || c === 49;
      const digitsStart = i;
      while (i < src.length && (valid(src.charCodeAt(i)) || src.charCodeAt(i) === 95)) i++;
      const digits = src.slice(digitsStart, i);
      if (digits.length === 0 || !/^[0-9a-fA-F]+(_[0-9a-fA-F]+)*$/.test(digits)) {
        this.pos = i;
        this.error(
          { start: startPos, end: this.here() },
          dt('codon.lexer.is-not-a-valid-number', src.slice(start, i)),
        );
      }
      finish('int', i);
      return;
    }
    const digitRun = () => {
      const runStart = i;
      while (i < src.length && (isDigit(src.charCodeAt(i)) || src.charCodeAt(i) === 95)) i++;
      return src.slice(runStart, i);
    };
    const runs: string[] = [];
    runs.push(digitRun());
    let isFloat = false;
    if (src.charCodeAt(i) === 46 && !(src.charCodeAt(i + 1) === 46 && src.charCodeAt(i + 2) === 46)) {
      isFloat = true;
      i++;
      runs.push(digitRun());
    }
    const e = src.charCodeAt(i) | 0x20;
    if (e === 101) {
      let j = i + 1;
      if (src.charCodeAt(j) === 43 || src.charCodeAt(j) === 45) j++;
      if (isDigit(src.charCodeAt(j))) {
        isFloat = true;
        i = j;
        runs.push(digitRun());
      }
    }
    const badUnderscore = runs.some((r) => r.length > 0 && !/^[0-9]+(_[0-9]+)*$/.test(r));
    if (badUnderscore) {
      this.pos = i;
      this.error(
        { start: startPos, end: this.here() },
        dt('codon.lexer.is-not-a-valid-number-an', src.slice(start, i)),
      );
    } else if (!isFloat && /^0+[0-9_]*[1-9]/.test(runs[0] ?? '')) {
      this.pos = i;
      this.error(
        { start: startPos, end: this.here() },
        dt('codon.lexer.leading-zeros-in-decimal-integer-literals', src.slice(start, i)),
      );
    }
    finish(isFloat ? 'float' : 'int', i);
  }

  private readString(start: number, prefix: string): void {
    const src = this.src;
    const startPos = this.posAt(start);
    let i = start + prefix.length;
    const quote = src[i] ?? '"';
    const triple = src.startsWith(quote.repeat(3), i);
    const delim = triple ? quote.repeat(3) : quote;
    i += delim.length;
    const raw = prefix.includes('r');
    let value = '';
    let closed = false;
    const startLine = this.line;
    while (i < src.length) {
      if (src.startsWith(delim, i)) {
        i += delim.length;
        closed = true;
        break;
      }
      const ch = src[i] as string;
      const code = src.charCodeAt(i);
      if (code === 10 || code === 13) {
        if (!triple) break;
        value += '\n';
        this.pos = i;
        this.skipLineBreak();
        i = this.pos;
        continue;
      }
      if (ch === '\\' && i + 1 < src.length) {
        const next = src[i + 1] as string;
        const nextCode = src.charCodeAt(i + 1);
        if (nextCode === 10 || nextCode === 13) {
          // Backslash-newline inside a string: line continuation.
          if (raw) value += '\\\n';
          this.pos = i + 1;
          this.skipLineBreak();
          i = this.pos;
          continue;
        }
        if (raw) {
          value += ch + next;
          i += 2;
          continue;
        }
        const decoded = decodeEscape(src, i);
        value += decoded.text;
        i = decoded.end;
        continue;
      }
      value += ch;
      i++;
    }
    this.pos = i;
    const span: Span = { start: startPos, end: this.here() };
    if (!closed) {
      this.error(
        { start: startPos, end: startLine === this.line ? this.here() : startPos },
        dt(
          'codon.lexer.this-string-is-never-closed-add',
          delim === '"'
            ? dt('codon.lexer.double-quote')
            : delim === "'"
              ? dt('codon.lexer.single-quote')
              : delim,
        ),
      );
    }
    this.push('string', src.slice(start, i), span.start, span.end, { value, prefix });
  }

  private readOperator(): void {
    const src = this.src;
    const start = this.here();
    for (const op of OPERATORS_BY_FIRST.get(src[this.pos] as string) ?? []) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        const tok = this.push('op', op, start, this.here());
        if (OPENERS[op]) {
          this.brackets.push(tok);
        } else if (CLOSERS[op]) {
          const open = this.brackets[this.brackets.length - 1];
          if (open && open.text === CLOSERS[op]) {
            this.brackets.pop();
          } else if (open) {
            this.error(
              tok.span,
              dt('codon.lexer.does-not-match-the-opened-on', op, open.text, open.span.start.line),
            );
            this.brackets.pop();
          } else {
            this.error(tok.span, dt('codon.lexer.unmatched-there-is-no-opening-before', op, CLOSERS[op]));
          }
        }
        return;
      }
    }
    const cp = src.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    const shown =
      cp < 32 || cp === 127
        ? `\\x${cp.toString(16).padStart(2, '0')}`
        : /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)
          ? ch
          : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    const pasted: Record<string, DiagText> = {
      '\u00a0': dt('codon.lexer.pasted-nbsp'),
      '\u200b': dt('codon.lexer.pasted-zwsp'),
      '\ufeff': dt('codon.lexer.pasted-bom'),
      '\u201c': dt('codon.lexer.pasted-double-quote'),
      '\u201d': dt('codon.lexer.pasted-double-quote'),
      '\u2018': dt('codon.lexer.pasted-single-quote'),
      '\u2019': dt('codon.lexer.pasted-single-quote'),
    };
    this.error(
      { start, end: this.here() },
      pasted[ch]
        ? dt('codon.lexer.unexpected-character', shown, pasted[ch])
        : ch === '!'
          ? dt('codon.lexer.unexpected-character-write-not-for-negation')
          : ch === '$' || ch === '?' || ch === '`'
            ? dt('codon.lexer.unexpected-character-it-has-no-meaning', shown)
            : dt('codon.lexer.unexpected-character-2', shown),
    );
  }

  private finish(): void {
    const end = this.here();
    const recovered = this.brackets.length > 0;
    for (const open of this.brackets) {
      this.error(open.span, dt('codon.lexer.was-never-closed-add', open.text, OPENERS[open.text] ?? ')'));
    }
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.kind !== 'newline' && last.kind !== 'dedent' && last.kind !== 'indent') {
      this.push('newline', '', end, end, { recovered });
    }
    while (this.indents.length > 1) {
      this.indents.pop();
      this.push('dedent', '', end, end, { recovered });
    }
    this.push('eof', '', end, end, { recovered });
  }
}

/** Decodes one backslash escape at `i` (Python's rules; an unknown escape keeps its backslash). */
export function decodeEscape(src: string, i: number): { text: string; end: number } {
  const next = src[i + 1] as string;
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
  };
  if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 4))) {
    return { text: String.fromCharCode(parseInt(src.slice(i + 2, i + 4), 16)), end: i + 4 };
  }
  if (/^[0-7]$/.test(next)) {
    const m = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
    const digits = m ? m[0] : next;
    return { text: String.fromCharCode(parseInt(digits, 8)), end: i + 1 + digits.length };
  }
  const s = simple[next];
  if (s !== undefined) return { text: s, end: i + 2 };
  return { text: '\\' + next, end: i + 2 };
}

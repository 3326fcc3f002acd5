/**
 * The C++ lexer, with the small part of the preprocessor that lesson code uses:
 * `#include` (recorded, not read), object-like `#define`/`#undef`, `#if`/`#ifdef`/`#ifndef`/
 * `#elif`/`#else`/`#endif` (include guards, `#ifdef __cplusplus`), `#pragma once`, `#error`.
 *
 * It runs in one pass over the text (linear time) and never throws: anything it cannot read
 * becomes a located diagnostic and is skipped.
 */
import { dt } from '../diag';
import type { DiagText, Pos, Span } from '../diag';
import { DiagSink } from './diagnostics';
import { evalPpCondition } from './pp-expr';
import { KEYWORDS, PUNCTUATORS, type LiteralValue, type Token, type TokenKind } from './token';

/** One `#include` line. */
export interface IncludeDirective {
  header: string;
  /** `<array>` (true) or `"foo.h"` (false). */
  system: boolean;
  span: Span;
}

export interface LexResult {
  tokens: Token[];
  includes: IncludeDirective[];
  /** True when the file said `#pragma once` (accepted; there is only one file). */
  pragmaOnce: boolean;
}

/** Macros g++ 12 predefines that lesson code tests (`#ifdef __cplusplus`); gnu++17 is g++ 12's default. */
const PREDEFINED: Record<string, string> = {
  __cplusplus: '201703L',
  __GNUC__: '12',
  __GNUG__: '12',
  __GNUC_MINOR__: '2',
  __STDC_HOSTED__: '1',
  __LP64__: '1',
  _LP64: '1',
};

const MAX_EXPANSION_DEPTH = 32;
/**
 * Tokens that macro expansion may produce in one file. Depth alone does not bound it: a macro that
 * doubles on each of 40 levels is shallow and expands to 2^40 tokens.
 */
export const MAX_EXPANDED_TOKENS = 1_000_000;

interface CondFrame {
  /** Tokens in this group are kept. */
  active: boolean;
  /** The enclosing group is active (else no branch of this one can be). */
  parentActive: boolean;
  /** Some branch of this `#if` chain was taken already. */
  taken: boolean;
  seenElse: boolean;
  span: Span;
}

const isIdentStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentChar = (c: number): boolean => isIdentStart(c) || isDigit(c);

/**
 * A token as the lexer makes it: positions as numbers, the Span object built on first use. A 1 MB
 * file has 400,000 tokens that all live until parsing ends; four objects per token (token, span,
 * two positions) made the garbage collector the largest cost of parsing.
 */
class LexedToken implements Token {
  private cachedSpan: Span | undefined = undefined;
  lineStart?: boolean;

  constructor(
    readonly kind: TokenKind,
    readonly text: string,
    readonly value: LiteralValue | undefined,
    private readonly startOffset: number,
    private readonly startLine: number,
    private readonly startColumn: number,
    /** Length in UTF-16 units; these tokens never span lines. */
    private readonly length: number,
  ) {}

  get span(): Span {
    this.cachedSpan ??= {
      start: { line: this.startLine, column: this.startColumn, offset: this.startOffset },
      end: {
        line: this.startLine,
        column: this.startColumn + this.length,
        offset: this.startOffset + this.length,
      },
    };
    return this.cachedSpan;
  }
}

/** Lexes a whole C++ file into tokens (ending with an `eof` token). */
export function lexCpp(source: string, diags: DiagSink): LexResult {
  return new Lexer(source, diags).run();
}

/** A lexer the parser pulls tokens from as it needs them. */
export function incrementalLexer(source: string, diags: DiagSink): Lexer {
  return new Lexer(source, diags);
}

export class Lexer {
  /** Tokens produced by macro expansion so far (see MAX_EXPANDED_TOKENS). */
  private expandedTokens = 0;
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private atLineStart = true;
  private readonly tokens: Token[] = [];
  private readonly includes: IncludeDirective[] = [];
  private pragmaOnce = false;
  private readonly macros = new Map<string, Token[]>();
  /** Names defined as function-like macros: diagnosed at the definition, kept so `#ifdef` sees them. */
  private readonly functionMacros = new Set<string>();
  private readonly conds: CondFrame[] = [];
  private readonly names = new Map<string, string>();
  private done = false;

  /**
   * @param fragment lexes the text of a directive: no directives inside, no macro expansion
   *   (so `defined(__cplusplus)` still sees the name).
   */
  constructor(
    private readonly src: string,
    private readonly diags: DiagSink,
    private readonly fragment = false,
  ) {
    if (fragment) return;
    for (const [name, text] of Object.entries(PREDEFINED)) {
      const value = /^\d+$/.test(text) ? BigInt(text) : BigInt(text.replace(/L$/, ''));
      const zero = this.pos(0);
      this.macros.set(name, [
        {
          kind: 'int',
          text,
          span: { start: zero, end: zero },
          value: { kind: 'int', value, unsigned: false, longs: text.endsWith('L') ? 1 : 0, decimal: true },
        },
      ]);
    }
  }

  run(): LexResult {
    while (this.lexMore()) {
      // lex everything
    }
    return this.result();
  }

  /** The tokens so far (the parser reads this array as it grows) and what the directives said. */
  result(): LexResult {
    return { tokens: this.tokens, includes: this.includes, pragmaOnce: this.pragmaOnce };
  }

  /**
   * Lexes until at least one more token is in `tokens` (the last one is `eof`); returns false once
   * `eof` has been emitted. Lexing on demand lets the parser drop tokens it has consumed, so they
   * die young instead of being promoted by the garbage collector.
   */
  lexMore(): boolean {
    if (this.done) return false;
    const src = this.src;
    const n = src.length;
    const before = this.tokens.length;
    while (this.i < n && !this.diags.full && this.tokens.length === before) {
      const c = src.charCodeAt(this.i);
      if (c === 10) {
        this.newline(this.i + 1);
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || (c === 0xfeff && this.i === 0)) {
        this.i++;
        continue;
      }
      if (c === 92 /* \ */ && this.lineSpliceAt(this.i)) continue;
      if (c === 47 /* / */ && this.skipComment()) continue;
      if (this.atLineStart && c === 35 /* # */ && !this.fragment) {
        this.directive();
        continue;
      }
      const startsLine = this.atLineStart;
      this.atLineStart = false;
      if (!this.active()) {
        this.skipRestOfLine();
        continue;
      }
      const tok = this.token();
      if (tok) {
        if (startsLine) tok.lineStart = true;
        this.emit(tok, 0, undefined);
      }
    }
    if (this.tokens.length > before) return true;
    for (const frame of this.conds)
      this.diags.error(frame.span, dt('cpp.lexer.unterminated-conditional-directive'));
    const end = this.pos(this.i < n ? this.i : n);
    this.tokens.push({ kind: 'eof', text: '', span: { start: end, end } });
    this.done = true;
    return true;
  }

  private pos(offset: number): Pos {
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  /** A token ending at the cursor (see LexedToken for why its span is built lazily). */
  private lexed(kind: TokenKind, text: string, start: Pos, value: LiteralValue | undefined): Token {
    return new LexedToken(kind, text, value, start.offset, start.line, start.column, this.i - start.offset);
  }

  /** One string per distinct identifier: a 1 MB file repeats the same few hundred names. */
  private intern(text: string): string {
    const hit = this.names.get(text);
    if (hit !== undefined) return hit;
    this.names.set(text, text);
    return text;
  }

  private span(start: Pos): Span {
    return { start, end: this.pos(this.i) };
  }

  private newline(next: number): void {
    this.line++;
    this.lineStart = next;
    this.i = next;
    this.atLineStart = true;
  }

  private active(): boolean {
    const top = this.conds[this.conds.length - 1];
    return top === undefined || top.active;
  }

  /** A backslash at the end of a line joins it with the next (translation phase 2). */
  private lineSpliceAt(at: number): boolean {
    let j = at + 1;
    if (this.src.charCodeAt(j) === 13) j++;
    if (this.src.charCodeAt(j) !== 10) return false;
    const keep = this.atLineStart;
    this.newline(j + 1);
    this.atLineStart = keep;
    return true;
  }

  /** Skips a `//` or `/* *\/` comment at the cursor; false when the slash starts an operator. */
  private skipComment(): boolean {
    const src = this.src;
    const next = src.charCodeAt(this.i + 1);
    if (next === 47) {
      const nl = src.indexOf('\n', this.i);
      this.i = nl < 0 ? src.length : nl;
      return true;
    }
    if (next !== 42) return false;
    const start = this.pos(this.i);
    this.i += 2;
    for (;;) {
      const close = src.indexOf('*/', this.i);
      const nl = src.indexOf('\n', this.i);
      if (nl >= 0 && (close < 0 || nl < close)) {
        const keep = this.atLineStart;
        this.newline(nl + 1);
        this.atLineStart = keep;
        continue;
      }
      if (close < 0) {
        this.i = src.length;
        this.diags.error({ start, end: start }, dt('cpp.lexer.unterminated-comment-a-has-no-matching'));
        return true;
      }
      this.i = close + 2;
      return true;
    }
  }

  private skipRestOfLine(): void {
    const nl = this.src.indexOf('\n', this.i);
    this.i = nl < 0 ? this.src.length : nl;
  }

  /** Appends a token, expanding object-like macros (a macro is not re-expanded inside itself). */
  private emit(tok: Token, depth: number, hide: Set<string> | undefined): void {
    // Once the budget is spent, every token of the expansion under way is dropped at once.
    if (depth > 0 && ++this.expandedTokens > MAX_EXPANDED_TOKENS) {
      if (this.expandedTokens === MAX_EXPANDED_TOKENS + 1) {
        this.diags.error(
          tok.span,
          dt('cpp.lexer.macro-expansion-produces-more-than-tokens', MAX_EXPANDED_TOKENS.toLocaleString('en')),
        );
      }
      return;
    }
    if (tok.kind === 'ident' && !this.fragment && this.macros.has(tok.text) && !hide?.has(tok.text)) {
      if (depth >= MAX_EXPANSION_DEPTH) {
        // Spend the budget, so that a deep expansion reports once and stops, not once per branch.
        this.expandedTokens = MAX_EXPANDED_TOKENS + 1;
        this.diags.error(
          tok.span,
          dt('cpp.lexer.macro-expands-more-than-levels-deep', tok.text, MAX_EXPANSION_DEPTH),
        );
        return;
      }
      const inner = new Set(hide);
      inner.add(tok.text);
      for (const r of this.macros.get(tok.text) ?? []) {
        // Replacement tokens take the span of the use, so diagnostics point at the line the learner wrote.
        this.emit({ ...r, span: tok.span, lineStart: false }, depth + 1, inner);
      }
      return;
    }
    this.tokens.push(tok);
  }

  // ---------------------------------------------------------------- tokens

  private token(): Token | null {
    const src = this.src;
    const c = src.charCodeAt(this.i);
    const start = this.pos(this.i);
    if (isIdentStart(c)) {
      let j = this.i + 1;
      while (j < src.length && isIdentChar(src.charCodeAt(j))) j++;
      const text = src.slice(this.i, j);
      const next = src.charCodeAt(j);
      if ((next === 34 || next === 39) && /^(u8|u|U|L|R|u8R|uR|UR|LR)$/.test(text)) {
        this.i = j;
        return next === 39 ? this.charLiteral(start, text) : this.stringLiteral(start, text);
      }
      this.i = j;
      return this.lexed(KEYWORDS.has(text) ? 'keyword' : 'ident', this.intern(text), start, undefined);
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(this.i + 1)))) return this.number(start);
    if (c === 39) return this.charLiteral(start, '');
    if (c === 34) return this.stringLiteral(start, '');
    const punct = matchPunctuator(src, this.i);
    if (punct !== null) {
      this.i += punct.length;
      return this.lexed('punct', punct, start, undefined);
    }
    // Not C++ at all: skip one character (a whole surrogate pair) and say which.
    const cp = src.codePointAt(this.i) ?? c;
    this.i += cp > 0xffff ? 2 : 1;
    const shown =
      cp >= 32 && cp < 127
        ? `'${String.fromCodePoint(cp)}'`
        : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    this.diags.error(this.span(start), dt('cpp.lexer.unexpected-character-in-the-program', shown));
    return null;
  }

  private number(start: Pos): Token | null {
    const src = this.src;
    let j = this.i;
    // A pp-number: digits, letters, dots, digit separators, and signs after an exponent letter.
    for (;;) {
      const c = src.charCodeAt(j);
      if (isIdentChar(c) || c === 46) {
        j++;
        continue;
      }
      if (c === 39 && isIdentChar(src.charCodeAt(j + 1))) {
        j++;
        continue;
      }
      if ((c === 43 || c === 45) && /[eEpP]/.test(src[j - 1] ?? '')) {
        const hex = /^0[xX]/.test(src.slice(this.i, j));
        const letter = (src[j - 1] ?? '').toLowerCase();
        if ((hex && letter === 'p') || (!hex && letter === 'e')) {
          j++;
          continue;
        }
      }
      break;
    }
    const text = src.slice(this.i, j);
    this.i = j;
    const span = this.span(start);
    const value = parseNumber(text.replace(/'/g, ''));
    if (typeof value === 'string') {
      this.diags.error(span, dt(value, text));
      return {
        kind: 'int',
        text,
        span,
        value: { kind: 'int', value: 0n, unsigned: false, longs: 0, decimal: true },
      };
    }
    return this.lexed(value.kind, text, start, value);
  }

  private charLiteral(start: Pos, prefix: string): Token {
    this.i++; // opening quote
    const units = this.escapedBody(39, start, dt('cpp.lexer.missing-terminating-quote'));
    const span = this.span(start);
    const text = this.src.slice(start.offset, this.i);
    if (units.length === 0) this.diags.error(span, dt('cpp.lexer.empty-character-constant'));
    let value = units[0] ?? 0;
    const multi = units.length > 1;
    if (multi) {
      // g++ packs multi-character constants big-endian into an int, with a warning.
      value = 0;
      for (const u of units) value = ((value << 8) | (u & 0xff)) >>> 0;
      value |= 0;
      this.diags.warning(span, dt('cpp.lexer.multi-character-character-constant'));
    }
    return {
      kind: 'char',
      text,
      span,
      value: { kind: 'char', value, prefix: prefix as 'u8', multi },
    };
  }

  private stringLiteral(start: Pos, prefix: string): Token {
    if (prefix.endsWith('R')) return this.rawString(start, prefix.slice(0, -1));
    this.i++; // opening quote
    const units = this.escapedBody(34, start, dt('cpp.lexer.missing-terminating-double-quote'));
    return this.stringToken(start, prefix, units);
  }

  /** `bytes` are the UTF-8 bytes of the body; wide literals get their code units from the decoded text. */
  private stringToken(start: Pos, prefix: string, bytes: number[]): Token {
    const span = this.span(start);
    const text = this.src.slice(start.offset, this.i);
    const value = utf8Decode(bytes);
    let units = bytes;
    if (prefix === 'u') units = Array.from({ length: value.length }, (_, k) => value.charCodeAt(k));
    else if (prefix === 'U' || prefix === 'L') units = [...value].map((ch) => ch.codePointAt(0) ?? 0);
    return { kind: 'string', text, span, value: { kind: 'string', value, units, prefix: prefix as 'u8' } };
  }

  private rawString(start: Pos, prefix: string): Token {
    const src = this.src;
    this.i++; // opening quote
    const paren = src.indexOf('(', this.i);
    const delim = paren < 0 ? '' : src.slice(this.i, paren);
    if (paren < 0 || delim.length > 16 || /[\s\\)]/.test(delim)) {
      this.skipRestOfLine();
      this.diags.error(this.span(start), dt('cpp.lexer.invalid-delimiter-in-a-raw-string'));
      return this.stringToken(start, prefix, []);
    }
    const close = src.indexOf(')' + delim + '"', paren + 1);
    const bodyEnd = close < 0 ? src.length : close;
    const body = src.slice(paren + 1, bodyEnd);
    for (let k = paren + 1; k < bodyEnd; k++) {
      if (src.charCodeAt(k) === 10) {
        this.line++;
        this.lineStart = k + 1;
      }
    }
    this.i = close < 0 ? src.length : close + delim.length + 2;
    if (close < 0) this.diags.error({ start, end: start }, dt('cpp.lexer.unterminated-raw-string-literal'));
    return this.stringToken(start, prefix, utf8Encode(body));
  }

  /**
   * Reads the body of a quoted literal up to the closing quote and returns its code units
   * (UTF-8 bytes for source text, the escape's value for escapes). Stops at the end of the line.
   */
  private escapedBody(quote: number, start: Pos, unterminated: DiagText): number[] {
    const src = this.src;
    const units: number[] = [];
    let chunkStart = this.i;
    const flush = (end: number): void => {
      if (end > chunkStart) for (const b of utf8Encode(src.slice(chunkStart, end))) units.push(b);
    };
    while (this.i < src.length) {
      const c = src.charCodeAt(this.i);
      if (c === quote) {
        flush(this.i);
        this.i++;
        return units;
      }
      if (c === 10) break;
      if (c === 92) {
        flush(this.i);
        this.escape(units);
        chunkStart = this.i;
        continue;
      }
      this.i++;
    }
    flush(this.i);
    this.diags.error({ start, end: this.pos(this.i) }, unterminated);
    return units;
  }

  private escape(units: number[]): void {
    const src = this.src;
    const escStart = this.pos(this.i);
    const e = src[this.i + 1] ?? '';
    this.i += 2;
    const simple: Record<string, number> = {
      n: 10,
      t: 9,
      r: 13,
      '0': 0,
      '\\': 92,
      "'": 39,
      '"': 34,
      '?': 63,
      a: 7,
      b: 8,
      f: 12,
      v: 11,
      e: 27,
    };
    if (/[0-7]/.test(e)) {
      let j = this.i - 1;
      let v = 0;
      let count = 0;
      while (count < 3 && /[0-7]/.test(src[j] ?? '')) {
        v = v * 8 + Number(src[j]);
        j++;
        count++;
      }
      this.i = j;
      units.push(v & 0xff);
      return;
    }
    if (e in simple) {
      units.push(simple[e] ?? 0);
      return;
    }
    if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 64 : e === 'u' ? 4 : 8;
      let j = this.i;
      while (j - this.i < max && /[0-9a-fA-F]/.test(src[j] ?? '')) j++;
      const digits = src.slice(this.i, j);
      this.i = j;
      if (digits.length === 0) {
        this.diags.error(this.span(escStart), dt('cpp.lexer.used-with-no-following-hex-digits', e));
        return;
      }
      const v = parseInt(digits.slice(-8), 16);
      if (e === 'x') units.push(v & 0xff);
      else for (const b of utf8Encode(String.fromCodePoint(Math.min(v, 0x10ffff)))) units.push(b);
      return;
    }
    if (e === '\n' || e === '') {
      this.i--;
      return;
    }
    this.diags.warning(this.span(escStart), dt('cpp.lexer.unknown-escape-sequence', e));
    units.push(e.charCodeAt(0));
  }

  // ---------------------------------------------------------------- preprocessor

  /** Reads one directive line (with line splices) and acts on it. */
  private directive(): void {
    const src = this.src;
    const start = this.pos(this.i);
    this.i++; // '#'
    // Collect the logical line: join backslash-newlines, drop comments.
    let text = '';
    while (this.i < src.length) {
      const c = src.charCodeAt(this.i);
      if (c === 10) break;
      if (c === 92 && this.lineSpliceAt(this.i)) continue;
      if (c === 47 && (src.charCodeAt(this.i + 1) === 47 || src.charCodeAt(this.i + 1) === 42)) {
        const before = this.line;
        this.skipComment();
        text += ' ';
        if (this.line !== before) this.atLineStart = false;
        continue;
      }
      text += src[this.i];
      this.i++;
    }
    this.atLineStart = false;
    const span = this.span(start);
    const m = /^\s*([A-Za-z_]\w*)?\s*([\s\S]*)$/.exec(text);
    const name = m?.[1] ?? '';
    const rest = (m?.[2] ?? '').trim();
    const handler = DIRECTIVES[name];
    if (handler) handler.call(this, rest, span);
    else if (!this.active()) return;
    else if (name === '') {
      if (rest !== '')
        this.diags.error(span, dt('cpp.lexer.invalid-preprocessing-directive', rest.split(/\s/)[0]));
    } else this.diags.error(span, dt('cpp.lexer.invalid-preprocessing-directive', name));
  }

  /** Lexes the text of a directive (a macro body, an `#if` condition) into tokens. */
  private lexFragment(text: string, at: Span): Token[] {
    const sink = new DiagSink(this.diags.file);
    const sub = new Lexer(text, sink, true);
    const toks = sub.run().tokens.slice(0, -1);
    if (sink.errorCount > 0)
      this.diags.error(at, sink.list[0]?.text ?? sink.list[0]?.message ?? dt('cpp.lexer.invalid-directive'));
    return toks.map((t) => ({ ...t, span: at }));
  }

  doInclude(rest: string, span: Span): void {
    if (!this.active()) return;
    const m = /^(<([^>]*)>|"([^"]*)")/.exec(rest);
    if (!m) {
      this.diags.error(span, dt('cpp.lexer.include-expects-filename-or-filename'));
      return;
    }
    this.includes.push({ header: m[2] ?? m[3] ?? '', system: m[2] !== undefined, span });
    if (m[3] !== undefined) this.diags.warning(span, dt('cpp.lexer.the-header-is-not-read-by', m[3]));
  }

  doDefine(rest: string, span: Span): void {
    if (!this.active()) return;
    const m = /^([A-Za-z_]\w*)(\(?)([\s\S]*)$/.exec(rest);
    if (!m) {
      this.diags.error(span, dt('cpp.lexer.macro-names-must-be-identifiers'));
      return;
    }
    const name = m[1] ?? '';
    if (m[2] === '(') {
      this.functionMacros.add(name);
      this.macros.delete(name);
      this.diags.unsupported(span, dt('cpp.lexer.the-function-like-macro', name));
      return;
    }
    const body = this.lexFragment(m[3] ?? '', span);
    if (body.some((t) => t.text === '#' || t.text === '##'))
      this.diags.unsupported(span, dt('cpp.lexer.the-and-operators-in-macro', name));
    this.macros.set(name, body);
  }

  doUndef(rest: string, span: Span): void {
    if (!this.active()) return;
    const name = /^[A-Za-z_]\w*/.exec(rest)?.[0];
    if (!name) this.diags.error(span, dt('cpp.lexer.macro-names-must-be-identifiers'));
    else {
      this.macros.delete(name);
      this.functionMacros.delete(name);
    }
  }

  private defined(name: string): boolean {
    return this.macros.has(name) || this.functionMacros.has(name);
  }

  private pushCond(value: boolean, span: Span): void {
    const parentActive = this.active();
    this.conds.push({ active: parentActive && value, parentActive, taken: value, seenElse: false, span });
  }

  private condition(rest: string, span: Span): boolean {
    if (rest === '') {
      this.diags.error(span, dt('cpp.lexer.if-with-no-expression'));
      return false;
    }
    const toks = this.lexFragment(rest, span);
    return evalPpCondition(
      toks,
      (name) => this.defined(name),
      (name) => this.macros.get(name),
      (message) => this.diags.error(span, message),
    );
  }

  doIf(rest: string, span: Span): void {
    this.pushCond(this.active() ? this.condition(rest, span) : false, span);
  }

  doIfdef(rest: string, span: Span, negate: boolean): void {
    const name = /^[A-Za-z_]\w*/.exec(rest)?.[0];
    if (!name && this.active()) this.diags.error(span, dt('cpp.lexer.no-macro-name-given-in-ifdef'));
    this.pushCond(name ? this.defined(name) !== negate : false, span);
  }

  doElif(rest: string, span: Span): void {
    const top = this.conds[this.conds.length - 1];
    if (!top) {
      this.diags.error(span, dt('cpp.lexer.elif-without-if'));
      return;
    }
    if (top.seenElse) this.diags.error(span, dt('cpp.lexer.elif-after-else'));
    const value = top.parentActive && !top.taken ? this.conditionInParent(top, rest, span) : false;
    top.active = value;
    top.taken ||= value;
  }

  private conditionInParent(top: CondFrame, rest: string, span: Span): boolean {
    // Evaluate as if the group were active (the condition's macros come from the enclosing group).
    const saved = top.active;
    top.active = true;
    const v = this.condition(rest, span);
    top.active = saved;
    return v;
  }

  doElse(_rest: string, span: Span): void {
    const top = this.conds[this.conds.length - 1];
    if (!top) {
      this.diags.error(span, dt('cpp.lexer.else-without-if'));
      return;
    }
    if (top.seenElse) this.diags.error(span, dt('cpp.lexer.else-after-else'));
    top.seenElse = true;
    top.active = top.parentActive && !top.taken;
    top.taken = true;
  }

  doEndif(_rest: string, span: Span): void {
    if (!this.conds.pop()) this.diags.error(span, dt('cpp.lexer.endif-without-if'));
  }

  doPragma(rest: string, span: Span): void {
    if (!this.active()) return;
    if (/^once\b/.test(rest)) this.pragmaOnce = true;
    else this.diags.warning(span, dt('cpp.lexer.pragma-is-ignored-by-this-simulator', rest));
  }

  doError(rest: string, span: Span, isWarning: boolean): void {
    if (!this.active()) return;
    if (isWarning) this.diags.warning(span, dt('cpp.lexer.warning', rest));
    else this.diags.error(span, dt('cpp.lexer.error', rest));
  }

  doLine(_rest: string, span: Span): void {
    if (this.active()) this.diags.unsupported(span, dt('cpp.lexer.the-line-directive'));
  }
}

type DirectiveHandler = (this: Lexer, rest: string, span: Span) => void;

const DIRECTIVES: Record<string, DirectiveHandler> = {
  include(rest, span) {
    this.doInclude(rest, span);
  },
  include_next(rest, span) {
    this.doInclude(rest, span);
  },
  define(rest, span) {
    this.doDefine(rest, span);
  },
  undef(rest, span) {
    this.doUndef(rest, span);
  },
  if(rest, span) {
    this.doIf(rest, span);
  },
  ifdef(rest, span) {
    this.doIfdef(rest, span, false);
  },
  ifndef(rest, span) {
    this.doIfdef(rest, span, true);
  },
  elif(rest, span) {
    this.doElif(rest, span);
  },
  else(rest, span) {
    this.doElse(rest, span);
  },
  endif(rest, span) {
    this.doEndif(rest, span);
  },
  pragma(rest, span) {
    this.doPragma(rest, span);
  },
  error(rest, span) {
    this.doError(rest, span, false);
  },
  warning(rest, span) {
    this.doError(rest, span, true);
  },
  line(rest, span) {
    this.doLine(rest, span);
  },
};

const PUNCT3 = new Set(PUNCTUATORS.filter((p) => p.length === 3));
const PUNCT2 = new Set(PUNCTUATORS.filter((p) => p.length === 2));
const PUNCT1 = new Set(PUNCTUATORS.filter((p) => p.length === 1));

/** The longest punctuator at `i`, or null (set lookups on 3-, 2- and 1-character slices). */
function matchPunctuator(src: string, i: number): string | null {
  const three = src.slice(i, i + 3);
  if (PUNCT3.has(three)) return three;
  const two = three.slice(0, 2);
  if (PUNCT2.has(two)) return two;
  const one = three.slice(0, 1);
  return PUNCT1.has(one) ? one : null;
}

/** Interprets a pp-number; returns an error message template (with %s) when it is not a valid literal. */
export function parseNumber(text: string): LiteralValue | string {
  if (/^[1-9]\d{0,14}$/.test(text) || text === '0')
    return { kind: 'int', value: BigInt(text), unsigned: false, longs: 0, decimal: true };
  const lower = text.toLowerCase();
  const isHex = lower.startsWith('0x');
  const isFloat = isHex ? /[.p]/.test(lower) : /[.e]/.test(lower.replace(/[fl]+$/, ''));
  if (isFloat) {
    const m = isHex
      ? /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)([fl]?)$/.exec(lower)
      : /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?([fl]?)$/.exec(lower);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return 'cpp.lexer.invalid-float';
    let value: number;
    if (isHex) {
      const mant = parseInt((m[1] ?? '') + (m[2] ?? '') || '0', 16);
      value = mant * Math.pow(2, Number(m[3]) - 4 * (m[2] ?? '').length);
    } else value = Number(lower.replace(/[fl]$/, ''));
    const suffix = (m[4] ?? '') as '' | 'f' | 'l';
    if (suffix === 'f') value = Math.fround(value);
    return { kind: 'float', value, suffix };
  }
  const m = /^(0x[0-9a-f]+|0b[01]+|0[0-7]*|[1-9]\d*)([a-z]*)$/.exec(lower);
  if (!m) {
    if (/^0[0-9]+$/.test(lower)) return 'cpp.lexer.invalid-octal';
    return "invalid integer literal %s (a number cannot contain letters other than a suffix like 'u' or 'l')";
  }
  const digits = m[1] ?? '0';
  const suffix = m[2] ?? '';
  const sm = /^(u?)(l{0,2}|z?)(u?)$/.exec(suffix);
  if (!sm || (sm[1] && sm[3])) return `invalid suffix '${suffix}' on the integer constant %s`;
  if (sm[2] === 'z') return 'cpp.lexer.size-t-suffix';
  let value: bigint;
  if (digits.startsWith('0b')) value = BigInt(digits);
  else if (digits.startsWith('0x')) value = BigInt(digits);
  else if (digits.length > 1 && digits.startsWith('0')) value = BigInt('0o' + digits.slice(1));
  else value = BigInt(digits);
  if (value > 0xffffffffffffffffn) return 'cpp.lexer.int-too-large';
  return {
    kind: 'int',
    value,
    unsigned: Boolean(sm[1] || sm[3]),
    longs: (sm[2] ?? '').length as 0 | 1 | 2,
    decimal: !(digits.startsWith('0') && digits.length > 1),
  };
}

/** Encodes a JS string as UTF-8 bytes (lone surrogates become U+FFFD, as a UTF-8 source would). */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Decodes UTF-8 bytes for display; invalid sequences show as U+FFFD. */
export function utf8Decode(bytes: number[]): string {
  let s = '';
  for (let k = 0; k < bytes.length;) {
    const b = bytes[k] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0) {
      s += '\ufffd';
      k++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = true;
    for (let t = 1; t <= need; t++) {
      const c = bytes[k + t];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 63);
    }
    if (!ok) {
      s += '\ufffd';
      k++;
      continue;
    }
    s += String.fromCodePoint(Math.min(cp, 0x10ffff));
    k += need + 1;
  }
  return s;
}

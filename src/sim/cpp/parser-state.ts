/**
 * The parser's cursor over the token array, its error signalling and recovery, and the knowledge
 * it needs to tell declarations from expressions (which names denote types), as C++ parsers do.
 */
import { dt, english, type DiagText, type Msg, type Span } from '../diag';
import type { DiagSink } from './diagnostics';
import type { Token } from './token';
import { GLOBAL_TYPEDEFS, STD_TEMPLATE_FUNCTIONS, STD_TYPES, STD_TEMPLATE_TYPES } from './std-names';

/** Thrown to abandon the current declaration or statement after a syntax error has been reported. */
export class SyntaxBailout {
  readonly bailout = true;
}

/** Deepest nesting of expressions/statements/declarators accepted (keeps recursion off the JS stack limit). */
export const MAX_NESTING = 256;

/** Keywords that can only begin a type (or take part in one). */
export const TYPE_KEYWORDS: ReadonlySet<string> = new Set([
  'void',
  'bool',
  'char',
  'char8_t',
  'char16_t',
  'char32_t',
  'wchar_t',
  'short',
  'int',
  'long',
  'signed',
  'unsigned',
  'float',
  'double',
  '__int128',
  'auto',
]);

/** Keywords that may start a declaration's specifiers. */
export const DECL_SPEC_KEYWORDS: ReadonlySet<string> = new Set([
  ...TYPE_KEYWORDS,
  'const',
  'volatile',
  'static',
  'extern',
  'inline',
  '__inline',
  '__inline__',
  'constexpr',
  'consteval',
  'constinit',
  'thread_local',
  '__thread',
  'virtual',
  'explicit',
  'mutable',
  'register',
  'typedef',
  'struct',
  'class',
  'union',
  'enum',
  'typename',
  'alignas',
  '__attribute__',
  '__extension__',
  'decltype',
  'friend',
  '__restrict',
  '__restrict__',
  '__declspec',
]);

export class ParserState {
  i = 0;
  depth = 0;
  /** Names declared as types so far (classes, enums, aliases), unqualified. */
  readonly typeNames = new Set<string>();
  /** Class templates whose definition was refused: `Buf<4>` still reads as a type with arguments. */
  readonly refusedTemplates = new Set<string>();
  /** Function and class templates defined in the file: `add<int>(...)`, `Buf<4>` take template arguments. */
  readonly userTemplates = new Set<string>();
  /** `using namespace std;` was seen: unqualified std names are visible. */
  usingStd = false;
  /** Names brought in by `using std::name;`. */
  readonly usingNames = new Set<string>();
  /**
   * Names declared as variables, parameters or functions so far: a statement starting with one
   * is an expression (`d * i;`), not a declaration of an unknown type.
   */
  readonly valueNames = new Set<string>();
  /** Inside a template argument list: a `>` ends the argument instead of comparing. */
  noGreater = false;

  /** Tokens before this index were released (see `releaseBefore`). */
  private released = 0;

  /**
   * @param tokens the token array; when `source` is given it grows on demand (the lexer appends to
   *   it), else it is complete and ends with `eof`.
   */
  constructor(
    readonly tokens: Token[],
    readonly diags: DiagSink,
    private readonly source: { lexMore(): boolean } | null = null,
  ) {}

  get tok(): Token {
    return this.at(this.i);
  }

  private get eofToken(): Token {
    return this.tokens[this.tokens.length - 1] as Token;
  }

  peek(k = 1): Token {
    return this.at(this.i + k);
  }

  at(i: number): Token {
    if (i >= this.tokens.length && this.source) while (this.tokens.length <= i && this.source.lexMore());
    return this.tokens[i] ?? this.eofToken;
  }

  /**
   * Drops the tokens before `index` (keeping the one just before, for positions after it): called
   * between top-level declarations, so a big file's tokens die young.
   */
  releaseBefore(index: number): void {
    const upTo = Math.min(index - 1, this.tokens.length - 1);
    const slots = this.tokens as (Token | undefined)[];
    for (let k = this.released; k < upTo; k++) slots[k] = undefined;
    if (upTo > this.released) this.released = upTo;
  }

  /** The token before the cursor (for "expected ';' after ..." positions). */
  get prev(): Token {
    return this.tokens[this.i - 1] ?? this.tok;
  }

  is(text: string): boolean {
    const t = this.tok;
    return t.text === text && (t.kind === 'punct' || t.kind === 'keyword' || t.kind === 'ident');
  }

  isAt(i: number, text: string): boolean {
    const t = this.at(i);
    return t.text === text && (t.kind === 'punct' || t.kind === 'keyword' || t.kind === 'ident');
  }

  get atEof(): boolean {
    return this.tok.kind === 'eof';
  }

  next(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  accept(text: string): Token | null {
    return this.is(text) ? this.next() : null;
  }

  /** Consumes `text` or reports "expected 'text' <context>" at the end of the previous token and bails out. */
  expect(text: string, context: DiagText): Token {
    if (this.is(text)) return this.next();
    this.failAfterPrev(dt('gpp.expected', text, context));
  }

  /**
   * Ends a statement or declaration at `;`. When the `;` is missing and the next token starts a new
   * line (or closes the block), the `;` is taken as forgotten: the error is reported where it
   * belongs and parsing goes on as if it were there, so the rest of the code is not lost.
   */
  endStatement(message: Msg): void {
    if (this.is(';')) {
      this.next();
      return;
    }
    const t = this.tok;
    if (t.lineStart || (t.kind === 'punct' && t.text === '}') || t.kind === 'eof') {
      const at = this.i > 0 ? this.prev.span.end : t.span.start;
      this.diags.error({ start: at, end: at }, message);
      return;
    }
    this.failAfterPrev(message, false);
  }

  /** Reports at the current token and abandons the construct. */
  fail(message: Msg, span: Span = this.tok.span): never {
    this.diags.error(span, message);
    throw new SyntaxBailout();
  }

  /**
   * Reports just after the previous token (where the missing piece belongs) and abandons the
   * construct; `found` adds what the parser saw instead.
   */
  failAfterPrev(message: Msg, found = true): never {
    const at = this.i > 0 ? this.prev.span.end : this.tok.span.start;
    const text = !found
      ? message
      : typeof message === 'string'
        ? message + english(this.foundSuffix())
        : dt('gpp.found', message, this.foundSuffix());
    this.fail(text, { start: at, end: at });
  }

  /** " before 'x'" / " at the end of the file": what the parser saw instead (g++'s words). */
  foundSuffix(): DiagText {
    return this.atEof ? dt('gpp.at-eof') : dt('gpp.before', describe(this.tok));
  }

  /** Span from a start span to the end of the previous token. */
  spanFrom(start: Span): Span {
    const end = this.i > 0 ? this.prev.span.end : start.end;
    return { start: start.start, end: end.offset >= start.start.offset ? end : start.end };
  }

  /** Guards recursion depth; call `leave()` when the guarded parse returns. */
  enter(): void {
    if (++this.depth > MAX_NESTING) {
      this.depth--;
      this.fail(dt('cpp.parser-state.this-code-is-nested-too-deeply'));
    }
  }

  leave(): void {
    if (this.depth > 0) this.depth--;
  }

  /**
   * Error recovery: skips to just after the next `;` at this nesting level, or past a `{...}` block
   * that began while skipping, or to (not past) a `}` that closes an enclosing block. Always moves.
   */
  synchronize(start: number): void {
    let braces = 0;
    let parens = 0;
    while (!this.atEof) {
      const t = this.tok;
      if (t.kind === 'ident') this.diags.skipped(t.text);
      if (t.kind === 'punct') {
        if (t.text === '{') {
          braces++;
          parens = 0;
        } else if (t.text === '}') {
          if (braces === 0) {
            if (this.i === start) this.next();
            return;
          }
          braces--;
          if (braces === 0) {
            this.next();
            if (this.is(';')) this.next();
            return;
          }
        } else if (t.text === '(') parens++;
        else if (t.text === ')') parens = Math.max(0, parens - 1);
        else if (t.text === ';' && braces === 0 && parens === 0) {
          this.next();
          return;
        }
      }
      this.next();
    }
  }

  /** Skips one balanced bracket group starting at the cursor (`(...)`, `[...]`, `{...}`, `<...>` for templates). */
  skipBalanced(): void {
    const open = this.tok.text;
    const close = open === '(' ? ')' : open === '[' ? ']' : open === '{' ? '}' : open === '<' ? '>' : null;
    if (!close) {
      this.next();
      return;
    }
    let depth = 0;
    while (!this.atEof) {
      const t = this.next();
      if (t.kind === 'ident') this.diags.skipped(t.text);
      if (t.kind !== 'punct') continue;
      if (t.text === open) depth++;
      else if (t.text === close || (close === '>' && t.text === '>>')) {
        depth -= close === '>' && t.text === '>>' ? 2 : 1;
        if (depth <= 0) return;
      }
    }
  }

  // ------------------------------------------------------------ type names

  /** Whether a qualified name (its component names) denotes a type, as far as the parser knows. */
  namesType(parts: string[]): boolean {
    if (parts.length === 0) return false;
    const last = parts[parts.length - 1] as string;
    if (parts.length === 1) {
      return (
        this.typeNames.has(last) ||
        GLOBAL_TYPEDEFS.has(last) ||
        this.usingNames.has(last) ||
        (this.usingStd && STD_TYPES.has(last))
      );
    }
    if (parts.length === 2 && parts[0] === 'std') return STD_TYPES.has(last);
    return this.typeNames.has(last);
  }

  /** Whether `<` after this qualified name opens template arguments. */
  namesTemplate(parts: string[]): boolean {
    const last = parts[parts.length - 1] ?? '';
    if (parts.length === 1 && (this.refusedTemplates.has(last) || this.userTemplates.has(last))) return true;
    if (parts.length > 1 && parts[0] !== 'std' && this.userTemplates.has(last)) return true;
    const std =
      (parts.length === 2 && parts[0] === 'std') ||
      (parts.length === 1 && (this.usingStd || this.usingNames.has(last)));
    return std && (STD_TEMPLATE_TYPES.has(last) || STD_TEMPLATE_FUNCTIONS.has(last));
  }

  /** Reads `::`? ident (`::` ident)* from index i without moving; returns the names and the index after. */
  scanQualified(i: number): { parts: string[]; end: number } {
    const parts: string[] = [];
    let j = i;
    if (this.isAt(j, '::')) j++;
    while (this.at(j).kind === 'ident') {
      parts.push(this.at(j).text);
      j++;
      if (this.isAt(j, '<') && this.namesTemplate(parts)) {
        const after = this.scanTemplateArgs(j);
        if (after < 0) break;
        j = after;
      }
      if (this.isAt(j, '::') && this.at(j + 1).kind === 'ident') j++;
      else break;
    }
    return { parts, end: j };
  }

  /** Skips a template argument list at index i (which holds `<`) without moving; -1 when unbalanced. */
  scanTemplateArgs(i: number): number {
    let depth = 0;
    let parens = 0;
    for (let j = i; ; j++) {
      const t = this.at(j);
      if (t.kind === 'eof') return -1;
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[') parens++;
      else if (t.text === ')' || t.text === ']') parens--;
      else if (t.text === ';' || t.text === '{' || t.text === '}') return -1;
      else if (parens === 0 && t.text === '<') depth++;
      else if (parens === 0 && (t.text === '>' || t.text === '>>')) {
        depth -= t.text === '>>' ? 2 : 1;
        if (depth <= 0) return j + 1;
      }
      if (parens < 0) return -1;
    }
    return -1;
  }

  /** Whether a type starts at index i (a type keyword, cv, or a name that denotes a type). */
  typeStartsAt(i: number): boolean {
    const t = this.at(i);
    if (t.kind === 'keyword') {
      return (
        TYPE_KEYWORDS.has(t.text) ||
        ['const', 'volatile', 'struct', 'class', 'union', 'enum', 'typename', 'decltype'].includes(t.text)
      );
    }
    if (t.kind === 'ident' || (t.kind === 'punct' && t.text === '::')) {
      const { parts } = this.scanQualified(i);
      return this.namesType(parts);
    }
    return false;
  }
}

/** How a token is named in a message: `'foo'`, `the number 42`, `end of file`. */
export function describe(t: Token): DiagText {
  switch (t.kind) {
    case 'eof':
      return dt('cpp.token.eof');
    case 'string':
      return dt('cpp.token.string');
    case 'char':
      return dt('cpp.token.char');
    case 'int':
    case 'float':
      return dt('cpp.token.number', t.text);
    default:
      return dt('cpp.token.quoted', t.text);
  }
}

/**
 * Tokens of the C++ front end. A token keeps its source span so every diagnostic can point at it.
 */
import type { Span } from '../diag';

export type TokenKind =
  /** An identifier that is not a keyword: `foo`, `std`, `size_t`. */
  | 'ident'
  /** A C++ keyword (see KEYWORDS), including the ones the simulator rejects (`goto`, `try`). */
  | 'keyword'
  /** An integer literal, with its suffix: `42`, `0x10`, `4ul`. */
  | 'int'
  /** A floating literal, with its suffix: `1.5`, `1.5f`, `1e6`. */
  | 'float'
  /** A character literal, quotes and prefix included: `'a'`, `'\n'`. */
  | 'char'
  /** A string literal, quotes and prefix included: `"hi"`, `R"(x)"`. */
  | 'string'
  /** An operator or punctuator: `::`, `->`, `>>=`, `{`. */
  | 'punct'
  /** End of input (always the last token). */
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** The exact source text (for macro-expanded tokens, the replacement text). */
  text: string;
  span: Span;
  /** Literal payloads, filled by the lexer for `int`, `float`, `char` and `string` tokens. */
  value?: LiteralValue;
  /** True when a newline or the start of the file precedes this token (used for diagnostics only). */
  lineStart?: boolean;
}

export type LiteralValue =
  | { kind: 'int'; value: bigint; unsigned: boolean; longs: 0 | 1 | 2; decimal: boolean }
  | { kind: 'float'; value: number; suffix: '' | 'f' | 'l' }
  | { kind: 'char'; value: number; prefix: '' | 'u8' | 'u' | 'U' | 'L'; multi: boolean }
  /**
   * `value` is the decoded text (for display); `units` the code units stored in memory, without the
   * terminating 0: UTF-8 bytes for narrow and u8 literals, UTF-16 units for u, code points for U and L.
   */
  | { kind: 'string'; value: string; units: number[]; prefix: '' | 'u8' | 'u' | 'U' | 'L' };

/** Every C++20 keyword plus the GNU spellings the lessons may contain. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'alignas',
  'alignof',
  'asm',
  'auto',
  'bool',
  'break',
  'case',
  'catch',
  'char',
  'char8_t',
  'char16_t',
  'char32_t',
  'class',
  'concept',
  'const',
  'consteval',
  'constexpr',
  'constinit',
  'const_cast',
  'continue',
  'co_await',
  'co_return',
  'co_yield',
  'decltype',
  'default',
  'delete',
  'do',
  'double',
  'dynamic_cast',
  'else',
  'enum',
  'explicit',
  'export',
  'extern',
  'false',
  'float',
  'for',
  'friend',
  'goto',
  'if',
  'inline',
  'int',
  'long',
  'mutable',
  'namespace',
  'new',
  'noexcept',
  'nullptr',
  'operator',
  'private',
  'protected',
  'public',
  'register',
  'reinterpret_cast',
  'requires',
  'return',
  'short',
  'signed',
  'sizeof',
  'static',
  'static_assert',
  'static_cast',
  'struct',
  'switch',
  'template',
  'this',
  'thread_local',
  'throw',
  'true',
  'try',
  'typedef',
  'typeid',
  'typename',
  'union',
  'unsigned',
  'using',
  'virtual',
  'void',
  'volatile',
  'wchar_t',
  'while',
  '__attribute__',
  '__int128',
  '__asm__',
  '__asm',
  '__restrict',
  '__restrict__',
  '__inline',
  '__inline__',
  '__extension__',
  '__thread',
  '__alignof__',
  '__typeof__',
  '__declspec',
]);

/** Punctuators, longest first so the lexer can match greedily. */
export const PUNCTUATORS: readonly string[] = [
  '<<=',
  '>>=',
  '<=>',
  '...',
  '->*',
  '::',
  '->',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '.*',
  '##',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  ';',
  ':',
  ',',
  '.',
  '?',
  '~',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '&',
  '|',
  '=',
  '#',
];

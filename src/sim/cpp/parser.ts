/**
 * Entry point of the parser: text to parse tree (syntax.ts), with diagnostics.
 */
import type { DiagSink } from './diagnostics';
import { incrementalLexer, lexCpp, type IncludeDirective } from './lexer';
import { parseTranslationUnit, type DeclSink } from './parse-decl';
import { ParserState } from './parser-state';
import type { TranslationUnitSyntax } from './syntax';

export interface ParseResult {
  syntax: TranslationUnitSyntax;
  includes: IncludeDirective[];
  /** Whether the file said `using namespace std;` (unqualified std names are visible). */
  usingStd: boolean;
  /** Names brought in with `using std::name;`. */
  usingNames: Set<string>;
}

/** Lexes and parses a C++ file; never throws on bad input (every problem becomes a diagnostic). */
export function parseSyntax(source: string, diags: DiagSink): ParseResult {
  const lexed = lexCpp(source, diags);
  const p = new ParserState(lexed.tokens, diags);
  const syntax = parseTranslationUnit(p);
  return { syntax, includes: lexed.includes, usingStd: p.usingStd, usingNames: p.usingNames };
}

/**
 * Lexes and parses on demand, handing each namespace-scope declaration to `sink` as soon as it is
 * read; returns the `#include` lines. Tokens and parse trees of finished declarations are dropped,
 * which keeps big files fast (they die young instead of being promoted by the garbage collector).
 */
export function parseStreaming(
  source: string,
  diags: DiagSink,
  makeSink: (includes: readonly IncludeDirective[]) => DeclSink,
): IncludeDirective[] {
  const lexer = incrementalLexer(source, diags);
  const p = new ParserState(lexer.result().tokens, diags, lexer);
  parseTranslationUnit(p, makeSink(lexer.result().includes));
  while (lexer.lexMore()) {
    // Directives after the last declaration (#endif, #error) still get checked.
  }
  return lexer.result().includes;
}

// Types for the two Monaco internals the Codon tokenizer test runs in Node (monaco-editor ships no
// .d.ts for them). Only what the test uses.
declare module 'monaco-editor/editor/standalone/common/monarch/monarchCompile' {
  import type { languages } from 'monaco-editor/editor';
  /** Checks a Monarch definition and compiles it into a lexer; throws on a malformed rule. */
  export function compile(languageId: string, json: languages.IMonarchLanguage): object;
}

declare module 'monaco-editor/editor/standalone/common/monarch/monarchLexer' {
  export interface MonarchToken {
    readonly offset: number;
    readonly type: string;
  }
  export class MonarchTokenizer {
    constructor(
      languageService: object,
      themeService: object,
      languageId: string,
      lexer: object,
      configurationService: {
        getValue(key: string): unknown;
        onDidChangeConfiguration(listener: () => void): { dispose(): void };
      },
    );
    getInitialState(): object;
    tokenize(line: string, hasEOL: boolean, state: object): { tokens: MonarchToken[]; endState: object };
  }
}

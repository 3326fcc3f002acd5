/**
 * The Codon front end: `parseCodon` lexes, parses and type-checks a `.codon` file of the modelled
 * subset and returns the typed syntax tree with located diagnostics. It never throws.
 */
import { dt, messageFields, type Diagnostic } from '../diag';
import type { Module } from './ast';
import { checkModule } from './checker';
import { lexCodon } from './lexer';
import { parseTokens } from './parser';

export type * from './ast';
export type { CodonType } from './types';
export { typeName } from './types';
export { lexCodon } from './lexer';
export {
  lowerCImport,
  llvmTypeOf,
  dlsymError,
  dlopenError,
  type LlvmType,
  type LoweredCImport,
} from './lower';
export * from './layout';
export { formatFloat, formatFloatFmtG, formatValue, formatPrint, type PrintValue } from './format';

export interface CodonParseResult {
  module: Module;
  diagnostics: Diagnostic[];
}

/**
 * Parses and type-checks Codon source. Syntax errors stop before type checking (as in Codon);
 * diagnostics are sorted by position.
 */
export function parseCodon(source: string, file: string): CodonParseResult {
  try {
    const lexed = lexCodon(source, file);
    const parsed = parseTokens(lexed.tokens, file);
    const diagnostics = [...lexed.diagnostics, ...parsed.diagnostics];
    if (lexed.diagnostics.length === 0 && parsed.syntaxErrors === 0) {
      diagnostics.push(...checkModule(parsed.module));
    }
    return { module: parsed.module, diagnostics: sortDiagnostics(diagnostics) };
  } catch (e) {
    // A bug in the front end must not take the page down: report it where the learner looks.
    const message = e instanceof Error ? e.message : String(e);
    const empty = { line: 1, column: 1, offset: 0 };
    return {
      module: { kind: 'module', file, body: [], span: { start: empty, end: empty } },
      diagnostics: [
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          ...messageFields(dt('codon.index.internal-error', message)),
        },
      ],
    };
  }
}

/** More diagnostics than this are cut, with a note saying how many (a learner fixes the first ones first). */
export const MAX_DIAGNOSTICS = 200;

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  out.sort((a, b) => a.line - b.line || a.column - b.column);
  if (out.length <= MAX_DIAGNOSTICS) return out;
  const first = out[MAX_DIAGNOSTICS] as Diagnostic;
  const rest = out.length - MAX_DIAGNOSTICS;
  return [
    ...out.slice(0, MAX_DIAGNOSTICS),
    {
      severity: 'note',
      file: first.file,
      line: first.line,
      column: first.column,
      ...messageFields(dt(rest === 1 ? 'codon.index.one-more' : 'codon.index.more', rest)),
    },
  ];
}

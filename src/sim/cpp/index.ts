/**
 * The C++ front end: `parseCpp(source, file)` reads a C++ file (the subset lessons use, written as
 * real C++) and returns the typed AST (ast.ts) with located diagnostics. It never throws on bad
 * input; anything outside the supported subset is reported as such.
 */
import { dt } from '../diag';
import type { Diagnostic } from '../diag';
import type { TranslationUnit } from './ast';
import { DiagSink } from './diagnostics';
import { parseStreaming } from './parser';
import { Sema } from './sema/context';
import { checkingSink } from './sema/decl';

export type * from './ast';

export interface CppParseResult {
  unit: TranslationUnit;
  diagnostics: Diagnostic[];
}

/** Parses and checks a C++ translation unit. */
export function parseCpp(source: string, file: string): CppParseResult {
  const diags = new DiagSink(file, source);
  const unit: TranslationUnit = { file, functions: [], statics: [], records: [], enums: [], includes: [] };
  try {
    const includes = parseStreaming(source, diags, (seen) => checkingSink(new Sema(diags, unit, seen)));
    unit.includes = includes.map((i) => ({ header: i.header, system: i.system, span: i.span }));
  } catch (e) {
    // A bug in the front end must not take the tool down: report it as a diagnostic at the start.
    const at = { line: 1, column: 1, offset: 0 };
    diags.error(
      { start: at, end: at },
      dt('cpp.index.internal-error-in-the-c-front', e instanceof Error ? e.message : String(e)),
    );
  }
  unit.functions.sort((a, b) => a.span.start.offset - b.span.start.offset);
  const hint = diags.errorCount > 0 ? notCppHint(source) : null;
  if (hint) diags.list.push({ severity: 'note', file, line: 1, column: 1, message: hint });
  // Report in source order (the parser and the checker find problems in different passes).
  const diagnostics = [...diags.list].sort((a, b) => a.line - b.line || a.column - b.column);
  return { unit, diagnostics };
}

/** When a file with errors is not C++ at all, say what it looks like (a learner may have swapped the files). */
function notCppHint(source: string): string | null {
  const head = source.slice(0, 4096);
  if (head.includes('\u0000') || head.includes('\ufffd'))
    return 'this file does not look like C++ source text: it contains bytes that are not UTF-8 text';
  if (/^\s*(from\s+\S+\s+import\b|import\s+\w+\s*$|def\s+\w+\s*\(.*\)\s*(->.*)?:\s*$)/m.test(head))
    return 'this file looks like Python or Codon code, not C++';
  return null;
}

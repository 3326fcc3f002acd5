/** Small helpers for the Codon front end's tests: source snippets in, facts about the result out. */
import { expect } from 'vitest';
import type { Diagnostic } from '../diag';
import type { Module, Stmt } from './ast';
import { parseCodon } from './index';
import { lexCodon } from './lexer';
import { typeName } from './types';

/** Removes the common indentation of a template literal and its first empty line. */
export function dedent(src: string): string {
  const lines = src.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export const FILE = 'main.codon';

export function parse(src: string): { module: Module; diagnostics: Diagnostic[] } {
  return parseCodon(dedent(src), FILE);
}

/** `line:column message` for each diagnostic, in order. */
export function diagnosticsOf(src: string): string[] {
  return parse(src).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

export function expectClean(src: string): Module {
  const r = parse(src);
  expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
  return r.module;
}

/** Expects exactly one diagnostic, at line:column, whose message contains every fragment. */
export function expectError(src: string, at: string, ...fragments: string[]): Diagnostic {
  const r = parse(src);
  expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toHaveLength(1);
  const d = r.diagnostics[0] as Diagnostic;
  expect(`${d.line}:${d.column}`).toBe(at);
  for (const f of fragments) expect(d.message).toContain(f);
  expect(d.file).toBe(FILE);
  return d;
}

/** The statement kinds of a module's body. */
export function kindsOf(src: string): Stmt['kind'][] {
  return expectClean(src).body.map((s) => s.kind);
}

/** The type Codon infers for a module-level variable. */
export function globalType(src: string, name: string): string {
  const m = expectClean(src);
  const v = m.globals?.find((g) => g.name === name);
  if (!v) throw new Error(`no global ${name}`);
  return typeName(v.type);
}

/** Token kinds (operators, names and keywords by their text). */
export function tokensOf(src: string): string[] {
  return lexCodon(src, FILE).tokens.map((t) =>
    t.kind === 'op' || t.kind === 'name' || t.kind === 'keyword' ? t.text : t.kind.toUpperCase(),
  );
}

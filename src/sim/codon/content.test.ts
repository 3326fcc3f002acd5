/**
 * Every Codon program a lesson shows goes through the front end: those whose runs are not
 * declared `compile-error` must check cleanly, the others must report an error.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodon } from './index';

const CONTENT = new URL('../../../content/', import.meta.url).pathname;

function codonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return codonFiles(p);
    return name.endsWith('.codon') ? [p] : [];
  });
}

const programs = codonFiles(join(CONTENT, 'lessons')).map((file) => {
  const expectFile = join(file, '..', 'expect.json');
  const expected = existsSync(expectFile)
    ? (JSON.parse(readFileSync(expectFile, 'utf8')) as { runs?: { outcome?: string }[] })
    : null;
  const compileError = expected?.runs?.some((r) => r.outcome === 'compile-error') ?? false;
  return { file, name: file.slice(CONTENT.length), compileError };
});

describe("the lessons' Codon programs", () => {
  it.skipIf(programs.length === 0)('are all found', () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  it.each(programs.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const { diagnostics } = parseCodon(readFileSync(p.file, 'utf8'), p.name);
    const errors = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.line}:${d.column} ${d.message}`);
    if (p.compileError) expect(errors.length).toBeGreaterThan(0);
    else expect(errors).toEqual([]);
  });
});

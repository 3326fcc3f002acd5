/**
 * The diagnostic catalogues (issue 15, "Chinese everywhere"): every id has a Chinese text with the
 * same parameters; a quoted compiler text shows its Chinese rendering followed by the English original;
 * and the exact list of front-end files whose diagnostics are still English-only, so nothing is
 * claimed translated that is not.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dt, diagnosticText } from '../diag.ts';
import { parseCodon } from '../codon/index.ts';
import { PADDING_PATH } from '../abi/layout.ts';
import { TermId, term } from '../trace/terms.ts';
import { formatDiag } from './diag-format.ts';
import { formatText } from './format.ts';
import { diagModules } from './diag/index.ts';
import { untranslatedWords } from './diag-english.ts';

const placeholders = (t: string) => [...new Set(t.match(/\{\d+\}/g) ?? [])].sort();

describe('diagnostic catalogues', () => {
  it.each(diagModules.map((m) => [m.name, m] as const))('%s: every id has a Chinese text', (_name, m) => {
    expect(Object.keys(m.zh).sort()).toEqual(Object.keys(m.en).sort());
  });

  const all = diagModules.flatMap((m) =>
    Object.keys(m.en).map((id) => [id, m.en[id] ?? '', m.zh[id] ?? ''] as const),
  );

  it('no id is defined twice', () => {
    const ids = all.map(([id]) => id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(all)('%s uses the same parameters in both languages', (_id, en, zh) => {
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it.each(all.filter(([id]) => !id.startsWith('codon.emsg.') && !id.startsWith('gpp.')))(
    '%s is translated whole (no English prose outside code)',
    (_id, _en, zh) => {
      expect(untranslatedWords(zh.replace(/\{\d+\}/g, ''))).toEqual([]);
    },
  );
});

describe('rendering', () => {
  it('keeps the English text as it was, and translates the project’s own words', () => {
    const refusal = dt(
      'diag.not-modelled-hint',
      dt('codon.parse-expr.lambda'),
      dt('codon.parse-expr.define-a-function-with-def-instead'),
    );
    expect(formatDiag(refusal)).toBe(
      '`lambda` is not modelled by this simulator; define a function with `def` instead.',
    );
    expect(formatDiag(refusal, 'zh')).toBe('本模拟器不模拟`lambda`；请改用 `def` 定义函数。');
  });

  it('shows a quoted Codon text in Chinese followed by the original, so the real compiler’s words are recognised', () => {
    const [d] = parseCodon('def f(a: int) -> int:\n    return a\nprint(f(1, 2))\n', 'main.codon').diagnostics;
    expect(d?.message).toBe('f() takes 1 arguments (2 given).');
    expect(d && diagnosticText(d, 'zh')).toBe(
      'f() 接受 1 个参数（给了 2 个）（Codon 原文：f() takes 1 arguments (2 given)）。',
    );
    expect(d && diagnosticText(d, 'en')).toBe(d?.message);
  });

  it('says the `-> None` mismatch of the lesson edit in Chinese', () => {
    const src = 'LIB = "./libfoo.so"\nfrom C import LIB.foo() -> None\nx: Ptr[float] = foo()\n';
    const [d] = parseCodon(src, 'main.codon').diagnostics;
    expect(d && diagnosticText(d, 'zh')).toContain("'NoneType' 与预期类型 'Ptr[float]' 不匹配");
  });

  it('falls back to English for an unknown id', () => {
    expect(formatDiag(dt('no.such.id'), 'zh')).toBe('no.such.id');
  });
});

/**
 * The methods that report a diagnostic, and which of their arguments is the text. A string or
 * template literal in such a place is an English-only diagnostic.
 */
const SINKS: Record<string, number[]> = {
  error: [1],
  warning: [1],
  note: [1],
  notModelled: [1, 2],
  failNotModelled: [1, 2],
  unsupported: [1, 2],
  refuseDisplay: [1, 2],
  syntax: [1],
  report: [1],
  expectOp: [1],
  expectName: [0],
  expectKeywordText: [1],
  expectColon: [1],
  notModelledAt: [2],
  errorAt: [2],
};
const CPP_SINKS: Record<string, number[]> = {
  ...SINKS,
  fail: [0],
  failAfterPrev: [0],
  expect: [1],
  refuse: [2, 3],
};
const CODON_SINKS: Record<string, number[]> = { ...SINKS, fail: [1] };

function englishCallSites(file: string, sinks: Record<string, number[]>): number {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let n = 0;
  const literal = (a: ts.Node): boolean =>
    ts.isStringLiteral(a) ||
    ts.isNoSubstitutionTemplateLiteral(a) ||
    ts.isTemplateExpression(a) ||
    (ts.isConditionalExpression(a) && (literal(a.whenTrue) || literal(a.whenFalse)));
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const c = node.expression;
      const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : '';
      for (const i of Object.hasOwn(sinks, name) ? (sinks[name] ?? []) : []) {
        const a = node.arguments[i];
        if (a && literal(a) && !(ts.isStringLiteral(a) && a.text === '')) n++;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return n;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'fixtures' || f === 'docs-examples' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The front-end files whose diagnostics are still English-only (issue 15 is not done until this is
 * empty), with how many English call sites each has. Shown in English on the Chinese page too.
 */
const STILL_ENGLISH: Record<string, number> = {};

describe('which front-end files still report English only', () => {
  it('is exactly the list above', () => {
    const root = join(import.meta.dirname, '..');
    const found: Record<string, number> = {};
    for (const [dir, sinks] of [
      ['cpp', CPP_SINKS],
      ['codon', CODON_SINKS],
    ] as const) {
      for (const f of sourceFiles(join(root, dir))) {
        const n = englishCallSites(f, sinks);
        if (n > 0) found[relative(root, f)] = n;
      }
    }
    expect(found).toEqual(STILL_ENGLISH);
  });
});

describe('the padding cell', () => {
  it('is named in the reader’s language, after the element it belongs to', () => {
    expect(formatText(term(TermId.padding, ''), 'en')).toBe(PADDING_PATH);
    expect(formatText(term(TermId.padding, '[1].'), 'en')).toBe('[1].(padding)');
    expect(formatText(term(TermId.padding, '[1].'), 'zh')).toBe('[1].（填充）');
  });
});

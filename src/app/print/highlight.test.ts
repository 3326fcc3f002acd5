import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightLines, tokenize, type CodeLanguage, type TokenKind } from './highlight';

const kinds = (source: string, language: CodeLanguage) =>
  tokenize(source, language)
    .filter((t) => t.kind !== 'plain')
    .map((t) => [t.kind, t.text] as [TokenKind, string]);

describe('print highlighter', () => {
  it('marks C++ keywords, numbers, strings, comments and includes', () => {
    expect(kinds('#include <array>\nextern "C" double f() { return 1.5; } // done', 'cpp')).toEqual([
      ['preprocessor', '#include <array>'],
      ['keyword', 'extern'],
      ['string', '"C"'],
      ['keyword', 'double'],
      ['keyword', 'return'],
      ['number', '1.5'],
      ['comment', '// done'],
    ]);
  });

  it('marks Codon keywords, strings and comments, and leaves names alone', () => {
    expect(kinds('from C import foo() -> Ptr[float]  # the bug\nprint(bar[0], "x")', 'codon')).toEqual([
      ['keyword', 'from'],
      ['keyword', 'import'],
      ['keyword', 'Ptr'],
      ['keyword', 'float'],
      ['comment', '# the bug'],
      ['keyword', 'print'],
      ['number', '0'],
      ['string', '"x"'],
    ]);
  });

  it('does not take a name with digits or a word inside a string for something else', () => {
    expect(kinds('x8 = "for"', 'codon')).toEqual([['string', '"for"']]);
  });

  it('cuts a block comment at line ends and keeps every line', () => {
    const lines = highlightLines('/* one\ntwo */\nint x;\n', 'cpp');
    expect(lines.map((l) => l.map((t) => t.text).join(''))).toEqual(['/* one', 'two */', 'int x;']);
    expect(lines[1]?.[0]).toEqual({ kind: 'comment', text: 'two */' });
  });

  it('gives back every lesson program exactly', () => {
    for (const [file, language] of [
      ['02-the-bug/programs/bug/lib.cpp', 'cpp'],
      ['02-the-bug/programs/bug/main.codon', 'codon'],
      ['09-fix-handle/programs/handle/lib.cpp', 'cpp'],
      ['05-gc/programs/gc-bite/main.codon', 'codon'],
    ] as const) {
      const source = readFileSync(new URL(`../../../content/lessons/${file}`, import.meta.url), 'utf8');
      expect(
        tokenize(source, language)
          .map((t) => t.text)
          .join(''),
      ).toBe(source);
      const lines = highlightLines(source, language).map((l) => l.map((t) => t.text).join(''));
      expect(lines.join('\n')).toBe(source.replace(/\n$/, ''));
    }
  });
});

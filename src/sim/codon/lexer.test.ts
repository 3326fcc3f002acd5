import { describe, expect, it } from 'vitest';
import { lexCodon } from './lexer';
import { FILE, tokensOf } from './test-helpers';

const lexErrors = (src: string) =>
  lexCodon(src, FILE).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
const values = (src: string) =>
  lexCodon(src, FILE)
    .tokens.filter((t) => t.kind === 'int' || t.kind === 'float' || t.kind === 'string')
    .map((t) => (t.kind === 'string' ? t.value : t.text));

describe('lexer: indentation', () => {
  it('emits INDENT and DEDENT around blocks', () => {
    expect(tokensOf('if x:\n    y = 1\nz = 2\n')).toEqual(
      'if x : NEWLINE INDENT y = INT NEWLINE DEDENT z = INT NEWLINE EOF'.split(' '),
    );
  });

  it('closes several blocks at once and at the end of the file', () => {
    expect(tokensOf('def f():\n  if a:\n    pass')).toEqual(
      'def f ( ) : NEWLINE INDENT if a : NEWLINE INDENT pass NEWLINE DEDENT DEDENT EOF'.split(' '),
    );
  });

  it('ignores blank and comment-only lines, whatever their indentation', () => {
    expect(tokensOf('x = 1\n\n      # note\n   \ny = 2\n')).toEqual(
      'x = INT NEWLINE y = INT NEWLINE EOF'.split(' '),
    );
  });

  it('joins lines inside brackets and after a backslash', () => {
    expect(tokensOf('f(1,\n      2)\nx = 1 + \\\n    2\n')).toEqual(
      'f ( INT , INT ) NEWLINE x = INT + INT NEWLINE EOF'.split(' '),
    );
  });

  it('accepts a file indented with tabs throughout', () => {
    expect(lexErrors('if x:\n\ty = 1\n\tif y:\n\t\tz = 2\n')).toEqual([]);
  });

  it('reports tabs and spaces mixed inconsistently, at the line', () => {
    expect(lexErrors('if x:\n    y = 1\n\tz = 2\n')).toEqual([
      expect.stringMatching(/^3:1 inconsistent use of tabs and spaces in indentation/),
    ]);
  });

  it('reports a dedent to a level that no block has', () => {
    expect(lexErrors('if x:\n        y = 1\n    z = 2\n')).toEqual([
      '3:1 this line is less indented than the block it ends, but matches no outer block either.',
    ]);
  });

  it('accepts CRLF line ends', () => {
    expect(tokensOf('if x:\r\n    y = 1\r\nz = 2\r\n')).toEqual(tokensOf('if x:\n    y = 1\nz = 2\n'));
  });
});

describe('lexer: literals', () => {
  it('reads ints and floats in every notation', () => {
    expect(values('1 1.5 1e6 0x10 1_000 .5 2. 1.5e-3 0o17 0b101 1_0.2_5')).toEqual(
      '1 1.5 1e6 0x10 1_000 .5 2. 1.5e-3 0o17 0b101 1_0.2_5'.split(' '),
    );
    const kinds = lexCodon('1 1.5 1e6 0x10', FILE).tokens.map((t) => t.kind);
    expect(kinds.slice(0, 4)).toEqual(['int', 'float', 'float', 'int']);
  });

  it('reads single, double and triple-quoted strings with escapes', () => {
    expect(values(`'a' "b\\n" """c\nd""" '''e''' r'\\n' 'tab\\tq\\'x'`)).toEqual([
      'a',
      'b\n',
      'c\nd',
      'e',
      '\\n',
      "tab\tq'x",
    ]);
  });

  it('keeps string prefixes for the parser', () => {
    const t = lexCodon('f"x" b"y"', FILE).tokens;
    expect(t.slice(0, 2).map((x) => x.prefix)).toEqual(['f', 'b']);
  });

  it('reports a string that is never closed, where it starts', () => {
    expect(lexErrors('x = "abc\ny = 1\n')).toEqual([
      '1:5 this string is never closed: add the closing double quote (").',
    ]);
  });

  it('reports malformed numbers', () => {
    expect(lexErrors('x = 1__0')).toEqual([
      '1:5 `1__0` is not a valid number: an underscore may only stand between two digits.',
    ]);
    expect(lexErrors('x = 012')).toEqual([
      expect.stringMatching(/^1:5 leading zeros in decimal integer literals/),
    ]);
    expect(lexErrors('x = 3j')).toEqual(['1:5 complex numbers (`3j`) are not modelled by this simulator.']);
    expect(lexErrors('x = 0x')).toEqual(['1:5 `0x` is not a valid number.']);
  });

  it('skips comments', () => {
    expect(tokensOf('x = 1  # the answer\n')).toEqual('x = INT NEWLINE EOF'.split(' '));
  });
});

describe('lexer: errors', () => {
  it('reports characters that mean nothing in Codon, and goes on', () => {
    expect(lexErrors('x = 1 $ 2\ny = 3 ? 4\n')).toEqual([
      "1:7 unexpected character '$': it has no meaning in Codon outside a string.",
      "2:7 unexpected character '?': it has no meaning in Codon outside a string.",
    ]);
    expect(lexErrors('if !x:\n  pass')[0]).toContain("unexpected character '!'");
  });

  it('reports a bracket never closed, and resumes at the next statement keyword', () => {
    const src = 'x = f(1,\ndef g():\n    return 2\n';
    expect(lexErrors(src)).toEqual(["1:6 '(' was never closed: add ')'."]);
    expect(tokensOf(src)).toContain('def');
    expect(tokensOf(src)).toContain('INDENT');
  });

  it('reports mismatched and unmatched closers', () => {
    expect(lexErrors('x = (1]\n')).toEqual(["1:7 ']' does not match the '(' opened on line 1."]);
    expect(lexErrors('x = 1)\n')).toEqual(["1:6 unmatched ')': there is no opening '(' before it."]);
  });

  it('accepts Unicode letters in names, and explains characters pasted from the web', () => {
    expect(lexErrors('größe = 1\nπ = 3.14\n')).toEqual([]);
    expect(lexErrors('x\u00a0= 1')).toEqual([
      "1:2 unexpected character 'U+00A0': a non-breaking space (often pasted from a web page): retype it as a normal space.",
    ]);
    expect(lexErrors('print(\u201chi\u201d)')[0]).toContain(
      'a curly quote: write a straight quote (") instead.',
    );
    expect(lexErrors('x = 1 → 2')).toEqual(["1:7 unexpected character '→'."]);
  });

  it('counts columns in UTF-16 units, as the editor does', () => {
    expect(lexErrors('s = "é" $')).toEqual([expect.stringMatching(/^1:9 /)]);
  });
});

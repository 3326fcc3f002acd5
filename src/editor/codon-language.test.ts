import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile';
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer';
import { describe, expect, it } from 'vitest';
import { CODON_LANGUAGE_ID, codonLanguage } from './codon-language';

// Monaco's own Monarch compiler and tokenizer run in Node; only a configuration stub is needed.
const configuration = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose() {} }) };
const tokenizer = new MonarchTokenizer(
  {},
  {},
  CODON_LANGUAGE_ID,
  compile(CODON_LANGUAGE_ID, codonLanguage),
  configuration,
);

/** Tokenizes lines of Codon and returns [text, type] pairs without the `.codon` postfix, whitespace dropped. */
function tokensOf(source: string): [string, string][] {
  const out: [string, string][] = [];
  let state = tokenizer.getInitialState();
  for (const line of source.split('\n')) {
    const { tokens, endState } = tokenizer.tokenize(line, true, state);
    tokens.forEach((token, i) => {
      const text = line.slice(token.offset, tokens[i + 1]?.offset ?? line.length);
      if (text.trim() !== '') out.push([text, token.type.replace(/\.codon$/, '')]);
    });
    state = endState;
  }
  return out;
}

/** The type of the first token whose text is exactly `text`. */
function typeOf(source: string, text: string): string | undefined {
  return tokensOf(source).find(([t]) => t === text)?.[1];
}

describe('the Codon Monaco language', () => {
  it('marks the C module of `from C import` as the FFI boundary', () => {
    const line = 'from C import LIBPATH.foo() -> Ptr[float]';
    expect(typeOf(line, 'from')).toBe('keyword');
    expect(typeOf(line, 'C')).toBe('keyword.ffi');
    expect(typeOf(line, 'import')).toBe('keyword');
    expect(typeOf(line, 'LIBPATH')).toBe('identifier');
    expect(typeOf(line, '->')).toBe('delimiter.arrow');
    expect(typeOf(line, 'Ptr')).toBe('type.ffi');
    expect(typeOf(line, 'float')).toBe('predefined');
  });

  it('treats `from python import` like `from C import`, and a plain `C` as a name', () => {
    expect(typeOf('from python import numpy', 'python')).toBe('keyword.ffi');
    expect(typeOf('C = 3', 'C')).toBe('identifier');
    expect(typeOf('from Cmath import x', 'Cmath')).toBe('identifier');
  });

  it("knows Codon's pointer types, intrinsics and collection types", () => {
    expect(typeOf('h = make()  # a cobj handle', 'cobj')).toBeUndefined(); // inside a comment
    expect(typeOf('def make() -> cobj: pass', 'cobj')).toBe('type.ffi');
    expect(typeOf('p = __ptr__(x)', '__ptr__')).toBe('keyword.intrinsic');
    expect(typeOf('a = __array__[float](4)', '__array__')).toBe('keyword.intrinsic');
    expect(typeOf('xs: List[float] = [0.0] * 4', 'List')).toBe('type');
    expect(typeOf('n: i32 = i32(4)', 'i32')).toBe('type');
  });

  it("tells Codon's own decorators from other decorators", () => {
    expect(tokensOf('@tuple')).toEqual([['@tuple', 'tag.decorator']]);
    expect(tokensOf('@extend')).toEqual([['@extend', 'tag.decorator']]);
    expect(tokensOf('@my_decorator')).toEqual([['@my_decorator', 'tag']]);
  });

  it('keeps Python: keywords, numbers, strings, and comments after code', () => {
    expect(tokensOf('for i in range(3):')).toEqual([
      ['for', 'keyword'],
      ['i', 'identifier'],
      ['in', 'keyword'],
      ['range', 'predefined'],
      ['(', 'delimiter.parenthesis'],
      ['3', 'number'],
      [')', 'delimiter.parenthesis'],
      [':', 'delimiter'],
    ]);
    expect(typeOf('x = 1.5e3', '1.5e3')).toBe('number');
    expect(typeOf('x = 0xff', '0xff')).toBe('number.hex');
    expect(typeOf('print(p[0])  # first value', '# first value')).toBe('comment');
    expect(typeOf('s = "Ptr"', 'Ptr')).toBe('string');
  });

  it('carries a docstring across lines', () => {
    expect(tokensOf('"""first\nPtr and cobj\n"""\nx = 1')).toEqual([
      ['"""first', 'string'],
      ['Ptr and cobj', 'string'],
      ['"""', 'string'],
      ['x', 'identifier'],
      ['=', ''],
      ['1', 'number'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { DiagSink } from './diagnostics';
import { lexCpp, parseNumber } from './lexer';

function lex(src: string): { texts: string[]; errors: string[]; includes: string[] } {
  const d = new DiagSink('t.cpp');
  const r = lexCpp(src, d);
  return {
    texts: r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text),
    errors: d.list.filter((x) => x.severity === 'error').map((x) => `${x.line}:${x.column} ${x.message}`),
    includes: r.includes.map((i) => i.header),
  };
}

function firstValue(src: string): unknown {
  const r = lexCpp(src, new DiagSink('t.cpp'));
  return r.tokens[0]?.value;
}

describe('tokens', () => {
  it('splits punctuators greedily', () => {
    expect(lex('a>>=b->c::d...e<=>f').texts).toEqual([
      'a',
      '>>=',
      'b',
      '->',
      'c',
      '::',
      'd',
      '...',
      'e',
      '<=>',
      'f',
    ]);
  });

  it('skips line and block comments', () => {
    expect(lex('a // one\n/* two\nthree */ b').texts).toEqual(['a', 'b']);
  });

  it('tells keywords from identifiers', () => {
    const r = lexCpp('goto gotox __attribute__ size_t', new DiagSink('t.cpp'));
    expect(r.tokens.slice(0, 4).map((t) => t.kind)).toEqual(['keyword', 'ident', 'keyword', 'ident']);
  });

  it('records 1-based line and column of each token', () => {
    const r = lexCpp('int x;\n  double y;', new DiagSink('t.cpp'));
    const y = r.tokens.find((t) => t.text === 'y');
    expect(y?.span.start).toEqual({ line: 2, column: 10, offset: 16 });
  });

  it('reports characters that are not C++', () => {
    expect(lex('int @x;').errors).toEqual(["1:5 unexpected character '@' in the program"]);
    expect(lex('int \u00e9;').errors).toEqual(['1:5 unexpected character U+00E9 in the program']);
  });

  it('reports an unterminated comment at its start', () => {
    expect(lex('int x; /* no end').errors).toEqual(['1:8 unterminated comment: a "/*" has no matching "*/"']);
  });
});

describe('number literals', () => {
  it('reads integers with bases and suffixes', () => {
    expect(parseNumber('42')).toMatchObject({ kind: 'int', value: 42n, unsigned: false, longs: 0 });
    expect(parseNumber('0x1F')).toMatchObject({ kind: 'int', value: 31n, decimal: false });
    expect(parseNumber('0b101')).toMatchObject({ kind: 'int', value: 5n });
    expect(parseNumber('017')).toMatchObject({ kind: 'int', value: 15n });
    expect(parseNumber('4ul')).toMatchObject({ kind: 'int', value: 4n, unsigned: true, longs: 1 });
    expect(parseNumber('7LLU')).toMatchObject({ kind: 'int', value: 7n, unsigned: true, longs: 2 });
    expect(parseNumber('0xFFFFFFFFFFFFFFFFull')).toMatchObject({ value: 0xffffffffffffffffn });
  });

  it('reads floating literals with exponents and suffixes', () => {
    expect(parseNumber('1.5')).toEqual({ kind: 'float', value: 1.5, suffix: '' });
    expect(parseNumber('1e6')).toEqual({ kind: 'float', value: 1e6, suffix: '' });
    expect(parseNumber('.5f')).toEqual({ kind: 'float', value: 0.5, suffix: 'f' });
    expect(parseNumber('2.5L')).toEqual({ kind: 'float', value: 2.5, suffix: 'l' });
    expect(parseNumber('0x1.8p1')).toEqual({ kind: 'float', value: 3, suffix: '' });
  });

  it('rounds float literals to single precision', () => {
    expect(parseNumber('0.1f')).toEqual({ kind: 'float', value: Math.fround(0.1), suffix: 'f' });
  });

  it('accepts digit separators', () => {
    expect(firstValue("1'000'000")).toMatchObject({ kind: 'int', value: 1000000n });
  });

  it('rejects bad suffixes and digits', () => {
    expect(lex('int x = 12abc;').errors[0]).toMatch(/^1:9 invalid suffix 'abc'/);
    expect(lex('int x = 09;').errors[0]).toMatch(/^1:9 invalid digit in the octal constant 09/);
    expect(lex('double x = 1.5.2;').errors[0]).toMatch(/^1:12 invalid floating-point literal 1\.5\.2/);
  });
});

describe('character and string literals', () => {
  it('decodes escapes', () => {
    expect(firstValue("'\\n'")).toMatchObject({ kind: 'char', value: 10 });
    expect(firstValue("'\\x41'")).toMatchObject({ kind: 'char', value: 65 });
    expect(firstValue("'\\0'")).toMatchObject({ kind: 'char', value: 0 });
    expect(firstValue('"a\\tb"')).toMatchObject({ kind: 'string', value: 'a\tb', units: [97, 9, 98] });
  });

  it('stores narrow strings as UTF-8 bytes', () => {
    expect(firstValue('"é"')).toMatchObject({ kind: 'string', value: 'é', units: [0xc3, 0xa9] });
  });

  it('reads raw strings across lines', () => {
    expect(firstValue('R"(a\\n"b)"')).toMatchObject({ kind: 'string', value: 'a\\n"b' });
    const r = lexCpp('R"x(one\ntwo)x" y', new DiagSink('t.cpp'));
    expect(r.tokens[1]?.span.start.line).toBe(2);
  });

  it('reports unterminated literals on their line', () => {
    expect(lex("char c = 'a;\nint y;").errors).toEqual(["1:10 missing terminating ' character"]);
    expect(lex('const char* s = "abc\nint y;').errors).toEqual(['1:17 missing terminating " character']);
  });
});

describe('preprocessor', () => {
  it('records #include lines and emits no tokens for them', () => {
    const r = lex('#include <array>\n#include "lib.h"\nint x;');
    expect(r.includes).toEqual(['array', 'lib.h']);
    expect(r.texts).toEqual(['int', 'x', ';']);
  });

  it('expands object-like macros at the place of use', () => {
    const d = new DiagSink('t.cpp');
    const r = lexCpp('#define N 4\nint a[N];', d);
    const four = r.tokens.find((t) => t.text === '4');
    expect(four?.span.start).toMatchObject({ line: 2, column: 7 });
  });

  it('diagnoses function-like macros as unsupported', () => {
    expect(lex('#define SQ(x) ((x)*(x))\n').errors).toEqual([
      "1:1 the function-like macro 'SQ' is not modelled by this simulator",
    ]);
  });

  it('keeps the branches an include guard and #ifdef __cplusplus select', () => {
    const src =
      '#ifndef LIB_H\n#define LIB_H\n#ifdef __cplusplus\nextern "C" {\n#endif\nint f();\n#ifdef __cplusplus\n}\n#endif\n#endif\n';
    expect(lex(src).texts).toEqual(['extern', '"C"', '{', 'int', 'f', '(', ')', ';', '}']);
  });

  it('evaluates #if conditions', () => {
    expect(
      lex(
        '#if 0\nint a;\n#elif defined(__cplusplus) && __cplusplus >= 201103L\nint b;\n#else\nint c;\n#endif',
      ).texts,
    ).toEqual(['int', 'b', ';']);
  });

  it('skips text that is not C++ inside #if 0', () => {
    expect(lex("#if 0\nthis isn't C++ @ all\n#endif\nint x;").errors).toEqual([]);
  });

  it('reports #error, a stray #endif, and an unterminated #if', () => {
    expect(lex('#error stop here').errors).toEqual(['1:1 #error stop here']);
    expect(lex('#endif').errors).toEqual(['1:1 #endif without #if']);
    expect(lex('#ifdef X\nint a;').errors).toEqual(['1:1 unterminated conditional directive']);
  });

  it('warns that a user header is not read', () => {
    const d = new DiagSink('t.cpp');
    lexCpp('#include "lib.h"\n', d);
    expect(d.list.map((x) => `${x.severity}: ${x.message}`)).toEqual([
      'warning: the header "lib.h" is not read by the simulator: what it declares is unknown here',
    ]);
  });

  it('skips a byte order mark', () => {
    expect(lex('\ufeffint x;').errors).toEqual([]);
  });

  it('accepts #pragma once', () => {
    const d = new DiagSink('t.cpp');
    expect(lexCpp('#pragma once\nint x;', d).pragmaOnce).toBe(true);
    expect(d.list).toEqual([]);
  });

  it('joins lines ending with a backslash in directives', () => {
    expect(lex('#define TWO \\\n 2\nint x = TWO;').texts).toEqual(['int', 'x', '=', '2', ';']);
  });
});

describe('robustness', () => {
  it('caps the number of errors on input that is not C++', () => {
    const d = new DiagSink('t.cpp');
    lexCpp('@'.repeat(10000), d);
    expect(d.list.filter((x) => x.severity === 'error').length).toBe(50);
    expect(d.list[d.list.length - 1]?.message).toMatch(/too many errors/);
  });
});

import { describe, expect, it } from 'vitest';
import type { AssignStmt, CImport, ClassDef, Expr, ExprStmt, ForStmt, FunctionDef, IfStmt } from './ast';
import { parseCodon } from './index';
import { diagnosticsOf, expectClean, expectError, kindsOf } from './test-helpers';

/** The expression of a one-line `x = <expr>` program. */
function rhs(src: string): Expr {
  const m = expectClean(src);
  return (m.body[m.body.length - 1] as AssignStmt).value;
}

describe('parser: the modelled statements', () => {
  it('parses module-level assignments and both forms of C import', () => {
    const m = expectClean(`
      LIB = "libfoo.so"
      LIBPATH = "./libfoo.so"
      from C import LIBPATH.foo() -> Ptr[float]
      from C import sqrt(float) -> float
      from C import LIB.bar(Ptr[float], int) -> None as baz
    `);
    const [, , dyn, stat, aliased] = m.body as [AssignStmt, AssignStmt, CImport, CImport, CImport];
    expect(dyn).toMatchObject({
      kind: 'cimport',
      library: { name: 'LIBPATH' },
      symbol: 'foo',
      alias: null,
      libraryPath: './libfoo.so',
    });
    expect(stat).toMatchObject({ kind: 'cimport', library: null, symbol: 'sqrt' });
    expect(aliased).toMatchObject({ symbol: 'bar', alias: { name: 'baz' } });
    expect(aliased.params).toHaveLength(2);
  });

  it('parses several C imports on one line, also in parentheses', () => {
    expect(
      kindsOf('from C import a() -> int, b(int) -> None\nfrom C import (c() -> float,\n  d() -> float,)\n'),
    ).toEqual(['cimport', 'cimport', 'cimport', 'cimport']);
  });

  it('parses def with annotated parameters and a return type', () => {
    const m = expectClean(`
      def f(a: int, b: float) -> float:
          c = a * b
          return c
    `);
    const f = m.body[0] as FunctionDef;
    expect(f.params.map((p) => p.name)).toEqual(['a', 'b']);
    expect(f.body.map((s) => s.kind)).toEqual(['assign', 'return']);
  });

  it('parses if/elif/else into nested ifs', () => {
    const m = expectClean(`
      x = 1
      if x > 1:
          pass
      elif x == 1:
          x = 2
      else:
          x = 3
    `);
    const s = m.body[1] as IfStmt;
    expect(s.orelse[0]?.kind).toBe('if');
    expect((s.orelse[0] as IfStmt).orelse[0]?.kind).toBe('assign');
  });

  it('parses while, for over range and over a list, break and continue', () => {
    expect(
      kindsOf(`
      i = 0
      while i < 3:
          i += 1
          if i == 2:
              continue
          break
      for j in range(1, 4):
          pass
      for v in [1.5, 2.5]:
          print(v)
    `),
    ).toEqual(['assign', 'while', 'for', 'for']);
  });

  it('parses a statement after the colon on the same line, and ; separated statements', () => {
    expect(kindsOf('x = 0\nif x: x = 1; x = 2\nwhile x < 5: x += 1\n')).toEqual(['assign', 'if', 'while']);
  });

  it('parses annotated and augmented assignments', () => {
    const m = expectClean('x: int = 0\nx += 1\nx -= 1\nx *= 2\nx //= 2\nx %= 3\nx **= 2\ny = 1.0\ny /= 2\n');
    expect(m.body.map((s) => s.kind)).toEqual([
      'assign',
      'augassign',
      'augassign',
      'augassign',
      'augassign',
      'augassign',
      'augassign',
      'assign',
      'augassign',
    ]);
    expect((m.body[0] as AssignStmt).annotation).toMatchObject({ kind: 'name', id: 'int' });
  });

  it('parses a @tuple class with typed fields', () => {
    const m = expectClean(`
      @tuple
      class Vec:
          """A 2-vector."""
          x: float
          y: float
      v = Vec(1.0, 2.0)
      print(v.x)
    `);
    const c = m.body[0] as ClassDef;
    expect(c.fields.map((f) => f.name)).toEqual(['x', 'y']);
  });

  it('parses print with sep and end keywords', () => {
    const m = expectClean('print(1, 2, sep=", ", end="")\n');
    const call = (m.body[0] as ExprStmt).expr;
    expect(call).toMatchObject({ kind: 'call', keywords: [{ name: 'sep' }, { name: 'end' }] });
  });
});

describe('parser: expressions', () => {
  it('gives * precedence over + and ** over unary minus', () => {
    expect(rhs('x = 1 + 2 * 3')).toMatchObject({ op: '+', right: { op: '*' } });
    expect(rhs('x = -2 ** 2')).toMatchObject({ kind: 'unary', op: '-', operand: { op: '**' } });
    expect(rhs('x = 2 ** 3 ** 2')).toMatchObject({ op: '**', right: { op: '**' } });
    expect(rhs('x = (1 + 2) * 3')).toMatchObject({ op: '*', left: { op: '+' } });
    expect(rhs('x = 7 // 2 % 3')).toMatchObject({ op: '%', left: { op: '//' } });
  });

  it('parses and/or/not with Python precedence', () => {
    expect(rhs('x = not 1 < 2 and 3 < 4 or 5 < 6')).toMatchObject({
      kind: 'boolop',
      op: 'or',
      left: { kind: 'boolop', op: 'and', left: { kind: 'unary', op: 'not' } },
    });
  });

  it('parses chained comparisons as one node', () => {
    expect(rhs('x = 1 < 2 <= 3')).toMatchObject({ kind: 'compare', ops: ['<', '<='] });
  });

  it('parses attribute chains, calls and indexing', () => {
    expect(rhs('out = [0.0] * 4\nx = out.arr.ptr')).toMatchObject({
      kind: 'attr',
      name: 'ptr',
      target: { kind: 'attr', name: 'arr' },
    });
    expect(rhs('x = Ptr[float](4)')).toMatchObject({
      kind: 'call',
      callee: { kind: 'index', target: { id: 'Ptr' } },
    });
    expect(rhs('p = Ptr[float](4)\nx = p[1 + 1]')).toMatchObject({ kind: 'index', index: { op: '+' } });
  });

  it('parses list literals, [0.0] * 4 and comprehensions with filters', () => {
    expect(rhs('x = [1.5, 2.5,]')).toMatchObject({ kind: 'list', items: [{ value: 1.5 }, { value: 2.5 }] });
    expect(rhs('x: List[float] = []')).toMatchObject({ kind: 'list', items: [] });
    expect(rhs('x = [0.0] * 4')).toMatchObject({ kind: 'binary', op: '*', left: { kind: 'list' } });
    expect(rhs('p = Ptr[float](4)\nx = [p[i] for i in range(4) if i > 0 if i < 3]')).toMatchObject({
      kind: 'listcomp',
      target: { id: 'i' },
      conditions: [{ kind: 'compare' }, { kind: 'compare' }],
    });
  });

  it('parses literals: ints exactly, floats, strings, booleans, None', () => {
    expect(rhs('x = 9_223_372_036_854_775_807')).toMatchObject({ kind: 'int', value: 9223372036854775807n });
    expect(rhs('x = 0x10')).toMatchObject({ kind: 'int', value: 16n });
    expect(rhs('x = 1e6')).toMatchObject({ kind: 'float', value: 1e6 });
    expect(rhs('x = "a" "b"')).toMatchObject({ kind: 'str', value: 'ab' });
    expect(rhs('x = True')).toMatchObject({ kind: 'bool', value: true });
  });

  it('spans expressions exactly (1-based lines and columns, end exclusive)', () => {
    const e = rhs('foo_bar = 2\nx = foo_bar + 1') as Extract<Expr, { kind: 'binary' }>;
    expect(e.span.start).toMatchObject({ line: 2, column: 5, offset: 16 });
    expect(e.span.end).toMatchObject({ line: 2, column: 16, offset: 27 });
    expect(e.left.span.end.column).toBe(12);
  });

  it('keeps a for loop over a call', () => {
    const m = expectClean('for i in range(3):\n    print(i)\n');
    expect((m.body[0] as ForStmt).iter).toMatchObject({ kind: 'call', callee: { id: 'range' } });
  });
});

describe('parser: constructs outside the subset are reported, located, never ignored', () => {
  it.each([
    ['f = lambda x: x', '1:5', '`lambda` is not modelled by this simulator'],
    [
      'x = 1 if True else 2.5',
      '1:5',
      'a conditional expression whose branches have different types (int and float) is not modelled',
    ],
    ['a[0], b = 1, 2', '1:1', 'unpacking a tuple into something other than plain variables is not modelled'],
    ['x = {k: 1 for k in [1]}', '1:5', 'a dict comprehension `{k: v for ...}` is not modelled'],
    ['x = [1, 2][0:1:1]', '1:11', 'a slice with a step (`a[i:j:k]`) is not modelled'],
    ['x = [1, 2][0:1, 1]', '1:11', 'slicing with several values is not modelled'],
    ['x = {k for k in [1]}', '1:5', 'a set comprehension `{x for ...}` is not modelled'],
    ['x = {**y}', '1:5', 'unpacking with `*`/`**` in a dict or set display is not modelled'],
    [
      'x = f"{{1}}"',
      '1:8',
      "`{{` in an f-string (Codon 0.19's unpackFString counts it as a nested field, not as an escaped brace) is not modelled",
    ],
    ['x = f"{x:,}"', '1:10', 'the format spec `,` is not modelled'],
    ['x = f"{ x}"', '1:8', 'a space at the start of an f-string field is not modelled'],
    ['x = b"ab"', '1:5', "a bytes literal (b'...') is not modelled"],
    ['x = 1 << 2', '1:7', 'the shift operator `<<` is not modelled'],
    ['x = 5 & 3', '1:7', 'the bitwise operator `&` is not modelled'],
    ['x = ~5', '1:5', 'the bitwise operator `~` is not modelled'],
    [
      'x = "a" in "abc"',
      '1:5',
      '`in` other than an int or float in a List[int] or List[float] is not modelled',
    ],
    ['x = 1 is 1', '1:5', 'the `is` operator is not modelled'],
    ['import math', '1:1', '`import` of a module is not modelled'],
    ['from math import sqrt', '1:1', 'importing from a module other than `C` is not modelled'],
    ['from python import numpy', '1:1', 'importing from Python (`from python import ...`) is not modelled'],
    ['assert 1 == 1', '1:1', '`assert` is not modelled'],
    ['raise ValueError("x")', '1:1', '`raise` is not modelled'],
    ['del x', '1:1', '`del` is not modelled'],
    ['global x', '1:1', '`global` is not modelled'],
    ['try:\n    pass\nexcept:\n    pass', '3:1', 'a bare `except:` is not modelled'],
    ['try:\n    pass\nfinally:\n    pass', '3:1', 'a `finally:` clause on `try` is not modelled'],
    ['with open("f") as f:\n    pass', '1:1', '`with` is not modelled'],
    ['print 1', '1:1', 'the `print x` statement form is not modelled'],
    ['x = 1\nx <<= 1', '2:3', 'the operator `<<=` is not modelled'],
    ['x = 1\nif (y := x):\n    pass', '2:7', 'the assignment expression `:=` is not modelled'],
    ['x = y = 1', '1:7', 'chained assignment (`a = b = v`) is not modelled'],
    ['x = ...', '1:5', 'the ellipsis `...` is not modelled'],
    ['for i in range(3):\n    pass\nelse:\n    pass', '3:1', 'an `else` clause on a loop is not modelled'],
    [
      'class Q:\n    y: int\nclass P(Q):\n    x: float',
      '3:8',
      'base classes and generic parameters of a class',
    ],
    [
      '@tuple\nclass P:\n    x: float\n    @staticmethod\n    def f():\n        pass',
      '4:5',
      'a decorator on a method is not modelled',
    ],
    ['def f(a: int = 1) -> int:\n    return a', '1:14', 'a default parameter value is not modelled'],
    ['x = [i for i in range(2) for j in range(2)]', '1:26', 'a comprehension with several `for` clauses'],
    ['x: int', '1:1', 'a declaration without a value'],
  ])('%j', (src, at, message) => {
    expectError(src, at, message);
  });

  it('keeps checking the rest of the file after an unmodelled construct', () => {
    expect(diagnosticsOf('x = lambda: 1\ny = undefined\nz = x + 1\n')).toEqual([
      '1:5 `lambda` is not modelled by this simulator; define a function with `def` instead.',
      "2:5 name 'undefined' is not defined.",
    ]);
  });

  it('reports an indented first line (unexpected indent)', () => {
    expect(
      parseCodon('  x = 1\n', 'main.codon').diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`),
    ).toEqual(['1:1 unexpected indent: the first statement of a file must start at column 1.']);
  });
});

describe('parser: syntax errors are located sentences, and parsing goes on', () => {
  it.each([
    ['if x == 1\n    pass', '1:10', "expected ':' at the end of the `if` line, found the end of the line."],
    ['if x = 1:\n    pass', '1:6', "to compare two values write '=='"],
    ['x = ', '1:5', 'expected a value here, found the end of the line.'],
    ['x = 1 2', '1:7', "two values in a row: is an operator or a comma missing before '2'?"],
    ['print(1 2)', '1:9', "expected ',' or ')' in the call opened at line 1, column 6, found '2'."],
    ['x = [1, 2', '1:5', "'[' was never closed: add ']'."],
    ['x = 1\n    y = 2', '2:1', 'unexpected indent: this line is indented more than the line before it'],
    ['def f():\nreturn 1', '2:1', 'expected an indented block after the `def` on line 1.'],
    ['else:\n    pass', '1:1', "'else' without a matching 'if'"],
    ['x = 1\n1 = x', '2:1', 'cannot assign to given expression'],
    ['def (a):\n    pass', '1:5', 'expected a function name after `def` here'],
    ['class = 3', '1:7', "expected a class name after `class` here, found '='."],
    ['x = class', '1:5', "expected a value here, but 'class' is a reserved word."],
    ['from C import foo.bar.baz', '1:22', 'write the library as one name bound to its path'],
    ['from C import foo(x: float) -> float', '1:19', '`from C import` lists only the parameter types'],
  ])('%j', (src, at, message) => {
    const d = diagnosticsOf(src);
    expect(d[0]).toMatch(new RegExp(`^${at} `));
    expect(d[0]).toContain(message);
  });

  it('reports several syntax errors in one run, each on its own line', () => {
    const d = diagnosticsOf(`
      x = = 1
      if x
          pass
      y = (1 +
      def f():
          return 1 2
      z = 3 $
    `);
    expect(d.map((s) => s.split(' ')[0])).toEqual(['1:5', '2:5', '4:5', '6:14', '7:7']);
    expect(d[2]).toBe("4:5 '(' was never closed: add ')'."); // and nothing more about that line
  });

  it('does not type-check a file with syntax errors (as Codon)', () => {
    expect(diagnosticsOf('x = undefined_name\ny = (\n')).toEqual(["2:5 '(' was never closed: add ')'."]);
  });
});

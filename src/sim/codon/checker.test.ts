import { describe, expect, it } from 'vitest';
import type { AssignStmt, CallExpr, FunctionDef, ReturnStmt } from './ast';
import { diagnosticsOf, expectClean, expectError, globalType } from './test-helpers';
import { typeName } from './types';

/** The type of the last global assigned in `src`, named `x` by convention. */
const typeOfX = (src: string) => globalType(src, 'x');

const BUG = `
  LIBPATH = "./libfoo.so"
  from C import LIBPATH.foo() -> Ptr[float]

  for i in range(3):
      p = foo()
      print(p[0], p[1], p[2], p[3])
`;

describe('checker: types are inferred as Codon infers them', () => {
  it.each([
    ['x = 1', 'int'],
    ['x = 1.5', 'float'],
    ['x = True', 'bool'],
    ['x = "s"', 'str'],
    ['x = 7 / 2', 'float'],
    ['x = 7 // 2', 'int'],
    ['x = 7 % 2', 'int'],
    ['x = 2 ** 3', 'int'],
    ['x = 2.0 ** 3', 'float'],
    ['x = 1 + 2.5', 'float'],
    ['x = -3', 'int'],
    ['x = 1 < 2.5', 'bool'],
    ['x = 1 < 2 and 3', 'bool'],
    ['x = not 0', 'bool'],
    ['x = [0.0] * 4', 'List[float]'],
    ['x = [1, 2]', 'List[int]'],
    ['x = [1, 2.5]', 'List[float]'],
    ['x = [[1.0], [2.0]]', 'List[List[float]]'],
    ['x = [i * 0.5 for i in range(4)]', 'List[float]'],
    ['x = Ptr[float](4)', 'Ptr[float]'],
    ['x = Ptr[int]()', 'Ptr[int]'],
    ['x = cobj()', 'Ptr[byte]'],
    ['y = [0.0] * 4\nx = y.arr.ptr', 'Ptr[float]'],
    ['y = [0.0] * 4\nx = y.arr', 'Array[float]'],
    ['y = [0.0] * 4\nx = y.len', 'int'],
    ['y = [0.0] * 4\nx = y.arr.len', 'int'],
    ['y = [0.0] * 4\nx = len(y)', 'int'],
    ['y = [0.0] * 4\nx = y[0]', 'float'],
    ['y = 3\nx = __ptr__(y)', 'Ptr[int]'],
    ['p = Ptr[float](4)\nx = p + 2', 'Ptr[float]'],
    ['x = int(2.7)', 'int'],
    ['x = float(2)', 'float'],
    ['x = bool(2)', 'bool'],
    ['x = float32(1.5)', 'float32'],
    ['x: float = 3', 'float'],
    ['x: List[float] = []', 'List[float]'],
    ['x = []\nx.append(2.5)', 'List[float]'],
    ['s = "abc"\nx = s.ptr', 'Ptr[byte]'],
  ])('%s gives %s', (src, type) => {
    expect(typeOfX(src)).toBe(type);
  });

  it('types @tuple classes, their construction and their fields', () => {
    const src = `
      @tuple
      class D2:
          a: float
          b: float
      x = D2(1, 2.5)
      y = x.a
    `;
    expect(globalType(src, 'x')).toBe('D2');
    expect(globalType(src, 'y')).toBe('float');
  });

  it('types calls to C imports by their declared return type', () => {
    expect(globalType(BUG, 'p')).toBe('Ptr[float]');
    expect(globalType(BUG, 'i')).toBe('int');
  });

  it("infers a function's return type from its returns, and None without one", () => {
    const src = `
      def half(v: float):
          return v / 2
      def show(v: float):
          print(v)
      x = half(3.0)
      y = show(1.0)
    `;
    expect(globalType(src, 'x')).toBe('float');
    expect(globalType(src, 'y')).toBe('NoneType');
  });

  it("lists a function's locals (parameters first) and the module's globals, in order", () => {
    const m = expectClean(`
      def f(a: int, b: float) -> float:
          c = a * b
          for i in range(a):
              c += i
          return c
      total = f(2, 1.5)
      out = [0.0] * 4
    `);
    const f = m.body[0] as FunctionDef;
    expect(f.locals?.map((v) => `${v.name}:${typeName(v.type)}${v.isParam ? ' param' : ''}`)).toEqual([
      'a:int param',
      'b:float param',
      'c:float',
      'i:int',
    ]);
    expect(f.returnType && typeName(f.returnType)).toBe('float');
    expect(m.globals?.map((v) => v.name)).toEqual(['total', 'out']);
  });

  it('resolves what each call does', () => {
    const m = expectClean(`
      LIB = "./lib.so"
      from C import LIB.fill(Ptr[float], int) -> None
      @tuple
      class V:
          x: float
      def g() -> int:
          return 1
      out = [0.0] * 2
      buf = Ptr[float](2)
      n = len(out)
      v = V(1.0)
      fill(out.arr.ptr, g())
      out.append(float(n))
      q = __ptr__(n)
      print(out, sep=" ")
    `);
    const calls: string[] = [];
    const visit = (e: unknown): void => {
      if (!e || typeof e !== 'object') return;
      const o = e as Record<string, unknown>;
      if (o.kind === 'call' && o.resolved) calls.push((o.resolved as { kind: string }).kind);
      for (const v of Object.values(o)) if (v && typeof v === 'object') visit(v);
    };
    visit(m.body);
    expect(calls).toEqual([
      'ptr-alloc',
      'len',
      'tuple-new',
      'c-function',
      'codon-function',
      'list-append',
      'convert',
      'addr-of',
      'print',
    ]);
  });

  it('marks where Codon converts an int to a float (wrapExpr)', () => {
    const m = expectClean(`
      from C import scale(float) -> float
      def twice(v: float) -> float:
          return 2 * v
      x: float = 3
      y = scale(4)
      z = [1, 2.5]
    `);
    const [, , x, y, z] = m.body as [unknown, unknown, AssignStmt, AssignStmt, AssignStmt];
    expect(x.value.coerceTo && typeName(x.value.coerceTo)).toBe('float');
    expect((y.value as CallExpr).args[0]?.coerceTo?.kind).toBe('float');
    expect(z.value.kind === 'list' && z.value.items[0]?.coerceTo?.kind).toBe('float');
    const twice = m.body[1] as FunctionDef;
    expect((twice.body[0] as ReturnStmt).value?.type?.kind).toBe('float');
  });

  it('accepts the original program and the correct fixes', () => {
    expectClean(BUG);
    expectClean(`
      LIBPATH = "./libfoo.so"
      from C import LIBPATH.foo(Ptr[float]) -> None
      out = [0.0] * 4
      foo(out.arr.ptr)
      print(out)
      buf = Ptr[float](4)
      foo(buf)
      print([buf[i] for i in range(4)])
    `);
    expectClean(`
      LIB = "./libfoo.so"
      from C import LIB.make() -> cobj
      from C import LIB.read(cobj, Ptr[float]) -> None
      from C import LIB.release(cobj) -> None
      h = make()
      out = [0.0] * 4
      read(h, out.arr.ptr)
      release(h)
      print(out)
    `);
  });
});

describe("checker: errors are located and said in Codon's words", () => {
  it('rejects a List[float] where Ptr[float] is declared, with the fix', () => {
    const d = expectError(
      `
      LIBPATH = "./libfoo.so"
      from C import LIBPATH.foo(Ptr[float]) -> None
      out = [0.0] * 4
      foo(out)
    `,
      '4:5',
      "'List[float]' does not match expected type 'Ptr[float]'",
      'Pass `out.arr.ptr`',
      'Ptr[float](4)',
    );
    expect(d.endColumn).toBe(8);
  });

  it('rejects a pointer where a list is expected', () => {
    expectError(
      `
      from C import get() -> Ptr[float]
      def show(v: List[float]):
          print(v)
      show(get())
    `,
      '4:6',
      "'Ptr[float]' does not match expected type 'List[float]'",
      '[p[i] for i in range(4)]',
    );
  });

  it.each([
    ['x = 1\nx = 1.5', '2:5', "'float' does not match expected type 'int'", 'int(x)'],
    ['y = undefined_thing + 2', '1:5', "name 'undefined_thing' is not defined."],
    ['out = [0.0] * 4\nprint(ouy)', '2:7', "name 'ouy' is not defined; did you mean 'out'?"],
    [
      'foo()',
      '1:1',
      "name 'foo' is not defined. If foo is a C function, import it first: `from C import LIB.foo(...) -> ...`.",
    ],
    ['def f(a: int) -> int:\n    return a\nf(1, 2)', '3:6', 'f() takes 1 arguments (2 given).'],
    ['def f(a: int) -> int:\n    return a\nf()', '3:1', "f() missing 1 required positional argument: 'a'."],
    ['from C import g(float) -> float\ng()', '2:1', "g() missing 1 required positional argument: 'a0'."],
    [
      'p = Ptr[float](4)\nprint(p.arr)',
      '2:9',
      "'Ptr[float]' object has no attribute 'arr'",
      'no length or buffer fields',
    ],
    ['p = Ptr[float](4)\nn = len(p)', '2:9', "'Ptr[float]' object has no attribute '__len__'"],
    [
      'p = Ptr[float](4)\nfor v in p:\n    print(v)',
      '2:10',
      "'Ptr[float]' object has no attribute '__iter__'",
      'range(n)',
    ],
    ['break', '1:1', "'break' outside loop."],
    ['return 1', '1:1', "'return' outside function."],
    ['def f() -> float:\n    return', '2:5', "'NoneType' does not match expected type 'float'"],
    ['def f() -> int:\n    return 1.5', '2:12', "'float' does not match expected type 'int'"],
    ['n = 0\ndef f():\n    n += 1\nf()', '3:5', "local variable 'n' referenced before assignment"],
    [
      'for i in range(1.5):\n    pass',
      '1:16',
      "'float' does not match expected type 'int'",
      'range() counts with ints',
    ],
    ['y = [1.0]\nx = y[0.5]', '2:7', "'float' does not match expected type 'int'", 'an index must be an int'],
    ['x = [1.0, "a"]', '1:11', "'str' does not match expected type 'float'"],
    ['x = 9223372036854775808', '1:5', "integer '9223372036854775808' cannot fit into 64-bit integer."],
    ['x = 4 * [0.0]', '1:5', "unsupported operand type(s) for *: 'int' and 'List[float]'", '[0.0] * 4'],
    ['x = [1.0] + 1', '1:5', "unsupported operand type(s) for +: 'List[float]' and 'int'."],
    ['x = [1.0] < 1', '1:5', "unsupported operand type(s) for <: 'List[float]' and 'int'."],
    ['x = []', '1:1', "cannot infer the complete type of 'x' (inferred only 'List[?]')"],
    ['f()\ndef f():\n    pass', '1:1', "name 'f' is not defined: it is defined further down"],
    ['def f(a: int, a: int):\n    pass', '1:15', "duplicate argument 'a' in function definition."],
    [
      'def f(a):\n    pass',
      '1:7',
      'a parameter without a type (`a`, which makes `f` generic) is not modelled',
      'a: float',
    ],
    [
      'out = [0.0] * 4\np = Ptr[float](out)',
      '2:16',
      "'List[float]' does not match expected type 'int'",
      'out.arr.ptr',
    ],
    ['a = [1]\np = __ptr__(a[0])', '2:13', '__ptr__() only takes identifiers or tuple fields as arguments'],
    ['print(1, fil=2)', '1:10', "'fil' is an invalid keyword argument for print()."],
    ['print(1, sep=2)', '1:14', "'int' does not match expected type 'str'"],
    ['x = 1.5\nx += "a"', '2:1', "unsupported operand type(s) for +: 'float' and 'str'."],
    ['x = Ptr', '1:5', 'using a type as a value (`Ptr`) is not modelled'],
    ['x = abs(-1)', '1:5', '`abs` is not modelled by this simulator.'],
    ['x: Optional[int] = 1', '1:4', 'the type `Optional[int]` is not modelled'],
    ['x: flot = 1.0', '1:4', "name 'flot' is not defined; did you mean 'float'?"],
    ['x = None', '1:5', '`None` as a value is not modelled'],
    ['len = 3', '1:1', 'cannot assign to `len`: it is a builtin'],
    ['y = [0.0]\ny.pop(0)', '2:3', '`list.pop` is not modelled'],
    ['x = 1\nx()', '2:1', "'int' object is not callable"],
    ['x = "a" * "b"', '1:5', 'the operator `*` on strings is not modelled'],
    ['x = 1.5\ny = f"{x:d}"', '2:8', 'the format type `d` for a float is not modelled'],
    ['n = 3\ny = f"{n:.2f}"', '2:8', 'a precision in the format spec of an integer is not modelled'],
    ['y = [1.0]\nprint(y.arr)', '2:7', 'printing an Array (`lst.arr`) is not modelled'],
    [
      '@tuple\nclass V:\n    x: float\nb = V(1.0) == V(2.0)',
      '4:5',
      'comparing @tuple values is not modelled',
    ],
  ])('%j', (src, at, ...fragments) => {
    expectError(src, at, ...fragments);
  });

  it('checks @tuple classes: frozen fields, arity, field types', () => {
    const cls = '@tuple\nclass V:\n    x: float\n    y: float\n';
    expectError(cls + 'v = V(1.0, 2.0)\nv.x = 3.0', '6:1', 'cannot modify tuple attributes');
    expectError(cls + 'v = V(1.0)', '5:5', "V() missing 1 required positional argument: 'y'.");
    expectError(cls + 'v = V(1.0, 2.0, 3.0)', '5:17', 'V() takes 2 arguments (3 given).');
    expectError(cls + 'v = V(1.0, [1.0])', '5:12', "'List[float]' does not match expected type 'float'");
    expectError(
      '@tuple\nclass V:\n    x: float\n    x: int\n',
      '4:5',
      "duplicate data attribute 'x' in class definition.",
    );
  });

  it("lets a list's len be assigned but not an Array's (Array is a @tuple)", () => {
    expectClean('y = [0.0] * 4\ny.len = 2');
    expectError('y = [0.0] * 4\ny.arr.len = 2', '2:1', 'cannot modify tuple attributes');
  });

  it('checks the library name of a dynamic import', () => {
    expectError(
      'from C import LIB.foo() -> float',
      '1:15',
      "name 'LIB' is not defined: bind the library's path to it first",
    );
    expectError(
      'LIB = 3\nfrom C import LIB.foo() -> float',
      '2:15',
      "'int' does not match expected type 'str'",
    );
    expectError(
      'LIB = "a.so"\nLIB = "b.so"\nfrom C import LIB.foo() -> float',
      '3:15',
      'a library path that is not a string literal assigned once is not modelled',
    );
  });

  it('rejects importing the same name twice, and importing inside a function', () => {
    expectError('from C import f() -> float\nfrom C import f() -> int', '2:15', '`f` is already defined');
    expectClean('from C import f() -> float\nfrom C import f() -> int as f_int');
    expectError(
      'def g():\n    from C import f() -> float\ng()',
      '2:5',
      '`from C import` inside a block or a function is not modelled',
    );
  });

  it('reports every type error of a file, each once', () => {
    expect(
      diagnosticsOf(`
      LIB = "./lib.so"
      from C import LIB.foo(Ptr[float]) -> None
      out = [0.0] * 4
      foo(out)
      n: int = 1.5
      print(undefined)
      for i in range(2.0):
          pass
    `).map((d) => d.split(' ')[0]),
    ).toEqual(['4:5', '5:10', '6:7', '7:16']);
  });

  it('does not cascade: a failed expression does not make its users fail', () => {
    expect(diagnosticsOf('x = undefined + 1\ny = x * 2\nprint(y)\n')).toEqual([
      "1:5 name 'undefined' is not defined.",
    ]);
  });

  it('checks recursion when the return type is annotated, and asks for it otherwise', () => {
    expectClean(
      'def fact(n: int) -> int:\n    if n > 1:\n        return n * fact(n - 1)\n    return 1\nprint(fact(5))\n',
    );
    expectError(
      'def fact(n: int):\n    if n > 1:\n        return n * fact(n - 1)\n    return 1\nprint(fact(5))\n',
      '3:16',
      "annotate the function's return type",
    );
  });

  it('accepts print(None) and return None', () => {
    expectClean('def g() -> None:\n    print(None)\n    return None\ng()\n');
  });

  it('checks a long chain of calls without exhausting the stack', () => {
    let src = '';
    for (let k = 0; k < 3000; k++) src += `def f${k}() -> int:\n    return f${k + 1}()\n`;
    expectClean(`${src}def f3000() -> int:\n    return 1\nprint(f0())\n`);
  });

  it('calls the checked functions once, even when called many times', () => {
    expect(diagnosticsOf('def f() -> int:\n    return 1.5\nf()\nf()\nf()\n')).toHaveLength(1);
  });

  it("marks the original bug's call as a C call returning Ptr[float]", () => {
    const m = expectClean(BUG);
    const loop = m.body[2] as { body: AssignStmt[] };
    const call = loop.body[0]?.value as CallExpr;
    expect(call.resolved).toEqual({ kind: 'c-function', name: 'foo' });
    expect(call.type && typeName(call.type)).toBe('Ptr[float]');
  });
});

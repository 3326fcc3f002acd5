import { describe, expect, it } from 'vitest';
import { typeToString } from '../abi/typeToString';
import { bodyOf, check, errorsOf, fn, initStr, messages } from './test-helpers';

const BUG = `#include <array>

extern "C" {
std::array<double, 4> foo() {
    std::array<double, 4> bar;
    bar[0] = 1.5;
    return bar;
}
}
`;

describe('functions', () => {
  it('records name, position, linkage, symbol, return type and parameters', () => {
    const f = fn(
      check('namespace ns {\n  double* scale(double* xs, long n, const double k);\n}'),
      'ns::scale',
    );
    expect(f.name).toBe('scale');
    expect(f.span.start).toMatchObject({ line: 2, column: 11 });
    expect(f.linkage).toBe('C++');
    expect(f.symbol).toBe('_ZN2ns5scaleEPdld');
    expect(typeToString(f.returnType)).toBe('double*');
    expect(f.params.map((p) => `${typeToString(p.type)} ${p.name}${p.const ? ' (const)' : ''}`)).toEqual([
      'double* xs',
      'long n',
      'double k (const)',
    ]);
    expect(f.body).toBeNull();
  });

  it('gives C linkage inside extern "C", alone or in a block', () => {
    const c = check('extern "C" int a();\nextern "C" { int b(); }\nint d();');
    expect(c.unit.functions.map((f) => `${f.name}:${f.linkage}:${f.symbol}`)).toEqual([
      'a:C:a',
      'b:C:b',
      'd:C++:_Z1dv',
    ]);
  });

  it('merges a declaration and its definition into one function', () => {
    const c = check('int f(int);\nint f(int x) { return x; }');
    expect(c.unit.functions.length).toBe(1);
    const f = fn(c, 'f');
    expect(f.declarations.map((s) => s.start.line)).toEqual([1, 2]);
    expect(f.definitionSpan?.start.line).toBe(2);
    expect(f.params[0]?.name).toBe('x');
  });

  it('keeps the linkage of the first declaration', () => {
    const f = fn(check('extern "C" int f(int);\nint f(int x) { return x; }'), 'f');
    expect(f.linkage).toBe('C');
    expect(f.symbol).toBe('f');
  });

  it('keeps overloads apart', () => {
    const c = check('int f(int);\nint f(double);\nint f(int, int);');
    expect(c.unit.functions.map((f) => f.symbol)).toEqual(['_Z1fi', '_Z1fd', '_Z1fii']);
  });

  it('reports a redeclaration with another return type', () => {
    expect(errorsOf('#include <array>\nstd::array<double, 4> foo();\ndouble* foo();')).toEqual([
      "3:9 conflicting declaration of 'foo': it returned 'std::array<double, 4>' when declared at line 2, now 'double*'",
    ]);
  });

  it('reports overloading a C function and redefining a function', () => {
    expect(errorsOf('extern "C" { int f(int); int f(double); }')[0]).toMatch(
      /^1:30 conflicting declaration of C function 'f'/,
    );
    expect(errorsOf('int f() { return 1; }\nint f() { return 2; }')).toEqual([
      "2:5 redefinition of 'f' (first defined at line 1)",
    ]);
  });

  it('marks static functions internal and records attributes', () => {
    const c = check(
      'static int hidden() { return 1; }\n__attribute__((visibility("default"))) [[nodiscard]] int shown() { return 2; }',
    );
    expect(fn(c, 'hidden').internal).toBe(true);
    expect(fn(c, 'hidden').symbol).toBe('_ZL6hiddenv');
    expect(fn(c, 'shown').attributes.map((a) => `${a.name}(${a.args.join(',')})`)).toEqual([
      'visibility("default")',
      'nodiscard()',
    ]);
  });
});

describe('NRVO (as g++ does it at -O0)', () => {
  it('builds the returned local in the return slot', () => {
    const f = fn(check(BUG), 'foo');
    expect(f.nrvoVariable?.name).toBe('bar');
    expect(f.nrvoVariable?.nrvo).toBe(true);
    const ret = f.body?.stmts.find((s) => s.kind === 'return');
    expect(ret).toMatchObject({ kind: 'return', init: null, nrvo: true });
  });

  it('does not apply when two locals are returned', () => {
    const src =
      '#include <array>\nstd::array<double, 4> f(bool c) { std::array<double, 4> a{}, b{}; if (c) return a; return b; }';
    expect(fn(check(src), 'f').nrvoVariable).toBeNull();
  });

  it('does not apply to parameters, statics, or scalars', () => {
    const arr = '#include <array>\nusing A = std::array<double, 4>;\n';
    expect(fn(check(arr + 'A f(A p) { return p; }'), 'f').nrvoVariable).toBeNull();
    expect(fn(check(arr + 'A f() { static A s{}; return s; }'), 'f').nrvoVariable).toBeNull();
    expect(fn(check('double f() { double d = 1; return d; }'), 'f').nrvoVariable).toBeNull();
  });

  it('does not apply when another return returns a temporary', () => {
    const src =
      '#include <array>\nstd::array<double, 4> f(bool c) { std::array<double, 4> a{}; if (c) return {}; return a; }';
    expect(fn(check(src), 'f').nrvoVariable).toBeNull();
  });

  it('moves a returned local when NRVO does not apply', () => {
    const src =
      '#include <memory>\nstd::unique_ptr<int> f(bool c) { auto a = std::make_unique<int>(1); auto b = std::make_unique<int>(2); if (c) return a; return b; }';
    expect(errorsOf(src)).toEqual([]);
    const ret = bodyOf(check(src), 'f').find((s) => s.kind === 'return');
    expect(ret?.kind === 'return' && ret.init && initStr(ret.init)).toBe('{move unique_ptr b}');
  });
});

describe('returns', () => {
  it('initialises the return slot, converting the value', () => {
    const ret = bodyOf(check('double f(int x) { return x; }'), 'f')[0];
    expect(ret?.kind === 'return' && ret.init && initStr(ret.init)).toBe('(int-to-float x)');
  });

  it('reports returning a value from void and nothing from non-void', () => {
    expect(errorsOf('void f() { return 1; }')).toEqual([
      "1:19 'f' returns void, so it cannot return a 'int'",
    ]);
    expect(errorsOf('int f() { return; }')).toEqual([
      "1:11 'f' must return a 'int' value ('return;' returns nothing)",
    ]);
  });

  it('warns when a non-void function can fall off its end', () => {
    expect(messages('int f(int x) { if (x) return 1; }', 'warning')).toEqual([
      "1:33 warning: control reaches the end of non-void function 'f' without a return (the caller then reads garbage)",
    ]);
    expect(messages('int f(int x) { if (x) return 1; else return 2; }', 'warning')).toEqual([]);
  });

  it('warns when a function returns the address of a local', () => {
    const src = '#include <array>\ndouble* foo() { std::array<double, 4> bar{}; return bar.data(); }';
    expect(messages(src, 'warning')[0]).toMatch(
      /^2:53 warning: this returns the address of the local variable 'bar'/,
    );
  });
});

describe('locals and scopes', () => {
  it('lists every local of the frame in declaration order', () => {
    const f = fn(
      check(
        'int f(int n) { int a = 1; for (int i = 0; i < n; ++i) { double t = i; a += t; } { int b = 2; a += b; } return a; }',
      ),
      'f',
    );
    expect(f.locals.map((v) => v.name)).toEqual(['a', 'i', 't', 'b']);
    expect(f.params.map((v) => v.storage)).toEqual(['param']);
  });

  it('keeps static and thread_local locals out of the frame, in the unit statics', () => {
    const c = check('int counter() { static int calls = 0; thread_local int t = 0; return ++calls + t; }');
    expect(fn(c, 'counter').locals).toEqual([]);
    expect(c.unit.statics.map((v) => `${v.name}:${v.storage}`)).toEqual(['calls:static', 't:thread']);
  });

  it('reports a redeclaration in the same scope but allows shadowing in an inner one', () => {
    expect(errorsOf('void f() { int x = 1; int x = 2; }')).toEqual([
      "1:27 'x' is already declared in this scope (line 1)",
    ]);
    expect(errorsOf('void f() { int x = 1; { int x = 2; } }')).toEqual([]);
  });

  it('lowers range-for to the loop C++ defines', () => {
    const src =
      '#include <array>\ndouble sum(std::array<double, 4>& a) { double s = 0; for (double x : a) s += x; return s; }';
    expect(errorsOf(src)).toEqual([]);
    const f = fn(check(src), 'sum');
    expect(f.locals.map((v) => `${v.name}${v.synthetic ? '*' : ''}`)).toEqual([
      's',
      '__range*',
      '__begin*',
      '__end*',
      'x',
    ]);
    const loop = bodyOf(check(src), 'sum')[1];
    expect(loop?.kind).toBe('block');
  });

  it('declares globals with their symbols and linkage', () => {
    const c = check(
      'int g = 1;\nnamespace ns { double h = 2.0; }\nstatic int hidden;\nconst int k = 3;\nextern int e;',
    );
    expect(
      c.unit.statics.map(
        (v) =>
          `${v.qualifiedName}:${v.symbol}:${v.internal ? 'internal' : 'external'}${v.externDeclaration ? ':extern' : ''}`,
      ),
    ).toEqual([
      'g:g:external',
      'ns::h:_ZN2ns1hE:external',
      'hidden:hidden:internal',
      'k:k:internal',
      'e:e:external:extern',
    ]);
  });
});

describe('classes', () => {
  it('lays out fields, bit-fields and nested records', () => {
    const c = check('struct P { char c; int x : 3; unsigned y : 5; double d[2]; struct { int a; } inner; };');
    const r = c.unit.records.find((x) => x.decl.name === 'P');
    expect(
      r?.decl.fields.map(
        (f) => `${f.name}:${typeToString(f.type)}${f.bitWidth !== undefined ? ':' + f.bitWidth : ''}`,
      ),
    ).toEqual(['c:char', 'x:int:3', 'y:unsigned int:5', 'd:double[2]', 'inner:P::(anonymous struct)']);
  });

  it('records packed, alignas and virtual functions', () => {
    const c = check(
      'struct __attribute__((packed)) A { char c; int x; };\nstruct alignas(16) B { double d; };\nstruct V { virtual void f() {} };',
    );
    const rec = (n: string) => c.unit.records.find((x) => x.decl.name === n)?.decl;
    expect(rec('A')?.packed).toBe(true);
    expect(rec('B')?.alignas).toBe(16);
    expect(rec('V')?.hasVirtualFunctions).toBe(true);
  });

  it('records how each special member is declared', () => {
    const c = check(`struct S {
  S(const S&) = default;
  S(S&&) = delete;
  ~S();
  S& operator=(const S&) { return *this; }
};
S::~S() {}`);
    expect(c.unit.records[0]?.decl.specialMembers).toEqual({
      copyCtor: 'defaulted',
      moveCtor: 'deleted',
      dtor: 'user-provided',
      copyAssign: 'user-provided',
      moveAssign: 'implicit',
    });
  });

  it('makes a destructor virtual when a base destructor is', () => {
    const c = check('struct B { virtual ~B() {} };\nstruct D : B { ~D() {} };');
    expect(fn(c, 'D::~D').method?.virtual).toBe(true);
    expect(c.unit.records[1]?.decl.hasVirtualFunctions).toBe(true);
  });

  it('checks constructors, member initializers in declaration order, and default member initializers', () => {
    const src = 'struct S { int a = 7; double b; S(double x) : b(x) {} };\nS make() { return S(2.5); }';
    expect(errorsOf(src)).toEqual([]);
    const ctor = fn(check(src), 'S::S');
    expect(
      ctor.method?.memberInits.map((m) =>
        m.kind === 'field-init' ? `${m.field.name}=${initStr(m.init)}` : 'base',
      ),
    ).toEqual(['b=x']);
    expect(
      check(src).unit.records[0]?.fields.map((f) => (f.defaultInit ? initStr(f.defaultInit) : '-')),
    ).toEqual(['7', '-']);
  });

  it('initialises aggregates memberwise and classes with constructors through them', () => {
    const src =
      'struct P { double x, y; };\nstruct Q { Q(int a, int b) {} };\nvoid f() { P p{1, 2}; P z{}; Q q{1, 2}; Q r(3, 4); }';
    expect(errorsOf(src)).toEqual([]);
    const inits = fn(check(src), 'f').locals.map((v) => (v.init ? initStr(v.init) : 'none'));
    expect(inits).toEqual(['{(int-to-float 1) (int-to-float 2)}', '{zero}', '{Q 1 2}', '{Q 3 4}']);
  });

  it('copies objects with their copy constructor when the user wrote one', () => {
    const src = 'struct C { C() {} C(const C& o) {} };\nvoid f() { C a; C b = a; }';
    const locals = fn(check(src), 'f').locals;
    expect(locals.map((v) => (v.init ? initStr(v.init) : 'none'))).toEqual(['{default C}', '{copy C a}']);
  });

  it('reports members the class does not have and copies of deleted constructors', () => {
    expect(errorsOf('struct S { int a; };\nint f(S s) { return s.b; }')).toEqual([
      "2:23 'S' has no member named 'b'",
    ]);
    expect(errorsOf('struct N { N() {} N(const N&) = delete; };\nvoid f() { N a; N b = a; }')).toEqual([
      "2:23 use of the deleted copy constructor of 'N' in the initialization of 'b'",
    ]);
  });

  it('defines member functions outside the class', () => {
    const src = 'struct S { int v; int get() const; };\nint S::get() const { return v; }';
    expect(errorsOf(src)).toEqual([]);
    expect(fn(check(src), 'S::get').body).not.toBeNull();
    expect(errorsOf('struct S { };\nint S::nope() { return 1; }')).toEqual([
      "2:5 no member function 'nope' with these parameters is declared in 'S'",
    ]);
  });
});

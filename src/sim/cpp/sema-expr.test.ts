import { describe, expect, it } from 'vitest';
import { check, errorsOf, exprOf, fn, localInit, messages, sexpr, typeOf } from './test-helpers';

const ARRAY =
  '#include <array>\n#include <algorithm>\n#include <cstring>\n#include <cstdlib>\n#include <cstdio>\n#include <memory>\n#include <iostream>';

/** The typed tree of `expr` with `decls` in scope, conversions shown (loads too when `loads`). */
function tree(decls: string, expr: string, prelude = ARRAY, loads = false): string {
  const r = exprOf(decls, expr, prelude);
  expect(r.errors).toEqual([]);
  return sexpr(r.expr, loads);
}

describe('implicit conversions are explicit in the tree', () => {
  it('loads variables (lvalue-to-rvalue) before using their values', () => {
    expect(tree('int i = 1; int j = 2;', 'i + j', '', true)).toBe(
      '(+ (lvalue-to-rvalue i) (lvalue-to-rvalue j))',
    );
  });

  it('converts int to double by the usual arithmetic conversions', () => {
    expect(tree('int i = 1; double d = 2;', 'd * i')).toBe('(* d (int-to-float i))');
  });

  it('converts on assignment, both ways', () => {
    expect(tree('int i = 1; double d = 2;', 'i = d')).toBe('(= i (float-to-int d))');
    expect(tree('int i = 1; double d = 2;', 'd = i')).toBe('(= d (int-to-float i))');
  });

  it('promotes small integers', () => {
    expect(tree("char c = 'a'; short s = 1;", 'c + s')).toBe('(+ (integral c) (integral s))');
  });

  it('decays arrays to pointers', () => {
    expect(tree('double a[4] = {}; double* p = nullptr;', 'p = a')).toBe('(= p (array-to-pointer a))');
  });

  it('converts nullptr and 0 to null pointers', () => {
    expect(tree('double* p = nullptr;', 'p = nullptr')).toBe('(= p (null-to-pointer nullptr))');
    expect(tree('double* p = nullptr;', 'p = 0')).toBe('(= p (null-to-pointer 0))');
  });

  it('tests pointers and numbers for truth in conditions', () => {
    expect(tree('double* p = nullptr; int n = 0;', 'p && n')).toBe('(&& (to-bool p) (to-bool n))');
  });

  it('rejects conversions C++ does not allow implicitly', () => {
    expect(exprOf('double* p = nullptr; int n = 0;', 'p = n').errors).toEqual([
      "cannot convert 'int' to 'double*' in assignment",
    ]);
    expect(exprOf('const double* c = nullptr; double* p = nullptr;', 'p = c').errors).toEqual([
      "invalid conversion from 'const double*' to 'double*' (it would drop the const) in assignment",
    ]);
  });
});

describe('pointers', () => {
  it('indexes pointers as *(p + i)', () => {
    expect(tree('double* p = nullptr; int i = 0;', 'p[i]')).toBe('(* (ptr+ p (integral i)))');
  });

  it('does pointer arithmetic and differences', () => {
    expect(typeOf('double a[4]; double* p = a;', 'p + 2')).toBe('double*');
    expect(typeOf('double a[4]; double* p = a; double* q = a;', 'q - p')).toBe('long');
  });

  it('takes addresses and dereferences', () => {
    expect(tree('double x = 1;', '*&x')).toBe('(* (& x))');
    expect(typeOf('const double x = 1;', '&x')).toBe('const double*');
  });

  it('reaches members through -> and .', () => {
    const prelude = 'struct P { double x; double y; };';
    expect(tree('P s{}; P* p = &s;', 'p->x + s.y', prelude)).toBe('(+ (. (* p) x) (. s y))');
  });
});

describe('std::array', () => {
  it('resolves [] to the library operator, an lvalue element', () => {
    expect(tree('std::array<double, 4> bar; int i = 0;', 'bar[i] = 1.5')).toBe(
      '(= (array::operator[] bar (integral i)) 1.5)',
    );
  });

  it('gives data(), begin() and end() the type T* and size() size_t', () => {
    expect(typeOf('std::array<double, 4> bar{};', 'bar.data()', ARRAY)).toBe('double*');
    expect(typeOf('std::array<double, 4> bar{};', 'bar.begin()', ARRAY)).toBe('double*');
    expect(typeOf('std::array<double, 4> bar{};', 'bar.size()', ARRAY)).toBe('unsigned long');
    expect(typeOf('const std::array<double, 4> bar{};', 'bar.data()', ARRAY)).toBe('const double*');
  });

  it('refuses to modify a const array', () => {
    expect(exprOf('const std::array<double, 4> bar{};', 'bar[0] = 2', ARRAY).errors).toEqual([
      'assignment cannot modify a const object',
    ]);
  });

  it('reports library members the simulator does not model', () => {
    expect(exprOf('std::array<double, 4> bar{};', 'bar.max_size()', ARRAY).errors).toEqual([
      "'std::array::max_size' is not modelled by this simulator",
    ]);
  });

  it('initialises from braces with brace elision and zero-fills the rest', () => {
    const src = `${ARRAY}\nvoid f() { std::array<double, 4> a{1.5, 2.5}; std::array<double, 2> b{{1, 2}}; std::array<double, 4> c; std::array<double, 4> d{}; }`;
    expect(localInit(src, 'f', 'a')).toBe('{1.5 2.5 {zero} {zero}}');
    expect(localInit(src, 'f', 'b')).toBe('{(int-to-float 1) (int-to-float 2)}');
    expect(localInit(src, 'f', 'c')).toBe('{default}');
    expect(localInit(src, 'f', 'd')).toBe('{{zero} {zero} {zero} {zero}}');
  });

  it('rejects narrowing of constants and too many values inside braces, and warns for variables, as g++ does', () => {
    expect(errorsOf(`${ARRAY}\nvoid f() { std::array<int, 2> a{1.5, 1}; }`)).toEqual([
      "8:33 narrowing conversion from 'double' to 'int' inside { } (in the initialization of 'a')",
    ]);
    expect(messages(`${ARRAY}\nvoid f(double x) { std::array<int, 2> a{x, 1}; }`, 'warning')).toEqual([
      "8:41 warning: narrowing conversion from 'double' to 'int' inside { } (in the initialization of 'a')",
    ]);
    expect(errorsOf(`${ARRAY}\nvoid f() { std::array<int, 2> a{1, 2, 3}; }`)).toEqual([
      "8:39 too many initializers for 'std::array<int, 2>' (3 values for 2 elements)",
    ]);
    expect(errorsOf('void f() { char s[3] = "abc"; }')).toEqual([
      "1:24 the string needs 4 chars (with its terminating 0) but the array holds 3 (in the initialization of 's')",
    ]);
  });
});

describe('library calls', () => {
  it('resolves std::copy over array iterators to a builtin', () => {
    expect(
      tree('std::array<double, 4> bar{}; double* out = nullptr;', 'std::copy(bar.begin(), bar.end(), out)'),
    ).toBe('(std::copy (array::begin bar) (array::end bar) out)');
  });

  it('resolves copy_n, fill and fill_n', () => {
    expect(tree('double a[4]; double* out = nullptr;', 'std::copy_n(a, 4, out)')).toBe(
      '(std::copy_n (array-to-pointer a) (integral 4) out)',
    );
    expect(tree('std::array<double, 4> bar{};', 'std::fill(bar.begin(), bar.end(), 0)')).toBe(
      '(std::fill (array::begin bar) (array::end bar) (int-to-float 0))',
    );
  });

  it('converts memcpy arguments to void pointers', () => {
    expect(tree('double a[4]; double b[4];', 'std::memcpy(a, b, sizeof(double) * 4)')).toBe(
      '(memcpy (pointer (array-to-pointer a)) (pointer (array-to-pointer b)) (* (sizeof double) (integral 4)))',
    );
  });

  it('types malloc and free', () => {
    expect(typeOf('', 'malloc(16)', ARRAY)).toBe('void*');
    expect(tree('double* p = (double*)malloc(32);', 'free(p)')).toBe('(free (pointer p))');
  });

  it("promotes printf's variadic arguments", () => {
    expect(tree('float f = 1.5f; char c = 65;', 'printf("%f %d\\n", f, c)')).toBe(
      '(printf (array-to-pointer "%f %d\\n") (float f) (integral c))',
    );
  });

  it('warns when a printf format does not match its argument, as g++ -Wformat does', () => {
    expect(messages(`${ARRAY}\nvoid f(double x) { printf("%d\\n", x); }`, 'warning')).toEqual([
      "8:35 warning: format '%d' expects an argument of type 'int', but argument 2 has type 'double'",
    ]);
  });

  it('flattens std::cout chains and recognises std::endl', () => {
    expect(tree('double x = 1.5;', 'std::cout << x << " " << 42 << std::endl')).toBe(
      '(cout x (array-to-pointer " ") 42 endl)',
    );
  });

  it('makes shared and unique pointers, value-initialising the object', () => {
    expect(tree('', 'std::make_shared<std::array<double, 4>>()')).toBe(
      '(std::make_shared <std::array<double, 4>>)',
    );
    const r = exprOf('', 'std::make_shared<std::array<double, 4>>()', ARRAY);
    expect(r.expr.kind === 'builtin-call' && r.expr.elementInit?.kind).toBe('zero');
    expect(typeOf('', 'std::make_unique<double>(2.5)', ARRAY)).toBe('std::unique_ptr<double>');
  });

  it('copies shared_ptr with the library semantics and refuses to copy unique_ptr', () => {
    const src = `${ARRAY}\nvoid f() { auto a = std::make_shared<double>(1.0); std::shared_ptr<double> b = a; auto u = std::make_unique<double>(2.0); std::unique_ptr<double> v = std::move(u); }`;
    expect(localInit(src, 'f', 'b')).toBe('{copy shared_ptr a}');
    expect(localInit(src, 'f', 'v')).toBe('{move unique_ptr (std::move:noop u)}');
    expect(
      errorsOf(
        `${ARRAY}\nvoid f() { auto u = std::make_unique<double>(2.0); std::unique_ptr<double> v = u; }`,
      ),
    ).toEqual([
      "8:80 std::unique_ptr cannot be copied (its copy constructor is deleted); move it with std::move in the initialization of 'v'",
    ]);
  });

  it('dereferences smart pointers through the library operators', () => {
    expect(tree('auto p = std::make_shared<std::array<double, 4>>();', '(*p)[0] = 1.5')).toBe(
      '(= (array::operator[] (shared_ptr::operator* p) (integral 0)) 1.5)',
    );
    expect(tree('auto p = std::make_shared<std::array<double, 4>>();', 'p->size()')).toBe(
      '(array::size (* (shared_ptr::operator-> p)))',
    );
  });
});

describe('new and delete', () => {
  it('types new expressions and their initialisers', () => {
    expect(tree('', 'new double(2.5)')).toBe('(new double 2.5)');
    expect(tree('int n = 4;', 'new double[n]')).toBe('(new double [(integral n)] {default})');
    expect(tree('', 'new int[3]{1, 2}')).toBe('(new int [(integral 3)] {1 2 {zero}})');
  });

  it('types delete and delete[]', () => {
    expect(tree('double* p = new double[4];', 'delete[] p')).toBe('(delete[] p)');
    expect(exprOf('int n = 0;', 'delete n').errors).toEqual(["'delete' needs a pointer, not 'int'"]);
  });
});

describe('calls', () => {
  const prelude = 'int f(int x);\nint f(double x);\nint g(int a, int b = 2);\nvoid h(const double* p);';

  it('picks the best overload', () => {
    expect(tree('', 'f(1)', prelude)).toBe('(call f 1)');
    expect(tree('', 'f(1.5)', prelude)).toBe('(call f 1.5)');
    expect(tree("char c = 'a';", 'f(c)', prelude)).toBe('(call f (integral c))');
  });

  it('fills in default arguments', () => {
    expect(tree('', 'g(1)', prelude)).toBe('(call g 1 2)');
  });

  it('adds const to pointer arguments', () => {
    expect(tree('double a[2];', 'h(a)', prelude)).toBe('(call h (pointer (array-to-pointer a)))');
  });

  it('reports wrong argument counts and types', () => {
    expect(exprOf('', 'g()', prelude).errors).toEqual(["'g' takes 1 to 2 arguments, but 0 were given"]);
    expect(exprOf('int x = 0;', 'h(&x)', prelude).errors).toEqual([
      "cannot convert 'int*' to 'const double*' for argument 1 of 'h'",
    ]);
  });

  it('reports ambiguous calls', () => {
    expect(exprOf('', 'f(1u)', prelude).errors[0]).toMatch(/^the call 'f\(unsigned int\)' is ambiguous/);
  });

  it('calls member functions on objects and through pointers', () => {
    const cls = 'struct C { int v; int get() const { return v; } void set(int x) { v = x; } };';
    expect(tree('C c{}; C* p = &c;', 'c.get() + p->get()', cls)).toBe('(+ (get c) (get (* p)))');
    expect(exprOf('const C c{};', 'c.set(1)', cls).errors).toEqual([
      "'set' is not a const member function, so it cannot be called on a const 'C'",
    ]);
  });

  it('types calls through function pointers, and refuses those that pass a class by value where they are written', () => {
    expect(typeOf('int (*fp)(double) = nullptr;', 'fp(1.0)')).toBe('int');
    expect(typeOf('struct P { int a; }; P (*fp)(double) = nullptr;', 'fp(1.0)')).toBe(
      'error: a call through a function pointer that passes or returns a class, an array or a vector by value is not modelled by this simulator; pass a pointer to it instead',
    );
  });
});

describe('names', () => {
  it('reports unknown names where they are used', () => {
    expect(errorsOf('int f() {\n  int x = 1;\n  return x + baz;\n}')).toEqual(["3:14 unknown name 'baz'"]);
    expect(errorsOf('void f() { undefined_function(1); }')).toEqual([
      "1:12 unknown name 'undefined_function'",
    ]);
  });

  it('finds members from member functions without this->', () => {
    const src = 'struct S { int v; int get() { return v + w(); } int w() { return 1; } };';
    expect(errorsOf(src)).toEqual([]);
    const body = fn(check(src), 'get').body?.stmts[0];
    expect(body?.kind === 'return' && body.init?.kind === 'expr' && sexpr(body.init.expr)).toBe(
      '(+ (. (* this) v) (w (* this)))',
    );
  });

  it('keeps private members private', () => {
    expect(errorsOf('class K { int secret = 1; };\nint f(K k) { return k.secret; }')).toEqual([
      "2:23 'secret' is private in 'K' and cannot be used here",
    ]);
  });
});

describe('type errors', () => {
  it('says which types do not match in an initialisation', () => {
    expect(
      errorsOf(`${ARRAY}\ndouble* f() { std::array<double, 4> bar{}; double* p = bar; return p; }`),
    ).toEqual(["8:56 cannot convert 'std::array<double, 4>' to 'double*' in the initialization of 'p'"]);
  });

  it('refuses to assign to const variables and to temporaries', () => {
    expect(exprOf('const int c = 1;', 'c = 2').errors).toEqual([
      "assignment cannot modify a const object ('c' is const)",
    ]);
    expect(exprOf('int a = 1;', '(a + 1) = 2').errors).toEqual([
      'assignment needs a variable or another object (an lvalue), not a temporary value',
    ]);
  });

  it('rejects arithmetic on class objects', () => {
    expect(exprOf('std::array<double, 4> a{}, b{};', 'a + b', ARRAY).errors[0]).toMatch(
      /^invalid operands to '\+': 'std::array<double, 4>' and 'std::array<double, 4>'/,
    );
  });

  it('requires integer operands for %', () => {
    expect(exprOf('double x = 1;', 'x % 2').errors[0]).toMatch(/^'%' needs integer operands/);
  });
});

describe('headers, as g++ 12 and libstdc++ require them', () => {
  it('reports a library name used without its header, once', () => {
    expect(errorsOf('std::array<double, 4> foo();\nstd::array<double, 2> bar();')).toEqual([
      "1:6 'std::array' is defined in header <array>; did you forget to #include <array>?",
    ]);
    expect(errorsOf('void f() { printf("x"); }')).toEqual([
      "1:12 'printf' is defined in header <cstdio>; did you forget to #include <cstdio>?",
    ]);
    expect(errorsOf('void f() { std::cout << 1; }')).toEqual([
      "1:12 'std::cout' is defined in header <iostream>; did you forget to #include <iostream>?",
    ]);
  });

  it('accepts names that other headers bring in, as libstdc++ does', () => {
    expect(errorsOf('#include <functional>\nstd::array<int, 2> g();')).toEqual([]);
    expect(errorsOf('#include <array>\nvoid f(int* a) { std::fill_n(a, 1, 0); }')).toEqual([]);
    expect(errorsOf('#include <array>\nvoid f(int* a, int* b) { std::copy_n(a, 1, b); }')[0]).toMatch(
      /#include <algorithm>/,
    );
    expect(errorsOf('#include <stdio.h>\nvoid f() { printf("x"); }')).toEqual([]);
    expect(errorsOf('#include <bits/stdc++.h>\nvoid f() { std::cout << std::min(1, 2); }')).toEqual([]);
  });
});

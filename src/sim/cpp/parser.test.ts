import { describe, expect, it } from 'vitest';
import { errorsOf, exprOf, messages, sexpr } from './test-helpers';

/** The S-expression of `expr` checked with the declarations `decls` in scope. */
function tree(decls: string, expr: string): string {
  const r = exprOf(decls, expr);
  expect(r.errors).toEqual([]);
  return sexpr(r.expr);
}

const ARITH = 'int a = 1, b = 2, c = 3, d = 4; bool p = true, q = false, r = true;';

describe('precedence and associativity', () => {
  it('multiplies before adding', () => {
    expect(tree(ARITH, 'a + b * c')).toBe('(+ a (* b c))');
    expect(tree(ARITH, 'a * b + c')).toBe('(+ (* a b) c)');
  });

  it('associates binary operators to the left', () => {
    expect(tree(ARITH, 'a - b - c')).toBe('(- (- a b) c)');
    expect(tree(ARITH, 'a / b % c')).toBe('(% (/ a b) c)');
  });

  it('associates assignment to the right', () => {
    expect(tree(ARITH, 'a = b = c')).toBe('(= a (= b c))');
    expect(tree(ARITH, 'a += b -= c')).toBe('(+= a (-= b c))');
  });

  it('orders shifts, comparisons, equality, bitwise and logical operators', () => {
    expect(tree(ARITH, 'a << b + c')).toBe('(<< a (+ b c))');
    expect(tree(ARITH, 'a < b == c > d')).toBe('(== (integral (< a b)) (integral (> c d)))');
    expect(tree(ARITH, 'a & b ^ c | d')).toBe('(| (^ (& a b) c) d)');
    expect(tree(ARITH, 'p || q && r')).toBe('(|| p (&& q r))');
    expect(tree(ARITH, 'a == b && c != d')).toBe('(&& (== a b) (!= c d))');
  });

  it('binds the conditional operator below || and above assignment', () => {
    expect(tree(ARITH, 'a = p || q ? b : c')).toBe('(= a (? (|| p q) b c))');
    expect(tree(ARITH, 'p ? a : q ? b : c')).toBe('(? p a (? q b c))');
  });

  it('applies unary and postfix operators tighter than binary ones', () => {
    expect(tree(ARITH, '-a * b')).toBe('(* (- a) b)');
    expect(tree(ARITH, '!p && q')).toBe('(&& (! p) q)');
    expect(tree(ARITH, 'a++ + ++b')).toBe('(+ (a ++) (++ b))');
    expect(tree('int x[4]; int* p = x;', '*p++')).toBe('(* (p ++))');
  });

  it('parses casts as unary operators', () => {
    expect(tree('double x = 1.5;', '(int)x * 2')).toBe('(* (c:float-to-int x) 2)');
    expect(tree('double x = 1.5;', 'static_cast<int>(x) + 1')).toBe('(+ (static:float-to-int x) 1)');
  });

  it('parses the comma operator lowest', () => {
    expect(tree(ARITH, 'a = 1, b = 2')).toBe('(, (= a 1) (= b 2))');
  });

  it('ends template arguments at >> (two closing angles)', () => {
    expect(
      errorsOf('#include <memory>\n#include <array>\nstd::shared_ptr<std::array<double,4>> f();'),
    ).toEqual([]);
    expect(errorsOf('#include <array>\nstd::array<std::array<int, 2>, 2> g();')).toEqual([]);
  });

  it('reads a comparison inside parentheses in a template argument', () => {
    expect(errorsOf('#include <array>\nstd::array<double, (3 > 2) + 3> h();')).toEqual([]);
  });
});

describe('declarations that parse', () => {
  const ok = (src: string): void => {
    expect(errorsOf(src)).toEqual([]);
  };

  it('accepts extern "C" functions and blocks with attributes', () => {
    ok(
      'extern "C" int f(int x);\nextern "C" {\n__attribute__((visibility("default"))) double g(double* p) { return p[0]; }\n}',
    );
  });

  it('accepts namespaces, using-directives and aliases', () => {
    ok(
      '#include <array>\nnamespace ns { namespace inner { int f() { return 1; } } }\nusing namespace std;\nusing Vec = array<double, 4>;\ntypedef unsigned long long u64;\nVec v();\nu64 w();',
    );
  });

  it('accepts standard attributes and storage classes', () => {
    ok(
      '[[nodiscard]] static inline int f() { return 1; }\nconstexpr int N = 4;\nthread_local int counter = 0;\nstatic const double pi = 3.14;',
    );
  });

  it('accepts classes with every kind of member', () => {
    ok(`struct Base { virtual ~Base() = default; virtual int get() const { return 1; } };
struct __attribute__((packed)) P : public Base {
  P() : x(1) {}
  explicit P(int v) : x(v) {}
  P(const P&) = default;
  P(P&&) = delete;
  P& operator=(const P&) = default;
  ~P() override {}
  int get() const override { return x; }
  static int count;
  int x = 0;
  unsigned flags : 3;
  double d[2];
  struct { int a; } inner;
private:
  char c;
};
int P::count = 0;
struct alignas(16) Q { double a; };`);
  });

  it('accepts enums with and without an underlying type', () => {
    ok(
      '#include <cstdint>\nenum Color { Red, Green = 5, Blue };\nenum class E8 : uint8_t { A, B };\nenum struct S : int;',
    );
  });

  it('accepts function pointers and arrays of pointers', () => {
    ok('int (*fp)(double);\nint* arr[3];\nint (*parr)[3];\nvoid take(void (*cb)(int), int n);');
  });

  it('accepts the original bug', () => {
    ok(`#include <array>
extern "C" {
std::array<double, 4> foo() {
    std::array<double, 4> bar;
    bar[0] = 1.5; bar[1] = 2.5; bar[2] = 3.5; bar[3] = 4.5;
    return bar;
}
}`);
  });
});

describe('statements that parse', () => {
  it('accepts every supported statement', () => {
    expect(
      errorsOf(`#include <array>
int f(int n) {
  int total = 0;
  std::array<int, 3> a{1, 2, 3};
  for (int i = 0; i < n; ++i) { if (i % 2) continue; total += i; }
  for (auto& x : a) x *= 2;
  for (int x : a) total += x;
  while (total > 100) total /= 2;
  do { total--; } while (total > 50);
  if (total) { ; } else if (n) total = 1; else total = 2;
  { int scoped = 3; total += scoped; }
  for (;;) break;
  return total;
}`),
    ).toEqual([]);
  });

  it('accepts declarations with every initializer form', () => {
    expect(
      errorsOf(
        'int f() { int a = 1; int b(2); int c{3}; int d = {4}; int e{}; auto g = a + b; return a + b + c + d + e + g; }',
      ),
    ).toEqual([]);
  });
});

describe('syntax errors are located and explained', () => {
  it('points to where the missing semicolon belongs', () => {
    expect(errorsOf('int foo() {\n  int bar\n  return 0;\n}')).toEqual([
      "2:10 expected ';' after the declaration of 'bar'",
    ]);
  });

  it('reports a missing semicolon after an expression', () => {
    expect(errorsOf('void f() {\n  int x = 0;\n  x = 3\n}')).toEqual([
      "3:8 expected ';' after the expression",
    ]);
  });

  it('reports a missing closing parenthesis', () => {
    expect(errorsOf('void f(int a, int b {\n}')).toEqual([
      "1:20 expected ')' to close the parameter list before '{'",
    ]);
  });

  it('reports an expression that stops early', () => {
    expect(errorsOf('int f() { return 3 + ; }')).toEqual(["1:22 expected an expression, found ';'"]);
  });

  it('reports a missing semicolon after a class', () => {
    expect(errorsOf('struct S { int a; }\nint x;')).toEqual([
      "1:20 expected ';' after the definition of struct 'S'",
    ]);
  });

  it('recovers and reports several errors in one file', () => {
    const errs = errorsOf(
      'int f() {\n  int a = ;\n  int b = 2\n  return a + b;\n}\nint g( { }\nint h() { return 1; }',
    );
    expect(errs.length).toBeGreaterThanOrEqual(3);
    expect(errs[0]).toBe("2:11 expected an expression, found ';'");
    expect(errs.some((e) => e.startsWith('3:12'))).toBe(true);
    expect(errs.some((e) => e.startsWith('6:'))).toBe(true);
  });

  it('reports a stray closing brace', () => {
    expect(errorsOf('int x;\n}\nint y;')).toEqual(["2:1 unexpected '}' with no matching '{'"]);
  });

  it('reports an unclosed block at its opening brace', () => {
    expect(errorsOf('void f() {\n  int x = 1;\n')).toEqual(["1:10 this '{' has no matching '}'"]);
  });
});

describe('constructs outside the subset', () => {
  const unsupported = (src: string, at: string, what: string): void => {
    const errs = errorsOf(src);
    expect(errs[0]).toBe(`${at} ${what} is not modelled by this simulator`);
  };

  it('reports goto and labels', () => {
    unsupported('void f() {\n  goto end;\n}', '2:3', '`goto`');
    unsupported('void f() {\n  end: return;\n}', '2:3', 'a label (the target of `goto`)');
  });

  it('reports exceptions', () => {
    unsupported('void f() {\n  try { } catch (...) { }\n}', '2:3', '`try`/`catch` (exceptions)');
    unsupported('void f() { throw 1; }', '1:12', '`throw` (exceptions)');
  });

  it('reports lambdas', () => {
    unsupported('void f() { auto g = [](int a) { return a; }; }', '1:21', 'a lambda expression');
  });

  it('reports the template forms it does not model, and operator overloading', () => {
    expect(errorsOf('template <typename T> T id(T t) { return t; }')).toEqual([]);
    unsupported(
      'template <typename... Ts> int n(Ts... x) { return 0; }',
      '1:11',
      'a template parameter pack (`typename...`)',
    );
    unsupported(
      'struct S { template <typename T> T f(); };',
      '1:12',
      'a member template (`template <...>` inside a class)',
    );
    unsupported(
      'struct S { int operator+(int x) { return x; } };',
      '1:16',
      'operator overloading (operator+)',
    );
  });

  it('reports switch, inline assembly and coroutines', () => {
    expect(errorsOf('void f(int x) { switch (x) { case 1: break; } }')[0]).toBe(
      '1:17 `switch` is not modelled by this simulator; write it with if/else',
    );
    unsupported('void f() { asm("nop"); }', '1:12', 'inline assembly');
    unsupported('int f() { co_return 1; }', '1:11', 'coroutines (`co_return`)');
  });

  it('keeps checking after an unsupported construct', () => {
    const errs = errorsOf('void f() { goto x; }\nvoid g() { int y = undefined_name; }');
    expect(errs).toEqual([
      '1:12 `goto` is not modelled by this simulator',
      "2:20 unknown name 'undefined_name'",
    ]);
  });
});

describe('warnings', () => {
  it('warns about the most vexing parse', () => {
    expect(messages('#include <array>\nvoid f() { std::array<double, 4> bar(); }', 'warning')[0]).toMatch(
      /^2:34 warning: 'bar\(\)' declares a function, not a variable/,
    );
  });
});

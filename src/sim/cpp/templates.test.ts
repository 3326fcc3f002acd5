/**
 * User function and class templates in the front end: instances are checked on use and get the
 * symbols g++ 12 gives them (fixtures/templates.nm.txt is `nm --defined-only` of
 * `g++ -std=gnu++17 -c fixtures/templates.cpp`); the learner's mistakes get g++'s diagnoses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, errorsOf, fn } from './test-helpers';

const dir = new URL('./fixtures/', import.meta.url);
const source = readFileSync(new URL('templates.cpp', dir), 'utf8');
const nm = readFileSync(new URL('templates.nm.txt', dir), 'utf8').split('\n').filter(Boolean);

function expectSymbols(src: string, expected: string[]) {
  const c = check(src);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ours = c.unit.functions.filter((f) => f.body).map((f) => f.symbol);
  expect([...ours].sort()).toEqual([...expected].sort());
}

function expectOneError(src: string, at: string, message: string) {
  const c = check(src);
  expect(c.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
    `error ${at} ${message}`,
  ]);
}

describe('template instances and their symbols', () => {
  it('instantiates what the calls use, with exactly the symbols g++ 12 emits', () => {
    expectSymbols(source, nm);
  });

  it('names each instance as g++ prints it', () => {
    const c = check(source);
    const names = c.unit.functions.map((f) => f.qualifiedName);
    for (const n of ['add<double>', 'add<int>', 'sum<double, 3>', 'times<3>', 'count<5>', 'ns::id<double>'])
      expect(names).toContain(n);
    expect(names).toContain('Buf<double, 4>::get');
    expect(names).toContain('ns::Pair<int>::both');
    expect(fn(c, 'add<double>').returnType).toEqual({ kind: 'float', name: 'double' });
  });

  it('instantiates each argument list once, however often it is used', () => {
    const c = check(
      'template <typename T> T twice(T x) { return x + x; }\n' +
        'double f(double a) { return twice(a) + twice(2.0) + twice<double>(a); }\n',
    );
    expect(c.unit.functions.filter((f) => f.qualifiedName === 'twice<double>')).toHaveLength(1);
  });

  it('lays a class template instance out like the class written by hand', () => {
    const c = check(
      'template <typename T, int N> struct Buf { T d[N]; int n; };\n' +
        'static_assert(sizeof(Buf<double, 4>) == 40);\nstatic_assert(sizeof(Buf<char, 3>) == 8);\n',
    );
    expect(c.diagnostics).toEqual([]);
  });

  it('uses a template parameter as a constant and the class name alone as the instance', () => {
    const c = check(
      'template <int N> struct Counter {\n  int n = N;\n  Counter next() const { Counter c; c.n = n + N; return c; }\n};\n' +
        'int f() { Counter<2> c; return c.next().n; }\n',
    );
    expect(c.diagnostics).toEqual([]);
    expect(fn(c, 'Counter<2>::next').symbol).toBe('_ZNK7CounterILi2EE4nextEv');
  });
});

describe("the learner's mistakes, as g++ 12 reports them", () => {
  it('deduced conflicting types (g++: "deduced conflicting types for parameter \'T\'")', () => {
    expect(
      errorsOf('template <typename T> T add(T a, T b) { return a + b; }\nint g() { return add(1, 2.0); }\n'),
    ).toEqual([
      "2:25 in the call of the template 'add': deduced conflicting types for the template parameter 'T' ('int' and 'double')",
    ]);
  });

  it("a parameter no argument deduces (g++: \"couldn't deduce template parameter 'T'\")", () => {
    expect(errorsOf('template <typename T> T make() { return T(); }\nint g() { return make(); }\n')).toEqual([
      "2:18 couldn't deduce the template parameter 'T' of 'make'",
    ]);
  });

  it('a template inside extern "C" (g++: "template with C linkage")', () => {
    expectOneError(
      'extern "C" { template <typename T> T f(T x) { return x; } }\n',
      '1:14',
      'a template cannot have C linkage: define it outside the extern "C" block',
    );
  });

  it('an unknown name in a template is reported once, however many instances there are', () => {
    expectOneError(
      'template <typename T> T f(T x) { return x + nothere; }\ndouble g() { return f(1) + f(2.0); }\n',
      '1:45',
      "unknown name 'nothere'",
    );
  });

  it('a template declared inside a function (g++: "cannot appear at block scope")', () => {
    expect(errorsOf('void f() {\n  template <typename T> T g(T y) { return y; }\n}\n')).toEqual([
      '2:3 a template cannot be declared inside a function; declare it at namespace scope',
    ]);
  });

  it('too many template arguments', () => {
    expect(
      errorsOf('template <typename T> T id(T x) { return x; }\nint g() { return id<int, int>(1); }\n'),
    ).toEqual(["2:18 too many template arguments for 'id' (it takes 1)"]);
  });
});

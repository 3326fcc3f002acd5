import { describe, expect, it } from 'vitest';
import { check, errorsOf, fn, localType, typeOf } from './test-helpers';

/** The type of the local `x` declared by `decl` (inside a function, after `prelude`). */
function typeOfDecl(decl: string, prelude = ''): string {
  const src = `${prelude}\nvoid __t() {\n${decl}\n}`;
  const errs = errorsOf(src);
  if (errs.length) return `error: ${errs.join('; ')}`;
  return localType(src, '__t', 'x');
}

describe('fundamental types in every spelling', () => {
  it.each([
    ['unsigned long long x;', 'unsigned long long'],
    ['long long unsigned int x;', 'unsigned long long'],
    ['long int x;', 'long'],
    ['signed x;', 'int'],
    ['unsigned x;', 'unsigned int'],
    ['short int x;', 'short'],
    ['unsigned short x;', 'unsigned short'],
    ['long double x;', 'long double'],
    ['signed char x;', 'signed char'],
    ['unsigned char x;', 'unsigned char'],
    ['char x;', 'char'],
    ['bool x;', 'bool'],
    ['wchar_t x;', 'wchar_t'],
    ['char16_t x;', 'char16_t'],
    ['char32_t x;', 'char32_t'],
    ['__int128 x;', '__int128'],
    ['unsigned __int128 x;', 'unsigned __int128'],
    ['float x;', 'float'],
  ])('%s is %s', (decl, type) => {
    expect(typeOfDecl(decl)).toBe(type);
  });

  it('rejects impossible combinations', () => {
    expect(errorsOf('void f() { unsigned double x; }')).toEqual(["1:12 invalid type 'unsigned double'"]);
    expect(errorsOf('void f() { long long long x; }')).toEqual(["1:12 'long long long' is too long for GCC"]);
    expect(errorsOf('void f() { signed unsigned x; }')).toEqual([
      "1:12 'signed' and 'unsigned' cannot be used together",
    ]);
  });
});

describe("glibc's fixed-width typedefs (LP64 Linux)", () => {
  it.each([
    ['size_t', 'unsigned long'],
    ['ssize_t', 'long'],
    ['ptrdiff_t', 'long'],
    ['int64_t', 'long'],
    ['uint64_t', 'unsigned long'],
    ['int32_t', 'int'],
    ['uint32_t', 'unsigned int'],
    ['int16_t', 'short'],
    ['uint8_t', 'unsigned char'],
    ['int8_t', 'signed char'],
    ['intptr_t', 'long'],
    ['int_fast32_t', 'long'],
    ['std::size_t', 'unsigned long'],
    ['std::int64_t', 'long'],
  ])('%s is %s', (name, type) => {
    expect(typeOfDecl(`${name} x = 0;`, '#include <cstdint>\n#include <cstddef>')).toBe(type);
  });
});

describe('compound types', () => {
  it('keeps const on the pointee', () => {
    expect(typeOfDecl('const double* x = nullptr;')).toBe('const double*');
    expect(typeOfDecl('double const* x = nullptr;')).toBe('const double*');
  });

  it('records top-level const on the variable, not the type', () => {
    const src = 'void f() { double* const x = nullptr; }';
    const v = fn(check(src), 'f').locals[0];
    expect(v?.const).toBe(true);
    expect(localType(src, 'f', 'x')).toBe('double*');
  });

  it('builds pointers to pointers with const at each level', () => {
    expect(typeOfDecl('int* const* x = nullptr;')).toBe('int* const*');
    expect(typeOfDecl('const int** x = nullptr;')).toBe('const int**');
  });

  it('reads references', () => {
    expect(typeOfDecl('int y = 1; int& x = y;')).toBe('int&');
    expect(typeOfDecl('int y = 1; const int& x = y;')).toBe('const int&');
    expect(typeOfDecl('int y = 1; int&& x = static_cast<int&&>(y);')).toBe('int&&');
  });

  it('reads arrays, also with a size from the initializer', () => {
    expect(typeOfDecl('int x[3];')).toBe('int[3]');
    expect(typeOfDecl('double x[2][3];')).toBe('double[2][3]');
    expect(typeOfDecl('int x[] = {1, 2, 3};')).toBe('int[3]');
    expect(typeOfDecl('char x[] = "hi";')).toBe('char[3]');
  });

  it('reads function pointers and pointers to arrays', () => {
    expect(typeOfDecl('int (*x)(double) = nullptr;')).toBe('int (*)(double)');
    expect(typeOfDecl('int (*x)[4] = nullptr;')).toBe('int (*)[4]');
    expect(typeOfDecl('int* x[4];')).toBe('int*[4]');
  });

  it('requires a constant array size', () => {
    expect(errorsOf('void f(int n) { int a[n]; }')).toEqual([
      '1:23 variable-length arrays are not modelled by this simulator; the size must be a constant',
    ]);
    expect(typeOfDecl('constexpr int N = 2 * 2; double x[N];')).toBe('double[4]');
  });
});

describe('standard library classes', () => {
  const prelude =
    '#include <array>\n#include <memory>\n#include <vector>\n#include <string>\n#include <optional>\n#include <complex>\n#include <tuple>';
  it.each([
    ['std::array<double, 4> x;', 'std::array<double, 4>'],
    ['std::shared_ptr<std::array<double, 4>> x;', 'std::shared_ptr<std::array<double, 4>>'],
    ['std::unique_ptr<double> x;', 'std::unique_ptr<double>'],
    ['std::unique_ptr<double[]> x;', 'std::unique_ptr<double[]>'],
    ['std::vector<int> x;', 'std::vector<int>'],
    ['std::string* x;', 'std::string*'],
    ['std::pair<int, double> x;', 'std::pair<int, double>'],
    ['std::tuple<int, double> x;', 'std::tuple<int, double>'],
    ['std::optional<double> x;', 'std::optional<double>'],
    ['std::complex<float> x;', 'std::complex<float>'],
  ])('%s', (decl, type) => {
    expect(typeOfDecl(decl, prelude)).toBe(type);
  });

  it('finds std names unqualified after using namespace std', () => {
    expect(typeOfDecl('array<double, 2> x;', '#include <array>\nusing namespace std;')).toBe(
      'std::array<double, 2>',
    );
  });

  it('takes template arguments from constants', () => {
    expect(typeOfDecl('std::array<double, N> x;', '#include <array>\nconstexpr int N = 3;')).toBe(
      'std::array<double, 3>',
    );
  });

  it('reports standard classes it does not model', () => {
    expect(errorsOf('#include <map>\nstd::map<int, int> m;')).toEqual([
      "2:6 'std::map' is not modelled by this simulator",
    ]);
  });

  it('reports a std::array written without a size', () => {
    expect(errorsOf('#include <array>\nstd::array<double> a;')).toEqual([
      '2:6 std::array takes an element type and a size, as in std::array<double, 4>',
    ]);
  });

  it('reports std names without std:: when there is no using-directive', () => {
    expect(errorsOf('#include <array>\narray<double, 4> a;')[0]).toMatch(/^2:1 /);
  });
});

describe('unknown types', () => {
  it('reports the unknown name where it is written', () => {
    expect(errorsOf('Foo make();')).toEqual(["1:1 unknown type 'Foo'"]);
    expect(errorsOf('void f() {\n  Foo bar;\n}')).toEqual(["2:3 unknown type 'Foo'"]);
    expect(errorsOf('void f(Foo* p);')).toEqual(["1:8 unknown type 'Foo'"]);
  });
});

describe('auto', () => {
  const prelude = '#include <array>\n#include <memory>';
  it('deduces from the initializer, decaying arrays and dropping const', () => {
    expect(typeOfDecl('auto x = 1.5;')).toBe('double');
    expect(typeOfDecl('auto x = 1.5f;')).toBe('float');
    expect(typeOfDecl('const int c = 1; auto x = c;')).toBe('int');
    expect(typeOfDecl('int a[3] = {}; auto x = a;')).toBe('int*');
    expect(typeOfDecl('auto x = "hi";')).toBe('const char*');
  });

  it('deduces references and pointers', () => {
    expect(typeOfDecl('int y = 1; auto& x = y;')).toBe('int&');
    expect(typeOfDecl('const int y = 1; auto& x = y;')).toBe('const int&');
    expect(typeOfDecl('int y = 1; auto* x = &y;')).toBe('int*');
  });

  it('deduces library types', () => {
    expect(typeOfDecl('std::array<double, 4> bar{}; auto x = bar.data();', prelude)).toBe('double*');
    expect(typeOfDecl('auto x = std::make_shared<std::array<double, 4>>();', prelude)).toBe(
      'std::shared_ptr<std::array<double, 4>>',
    );
  });

  it('needs an initializer', () => {
    expect(errorsOf('void f() { auto x; }')).toEqual([
      "1:17 'x' is declared 'auto' but has no initializer to deduce its type from",
    ]);
  });
});

describe('literals', () => {
  it.each([
    ['42', 'int'],
    ['2147483648', 'long'],
    ['0xFFFFFFFF', 'unsigned int'],
    ['4u', 'unsigned int'],
    ['4ul', 'unsigned long'],
    ['4ll', 'long long'],
    ["'a'", 'char'],
    ['1.5', 'double'],
    ['1.5f', 'float'],
    ['1e6', 'double'],
    ['true', 'bool'],
    ['"abc"', 'char[4]'],
    ['nullptr', 'void*'],
  ])('%s has type %s', (lit, type) => {
    expect(typeOf('', lit)).toBe(type);
  });
});

describe('enums', () => {
  it('numbers enumerators and picks the underlying type', () => {
    const c = check('enum Color { Red, Green = 5, Blue };\nenum class E8 : unsigned char { A, B };');
    expect(c.unit.enums.map((e) => [e.name, e.enumerators.map((x) => `${x.name}=${x.value}`)])).toEqual([
      ['Color', ['Red=0', 'Green=5', 'Blue=6']],
      ['E8', ['A=0', 'B=1']],
    ]);
    expect(c.unit.enums[1]?.type).toMatchObject({ kind: 'enum', underlying: { name: 'unsigned char' } });
  });

  it('lets unscoped enumerators convert to int but not scoped ones', () => {
    expect(typeOf('', 'Red + 1', 'enum Color { Red };')).toBe('int');
    expect(errorsOf('enum class E { A };\nint f() { return E::A; }')).toEqual([
      "2:18 cannot convert 'E' to 'int' in the return value of 'f'",
    ]);
    expect(typeOf('', 'static_cast<int>(E::A)', 'enum class E { A };')).toBe('int');
  });
});

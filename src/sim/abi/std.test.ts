import { describe, expect, it } from 'vitest';
import { arrayOf, floatType } from './build.ts';
import type { Target } from './ctype.ts';
import { T } from './fixtures/typeKit.ts';
import { layoutOf, memberAt } from './layout.ts';
import { stdType } from './std.ts';
import { isTrivialForCalls, nonTrivialReason } from './trivial.ts';
import { typeToString } from './typeToString.ts';

const expectLayout = (type: string, target: Target = 'x86_64') => {
  const l = layoutOf(T(type), target);
  return expect([l.size, l.align]);
};
const expectTrivialForCalls = (type: string) => expect(isTrivialForCalls(T(type)));
const offset = (type: string, path: string, target: Target = 'x86_64') =>
  memberAt(T(type), path, target)?.offset;

describe('standard library types, as libstdc++ 12 declares them', () => {
  it('std::array<T, N> is `T _M_elems[N]`, and an empty struct for N = 0', () => {
    expectLayout('std::array<double, 4>').toEqual([32, 8]);
    expect(offset('std::array<double, 4>', '_M_elems[3]')).toBe(24);
    expectLayout('std::array<double, 0>').toEqual([1, 1]);
    expectTrivialForCalls('std::array<double, 4>').toBe(true);
    expectTrivialForCalls('std::array<std::string, 2>').toBe(false);
  });
  it('std::pair keeps declaration order and its `= default` copy and move constructors', () => {
    expect([offset('std::pair<int, double>', 'first'), offset('std::pair<int, double>', 'second')]).toEqual([
      0, 8,
    ]);
    expectTrivialForCalls('std::pair<int, double>').toBe(true);
  });
  it('std::tuple stores its elements in reverse and is not trivial for calls', () => {
    const t = 'std::tuple<char, int, double>';
    expect(
      [0, 1, 2].map((i) => offset(t, `_Head_base<${i}, ${['char', 'int', 'double'][i]}>::_M_head_impl`)),
    ).toEqual([12, 8, 0]);
    expectLayout(t).toEqual([16, 8]);
    expectTrivialForCalls('std::tuple<int, int>').toBe(false);
    expect(nonTrivialReason(T('std::tuple<int, int>'))).toMatch(
      /std::_Tuple_impl<1, int>` declares a user-provided move/,
    );
  });
  it('std::optional<T> is the value then `_M_engaged`; trivial exactly when T is', () => {
    expect(offset('std::optional<double>', '_M_payload._M_engaged')).toBe(8);
    expectLayout('std::optional<int>').toEqual([8, 4]);
    expectTrivialForCalls('std::optional<double>').toBe(true);
    expectTrivialForCalls('std::optional<std::string>').toBe(false);
    expectTrivialForCalls('std::optional<std::unique_ptr<double>>').toBe(false);
  });
  it('std::complex<F> wraps one `_Complex F`', () => {
    expect(layoutOf(T('std::complex<float>'), 'x86_64').cells.map((c) => c.path)).toEqual([
      '_M_value.real',
      '_M_value.imag',
    ]);
    expectLayout('std::complex<long double>', 'aarch64').toEqual([32, 16]);
    expect(() => stdType('complex', [T('int')])).toThrow(/only float, double and long double/);
  });
  it('std::string_view is length then pointer; std::string is 32 bytes with a 16-byte local buffer', () => {
    expect([offset('std::string_view', '_M_len'), offset('std::string_view', '_M_str')]).toEqual([0, 8]);
    expectTrivialForCalls('std::string_view').toBe(true);
    expectLayout('std::string').toEqual([32, 8]);
    expect(offset('std::string', '_M_allocated_capacity')).toBe(16);
    expectTrivialForCalls('std::string').toBe(false);
  });
  it('std::vector is three pointers, with user-provided copy constructor and destructor', () => {
    expectLayout('std::vector<double>').toEqual([24, 8]);
    expect(offset('std::vector<double>', '_M_impl._M_end_of_storage')).toBe(16);
    expect(nonTrivialReason(T('std::vector<double>'))).toMatch(/user-provided copy constructor/);
  });
  it('std::unique_ptr is one pointer (empty deleter) with a user-provided destructor', () => {
    expectLayout('std::unique_ptr<double>').toEqual([8, 8]);
    expectLayout('std::unique_ptr<double[]>').toEqual([8, 8]);
    expect(nonTrivialReason(T('std::unique_ptr<double>'))).toMatch(/user-provided destructor/);
    expect(typeToString(stdType('unique_ptr', [arrayOf(floatType('double'), 0)]))).toBe(
      'std::unique_ptr<double[]>',
    );
  });
  it('std::shared_ptr is the object pointer and the control-block pointer; its defaulted copy is non-trivial', () => {
    const sp = 'std::shared_ptr<std::array<double, 4>>';
    expectLayout(sp).toEqual([16, 8]);
    expect(layoutOf(T(sp), 'x86_64').cells.map((c) => c.path)).toEqual(['_M_ptr', '_M_refcount._M_pi']);
    expect(nonTrivialReason(T(sp))).toMatch(/__shared_count<>` declares a user-provided copy constructor/);
  });
  it('the make_shared control block is vptr, counts, then the object', () => {
    const cb = stdType('control_block', [T('std::array<double, 4>')]);
    const l = layoutOf(cb, 'aarch64');
    expect([l.size, l.align]).toEqual([48, 8]);
    expect(l.cells.slice(0, 4).map((c) => `${c.path}@${c.offset}`)).toEqual([
      '_vptr@0',
      '_M_use_count@8',
      '_M_weak_count@12',
      '_M_impl._M_storage._M_elems[0]@16',
    ]);
    expect(cb.decl.std).toEqual({ kind: 'control_block', args: [T('std::array<double, 4>')] });
  });
  it('names read as a learner writes them', () => {
    expect(typeToString(T('std::shared_ptr<std::array<double, 4>>'))).toBe(
      'std::shared_ptr<std::array<double, 4>>',
    );
    expect(typeToString(T('std::pair<int, double>'))).toBe('std::pair<int, double>');
    expect(typeToString(T('std::string'))).toBe('std::string');
  });
  it('reject missing template arguments with a sentence', () => {
    expect(() => stdType('array', [floatType('double')])).toThrow(
      /non-negative integer as template argument 2/,
    );
    expect(() => stdType('vector', [])).toThrow(/needs a type/);
  });
});

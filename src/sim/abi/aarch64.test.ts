import { describe, expect, it } from 'vitest';
import { hfaOf } from './aarch64.ts';
import { classifyArgs, classifyReturn } from './classify.ts';
import { describeArg, T } from './fixtures/typeKit.ts';

/** `expectReturn('std::array<double, 4>').toBe('d0-d3')` on AArch64. */
const expectReturn = (type: string, decls?: string) =>
  expect(classifyReturn(T(type, decls), 'aarch64').convention);
const expectHfa = (type: string, decls?: string) => expect(hfaOf(T(type, decls)));
const args = (types: string[]): string[] =>
  classifyArgs(
    types.map((t) => T(t)),
    'aarch64',
    { indirectResult: false },
  ).map(describeArg);

describe('AArch64 homogeneous floating-point aggregates', () => {
  it('are 1 to 4 members of one floating-point type with no padding', () => {
    expectHfa('std::array<double, 4>').toEqual({ base: 'double', count: 4 });
    expectHfa('F4').toEqual({ base: 'float', count: 4 });
    expectHfa('std::complex<long double>').toEqual({ base: 'long double', count: 2 });
    expectHfa('ArrayOfStructs').toEqual({ base: 'double', count: 4 });
    expectHfa('UDoubleArr').toEqual({ base: 'double', count: 2 });
  });
  it('are not: mixed types, more than 4, padding, integers, scalars', () => {
    expectHfa('HfaMixed').toBe(null);
    expectHfa('std::array<double, 5>').toBe(null);
    expectHfa('Aligned16').toBe(null);
    expectHfa('DoubleInt').toBe(null);
    expectHfa('UFloatDouble').toBe(null);
    expectHfa('double').toBe(null);
  });
  it('ignore empty bases (the std::pair of two doubles is one)', () => {
    expectHfa('std::pair<double, double>').toEqual({ base: 'double', count: 2 });
    expectHfa('EmptyBaseD').toEqual({ base: 'double', count: 1 });
  });
});

describe('AArch64 returns', () => {
  it('std::array<double, 4> comes back in d0-d3: the same Codon code fails differently here', () => {
    const r = classifyReturn(T('std::array<double, 4>'), 'aarch64');
    expect([r.convention, r.indirect]).toEqual(['d0-d3', false]);
    expect(r.parts.map((p) => `${p.reg}@${p.offset}`)).toEqual(['v0@0', 'v1@8', 'v2@16', 'v3@24']);
  });
  it('uses s/d/q registers by the HFA base type', () => {
    expectReturn('F4').toBe('s0-s3');
    expectReturn('std::complex<long double>').toBe('q0-q1');
    expectReturn('long double').toBe('q0');
    expectReturn('float').toBe('s0');
    expectReturn('D3').toBe('d0-d2');
  });
  it('other composites up to 16 bytes come back in x0/x1', () => {
    expectReturn('std::pair<int, double>').toBe('x0:x1');
    expectReturn('Chars3').toBe('x0');
    expectReturn('PackedCD').toBe('x0:x1');
    expectReturn('__int128').toBe('x0:x1');
    expectReturn('Empty').toBe('x0');
  });
  it('larger ones, and non-trivial ones, go through memory whose address is in x8', () => {
    expectReturn('std::array<double, 5>').toBe('x8-indirect');
    expectReturn('std::shared_ptr<std::array<double, 4>>').toBe('x8-indirect');
    expectReturn('std::tuple<double, double, double>').toBe('x8-indirect');
    expect(classifyReturn(T('Outer'), 'aarch64').indirect).toBe(true);
  });
});

describe('AArch64 arguments', () => {
  it('integers in x0-x7, floating point and HFA members in v0-v7, one member per register', () => {
    expect(args(['int', 'double', 'F4', 'long'])).toEqual(['x0', 'v0', 'v1+v2+v3+v4', 'x1']);
  });
  it('an HFA that does not fit goes to the stack and closes the v registers', () => {
    expect(args(['double', 'double', 'double', 'double', 'double', 'double', 'D3', 'double'])).toEqual([
      'v0',
      'v1',
      'v2',
      'v3',
      'v4',
      'v5',
      'stack@0/24',
      'stack@24/8',
    ]);
  });
  it('a 16-byte-aligned value starts at an even x register; alignas on the class does not count', () => {
    expect(args(['int', '__int128', 'int'])).toEqual(['x0', 'x2+x3', 'x4']);
    expect(args(['int', 'Int128S'])).toEqual(['x0', 'x2+x3']);
    expect(args(['int', 'Aligned16'])).toEqual(['x0', 'x1+x2']);
  });
  it('composites over 16 bytes and non-trivial classes are passed as a pointer to a copy', () => {
    expect(args(['int', 'std::array<double, 5>', 'std::string'])).toEqual(['x0', '*x1', '*x2']);
  });
  it('a composite that does not fit in the x registers left goes to the stack (8-byte slots)', () => {
    expect(
      args(['long', 'long', 'long', 'long', 'long', 'long', 'long', 'std::pair<long, long>', 'char']),
    ).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'stack@0/16', 'stack@16/1']);
  });
  it('an empty class takes an x register', () => {
    expect(args(['Empty', 'int'])).toEqual(['x0', 'x1']);
  });
});

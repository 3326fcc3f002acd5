import { describe, expect, it } from 'vitest';
import { arrayOf, complexType, field, floatType, intType, record } from './build.ts';
import { classifyArgs, classifyReturn } from './classify.ts';
import type { CType } from './ctype.ts';
import { describeArg, T } from './fixtures/typeKit.ts';
import { classifyEightbytes, mergeClasses } from './x86_64.ts';

/** `expectReturn('std::array<double, 4>').toBe('sret')` on x86-64. */
const expectReturn = (type: string, decls?: string) =>
  expect(classifyReturn(T(type, decls), 'x86_64').convention);
const expectEightbytes = (type: string, decls?: string) => expect(classifyEightbytes(T(type, decls)));
/** Argument locations as short strings: `rdi`, `xmm0+xmm1`, `stack@8/16`, `*rsi`. */
const args = (types: string[], indirectResult = false): string[] =>
  classifyArgs(
    types.map((t) => T(t)),
    'x86_64',
    { indirectResult },
  ).map(describeArg);

describe('x86-64 eightbyte classification (psABI 3.2.3)', () => {
  it('merges classes within an eightbyte: INTEGER wins over SSE', () => {
    expect(mergeClasses('NO_CLASS', 'SSE')).toBe('SSE');
    expect(mergeClasses('SSE', 'INTEGER')).toBe('INTEGER');
    expect(mergeClasses('X87', 'SSE')).toBe('MEMORY');
    expectEightbytes('FloatInt').toEqual(['INTEGER']);
    expectEightbytes('IntFloatDouble').toEqual(['INTEGER', 'SSE']);
  });
  it('two floats share one SSE eightbyte', () => {
    expectEightbytes('Fxyz').toEqual(['SSE', 'SSE']);
    expectEightbytes('std::complex<float>').toEqual(['SSE']);
  });
  it('anything over 16 bytes that is not one wide vector is MEMORY', () => {
    expectEightbytes('D3').toEqual(['MEMORY', 'MEMORY', 'MEMORY']);
    expectEightbytes('std::array<double, 4>').toEqual(['MEMORY', 'MEMORY', 'MEMORY', 'MEMORY']);
  });
  it('vectors are SSE+SSEUP; long double is X87+X87UP; __int128 is two INTEGERs', () => {
    expectEightbytes('M128S').toEqual(['SSE', 'SSEUP']);
    expectEightbytes('LongDoubleS').toEqual(['X87', 'X87UP']);
    expectEightbytes('Int128S').toEqual(['INTEGER', 'INTEGER']);
  });
  it('x87 classes meeting SSE are MEMORY; X87UP not preceded by X87 is MEMORY too', () => {
    expectEightbytes('U', 'union U { long double l; Dxy d; };').toEqual(['MEMORY', 'MEMORY']);
    // INTEGER wins the first eightbyte, leaving an X87UP without its X87 (g++: "changed in GCC 4.4").
    expectEightbytes('ULongDoubleInt').toEqual(['MEMORY', 'MEMORY']);
    expectEightbytes('U2', 'union U2 { long double l; char c[16]; };').toEqual(['INTEGER', 'INTEGER']);
  });
  it('a misaligned (packed) member makes it MEMORY; bit-fields are INTEGER wherever they fall', () => {
    expectEightbytes('PackedCD').toEqual(['MEMORY', 'MEMORY']);
    expectEightbytes('PackedII').toEqual(['INTEGER']);
    expectEightbytes('Bits2').toEqual(['INTEGER', 'INTEGER']);
  });
  it('an eightbyte with no data is NO_CLASS', () => {
    expectEightbytes('EmptyMemberD').toEqual(['NO_CLASS', 'SSE']);
    expectEightbytes('Aligned16').toEqual(['SSE', 'NO_CLASS']);
    expectEightbytes('Empty').toEqual(['NO_CLASS']);
  });
  it('a class non-trivial for calls is MEMORY whatever its size', () => {
    expectEightbytes('UserMove').toEqual(['MEMORY']);
    expectEightbytes('std::unique_ptr<double>').toEqual(['MEMORY']);
  });
  it('a bare _Complex long double is COMPLEX_X87 (returned in st0 and st1)', () => {
    expect(classifyEightbytes(complexType('long double'))).toEqual(['COMPLEX_X87']);
    expect(classifyEightbytes(complexType('long double'), true)).toEqual([
      'MEMORY',
      'MEMORY',
      'MEMORY',
      'MEMORY',
    ]);
  });
});

describe('x86-64 returns', () => {
  it('std::array<double, 4> comes back through the hidden pointer in %rdi (the bug)', () => {
    const r = classifyReturn(T('std::array<double, 4>'), 'x86_64');
    expect([r.convention, r.indirect, r.parts]).toEqual(['sret', true, []]);
  });
  it('small aggregates come back in rax/rdx and xmm0/xmm1, in eightbyte order', () => {
    expectReturn('std::array<double, 2>').toBe('xmm0:xmm1');
    expectReturn('std::pair<int, double>').toBe('rax+xmm0');
    expectReturn('std::optional<double>').toBe('xmm0+rax');
    expectReturn('std::string_view').toBe('rax:rdx');
    expectReturn('Chars3').toBe('rax');
  });
  it('says which bytes go in which register (two floats share the low 8 bytes of xmm0)', () => {
    expect(classifyReturn(T('Fxyz'), 'x86_64').parts).toEqual([
      { reg: 'xmm0', offset: 0, size: 8, regOffset: 0 },
      { reg: 'xmm1', offset: 8, size: 4, regOffset: 0 },
    ]);
    expect(classifyReturn(T('EmptyMemberD'), 'x86_64').parts).toEqual([
      { reg: 'xmm0', offset: 8, size: 8, regOffset: 0 },
    ]);
    expect(classifyReturn(T('__m128'), 'x86_64').parts).toEqual([
      { reg: 'xmm0', offset: 0, size: 16, regOffset: 0 },
    ]);
  });
  it('long double uses the x87 stack; an empty class returns nothing', () => {
    expect(classifyReturn(T('long double'), 'x86_64')).toMatchObject({ convention: 'x87', x87: true });
    expect(classifyReturn(complexType('long double'), 'x86_64').parts.map((p) => p.reg)).toEqual([
      'st0',
      'st1',
    ]);
    expectReturn('Empty').toBe('void');
    expectReturn('void').toBe('void');
  });
  it('non-trivial classes use sret even when tiny: shared_ptr, unique_ptr, tuple', () => {
    expectReturn('std::shared_ptr<std::array<double, 4>>').toBe('sret');
    expectReturn('std::unique_ptr<double>').toBe('sret');
    expectReturn('std::tuple<int, int>').toBe('sret');
    expectReturn('WithDtor').toBe('sret');
    expectReturn('DefaultedDtor').toBe('xmm0:xmm1');
  });
  it('references come back as pointers', () => {
    expectReturn('double&').toBe('rax');
  });
});

describe('x86-64 arguments', () => {
  it('INTEGER in rdi, rsi, rdx, rcx, r8, r9 and SSE in xmm0-7, independently', () => {
    expect(args(['int', 'double', 'long', 'Dxy', 'std::pair<int, double>'])).toEqual([
      'rdi',
      'xmm0',
      'rsi',
      'xmm1+xmm2',
      'rdx+xmm3',
    ]);
  });
  it('the hidden result pointer takes rdi', () => {
    expect(args(['long', 'long'], true)).toEqual(['rsi', 'rdx']);
  });
  it('an aggregate that does not fit in the registers left goes whole to the stack, the rest still use registers', () => {
    expect(args(['long', 'long', 'long', 'long', 'long', 'std::pair<long, long>', 'long'])).toEqual([
      'rdi',
      'rsi',
      'rdx',
      'rcx',
      'r8',
      'stack@0/16',
      'r9',
    ]);
  });
  it('MEMORY values are copied to the stack, aligned; non-trivial ones are passed by pointer', () => {
    expect(args(['std::array<double, 4>', 'long double', 'int', 'std::string'])).toEqual([
      'stack@0/32',
      'stack@32/16',
      'rdi',
      '*rsi',
    ]);
    expect(args(['int', 'long double'])).toEqual(['rdi', 'stack@0/16']);
  });
  it('an empty class takes no register', () => {
    expect(args(['Empty', 'int'])).toEqual(['(nothing)', 'rdi']);
  });
  it('classifies arrays inside classes element by element', () => {
    const t: CType = record({
      name: 'IA',
      fields: [field('a', arrayOf(intType('int'), 3)), field('f', floatType('float'))],
    });
    expect(classifyEightbytes(t)).toEqual(['INTEGER', 'INTEGER']);
  });
});

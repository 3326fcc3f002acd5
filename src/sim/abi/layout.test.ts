import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayOf, field, floatType, intType, pointerTo, record, voidType } from './build.ts';
import type { CType, IntName, Target } from './ctype.ts';
import { T } from './fixtures/typeKit.ts';
import { layoutOf, memberAt, type Cell } from './layout.ts';

/** `expectLayout('Dxy', 'x86_64').toEqual([16, 8])`: size and alignment. */
const expectLayout = (type: string, target: Target, decls?: string) => {
  const l = layoutOf(T(type, decls), target);
  return expect([l.size, l.align]);
};
/** The cells as `path@offset+size:kind` strings, padding included. */
const cellsOf = (type: string, target: Target, decls?: string): string[] =>
  layoutOf(T(type, decls), target).cells.map(
    (c) =>
      `${c.path}@${c.offset}+${c.size}:${c.kind}${c.bitWidth !== undefined ? `<${c.bitOffset},${c.bitWidth}>` : ''}`,
  );
const expectOffset = (type: string, path: string, target: Target, decls?: string) =>
  expect(memberAt(T(type, decls), path, target)?.offset);

describe('fundamental types', () => {
  it('have the LP64 sizes on both targets', () => {
    for (const target of ['x86_64', 'aarch64'] as const) {
      expectLayout('bool', target).toEqual([1, 1]);
      expectLayout('short', target).toEqual([2, 2]);
      expectLayout('int', target).toEqual([4, 4]);
      expectLayout('long', target).toEqual([8, 8]);
      expectLayout('__int128', target).toEqual([16, 16]);
      expectLayout('double', target).toEqual([8, 8]);
      expectLayout('long double', target).toEqual([16, 16]);
      expectLayout('const char*', target).toEqual([8, 8]);
    }
  });
  it('long double holds 10 value bytes on x86-64 (x87) but 16 on AArch64 (IEEE quad)', () => {
    expect(cellsOf('long double', 'x86_64')).toEqual(['@0+10:float', '(padding)@10+6:padding']);
    expect(cellsOf('long double', 'aarch64')).toEqual(['@0+16:float']);
  });
  it('plain char is signed on x86-64 and unsigned on AArch64', () => {
    expect(cellsOf('char', 'x86_64')).toEqual(['@0+1:int']);
    expect(cellsOf('char', 'aarch64')).toEqual(['@0+1:uint']);
    expect(cellsOf('wchar_t', 'aarch64')).toEqual(['@0+4:uint']);
  });
  it('references are stored as pointers; enums as their underlying type', () => {
    expect(cellsOf('RefMember', 'x86_64')).toEqual(['r@0+8:pointer']);
    expectLayout('Small', 'x86_64').toEqual([1, 1]);
    expect(cellsOf('Big', 'aarch64')).toEqual(['@0+8:int']);
  });
  it('__m128 exists only on x86-64', () => {
    expect(cellsOf('__m128d', 'x86_64')).toEqual(['[0]@0+8:float', '[1]@8+8:float']);
    expect(() => layoutOf(T('__m128d'), 'aarch64')).toThrow(/does not exist on AArch64/);
  });
  it('void, functions and incomplete classes have no layout', () => {
    expect(() => layoutOf(voidType(), 'x86_64')).toThrow(/no size/);
    expect(() => layoutOf(record({ name: 'Fwd', incomplete: true }), 'x86_64')).toThrow(/incomplete/);
  });
});

describe('classes', () => {
  it('pad members to their alignment and the end to the class alignment', () => {
    expect(cellsOf('DoubleInt', 'x86_64')).toEqual(['a@0+8:float', 'b@8+4:int', '(padding)@12+4:padding']);
    expectLayout('Fxyz', 'aarch64').toEqual([12, 4]);
    expectOffset('ArrayOfStructs', 'p[1].y', 'x86_64').toBe(24);
  });
  it('packed classes have alignment 1 and no padding', () => {
    expectLayout('PackedCD', 'x86_64').toEqual([9, 1]);
    expect(cellsOf('PackedCD', 'aarch64')).toEqual(['c@0+1:uint', 'd@1+8:float']);
  });
  it('alignas raises the alignment and rounds the size', () => {
    expect(cellsOf('Aligned16', 'x86_64')).toEqual(['x@0+8:float', '(padding)@8+8:padding']);
  });
  it('an empty class takes one byte; an empty base takes none', () => {
    expectLayout('Empty', 'x86_64').toEqual([1, 1]);
    expectLayout('EmptyBaseD', 'x86_64').toEqual([8, 8]);
    expectOffset('EmptyMemberD', 'x', 'aarch64').toBe(8);
  });
  it('two subobjects of one empty type never share an address', () => {
    expectOffset('EboConflict', 'e', 'x86_64').toBe(1);
    expectOffset('EboConflict', 'x', 'x86_64').toBe(4);
  });
  it('a derived class reuses the tail padding of a non-POD base only', () => {
    expectOffset('TailReuse', 'c', 'x86_64').toBe(5);
    expectOffset('NoReuseDefaulted', 'c', 'x86_64').toBe(8);
    expectOffset('RefDerived', 'd', 'aarch64').toBe(9);
  });
  it('bases come first, in declaration order; their members keep their names', () => {
    expect(cellsOf('TwoBases', 'x86_64')).toEqual(['a@0+4:int', 'x@4+4:int', 'z@8+4:int']);
  });
  it('virtual functions put a vptr at offset 0, shared with a polymorphic primary base', () => {
    expect(cellsOf('Virt', 'x86_64')).toEqual(['_vptr@0+8:vptr', 'x@8+8:float']);
    expect(layoutOf(T('DerivedVirt'), 'x86_64').vptrOffset).toBe(null);
    expect(cellsOf('DerivedVirt', 'x86_64')[0]).toBe('_vptr@0+8:vptr');
  });
  it('a virtual base goes after the non-virtual part, with a vptr at 0', () => {
    expect(cellsOf('VDerived', 'x86_64')).toEqual(['_vptr@0+8:vptr', 'y@8+4:int', 'x@12+4:int']);
  });
  it('union members overlap at offset 0', () => {
    expect(cellsOf('UIntFloat', 'x86_64')).toEqual(['i@0+4:int', 'f@0+4:float']);
    expectLayout('UDoubleArr', 'aarch64').toEqual([16, 8]);
  });
  it('ambiguous member names are qualified with the class that declares them', () => {
    expect(cellsOf('std::tuple<int, double>', 'x86_64')).toEqual([
      '_Head_base<1, double>::_M_head_impl@0+8:float',
      '_Head_base<0, int>::_M_head_impl@8+4:int',
      '(padding)@12+4:padding',
    ]);
  });
});

describe('bit-fields', () => {
  it('pack into their declared type and do not straddle its alignment', () => {
    expect(cellsOf('Bits', 'x86_64')).toEqual(['a@0+1:int<0,3>', 'b@0+1:int<3,5>', '(padding)@1+3:padding']);
    expect(cellsOf('Bits2', 'aarch64')).toEqual([
      'a@0+1:uint',
      '(padding)@1+3:padding',
      'b@4+4:int<0,30>',
      'c@8+1:int<0,4>',
      '(padding)@9+3:padding',
    ]);
  });
  it('unnamed ones align the class on AArch64 only', () => {
    expectLayout('BitsUnnamed', 'x86_64').toEqual([3, 1]);
    expectLayout('BitsUnnamed', 'aarch64').toEqual([4, 4]);
    expectLayout('BitsZero', 'x86_64').toEqual([5, 1]);
    expectLayout('BitsZero', 'aarch64').toEqual([8, 4]);
  });
  it('in a packed class they pack at the next bit', () => {
    expectLayout(
      'P',
      'x86_64',
      'struct __attribute__((packed)) P { char a; int b : 30; int c : 4; };',
    ).toEqual([6, 1]);
  });
  it('reports a bit-field wider than its type', () => {
    expect(() => layoutOf(T('W', 'struct W { char c : 9; };'), 'x86_64')).toThrow(/wider/);
  });
});

describe('memberAt', () => {
  it('follows members, bases, anonymous unions and array indices', () => {
    expectOffset('std::string', '_M_local_buf[3]', 'x86_64').toBe(19);
    expectOffset('std::vector<double>', '_M_impl._M_finish', 'x86_64').toBe(8);
    expectOffset('std::tuple<char, int, double>', '_Head_base<0, char>::_M_head_impl', 'aarch64').toBe(12);
    expect(memberAt(T('Dxy'), 'z', 'x86_64')).toBe(null);
    expect(memberAt(T('Bits'), 'b', 'x86_64')).toMatchObject({ offset: 0, bitOffset: 3, bitWidth: 5 });
  });
});

describe('cells (property)', () => {
  const scalars: CType[] = (['char', 'short', 'int', 'long', '__int128'] as IntName[])
    .map((n) => intType(n) as CType)
    .concat([floatType('float'), floatType('double'), floatType('long double'), pointerTo(intType('char'))]);
  const member = fc.oneof(
    fc.constantFrom(...scalars),
    fc
      .record({ el: fc.constantFrom(...scalars), n: fc.integer({ min: 1, max: 4 }) })
      .map(({ el, n }) => arrayOf(el, n)),
  );
  it('cover every byte of a class exactly once and stay inside it', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 0, maxLength: 6 }), fc.boolean(), (types, packed) => {
        const t = record({ name: 'R', fields: types.map((ty, i) => field(`m${i}`, ty)), packed });
        for (const target of ['x86_64', 'aarch64'] as const) {
          const l = layoutOf(t, target);
          const hits = new Array<number>(l.size).fill(0);
          const valueOnly = (c: Cell): boolean => c.kind !== 'padding';
          for (const c of l.cells) {
            expect(c.offset + c.size).toBeLessThanOrEqual(l.size);
            for (let i = c.offset; i < c.offset + c.size; i++) hits[i] = (hits[i] ?? 0) + 1;
            if (valueOnly(c) && c.type)
              expect(c.offset % Math.min(packed ? 1 : 16, layoutOf(c.type, target).align)).toBe(0);
          }
          expect(hits.every((h) => h === 1)).toBe(true);
          expect(l.size % l.align).toBe(0);
        }
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { CImport } from './ast';
import {
  LIST_DEFAULT_CAPACITY,
  LIST_OBJECT,
  alignOf,
  isAtomic,
  listGrowCapacity,
  listLiteralCapacity,
  listRepeatCapacity,
  sizeOf,
  structLayout,
} from './layout';
import { dlsymError, lowerCImport } from './lower';
import { expectClean } from './test-helpers';
import { BOOL, FLOAT, FLOAT32, INT, listOf, ptrOf } from './types';

/** The lowered signatures of a program's C imports. */
function lowered(src: string) {
  return expectClean(src)
    .body.filter((s): s is CImport => s.kind === 'cimport')
    .map(lowerCImport);
}

describe('lowerCImport: the plain LLVM signature Codon emits (no C-ABI lowering)', () => {
  it('lowers the original bug: no hidden pointer, the result read as a pointer', () => {
    expect(lowered('LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.foo() -> Ptr[float]')).toEqual([
      { symbol: 'foo', library: './libfoo.so', name: 'foo', params: [], ret: 'ptr' },
    ]);
  });

  it('lowers fix (b): an out-parameter, nothing returned', () => {
    expect(lowered('LIB = "./libfoo.so"\nfrom C import LIB.foo(Ptr[float]) -> None')[0]).toMatchObject({
      params: ['ptr'],
      ret: 'void',
    });
  });

  it('lowers a @tuple return to a first-class struct of its fields', () => {
    const [two, four] = lowered(`
      @tuple
      class D2:
          a: float
          b: float
      @tuple
      class F4:
          a: float32
          b: float32
          c: float32
          d: float32
      from C import two() -> D2
      from C import four() -> F4
    `);
    expect(two?.ret).toEqual({ struct: ['double', 'double'] });
    expect(four?.ret).toEqual({ struct: ['float', 'float', 'float', 'float'] });
    expect(two?.library).toBeNull();
  });

  it('maps each modelled type as getLLVMType does', () => {
    const [f] = lowered('from C import f(int, float, float32, bool, cobj, List[float], str) -> int as g');
    expect(f).toEqual({
      symbol: 'f',
      library: null,
      name: 'g',
      params: ['i64', 'double', 'float', 'i8', 'ptr', 'ptr', { struct: ['i64', 'ptr'] }],
      ret: 'i64',
    });
  });

  it('refuses an import that was not type-checked', () => {
    const m = expectClean('from C import f() -> int');
    const imp = { ...(m.body[0] as CImport), paramTypes: undefined };
    expect(() => lowerCImport(imp)).toThrow(/not been type-checked/);
  });

  it("gives glibc's dlerror text for a missing symbol (the CError's message)", () => {
    expect(dlsymError('./libfoo.so', 'foo')).toBe('./libfoo.so: undefined symbol: foo');
  });
});

describe('layout: a list is a GC object {len, arr: {len, ptr}}', () => {
  it('puts len at 0, the capacity at 8 and the buffer pointer at 16', () => {
    expect(LIST_OBJECT).toMatchObject({ size: 24, lenOffset: 0, arrLenOffset: 8, arrPtrOffset: 16 });
  });

  it('grows and sizes lists as list.codon does', () => {
    expect(LIST_DEFAULT_CAPACITY).toBe(10);
    expect([0, 1, 4, 10].map(listGrowCapacity)).toEqual([0, 2, 6, 15]);
    expect(listLiteralCapacity(3)).toBe(3);
    expect(listRepeatCapacity(1, 4)).toBe(4);
    expect(listRepeatCapacity(1, 0)).toBe(10);
  });

  it("sizes and aligns values with LLVM's natural layout", () => {
    expect([INT, FLOAT, FLOAT32, BOOL, ptrOf(FLOAT), listOf(INT)].map(sizeOf)).toEqual([8, 8, 4, 1, 8, 8]);
    expect(structLayout([FLOAT32, FLOAT])).toEqual({ offsets: [0, 8], size: 16, align: 8 });
    expect(structLayout([BOOL, INT, BOOL])).toEqual({ offsets: [0, 8, 16], size: 24, align: 8 });
    expect(structLayout([FLOAT32, FLOAT32, FLOAT32, FLOAT32])).toEqual({
      offsets: [0, 4, 8, 12],
      size: 16,
      align: 4,
    });
    expect(alignOf({ kind: 'tuple-class', name: 'B', fields: [{ name: 'b', type: BOOL }] })).toBe(1);
  });

  it('allocates pointer-free buffers atomically (not scanned by the GC)', () => {
    expect(isAtomic(FLOAT)).toBe(true);
    expect(isAtomic(ptrOf(FLOAT))).toBe(false);
    expect(isAtomic(listOf(FLOAT))).toBe(false);
    expect(isAtomic({ kind: 'tuple-class', name: 'D2', fields: [{ name: 'a', type: FLOAT }] })).toBe(true);
  });
});

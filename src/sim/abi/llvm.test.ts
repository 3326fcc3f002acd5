import { describe, expect, it } from 'vitest';
import { llvmAggregateReturn, type LlvmField } from './llvm.ts';

/** `expectLlvmReturn(['double', 'double'], 'x86_64').toEqual(['xmm0', 'xmm1'])`: each field's register. */
const expectLlvmReturn = (fields: LlvmField[], target: 'x86_64' | 'aarch64') =>
  expect(llvmAggregateReturn(fields, target).fields.map((f) => f.reg));

describe("LLVM's own rule for returning a first-class aggregate (Codon's @tuple return)", () => {
  const d4: LlvmField[] = ['double', 'double', 'double', 'double'];
  it('matches the C rule for two doubles', () => {
    expectLlvmReturn(['double', 'double'], 'x86_64').toEqual(['xmm0', 'xmm1']);
  });
  it('puts the third and fourth double on the x87 stack on x86-64 (so a 4-float @tuple does not fix the bug)', () => {
    const r = llvmAggregateReturn(d4, 'x86_64');
    expect(r.fields.map((f) => f.reg)).toEqual(['xmm0', 'xmm1', 'st0', 'st1']);
    expect(r.fields.map((f) => f.x87Slot)).toEqual([undefined, undefined, 0, 1]);
    expect([r.demoted, r.x87]).toEqual([false, true]);
  });
  it('lands in d0-d3 on AArch64, which happens to match the C++ side', () => {
    expectLlvmReturn(d4, 'aarch64').toEqual(['v0', 'v1', 'v2', 'v3']);
  });
  it('returns up to three integers in rax, rdx, rcx and shares them across widths', () => {
    expectLlvmReturn(['ptr', 'i32', 'i64'], 'x86_64').toEqual(['rax', 'rdx', 'rcx']);
    expectLlvmReturn(['i64', 'double', 'i32', 'float'], 'x86_64').toEqual(['rax', 'xmm0', 'rdx', 'xmm1']);
  });
  it('demotes the whole struct to a hidden pointer when one field finds no register', () => {
    const r = llvmAggregateReturn(['i8', 'i8', 'i8', 'i8'], 'x86_64');
    expect([r.demoted, r.indirectReg, r.parts]).toEqual([true, 'rdi', []]);
    expect(r.fields.map((f) => f.offset)).toEqual([0, 1, 2, 3]);
    expect(llvmAggregateReturn(Array<LlvmField>(5).fill('double'), 'x86_64').demoted).toBe(true);
    expect(llvmAggregateReturn(Array<LlvmField>(9).fill('double'), 'aarch64')).toMatchObject({
      demoted: true,
      indirectReg: 'x8',
      size: 72,
    });
  });
  it('lays the struct out with natural alignment', () => {
    const r = llvmAggregateReturn(['i8', 'double', 'i32'], 'aarch64');
    expect(r.fields.map((f) => f.offset)).toEqual([0, 8, 16]);
    expect([r.size, r.align]).toEqual([24, 8]);
  });
});

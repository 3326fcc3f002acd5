/**
 * The ABI module: the C++ type model, object layout as g++ 12 + libstdc++ lay it out, and
 * the calling conventions of x86-64 System V and AArch64 AAPCS64 (plus LLVM's own rule for
 * aggregate returns, which is what Codon uses). Pure TypeScript, no DOM or Node APIs.
 */
export * from './ctype.ts';
export * from './build.ts';
export { AbiError, tryAbi } from './errors.ts';
export { layoutOf, sizeOf, alignOf, isEmptyRecord, memberAt } from './layout.ts';
export type { Layout, Cell, CellKind, FieldLayout, BaseLayout, MemberAt } from './layout.ts';
export { stdType } from './std.ts';
export { isTrivialForCalls, nonTrivialReason, effectiveSpecials } from './trivial.ts';
export type { EffectiveSpecials, EffectiveState } from './trivial.ts';
export { classifyReturn, classifyArgs } from './classify.ts';
export { classifyEightbytes, mergeClasses } from './x86_64.ts';
export { hfaOf } from './aarch64.ts';
export type { Hfa } from './aarch64.ts';
export { llvmAggregateReturn } from './llvm.ts';
export type { LlvmField, LlvmFieldLocation, LlvmAggregateReturn } from './llvm.ts';
export { typeToString } from './typeToString.ts';
export { intInfo, floatInfo } from './scalars.ts';

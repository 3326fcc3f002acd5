/**
 * The frame temporaries of a class returned in registers, which frame-plan.ts reserves and
 * returns.ts fills.
 */
import type { CType, ReturnClassification } from '../../abi/ctype.ts';
import { slotAlign, type Sizer } from './frame-plan.ts';

/**
 * The frame temporaries g++ -O0 makes for a class it returns in registers, which the frame
 * holds beside the variables (`aarch64-linux-gnu-g++ -O0 -S` and `g++ -O0 -S`, g++ 12.2):
 * - `copy`: a class whose size has no integer machine mode (not 1, 2, 4, 8 or 16 bytes: GCC
 *   gives it BLKmode) goes through the gimplifier's return temporary (`D.1234 = s; return
 *   D.1234;`, gimplify_return_expr), a local of no scope that expand_used_vars lays out after the
 *   SSA partitions and before the scoped variables: `struct { float a, b, c; } s; return s;`
 *   gives the copy at CFA-16 and `s` at CFA-32; a brace-initialised result is built in the copy
 *   directly. On AArch64 a floating-point HFA then loads its `s`/`d` registers from the copy
 *   through a temporary the return expansion allocates but never uses, below the parameters
 *   (`spare`: the size rounded up to 16, 16-aligned: three floats with `float x, int n`
 *   parameters give a 64-byte frame, copy -16, `s` -32, x -36, n -40, spare -64);
 * - `spills`: a class whose one member is an array of four doubles (`std::array<double, 4>`)
 *   has the 256-bit array mode AArch64 allows for arrays of 2 to 4 D registers
 *   (aarch64_array_mode_supported_p), so it lives in v0-v1, and g++ spills it twice to
 *   32-byte slots below the parameters to pick `d1` and `d3` out (`st1 {v0.16b - v1.16b}`):
 *   `r` at CFA-32, copies at CFA-64 and CFA-96, x0 left at the upper one.
 * x86-64 has the spare too, 16 bytes, for a copy that travels in two registers (`struct { int
 * a, b, c; }` in %rax and %rdx, three floats in %xmm0 and %xmm1: `subq $48, %rsp` with the copy
 * at -12 and `s` at -24 in a function that calls; none for three chars in %rax alone). AArch64
 * has none for such an integer class; a function that calls moves its two result registers
 * through x20 and x21 instead, saved above the frame record (`stp x20, x21, [sp, 16]`), as it
 * does x19 (`FramePlan.holdsAcrossCall`); a leaf uses x4 and x5.
 */
export type ResultTemps =
  | { kind: 'none' }
  | { kind: 'copy'; size: number; align: number; spare: number; intPair: boolean }
  | { kind: 'spills'; size: number };

const MODE_SIZES = new Set([1, 2, 4, 8, 16]);

/** What `resultTemps` needs: the result's type and its classification. */
export function resultTemps(s: Sizer, t: CType, ret: ReturnClassification): ResultTemps {
  if (ret.indirect || t.kind !== 'record' || ret.x87 === true) return { kind: 'none' };
  const size = s.size(t);
  if (size === 0) return { kind: 'none' };
  if (s.target === 'aarch64' && fourDoubleArray(t)) return { kind: 'spills', size };
  if (MODE_SIZES.has(size)) return { kind: 'none' };
  const twoRegisters = size > 8;
  const spare =
    s.target === 'aarch64' ? (ret.hfa !== null ? Math.ceil(size / 16) * 16 : 0) : twoRegisters ? 16 : 0;
  return { kind: 'copy', size, align: slotAlign(s, t), spare, intPair: twoRegisters && ret.hfa === null };
}

/** A class whose one member (through one-member classes) is an array of four doubles. */
function fourDoubleArray(t: CType): boolean {
  if (t.kind === 'array') return t.length === 4 && t.element.kind === 'float' && t.element.name === 'double';
  if (t.kind !== 'record' || t.decl.tag === 'union' || t.decl.bases.length > 0) return false;
  const std = t.decl.std;
  if (std?.kind === 'array') {
    const e = std.args[0] as CType | undefined;
    return Number(std.args[1]) === 4 && e !== undefined && e.kind === 'float' && e.name === 'double';
  }
  const only = t.decl.fields.length === 1 ? t.decl.fields[0] : undefined;
  return only !== undefined && fourDoubleArray(only.type);
}

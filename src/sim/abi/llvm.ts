/**
 * LLVM's own rule for returning a first-class aggregate such as `{double, double, double, double}`,
 * which is what Codon emits for a function returning a `@tuple` (it does no C ABI lowering).
 * This is *not* the C rule: each field is assigned a register by the backend's return
 * calling convention, one by one, and if any field finds none the whole value is "demoted"
 * to a hidden pointer (sret), laid out with LLVM's natural struct layout.
 *
 * x86-64 (RetCC_X86_64_C, then RetCC_X86Common in X86CallingConv.td): float/double fields
 * take xmm0 then xmm1; integer and pointer fields take rax, rdx, rcx (i8 in al/dl/cl, i32 in
 * eax/edx/ecx). A third and fourth float/double come back on the x87 stack, in st0 then st1
 * (observed with llc 14 and in docs/DOMAIN.md#return-conventions: `{double x4}` is xmm0, xmm1, st0, st1).
 * AArch64 (RetCC_AArch64_AAPCS): float/double fields take v0-v7 (s/d views) and integers
 * x0-x7. The fixtures in `fixtures/llvm-evidence.json` check both against llc.
 */
import type { RegisterPart, Target } from './ctype.ts';
import { AbiError } from './errors.ts';

export type LlvmField = 'double' | 'float' | 'i64' | 'i32' | 'i8' | 'ptr';

export interface LlvmFieldLocation {
  index: number;
  type: LlvmField;
  /** Offset of the field in LLVM's layout of the struct (where it lands when demoted). */
  offset: number;
  size: number;
  /** The register the field comes back in (canonical names: `rax`, `xmm1`, `st0`, `v2`, `x1`); null when demoted. */
  reg: string | null;
  /** For x87 returns: 0 for st0, 1 for st1 (the caller must pop them in that order). */
  x87Slot?: number;
}

export interface LlvmAggregateReturn {
  target: Target;
  /** True when some field found no register: the whole struct goes through a hidden pointer. */
  demoted: boolean;
  /** The hidden pointer's register when demoted (`rdi`, returned again in `rax`; `x8` on AArch64). */
  indirectReg: 'rdi' | 'x8' | null;
  size: number;
  align: number;
  fields: LlvmFieldLocation[];
  /** The same as register parts (empty when demoted), like `ReturnClassification.parts`. */
  parts: RegisterPart[];
  /** True when some field comes back on the x87 stack. */
  x87: boolean;
}

const SIZE: Record<LlvmField, number> = { double: 8, float: 4, i64: 8, i32: 4, i8: 1, ptr: 8 };

const POOLS: Record<Target, { fp: string[]; int: string[] }> = {
  x86_64: { fp: ['xmm0', 'xmm1', 'st0', 'st1'], int: ['rax', 'rdx', 'rcx'] },
  aarch64: {
    fp: ['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'],
    int: ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'],
  },
};

/** Where LLVM returns a struct of these field types on `target` (Codon's `@tuple` return). */
export function llvmAggregateReturn(fields: LlvmField[], target: Target): LlvmAggregateReturn {
  let offset = 0;
  let align = 1;
  const placed = fields.map((type, index) => {
    const size = SIZE[type];
    if (size === undefined) throw new AbiError(`Unknown LLVM field type \`${String(type)}\`.`);
    offset = Math.ceil(offset / size) * size;
    const at = offset;
    offset += size;
    align = Math.max(align, size);
    return { index, type, offset: at, size };
  });
  const size = Math.ceil(offset / align) * align;
  const pool = POOLS[target];
  let nfp = 0;
  let nint = 0;
  const regs = placed.map((f) =>
    f.type === 'double' || f.type === 'float' ? pool.fp[nfp++] : pool.int[nint++],
  );
  const demoted = regs.some((r) => r === undefined);
  const out: LlvmFieldLocation[] = placed.map((f, i) => {
    const reg = demoted ? null : (regs[i] ?? null);
    const loc: LlvmFieldLocation = { ...f, reg };
    if (reg === 'st0') loc.x87Slot = 0;
    if (reg === 'st1') loc.x87Slot = 1;
    return loc;
  });
  const parts: RegisterPart[] = demoted
    ? []
    : out.map((f) => ({
        reg: f.reg ?? '?',
        offset: f.offset,
        // On the x87 stack the value is held converted to the 80-bit format; `size` is the field's.
        size: f.size,
        regOffset: 0,
      }));
  return {
    target,
    demoted,
    indirectReg: demoted ? (target === 'x86_64' ? 'rdi' : 'x8') : null,
    size,
    align,
    fields: out,
    parts,
    x87: out.some((f) => f.x87Slot !== undefined),
  };
}

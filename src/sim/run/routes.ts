/**
 * Where each side of a foreign call believes values travel.
 *
 * The caller is Codon: it lowers `from C import f(T...) -> R` to a plain LLVM function type and
 * LLVM's own rules place each scalar argument in the next integer or vector register, and the
 * result in rax/xmm0 (x0/d0), or, for a first-class aggregate, in LLVM's aggregate-return
 * registers. No C-ABI lowering: no sret, no byval, no classification (docs/DOMAIN.md#the-cause).
 *
 * The callee is C++: g++ follows the psABI / AAPCS64 and the Itanium C++ ABI for its definition.
 *
 * Nothing here patches a disagreement up: the two views are computed separately and compared.
 */
import type { ArgLocation, RegisterPart, Target } from '../abi/ctype.ts';
import { TermId, term, type CodeOrTerm, type Term } from '../trace/terms.ts';
import { MEMORY, type Meaning } from './meaning.ts';

/** The scalar LLVM types Codon's lowering produces (Codon's `int` is i64, `float` is double). */
export type LlvmScalar = 'i64' | 'i32' | 'i16' | 'i8' | 'i1' | 'double' | 'float' | 'ptr';
export type LlvmType = LlvmScalar | 'void' | { struct: LlvmType[] };

/** One side's belief about one value (an argument or the result). */
export interface Placement {
  /** The parameter's name (code), or "argument N", "result". */
  label: CodeOrTerm;
  typeName: string;
  /** Register pieces; empty for a value in memory. */
  parts: RegisterPart[];
  /** x87 stack slots the value occupies (LLVM returns doubles 3 and 4 of `{double x4}` in st0, st1). */
  x87: number[];
  /** The value travels in memory whose address is in `pointerReg` (sret / x8). */
  indirect: boolean;
  pointerReg: string | null;
  /** For arguments that went to the stack: offset from the stack pointer at the call. */
  stackOffset: number | null;
  /** What this side believes the bits are, for type-mismatch checks. */
  meaning: Meaning;
}

export interface SideView {
  signature: string;
  args: Placement[];
  result: Placement | null;
}

const INT_ARGS: Record<Target, string[]> = {
  x86_64: ['rdi', 'rsi', 'rdx', 'rcx', 'r8', 'r9'],
  aarch64: ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'],
};
const VEC_ARGS: Record<Target, string[]> = {
  x86_64: ['xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7'],
  aarch64: ['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'],
};

export const HIDDEN_POINTER_REG: Record<Target, string> = { x86_64: 'rdi', aarch64: 'x8' };
export const INT_RESULT_REG: Record<Target, string> = { x86_64: 'rax', aarch64: 'x0' };

function scalarSize(t: LlvmScalar): number {
  switch (t) {
    case 'i64':
    case 'double':
    case 'ptr':
      return 8;
    case 'i32':
    case 'float':
      return 4;
    case 'i16':
      return 2;
    default:
      return 1;
  }
}

function isFloat(t: LlvmType): boolean {
  return t === 'double' || t === 'float';
}

/** Human-readable register list of a placement: "rdi", "xmm0, xmm1, st0, st1", "memory at [x8]". */
export function describePlacement(p: Placement): CodeOrTerm {
  if (p.indirect) return term(TermId.inMemory, p.pointerReg ?? '?');
  if (p.stackOffset !== null) return term(TermId.onStack, p.stackOffset);
  const regs = [...new Set(p.parts.map(viewName))];
  for (const s of p.x87) regs.push(`st${s}`);
  return regs.length === 0 ? term(TermId.nowhere) : regs.join(', ');
}

/** AArch64 vector registers by the view a part uses: d0 for 8 bytes, s0 for 4, q0 for 16. */
function viewName(part: RegisterPart): string {
  const m = /^v(\d+)$/.exec(part.reg);
  if (m === null) return part.reg;
  return `${part.size <= 4 ? 's' : part.size <= 8 ? 'd' : 'q'}${m[1]}`;
}

/** The registers a placement involves (for highlighting). */
export function placementRegisters(p: Placement): string[] {
  const regs = p.parts.map(viewName);
  if (p.pointerReg !== null) regs.push(p.pointerReg);
  for (const s of p.x87) regs.push(`st${s}`);
  return [...new Set(regs)];
}

/** The caller's view of a call through Codon's plain LLVM lowering. */
export function llvmCallerView(
  params: { type: LlvmType; typeName: string; meaning: Meaning }[],
  ret: { type: LlvmType; typeName: string; meaning: Meaning },
  target: Target,
  signature: string,
  aggregateReturn: (fields: LlvmScalar[], target: Target) => { parts: RegisterPart[]; x87: number[] },
): SideView {
  // LLVM demotes a first-class aggregate return that finds no registers for all its fields
  // (x86-64: a fourth integer or fifth floating field) to a hidden pointer: the caller passes its
  // own buffer's address as an implicit first argument (`%rdi`, so the others move on; `x8` on
  // AArch64) and reads the result from there (SelectionDAG's sret demotion, `CanLowerReturn`).
  const agg = typeof ret.type === 'object' ? aggregateReturn(flattenStruct(ret.type), target) : null;
  const demoted = agg !== null && agg.parts.length === 0 && agg.x87.length === 0;
  let nextInt = demoted && target === 'x86_64' ? 1 : 0;
  let nextVec = 0;
  let stack = 0;
  const args: Placement[] = params.map((p, i) => {
    const base: Placement = {
      label: term(TermId.argument, i + 1),
      typeName: p.typeName,
      parts: [],
      x87: [],
      indirect: false,
      pointerReg: null,
      stackOffset: null,
      meaning: p.meaning,
    };
    const scalars: LlvmScalar[] =
      typeof p.type === 'object' ? flattenStruct(p.type) : p.type === 'void' ? [] : [p.type];
    let offset = 0;
    for (const s of scalars) {
      const size = scalarSize(s);
      const regs = isFloat(s) ? VEC_ARGS[target] : INT_ARGS[target];
      const idx = isFloat(s) ? nextVec++ : nextInt++;
      const reg = regs[idx];
      if (reg === undefined) {
        base.stackOffset = stack;
        stack += 8;
      } else base.parts.push({ reg, offset, size, regOffset: 0 });
      offset += size;
    }
    return base;
  });
  let result: Placement | null = null;
  if (ret.type !== 'void') {
    result = {
      label: term(TermId.result),
      typeName: ret.typeName,
      parts: [],
      x87: [],
      indirect: false,
      pointerReg: null,
      stackOffset: null,
      meaning: ret.meaning,
    };
    if (demoted) {
      result.indirect = true;
      result.pointerReg = HIDDEN_POINTER_REG[target];
      result.meaning = MEMORY;
    } else if (agg !== null) {
      result.parts = agg.parts;
      result.x87 = agg.x87;
    } else if (typeof ret.type !== 'object') {
      const size = scalarSize(ret.type);
      result.parts = [
        {
          reg: isFloat(ret.type) ? (VEC_ARGS[target][0] as string) : INT_RESULT_REG[target],
          offset: 0,
          size,
          regOffset: 0,
        },
      ];
    }
  }
  return { signature, args, result };
}

function flattenStruct(t: { struct: LlvmType[] }): LlvmScalar[] {
  const out: LlvmScalar[] = [];
  for (const f of t.struct) {
    if (typeof f === 'object') out.push(...flattenStruct(f));
    else if (f !== 'void') out.push(f);
  }
  return out;
}

/** Turns an ABI argument location into a placement. */
export function placementFromArg(
  loc: ArgLocation,
  label: CodeOrTerm,
  typeName: string,
  meaning: Meaning,
): Placement {
  const p: Placement = {
    label,
    typeName,
    parts: [],
    x87: [],
    indirect: false,
    pointerReg: null,
    stackOffset: null,
    meaning,
  };
  if (loc.kind === 'regs') p.parts = loc.parts;
  else if (loc.kind === 'stack') p.stackOffset = loc.offset;
  else {
    const inner = placementFromArg(loc.pointer, label, typeName, meaning);
    p.parts = inner.parts;
    p.stackOffset = inner.stackOffset;
    // The callee reads the value from memory whose address travels in the register.
    p.meaning = MEMORY;
  }
  return p;
}

export interface Comparison {
  /** They disagree on where some value travels. */
  abiMismatch: boolean;
  /** They agree on where, but not on what the bits mean. */
  typeMismatch: boolean;
  details: Term[];
}

/** `d0`, `s0` and `q0` are views of `v0`: one register for the comparison. */
export function canonicalRegister(reg: string): string {
  const m = /^[dsqb](\d+)$/.exec(reg);
  return m === null ? reg : `v${m[1]}`;
}

function regKey(p: Placement): string {
  const regs = [...new Set(p.parts.map((x) => canonicalRegister(x.reg)))];
  for (const s of p.x87) regs.push(`st${s}`);
  return regs.join(',');
}

function sameRegs(a: Placement, b: Placement): boolean {
  if (a.indirect !== b.indirect) return false;
  if (a.indirect) return a.pointerReg === b.pointerReg;
  if (a.stackOffset !== b.stackOffset) return false;
  return regKey(a) === regKey(b);
}

/** Compares the caller's and the callee's views of one call. */
export function compareViews(
  caller: SideView,
  callee: SideView,
  meaningsAgree: (callerMeaning: Meaning, calleeMeaning: Meaning) => boolean,
): Comparison {
  const details: Term[] = [];
  let abi = false;
  let type = false;
  const n = Math.max(caller.args.length, callee.args.length);
  for (let i = 0; i < n; i++) {
    const a = caller.args[i];
    const b = callee.args[i];
    if (a === undefined || b === undefined) {
      abi = true;
      details.push(term(a === undefined ? TermId.argMissing : TermId.argExtra, i + 1));
      continue;
    }
    if (!sameRegs(a, b)) {
      abi = true;
      details.push(term(TermId.argPlaced, i + 1, describePlacement(a), describePlacement(b)));
    } else if (!meaningsAgree(a.meaning, b.meaning)) {
      type = true;
      details.push(term(TermId.argTyped, i + 1, a.typeName, b.typeName));
    }
  }
  const cr = caller.result;
  const ce = callee.result;
  if ((cr === null) !== (ce === null)) {
    // A void callee leaves the result register as it was; a void caller ignores a result.
    if (cr !== null) {
      abi = true;
      details.push(term(TermId.resultUnset, describePlacement(cr)));
    }
  } else if (cr !== null && ce !== null) {
    if (ce.indirect && !cr.indirect) {
      abi = true;
      details.push(term(TermId.resultHidden, ce.pointerReg ?? '?', describePlacement(cr)));
    } else if (!sameRegs(cr, ce)) {
      abi = true;
      details.push(term(TermId.resultPlaced, describePlacement(ce), describePlacement(cr)));
    } else if (!meaningsAgree(cr.meaning, ce.meaning)) {
      type = true;
      details.push(term(TermId.resultTyped, ce.typeName, cr.typeName));
    }
  }
  return { abiMismatch: abi, typeMismatch: type, details };
}

/**
 * The two sides' declarations of one foreign call, and how they compare. Pure: it needs only the
 * Codon import, the C++ definition and the target, so the verdict can be tested over every spelling
 * of every type without running anything.
 */
import type { CType, Target } from '../abi/ctype.ts';
import { classifyArgs, classifyReturn, llvmAggregateReturn, typeToString } from '../abi/index.ts';
import type { LlvmField } from '../abi/llvm.ts';
import type { CImport } from '../codon/ast.ts';
import { lowerCImport, type LlvmType } from '../codon/lower.ts';
import { typeName } from '../codon/types.ts';
import type { FunctionDecl } from '../cpp/ast.ts';
import { BYTES, MEMORY, codonMeaning, cppMeaning, meaningsAgree, ptrTo, scalar } from './meaning.ts';
import {
  HIDDEN_POINTER_REG,
  compareViews,
  llvmCallerView,
  placementFromArg,
  type Comparison,
  type LlvmScalar,
  type Placement,
  type SideView,
} from './routes.ts';
import { TermId, term } from '../trace/terms.ts';

export interface Declarations {
  /** Codon's plain LLVM lowering of the import. */
  caller: SideView;
  /** The C++ definition under the target's C/C++ convention. */
  callee: SideView;
  /** The caller's first pointer argument and pointer result line up with the callee's sret (x86-64). */
  coincide: boolean;
  cmp: Comparison;
}

function llvmScalarOf(t: LlvmType): LlvmType {
  return t === 'i1' ? 'i8' : t;
}

/** The caller's view: Codon's plain LLVM lowering of the import. */
export function callerView(imp: CImport, target: Target): SideView {
  const lowered = lowerCImport(imp);
  const params = (imp.paramTypes ?? []).map((t, i) => ({
    type: llvmScalarOf(lowered.params[i] ?? 'void'),
    typeName: typeName(t),
    meaning: codonMeaning(t),
  }));
  const retType = imp.returnType ?? { kind: 'none' };
  const sig = `${imp.symbol}(${(imp.paramTypes ?? []).map(typeName).join(', ')}) -> ${typeName(retType)}`;
  return llvmCallerView(
    params,
    {
      type: llvmScalarOf(lowered.ret),
      typeName: typeName(retType),
      meaning: codonMeaning(retType),
    },
    target,
    sig,
    (fields: LlvmScalar[], t: Target) => {
      const agg = llvmAggregateReturn(fields.map((f) => (f === 'i1' ? 'i8' : f)) as LlvmField[], t);
      return {
        parts: agg.parts.filter((pt) => !pt.reg.startsWith('st')),
        x87: agg.fields.filter((f) => f.x87Slot !== undefined).map((f) => f.x87Slot as number),
      };
    },
  );
}

/** What a C++ view needs of a function: a definition, or a function pointer's type (callback.ts). */
export type CppSignature = Pick<FunctionDecl, 'returnType' | 'qualifiedName'> & {
  params: readonly { name: string; type: CType }[];
};

/** The callee's view: the C++ definition under the target's C/C++ convention. */
export function calleeView(fn: CppSignature, target: Target): SideView {
  const ret = classifyReturn(fn.returnType, target);
  const locs = classifyArgs(
    fn.params.map((p) => p.type),
    target,
    { indirectResult: ret.indirect },
  );
  const args: Placement[] = fn.params.map((p, i) =>
    placementFromArg(
      locs[i] ?? { kind: 'regs', parts: [] },
      p.name,
      typeToString(p.type),
      cppMeaning(p.type, target),
    ),
  );
  let result: Placement | null = null;
  if (fn.returnType.kind !== 'void') {
    result = {
      label: term(TermId.result),
      typeName: typeToString(fn.returnType),
      parts: ret.indirect ? [] : ret.parts,
      x87: ret.x87 === true ? [0] : [],
      indirect: ret.indirect,
      pointerReg: ret.indirect ? HIDDEN_POINTER_REG[target] : null,
      stackOffset: null,
      meaning: ret.indirect ? MEMORY : cppMeaning(fn.returnType, target),
    };
  }
  const sig = `${typeToString(fn.returnType)} ${fn.qualifiedName}(${fn.params.map((p) => typeToString(p.type)).join(', ')})`;
  return { signature: sig, args, result };
}

/**
 * On x86-64 a caller that passes a pointer first and reads a pointer back lines up, register for
 * register, with an sret callee: %rdi carries the address either way and the callee returns it
 * in %rax (docs/DOMAIN.md#the-write-up-judged, last row). On AArch64 the hidden pointer travels in x8 and nothing
 * lines up.
 */
function sretCoincides(caller: SideView, callee: SideView, target: Target): boolean {
  if (target !== 'x86_64' || callee.result?.indirect !== true) return false;
  const a0 = caller.args[0];
  const isPointer = (pl: Placement) => pl.meaning.kind === 'scalar' && pl.meaning.scalar.kind === 'ptr';
  return (
    a0 !== undefined &&
    a0.parts[0]?.reg === 'rdi' &&
    isPointer(a0) &&
    caller.args.length === callee.args.length + 1 &&
    caller.result?.parts[0]?.reg === 'rax' &&
    isPointer(caller.result)
  );
}

/** An sret callee seen as a plain function taking the result pointer first and returning it in %rax. */
export function asPlainCall(callee: SideView): SideView {
  const ptr = (label: Placement['label'], reg: string): Placement => ({
    label,
    typeName: `${callee.result?.typeName ?? 'result'}*`,
    parts: [{ reg, offset: 0, size: 8, regOffset: 0 }],
    x87: [],
    indirect: false,
    pointerReg: null,
    stackOffset: null,
    meaning: scalar(ptrTo(BYTES)),
  });
  return {
    ...callee,
    args: [ptr(term(TermId.hiddenResultPointer), 'rdi'), ...callee.args],
    result: ptr(term(TermId.result), 'rax'),
  };
}

/** Both sides' views of a call through `imp` into `fn` on `target`, and how they compare. */
export function compareDeclarations(imp: CImport, fn: FunctionDecl, target: Target): Declarations {
  const caller = callerView(imp, target);
  const callee = calleeView(fn, target);
  // Where the conventions coincide the machine sees no disagreement; the pointer's object becomes
  // the result slot.
  const coincide = sretCoincides(caller, callee, target);
  const cmp = compareViews(caller, coincide ? asPlainCall(callee) : callee, meaningsAgree);
  return { caller, callee, coincide, cmp };
}

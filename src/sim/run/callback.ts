/**
 * A call from the C++ library into a Codon function through a function pointer (a callback whose
 * address Codon passed as `cb.__raw__()`). The roles of a foreign call are swapped: C++ is the
 * caller and places the arguments as the pointer's type says under the target's C convention;
 * the Codon function is the callee and reads them as its own plain LLVM signature says (the one
 * `llvisitor.cpp` gives every Codon function, `@export` or not). The two are compared the way a
 * `from C import` is compared with its definition (declarations.ts), so a callback whose Codon
 * types disagree with the pointer type is reported as a mismatched import is. Pure: no machine.
 */
import type { FunctionType, Target } from '../abi/ctype.ts';
import type { CImport, FunctionDef } from '../codon/ast.ts';
import type { CodonType } from '../codon/types.ts';
import { typeName } from '../codon/types.ts';
import { callerView, calleeView, type CppSignature } from './declarations.ts';
import { meaningsAgree } from './meaning.ts';
import { compareViews, type Comparison, type SideView } from './routes.ts';

export interface CallbackViews {
  /** The C++ caller: the function pointer's type under the C convention. */
  caller: SideView;
  /** The Codon callee: its plain LLVM signature. */
  callee: SideView;
  cmp: Comparison;
}

/** The Codon function seen as a C declaration of itself: what its LLVM signature lowers to. */
function asDeclaration(def: FunctionDef, params: CodonType[], ret: CodonType): CImport {
  return {
    kind: 'cimport',
    library: null,
    symbol: def.name,
    symbolSpan: def.nameSpan,
    params: [],
    returns: null,
    alias: null,
    span: def.span,
    paramTypes: params,
    returnType: ret,
  };
}

/** A function pointer's type seen as a C++ signature (declarations.ts). */
function pointerSignature(ft: FunctionType): CppSignature {
  return {
    returnType: ft.returnType,
    qualifiedName: '(*)',
    params: ft.params.map((type, i) => ({ name: `#${i + 1}`, type })),
  };
}

/**
 * A call through a pointer of type `ft` into the C++ function `fn` of another type (a cast pointer):
 * the caller places values as `ft` says, the function reads them as its own definition says.
 */
export function pointerViews(fn: CppSignature, ft: FunctionType, target: Target): CallbackViews {
  const caller = calleeView(pointerSignature(ft), target);
  const callee = calleeView(fn, target);
  return { caller, callee, cmp: compareViews(caller, callee, meaningsAgree) };
}

/** Both sides' views of a call through a pointer of type `ft` into the Codon function `def`. */
export function callbackViews(def: FunctionDef, ft: FunctionType, target: Target): CallbackViews {
  const params = def.params.map((p) => p.type ?? ({ kind: 'none' } as CodonType));
  const ret = def.returnType ?? { kind: 'none' };
  const sig = `${def.name}(${params.map(typeName).join(', ')}) -> ${typeName(ret)}`;
  const callee = { ...callerView(asDeclaration(def, params, ret), target), signature: sig };
  const caller = calleeView(pointerSignature(ft), target);
  // meaningsAgree reads the Codon side's meaning first, whichever side calls.
  const cmp = compareViews(caller, callee, (cpp, codon) => meaningsAgree(codon, cpp));
  return { caller, callee, cmp };
}

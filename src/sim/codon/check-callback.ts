/**
 * `f.__raw__()` (function.codon: `@llvm def __raw__(self) -> Ptr[byte]: ret ptr %self`): the
 * address of a Codon function's code, a `cobj`, which a C library can call as a function pointer.
 * Real Codon gives it for any realized function, `@export` or not: export changes the symbol's name
 * and linkage (llvisitor.cpp `getNameForFunction`, `visit(BodiedFunc)`), not its calling
 * convention, which is LLVM's default C one for every Codon function (`makeLLVMFunction` sets
 * none). The simulator follows a C call into such a function when its parameters and result are
 * values one register holds.
 */
import type { CodonType } from './types';
import { prune, typeName } from './types';

/** The first parameter or result type of a callback the simulator does not carry across, if any. */
export function unmodelledCallbackType(params: readonly (CodonType | null)[], ret: CodonType): string | null {
  for (const t of [...params, ret]) {
    if (t === null) continue;
    const k = prune(t).kind;
    const ok =
      k === 'int' ||
      k === 'float' ||
      k === 'float32' ||
      k === 'bool' ||
      k === 'byte' ||
      k === 'intn' ||
      k === 'ptr' ||
      (k === 'none' && t === ret);
    if (!ok) return typeName(t);
  }
  return null;
}

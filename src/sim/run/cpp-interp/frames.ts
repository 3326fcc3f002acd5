/** A C++ activation as the interpreter keeps it, and the ends of lifetimes at scope exits. */
import type { CType, ReturnClassification } from '../../abi/ctype.ts';
import type { FunctionDecl, VarDecl } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import type { SmallMap } from '../small-map.ts';
import { Ref } from '../values.ts';
import { endExtended } from './init.ts';

export const SIDE = 'cpp' as const;

export interface VarSlot {
  addr: number;
  objectId: number;
  type: CType;
}

export interface CppFrame {
  fn: FunctionDecl;
  frameId: number;
  vars: SmallMap<number, VarSlot>;
  /** Slot addresses reserved at entry for each local (the -O0 frame holds all of them). */
  reserved: SmallMap<number, number>;
  /** The hidden result pointer (sret/x8) the function received, when it returns in memory. */
  hidden: Ref | null;
  /** Where the prologue saved the caller's rbx (x86-64, see `savesRbx`), or -1. */
  savedRbx: number;
  ret: ReturnClassification;
  /** Objects to destroy at scope exits: variable ids per open block. */
  scopes: VarDecl[][];
  /** Temporaries of the current full-expression. */
  temps: number[];
}

/** Ends the lifetimes of a scope's variables in reverse order, running destructors. */
export function endScope(it: CppInterpreter, vars: VarDecl[], span: Span): void {
  const f = it.frame;
  if (f === null) return;
  const m = it.p.m;
  for (let i = vars.length - 1; i >= 0; i--) {
    const v = vars[i] as VarDecl;
    const slot = f.vars.get(v.id);
    if (slot === undefined) continue;
    if (!(v.nrvo === true && f.ret.indirect)) it.lib.destroy(v.type, new Ref(slot.addr, slot.objectId), span);
    if (v.type.kind === 'reference') endExtended(it, slot.addr, span);
    m.endObject(slot.objectId, 'out-of-scope', it.loc({ start: span.end, end: span.end }));
    f.vars.delete(v.id);
  }
}

/** Ends the temporaries of the full-expression just evaluated. */
export function endTemps(it: CppInterpreter): void {
  const f = it.frame;
  if (f === null || f.temps.length === 0) return;
  for (const id of f.temps) it.p.m.endObject(id, 'out-of-scope');
  f.temps.length = 0;
}

/** A C++ activation as the interpreter keeps it, and the ends of lifetimes at scope exits. */
import type { ArgLocation, CType, ReturnClassification } from '../../abi/ctype.ts';
import type { FunctionDecl, VarDecl } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import type { SmallMap } from '../small-map.ts';
import { Ref } from '../values.ts';
import { endExtended } from './init.ts';
import type { ParamPassing } from './frame-plan.ts';

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
  /** Where the plan put the return temporary of a class returned in registers (frame-plan.ts), or -1. */
  resultCopy: number;
  /** AArch64 `std::array<double, 4>`'s two spilled copies, the upper first, or none. */
  resultSpills: number[];
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

/** How each parameter reaches the callee, as far as its slot goes. */
export function passingOf(it: CppInterpreter, args: ArgLocation[]): ParamPassing[] {
  return args.map((loc) =>
    loc.kind === 'regs'
      ? 'register'
      : loc.kind === 'stack' && it.target === 'x86_64'
        ? 'caller-stack'
        : 'reference',
  );
}

/** AArch64: `ret` to the saved x30 when a stray store changed it: no code mapped there faults. */
export function returnThroughRecord(it: CppInterpreter, record: number, savedLr: number): void {
  const m = it.p.m;
  const bytes = m.mem.readBytes(record + 8, 8);
  const bits = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (bits === BigInt(savedLr)) return;
  const target = Number(bits);
  const r = m.mem.regionOf(target);
  // Linux reports the faulting address without its top byte (AArch64's top-byte-ignore): the
  // oracle's run with 2.5's bits over a saved x30 crashes at 0x4000000000000.
  if (r === null || r.kind !== 'text')
    m.crash('SIGSEGV', Number(bits & 0xffffffffffffffn), 'crash.ret-not-code', [`0x${bits.toString(16)}`]);
}

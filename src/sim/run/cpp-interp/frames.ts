/**
 * A C++ activation as the interpreter keeps it: its prologue and epilogue as g++ -O0 writes them,
 * and the ends of lifetimes at scope exits.
 */
import type { ArgLocation, CType, ReturnClassification } from '../../abi/ctype.ts';
import type { FunctionDecl, VarDecl } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import type { SmallMap } from '../small-map.ts';
import { Ref } from '../values.ts';
import { endExtended } from './init.ts';
import type { FramePlan, ParamPassing } from './frame-plan.ts';
import type { ObjectTemplate } from '../../trace/tables.ts';
import type { Cell } from '../../trace/types.ts';
import { NameId, named } from '../../trace/names.ts';
import { TermId, term } from '../../trace/terms.ts';

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

const LINK_CELLS_X86: Cell[] = [{ path: term(TermId.savedRbp), offset: 0, size: 8, kind: 'pointer' }];
const LINK_CELLS_A64: Cell[] = [
  { path: 'x29 (fp)', offset: 0, size: 8, kind: 'pointer' },
  { path: 'x30 (lr)', offset: 8, size: 8, kind: 'pointer' },
];
const RBX_CELLS: Cell[] = [{ path: term(TermId.savedRbx), offset: 0, size: 8, kind: 'uint' }];

/**
 * g++ 12 -O0 on x86-64 pushes rbx after rbp exactly when the function returns a 16-byte
 * aggregate with at least one SSE eightbyte ({double, double}, {double, long}, std::array<double, 2>,
 * {float x4}...), not {long, long} nor one-eightbyte or memory returns: its epilogue moves the
 * second eightbyte through rbx (`movq %rdx, %rbx; movq %rbx, %xmm1`; checked with `g++ -O0 -S`).
 */
export function savesRbx(ret: ReturnClassification): boolean {
  const e = ret.eightbytes;
  // Only a class of exactly 16 bytes (TImode): one of 12 (three floats, or an int and two floats)
  // has no integer mode and goes through its return temporary instead (frame-plan.ts), without
  // %rbx (`g++ -O0 -S` of `struct { float a, b, c; }` and `struct { int a; float b, c; }`).
  return (
    ret.target === 'x86_64' &&
    !ret.indirect &&
    ret.size === 16 &&
    e !== null &&
    e.length === 2 &&
    e.includes('SSE')
  );
}

/** The frame-link object, "saved rbp of main" / "frame record (x29, x30) of main", interned once per caller. */
function linkTemplate(it: CppInterpreter, callerName: string): ObjectTemplate {
  let t = it.linkTemplates.get(callerName);
  if (t === undefined) {
    const x86 = it.target === 'x86_64';
    t = it.p.m.objectTemplate({
      name: named(x86 ? NameId.savedRbp : NameId.frameRecord, callerName),
      typeName: term(TermId.frameLink),
      role: 'frame-link',
      side: SIDE,
      cells: x86 ? LINK_CELLS_X86 : LINK_CELLS_A64,
    });
    it.linkTemplates.set(callerName, t);
  }
  return t;
}

/** What the prologue set up that the epilogue undoes. */
export interface Prologue {
  /** The top of the locals area, which the plan's offsets are from. */
  top: number;
  /** x86-64: the saved %rbp's slot, or -1. */
  rbpSlot: number;
  /** AArch64: the frame record's address, or -1 (a function that calls nothing has none). */
  record: number;
  /** AArch64: the x30 the prologue saved. */
  savedLr: number;
}

/**
 * The prologue, at entry (the return address pushed): on x86-64 save the caller's frame pointer,
 * and rbx where g++ pushes it; the locals area starts below them (16 bytes below rbp when rbx is
 * pushed: g++ rounds the save area to 16). AArch64 keeps its frame record (x29, x30) at the
 * bottom of the frame, below the locals, and none at all in a function that calls nothing
 * (frame-plan.ts). The whole frame is set aside at once, as `sub sp, sp, N` does.
 */
export function prologue(it: CppInterpreter, frame: CppFrame, fp: FramePlan, callerName: string): Prologue {
  const m = it.p.m;
  const x86 = it.target === 'x86_64';
  let top = m.sp();
  let rbpSlot = -1;
  if (x86) {
    const link = m.pushStack(8, 8);
    m.newObjectFrom(linkTemplate(it, callerName), link, 8, frame.frameId, true);
    m.storeRuntimeInt(link, 8, m.regs.getUint('rbp'));
    m.setRegInt('rbp', link);
    rbpSlot = link;
    top = link;
    if (savesRbx(frame.ret) || fp.holdsAcrossCall) {
      frame.savedRbx = m.pushStack(8, 8);
      m.newObject({
        name: named(NameId.savedRbx, callerName),
        typeName: term(TermId.calleeSavedRegister),
        role: 'frame-link',
        side: SIDE,
        addr: frame.savedRbx,
        size: 8,
        frameId: frame.frameId,
        cells: RBX_CELLS,
        initialized: true,
      });
      m.storeRuntimeInt(frame.savedRbx, 8, m.regs.getUint('rbx'));
      top = link - 16;
    }
  }
  // AArch64 keeps a waiting value in x19 or d8 (and a two-register result on its way out in x20
  // and x21, a hidden result pointer needed after a call in x19), saved in 16 bytes above the
  // frame record.
  const saved =
    fp.holdsAcrossCall || fp.holdsFloatAcrossCall || fp.savesResultPair || fp.savesResultPointer ? 16 : 0;
  const record = x86 || fp.leaf ? -1 : top + fp.bottom - 16 - saved;
  const bottom = record >= 0 ? record : top + fp.bottom;
  let savedLr = 0;
  m.pushStack(Math.max(0, m.sp() - bottom), 1);
  if (record >= 0) {
    m.newObjectFrom(linkTemplate(it, callerName), record, 16, frame.frameId, true);
    m.storeRuntimeInt(record, 8, m.regs.getUint('x29'));
    savedLr = m.regs.getUint('x30');
    m.storeRuntimeInt(record + 8, 8, savedLr);
    m.setRegInt('x29', record);
  }
  // Every local's slot is set aside now; each object comes to life at its declaration.
  for (const [id, offset] of fp.locals) frame.reserved.set(id, top + offset);
  if (fp.resultCopy !== null) frame.resultCopy = top + fp.resultCopy;
  if (fp.resultSpills.length > 0) frame.resultSpills = fp.resultSpills.map((o) => top + o);
  return { top, rbpSlot, record, savedLr };
}

/** The epilogue: the saved registers come back as their slots now hold them. */
export function epilogue(it: CppInterpreter, frame: CppFrame, pro: Prologue): void {
  const m = it.p.m;
  // `movq -8(%rbp), %rbx` gives the caller back whatever the slot now holds; a stray store over it
  // corrupts the caller's callee-saved rbx, and the call still returns normally.
  if (frame.savedRbx >= 0) {
    m.setRegInt('rbx', m.mem.readUint(frame.savedRbx, 8));
    it.p.regProv.delete('rbx');
  }
  // `leave` (`movq %rbp, %rsp; popq %rbp`) gives the caller back the saved %rbp as the slot now
  // holds it. Without it %rbp stayed the finished frame's address, and the next call saved that:
  // a std::array<float, 1> read as Ptr[float] in a loop printed nan from the second call on, where
  // the oracle printed the same value every time (its saved %rbp is the caller's, each call).
  if (pro.rbpSlot >= 0) {
    m.setRegBytes('rbp', 0, m.mem.readBytes(pro.rbpSlot, 8));
    it.p.regProv.delete('rbp');
  }
  // AArch64: `ldp x29, x30, [sp], N; ret` returns through the x30 the frame record now holds; a
  // stray store over it (from a callee's frame below) sends `ret` to those bits.
  if (pro.record >= 0) returnThroughRecord(it, pro.record, pro.savedLr);
}

/**
 * The Codon side's frames as `llc -O3` lays them out on AArch64 (docs/SIMULATOR.md, "The Codon
 * side's frames"). Checked with llc-19 on the oracle's lowering (oracle/lower-ir.ts) of the top
 * level calling `f` once, lesson 2's `run()` with its loop, a function with locals that outlive
 * a call, and prints before and after:
 *
 * - the callee-saved registers go at the top of the frame, x19 highest, then x20, ..., and x30
 *   last, in the lowest slot of that area (`stp x30, x21, [sp, #16]; stp x20, x19, [sp, #32]`);
 *   there is no frame record (x29 is not set up);
 * - the allocas go right below the saved x30, the first one highest, each at its preferred
 *   alignment (an `i8` takes 4 bytes, AArch64's data layout `i8:8:32`), and the frame is rounded
 *   to 16 bytes. So the saved x30 sits `round16(allocas)` bytes above the stack pointer, the
 *   first thing an overflow running up from a callee's frame meets after the caller's locals;
 * - `ret` jumps to whatever that slot holds when the epilogue reloads it.
 *
 * How many callee-saved registers llc uses is its register allocator's choice (the values the
 * function keeps across calls: one to seven in the shapes measured); the model keeps x19 only.
 * The allocas are the Codon variables (the interpreter's own slots) and the lowering's
 * temporaries counted here: a loop counter per `for`, an error flag per integer turned into a
 * string, a slot per `and`/`or` and conditional expression, a comprehension's variable. A `for`
 * loop over a range or a list reads its counter back from its slot at each turn, as llc's code does.
 */
import type { Expr, FormatSpec, Stmt } from '../../codon/ast.ts';
import { prune, type CodonType } from '../../codon/types.ts';
import { childBlocks, stmtExprs, walkExpr } from '../../codon/walk.ts';
import { NameId, named } from '../../trace/names.ts';
import { TermId, term } from '../../trace/terms.ts';
import type { Cell } from '../../trace/types.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { layoutOfCodon } from '../codon-values.ts';
import { SIDE } from './memory.ts';

/** What a Codon function's prologue saved (AArch64): the slot of its x30 and the value put there. */
export interface SavedLink {
  name: string;
  slot: number;
  lr: number;
}

const X30_CELLS: Cell[] = [{ path: 'x30 (lr)', offset: 0, size: 8, kind: 'pointer' }];
const X19_CELLS: Cell[] = [{ path: 'x19', offset: 0, size: 8, kind: 'uint' }];

/** An `i8` alloca's bytes: AArch64's data layout prefers 32-bit alignment for it, x86-64 none. */
function flagBytes(it: CodonInterpreter): number {
  return it.p.m.target === 'aarch64' ? 4 : 1;
}

function intLike(t: CodonType | undefined): boolean {
  if (t === undefined) return false;
  const k = prune(t).kind;
  return k === 'int' || k === 'intn';
}

function strLike(t: CodonType | undefined): boolean {
  return t !== undefined && prune(t).kind === 'str';
}

/** An f-string field's error flag: `seq_str_int` of an integer, or a spec on a str/int (lower-ir.ts). */
function fieldFlags(expr: Expr, conversion: 'r' | 's' | null, spec: FormatSpec | null): number {
  if (spec === null || conversion !== null) return intLike(expr.type) ? 1 : 0;
  return intLike(expr.type) || strLike(expr.type) ? 1 : 0;
}

/**
 * The bytes of the temporaries the lowering gives a body (not the bodies of functions or classes
 * defined in it), the way oracle/lower-ir.ts allocates them: an i64 counter per `for` loop or
 * comprehension, an i8 error flag per `seq_str_int` call, an i8 per `and`/`or`, a slot of the
 * value's type per conditional expression (a comprehension's variable is a named local:
 * memory.ts, Frame.comprehensions).
 */
export function temporaryBytes(it: CodonInterpreter, body: Stmt[]): number {
  return temporaries(it, body).size;
}

/** The temporaries' bytes, and the `for` statements whose counters they hold, in the lowering's order. */
function temporaries(it: CodonInterpreter, body: Stmt[]): { size: number; loops: Stmt[] } {
  const loops: Stmt[] = [];
  let eights = 0;
  let flags = 0;
  let other = 0;
  const visitExpr = (e: Expr): void => {
    if (e.kind === 'boolop') flags++;
    else if (e.kind === 'ifexp' && e.type !== undefined) other += Math.max(1, layoutOfCodon(e.type).size);
    // A comprehension's variable is one of the function's named locals (Frame.comprehensions); its
    // counter is a temporary.
    else if (e.kind === 'listcomp') eights++;
    else if (e.kind === 'fstring') {
      for (const p of e.parts) if (p.kind === 'field') flags += fieldFlags(p.expr, p.conversion, p.spec);
    } else if (e.kind === 'call' && e.resolved !== undefined) {
      const r = e.resolved.kind;
      if (r === 'print') flags += e.args.filter((a) => intLike(a.type)).length;
      else if (r === 'to-str') flags += e.args.length > 0 && intLike(e.args[0]?.type) ? 1 : 0;
    }
  };
  const visit = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      if (s.kind === 'def' || s.kind === 'class') continue;
      if (s.kind === 'for') {
        eights++;
        loops.push(s);
      }
      for (const e of stmtExprs(s)) walkExpr(e, { expr: visitExpr });
      for (const b of childBlocks(s)) visit(b);
    }
  };
  visit(body);
  const f = flagBytes(it);
  return { size: eights * 8 + Math.ceil((flags * f + other) / 8) * 8, loops };
}

/** A `for` loop's counter: its slot in the frame's temporaries, read and written as the lowering does. */
export interface LoopCounter {
  get(): number;
  set(value: number): void;
}

/** Per interpreter, per live frame: the counter slot of each of its `for` loops. */
const counterSlots = new WeakMap<CodonInterpreter, Map<number, Map<Stmt, LoopCounter>>>();

/**
 * The counter of a `for` loop of the current frame (AArch64), or null. llc -O3 keeps the
 * lowering's counter alloca in memory (`run()`: `ldr x8, [sp, #8]; add x8, x8, #1; str x8, [sp, #8]`
 * at the loop's step), so a stray write over it changes the loop: the oracle's `run()` whose callee
 * zeroes the counter's low byte prints `16 1` until its time limit.
 */
export function loopCounter(it: CodonInterpreter, s: Stmt): LoopCounter | null {
  const frame = it.frame;
  if (frame === null) return null;
  return counterSlots.get(it)?.get(frame.frameId)?.get(s) ?? null;
}

/**
 * The prologue's save area (AArch64): `stp x30, x19, [sp, #-16]!` in the model, x30 in the lower
 * slot. `lr` is the return address the caller's `bl` left in x30.
 */
export function saveLink(it: CodonInterpreter, name: string, frameId: number, lr: number): SavedLink | null {
  const m = it.p.m;
  if (m.target !== 'aarch64') return null;
  const slot = m.pushStack(16, 16);
  m.newObject({
    name: named(NameId.savedX30, name),
    typeName: term(TermId.codePointer),
    role: 'frame-link',
    side: SIDE,
    addr: slot,
    size: 8,
    frameId,
    cells: X30_CELLS,
  });
  m.storeRuntimeInt(slot, 8, lr);
  m.newObject({
    name: named(NameId.savedCalleeSaved, name),
    typeName: term(TermId.calleeSavedRegister),
    role: 'frame-link',
    side: SIDE,
    addr: slot + 8,
    size: 8,
    frameId,
    cells: X19_CELLS,
  });
  // In two halves: x19 may hold any 64 bits (start-up's leftovers), more than a double keeps exactly.
  const x19 = m.regs.getBytes('x19', 0, 8);
  const words = new DataView(x19.buffer, x19.byteOffset, 8);
  m.storeRuntimeInt(slot + 8, 4, words.getUint32(0, true));
  m.storeRuntimeInt(slot + 12, 4, words.getUint32(4, true));
  return { name, slot, lr };
}

/** The lowering's temporaries of a body, one object below the Codon variables' slots. */
export function reserveTemporaries(it: CodonInterpreter, name: string, frameId: number, body: Stmt[]): void {
  const m = it.p.m;
  if (m.target !== 'aarch64') return;
  const { size, loops } = temporaries(it, body);
  if (size === 0) return;
  const addr = m.pushStack(size, 8);
  const objectId = m.newObject({
    name: named(NameId.frameTemporaries, name),
    typeName: term(TermId.stackFrame),
    role: 'temp',
    side: SIDE,
    addr,
    size,
    frameId,
  });
  if (loops.length === 0) return;
  // The counters are the first of these allocas, so the highest (llc's order: the first one highest).
  const slots = new Map<Stmt, LoopCounter>();
  loops.forEach((loop, k) => {
    const at = addr + size - 8 * (k + 1);
    const access = { intended: objectId, loc: it.loc(loop.span) };
    slots.set(loop, {
      get: () => m.loadInt(at, 8, true, access),
      set: (value) => m.storeInt(at, 8, value, access),
    });
  });
  let byFrame = counterSlots.get(it);
  if (byFrame === undefined) counterSlots.set(it, (byFrame = new Map()));
  byFrame.set(frameId, slots);
}

/** The frame is gone: so are its counters. */
export function forgetCounters(it: CodonInterpreter, frameId: number): void {
  counterSlots.get(it)?.delete(frameId);
}

/**
 * The epilogue's `ldp x30, x19, [sp], #16; ret`: a stray store over the saved x30 (from a callee's
 * frame below, since g++ -O0 puts an AArch64 function's locals above its own frame record) sends
 * `ret` to those bits. No code mapped there faults, at the address without its top byte (AArch64's
 * top-byte-ignore; the oracle's STR31-C run crashed at 0x7468676965206e, string bytes 24..30).
 */
export function returnThroughSavedX30(it: CodonInterpreter, saved: SavedLink | null): void {
  if (saved === null) return;
  const m = it.p.m;
  // x19 comes back as its slot now holds it: a changed slot is the caller's changed register.
  const x19 = m.mem.readBytes(saved.slot + 8, 8);
  const now = m.regs.getBytes('x19', 0, 8);
  if (!x19.every((b, i) => b === now[i])) m.setRegBytes('x19', 0, x19);
  const bytes = m.mem.readBytes(saved.slot, 8);
  const bits = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (bits === BigInt(saved.lr)) return;
  const masked = bits & 0xffffffffffffffn;
  const target = Number(masked);
  const r = m.mem.regionOf(target);
  if (r === null || r.kind !== 'text')
    m.crash('SIGSEGV', target, 'crash.ret-saved-x30', [
      `0x${bits.toString(16)}`,
      saved.name,
      `0x${masked.toString(16)}`,
    ]);
}

/**
 * The top level's prologue (AArch64): the runtime's `main` called it with `bl` (oracle/lower-ir.ts,
 * `call void @codon.toplevel()`), so its saved x30 points back into the program's text.
 */
export function enterTopLevel(it: CodonInterpreter, frameId: number, body: Stmt[]): SavedLink | null {
  const m = it.p.m;
  if (m.target !== 'aarch64') return null;
  const link = saveLink(it, 'main', frameId, m.regionOfKind('text', 'Codon').start + 0x1100);
  reserveTemporaries(it, 'main', frameId, body);
  m.pushStack(0, 16);
  return link;
}

/**
 * Register files of the two targets. Every register is a 16-byte slot (wide enough for an xmm or
 * a v register); general-purpose registers use the low 8 bytes. A register nobody set keeps what
 * the last code left in it: nothing here is ever cleared behind the program's back.
 */
import type { Target } from '../abi/ctype.ts';
import { TermId, term, type Term } from '../trace/terms.ts';
import { words64 } from './memory.ts';

export const SLOT = 16;
const TWO_32 = 4294967296;

export interface RegisterInfo {
  name: string;
  /** 'gp' general purpose, 'vec' xmm/v, 'x87' x87 stack slot, 'sp' stack pointer, 'meta' bookkeeping. */
  kind: 'gp' | 'vec' | 'x87' | 'sp' | 'meta';
  /** Its role in the calling convention, shown to the learner. */
  role: Term;
}

const X86_ROLES: Record<string, Term> = {
  rax: term(TermId.x86Rax),
  rbx: term(TermId.calleeSaved),
  rcx: term(TermId.x86Rcx),
  rdx: term(TermId.x86Rdx),
  rsi: term(TermId.x86Rsi),
  rdi: term(TermId.x86Rdi),
  rbp: term(TermId.x86Rbp),
  rsp: term(TermId.stackPointer),
  r8: term(TermId.x86R8),
  r9: term(TermId.x86R9),
  r10: term(TermId.scratch),
  r11: term(TermId.scratch),
  r12: term(TermId.calleeSaved),
  r13: term(TermId.calleeSaved),
  r14: term(TermId.calleeSaved),
  r15: term(TermId.calleeSaved),
};

function x86Registers(): RegisterInfo[] {
  const out: RegisterInfo[] = [];
  for (const name of ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'rsp']) {
    out.push({ name, kind: name === 'rsp' ? 'sp' : 'gp', role: X86_ROLES[name] as Term });
  }
  for (let i = 8; i <= 15; i++) out.push({ name: `r${i}`, kind: 'gp', role: X86_ROLES[`r${i}`] as Term });
  for (let i = 0; i <= 7; i++) {
    const role =
      i === 0 ? term(TermId.x86Xmm0) : i === 1 ? term(TermId.x86Xmm1) : term(TermId.floatArgument, i + 1);
    out.push({ name: `xmm${i}`, kind: 'vec', role });
  }
  for (let i = 0; i <= 7; i++) {
    out.push({
      name: `st${i}`,
      kind: 'x87',
      role: i === 0 ? term(TermId.x87Top) : term(TermId.x87Stack),
    });
  }
  out.push({ name: 'x87depth', kind: 'meta', role: term(TermId.x87Depth) });
  return out;
}

function a64Registers(): RegisterInfo[] {
  const out: RegisterInfo[] = [];
  for (let i = 0; i <= 30; i++) {
    const role =
      i === 0
        ? term(TermId.a64X0)
        : i === 1
          ? term(TermId.a64X1)
          : i <= 7
            ? term(TermId.a64Argument, i + 1)
            : i === 8
              ? term(TermId.a64X8)
              : i <= 15
                ? term(TermId.scratch)
                : i <= 18
                  ? term(TermId.a64Platform)
                  : i <= 28
                    ? term(TermId.calleeSaved)
                    : i === 29
                      ? term(TermId.a64Fp)
                      : term(TermId.a64Lr);
    out.push({ name: `x${i}`, kind: 'gp', role });
  }
  out.push({ name: 'sp', kind: 'sp', role: term(TermId.stackPointer) });
  for (let i = 0; i <= 7; i++) {
    out.push({
      name: `v${i}`,
      kind: 'vec',
      role: i === 0 ? term(TermId.a64V0) : term(TermId.a64FloatArgument, i + 1, i),
    });
  }
  return out;
}

/** The registers a target models, in display order. */
export function registerInfos(target: Target): RegisterInfo[] {
  return target === 'x86_64' ? x86Registers() : a64Registers();
}

/** Maps a name the conventions use (`xmm0`, `d0`, `s1`, `q2`, `eax`) to its slot and byte offset. */
export function resolveRegisterName(target: Target, name: string): { slot: string; offset: number } {
  if (target === 'aarch64') {
    const m = /^([dsqvbhw])(\d+)$/.exec(name);
    if (m !== null) {
      const n = Number(m[2]);
      if (m[1] === 'w') return { slot: `x${n}`, offset: 0 };
      return { slot: `v${n}`, offset: 0 };
    }
  }
  return { slot: name, offset: 0 };
}

export class RegisterFile {
  readonly infos: RegisterInfo[];
  readonly names: string[];
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  /** Slot index by name (a plain object: named look-ups are cheaper than a Map's). */
  private readonly index: Record<string, number> = Object.create(null) as Record<string, number>;
  /** 1 for vector (16-byte) slots, by index. */
  readonly isVector: Uint8Array;
  /**
   * Counts register writes; `stamp[i]` is the count at slot i's last write. A call's caller reads
   * `clock` before the callee runs, so it can tell which registers the callee's code never set
   * (their contents are whatever real code would have left: machine/garbage.ts).
   */
  clock = 0;
  private readonly stamp: Float64Array;

  constructor(readonly target: Target) {
    this.infos = registerInfos(target);
    this.isVector = Uint8Array.from(this.infos, (r) => (r.kind === 'vec' ? 1 : 0));
    this.names = this.infos.map((r) => r.name);
    this.bytes = new Uint8Array(this.infos.length * SLOT);
    this.view = new DataView(this.bytes.buffer);
    this.names.forEach((n, i) => (this.index[n] = i));
    this.stamp = new Float64Array(this.infos.length);
  }

  /** The `clock` value of register `name`'s last write (0: never written). */
  writtenAt(name: string): number {
    return this.stamp[this.indexOf(name)] as number;
  }

  /** Slot index of a register name (`xmm0`, `d0` and `v0` name the same slot). */
  indexOf(name: string): number {
    const direct = this.index[name];
    if (direct !== undefined) return direct;
    const r = resolveRegisterName(this.target, name);
    const i = this.index[r.slot];
    if (i === undefined) throw new Error(`no register ${name} on ${this.target}`);
    return i;
  }

  /** Reads the low 8 bytes as an unsigned 64-bit integer (lossy above 2^53). */
  getUint(name: string): number {
    return this.getUintAt(this.indexOf(name));
  }

  /** `getUint` by slot index. */
  getUintAt(index: number): number {
    const o = index * SLOT;
    return this.view.getUint32(o + 4, true) * TWO_32 + this.view.getUint32(o, true);
  }

  /** Reads the low 8 bytes as a signed 64-bit integer (lossy beyond 2^53, as JS numbers are). */
  getInt(name: string): number {
    const o = this.indexOf(name) * SLOT;
    return this.view.getInt32(o + 4, true) * TWO_32 + this.view.getUint32(o, true);
  }

  /** Sets the low 8 bytes to an integer; the upper 8 bytes of a vector slot are left alone. */
  setUint(name: string, value: number): void {
    this.setUintAt(this.indexOf(name), value);
  }

  /** `setUint` by slot index. */
  setUintAt(index: number, value: number): void {
    this.stamp[index] = ++this.clock;
    const o = index * SLOT;
    const [lo, hi] = words64(value);
    this.view.setUint32(o, lo, true);
    this.view.setUint32(o + 4, hi, true);
  }

  getF64(name: string): number {
    return this.view.getFloat64(this.indexOf(name) * SLOT, true);
  }

  /** On AArch64 a scalar write to `d`/`s` clears the rest of the vector register (fmov, fcvt, ldr). */
  setF64(name: string, value: number): void {
    const i = this.indexOf(name);
    const o = i * SLOT;
    this.stamp[i] = ++this.clock;
    this.view.setFloat64(o, value, true);
    if (this.target === 'aarch64' && this.isVector[i] === 1) this.bytes.fill(0, o + 8, o + SLOT);
  }

  getF32(name: string): number {
    return this.view.getFloat32(this.indexOf(name) * SLOT, true);
  }

  setF32(name: string, value: number): void {
    const i = this.indexOf(name);
    const o = i * SLOT;
    this.stamp[i] = ++this.clock;
    this.view.setFloat32(o, value, true);
    if (this.target === 'aarch64' && this.isVector[i] === 1) this.bytes.fill(0, o + 4, o + SLOT);
  }

  /** A copy of the bytes [offset, offset+len) of a register slot. */
  getBytes(name: string, offset: number, len: number): Uint8Array {
    const o = this.indexOf(name) * SLOT + offset;
    return this.bytes.slice(o, o + len);
  }

  setBytes(name: string, offset: number, src: Uint8Array): void {
    const i = this.indexOf(name);
    this.stamp[i] = ++this.clock;
    this.bytes.set(src, i * SLOT + offset);
  }

  /** The whole 16-byte slot (a view, not a copy). */
  slotView(index: number): Uint8Array {
    return this.bytes.subarray(index * SLOT, index * SLOT + SLOT);
  }

  snapshot(): Uint8Array {
    return this.bytes.slice();
  }
}

/**
 * Where the simulator invents bytes instead of computing them, and the one source they are drawn
 * from. The model computes what the two programs do; around them it has to make up what a real
 * process would have: what start-up left in the registers, what the runtime's single-step
 * functions (print, printf, GC_malloc) leave on the dead stack and in the registers they clobber,
 * what memory holds before anything wrote it, what an allocator writes into a block it takes
 * back. Those bytes are not wrong, they are indeterminate: the real machine has *some* bytes
 * there, and nothing in either program says which.
 *
 * Every such place asks the run's `Garbage` for its bytes. The reference run (`Garbage.MODELLED`)
 * gets exactly the bytes the model has always chosen, so traces and scenes stay as they were. A
 * perturbed run draws different bytes from a seeded generator for the kinds it perturbs; whatever
 * the program prints differently in that run depends on invented bytes, and is marked
 * indeterminate (src/sim/trace/indeterminate.ts, docs/SIMULATOR.md "Indeterminate output").
 */
import type { GarbageKind } from '../trace/types.ts';
import type { Machine } from './machine.ts';

export type { GarbageKind } from '../trace/types.ts';

/**
 * Registers that hold the same invented value at start-up: everything but the stack pointer (and
 * AArch64's frame record pointer x29). x86-64's %rbp is among them: Codon's code (like the
 * oracle's `llc -O3` caller) keeps no frame pointer, so %rbp is whatever start-up left, and a
 * callee's `push %rbp` saves that into its frame (the oracle read its low half, 1, beside a
 * `std::array<float, 1>`'s element in a finished frame).
 */
const START: Record<Machine['target'], readonly string[]> = {
  x86_64: [
    ...['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp'],
    ...['r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'],
    ...Array.from({ length: 8 }, (_, i) => `xmm${i}`),
  ],
  aarch64: [
    ...Array.from({ length: 29 }, (_, i) => `x${i}`),
    ...Array.from({ length: 8 }, (_, i) => `v${i}`),
  ],
};

export class Garbage {
  /** The reference run: every invented byte is the model's own choice. */
  static readonly MODELLED = new Garbage(0, []);

  private state: number;
  private readonly kinds: ReadonlySet<GarbageKind>;
  /** True when any kind is perturbed (a field: the machine's load paths check it on every load). */
  readonly perturbed: boolean;

  /** `seed` non-zero and the kinds to perturb; the other kinds keep the model's bytes. */
  constructor(
    readonly seed: number,
    kinds: readonly GarbageKind[],
  ) {
    this.state = seed >>> 0 || 1;
    this.kinds = new Set(seed === 0 ? [] : kinds);
    this.perturbed = this.kinds.size > 0;
  }

  /** True when this run draws bytes of `kind` from the generator. */
  perturbs(kind: GarbageKind): boolean {
    return this.kinds.has(kind);
  }

  /** The next 32 bits of the generator (xorshift32: cheap, and never the model's zeros). */
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** Invented bytes of `kind`: `modelled` itself unless this run perturbs the kind. */
  bytes(kind: GarbageKind, modelled: Uint8Array): Uint8Array {
    if (!this.kinds.has(kind)) return modelled;
    const out = new Uint8Array(modelled.length);
    for (let i = 0; i < out.length; i += 4) {
      const w = this.next();
      for (let j = 0; j < 4 && i + j < out.length; j++) out[i + j] = (w >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /**
   * A byte of memory nothing wrote, at `addr`: a function of the address, so two reads of the same
   * byte agree, as they would on the real machine.
   */
  byteAt(addr: number): number {
    let h = (Math.floor(addr / 4294967296) ^ (addr >>> 0) ^ this.seed) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    return ((h ^ (h >>> 16)) >>> 0) & 0xff;
  }

  /**
   * Start-up: the registers the process does not set hold whatever the loader and libc's start-up
   * left. Called before the process sets the ones it does set.
   */
  startRegisters(m: Machine): void {
    if (!this.kinds.has('register')) return;
    for (const r of START[m.target]) m.setRegBytes(r, 0, this.bytes('register', new Uint8Array(16)));
  }

  /**
   * After a foreign call: of the registers the caller reads its result from (`registers`), each
   * one the callee's code did not write since `since` (a `RegisterFile.clock` value taken once the
   * arguments were in place) holds whatever was there, which the callee's declaration does not
   * produce: an `@tuple`'s `%xmm1` against a callee that returns in memory, `d1` against one
   * that returns one double. `keep`: registers whose value a leftover setting defines.
   */
  clobberUnwritten(m: Machine, since: number, registers: readonly string[], keep: readonly string[]): void {
    if (!this.kinds.has('register')) return;
    for (const r of registers) {
      if (keep.includes(r) || m.regs.writtenAt(r) > since) continue;
      m.setRegBytes(r, 0, this.bytes('register', new Uint8Array(16)));
    }
  }

  /**
   * Memory an allocator writes into when it takes a block back: `modelled`, the bytes the model
   * writes at `addr` (glibc's tcache link and key, or nothing but the old bytes for Boehm's
   * collector), or made-up ones in a run that perturbs freed memory.
   */
  freed(m: Machine, addr: number, modelled: Uint8Array): void {
    if (modelled.length === 0) return;
    m.mem.writeBytes(addr, this.bytes('freed', modelled));
  }
}

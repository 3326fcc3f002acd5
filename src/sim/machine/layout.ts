/**
 * Where things live in the simulated address space, per target. The numbers follow what a Linux
 * process really looks like (PIE text near 0x5555_5555_4000 on x86-64 and 0xaaaa_aaaa_0000 on
 * AArch64, shared libraries and the loader's data just below the stack), rounded so that a
 * learner can tell the regions apart by their first digits.
 */
import type { Target } from '../abi/ctype.ts';
import type { RegionKind } from '../trace/types.ts';

export interface RegionPlan {
  kind: RegionKind;
  name: string;
  start: number;
  size: number;
  writable: boolean;
}

export interface AddressPlan {
  regions: RegionPlan[];
  /** Initial stack pointer of the main thread (16-byte aligned, as at a call boundary). */
  stackTop: number;
}

const MB = 1024 * 1024;

/** [kind, name, x86-64 start, AArch64 start, size, writable] */
type Row = [RegionKind, string, number, number, number, boolean];

const ROWS: Row[] = [
  ['text', 'main program text (Codon)', 0x555555554000, 0xaaaaaaaa0000, 0x8000, false],
  ['static', 'main program .data (Codon globals)', 0x55555555c000, 0xaaaaaaaa8000, 0x4000, true],
  ['c-heap', 'C heap (malloc, new)', 0x555555570000, 0xaaaaaaac0000, 4 * MB, true],
  ['gc-heap', 'GC heap (Codon objects)', 0x7ffff7400000, 0xfffff7400000, 4 * MB, true],
  ['text', 'libfoo.so text', 0x7ffff7fb0000, 0xfffff7fb0000, 0x4000, false],
  ['static', 'libfoo.so .data/.bss (C++ statics)', 0x7ffff7fb4000, 0xfffff7fb4000, 0x4000, true],
  ['runtime', 'runtime data (ld.so, libc, Codon runtime)', 0x7ffff7ffd000, 0xfffff7ffd000, 0x2000, true],
  // 20 KiB, not Linux's 8 MiB: deep recursion overflows after about two hundred calls, a depth the
  // interpreter can follow in a browser (a documented simplification).
  ['stack', 'main thread stack', 0x7fffffffa000, 0xffffffffa000, 0x5000, true],
];

/** The address plan of a target. */
export function addressPlan(target: Target): AddressPlan {
  const x86 = target === 'x86_64';
  return {
    regions: ROWS.map(([kind, name, a, b, size, writable]) => ({
      kind,
      name,
      start: x86 ? a : b,
      size,
      writable,
    })),
    stackTop: x86 ? 0x7fffffffe3c0 : 0xffffffffe3c0,
  };
}

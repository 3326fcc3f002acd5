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

/** The address plan of a target. */
export function addressPlan(target: Target): AddressPlan {
  if (target === 'x86_64') {
    return {
      regions: [
        {
          kind: 'text',
          name: 'main program text (Codon)',
          start: 0x555555554000,
          size: 0x10000,
          writable: false,
        },
        { kind: 'c-heap', name: 'C heap (malloc, new)', start: 0x555555570000, size: 4 * MB, writable: true },
        {
          kind: 'gc-heap',
          name: 'GC heap (Codon objects)',
          start: 0x7ffff7400000,
          size: 4 * MB,
          writable: true,
        },
        { kind: 'text', name: 'libfoo.so text', start: 0x7ffff7fb0000, size: 0x4000, writable: false },
        {
          kind: 'static',
          name: 'libfoo.so .data/.bss (C++ statics)',
          start: 0x7ffff7fb4000,
          size: 0x4000,
          writable: true,
        },
        {
          kind: 'runtime',
          name: 'runtime data (ld.so, libc, Codon runtime)',
          start: 0x7ffff7ffd000,
          size: 0x2000,
          writable: true,
        },
        { kind: 'stack', name: 'main thread stack', start: 0x7ffffffde000, size: 0x21000, writable: true },
      ],
      stackTop: 0x7fffffffe3c0,
    };
  }
  return {
    regions: [
      {
        kind: 'text',
        name: 'main program text (Codon)',
        start: 0xaaaaaaaa0000,
        size: 0x10000,
        writable: false,
      },
      { kind: 'c-heap', name: 'C heap (malloc, new)', start: 0xaaaaaaac0000, size: 4 * MB, writable: true },
      {
        kind: 'gc-heap',
        name: 'GC heap (Codon objects)',
        start: 0xfffff7400000,
        size: 4 * MB,
        writable: true,
      },
      { kind: 'text', name: 'libfoo.so text', start: 0xfffff7fb0000, size: 0x4000, writable: false },
      {
        kind: 'static',
        name: 'libfoo.so .data/.bss (C++ statics)',
        start: 0xfffff7fb4000,
        size: 0x4000,
        writable: true,
      },
      {
        kind: 'runtime',
        name: 'runtime data (ld.so, libc, Codon runtime)',
        start: 0xfffff7ffd000,
        size: 0x2000,
        writable: true,
      },
      { kind: 'stack', name: 'main thread stack', start: 0xfffffffde000, size: 0x21000, writable: true },
    ],
    stackTop: 0xfffffffff3c0,
  };
}

/**
 * glibc's heap as the Codon runtime leaves it when a program makes its first foreign call: the
 * chunks the dynamic loader, libgc and libc's start-up allocated, the ones they freed (waiting in
 * tcache bins, reused first, last freed first), and where the top chunk starts. A learner's first
 * `new double[4]` is not the heap's first chunk: it comes out of the tcache bin of 48-byte chunks
 * that `dlopen` left, below the next one, and a write past its end lands on whatever neighbour that
 * chunk has in the real process.
 *
 * Measured, not reasoned: a library function run by the oracle (oracle/heap-history.cpp, with
 * `npm run real`, glibc 2.36, g++
 * 12 -O0, Debian's libgc, the oracle's model of Codon's caller) walks the heap from its first
 * chunk (`/proc/self/maps`' [heap]; under qemu-aarch64 the anonymous mapping after the
 * executable) and the tcache_perthread_struct at its start, reading nothing through malloc. The
 * state is the same whatever the Codon program did before the call (lists and strings live in
 * libgc's heap, not glibc's), except that stdout's first write allocates its 4096-byte buffer
 * from the top chunk (runtime.ts). Real Codon's own start-up allocates and frees its own chunks,
 * so this is the oracle's process, as everything the simulator is judged against.
 */
import type { Target } from '../abi/ctype.ts';

export interface HeapHistory {
  /** Chunks below the top chunk, as [offset of the chunk from the heap's start, chunk size]. */
  readonly chunks: readonly (readonly [number, number])[];
  /** Free chunks waiting in tcache bins, by chunk size: user-pointer offsets, the bin's head first. */
  readonly tcache: Readonly<Record<number, readonly number[]>>;
  /** Offset of the top chunk. */
  readonly top: number;
}

export const HEAP_HISTORY: Record<Target, HeapHistory> = {
  x86_64: {
    chunks: [
      [0x0, 0x290], // tcache_perthread_struct
      [0x290, 0x1e0],
      [0x470, 0x80],
      [0x4f0, 0x410],
      [0x900, 0x100],
      [0xa00, 0x30],
      [0xa30, 0xa0],
      [0xad0, 0x30],
      [0xb00, 0x20],
      [0xb20, 0x4e0],
      [0x1000, 0x40],
      [0x1040, 0x70],
      [0x10b0, 0x20],
      [0x10d0, 0x910],
    ],
    tcache: { 0x20: [0x10c0], 0x30: [0xae0, 0xa10], 0x100: [0x910], 0x1e0: [0x2a0], 0x410: [0x500] },
    top: 0x19e0,
  },
  aarch64: {
    chunks: [
      [0x0, 0x290], // tcache_perthread_struct
      [0x290, 0x1e0],
      [0x470, 0x80],
      [0x4f0, 0x30],
      [0x520, 0xa0],
      [0x5c0, 0x30],
      [0x5f0, 0x20],
      [0x610, 0x510],
      [0xb20, 0x40],
      [0xb60, 0x50],
      [0xbb0, 0x20],
      [0xbd0, 0x910],
    ],
    tcache: { 0x20: [0xbc0], 0x30: [0x5d0, 0x500], 0x1e0: [0x2a0] },
    top: 0x14e0,
  },
};

/** The size of stdout's buffer, allocated at its first write: st_blksize of the pipe the oracle reads. */
export const STDOUT_BUFFER = 4096;

/**
 * Where things live in the simulated address space, per target. The numbers follow what a Linux
 * process really looks like (PIE text near 0x5555_5555_4000 on x86-64 and 0xaaaa_aaaa_0000 on
 * AArch64, shared libraries and the loader's data just below the stack), rounded so that a
 * learner can tell the regions apart by their first digits.
 */
import type { Target } from '../abi/ctype.ts';
import { NameId, ident, named, type ObjectName } from '../trace/names.ts';
import { TermId, term, type CodeOrTerm } from '../trace/terms.ts';
import type { RegionKind } from '../trace/types.ts';

export interface RegionPlan {
  kind: RegionKind;
  name: ObjectName;
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
type Row = [RegionKind, NameId, number, number, number, boolean];

const ROWS: Row[] = [
  ['text', NameId.regionCodonText, 0x555555554000, 0xaaaaaaaa0000, 0x8000, false],
  ['static', NameId.regionCodonData, 0x55555555c000, 0xaaaaaaaa8000, 0x4000, true],
  ['c-heap', NameId.regionCHeap, 0x555555570000, 0xaaaaaaac0000, 4 * MB, true],
  ['gc-heap', NameId.regionGcHeap, 0x7ffff7400000, 0xfffff7400000, 4 * MB, true],
  ['text', NameId.regionLibText, 0x7ffff7fb0000, 0xfffff7fb0000, 0x4000, false],
  ['static', NameId.regionLibData, 0x7ffff7fb4000, 0xfffff7fb4000, 0x4000, true],
  ['runtime', NameId.regionRuntime, 0x7ffff7ffd000, 0xfffff7ffd000, 0x2000, true],
  // 20 KiB, not Linux's 8 MiB: deep recursion overflows after about two hundred calls, a depth the
  // interpreter can follow in a browser (a documented simplification).
  ['stack', NameId.regionStack, 0x7fffffffa000, 0xffffffffa000, 0x5000, true],
];

/** The address plan of a target. */
export function addressPlan(target: Target): AddressPlan {
  const x86 = target === 'x86_64';
  return {
    regions: ROWS.map(([kind, name, a, b, size, writable]) => ({
      kind,
      name: named(name),
      start: x86 ? a : b,
      size,
      writable,
    })),
    stackTop: x86 ? 0x7fffffffe3c0 : 0xffffffffe3c0,
  };
}

/** A named object of the runtime's data, by its offset in the runtime data region. */
export interface RuntimeObjectPlan {
  name: ObjectName;
  typeName: CodeOrTerm;
  offset: number;
  size: number;
}

/**
 * The runtime data region's named objects. The dynamic loader's state comes first; then libc's
 * `.bss` around stdout's lock, in glibc 2.36's own order and sizes (`nm -S -n` of the libc6-dbg
 * debug files, amd64 and arm64: `_IO_stdfile_2_lock`, `_IO_stdfile_1_lock`, `_IO_stdfile_0_lock`,
 * 16 bytes each, `_IO_lock_t {int lock; int cnt; void *owner;}` per gdb's `ptype`, then
 * `__pthread_force_elision` (an int) on x86-64 and `xidcmd` (a pointer) on AArch64). A 32-byte
 * store at stdout's lock, which is where `%rdi` points after `fwrite`, covers stdout's lock and
 * stdin's. The main thread's descriptor (what a lock's `owner` holds) is a separate mapping in a
 * real process; here it sits in the same region.
 */
export function runtimeObjectPlan(
  target: Target,
): Record<
  'rtldGlobal' | 'loaderLock' | 'stderrLock' | 'stdoutLock' | 'stdinLock' | 'afterStdinLock' | 'mainThread',
  RuntimeObjectPlan
> {
  const lock = (stream: string) => term(TermId.ioLock, '_IO_lock_t', stream);
  return {
    rtldGlobal: {
      name: ident('_rtld_global'),
      typeName: term(TermId.rtldGlobal, 'struct rtld_global'),
      offset: 0,
      size: 0x900,
    },
    loaderLock: {
      name: ident('_rtld_global._dl_load_lock'),
      typeName: term(TermId.loaderLock, 'pthread_mutex_t'),
      offset: 0x908,
      size: 40,
    },
    stderrLock: { name: ident('_IO_stdfile_2_lock'), typeName: lock('stderr'), offset: 0xff0, size: 16 },
    stdoutLock: {
      name: ident('_IO_stdfile_1_lock'),
      typeName: lock('stdout'),
      offset: 0x1000,
      size: 16,
    },
    stdinLock: { name: ident('_IO_stdfile_0_lock'), typeName: lock('stdin'), offset: 0x1010, size: 16 },
    afterStdinLock:
      target === 'x86_64'
        ? {
            name: ident('__pthread_force_elision'),
            typeName: term(TermId.libc, 'int'),
            offset: 0x1020,
            size: 4,
          }
        : {
            name: ident('xidcmd'),
            typeName: term(TermId.libc, 'struct xid_command *'),
            offset: 0x1020,
            size: 8,
          },
    mainThread: {
      name: named(NameId.mainThreadDescriptor),
      typeName: term(TermId.threadHead, 'struct pthread', 256),
      offset: 0x1800,
      size: 0x100,
    },
  };
}

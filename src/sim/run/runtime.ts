/**
 * The process around the two programs: what start-up leaves in memory and registers, and the
 * runtime calls Codon code makes (GC allocation, print), modelled by their visible effects:
 * the stack they use, the bytes they write there, and what they leave in caller-saved registers.
 *
 * The effects are of the kind the real runtime produces, checked on glibc 2.36 (x86-64, and AArch64
 * under qemu-aarch64): Codon's `print` ends in `fwrite` (`seq_print_full` in codon/runtime/lib.cpp,
 * one call per value, separator and end, stdlib/internal/builtin.codon), which takes and releases
 * stdout's lock and leaves its address, `&_IO_stdfile_1_lock`, in %rdi (x1 on AArch64) and its
 * item count in %rax (x0); glibc's `printf` leaves a pointer into its dead work buffer on the stack
 * instead; GC_malloc leaves its size argument in %rdi; a write system call on AArch64 leaves its
 * number, 64, in x8.
 */
import { ROLE_INDEX } from '../trace/tables.ts';
import type { Cell, SourceLoc } from '../trace/types.ts';
import { StepKind } from '../trace/types.ts';
import { CHeap, GcHeap } from '../machine/heap.ts';
import { STDOUT_BUFFER } from '../machine/heap-history.ts';
import { NameId, ident, named, type ObjectName } from '../trace/names.ts';
import { TermId, term, type CodeOrTerm } from '../trace/terms.ts';
import { runtimeObjectPlan, type RuntimeObjectPlan } from '../machine/layout.ts';
import { hex } from '../machine/memory.ts';
import { INTENT_UNKNOWN, Machine, RunStop, type Leftover } from '../machine/machine.ts';

/**
 * The dead-stack address glibc's printf leaves in %rdi: 1,360 bytes below the caller's stack
 * pointer (docs/DOMAIN.md#leftover-registers, reproduced with g++ 12 and glibc 2.36). The `stale-stack` leftover
 * uses it too.
 */
export const PRINTF_BUFFER_DEPTH = 1360;
/**
 * Where the text Codon's print formats lands below the caller's stack pointer: 688 bytes, in a
 * replica of its runtime path (fmt's `{:g}` into a string, then `fwrite` per piece; fmt 9.1 and
 * g++ 12 -O2, run natively).
 */
const PRINT_TEXT_DEPTH = 688;
/**
 * How much dead stack below the caller's stack pointer a print overwrites with its frames (saved
 * registers, return addresses, locals). The replica writes down to 3,460 bytes below (6,424 on the
 * first print); the model overwrites the top 1,536 bytes, which covers both leftovers above.
 */
const PRINT_FRAMES = 1536;
/** The most bytes of the printed text the model copies into the work area. */
const PRINT_TEXT_MAX = 0x100;

export interface Process {
  m: Machine;
  cheap: CHeap;
  gc: GcHeap;
  /** The object id each register's pointer value came from (pointer provenance across calls). */
  regProv: Map<string, number>;
  /** Runtime objects a leftover register may point to. */
  runtimeObjects: {
    loaderLock: number;
    stdoutLock: number;
    mainThread: number;
    startupFrame: number;
    argv: number;
  };
  leftover: Leftover;
  leftoverApplied: boolean;
  /** stdout's buffer, which libc allocates at the first write (0 until then). */
  stdoutBuffer: number;
}

const u64 = (path: CodeOrTerm, offset: number): Cell => ({ path, offset, size: 8, kind: 'uint' });
const i32 = (path: CodeOrTerm, offset: number): Cell => ({ path, offset, size: 4, kind: 'int' });

/** Builds the process as it is when Codon's `main` starts: loader data, GC, argv, a dead start-up frame. */
export function startProcess(m: Machine, leftover: Leftover, libraryName: string): Process {
  m.step(StepKind.Start, 'runtime', null, 'step.start', [libraryName]);
  // After the first step: the heap's history writes chunk headers, which are events of that step.
  const cheap = new CHeap(m);
  const gc = new GcHeap(m);
  const rt = m.regionOfKind('runtime');
  const plan = runtimeObjectPlan(m.target);
  const place = (o: RuntimeObjectPlan, cells: Cell[]) =>
    m.newObject({
      name: o.name,
      typeName: o.typeName,
      role: 'runtime',
      side: 'runtime',
      addr: rt.start + o.offset,
      size: o.size,
      initialized: true,
      cells,
    });
  place(plan.rtldGlobal, [u64('_dl_ns[0]._ns_loaded', 0), u64('_dl_ns[0]._ns_nloaded', 8)]);
  m.storeRuntimeInt(rt.start, 8, rt.start + 0x1100);
  m.storeRuntimeInt(rt.start + 8, 8, 5);
  // A recursive pthread mutex: all zero means "unlocked, no owner".
  const loaderLock = place(plan.loaderLock, [
    i32('__lock', 0),
    i32('__count', 4),
    i32('__owner', 8),
    i32('__nusers', 12),
    i32('__kind', 16),
    i32('__spins', 20),
    u64('__list.__prev', 24),
    u64('__list.__next', 32),
  ]);
  m.storeRuntimeInt(rt.start + plan.loaderLock.offset + 16, 4, 1); // PTHREAD_MUTEX_RECURSIVE_NP
  // libc's stdio locks: all zero, "unlocked, no owner", until a print takes stdout's.
  const lockCells = [i32('lock', 0), i32('cnt', 4), u64('owner', 8)];
  place(plan.stderrLock, lockCells);
  const stdoutLock = place(plan.stdoutLock, lockCells);
  place(plan.stdinLock, lockCells);
  const after = plan.afterStdinLock;
  place(after, [after.size === 4 ? i32('', 0) : u64('', 0)]);
  const mainThread = place(plan.mainThread, [u64(term(TermId.tcbSelf, 'header.tcb'), 0)]);
  m.storeRuntimeInt(rt.start + plan.mainThread.offset, 8, rt.start + plan.mainThread.offset);
  // argv as Codon sees it: a List[str] on the GC heap.
  const argvAddr = gc.alloc(16, false, ident('sys.argv'), 'List[str]', null, [
    { path: 'len', offset: 0, size: 8, kind: 'int' },
    { path: 'arr.len', offset: 8, size: 8, kind: 'int' },
  ]);
  m.storeRuntimeInt(argvAddr, 8, 1);
  m.storeRuntimeInt(argvAddr + 8, 8, 1);
  const argv = m.objectAt(argvAddr, false);
  // Start-up code (GC_init, the dynamic loader) ran deep in the stack and left a dead frame there.
  const sp = m.sp();
  const frameAddr = sp - PRINTF_BUFFER_DEPTH;
  const startupFrame = m.newObject({
    name: named(NameId.gcInitFrame),
    typeName: term(TermId.stackFrame),
    role: 'runtime',
    side: 'runtime',
    addr: frameAddr,
    size: 64,
    cells: [0, 8, 16, 24].map((at) => u64(term(TermId.saved), at)),
  });
  for (let i = 0; i < 4; i++) m.storeRuntimeInt(frameAddr + 8 * i, 8, sp - 0x40 * (i + 1));
  // The words are of the right kind (saved stack addresses), their values the model's invention.
  if (m.garbage.perturbs('runtime-stack'))
    m.mem.writeBytes(frameAddr, m.garbage.bytes('runtime-stack', new Uint8Array(32)));
  m.endObject(startupFrame, 'out-of-scope', null);
  // Every other register holds whatever the loader and libc's start-up left (garbage.ts).
  m.garbage.startRegisters(m);
  // What start-up leaves in the argument registers: argc and argv, as for any C main.
  if (m.target === 'x86_64') {
    m.setRegInt('rdi', 1);
    m.setRegInt('rsi', sp + 0x100);
    m.setRegInt('rax', 0);
  } else {
    m.setRegInt('x0', 1);
    m.setRegInt('x1', sp + 0x100);
    m.setRegInt('x8', 0x40);
  }
  return {
    m,
    cheap,
    gc,
    regProv: new Map(),
    runtimeObjects: { loaderLock, stdoutLock, mainThread, startupFrame, argv },
    leftover,
    leftoverApplied: false,
    stdoutBuffer: 0,
  };
}

/**
 * The registers that hold the leftover before the first foreign call. On x86-64 only rdi: the
 * callee itself copies the hidden pointer into rax when it returns (g++ -O0 ends with
 * `mov -N(%rbp),%rax`, calls.ts), so rax's old value is never seen. On AArch64 the callee leaves
 * x0 alone (nothing returns x8), so whatever x0 held is what Codon reads: the oracle's trampoline
 * sets x8 and x0 (oracle/toolchain.ts).
 */
export function leftoverRegisters(p: Process): readonly string[] {
  return p.m.target === 'x86_64' ? ['rdi'] : ['x8', 'x0'];
}

/**
 * Sets the leftover registers before the program's first foreign call, per the run's setting,
 * and returns a description for the narration. Later calls see what the program left.
 */
export function applyLeftover(
  p: Process,
): { value: number; setting: Leftover; objectName: ObjectName | '' } | null {
  if (p.leftoverApplied) return null;
  p.leftoverApplied = true;
  const m = p.m;
  let value: number;
  let objectName: ObjectName | '' = '';
  let prov = -1;
  switch (p.leftover) {
    case 'zero':
      value = 0;
      break;
    case 'runtime-data': {
      const o = m.object(p.runtimeObjects.loaderLock);
      value = o.addr;
      objectName = o.name;
      prov = o.id;
      break;
    }
    case 'gc-object': {
      const target = newestGcObject(p);
      const o = m.object(target);
      value = o.addr;
      objectName = o.name;
      prov = o.id;
      break;
    }
    case 'stale-stack': {
      value = m.sp() - PRINTF_BUFFER_DEPTH;
      break;
    }
  }
  for (const r of leftoverRegisters(p)) {
    m.setRegInt(r, value);
    if (prov >= 0) p.regProv.set(r, prov);
    else p.regProv.delete(r);
  }
  return { value, setting: p.leftover, objectName };
}

const GC_ROLE = ROLE_INDEX.gc;

/** The most recently allocated live, scanned GC object of the program (else `sys.argv`). */
function newestGcObject(p: Process): number {
  const t = p.m.objects;
  for (let i = t.count - 1; i >= 0; i--) {
    if (t.role[i] === GC_ROLE && t.died[i] === -1 && t.atomic[i] !== 2 && (t.size[i] as number) >= 16)
      return i;
  }
  return p.runtimeObjects.argv;
}

/**
 * How a print reaches the C library, which decides what it leaves in the registers: Codon's
 * `print`, `puts`, `putchar` and `std::cout` end in stdio writes (`fwrite`), each of which takes
 * stdout's lock; `last` is the text of the last write (Codon's print writes its `end` last).
 * glibc's `printf` formats into a work buffer on the stack and leaves a pointer into it in %rdi.
 */
export type PrintRoute = { kind: 'stdio'; last: string } | { kind: 'printf' };

/**
 * A print, down to the C library: its frames overwrite the dead stack below the caller's stack
 * pointer, each stdio write takes and releases stdout's lock (as it finds it: a stray write may
 * have left it looking taken), and the caller-saved registers hold what the last write left.
 */
export function runtimePrint(
  p: Process,
  text: string,
  route: PrintRoute = { kind: 'stdio', last: text },
): void {
  const m = p.m;
  const sp = m.sp();
  // Every write after the first finds the lock as the first left it, so one stands for all; a
  // print of nothing writes nothing (fwrite of 0 bytes returns before taking the lock).
  if (text.length > 0) takeAndReleaseStdoutLock(p);
  // The first write allocates stdout's buffer from the C heap (glibc's _IO_file_doallocate), which
  // moves the top chunk every later malloc is carved from (machine/heap-history.ts).
  if (text.length > 0 && p.stdoutBuffer === 0) p.stdoutBuffer = p.cheap.reserve(STDOUT_BUFFER);
  m.print(text);
  // The print's frames start right below the caller's stack pointer: whatever dead frames were
  // there (a callee's locals, a copy of its result) get overwritten by saved registers, return
  // addresses and locals (here: stack addresses, as saved frame pointers are).
  const frames = new Uint8Array(PRINT_FRAMES);
  const fv = new DataView(frames.buffer);
  for (let i = 0; i < PRINT_FRAMES / 8; i++) {
    const word = sp - 0x100 - (i % 16) * 0x18;
    fv.setUint32(i * 8, word >>> 0, true);
    fv.setUint32(i * 8 + 4, Math.floor(word / 2 ** 32), true);
  }
  const textDepth = route.kind === 'printf' ? PRINTF_BUFFER_DEPTH : PRINT_TEXT_DEPTH;
  const shown = Math.min(PRINT_TEXT_MAX, text.length);
  for (let i = 0; i < shown; i++) frames[PRINT_FRAMES - textDepth + i] = text.charCodeAt(i) & 0xff;
  // Bytes of the right kind at roughly the right depths, not what the real print's instructions
  // leave: a value read from here later is indeterminate (garbage.ts).
  storeChanged(m, sp - PRINT_FRAMES, m.garbage.bytes('runtime-stack', frames));
  const lockAddr = m.object(p.runtimeObjects.stdoutLock).addr;
  const count = route.kind === 'printf' ? text.length : route.last.length;
  if (m.target === 'x86_64') {
    m.setRegInt('rdi', route.kind === 'printf' ? sp - PRINTF_BUFFER_DEPTH : lockAddr);
    m.setRegInt('rax', count);
    if (route.kind === 'printf') p.regProv.delete('rdi');
    else p.regProv.set('rdi', p.runtimeObjects.stdoutLock);
    p.regProv.delete('rax');
  } else {
    m.setRegInt('x0', count);
    m.setRegInt('x1', lockAddr);
    p.regProv.set('x1', p.runtimeObjects.stdoutLock);
    p.regProv.delete('x0');
    // A newline on a terminal flushes stdout: the write system call's number, 64, stays in x8.
    if (text.includes('\n')) {
      m.setRegInt('x8', 64);
      p.regProv.delete('x8');
    }
  }
}

/**
 * Stores `bytes` at `addr`, recording only the runs that differ from what memory already holds: a
 * print in a loop rewrites the same frames at the same depth, and only its text changes.
 */
function storeChanged(m: Machine, addr: number, bytes: Uint8Array): void {
  const access = { intended: INTENT_UNKNOWN, loc: null, raw: true } as const;
  const region = m.mem.regionOf(addr);
  if (region === null || addr + bytes.length > region.end) {
    m.storeBytes(addr, bytes, access); // faults where the real stores would
    return;
  }
  // Compared a 4-byte word at a time (the frames are word-aligned and a multiple of 4 long).
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const same = (w: number) => m.mem.readUint(addr + 4 * w, 4) === words.getUint32(4 * w, true);
  const count = bytes.length / 4;
  let w = 0;
  while (w < count) {
    if (same(w)) {
      w++;
      continue;
    }
    let end = w + 1;
    // Changed words closer than two words apart are stored together.
    for (let j = end; j < count && j < end + 2; j++) if (!same(j)) end = j + 1;
    m.storeBytes(addr + 4 * w, bytes.subarray(4 * w, 4 * end), access);
    w = end;
  }
}

/**
 * One stdio write's `_IO_lock_lock` and `_IO_lock_unlock` on stdout's lock (glibc 2.36,
 * libio/stdio-lock.h): if the lock's owner is not this thread, take the lock word (it must be 0,
 * else the thread waits for an owner that does not exist: the program hangs) and become the
 * owner; count up; after the write, count down, and release the lock only when the count is 0.
 * So a count a stray write left non-zero keeps the lock taken, harmlessly, by this thread.
 */
function takeAndReleaseStdoutLock(p: Process): void {
  const m = p.m;
  const lock = m.object(p.runtimeObjects.stdoutLock).addr;
  const self = m.object(p.runtimeObjects.mainThread).addr;
  const word = m.mem.readUint(lock, 4);
  const cnt = m.mem.readUint(lock + 4, 4);
  const owner = m.mem.readUint(lock + 8, 8);
  if (owner !== self && word !== 0) {
    // lll_lock's slow path marks the lock contended and sleeps in futex_wait, for good: nobody
    // else will ever release it.
    m.storeRuntimeInt(lock, 4, 2);
    m.step(StepKind.Runtime, 'runtime', null, 'runtime.print-deadlock', [hex(lock), hex(word), hex(owner)]);
    // The run can never end: it stops as an endless one does (the runner narrates this last step).
    m.step(StepKind.Runtime, 'runtime', null, 'step.limit', [m.options.maxSteps]);
    throw new RunStop('step-limit');
  }
  // Taken (owner = this thread), counted up for the write and down after it: released when the
  // count is back at 0, else still taken by this thread.
  if (cnt === 0) {
    if (owner !== 0) m.storeRuntimeInt(lock + 8, 8, 0);
    if (word !== 0) m.storeRuntimeInt(lock, 4, 0);
  } else if (owner !== self) {
    m.storeRuntimeInt(lock, 4, 1);
    m.storeRuntimeInt(lock + 8, 8, self);
  }
}

/** GC_malloc as Codon calls it: the size goes in the first argument register, the block comes back in the result register. */
export function runtimeGcAlloc(
  p: Process,
  size: number,
  atomic: boolean,
  name: ObjectName,
  typeName: string,
  loc: SourceLoc | null,
  cells?: Cell[],
): number {
  const m = p.m;
  // GC_malloc's own frames are not modelled: the model leaves the dead stack below the caller as
  // it was, the real call overwrites some of it (a collection, much of it). A perturbed run
  // overwrites as much as a print does, so what is read from there afterwards is marked.
  if (m.garbage.perturbs('runtime-stack')) {
    const sp = m.sp();
    m.mem.writeBytes(sp - PRINT_FRAMES, m.garbage.bytes('runtime-stack', new Uint8Array(PRINT_FRAMES)));
  }
  const [arg, ret] = m.target === 'x86_64' ? ['rdi', 'rax'] : ['x0', 'x0'];
  m.setRegInt(arg, size);
  p.regProv.delete(arg);
  // A full heap gives NULL, which Codon's runtime passes on unchecked (`seq_alloc` in
  // codon/runtime/lib.cpp returns GC_MALLOC's result; Codon sets an ignoring warn proc, and Boehm's
  // default out-of-memory function returns NULL): the program faults where it first uses it.
  const addr = p.gc.alloc(size, atomic, name, typeName, loc, cells);
  m.setRegInt(ret, addr);
  p.regProv.set(ret, m.objectAt(addr, false));
  return addr;
}

/**
 * `_dl_fini`, the dynamic loader's last exit handler, takes and releases the loader's lock,
 * `_rtld_global._dl_load_lock` (glibc 2.36 elf/dl-fini.c: `__rtld_lock_lock_recursive
 * (GL(dl_load_lock))`), a pthread mutex locked by `___pthread_mutex_lock` (nptl/pthread_mutex_lock.c).
 * A stray write over it (the `runtime-data` leftover) decides what that does:
 * - a kind with bits beyond the four plain types and the elision flags goes the "full" way, where
 *   any kind that is not robust, PI or PP returns EINVAL: nothing happens, the program exits;
 * - a plain kind (timed 0, recursive 1, error-check 2, adaptive 3) with a non-zero lock word and an
 *   owner that is not this thread waits in futex_wait for good: the program hangs at exit, after
 *   everything it printed (checked: gdb's backtrace of the hung oracle run of
 *   `struct {int64_t x3}` written over the lock on x86-64 stops in `___pthread_mutex_lock` ←
 *   `_dl_addr` at exit; `_dl_fini` takes the same lock last);
 * - a free lock word with a non-zero owner fails glibc's `assert (mutex->__data.__owner == 0)`:
 *   SIGABRT.
 * Robust, PI and PP kinds (bits 16, 32, 64) are not modelled: the exit goes on.
 */
export function runtimeDlFini(p: Process): void {
  const m = p.m;
  const lock = m.object(p.runtimeObjects.loaderLock).addr;
  const word = m.mem.readUint(lock, 4);
  const owner = m.mem.readUint(lock + 8, 4);
  const kind = m.mem.readUint(lock + 16, 4);
  const type = kind & (127 | 256);
  if ((type & ~(3 | 256 | 512)) !== 0) return;
  // This thread's id is never what a stray write leaves there (a tid is the process id here).
  if (word !== 0) {
    m.storeRuntimeInt(lock, 4, 2); // lll_lock's slow path marks it contended, then sleeps
    m.step(StepKind.Runtime, 'runtime', null, 'runtime.exit-deadlock', [hex(lock), hex(word), hex(owner)]);
    m.step(StepKind.Runtime, 'runtime', null, 'step.limit', [m.options.maxSteps]);
    throw new RunStop('step-limit');
  }
  if (owner !== 0) m.crash('SIGABRT', 0, 'crash.abort', []);
}

/**
 * What the exit path (main returning, atexit handlers, stdio flushing) does to the registers a
 * leak check would otherwise find stale pointers in: it clobbers every caller-saved register.
 */
export function runtimeExit(p: Process): void {
  const m = p.m;
  const scratch =
    m.target === 'x86_64'
      ? ['rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11']
      : Array.from({ length: 19 }, (_, i) => `x${i}`);
  for (const r of scratch) {
    m.setRegInt(r, 0);
    p.regProv.delete(r);
  }
}

/**
 * The process around the two programs: what start-up leaves in memory and registers, and the
 * runtime calls Codon code makes (GC allocation, print), modelled by their visible effects:
 * the stack they use, the bytes they write there, and what they leave in caller-saved registers.
 *
 * These effects are plausible, not measured on one binary: FACTS.md section 2 shows the leftover
 * values differ from program to program. What is modelled is the *kind* of leftover the real
 * runtime produces (printf leaves a pointer into its dead stack buffer in %rdi; GC_malloc leaves
 * its size argument in %rdi; a write syscall on AArch64 leaves its number, 64, in x8).
 */
import { ROLE_INDEX } from '../trace/tables.ts';
import type { Cell, SourceLoc } from '../trace/types.ts';
import { StepKind } from '../trace/types.ts';
import { CHeap, GcHeap } from '../machine/heap.ts';
import { INTENT_UNKNOWN, Machine, type Leftover } from '../machine/machine.ts';

/** How far below the stack pointer printf's work area reaches (FACTS.md: "~9 KB below %rsp"). */
export const PRINTF_DEPTH = 0x2300;
/** Bytes of saved registers and locals printf's outer frames write just below the caller's stack pointer. */
const PRINTF_FRAME_TOP = 0x80;
/** Size of the part of printf's work area the model writes. */
const PRINTF_AREA = 0x100;

export interface Process {
  m: Machine;
  cheap: CHeap;
  gc: GcHeap;
  /** The object id each register's pointer value came from (pointer provenance across calls). */
  regProv: Map<string, number>;
  /** Runtime objects a leftover register may point to. */
  runtimeObjects: { loaderLock: number; stdoutLock: number; startupFrame: number; argv: number };
  leftover: Leftover;
  leftoverApplied: boolean;
}

const u64 = (path: string, offset: number): Cell => ({ path, offset, size: 8, kind: 'uint' });
const i32 = (path: string, offset: number): Cell => ({ path, offset, size: 4, kind: 'int' });

/** Builds the process as it is when Codon's `main` starts: loader data, GC, argv, a dead start-up frame. */
export function startProcess(m: Machine, leftover: Leftover, libraryName: string): Process {
  const cheap = new CHeap(m);
  const gc = new GcHeap(m);
  m.step(StepKind.Start, 'runtime', null, 'step.start', [libraryName]);
  const rt = m.regionOfKind('runtime');
  m.newObject({
    name: '_rtld_global',
    typeName: 'struct rtld_global (dynamic loader state)',
    role: 'runtime',
    side: 'runtime',
    addr: rt.start,
    size: 0x900,
    initialized: true,
    cells: [u64('_dl_ns[0]._ns_loaded', 0), u64('_dl_ns[0]._ns_nloaded', 8)],
  });
  m.storeRuntimeInt(rt.start, 8, m.regionOfKind('runtime').start + 0x1100);
  m.storeRuntimeInt(rt.start + 8, 8, 5);
  // A recursive pthread mutex: all zero means "unlocked, no owner".
  const loaderLock = m.newObject({
    name: '_rtld_global._dl_load_lock',
    typeName: 'pthread_mutex_t (the dynamic loader’s lock)',
    role: 'runtime',
    side: 'runtime',
    addr: rt.start + 0x908,
    size: 40,
    initialized: true,
    cells: [
      i32('__lock', 0),
      i32('__count', 4),
      i32('__owner', 8),
      i32('__nusers', 12),
      i32('__kind', 16),
      i32('__spins', 20),
      u64('__list.__prev', 24),
      u64('__list.__next', 32),
    ],
  });
  m.storeRuntimeInt(rt.start + 0x908 + 16, 4, 1); // PTHREAD_MUTEX_RECURSIVE_NP
  const stdoutLock = m.newObject({
    name: '_IO_stdfile_1_lock',
    typeName: '_IO_lock_t (stdout’s lock)',
    role: 'runtime',
    side: 'runtime',
    addr: rt.start + 0x1000,
    size: 16,
    initialized: true,
    cells: [i32('lock', 0), i32('cnt', 4), u64('owner', 8)],
  });
  // argv as Codon sees it: a List[str] on the GC heap.
  const argvAddr = gc.alloc(16, false, 'sys.argv', 'List[str]', null, [
    { path: 'len', offset: 0, size: 8, kind: 'int' },
    { path: 'arr.len', offset: 8, size: 8, kind: 'int' },
  ]);
  m.storeRuntimeInt(argvAddr, 8, 1);
  m.storeRuntimeInt(argvAddr + 8, 8, 1);
  const argv = m.objectAt(argvAddr, false);
  // Start-up code (GC_init, the dynamic loader) ran deep in the stack and left a dead frame there.
  const sp = m.sp();
  const frameAddr = sp - PRINTF_DEPTH;
  const startupFrame = m.newObject({
    name: 'GC_init’s frame (start-up, finished)',
    typeName: 'stack frame',
    role: 'runtime',
    side: 'runtime',
    addr: frameAddr,
    size: 64,
    cells: [u64('saved', 0), u64('saved', 8), u64('saved', 16), u64('saved', 24)],
  });
  for (let i = 0; i < 4; i++) m.storeRuntimeInt(frameAddr + 8 * i, 8, sp - 0x40 * (i + 1));
  m.endObject(startupFrame, 'out-of-scope', null);
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
    runtimeObjects: { loaderLock, stdoutLock, startupFrame, argv },
    leftover,
    leftoverApplied: false,
  };
}

/** The registers a wrong call misuses: the hidden-pointer register and the result register. */
export function leftoverRegisters(p: Process): [string, string] {
  return p.m.target === 'x86_64' ? ['rdi', 'rax'] : ['x8', 'x0'];
}

/**
 * Sets the leftover registers before the program's first foreign call, per the run's setting,
 * and returns a description for the narration. Later calls see what the program left.
 */
export function applyLeftover(p: Process): { value: number; setting: Leftover; objectName: string } | null {
  if (p.leftoverApplied) return null;
  p.leftoverApplied = true;
  const m = p.m;
  let value: number;
  let objectName = '';
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
      value = m.sp() - PRINTF_DEPTH;
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
 * Codon's print, down to the C library: formats into a work area deep in the stack (overwriting
 * whatever stale bytes were there), writes to stdout, and leaves a pointer into that dead work
 * area in the first argument register, the byte count in the result register.
 */
export function runtimePrint(p: Process, text: string): void {
  const m = p.m;
  m.print(text);
  // printf's own frames start right below the caller's stack pointer: whatever dead frames were
  // there (a callee's locals, a copy of its result) get overwritten by its saved registers.
  const sp = m.sp();
  const saved = new Uint8Array(PRINTF_FRAME_TOP);
  const sv = new DataView(saved.buffer);
  for (let i = 0; i < PRINTF_FRAME_TOP / 8; i++) {
    // Saved frame pointers and return addresses: stack and text addresses.
    sv.setUint32(i * 8, (sp - 0x100 - i * 0x18) >>> 0, true);
    sv.setUint32(i * 8 + 4, Math.floor((sp - 0x100) / 2 ** 32), true);
  }
  m.storeBytes(sp - PRINTF_FRAME_TOP, saved, { intended: INTENT_UNKNOWN, loc: null, raw: true });
  const area = sp - PRINTF_DEPTH;
  const bytes = new Uint8Array(Math.min(PRINTF_AREA, 8 * Math.ceil((text.length + 1) / 8)));
  for (let i = 0; i < bytes.length && i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  m.storeBytes(area, bytes, { intended: INTENT_UNKNOWN, loc: null, raw: true });
  if (m.target === 'x86_64') {
    m.setRegInt('rdi', area);
    m.setRegInt('rax', text.length);
    p.regProv.delete('rdi');
    p.regProv.delete('rax');
  } else {
    m.setRegInt('x0', text.length);
    m.setRegInt('x8', 64); // the write system call's number, left in x8
    p.regProv.delete('x0');
    p.regProv.delete('x8');
  }
}

/** GC_malloc as Codon calls it: the size goes in the first argument register, the block comes back in the result register. */
export function runtimeGcAlloc(
  p: Process,
  size: number,
  atomic: boolean,
  name: string,
  typeName: string,
  loc: SourceLoc | null,
  cells?: Cell[],
): number {
  const m = p.m;
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

/**
 * The two heaps. The C heap follows glibc's malloc closely enough for its failure modes to show:
 * each block has a 16-byte chunk header (prev_size, size | PREV_INUSE) in front of it, so a stray
 * write past a block lands on its neighbour's header, and `free` checks that header and aborts
 * the way glibc does. The GC heap follows Boehm's collector: no headers in the objects, a
 * conservative mark-sweep whose roots are the stack, the registers and static data.
 */
import type { Cell, ObjectRecord, SourceLoc, SourceSide } from '../trace/types.ts';
import { EventKind, StepKind } from '../trace/types.ts';
import { NameId, named, type ObjectName } from '../trace/names.ts';
import { TermId, term } from '../trace/terms.ts';
import { hex } from './memory.ts';
import type { Machine } from './machine.ts';
import { HEAP_HISTORY } from './heap-history.ts';

const CHUNK_HEADER = 16;
const PREV_INUSE = 1;
/** glibc's tcache: bins for chunks up to 1040 bytes (tcache_max_bytes 1032), 7 chunks a bin. */
const TCACHE_MAX_CHUNK = 1040;
const TCACHE_COUNT = 7;
/** The model's stand-in for glibc's tcache_key, which a real process draws from getrandom. */
const TCACHE_KEY = 0x6b1f_2d4c_93a0_57e8n;
/** glibc's chunk flag bits (malloc.c): the chunk came from mmap, or from a thread's arena. */
const IS_MMAPPED = 2;
const NON_MAIN_ARENA = 4;
/** glibc's HEAP_MAX_SIZE on 64-bit targets: 2 * DEFAULT_MMAP_THRESHOLD_MAX (2 * 32 MiB). */
const HEAP_MAX_SIZE = 64 * 1024 * 1024;

interface Chunk {
  /** Address of the chunk header; the user pointer is chunk + 16. */
  chunk: number;
  /** Chunk size including the header, a multiple of 16, at least 32. */
  size: number;
  objectId: number;
  headerId: number;
  free: boolean;
}

/** glibc's request-to-chunk-size rule: request + 8, rounded up to 16, at least 32. */
export function chunkSize(request: number): number {
  return Math.max(32, Math.ceil((request + 8) / 16) * 16);
}

export class CHeap {
  private top: number;
  private readonly end: number;
  /** Chunks by user pointer. */
  private readonly chunks = new Map<number, Chunk>();
  /** Freed chunks by size, reused LIFO like glibc's tcache. */
  private readonly freeLists = new Map<number, number[]>();

  constructor(private readonly m: Machine) {
    const r = m.regionOfKind('c-heap');
    this.end = r.end;
    // The heap as the runtime left it (heap-history.ts): its chunks' headers, the tcache bins'
    // free chunks with their links, and the top chunk after them.
    const history = HEAP_HISTORY[m.target];
    for (const [offset, size] of history.chunks)
      m.storeRuntimeInt(r.start + offset + 8, 8, size | PREV_INUSE);
    for (const [size, offsets] of Object.entries(history.tcache)) {
      const users = offsets.map((o) => r.start + o);
      // Bins are LIFO: the head is taken first, so it goes on the list last.
      this.freeLists.set(Number(size), [...users].reverse());
      users.forEach((user, i) => this.tcacheLink(user, users[i + 1] ?? 0));
    }
    this.top = r.start + history.top;
    this.m.storeRuntimeInt(this.top + 8, 8, (this.end - this.top) | PREV_INUSE);
  }

  /**
   * What glibc's tcache_put writes over a chunk it takes back: the link to the bin's next chunk,
   * safe-linked (PROTECT_PTR: the link's own address shifted right by 12, XORed with the next
   * chunk's), then the process's random tcache_key. Both depend on where glibc put things and on
   * a random number, so they are indeterminate bytes of the `freed` kind.
   */
  private tcacheLink(user: number, next: number): void {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setBigUint64(0, (BigInt(user) >> 12n) ^ BigInt(next), true);
    view.setBigUint64(8, TCACHE_KEY, true);
    this.m.garbage.freed(this.m, user, bytes);
  }

  /** Allocates a block; returns the user pointer, or 0 when the heap is exhausted. */
  malloc(
    request: number,
    name: ObjectName,
    typeName: string,
    side: SourceSide,
    loc: SourceLoc | null,
    cells?: Cell[],
  ): number {
    const size = chunkSize(request);
    const reuse = this.freeLists.get(size);
    let chunk: number;
    if (reuse !== undefined && reuse.length > 0) {
      chunk = (reuse.pop() as number) - CHUNK_HEADER;
    } else {
      if (this.top + size + CHUNK_HEADER > this.end) {
        this.m.allocFailure = { bytes: request, heap: 'c-heap' };
        return 0;
      }
      chunk = this.top;
      this.top += size;
      // The top chunk's header follows, as in glibc.
      this.m.storeRuntimeInt(this.top + 8, 8, (this.end - this.top) | PREV_INUSE);
    }
    const user = chunk + CHUNK_HEADER;
    this.m.storeRuntimeInt(chunk + 8, 8, size | PREV_INUSE);
    const headerId = this.m.newObject({
      name: named(NameId.mallocHeader, name),
      typeName: term(TermId.chunkHeader),
      role: 'heap-meta',
      side: 'runtime',
      addr: chunk + 8,
      size: 8,
      cells: [{ path: term(TermId.sizeFlags), offset: 0, size: 8, kind: 'uint' }],
      initialized: true,
    });
    const objectId = this.m.newObject({
      name,
      typeName,
      role: 'heap',
      side,
      addr: user,
      size: request,
      ...(cells ? { cells } : {}),
      loc,
    });
    this.chunks.set(user, { chunk, size, objectId, headerId, free: false });
    return user;
  }

  /**
   * A block libc allocates for itself and never frees (stdout's buffer): it takes its chunk from
   * the top like any malloc, but is not an object the diagram shows or the leak check counts.
   */
  reserve(request: number): number {
    const size = chunkSize(request);
    if (this.top + size + CHUNK_HEADER > this.end) return 0;
    const chunk = this.top;
    this.top += size;
    this.m.storeRuntimeInt(chunk + 8, 8, size | PREV_INUSE);
    this.m.storeRuntimeInt(this.top + 8, 8, (this.end - this.top) | PREV_INUSE);
    return chunk + CHUNK_HEADER;
  }

  /** The live block whose user pointer is `ptr`, if any. */
  blockAt(ptr: number): { objectId: number; size: number } | null {
    const c = this.chunks.get(ptr);
    return c === undefined || c.free ? null : { objectId: c.objectId, size: c.size };
  }

  /** Frees a block, checking its header as glibc does; a bad free aborts the run. */
  free(ptr: number, loc: SourceLoc | null): void {
    if (ptr === 0) return;
    const c = this.chunks.get(ptr);
    if (c === undefined) return this.freeUnknown(ptr);
    if (c.free) {
      const o = this.m.object(c.objectId);
      this.m.finding(
        'double-free',
        loc,
        [c.objectId],
        o.deathLoc ? [{ side: o.deathLoc.side, line: o.deathLoc.line, role: 'first free' }] : [],
        'finding.double-free',
        [o.name],
      );
      this.m.crash('SIGABRT', ptr, 'crash.double-free', [hex(ptr)]);
    }
    const header = this.m.mem.readUint(c.chunk + 8, 8);
    const nextHeader = this.m.mem.readUint(c.chunk + c.size + 8, 8);
    if (Math.floor(header / 8) * 8 !== c.size) {
      this.m.crash('SIGABRT', ptr, 'crash.free-invalid-size', [hex(ptr), hex(header)]);
    }
    let list = this.freeLists.get(c.size);
    if (list === undefined) {
      list = [];
      this.freeLists.set(c.size, list);
    }
    // glibc's _int_free puts a small chunk in its tcache bin (up to 7 a bin) before it looks at
    // the next chunk at all; only a chunk that goes to the other bins has its neighbour checked,
    // so a clobbered neighbour aborts only then.
    const toTcache = c.size <= TCACHE_MAX_CHUNK && list.length < TCACHE_COUNT;
    if (!toTcache && (nextHeader < 16 || nextHeader % 2 === 0 || !Number.isSafeInteger(nextHeader))) {
      this.m.crash('SIGABRT', ptr, 'crash.free-corrupted-next', [hex(ptr), hex(nextHeader)]);
    }
    c.free = true;
    this.tcacheLink(ptr, list[list.length - 1] ?? 0);
    this.m.endObject(c.objectId, 'freed', loc);
    this.m.endObject(c.headerId, 'freed', loc);
    list.push(ptr);
  }

  /**
   * `free` of an address that is not a block's start (`delete` of what `new T[n]` returned for a
   * class with a destructor frees 8 bytes past the block, after the array cookie), down glibc
   * 2.36's path (malloc/malloc.c `__libc_free`, `munmap_chunk`, `arena_for_chunk`, `_int_free`):
   * the word in front of the pointer is taken for the chunk's size, and its flag bits decide.
   * - IS_MMAPPED (2): `munmap_chunk` checks that the chunk and its size are page-aligned:
   *   "munmap_chunk(): invalid pointer", abort;
   * - else NON_MAIN_ARENA (4): `arena_for_chunk` reads the arena pointer of the heap the chunk
   *   would lie in, at the pointer rounded down to HEAP_MAX_SIZE (64 MiB); on x86-64 nothing is
   *   mapped below the program there: SIGSEGV at that address;
   * - else `_int_free`: a chunk not 16-byte aligned is "free(): invalid pointer", a size under
   *   32 or not a multiple of 16 "free(): invalid size", abort.
   * The oracle ran `delete` of `new T[n]` with a destructor: on x86-64 n = 4 and 5 (the cookie's
   * bit 2) died with SIGSEGV at 0x555554000000, n = 1, 2, 3 and 6 aborted; on AArch64 all abort. An aligned pointer with a
   * plausible size would go into the tcache unnoticed; the model has no such block to take
   * back, so it still aborts there.
   */
  private freeUnknown(ptr: number): never {
    const m = this.m;
    if (!m.mem.isMapped(ptr - 8, 8)) m.crash('SIGSEGV', ptr - 8, 'crash.segv', [hex(ptr - 8), 'read']);
    const header = m.mem.readUint(ptr - 8, 8);
    const flags = m.mem.readUint(ptr - 8, 1) % 8;
    const size = header - (header % 8);
    if ((flags & IS_MMAPPED) !== 0)
      m.crash('SIGABRT', ptr, 'crash.munmap-invalid-pointer', [hex(ptr), hex(header)]);
    if ((flags & NON_MAIN_ARENA) !== 0) {
      const heapInfo = Math.floor((ptr - CHUNK_HEADER) / HEAP_MAX_SIZE) * HEAP_MAX_SIZE;
      // qemu-aarch64 (the oracle's AArch64 machine) loads the program at 0x5500000000, a 64 MiB
      // boundary, with the brk heap right behind it: the lookup reads the program's own ELF
      // header and `_int_free` aborts next (the oracle: SIGABRT for n = 4 and 5). The model's
      // AArch64 plan (a native kernel's, text at 0xaaaaaaaa0000) would put nothing there.
      if (m.target === 'x86_64' && !m.mem.isMapped(heapInfo, 8))
        m.crash('SIGSEGV', heapInfo, 'crash.free-arena-unmapped', [hex(ptr), hex(header), hex(heapInfo)]);
    }
    if ((ptr - CHUNK_HEADER) % 16 !== 0) m.crash('SIGABRT', ptr, 'crash.free-invalid-pointer', [hex(ptr)]);
    if (size < 32 || m.mem.readUint(ptr - 8, 1) % 16 >= 8)
      m.crash('SIGABRT', ptr, 'crash.free-invalid-size', [hex(ptr), hex(header)]);
    return m.crash('SIGABRT', ptr, 'crash.free-invalid-pointer', [hex(ptr)]);
  }

  /** Live blocks (for the leak check and the collector's "not scanned" note). */
  liveBlocks(): { ptr: number; objectId: number }[] {
    const out: { ptr: number; objectId: number }[] = [];
    for (const [ptr, c] of this.chunks) if (!c.free) out.push({ ptr, objectId: c.objectId });
    return out;
  }
}

interface GcBlock {
  addr: number;
  size: number;
  objectId: number;
  atomic: boolean;
}

/** Bytes allocated between automatic collections (Boehm collects when the heap grows). */
export const GC_TRIGGER_BYTES = 256 * 1024;

export class GcHeap {
  private top: number;
  private readonly end: number;
  private readonly blocks = new Map<number, GcBlock>();
  private readonly freeLists = new Map<number, number[]>();
  allocatedSinceCollect = 0;
  collections = 0;

  constructor(private readonly m: Machine) {
    const r = m.regionOfKind('gc-heap');
    this.top = r.start;
    this.end = r.end;
  }

  /** True when a fresh block of `size` bytes still fits in the heap. */
  fits(size: number): boolean {
    return this.top + Math.max(16, Math.ceil(size / 16) * 16) <= this.end;
  }

  /** Allocates a GC object (Boehm's size classes: multiples of 16); 0 when exhausted. */
  alloc(
    size: number,
    atomic: boolean,
    name: ObjectName,
    typeName: string,
    loc: SourceLoc | null,
    cells?: Cell[],
  ): number {
    const rounded = Math.max(16, Math.ceil(size / 16) * 16);
    const reuse = this.freeLists.get(rounded);
    let addr: number;
    if (reuse !== undefined && reuse.length > 0) addr = reuse.pop() as number;
    else {
      if (this.top + rounded > this.end) {
        this.m.allocFailure = { bytes: size, heap: 'gc-heap' };
        return 0;
      }
      addr = this.top;
      this.top += rounded;
    }
    const objectId = this.m.newObject({
      name,
      typeName,
      role: 'gc',
      side: 'codon',
      addr,
      size,
      ...(cells ? { cells } : {}),
      loc,
      atomic,
    });
    // GC_malloc clears the object (GC_malloc_atomic does not, but fresh pages are zero).
    if (!atomic) this.m.storeBytes(addr, new Uint8Array(size), { intended: objectId, loc, raw: true });
    this.blocks.set(addr, { addr, size: rounded, objectId, atomic });
    this.allocatedSinceCollect += rounded;
    return addr;
  }

  /** The GC block containing `addr` (interior pointers count, as in Boehm's default). */
  blockContaining(addr: number): GcBlock | null {
    for (const b of this.blocks.values()) if (addr >= b.addr && addr < b.addr + b.size) return b;
    return null;
  }

  /**
   * A full conservative collection, recorded as steps: one for the roots and marking, one for
   * the sweep. Any aligned word in a root or in a marked non-atomic object that points into a
   * block keeps it alive. The C heap is not scanned: a pointer kept only there does not count.
   */
  collect(loc: SourceLoc | null): number[] {
    const m = this.m;
    this.collections++;
    this.allocatedSinceCollect = 0;
    m.step(StepKind.Gc, 'runtime', loc, 'step.gc-mark', [this.blocks.size]);
    const marked = new Set<number>();
    const queue: GcBlock[] = [];
    const consider = (word: number): void => {
      if (word < this.m.regionOfKind('gc-heap').start || word >= this.end) return;
      const b = this.blockContaining(word);
      if (b !== null && !marked.has(b.addr)) {
        marked.add(b.addr);
        queue.push(b);
        m.rec.event(EventKind.GcMark, b.addr, b.size, 0, b.objectId);
      }
    };
    // Roots: registers, the live part of the stack, static and runtime data.
    for (const name of m.regs.names) {
      const info = m.regs.infos.find((r) => r.name === name);
      if (info?.kind === 'gp') consider(m.regs.getUint(name));
    }
    const sp = m.sp();
    this.scanRange(sp, m.stackTop + 64, consider);
    for (const r of m.regions)
      if (r.kind === 'static' || r.kind === 'runtime') this.scanRange(r.start, r.end, consider);
    while (queue.length > 0) {
      const b = queue.pop() as GcBlock;
      if (!b.atomic) this.scanRange(b.addr, b.addr + b.size, consider);
    }
    m.step(StepKind.Gc, 'runtime', loc, 'step.gc-sweep', [marked.size]);
    const collected: number[] = [];
    for (const b of [...this.blocks.values()]) {
      if (marked.has(b.addr)) continue;
      // A pointer the collector could not see: kept only in memory it does not scan (the C heap).
      const holder = this.hiddenHolder(b);
      if (holder >= 0) m.gcHiddenBy.set(b.objectId, holder);
      collected.push(b.objectId);
      this.blocks.delete(b.addr);
      m.rec.event(EventKind.GcSweep, b.addr, b.size, 0, b.objectId);
      m.endObject(b.objectId, 'collected', loc);
      // Boehm's free-list link over the first word; a scanned object is cleared when reclaimed
      // (reclaiming is lazy, so when is not modelled).
      if (m.garbage.perturbs('freed'))
        m.garbage.freed(m, b.addr, m.mem.readBytes(b.addr, b.atomic ? 8 : b.size));
      let list = this.freeLists.get(b.size);
      if (list === undefined) {
        list = [];
        this.freeLists.set(b.size, list);
      }
      list.push(b.addr);
    }
    return collected;
  }

  /** A live C heap object holding a pointer into the block, or -1. */
  private hiddenHolder(b: GcBlock): number {
    const m = this.m;
    const heap = m.regionOfKind('c-heap');
    for (const id of m.live) {
      const o = m.object(id);
      if (o.role !== 'heap' || o.addr < heap.start || o.addr >= heap.end) continue;
      for (let a = Math.ceil(o.addr / 8) * 8; a + 8 <= o.addr + o.size; a += 8) {
        const w = m.mem.readUint(a, 8);
        if (w >= b.addr && w < b.addr + b.size) return id;
      }
    }
    return -1;
  }

  private scanRange(start: number, end: number, consider: (word: number) => void): void {
    this.m.mem.forEachWord(start, end, consider);
  }

  liveObjects(): ObjectRecord[] {
    return [...this.blocks.values()].map((b) => this.m.object(b.objectId));
  }
}

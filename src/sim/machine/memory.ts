/**
 * A sparse 64-bit address space of 4 KiB pages, little-endian, with named regions.
 *
 * Bytes are stored exactly: a double written and read back as a 64-bit integer shows its real
 * bit pattern. Integer reads come back as JS numbers; above 2^53 they lose low bits, which only
 * happens for values that are not canonical user-space addresses anyway (the exact bytes stay in
 * memory and the trace, and the display reads those).
 */
import type { Region } from '../trace/types.ts';

export const PAGE_SIZE = 4096;
const TWO_32 = 4294967296;

/** Thrown by an access outside every mapped region; the machine turns it into a crash event. */
export class MemoryFault {
  readonly stack = new Error().stack;
  constructor(
    readonly address: number,
    readonly write: boolean,
  ) {}
}

interface Page {
  bytes: Uint8Array;
  view: DataView;
  /** 1 per initialised byte. */
  init: Uint8Array;
}

export class Memory {
  readonly regions: Region[] = [];
  private readonly pages = new Map<number, Page>();
  /** Pages written since the last keyframe (for copy-on-write snapshots); see `clearDirty`. */
  readonly dirty = new Set<number>();
  /** The page most recently marked dirty, so a run of writes to one page adds it once. */
  private lastDirty = -1;
  /** The page most recently touched: most accesses hit the same page as the one before. */
  private lastNo = -1;
  private lastPage: Page | null = null;
  private lastRegion: Region | null = null;
  private readonly scratch = new DataView(new ArrayBuffer(16));
  /**
   * Where the user half of the address space ends: x86-64's canonical addresses stop at 2^47 and a
   * non-canonical access is a general-protection fault, reported as address 0; AArch64's 48-bit
   * user space reaches 2^48 and a fault there reports the address itself (qemu-aarch64 and Linux
   * give the faulting address, as for a store over a library's read-only code at 0xffff...).
   */
  userTop = 2 ** 47;

  /** Adds a region; its pages appear (zero-filled, uninitialised) when first touched. */
  map(region: Region): Region {
    this.regions.push(region);
    return region;
  }

  /** The region containing `addr`, or null when the address is unmapped. */
  regionOf(addr: number): Region | null {
    const last = this.lastRegion;
    if (last !== null && addr >= last.start && addr < last.end) return last;
    for (const r of this.regions) {
      if (addr >= r.start && addr < r.end) {
        this.lastRegion = r;
        return r;
      }
    }
    return null;
  }

  /** True when [addr, addr+len) is mapped (and writable, for writes). */
  isMapped(addr: number, len: number, write = false): boolean {
    const r = this.regionOf(addr);
    if (r === null || addr + len > r.end) return false;
    return !write || r.writable;
  }

  private check(addr: number, len: number, write: boolean): void {
    if (!Number.isSafeInteger(addr) || !this.isMapped(addr, len, write)) {
      // A non-canonical address faults with a general-protection fault, reported as address 0.
      throw new MemoryFault(Number.isSafeInteger(addr) && addr < this.userTop ? addr : 0, write);
    }
  }

  private page(no: number): Page {
    if (no === this.lastNo) return this.lastPage as Page;
    let p = this.pages.get(no);
    if (p === undefined) {
      const bytes = new Uint8Array(PAGE_SIZE);
      p = { bytes, view: new DataView(bytes.buffer), init: new Uint8Array(PAGE_SIZE) };
      this.pages.set(no, p);
    }
    this.lastNo = no;
    this.lastPage = p;
    return p;
  }

  /** The page if something has touched it, else undefined (never creates one). */
  private existing(no: number): Page | undefined {
    return no === this.lastNo ? (this.lastPage as Page) : this.pages.get(no);
  }

  private touch(no: number): void {
    if (no !== this.lastDirty) {
      this.dirty.add(no);
      this.lastDirty = no;
    }
  }

  /** Forgets which pages were written (the recorder took a keyframe). */
  clearDirty(): void {
    this.dirty.clear();
    this.lastDirty = -1;
  }

  /** Reads `len` bytes into a new array (faults on unmapped memory). */
  readBytes(addr: number, len: number): Uint8Array {
    this.check(addr, len, false);
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) {
      const a = addr + i;
      const p = this.pages.get(Math.floor(a / PAGE_SIZE));
      out[i] = p === undefined ? 0 : (p.bytes[a % PAGE_SIZE] as number);
    }
    return out;
  }

  /** Writes bytes (faults on unmapped or read-only memory) and marks them initialised. */
  writeBytes(addr: number, src: Uint8Array): void {
    this.check(addr, src.length, true);
    for (let i = 0; i < src.length; i++) {
      const a = addr + i;
      const no = Math.floor(a / PAGE_SIZE);
      const p = this.page(no);
      p.bytes[a % PAGE_SIZE] = src[i] as number;
      p.init[a % PAGE_SIZE] = 1;
      this.touch(no);
    }
  }

  /** Fast path: the page of an access that stays inside one page (its offset is pageOffset(addr)), else null. */
  private within(addr: number, len: number): Page | null {
    const no = Math.floor(addr / PAGE_SIZE);
    if (addr - no * PAGE_SIZE + len > PAGE_SIZE) return null;
    return this.page(no);
  }

  /** True when every byte of [addr, addr+len) has been written since it was mapped or allocated. */
  isInitialized(addr: number, len: number): boolean {
    const off = pageOffset(addr);
    if (off + len <= PAGE_SIZE) {
      const p = this.existing((addr - off) / PAGE_SIZE);
      if (p === undefined) return false;
      for (let i = off; i < off + len; i++) if (p.init[i] === 0) return false;
      return true;
    }
    for (let i = 0; i < len; i++) {
      const a = addr + i;
      const p = this.pages.get(Math.floor(a / PAGE_SIZE));
      if (p === undefined || p.init[a % PAGE_SIZE] === 0) return false;
    }
    return true;
  }

  /**
   * Reads `len` bytes, with every byte nothing has written since it was mapped or allocated taken
   * from `fill(address)` instead (a perturbed run's invented bytes, machine/garbage.ts).
   */
  readFilled(addr: number, len: number, fill: (addr: number) => number): Uint8Array {
    const out = this.readBytes(addr, len);
    for (let i = 0; i < len; i++) {
      const a = addr + i;
      const p = this.existing(Math.floor(a / PAGE_SIZE));
      if (p === undefined || p.init[pageOffset(a)] === 0) out[i] = fill(a);
    }
    return out;
  }

  /** Marks bytes as holding indeterminate values again (a new local, a fresh malloc block). */
  markUninitialized(addr: number, len: number): void {
    let a = addr;
    const end = addr + len;
    while (a < end) {
      const off = a % PAGE_SIZE;
      const n = Math.min(PAGE_SIZE - off, end - a);
      const p = this.existing((a - off) / PAGE_SIZE);
      if (p !== undefined) {
        if (n <= 16) for (let i = off; i < off + n; i++) p.init[i] = 0;
        else p.init.fill(0, off, off + n);
      }
      a += n;
    }
  }

  readF64(addr: number): number {
    this.check(addr, 8, false);
    const w = this.within(addr, 8);
    if (w !== null) return w.view.getFloat64(pageOffset(addr), true);
    return new DataView(this.readBytes(addr, 8).buffer).getFloat64(0, true);
  }

  readF32(addr: number): number {
    this.check(addr, 4, false);
    const w = this.within(addr, 4);
    if (w !== null) return w.view.getFloat32(pageOffset(addr), true);
    return new DataView(this.readBytes(addr, 4).buffer).getFloat32(0, true);
  }

  /** Reads an unsigned integer of 1, 2, 4 or 8 bytes. */
  readUint(addr: number, size: number): number {
    return this.readInteger(addr, size, false);
  }

  /** Reads a two's-complement signed integer of 1, 2, 4 or 8 bytes. */
  readInt(addr: number, size: number): number {
    return this.readInteger(addr, size, true);
  }

  private readInteger(addr: number, size: number, signed: boolean): number {
    this.check(addr, size, false);
    const w = this.within(addr, size);
    const v = w !== null ? w.view : new DataView(this.readBytes(addr, size).buffer);
    const o = w !== null ? pageOffset(addr) : 0;
    switch (size) {
      case 1:
        return signed ? v.getInt8(o) : v.getUint8(o);
      case 2:
        return signed ? v.getInt16(o, true) : v.getUint16(o, true);
      case 4:
        return signed ? v.getInt32(o, true) : v.getUint32(o, true);
      default:
        return (signed ? v.getInt32(o + 4, true) : v.getUint32(o + 4, true)) * TWO_32 + v.getUint32(o, true);
    }
  }

  writeF64(addr: number, value: number): void {
    this.check(addr, 8, true);
    const w = this.within(addr, 8);
    if (w === null) {
      this.scratch.setFloat64(0, value, true);
      this.writeBytes(addr, new Uint8Array(this.scratch.buffer, 0, 8).slice());
      return;
    }
    const o = pageOffset(addr);
    w.view.setFloat64(o, value, true);
    markInit(w.init, o, 8);
    this.touch((addr - o) / PAGE_SIZE);
  }

  writeF32(addr: number, value: number): void {
    this.check(addr, 4, true);
    this.scratch.setFloat32(0, value, true);
    this.writeBytes(addr, new Uint8Array(this.scratch.buffer, 0, 4).slice());
  }

  /** Writes the low `size` bytes of an integer (two's complement for negatives). */
  writeInt(addr: number, size: number, value: number): void {
    this.check(addr, size, true);
    const w = this.within(addr, size);
    if (w === null) {
      this.writeBytes(addr, intBytes(value, size));
      return;
    }
    const v = w.view;
    const o = pageOffset(addr);
    switch (size) {
      case 1:
        v.setUint8(o, value & 0xff);
        break;
      case 2:
        v.setUint16(o, value & 0xffff, true);
        break;
      case 4:
        v.setUint32(o, value >>> 0, true);
        break;
      default: {
        const [lo, hi] = words64(value);
        v.setUint32(o, lo, true);
        v.setUint32(o + 4, hi, true);
      }
    }
    markInit(w.init, o, size);
    this.touch((addr - o) / PAGE_SIZE);
  }

  /** Copies [addr, addr+len) into `dst` at `dstOffset` without checks (the caller just wrote it). */
  copyOut(addr: number, len: number, dst: Uint8Array, dstOffset: number): void {
    const off = pageOffset(addr);
    const p = this.existing((addr - off) / PAGE_SIZE);
    if (p !== undefined && off + len <= PAGE_SIZE) {
      const b = p.bytes;
      if (len <= 16) for (let i = 0; i < len; i++) dst[dstOffset + i] = b[off + i] as number;
      else dst.set(b.subarray(off, off + len), dstOffset);
      return;
    }
    dst.set(this.readBytes(addr, len), dstOffset);
  }

  /**
   * Calls `fn` with every aligned 8-byte word in [start, end) that lies on a page something has
   * written (pages never touched hold zeros, which point nowhere). For conservative scans.
   */
  forEachWord(start: number, end: number, fn: (word: number) => void): void {
    const first = Math.floor(start / PAGE_SIZE);
    const last = Math.floor((end - 1) / PAGE_SIZE);
    for (let no = first; no <= last; no++) {
      const p = this.pages.get(no);
      if (p === undefined) continue;
      const base = no * PAGE_SIZE;
      const from = Math.max(0, Math.ceil((start - base) / 8) * 8);
      const to = Math.min(PAGE_SIZE, end - base);
      for (let o = from; o + 8 <= to; o += 8) {
        const lo = p.view.getUint32(o, true);
        const hi = p.view.getUint32(o + 4, true);
        if (lo !== 0 || hi !== 0) fn(hi * TWO_32 + lo);
      }
    }
  }

  /** The live page contents (for keyframes); callers must copy before keeping. */
  pageBytes(no: number): Uint8Array | undefined {
    return this.pages.get(no)?.bytes;
  }

  pageNumbers(): number[] {
    return [...this.pages.keys()];
  }
}

/** `addr % PAGE_SIZE` without a floating-point remainder (addresses are above 2^31). */
function pageOffset(addr: number): number {
  return addr - Math.floor(addr / PAGE_SIZE) * PAGE_SIZE;
}

function markInit(init: Uint8Array, off: number, len: number): void {
  for (let i = off; i < off + len; i++) init[i] = 1;
}

/** The little-endian bytes of an integer, two's complement for negatives. */
/**
 * The low and high 32-bit words of a 64-bit integer held as a double (two's complement for
 * negatives). A double of 2^64 or more can only be an unsigned value near 2^64 that lost its low
 * bits (2^64 - 14 is 2^64 as a double: docs/SIMULATOR.md#int64-precision); it is written as the
 * nearest 64-bit value, all ones, so reading it back gives the same double instead of wrapping to 0.
 */
export function words64(value: number): [number, number] {
  if (value >= TWO_64) return [0xffffffff, 0xffffffff];
  const lo = ((value % TWO_32) + TWO_32) % TWO_32;
  const hi = Math.floor((value - lo) / TWO_32);
  return [lo, hi >>> 0];
}
const TWO_64 = 2 ** 64;

export function intBytes(value: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  if (size === 8) {
    const [lo, hi] = words64(value);
    v.setUint32(0, lo, true);
    v.setUint32(4, hi, true);
  } else if (size === 4) v.setUint32(0, value >>> 0, true);
  else if (size === 2) v.setUint16(0, value & 0xffff, true);
  else if (size === 1) v.setUint8(0, value & 0xff);
  return out;
}

/** Formats an address the way the product shows them everywhere: lowercase hex, `0x` prefix. */
export function hex(addr: number): string {
  return '0x' + (addr < 0 ? BigInt.asUintN(64, BigInt(Math.trunc(addr))) : addr).toString(16);
}

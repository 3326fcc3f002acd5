/**
 * Appends steps and events to growable typed-array columns while a run goes on, and takes a
 * copy-on-write keyframe of memory and registers every KEYFRAME_INTERVAL steps.
 */
import { EventKind, type EventColumns, type Keyframe, type StepColumns, type StepKind } from './types.ts';

/** Steps between two keyframes: the most a scrub ever replays. */
export const KEYFRAME_INTERVAL = 256;

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

function grow<T extends Typed>(arr: T, need: number): T {
  if (need <= arr.length) return arr;
  let n = arr.length * 2;
  while (n < need) n *= 2;
  const next = new (arr.constructor as new (n: number) => T)(n);
  next.set(arr);
  return next;
}

function trim<T extends Typed>(arr: T, n: number): T {
  return arr.slice(0, n) as T;
}

/** Source of memory pages and registers for keyframes. */
export interface KeyframeSource {
  /** Page numbers written since the last keyframe; cleared by the recorder with `clearDirty`. */
  dirty: ReadonlySet<number>;
  clearDirty(): void;
  pageNumbers(): number[];
  pageBytes(no: number): Uint8Array | undefined;
  registerSnapshot(): Uint8Array;
  outputCount(): number;
}

export class TraceRecorder {
  steps: StepColumns;
  events: EventColumns;
  bytes = new Uint8Array(1 << 16);
  bytesUsed = 0;
  readonly params: (string | number)[] = [];
  readonly messageIds: string[] = [];
  private readonly messageIndex = new Map<string, number>();
  readonly keyframes: Keyframe[] = [];
  private readonly lastPages = new Map<number, Uint8Array>();

  constructor(private readonly source: KeyframeSource) {
    const n = 1024;
    this.steps = {
      count: 0,
      kind: new Uint8Array(n),
      side: new Uint8Array(n),
      line: new Uint32Array(n),
      column: new Uint16Array(n),
      endLine: new Uint32Array(n),
      endColumn: new Uint16Array(n),
      message: new Uint16Array(n),
      paramStart: new Uint32Array(n),
      eventStart: new Uint32Array(n),
      frame: new Int32Array(n),
    };
    const m = 4096;
    this.events = {
      count: 0,
      kind: new Uint8Array(m),
      a: new Float64Array(m),
      b: new Uint32Array(m),
      c: new Uint32Array(m),
      d: new Int32Array(m),
    };
  }

  private messageId(id: string): number {
    let i = this.messageIndex.get(id);
    if (i === undefined) {
      i = this.messageIds.length;
      this.messageIds.push(id);
      this.messageIndex.set(id, i);
    }
    return i;
  }

  /** Starts a new step; the events recorded next belong to it. Returns its index. */
  beginStep(
    kind: StepKind,
    side: number,
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
    message: string,
    params: readonly (string | number)[],
    frame: number,
  ): number {
    const s = this.steps;
    const i = s.count;
    if (i % KEYFRAME_INTERVAL === 0) this.keyframe(i);
    if (i + 1 >= s.kind.length) {
      const need = i + 2;
      s.kind = grow(s.kind, need);
      s.side = grow(s.side, need);
      s.line = grow(s.line, need);
      s.column = grow(s.column, need);
      s.endLine = grow(s.endLine, need);
      s.endColumn = grow(s.endColumn, need);
      s.message = grow(s.message, need);
      s.paramStart = grow(s.paramStart, need);
      s.eventStart = grow(s.eventStart, need);
      s.frame = grow(s.frame, need);
    }
    s.kind[i] = kind;
    s.side[i] = side;
    s.line[i] = line;
    s.column[i] = column;
    s.endLine[i] = endLine;
    s.endColumn[i] = endColumn;
    s.message[i] = this.messageId(message);
    s.paramStart[i] = this.params.length;
    for (const p of params) this.params.push(p);
    s.eventStart[i] = this.events.count;
    s.frame[i] = frame;
    s.count = i + 1;
    return i;
  }

  /** Replaces the narration of the current step (when its outcome is only known at its end). */
  setMessage(message: string, params: readonly (string | number)[]): void {
    const i = this.steps.count - 1;
    if (i < 0) return;
    this.steps.message[i] = this.messageId(message);
    this.params.length = this.steps.paramStart[i] as number;
    for (const p of params) this.params.push(p);
  }

  event(kind: EventKind, a: number, b: number, c: number, d: number): number {
    const e = this.events;
    const i = e.count;
    if (i >= e.kind.length) {
      const need = i + 1;
      e.kind = grow(e.kind, need);
      e.a = grow(e.a, need);
      e.b = grow(e.b, need);
      e.c = grow(e.c, need);
      e.d = grow(e.d, need);
    }
    e.kind[i] = kind;
    e.a[i] = a;
    e.b[i] = b;
    e.c[i] = c;
    e.d[i] = d;
    e.count = i + 1;
    return i;
  }

  /** Copies bytes into the pool and returns their offset. */
  pool(src: Uint8Array): number {
    const off = this.bytesUsed;
    if (off + src.length > this.bytes.length) this.bytes = grow(this.bytes, off + src.length);
    this.bytes.set(src, off);
    this.bytesUsed = off + src.length;
    return off;
  }

  /** Records a memory write whose bytes are already in memory at `addr`. */
  write(addr: number, bytes: Uint8Array, objectId: number): void {
    this.event(EventKind.Write, addr, bytes.length, this.pool(bytes), objectId);
  }

  /** Records a write of `len` bytes just stored at `addr`, copying them straight from memory. */
  writeFrom(
    mem: { copyOut(addr: number, len: number, dst: Uint8Array, off: number): void },
    addr: number,
    len: number,
    objectId: number,
  ): void {
    const off = this.bytesUsed;
    if (off + len > this.bytes.length) this.bytes = grow(this.bytes, off + len);
    mem.copyOut(addr, len, this.bytes, off);
    this.bytesUsed = off + len;
    this.event(EventKind.Write, addr, len, off, objectId);
  }

  /** Records a register event whose bytes are `len` bytes of `src` at `offset` (no view allocated). */
  registerFrom(index: number, src: Uint8Array, offset: number, len: number): void {
    const off = this.bytesUsed;
    if (off + len > this.bytes.length) this.bytes = grow(this.bytes, off + len);
    const dst = this.bytes;
    for (let i = 0; i < len; i++) dst[off + i] = src[offset + i] as number;
    this.bytesUsed = off + len;
    this.event(EventKind.Reg, index, len, off, -1);
  }

  register(index: number, slot: Uint8Array): void {
    this.event(EventKind.Reg, index, slot.length, this.pool(slot), -1);
  }

  private keyframe(step: number): void {
    const src = this.source;
    const numbers = src.pageNumbers();
    const pages: Uint8Array[] = [];
    for (const no of numbers) {
      let copy = this.lastPages.get(no);
      if (copy === undefined || src.dirty.has(no)) {
        copy = (src.pageBytes(no) as Uint8Array).slice();
        this.lastPages.set(no, copy);
      }
      pages.push(copy);
    }
    src.clearDirty();
    this.keyframes.push({
      step,
      event: this.events.count,
      pageNumbers: numbers,
      pages,
      registers: src.registerSnapshot(),
      outputCount: src.outputCount(),
    });
  }

  /** The final columns, trimmed to their used length. */
  finish(): { steps: StepColumns; events: EventColumns; bytes: Uint8Array } {
    const s = this.steps;
    const n = s.count;
    const e = this.events;
    const m = e.count;
    return {
      steps: {
        count: n,
        kind: trim(s.kind, n),
        side: trim(s.side, n),
        line: trim(s.line, n),
        column: trim(s.column, n),
        endLine: trim(s.endLine, n),
        endColumn: trim(s.endColumn, n),
        message: trim(s.message, n),
        paramStart: trim(s.paramStart, n),
        eventStart: trim(s.eventStart, n),
        frame: trim(s.frame, n),
      },
      events: {
        count: m,
        kind: trim(e.kind, m),
        a: trim(e.a, m),
        b: trim(e.b, m),
        c: trim(e.c, m),
        d: trim(e.d, m),
      },
      bytes: this.bytes.slice(0, this.bytesUsed),
    };
  }
}

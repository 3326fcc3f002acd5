/**
 * Appends steps and events to growable typed-array columns while a run goes on, and takes a
 * copy-on-write keyframe of memory and registers every KEYFRAME_INTERVAL steps.
 */
import {
  EventKind,
  type EventColumns,
  type MessageParam,
  type Keyframe,
  type StepColumns,
  type StepKind,
} from './types.ts';

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

/** Rows per chunk of a column: a long run fills chunks and copies each row once, at the end. */
const CHUNK = 1 << 15;

/**
 * A column that doubles only while short, then grows by whole chunks: a long run copies each row
 * once, into an exactly sized array at the end (doubling copies everything at each growth and
 * makes the collector chase the discarded buffers).
 */
class Column<T extends Typed> {
  /** The chunk rows are written to now; row i lives at `cur[i - base]`. */
  cur: T;
  base = 0;
  private readonly full: T[] = [];

  constructor(private readonly ctor: new (n: number) => T) {
    // A short run (every lesson program) never needs a whole chunk: start small.
    this.cur = new ctor(1024);
  }

  /** Makes room for row `base + cur.length`: doubles the first chunk up to CHUNK rows, then starts new ones. */
  next(): void {
    if (this.cur.length < CHUNK) {
      this.cur = grow(this.cur, this.cur.length * 2);
      return;
    }
    this.full.push(this.cur);
    this.base += CHUNK;
    this.cur = new this.ctor(CHUNK);
  }

  /** The first `n` rows as one array. */
  join(n: number): T {
    const out = new this.ctor(n);
    let at = 0;
    for (const c of this.full) {
      out.set(c.subarray(0, Math.min(CHUNK, n - at)), at);
      at += CHUNK;
      if (at >= n) return out;
    }
    if (at < n) out.set(this.cur.subarray(0, n - at), at);
    return out;
  }
}

const col = <T extends Typed>(ctor: new (n: number) => T) => new Column<T>(ctor);

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
  /** Steps recorded so far. */
  stepCount = 0;
  /** Events recorded so far. */
  eventCount = 0;
  private readonly sKind = col(Uint8Array);
  private readonly sSide = col(Uint8Array);
  private readonly sLine = col(Uint32Array);
  private readonly sColumn = col(Uint16Array);
  private readonly sEndLine = col(Uint32Array);
  private readonly sEndColumn = col(Uint16Array);
  private readonly sMessage = col(Uint16Array);
  private readonly sParamStart = col(Uint32Array);
  private readonly sEventStart = col(Uint32Array);
  private readonly sFrame = col(Int32Array);
  private readonly eKind = col(Uint8Array);
  private readonly eA = col(Float64Array);
  private readonly eB = col(Uint32Array);
  private readonly eC = col(Uint32Array);
  private readonly eD = col(Int32Array);
  bytes = new Uint8Array(1 << 16);
  bytesUsed = 0;
  readonly params: MessageParam[] = [];
  readonly messageIds: string[] = [];
  private readonly messageIndex = new Map<string, number>();
  private lastMessage = '';
  private lastMessageId = -1;
  readonly keyframes: Keyframe[] = [];
  private readonly lastPages = new Map<number, Uint8Array>();

  /**
   * With `record` false the recorder only counts steps and events (a summary-only run): the
   * machine runs exactly the same, and nothing is kept for a page to scrub.
   */
  constructor(
    private readonly source: KeyframeSource,
    readonly record = true,
  ) {}

  private messageId(id: string): number {
    // Runs of steps repeat a message (a loop body): remember the last one.
    if (id === this.lastMessage) return this.lastMessageId;
    let i = this.messageIndex.get(id);
    if (i === undefined) {
      i = this.messageIds.length;
      this.messageIds.push(id);
      this.messageIndex.set(id, i);
    }
    this.lastMessage = id;
    this.lastMessageId = i;
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
    params: readonly MessageParam[],
    frame: number,
  ): number {
    const i = this.stepCount;
    if (!this.record) {
      this.stepCount = i + 1;
      return i;
    }
    if (i % KEYFRAME_INTERVAL === 0) this.keyframe(i);
    let j = i - this.sKind.base;
    if (j === this.sKind.cur.length) {
      for (const c of this.stepColumns()) c.next();
      j = i - this.sKind.base;
    }
    this.sKind.cur[j] = kind;
    this.sSide.cur[j] = side;
    this.sLine.cur[j] = line;
    this.sColumn.cur[j] = column;
    this.sEndLine.cur[j] = endLine;
    this.sEndColumn.cur[j] = endColumn;
    this.sMessage.cur[j] = this.messageId(message);
    this.sParamStart.cur[j] = this.params.length;
    for (let k = 0; k < params.length; k++) this.params.push(params[k] as MessageParam);
    this.sEventStart.cur[j] = this.eventCount;
    this.sFrame.cur[j] = frame;
    this.stepCount = i + 1;
    return i;
  }

  private stepColumns(): Column<Typed>[] {
    return [
      this.sKind,
      this.sSide,
      this.sLine,
      this.sColumn,
      this.sEndLine,
      this.sEndColumn,
      this.sMessage,
      this.sParamStart,
      this.sEventStart,
      this.sFrame,
    ];
  }

  /** Replaces the narration of the current step (when its outcome is only known at its end). */
  setMessage(message: string, params: readonly MessageParam[]): void {
    const i = this.stepCount - 1;
    if (i < 0 || !this.record) return;
    const j = i - this.sKind.base;
    this.sMessage.cur[j] = this.messageId(message);
    this.params.length = this.sParamStart.cur[j] as number;
    for (const p of params) this.params.push(p);
  }

  event(kind: EventKind, a: number, b: number, c: number, d: number): number {
    const i = this.eventCount;
    // A summary-only run keeps no events (nothing reads their count either).
    if (!this.record) return i;
    let j = i - this.eKind.base;
    if (j === this.eKind.cur.length) {
      this.eKind.next();
      this.eA.next();
      this.eB.next();
      this.eC.next();
      this.eD.next();
      j = i - this.eKind.base;
    }
    this.eKind.cur[j] = kind;
    this.eA.cur[j] = a;
    this.eB.cur[j] = b;
    this.eC.cur[j] = c;
    this.eD.cur[j] = d;
    this.eventCount = i + 1;
    return i;
  }

  /** Makes room for `len` bytes at the end of the pool and returns their offset. */
  private reserve(len: number): number {
    const off = this.bytesUsed;
    if (off + len > this.bytes.length) this.bytes = grow(this.bytes, off + len);
    this.bytesUsed = off + len;
    return off;
  }

  /** Copies bytes into the pool and returns their offset. */
  pool(src: Uint8Array): number {
    if (!this.record) return 0;
    const off = this.reserve(src.length);
    this.bytes.set(src, off);
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
    if (!this.record) return;
    const off = this.reserve(len);
    mem.copyOut(addr, len, this.bytes, off);
    this.event(EventKind.Write, addr, len, off, objectId);
  }

  /** Records a register event whose bytes are `len` bytes of `src` at `offset` (no view allocated). */
  registerFrom(index: number, src: Uint8Array, offset: number, len: number): void {
    if (!this.record) return;
    const off = this.reserve(len);
    const dst = this.bytes;
    for (let i = 0; i < len; i++) dst[off + i] = src[offset + i] as number;
    this.event(EventKind.Reg, index, len, off, -1);
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
      event: this.eventCount,
      pageNumbers: numbers,
      pages,
      registers: src.registerSnapshot(),
      outputCount: src.outputCount(),
    });
  }

  /** The final columns, each one exactly sized array (empty for a summary-only run). */
  finish(): { steps: StepColumns; events: EventColumns; bytes: Uint8Array } {
    const n = this.record ? this.stepCount : 0;
    const m = this.record ? this.eventCount : 0;
    return {
      steps: {
        count: n,
        kind: this.sKind.join(n),
        side: this.sSide.join(n),
        line: this.sLine.join(n),
        column: this.sColumn.join(n),
        endLine: this.sEndLine.join(n),
        endColumn: this.sEndColumn.join(n),
        message: this.sMessage.join(n),
        paramStart: this.sParamStart.join(n),
        eventStart: this.sEventStart.join(n),
        frame: this.sFrame.join(n),
      },
      events: {
        count: m,
        kind: this.eKind.join(m),
        a: this.eA.join(m),
        b: this.eB.join(m),
        c: this.eC.join(m),
        d: this.eD.join(m),
      },
      bytes: this.bytes.slice(0, this.bytesUsed),
    };
  }
}

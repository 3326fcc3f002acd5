/**
 * The trace's read API: everything outside src/sim/trace reads a trace through these functions (and
 * the record readers of tables.ts), never through its columns. `stepAt` and `eventAt` decode one row
 * of the step and event columns into a record and a tagged union; `stateAt` rebuilds the machine at
 * any step from the nearest keyframe plus the events since (a keyframe is at most KEYFRAME_INTERVAL
 * steps back, so a scrub replays a bounded number of events and never re-runs the program);
 * `traceBuffers` names the buffers a worker transfers. docs/TRACE.md describes the format.
 */
import { PAGE_SIZE } from '../machine/memory.ts';
import { boundaryCallList, objectList } from './tables.ts';
import {
  EventKind,
  SIDES,
  StepKind,
  type BoundaryCall,
  type MessageRef,
  type ObjectRecord,
  type SourceSide,
  type Trace,
} from './types.ts';

/** How many steps a trace has (0 for a summary-only run or a program that did not compile). */
export function stepCount(trace: Trace): number {
  return trace.steps.count;
}

/** How many machine events a trace has. */
export function eventCount(trace: Trace): number {
  return trace.events.count;
}

/** One step, decoded from the step columns (its narration is `stepMessage`). */
export interface StepRecord {
  index: number;
  kind: StepKind;
  side: SourceSide;
  /** 1-based; 0 when the step has no source line (the runtime's own steps). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The frame record executing, -1 for none. */
  frame: number;
  /** Its events: [start, end). */
  events: { start: number; end: number };
}

/** Step `step` as a record (the index is clamped into the run). */
export function stepAt(trace: Trace, step: number): StepRecord {
  const s = trace.steps;
  const i = Math.max(0, Math.min(step, s.count - 1));
  return {
    index: i,
    kind: (s.kind[i] ?? StepKind.Start) as StepKind,
    side: SIDES[s.side[i] ?? 2] ?? 'runtime',
    line: s.line[i] ?? 0,
    column: s.column[i] ?? 0,
    endLine: s.endLine[i] ?? 0,
    endColumn: s.endColumn[i] ?? 0,
    frame: s.frame[i] ?? -1,
    events: stepEvents(trace, i),
  };
}

/** The kind of step `step`, without decoding the rest of it (for scans over a long run). */
export function stepKindAt(trace: Trace, step: number): StepKind {
  return (trace.steps.kind[step] ?? StepKind.Start) as StepKind;
}

/** Where step `step` is, without decoding the rest of it (for scans over a long run). */
export function stepLineAt(trace: Trace, step: number): { side: SourceSide; line: number } {
  return { side: SIDES[trace.steps.side[step] ?? 2] ?? 'runtime', line: trace.steps.line[step] ?? 0 };
}

/** The innermost foreign call in progress at a step (its return step included), or null. */
export function activeCall(trace: Trace, step: number): BoundaryCall | null {
  let best: BoundaryCall | null = null;
  for (const c of boundaryCallList(trace.boundaryCalls)) {
    const end = c.returnStep < 0 ? Infinity : c.returnStep;
    if (c.step <= step && step <= end && (best === null || c.step >= best.step)) best = c;
  }
  return best;
}

/** The frame record executing at step `step`, -1 for none. */
export function stepFrameAt(trace: Trace, step: number): number {
  return trace.steps.frame[step] ?? -1;
}

/**
 * One machine event, decoded: the meaning of the columns a, b, c, d depends on the kind, and this is
 * the one place that knows it (types.ts documents the columns).
 */
export type TraceEvent =
  | { kind: 'write'; index: number; addr: number; len: number; bytes: Uint8Array; objectId: number }
  | { kind: 'read'; index: number; addr: number; len: number; objectId: number }
  | { kind: 'reg'; index: number; register: number; name: string; len: number; bytes: Uint8Array }
  | { kind: 'alloc'; index: number; objectId: number }
  | { kind: 'end'; index: number; objectId: number }
  | { kind: 'enter'; index: number; frameId: number; sp: number }
  | { kind: 'exit'; index: number; frameId: number; sp: number }
  | { kind: 'gc-mark'; index: number; objectId: number; addr: number; size: number }
  | { kind: 'gc-sweep'; index: number; objectId: number; addr: number; size: number }
  | { kind: 'crash'; index: number; addr: number; signal: number }
  | { kind: 'output'; index: number; chunk: number; text: string }
  | { kind: 'finding'; index: number; finding: number }
  | { kind: 'boundary-call'; index: number; callId: number }
  | { kind: 'boundary-return'; index: number; callId: number };

export type TraceEventKind = TraceEvent['kind'];

type Decoder = (trace: Trace, e: number, a: number, b: number, c: number, d: number) => TraceEvent;

const DECODE: Record<EventKind, Decoder> = {
  [EventKind.Write]: (t, index, addr, len, off, objectId) => ({
    kind: 'write',
    index,
    addr,
    len,
    bytes: t.bytes.subarray(off, off + len),
    objectId,
  }),
  [EventKind.Read]: (_t, index, addr, len, _c, objectId) => ({ kind: 'read', index, addr, len, objectId }),
  [EventKind.Reg]: (t, index, register, len, off) => ({
    kind: 'reg',
    index,
    register,
    name: t.registerNames[register] ?? `r${register}`,
    len,
    bytes: t.bytes.subarray(off, off + len),
  }),
  [EventKind.Alloc]: (_t, index, _a, _b, _c, objectId) => ({ kind: 'alloc', index, objectId }),
  [EventKind.End]: (_t, index, _a, _b, _c, objectId) => ({ kind: 'end', index, objectId }),
  [EventKind.Enter]: (_t, index, sp, _b, _c, frameId) => ({ kind: 'enter', index, frameId, sp }),
  [EventKind.Exit]: (_t, index, sp, _b, _c, frameId) => ({ kind: 'exit', index, frameId, sp }),
  [EventKind.GcMark]: (_t, index, addr, size, _c, objectId) => ({
    kind: 'gc-mark',
    index,
    objectId,
    addr,
    size,
  }),
  [EventKind.GcSweep]: (_t, index, addr, size, _c, objectId) => ({
    kind: 'gc-sweep',
    index,
    objectId,
    addr,
    size,
  }),
  [EventKind.Crash]: (_t, index, addr, signal) => ({ kind: 'crash', index, addr, signal }),
  [EventKind.Output]: (t, index, _a, _b, chunk) => ({
    kind: 'output',
    index,
    chunk,
    text: t.output[chunk] ?? '',
  }),
  [EventKind.Finding]: (_t, index, _a, _b, _c, finding) => ({ kind: 'finding', index, finding }),
  [EventKind.BoundaryCall]: (_t, index, _a, _b, _c, callId) => ({ kind: 'boundary-call', index, callId }),
  [EventKind.BoundaryReturn]: (_t, index, _a, _b, _c, callId) => ({ kind: 'boundary-return', index, callId }),
};

/** Event `e` as a tagged union, or null past the end of the run. */
export function eventAt(trace: Trace, e: number): TraceEvent | null {
  const ev = trace.events;
  if (e < 0 || e >= ev.count) return null;
  const decode = DECODE[ev.kind[e] as EventKind] as Decoder | undefined;
  if (decode === undefined) return null;
  return decode(trace, e, ev.a[e] as number, ev.b[e] as number, ev.c[e] as number, ev.d[e] as number);
}

/** The events [start, end) of a trace, decoded (a step's: `eventsOf(trace, stepEvents(trace, s))`). */
export function eventsIn(trace: Trace, range: { start: number; end: number }): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let e = range.start; e < range.end; e++) {
    const x = eventAt(trace, e);
    if (x !== null) out.push(x);
  }
  return out;
}

/**
 * The first event in [start, end) of kind `kind` for which `test` holds, or null. Scans the kind
 * column and decodes only the candidates, so a question about a long run costs no allocation per event.
 */
export function findEvent<K extends TraceEventKind>(
  trace: Trace,
  range: { start: number; end: number },
  kind: K,
  test: (e: Extract<TraceEvent, { kind: K }>) => boolean = () => true,
): Extract<TraceEvent, { kind: K }> | null {
  const code = EVENT_CODE[kind];
  const ev = trace.events;
  const end = Math.min(range.end, ev.count);
  for (let e = Math.max(0, range.start); e < end; e++) {
    if (ev.kind[e] !== code) continue;
    const x = eventAt(trace, e) as Extract<TraceEvent, { kind: K }>;
    if (test(x)) return x;
  }
  return null;
}

/** Every event in [start, end) of kind `kind`, decoded (the other kinds are skipped undecoded). */
export function eventsOfKind<K extends TraceEventKind>(
  trace: Trace,
  range: { start: number; end: number },
  kind: K,
): Extract<TraceEvent, { kind: K }>[] {
  const code = EVENT_CODE[kind];
  const ev = trace.events;
  const out: Extract<TraceEvent, { kind: K }>[] = [];
  const end = Math.min(range.end, ev.count);
  for (let e = Math.max(0, range.start); e < end; e++)
    if (ev.kind[e] === code) out.push(eventAt(trace, e) as Extract<TraceEvent, { kind: K }>);
  return out;
}

const EVENT_CODE: Record<TraceEventKind, EventKind> = {
  write: EventKind.Write,
  read: EventKind.Read,
  reg: EventKind.Reg,
  alloc: EventKind.Alloc,
  end: EventKind.End,
  enter: EventKind.Enter,
  exit: EventKind.Exit,
  'gc-mark': EventKind.GcMark,
  'gc-sweep': EventKind.GcSweep,
  crash: EventKind.Crash,
  output: EventKind.Output,
  finding: EventKind.Finding,
  'boundary-call': EventKind.BoundaryCall,
  'boundary-return': EventKind.BoundaryReturn,
};

/**
 * The buffers under a trace's typed arrays (step and event columns, the byte pool, the keyframes'
 * pages and registers, the object, frame and call tables), so a worker posting it moves them instead
 * of copying. Keyframes share unchanged pages: each buffer is named once.
 */
export function traceBuffers(trace: Trace): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView) => {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  const columns = (table: object) => {
    for (const column of Object.values(table)) if (ArrayBuffer.isView(column)) add(column);
  };
  columns(trace.steps);
  columns(trace.events);
  columns(trace.objects);
  columns(trace.frames);
  columns(trace.boundaryCalls);
  add(trace.bytes);
  for (const keyframe of trace.keyframes) {
    add(keyframe.registers);
    for (const page of keyframe.pages) add(page);
  }
  return [...buffers];
}

/** The machine as it was after a given event. */
export interface MachineState {
  step: number;
  /** Events [0, eventEnd) have been applied. */
  eventEnd: number;
  /** Reads bytes (zero for memory nobody wrote). */
  read(addr: number, len: number): Uint8Array;
  readF64(addr: number): number;
  readUint64(addr: number): bigint;
  /** Register slots, 16 bytes each, in `trace.registerNames` order. */
  registers: Uint8Array;
  register(name: string): Uint8Array;
  /** Output printed so far. */
  stdout: string;
  /** Addresses written by the events of this step (for highlighting). */
  writes: { addr: number; len: number; objectId: number }[];
}

/** The narration message of a step, as stored in the trace (an id and its parameters). */
export function stepMessage(trace: Trace, step: number): MessageRef {
  const s = trace.steps;
  const id = trace.messageIds[s.message[step] ?? 0] ?? '';
  const from = s.paramStart[step] ?? 0;
  const to = step + 1 < s.count ? (s.paramStart[step + 1] ?? from) : trace.params.length;
  return { id, params: trace.params.slice(from, to) };
}

/** The event range of a step: [start, end). */
export function stepEvents(trace: Trace, step: number): { start: number; end: number } {
  const s = trace.steps;
  const start = s.eventStart[step] ?? trace.events.count;
  const end = step + 1 < s.count ? (s.eventStart[step + 1] as number) : trace.events.count;
  return { start, end };
}

/** The state after step `step` (all its events), or after event `eventEnd - 1` when given. */
export function stateAt(trace: Trace, step: number, eventEnd?: number): MachineState {
  const count = trace.steps.count;
  const st = Math.max(0, Math.min(step, count - 1));
  const range = stepEvents(trace, st);
  const end = eventEnd === undefined ? range.end : Math.max(range.start, Math.min(eventEnd, range.end));
  // Binary search for the last keyframe at or before the step.
  const kfs = trace.keyframes;
  let lo = 0;
  let hi = kfs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((kfs[mid]?.step ?? 0) <= st) lo = mid;
    else hi = mid - 1;
  }
  const kf = kfs[lo];
  const pages = new Map<number, Uint8Array>();
  const owned = new Set<number>();
  if (kf !== undefined) kf.pageNumbers.forEach((no, i) => pages.set(no, kf.pages[i] as Uint8Array));
  const registers = kf !== undefined ? kf.registers.slice() : new Uint8Array(trace.registerNames.length * 16);
  const ev = trace.events;
  const writes: MachineState['writes'] = [];
  const writable = (no: number): Uint8Array => {
    let p = pages.get(no);
    if (!owned.has(no)) {
      p = p === undefined ? new Uint8Array(PAGE_SIZE) : p.slice();
      pages.set(no, p);
      owned.add(no);
    }
    return p as Uint8Array;
  };
  for (let e = kf?.event ?? 0; e < end; e++) {
    const kind = ev.kind[e];
    if (kind === EventKind.Write) {
      const addr = ev.a[e] as number;
      const len = ev.b[e] as number;
      const off = ev.c[e] as number;
      for (let i = 0; i < len; i++) {
        const a = addr + i;
        writable(Math.floor(a / PAGE_SIZE))[a % PAGE_SIZE] = trace.bytes[off + i] as number;
      }
      if (e >= range.start) writes.push({ addr, len, objectId: ev.d[e] as number });
    } else if (kind === EventKind.Reg) {
      const idx = ev.a[e] as number;
      const len = ev.b[e] as number;
      const off = ev.c[e] as number;
      registers.set(trace.bytes.subarray(off, off + len), idx * 16);
    }
  }
  let outputCount = kf?.outputCount ?? 0;
  for (let e = kf?.event ?? 0; e < end; e++) if (ev.kind[e] === EventKind.Output) outputCount++;
  const stdout = trace.output.slice(0, outputCount).join('');
  const read = (addr: number, len: number): Uint8Array => {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) {
      const a = addr + i;
      out[i] = pages.get(Math.floor(a / PAGE_SIZE))?.[a % PAGE_SIZE] ?? 0;
    }
    return out;
  };
  const names = trace.registerNames;
  return {
    step: st,
    eventEnd: end,
    read,
    readF64: (addr) => new DataView(read(addr, 8).buffer).getFloat64(0, true),
    readUint64: (addr) => new DataView(read(addr, 8).buffer).getBigUint64(0, true),
    registers,
    register: (name) => {
      const i = names.indexOf(name);
      return i < 0 ? new Uint8Array(16) : registers.slice(i * 16, i * 16 + 16);
    },
    stdout,
    writes,
  };
}

/** Lifetime of an object at a step: not yet born, alive, or dead (and how). */
export function lifetimeAt(
  o: ObjectRecord,
  step: number,
): 'unborn' | 'alive' | 'out-of-scope' | 'freed' | 'collected' {
  if (step < o.born) return 'unborn';
  if (o.died < 0 || step < o.died) return 'alive';
  return o.deathKind ?? 'out-of-scope';
}

/** The objects that exist (alive or dead with stale bytes) at a step. */
export function objectsAt(trace: Trace, step: number): ObjectRecord[] {
  return objectList(trace.objects).filter((o) => o.born <= step);
}

/**
 * Rebuilds the machine state at any step of a trace: the nearest keyframe, plus the events since.
 * A keyframe is at most KEYFRAME_INTERVAL steps back, so a scrub replays a bounded number of
 * events and never re-runs the program.
 */
import { PAGE_SIZE } from '../machine/memory.ts';
import { objectList } from './tables.ts';
import { EventKind, type MessageRef, type ObjectRecord, type Trace } from './types.ts';

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

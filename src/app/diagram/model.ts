/**
 * What the diagram shows at one step, derived from the trace alone: which objects exist and in
 * what state, the values of their cells, the frames on the stack, the registers, every pointer
 * and what it reaches, the foreign call in progress, the collector's work, findings and a crash.
 * No geometry here (that is layout.ts) and no words (that is strings.ts): plain data, unit-tested.
 */
import { registerInfos } from '../../sim/machine/registers.ts';
import { lifetimeAt, stateAt, stepEvents, type MachineState } from '../../sim/trace/reader.ts';
import {
  EventKind,
  StepKind,
  type BoundaryCall,
  type Cell,
  type DeathKind,
  type ObjectRecord,
  type ObjectRole,
  type Region,
  type SourceSide,
  type Trace,
} from '../../sim/trace/types.ts';
import { formatCell, hexAddr, hexBytes, u64Number } from './format.ts';
import { boundaryCallList, frameList, frameRecord, objectList } from '../../sim/trace/tables.ts';
import { formatName, type Locale as NameLocale } from '../../sim/messages/format.ts';

/** The memory areas a learner recognises; static storage holds C++ statics and the runtime's data. */
export type AreaKind = 'stack' | 'static' | 'c-heap' | 'gc-heap' | 'registers';
export const MEMORY_AREAS: readonly Exclude<AreaKind, 'registers'>[] = [
  'stack',
  'static',
  'c-heap',
  'gc-heap',
];

export type LifeState = 'alive' | DeathKind;

/** What a pointer reaches: a live object, a dead one (and how it died), or no object at all. */
export type PointerStatus = 'valid' | DeathKind | 'unowned' | 'unmapped' | 'code';

/** Objects the model invents for memory no object owns (a pointer or a stray write lands there). */
export const ANONYMOUS_ID_BASE = -1000;

export interface SceneCell {
  path: string;
  kind: Cell['kind'];
  addr: number;
  size: number;
  /** The value as its kind says (a double, an int, a pointer). */
  text: string;
  /** The raw bytes, in memory order. */
  hex: string;
  /** Written by the events of this step (up to the current event). */
  written: boolean;
  /** Read by the events of this step. */
  read: boolean;
  /** Dead objects only: the value when the lifetime ended, when a later write changed it since. */
  staleWas: string | null;
  /** Pointer cells: the address held, else null. */
  pointsTo: number | null;
}

/** One display row of an object box: a cell, a run of bytes no cell describes, or "n more". */
export interface SceneRow {
  kind: 'cell' | 'gap' | 'more';
  start: number;
  end: number;
  cell: SceneCell | null;
}

export interface SceneObject {
  /** Trace object id, or ANONYMOUS_ID_BASE - n for memory no object owns. */
  id: number;
  /** DOM-safe key derived from the address: `mem-7ffff7ffd908-12`. */
  key: string;
  name: string;
  typeName: string;
  role: ObjectRole | 'anonymous';
  side: SourceSide;
  area: Exclude<AreaKind, 'registers'>;
  regionId: number;
  addr: number;
  size: number;
  state: LifeState;
  frameId: number;
  rows: SceneRow[];
  born: number;
  died: number;
  /** Came to life at this step / ended at this step. */
  bornNow: boolean;
  diedNow: boolean;
  /** Bytes of it were written at this step. */
  written: boolean;
  /** Dead, and a later object now lives on (some of) its bytes: the name of that object. */
  reusedBy: string | null;
  /** GC objects during a collection. */
  gc: 'marked' | 'unmarked' | 'swept' | null;
  atomic: boolean;
  /** Indices into trace.findings of findings (recorded by this step) that concern this object. */
  findings: number[];
}

export interface SceneFrame {
  id: number;
  functionName: string;
  side: SourceSide;
  alive: boolean;
  /** The frame executing at this step. */
  current: boolean;
  /** Entered across the Codon/C++ boundary (its caller is on the other side). */
  boundary: boolean;
  callerSide: SourceSide | null;
  entrySp: number;
  low: number;
}

export interface SceneRegister {
  name: string;
  /** Display name: `d0` for AArch64's v0 when it carries a double. */
  label: string;
  kind: 'gp' | 'vec' | 'x87' | 'sp' | 'meta';
  role: string;
  /** Integer registers: the value (exact below 2^53). */
  value: number | null;
  text: string;
  hex: string;
  written: boolean;
  /** Named by the foreign call in progress. */
  inCall: boolean;
}

export type PointerSource =
  { kind: 'cell'; objectId: number; addr: number } | { kind: 'register'; name: string };

export interface ScenePointer {
  /** `ptr-7fffffffe2f8` for a cell, `ptr-rdi` for a register. */
  key: string;
  from: PointerSource;
  target: number;
  /** The scene object it reaches (-1 when none: unmapped memory or code). */
  objectId: number;
  status: PointerStatus;
  /** The region it points into, when one. */
  regionName: string | null;
  /** For a dead target: the object now living on those bytes, if any. */
  nowOwner: string | null;
  /** Read from untyped bytes that hold a heap address (what a conservative collector would see). */
  untyped: boolean;
}

export type CallRole = 'none' | 'arg' | 'result' | 'hidden-pointer' | 'hidden-return';

export interface CallRegisterRow {
  register: string;
  caller: { role: CallRole; label: string; typeName: string };
  callee: { role: CallRole; label: string; typeName: string };
  /** The two sides disagree about this register. */
  mismatch: boolean;
  value: string;
}

export interface SceneCall {
  call: BoundaryCall;
  /** The caller is placing arguments, the callee runs, or the caller reads the result. */
  phase: 'call' | 'callee' | 'return';
  rows: CallRegisterRow[];
  /** The memory the callee writes its result to through the hidden pointer, when it has one. */
  hidden: { reg: string; value: number; size: number; written: number; victims: string[] } | null;
}

export interface SceneGc {
  phase: 'mark' | 'sweep';
  marked: number[];
  swept: number[];
}

export interface Scene {
  step: number;
  eventEnd: number;
  target: Trace['target'];
  stepKind: StepKind;
  side: SourceSide;
  line: number;
  objects: SceneObject[];
  frames: SceneFrame[];
  registers: SceneRegister[];
  pointers: ScenePointer[];
  /** Stack pointer now. */
  sp: number;
  call: SceneCall | null;
  gc: SceneGc | null;
  crash: Trace['crash'];
  /** Indices of findings recorded at or before this step. */
  findings: number[];
  /** Findings recorded at this step. */
  newFindings: number[];
  writes: MachineState['writes'];
  stdout: string;
}

const SIDES: SourceSide[] = ['cpp', 'codon', 'runtime'];

/** Which diagram area a region's objects belong to (code has none). */
export function areaOfRegion(kind: Region['kind']): Exclude<AreaKind, 'registers'> | null {
  switch (kind) {
    case 'stack':
      return 'stack';
    case 'static':
    case 'runtime':
      return 'static';
    case 'c-heap':
      return 'c-heap';
    case 'gc-heap':
      return 'gc-heap';
    case 'text':
      return null;
  }
}

/** The region covering an address, or null for unmapped memory. */
export function regionAt(trace: Trace, addr: number): Region | null {
  return trace.regions.find((r) => addr >= r.start && addr < r.end) ?? null;
}

/** DOM id of an object box: derived from its address so arrows and tests can find it. */
export function objectKey(addr: number, id: number): string {
  return `mem-${addr.toString(16)}-${id < 0 ? `a${ANONYMOUS_ID_BASE - id}` : id}`;
}

/** Most rows an object box shows before "n more". */
export const MAX_ROWS = 10;

/** The registers the diagram shows, the same at every step of a run so nothing jumps. */
export function shownRegisters(trace: Trace): string[] {
  const names = trace.registerNames;
  const base =
    trace.target === 'x86_64'
      ? ['rax', 'rdi', 'rsi', 'rdx', 'rsp', 'xmm0', 'xmm1']
      : ['x0', 'x1', 'x8', 'sp', 'v0', 'v1', 'v2', 'v3'];
  const wanted = new Set(base);
  for (const c of boundaryCallList(trace.boundaryCalls))
    for (const r of callRegisters(c)) wanted.add(slotName(trace, r));
  // x87 slots only when the run used the x87 stack (an LLVM {double x4} return).
  const st0 = names.indexOf('st0');
  if (st0 >= 0) {
    const ev = trace.events;
    for (let e = 0; e < ev.count; e++) {
      if (ev.kind[e] === EventKind.Reg && ev.a[e] === st0) {
        wanted.add('st0');
        wanted.add('st1');
        break;
      }
    }
  }
  return names.filter((n) => wanted.has(n));
}

/** The register slot a convention's name uses: `d2` and `s2` are `v2` on AArch64. */
export function slotName(trace: Trace, reg: string): string {
  if (trace.registerNames.includes(reg)) return reg;
  const m = /^[dsqbh](\d+)$/.exec(reg);
  if (m !== null && trace.target === 'aarch64') return `v${m[1]}`;
  const w = /^w(\d+)$/.exec(reg);
  if (w !== null) return `x${w[1]}`;
  return reg;
}

function callRegisters(c: BoundaryCall): string[] {
  const out: string[] = [];
  for (const r of [...c.callerArgs, c.callerResult, ...c.calleeArgs, c.calleeResult]) {
    if (r !== null) out.push(...r.registers);
  }
  if (c.hiddenPointer !== null) out.push(c.hiddenPointer.reg);
  return out;
}

interface StepEventInfo {
  allocs: Set<number>;
  ends: Set<number>;
  marks: Set<number>;
  sweeps: Set<number>;
  regs: Set<number>;
  reads: { addr: number; len: number }[];
  findings: number[];
}

function scanStep(trace: Trace, step: number, end: number): StepEventInfo {
  const ev = trace.events;
  const { start } = stepEvents(trace, step);
  const info: StepEventInfo = {
    allocs: new Set(),
    ends: new Set(),
    marks: new Set(),
    sweeps: new Set(),
    regs: new Set(),
    reads: [],
    findings: [],
  };
  for (let e = start; e < end; e++) {
    const d = ev.d[e] as number;
    switch (ev.kind[e]) {
      case EventKind.Alloc:
        info.allocs.add(d);
        break;
      case EventKind.End:
        info.ends.add(d);
        break;
      case EventKind.GcMark:
        info.marks.add(d);
        break;
      case EventKind.GcSweep:
        info.sweeps.add(d);
        break;
      case EventKind.Reg:
        info.regs.add(ev.a[e] as number);
        break;
      case EventKind.Read:
        info.reads.push({ addr: ev.a[e] as number, len: ev.b[e] as number });
        break;
      case EventKind.Finding:
        info.findings.push(d);
        break;
    }
  }
  return info;
}

/** Lifetime at a point inside a step: births and deaths of this step count once their event ran. */
function lifeAt(o: ObjectRecord, step: number, info: StepEventInfo, partial: boolean): LifeState | 'unborn' {
  if (o.born === step && partial && !info.allocs.has(o.id)) return 'unborn';
  if (o.died === step && partial && !info.ends.has(o.id)) return 'alive';
  const l = lifetimeAt(o, step);
  return l;
}

/**
 * Objects by the 64-byte granules their bytes cover (big objects in a list of their own), so "what is
 * near this address" looks at a few objects. `around` may return objects that do not overlap: callers
 * check. It returns each object once, in the order given.
 */
class SpatialIndex {
  private static readonly GRANULE = 64;
  private static readonly BIG = 4096;
  private readonly cells = new Map<number, number[]>();
  private readonly big: number[] = [];

  constructor(private readonly objects: readonly ObjectRecord[]) {
    objects.forEach((o, i) => {
      if (o.size > SpatialIndex.BIG) {
        this.big.push(i);
        return;
      }
      const last = Math.floor((o.addr + Math.max(o.size, 1) - 1) / SpatialIndex.GRANULE);
      for (let g = Math.floor(o.addr / SpatialIndex.GRANULE); g <= last; g++) {
        let list = this.cells.get(g);
        if (list === undefined) this.cells.set(g, (list = []));
        list.push(i);
      }
    });
  }

  /** The granule lists (each in the order given) that [addr, addr + size) meets, and the big objects. */
  private lists(addr: number, size: number): number[][] {
    const first = Math.floor(addr / SpatialIndex.GRANULE);
    const last = Math.floor((addr + Math.max(size, 1) - 1) / SpatialIndex.GRANULE);
    if (last - first > 64) return [this.objects.map((_, i) => i)];
    const out = [this.big];
    for (let g = first; g <= last; g++) {
      const list = this.cells.get(g);
      if (list !== undefined) out.push(list);
    }
    return out;
  }

  /**
   * Whether an object near `o`, born at a step in [from, to), satisfies `test`. The objects must have
   * been given in the order they were born: each list is searched from the first born at `from`.
   */
  bornBetween(o: ObjectRecord, from: number, to: number, test: (x: ObjectRecord) => boolean): boolean {
    for (const list of this.lists(o.addr, o.size)) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.objects[list[mid] as number] as ObjectRecord).born < from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < list.length; k++) {
        const x = this.objects[list[k] as number] as ObjectRecord;
        if (x.born >= to) break;
        if (test(x)) return true;
      }
    }
    return false;
  }

  /** The last-born object near `o`, born at `from` or later, that satisfies `test` (ties: the later id). */
  lastBornFrom(o: ObjectRecord, from: number, test: (x: ObjectRecord) => boolean): ObjectRecord | null {
    let best: ObjectRecord | null = null;
    for (const list of this.lists(o.addr, o.size)) {
      for (let k = list.length - 1; k >= 0; k--) {
        const x = this.objects[list[k] as number] as ObjectRecord;
        if (x.born < from) break;
        if (!test(x)) continue;
        if (best === null || x.born > best.born || (x.born === best.born && x.id > best.id)) best = x;
        break;
      }
    }
    return best;
  }

  /** The objects whose granules meet [addr, addr + size), and every big object. */
  around(addr: number, size: number): ObjectRecord[] {
    const first = Math.floor(addr / SpatialIndex.GRANULE);
    const last = Math.floor((addr + Math.max(size, 1) - 1) / SpatialIndex.GRANULE);
    // A huge range (a whole region): every object is near.
    if (last - first > 64) return [...this.objects];
    const hits = new Set<number>(this.big);
    for (let g = first; g <= last; g++) for (const i of this.cells.get(g) ?? []) hits.add(i);
    return [...hits].sort((a, b) => a - b).map((i) => this.objects[i] as ObjectRecord);
  }
}

function overlaps(a: { addr: number; size: number }, b: { addr: number; size: number }): boolean {
  return a.addr < b.addr + b.size && b.addr < a.addr + a.size;
}

function rangeHit(ranges: { addr: number; len: number }[], addr: number, size: number): boolean {
  return ranges.some((w) => w.addr < addr + size && addr < w.addr + w.len);
}

/** Builds the rows of an object box from its cells, with gaps for bytes no cell covers. */
function buildRows(
  o: { addr: number; size: number; cells: Cell[] },
  state: MachineState,
  writes: { addr: number; len: number }[],
  reads: { addr: number; len: number }[],
  stale: MachineState | null,
): SceneRow[] {
  const cells = [...o.cells].filter((c) => c.size > 0).sort((a, b) => a.offset - b.offset);
  const rows: SceneRow[] = [];
  let at = 0;
  for (const c of cells) {
    if (c.offset < at) continue; // overlapping cell descriptions: keep the first
    if (c.offset > at) rows.push({ kind: 'gap', start: o.addr + at, end: o.addr + c.offset, cell: null });
    const addr = o.addr + c.offset;
    const bytes = state.read(addr, Math.min(c.size, 64));
    const text = formatCell(c.kind, bytes);
    let staleWas: string | null = null;
    if (stale !== null) {
      const was = formatCell(c.kind, stale.read(addr, Math.min(c.size, 64)));
      if (was !== text) staleWas = was;
    }
    const ptr = c.kind === 'pointer' && c.size === 8 ? u64Number(bytes) : null;
    rows.push({
      kind: 'cell',
      start: addr,
      end: addr + c.size,
      cell: {
        path: c.path,
        kind: c.kind,
        addr,
        size: c.size,
        text,
        hex: hexBytes(bytes),
        written: rangeHit(writes, addr, c.size),
        read: rangeHit(reads, addr, c.size),
        staleWas,
        pointsTo: ptr !== null && ptr !== 0 && !Number.isNaN(ptr) ? ptr : null,
      },
    });
    at = c.offset + c.size;
  }
  if (at < o.size) rows.push({ kind: 'gap', start: o.addr + at, end: o.addr + o.size, cell: null });
  if (rows.length > MAX_ROWS) {
    const keep = rows.slice(0, MAX_ROWS - 1);
    const last = keep[keep.length - 1] as SceneRow;
    keep.push({ kind: 'more', start: last.end, end: o.addr + o.size, cell: null });
    return keep;
  }
  return rows;
}

/** Builds the scene at `step` (after all its events, or after event `eventEnd - 1`). */
export function buildScene(trace: Trace, step: number, eventEnd?: number, locale: NameLocale = 'en'): Scene {
  const count = trace.steps.count;
  const st = Math.max(0, Math.min(step, count - 1));
  const state = stateAt(trace, st, eventEnd);
  const range = stepEvents(trace, st);
  const partial = state.eventEnd < range.end;
  const info = scanStep(trace, st, state.eventEnd);
  const writes = state.writes.map((w) => ({ addr: w.addr, len: w.len }));
  const regionArea = new Map<number, Exclude<AreaKind, 'registers'> | null>();
  for (const r of trace.regions) regionArea.set(r.id, areaOfRegion(r.kind));

  // Objects that exist, alive or dead, with their state.
  const existing: { o: ObjectRecord; state: LifeState }[] = [];
  for (const o of objectList(trace.objects)) {
    if (o.born > st) continue;
    const l = lifeAt(o, st, info, partial);
    if (l === 'unborn') continue;
    if ((regionArea.get(o.regionId) ?? null) === null) continue;
    existing.push({ o, state: l });
  }

  // Where objects are, so the questions below cost the objects near an address, not all of them: a loop
  // of thousands of calls leaves tens of thousands of dead objects on the same few stack slots.
  const near = new SpatialIndex(existing.map((e) => e.o));
  const alive = new SpatialIndex(existing.filter((e) => e.state === 'alive').map((e) => e.o));

  // Pointers first (they decide which dead objects stay visible).
  const liveAt = (addr: number) => {
    let best: ObjectRecord | null = null;
    for (const o of alive.around(addr, 1)) {
      if (addr < o.addr || addr >= o.addr + o.size) continue;
      // A view (the callee's name for memory it was handed) loses to the memory's owner.
      const rank = (x: ObjectRecord) =>
        (x.role === 'result-view' ? 1e12 : 0) + (x.role === 'frame-link' ? 1e11 : 0) + x.size;
      if (best === null || rank(o) < rank(best)) best = o;
    }
    return best;
  };
  const deadAt = (addr: number) => {
    let best: ObjectRecord | null = null;
    for (const { o, state: s } of existing) {
      if (s === 'alive' || addr < o.addr || addr >= o.addr + o.size) continue;
      // The most recently dead object there: its stale bytes are what the pointer reaches.
      if (best === null || o.died > best.died || (o.died === best.died && o.size < best.size)) best = o;
    }
    return best;
  };

  // Where the current boundary call is.
  const call = activeCall(trace, st);
  const callRegs = new Set(call === null ? [] : callRegisters(call).map((r) => slotName(trace, r)));

  // Registers.
  const infos = registerInfos(trace.target);
  const shown = shownRegisters(trace);
  const x87depth = (() => {
    const b = state.register('x87depth');
    return b[0] ?? 0;
  })();
  const registers: SceneRegister[] = shown.map((name) => {
    const idx = trace.registerNames.indexOf(name);
    const info0 = infos.find((x) => x.name === name);
    const kind = info0?.kind ?? 'gp';
    const bytes = state.register(name);
    let text: string;
    let value: number | null = null;
    if (kind === 'vec') {
      const lo = formatCell('float', bytes.subarray(0, 8));
      const hiBytes = bytes.subarray(8, 16);
      text = hiBytes.some((b) => b !== 0) ? `${lo} | ${formatCell('float', hiBytes)}` : lo;
    } else if (kind === 'x87') {
      const i = Number(name.slice(2));
      text = i < x87depth ? formatCell('float', bytes.subarray(0, 8)) : 'empty';
    } else {
      value = u64Number(bytes);
      text = hexAddr(value);
    }
    const label = trace.target === 'aarch64' && kind === 'vec' ? `d${name.slice(1)}` : name;
    return {
      name,
      label,
      kind,
      role: info0?.role ?? '',
      value,
      text,
      hex: hexBytes(kind === 'vec' ? bytes : bytes.subarray(0, 8)),
      written: info.regs.has(idx),
      inCall: callRegs.has(name),
    };
  });
  const sp = registers.find((r) => r.kind === 'sp')?.value ?? 0;

  // Pointer sources: pointer cells of live objects, and registers that matter now.
  interface RawPointer {
    key: string;
    from: PointerSource;
    target: number;
    untyped?: boolean;
  }
  const raw: RawPointer[] = [];
  for (const { o, state: s } of existing) {
    if (s !== 'alive') continue;
    for (const c of o.cells) {
      if (c.kind !== 'pointer' || c.size !== 8) continue;
      const v = u64Number(state.read(o.addr + c.offset, 8));
      // A pointer to itself (a saved frame pointer at its own slot) would be a loop, not an arrow.
      if (v === 0 || Number.isNaN(v) || (v >= o.addr + c.offset && v < o.addr + c.offset + 8)) continue;
      raw.push({
        key: `ptr-${(o.addr + c.offset).toString(16)}`,
        from: { kind: 'cell', objectId: o.id, addr: o.addr + c.offset },
        target: v,
      });
    }
  }
  // Untyped heap bytes (a malloc'ed block C code stored a pointer in) that hold the address of a
  // heap object: drawn too, marked as read from raw bytes. This is what Boehm's conservative scan
  // would see if it scanned that memory, and it is how a buffer ends up kept only by C memory.
  const heapObjectAt = (v: number) =>
    near.around(v, 1).some((o) => {
      const area = regionArea.get(o.regionId);
      return (
        (area === 'gc-heap' || area === 'c-heap') &&
        o.role !== 'heap-meta' &&
        v >= o.addr &&
        v < o.addr + o.size
      );
    });
  for (const { o, state: s } of existing) {
    const area = regionArea.get(o.regionId);
    if (s !== 'alive' || (area !== 'c-heap' && area !== 'gc-heap')) continue;
    for (const c of o.cells) {
      if (c.kind !== 'opaque') continue;
      for (
        let off = c.offset + ((8 - ((o.addr + c.offset) % 8)) % 8);
        off + 8 <= c.offset + c.size;
        off += 8
      ) {
        const v = u64Number(state.read(o.addr + off, 8));
        if (v === 0 || Number.isNaN(v) || !heapObjectAt(v)) continue;
        raw.push({
          key: `ptr-${(o.addr + off).toString(16)}`,
          from: { kind: 'cell', objectId: o.id, addr: o.addr + off },
          target: v,
          untyped: true,
        });
      }
    }
  }
  for (const r of registers) {
    if (r.kind !== 'gp' || r.value === null || r.value === 0) continue;
    if (!(r.inCall || r.written)) continue;
    const reg = regionAt(trace, r.value);
    if (reg === null || reg.kind === 'text') continue;
    raw.push({ key: `ptr-${r.name}`, from: { kind: 'register', name: r.name }, target: r.value });
  }

  // Which dead objects stay on screen: those no later object has replaced, those a pointer
  // reaches, and those replaced at this very step (to show the overwrite).
  const pointedDead = new Set<number>();
  for (const p of raw) {
    if (liveAt(p.target) === null) {
      const d = deadAt(p.target);
      if (d !== null) pointedDead.add(d.id);
    }
  }
  const visible: { o: ObjectRecord; state: LifeState; reusedBy: string | null }[] = [];
  for (const e of existing) {
    if (e.state === 'alive') {
      visible.push({ ...e, reusedBy: null });
      continue;
    }
    // Something that came to life on its bytes after it died (the latest one names the reuse).
    const reuses = (x: ObjectRecord) => x.id !== e.o.id && overlaps(x, e.o);
    // Shown while nothing reused its bytes, or at the very step something does (the overwrite).
    if (!pointedDead.has(e.o.id) && near.bornBetween(e.o, e.o.died, st, reuses)) continue;
    const reuser = near.lastBornFrom(e.o, e.o.died, reuses);
    // A dead view over memory that still has a live owner is just that owner's bytes now.
    if (
      e.o.role === 'result-view' &&
      !pointedDead.has(e.o.id) &&
      alive.around(e.o.addr, e.o.size).some((x) => x.role !== 'result-view' && overlaps(x, e.o))
    )
      continue;
    visible.push({
      ...e,
      reusedBy: reuser === undefined || reuser === null ? null : formatName(reuser.name, locale),
    });
  }

  // Stale bytes: for dead objects, compare with memory when they died.
  const staleStates = new Map<number, MachineState>();
  const staleOf = (died: number) => {
    let s = staleStates.get(died);
    if (s === undefined) {
      s = stateAt(trace, died);
      staleStates.set(died, s);
    }
    return s;
  };

  const findingsNow = trace.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f, i }) => f.step < st || (f.step === st && (!partial || info.findings.includes(i))));
  const gc = gcAt(trace, st, info);

  const objects: SceneObject[] = visible.map(({ o, state: s, reusedBy }) => {
    const area = regionArea.get(o.regionId) as Exclude<AreaKind, 'registers'>;
    const rows = buildRows(o, state, writes, info.reads, s === 'alive' ? null : staleOf(o.died));
    return {
      id: o.id,
      key: objectKey(o.addr, o.id),
      name: formatName(o.name, locale),
      typeName: o.typeName,
      role: o.role,
      side: o.side,
      area,
      regionId: o.regionId,
      addr: o.addr,
      size: o.size,
      state: s,
      frameId: o.frameId,
      rows,
      born: o.born,
      died: o.died,
      bornNow: o.born === st,
      diedNow: o.died === st && s !== 'alive',
      written: rangeHit(writes, o.addr, o.size),
      reusedBy,
      gc:
        gc === null || o.regionId < 0 || area !== 'gc-heap'
          ? null
          : gc.swept.includes(o.id)
            ? 'swept'
            : gc.marked.includes(o.id)
              ? 'marked'
              : gc.phase === 'mark'
                ? 'unmarked'
                : null,
      atomic: o.atomic === true,
      findings: findingsNow.filter(({ f }) => f.objects.includes(o.id)).map(({ i }) => i),
    };
  });

  // Memory no object owns, where a write of this step or a pointer lands: an anonymous box.
  let anon = 0;
  const owned = (addr: number) => objects.some((o) => addr >= o.addr && addr < o.addr + o.size);
  const addAnonymous = (addr: number, size: number) => {
    const reg = regionAt(trace, addr);
    if (reg === null) return;
    const area = areaOfRegion(reg.kind);
    if (area === null) return;
    const id = ANONYMOUS_ID_BASE - anon++;
    const cells: Cell[] = [];
    for (let off = 0; off < size; off += 8)
      cells.push({ path: `+${off}`, offset: off, size: Math.min(8, size - off), kind: 'opaque' });
    objects.push({
      id,
      key: objectKey(addr, id),
      name: reg.kind === 'stack' && addr < sp ? 'unused stack' : formatName(reg.name, locale),
      typeName: 'no object',
      role: 'anonymous',
      side: 'runtime',
      area,
      regionId: reg.id,
      addr,
      size,
      state: 'alive',
      frameId: -1,
      rows: buildRows({ addr, size, cells }, state, writes, info.reads, null),
      born: st,
      died: -1,
      bornNow: false,
      diedNow: false,
      written: rangeHit(writes, addr, size),
      reusedBy: null,
      gc: null,
      atomic: false,
      findings: [],
    });
  };
  for (const w of mergeRanges(writes)) {
    if (!owned(w.addr)) addAnonymous(w.addr, Math.min(w.len, 64));
  }
  for (const p of raw) {
    if (!owned(p.target) && liveAt(p.target) === null) addAnonymous(p.target - (p.target % 8), 8);
  }

  // Resolve pointers against what is on screen.
  const pointers: ScenePointer[] = raw.map((p) => {
    const reg = regionAt(trace, p.target);
    const base = {
      key: p.key,
      from: p.from,
      target: p.target,
      regionName: reg === undefined || reg === null ? null : formatName(reg.name, locale),
      untyped: p.untyped === true,
    };
    if (reg === null) return { ...base, objectId: -1, status: 'unmapped', nowOwner: null };
    if (reg.kind === 'text') return { ...base, objectId: -1, status: 'code', nowOwner: null };
    const hits = objects.filter((o) => p.target >= o.addr && p.target < o.addr + o.size);
    const live = hits.filter((o) => o.state === 'alive' && o.role !== 'anonymous');
    const rank = (x: SceneObject) =>
      (x.role === 'result-view' ? 1e12 : 0) + (x.role === 'frame-link' ? 1e11 : 0) + x.size;
    live.sort((a, b) => rank(a) - rank(b));
    const pick = live[0];
    if (pick !== undefined) return { ...base, objectId: pick.id, status: 'valid', nowOwner: null };
    const dead = hits.filter((o) => o.state !== 'alive').sort((a, b) => b.died - a.died);
    const d = dead[0];
    if (d !== undefined) {
      return { ...base, objectId: d.id, status: d.state as DeathKind, nowOwner: d.reusedBy };
    }
    const a = hits.find((o) => o.role === 'anonymous');
    return { ...base, objectId: a?.id ?? -1, status: 'unowned', nowOwner: null };
  });

  const frames: SceneFrame[] = frameList(trace.frames)
    .filter((f) => f.enterStep <= st)
    .map((f) => {
      const parent = f.parent >= 0 ? frameRecord(trace.frames, f.parent) : undefined;
      const alive = f.exitStep < 0 || st < f.exitStep;
      return {
        id: f.id,
        functionName: f.functionName,
        side: f.side,
        alive,
        current: (trace.steps.frame[st] ?? -1) === f.id,
        boundary: f.boundaryCallId >= 0 || (parent !== undefined && parent.side !== f.side),
        callerSide: parent?.side ?? null,
        entrySp: f.entrySp,
        low: f.low,
      };
    });

  return {
    step: st,
    eventEnd: state.eventEnd,
    target: trace.target,
    stepKind: (trace.steps.kind[st] ?? 0) as StepKind,
    side: SIDES[trace.steps.side[st] ?? 2] ?? 'runtime',
    line: trace.steps.line[st] ?? 0,
    objects,
    frames,
    registers,
    pointers,
    sp,
    call: call === null ? null : sceneCall(trace, call, st, state, registers, objects),
    gc,
    crash: trace.crash !== null && trace.crash.step <= st ? trace.crash : null,
    findings: findingsNow.map(({ i }) => i),
    newFindings: findingsNow.filter(({ f }) => f.step === st).map(({ i }) => i),
    writes: state.writes,
    stdout: state.stdout,
  };
}

function mergeRanges(ranges: { addr: number; len: number }[]): { addr: number; len: number }[] {
  const sorted = [...ranges].sort((a, b) => a.addr - b.addr);
  const out: { addr: number; len: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.addr <= last.addr + last.len) {
      last.len = Math.max(last.len, r.addr + r.len - last.addr);
    } else out.push({ ...r });
  }
  return out;
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

function gcAt(trace: Trace, step: number, info: StepEventInfo): SceneGc | null {
  if (trace.steps.kind[step] !== StepKind.Gc) return null;
  if (info.sweeps.size > 0 || trace.messageIds[trace.steps.message[step] ?? 0] === 'step.gc-sweep') {
    // The sweep follows the mark step: carry its marks so the learner sees what was kept.
    const marked = new Set<number>();
    if (step > 0 && trace.steps.kind[step - 1] === StepKind.Gc) {
      const prev = scanStep(trace, step - 1, stepEvents(trace, step - 1).end);
      for (const m of prev.marks) marked.add(m);
    }
    for (const m of info.marks) marked.add(m);
    return { phase: 'sweep', marked: [...marked], swept: [...info.sweeps] };
  }
  return { phase: 'mark', marked: [...info.marks], swept: [] };
}

function roleOf(r: { label: string; typeName: string } | null, role: CallRole) {
  return r === null
    ? { role: 'none' as CallRole, label: '', typeName: '' }
    : { role, label: r.label, typeName: r.typeName };
}

function sceneCall(
  trace: Trace,
  c: BoundaryCall,
  step: number,
  state: MachineState,
  registers: SceneRegister[],
  objects: SceneObject[],
): SceneCall {
  const phase: SceneCall['phase'] = step === c.step ? 'call' : step === c.returnStep ? 'return' : 'callee';
  const callerOf = new Map<string, ReturnType<typeof roleOf>>();
  const calleeOf = new Map<string, ReturnType<typeof roleOf>>();
  const order: string[] = [];
  const note = (m: Map<string, ReturnType<typeof roleOf>>, reg: string, v: ReturnType<typeof roleOf>) => {
    const slot = slotName(trace, reg);
    if (!order.includes(slot)) order.push(slot);
    if (!m.has(slot)) m.set(slot, v);
  };
  c.callerArgs.forEach((a) => a.registers.forEach((r) => note(callerOf, r, roleOf(a, 'arg'))));
  if (c.callerResult !== null)
    c.callerResult.registers.forEach((r) => note(callerOf, r, roleOf(c.callerResult, 'result')));
  if (c.hiddenPointer !== null) {
    note(calleeOf, c.hiddenPointer.reg, {
      role: 'hidden-pointer',
      label: c.calleeResult?.label ?? 'result',
      typeName: c.calleeResult?.typeName ?? '',
    });
  }
  c.calleeArgs.forEach((a) => a.registers.forEach((r) => note(calleeOf, r, roleOf(a, 'arg'))));
  if (c.calleeResult !== null) {
    c.calleeResult.registers
      .filter((r) => c.hiddenPointer === null || slotName(trace, r) !== slotName(trace, c.hiddenPointer.reg))
      .forEach((r) => note(calleeOf, r, roleOf(c.calleeResult, 'result')));
  }
  // x86-64 psABI: an sret callee also returns the hidden pointer in %rax.
  if (c.hiddenPointer !== null && trace.target === 'x86_64') {
    note(calleeOf, 'rax', {
      role: 'hidden-return',
      label: c.calleeResult?.label ?? 'result',
      typeName: c.calleeResult?.typeName ?? '',
    });
  }
  const none = { role: 'none' as CallRole, label: '', typeName: '' };
  const rows: CallRegisterRow[] = order.map((reg) => {
    const caller = callerOf.get(reg) ?? none;
    const callee = calleeOf.get(reg) ?? none;
    const r = registers.find((x) => x.name === reg);
    const argIndex = (side: BoundaryCall['callerArgs'], label: string) =>
      side.findIndex((a) => a.label === label);
    let mismatch = caller.role !== callee.role;
    if (!mismatch && caller.role === 'arg') {
      mismatch = argIndex(c.callerArgs, caller.label) !== argIndex(c.calleeArgs, callee.label);
    }
    if (!mismatch && caller.role === callee.role && caller.role !== 'none') mismatch = false;
    return {
      register: reg,
      caller,
      callee,
      mismatch,
      value: r?.text ?? hexAddr(u64Number(state.register(reg))),
    };
  });
  let hidden: SceneCall['hidden'] = null;
  if (c.hiddenPointer !== null) {
    const hp = c.hiddenPointer.value;
    const view = objectList(trace.objects).find(
      (o) => o.role === 'result-view' && o.addr === hp && o.born >= c.step,
    );
    const size = view?.size ?? 0;
    // Distinct bytes of the slot written since the call (a later copy of the same bytes counts once).
    const covered = new Uint8Array(size);
    const ev = trace.events;
    const end = state.eventEnd;
    const from = stepEvents(trace, c.step).start;
    for (let e = from; e < end; e++) {
      if (ev.kind[e] !== EventKind.Write) continue;
      const a = ev.a[e] as number;
      const len = ev.b[e] as number;
      for (let x = Math.max(a, hp); x < Math.min(a + len, hp + size); x++) covered[x - hp] = 1;
    }
    const written = covered.reduce((n, b) => n + b, 0);
    const victims = objects
      .filter(
        (o) =>
          o.role !== 'result-view' &&
          o.role !== 'anonymous' &&
          o.addr < hp + Math.max(size, 8) &&
          hp < o.addr + o.size,
      )
      .map((o) => o.name);
    hidden = { reg: c.hiddenPointer.reg, value: hp, size, written, victims };
  }
  return { call: c, phase, rows, hidden };
}

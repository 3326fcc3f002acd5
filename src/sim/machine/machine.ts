/**
 * The simulated machine: memory, registers, objects and their lifetimes, findings, and the trace
 * of everything that happened. Interpreters drive it; it never decides what a program means, it
 * only carries out loads, stores, register moves, allocations and calls, and records them.
 */
import type { Target } from '../abi/ctype.ts';
import { NameId, named, type ObjectName } from '../trace/names.ts';
import { TermId, term } from '../trace/terms.ts';
import { TraceRecorder } from '../trace/recorder.ts';
import {
  BoundaryTableBuilder,
  FRAME_LINK,
  FrameTableBuilder,
  ObjectTableBuilder,
  RESULT_VIEW,
  type CallShape,
  type ObjectSpec,
  type ObjectTemplate,
} from '../trace/tables.ts';
import {
  EventKind,
  SIDE_INDEX,
  StepKind,
  type Cell,
  type CrashInfo,
  type DeathKind,
  type Finding,
  type FindingKind,
  type MessageParam,
  type ObjectRecord,
  type Outcome,
  type Region,
  type RelatedLoc,
  type RuntimeErrorInfo,
  type SourceLoc,
  type SourceSide,
  type Trace,
} from '../trace/types.ts';
import { addressPlan } from './layout.ts';
import { Memory, MemoryFault, hex } from './memory.ts';
import { RegisterFile } from './registers.ts';
import { Garbage } from './garbage.ts';

/** What start-up left in the registers a wrong call misuses (issue 4, "What ran before matters"). */
export type Leftover = 'zero' | 'runtime-data' | 'gc-object' | 'stale-stack';
export const LEFTOVERS: readonly Leftover[] = ['zero', 'runtime-data', 'gc-object', 'stale-stack'];

export interface MachineOptions {
  target: Target;
  leftover: Leftover;
  /** Source-level steps before the run stops with `step-limit`. */
  maxSteps: number;
  files?: { cpp: string; codon: string };
  /** False: count steps but record no events, bytes or keyframes (a summary-only run). Default true. */
  record?: boolean;
  /** Where invented bytes come from (garbage.ts); the model's own choice by default. */
  garbage?: Garbage;
}

/** Thrown to unwind the interpreters when the run must stop (crash, step limit, runtime error). */
export class RunStop {
  constructor(readonly outcome: Outcome) {}
}

/** An object id not looked up (a summary-only run records no event that would name it). */
const UNRESOLVED = -3;

/** The writer's belief about what it writes to or reads from. */
export const INTENT_UNKNOWN = -1;
/** The callee writes to what it believes is the caller's result slot (sret / x8). */
export const INTENT_RESULT_SLOT = -2;

export interface Access {
  /** Object id the pointer was derived from, or INTENT_UNKNOWN / INTENT_RESULT_SLOT. */
  intended: number;
  loc: SourceLoc | null;
  /** Skip the uninitialised-read check (copies of whole objects, the collector's scan). */
  raw?: boolean;
}

/** An object to create: what it is (the trace table's ObjectSpec), its cells, and its bytes' state. */
export interface NewObject extends ObjectSpec {
  cells?: Cell[];
  /** Keep the bytes' initialised state (statics are zero-initialised, runtime data is set). */
  initialized?: boolean;
}

const SIGNALS: Record<CrashInfo['signal'], number> = {
  SIGSEGV: 11,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGILL: 4,
  SIGFPE: 8,
};

/** How far past a null pointer a fault still counts as a use of it (an index into a failed buffer). */
const NULL_PAGE_REACH = 1 << 24;

/** The regions a program's own code and data live in, by owner. */
const REGION_OWNERS: Record<'libfoo' | 'Codon', readonly NameId[]> = {
  libfoo: [NameId.regionLibText, NameId.regionLibData],
  Codon: [NameId.regionCodonText, NameId.regionCodonData],
};

export class Machine {
  readonly target: Target;
  readonly mem = new Memory();
  readonly regs: RegisterFile;
  readonly rec: TraceRecorder;
  /** The source of every byte the model invents rather than computes (garbage.ts). */
  readonly garbage: Garbage;
  /** Every object of the run, column-wise (tables.ts); `object(id)` reads one as a record. */
  readonly objects = new ObjectTableBuilder();
  readonly frames = new FrameTableBuilder();
  readonly boundaryCalls = new BoundaryTableBuilder();
  readonly findings: Finding[] = [];
  readonly output: string[] = [];
  readonly regions: Region[] = [];
  /**
   * For each call in progress, the memory its caller set aside for a result returned through a
   * hidden pointer, or null when the caller set none aside (it expects the result in registers).
   */
  readonly resultSlots: ({ addr: number; size: number } | null)[] = [];
  /** For objects the collector freed: the C heap object that still held a pointer to them. */
  readonly gcHiddenBy = new Map<number, number>();
  /** The return-address object of each caller, interned once. */
  private readonly returnAddresses = [new Map<string, ObjectTemplate>(), new Map(), new Map()];
  /** The address each live return-address slot was given by `call`, to see what `ret` finds there. */
  private readonly pushedReturns = new Map<number, number>();
  /** Objects alive now, for address look-ups and for what dies with a frame. */
  readonly live = new LiveList();
  private readonly scratch: number[] = [];
  /** The most recently dead objects (stale bytes a pointer may still reach). */
  private readonly recentDead: number[] = [];
  private readonly findingIndex = new Map<string, number>();
  readonly stackTop: number;
  private readonly spIndex: number;
  readonly stackRegion: Region;
  crashInfo: CrashInfo | null = null;
  errorInfo: RuntimeErrorInfo | null = null;
  currentFrame = -1;
  currentSide: SourceSide = 'runtime';
  currentLoc: SourceLoc | null = null;
  /** Rounds of work without a step of their own (see `work`). */
  private silentWork = 0;
  /**
   * The last allocation that returned NULL because a simulated heap was full: a later fault near
   * address 0 is explained by it (the program used the null pointer without checking).
   */
  allocFailure: { bytes: number; heap: 'c-heap' | 'gc-heap' } | null = null;

  constructor(readonly options: MachineOptions) {
    this.target = options.target;
    this.garbage = options.garbage ?? Garbage.MODELLED;
    this.regs = new RegisterFile(this.target);
    if (this.target === 'aarch64') this.mem.userTop = 2 ** 48;
    this.spIndex = this.regs.indexOf(this.spName);
    const plan = addressPlan(this.target);
    plan.regions.forEach((r, id) => {
      const region: Region = {
        id,
        kind: r.kind,
        name: r.name,
        start: r.start,
        end: r.start + r.size,
        writable: r.writable,
      };
      this.regions.push(region);
      this.mem.map(region);
    });
    this.stackTop = plan.stackTop;
    this.stackRegion = this.regionOfKind('stack');
    this.setSpRaw(this.stackTop);
    this.rec = new TraceRecorder(
      {
        dirty: this.mem.dirty,
        clearDirty: () => this.mem.clearDirty(),
        pageNumbers: () => this.mem.pageNumbers(),
        pageBytes: (no) => this.mem.pageBytes(no),
        registerSnapshot: () => this.regs.snapshot(),
        outputCount: () => this.output.length,
      },
      options.record !== false,
    );
  }

  /** The region of `kind` (the library's or the Codon program's, where a kind has both). */
  regionOfKind(kind: Region['kind'], owner?: 'libfoo' | 'Codon'): Region {
    const ids = owner === undefined ? null : REGION_OWNERS[owner];
    const r = this.regions.find((x) => x.kind === kind && (ids === null || ids.includes(x.name.id)));
    if (r === undefined) throw new Error(`no ${kind} region`);
    return r;
  }

  /** False in a summary-only run: narration is not kept, so callers need not format it. */
  get narrating(): boolean {
    return this.rec.record;
  }

  /** The step now under way (0 before the first): when an object is born or dies, a finding happens. */
  private lastStep(): number {
    return Math.max(0, this.rec.stepCount - 1);
  }

  get stepCount(): number {
    return this.rec.stepCount;
  }

  /** Starts a source-level step; stops the run when the step budget is spent. */
  step(
    kind: StepKind,
    side: SourceSide,
    loc: SourceLoc | null,
    message: string,
    params: readonly MessageParam[] = [],
  ): number {
    if (
      this.rec.stepCount + this.silentWork >= this.options.maxSteps &&
      kind !== StepKind.End &&
      kind !== StepKind.Crash
    ) {
      throw new RunStop('step-limit');
    }
    this.currentSide = side;
    this.currentLoc = loc;
    return this.rec.beginStep(
      kind,
      SIDE_INDEX[side],
      loc?.line ?? 0,
      Math.min(loc?.column ?? 0, 65535),
      loc?.endLine ?? 0,
      Math.min(loc?.endColumn ?? 0, 65535),
      message,
      params,
      this.currentFrame,
    );
  }

  /**
   * Work inside one step that repeats without a step of its own (a comprehension's rounds): it
   * spends the step budget too, so `[0 for i in range(10**9) if False]` stops like any endless loop.
   */
  work(): void {
    if (++this.silentWork + this.rec.stepCount > this.options.maxSteps) throw new RunStop('step-limit');
  }

  /** Replaces the current step's narration. */
  narrate(message: string, params: readonly MessageParam[] = []): void {
    this.rec.setMessage(message, params);
  }

  // ---------------------------------------------------------------- objects and lifetimes

  /** Creates an object: its bytes become indeterminate unless `initialized`. */
  newObject(spec: NewObject): number {
    const t = this.objects.template(spec, spec.cells ?? opaqueCells(spec.size));
    return this.newObjectFrom(t, spec.addr, spec.size, spec.frameId ?? -1, spec.initialized === true);
  }

  /** What many objects share, interned once (see `newObjectFrom`); without cells, one opaque cell of `size`. */
  objectTemplate(
    spec: Omit<NewObject, 'addr' | 'size' | 'frameId' | 'initialized'>,
    size = 8,
  ): ObjectTemplate {
    return this.objects.template(spec, spec.cells ?? opaqueCells(size));
  }

  /** `newObject` from a template: the same object, without interning its name, type and place again. */
  newObjectFrom(
    t: ObjectTemplate,
    addr: number,
    size: number,
    frameId: number,
    initialized: boolean,
  ): number {
    const region = this.mem.regionOf(addr);
    const id = this.objects.addFrom(t, addr, size, region?.id ?? -1, frameId, this.lastStep());
    this.live.add(id);
    if (!initialized) this.mem.markUninitialized(addr, size);
    this.rec.event(EventKind.Alloc, addr, size, 0, id);
    return id;
  }

  /** Ends an object's lifetime; its bytes stay as they were until something reuses them. */
  endObject(id: number, kind: DeathKind, loc: SourceLoc | null = this.currentLoc): void {
    const t = this.objects;
    if (id < 0 || id >= t.count || (t.died[id] as number) >= 0) return;
    t.end(id, this.lastStep(), kind, loc);
    this.live.delete(id);
    this.recentDead.push(id);
    if (this.recentDead.length > 512) this.recentDead.splice(0, 256);
    this.rec.event(EventKind.End, t.addr[id] as number, t.size[id] as number, 0, id);
  }

  /** Object `id` as a record (a copy, for the cold paths: findings, leaks, the collector). */
  object(id: number): ObjectRecord {
    const o = this.objects.record(id);
    if (o === undefined) throw new Error(`no object ${id}`);
    return o;
  }

  /** Object `id` as a record, or undefined. */
  maybeObject(id: number): ObjectRecord | undefined {
    return this.objects.record(id);
  }

  /**
   * The object whose bytes cover `addr`: the innermost live one (a field's owner is bigger, so the
   * smallest wins), else the most recently dead one there, else -1.
   */
  objectAt(addr: number, includeDead = true): number {
    const t = this.objects;
    let best = -1;
    let bestSize = Infinity;
    const ids = this.live.ids;
    for (let i = 0, n = ids.length; i < n; i++) {
      const id = ids[i] as number;
      const start = t.addr[id] as number;
      const size = t.size[id] as number;
      const role = t.role[id] as number;
      if (
        addr >= start &&
        addr < start + size &&
        size < bestSize &&
        role !== FRAME_LINK &&
        role !== RESULT_VIEW
      ) {
        best = id;
        bestSize = size;
      }
    }
    if (best >= 0 || !includeDead) return best;
    for (let i = this.recentDead.length - 1; i >= 0; i--) {
      const id = this.recentDead[i] as number;
      const start = t.addr[id] as number;
      if (addr >= start && addr < start + (t.size[id] as number) && t.role[id] !== RESULT_VIEW) return id;
    }
    return -1;
  }

  /**
   * The object an access event names (`objectAt`). A summary-only run records no events, so it does
   * not look: UNRESOLVED, and a finding that needs the object looks it up then.
   */
  private eventObject(addr: number, includeDead = true): number {
    return this.rec.record ? this.objectAt(addr, includeDead) : UNRESOLVED;
  }

  /** Live frame-link objects (return addresses, saved frame pointers) covering `addr`. */
  private frameLinkAt(addr: number, len: number): number {
    const t = this.objects;
    const ids = this.live.ids;
    for (let i = 0, n = ids.length; i < n; i++) {
      const id = ids[i] as number;
      const start = t.addr[id] as number;
      if (t.role[id] === FRAME_LINK && addr < start + (t.size[id] as number) && addr + len > start) return id;
    }
    return -1;
  }

  // ---------------------------------------------------------------- memory with checks

  private fault(e: unknown): never {
    if (e instanceof MemoryFault) {
      const access = e.write ? 'write' : 'read';
      const failed = this.allocFailure;
      if (failed !== null && e.address >= 0 && e.address < NULL_PAGE_REACH) {
        this.crash('SIGSEGV', e.address, `crash.segv-null-${failed.heap}`, [
          hex(e.address),
          access,
          failed.bytes,
        ]);
      }
      this.crash('SIGSEGV', e.address, 'crash.segv', [hex(e.address), access]);
    }
    throw e;
  }

  /** Checks a store against what the writer believes it writes to, recording a finding if it strays. */
  private checkWrite(addr: number, len: number, access: Access): number {
    // A write to unmapped memory is a crash, not a stray write: it lands nowhere.
    if (!Number.isSafeInteger(addr) || !this.mem.isMapped(addr, len, true)) return -1;
    const target = this.eventObject(addr);
    const intended = access.intended;
    if (intended === INTENT_UNKNOWN) return target;
    if (intended === INTENT_RESULT_SLOT) {
      // Fine only inside the slot the caller of the current call set aside for the result.
      const slot = this.resultSlots[this.resultSlots.length - 1];
      if (slot === undefined || slot === null || addr < slot.addr || addr + len > slot.addr + slot.size) {
        this.recordStray(addr, len, target, access, 'finding.stray-write.result-slot');
      }
      return target;
    }
    const t = this.objects;
    if (intended < 0 || intended >= t.count) return target;
    if ((t.died[intended] as number) >= 0) {
      const o = this.object(intended);
      if (o.deathKind === 'freed') {
        this.finding(
          'use-after-free',
          access.loc,
          [intended],
          this.deathRelated(o),
          'finding.use-after-free.write',
          [o.name],
        );
      } else {
        this.recordStray(addr, len, target, access, 'finding.stray-write.dead', intended);
      }
    } else {
      const start = t.addr[intended] as number;
      if (addr < start || addr + len > start + (t.size[intended] as number))
        this.recordStray(addr, len, target, access, 'finding.stray-write.outside', intended);
    }
    return target;
  }

  private recordStray(
    addr: number,
    len: number,
    victim: number,
    access: Access,
    message: string,
    intended = -1,
  ): void {
    const link = this.frameLinkAt(addr, len);
    const v = link >= 0 ? link : victim === UNRESOLVED ? this.objectAt(addr) : victim;
    const victimName = v >= 0 ? this.objects.nameOf(v) : this.describeAddress(addr);
    const objects = [intended, v].filter((x) => x >= 0);
    const related: RelatedLoc[] = [];
    const vo = this.maybeObject(v);
    if (vo?.loc) related.push({ side: vo.loc.side, line: vo.loc.line, role: 'victim' });
    const io = this.maybeObject(intended);
    if (io?.loc) related.push({ side: io.loc.side, line: io.loc.line, role: 'intended object' });
    this.finding('stray-write', access.loc, objects, related, message, [
      hex(addr),
      len,
      victimName,
      io?.name ?? '',
    ]);
  }

  /** Names memory no object covers: "unused stack below the stack pointer", a region name. */
  describeAddress(addr: number): ObjectName {
    const r = this.mem.regionOf(addr);
    if (r === null) return named(NameId.unmapped);
    if (r.kind === 'stack' && addr < this.sp()) return named(NameId.stackBelowSp);
    return r.name;
  }

  private deathRelated(o: ObjectRecord): RelatedLoc[] {
    return o.deathLoc ? [{ side: o.deathLoc.side, line: o.deathLoc.line, role: o.deathKind ?? 'died' }] : [];
  }

  private checkRead(addr: number, len: number, access: Access): number {
    // Reads are events too, so the diagram can show what a step looked at.
    let target = this.eventObject(addr);
    this.rec.event(EventKind.Read, addr, len, 0, target);
    const intended = access.intended;
    if (intended >= 0 && (this.objects.died[intended] ?? -1) >= 0) {
      const o = this.maybeObject(intended);
      if (o !== undefined) {
        if (o.deathKind === 'freed') {
          this.finding(
            'use-after-free',
            access.loc,
            [intended],
            this.deathRelated(o),
            'finding.use-after-free.read',
            [o.name],
          );
        } else if (o.deathKind === 'collected') {
          const related = this.deathRelated(o);
          const holder = this.maybeObject(this.gcHiddenBy.get(intended) ?? -1);
          if (holder?.loc)
            related.push({
              side: holder.loc.side,
              line: holder.loc.line,
              role: 'pointer hidden in C memory',
            });
          const objs = holder ? [intended, holder.id] : [intended];
          this.finding('gc-unrooted', access.loc, objs, related, 'finding.gc-unrooted', [o.name]);
        } else {
          this.finding(
            'dangling-read',
            access.loc,
            [intended],
            this.deathRelated(o),
            'finding.dangling-read',
            [o.name],
          );
        }
        return target;
      }
    }
    if (access.raw !== true && !this.mem.isInitialized(addr, len)) {
      if (target === UNRESOLVED) target = this.objectAt(addr);
      const t = this.maybeObject(target);
      if (t !== undefined && t.died < 0) {
        const related: RelatedLoc[] = t.loc
          ? [{ side: t.loc.side, line: t.loc.line, role: 'declaration' }]
          : [];
        this.finding('uninitialized-read', access.loc, [target], related, 'finding.uninitialized-read', [
          t.name,
        ]);
      }
    }
    return target;
  }

  /** Stores a double. */
  storeF64(addr: number, value: number, access: Access): void {
    try {
      const target = this.checkWrite(addr, 8, access);
      this.mem.writeF64(addr, value);
      this.rec.writeFrom(this.mem, addr, 8, target);
    } catch (e) {
      this.fault(e);
    }
  }

  storeF32(addr: number, value: number, access: Access): void {
    try {
      const target = this.checkWrite(addr, 4, access);
      this.mem.writeF32(addr, value);
      this.rec.writeFrom(this.mem, addr, 4, target);
    } catch (e) {
      this.fault(e);
    }
  }

  /** Stores an integer or pointer of 1, 2, 4 or 8 bytes. */
  storeInt(addr: number, size: number, value: number, access: Access): void {
    try {
      const target = this.checkWrite(addr, size, access);
      this.mem.writeInt(addr, size, value);
      this.rec.writeFrom(this.mem, addr, size, target);
    } catch (e) {
      this.fault(e);
    }
  }

  /** Stores raw bytes (a struct copy, memcpy). */
  storeBytes(addr: number, bytes: Uint8Array, access: Access): void {
    if (bytes.length === 0) return;
    try {
      const target = this.checkWrite(addr, bytes.length, access);
      this.mem.writeBytes(addr, bytes);
      this.rec.write(addr, bytes, target);
    } catch (e) {
      this.fault(e);
    }
  }

  /**
   * In a run that perturbs uninitialised memory: the bytes of a load that touches bytes nothing
   * wrote, those taken from the garbage source; else null (the load reads memory as it is).
   */
  private invented(addr: number, len: number): DataView | null {
    if (!this.garbage.perturbs('uninitialised') || this.mem.isInitialized(addr, len)) return null;
    const g = this.garbage;
    return new DataView(this.mem.readFilled(addr, len, (a) => g.byteAt(a)).buffer);
  }

  loadF64(addr: number, access: Access): number {
    try {
      this.checkRead(addr, 8, access);
      const inv = this.garbage.perturbed ? this.invented(addr, 8) : null;
      if (inv !== null) return inv.getFloat64(0, true);
      return this.mem.readF64(addr);
    } catch (e) {
      return this.fault(e);
    }
  }

  loadF32(addr: number, access: Access): number {
    try {
      this.checkRead(addr, 4, access);
      const inv = this.garbage.perturbed ? this.invented(addr, 4) : null;
      if (inv !== null) return inv.getFloat32(0, true);
      return this.mem.readF32(addr);
    } catch (e) {
      return this.fault(e);
    }
  }

  loadInt(addr: number, size: number, signed: boolean, access: Access): number {
    try {
      this.checkRead(addr, size, access);
      const inv = this.garbage.perturbed ? this.invented(addr, size) : null;
      if (inv !== null) return readInvented(inv, size, signed);
      return signed ? this.mem.readInt(addr, size) : this.mem.readUint(addr, size);
    } catch (e) {
      return this.fault(e);
    }
  }

  loadBytes(addr: number, len: number, access: Access): Uint8Array {
    try {
      this.checkRead(addr, len, access);
      const inv = this.garbage.perturbed && len > 0 ? this.invented(addr, len) : null;
      if (inv !== null) return new Uint8Array(inv.buffer);
      return this.mem.readBytes(addr, len);
    } catch (e) {
      return this.fault(e);
    }
  }

  /** Writes runtime bookkeeping (malloc headers, GC metadata) without provenance checks. */
  storeRuntimeInt(addr: number, size: number, value: number): void {
    try {
      this.mem.writeInt(addr, size, value);
      this.rec.writeFrom(this.mem, addr, size, this.eventObject(addr, false));
    } catch (e) {
      this.fault(e);
    }
  }

  /**
   * The call instruction: on x86-64 `call` pushes the return address (a frame-link object, so a
   * stray write onto it is named); on AArch64 `bl` puts it in x30 and the stack is untouched.
   * Returns the slot's address, or -1 when nothing was pushed.
   */
  callInstruction(callerName: string, side: SourceSide, returnTo: number): number {
    if (this.target === 'aarch64') {
      this.setRegInt('x30', returnTo);
      return -1;
    }
    const addr = this.pushStack(8, 8);
    const bySide = this.returnAddresses[SIDE_INDEX[side]] as Map<string, ObjectTemplate>;
    let t = bySide.get(callerName);
    if (t === undefined) {
      t = this.objectTemplate({
        name: named(NameId.returnAddress, callerName),
        typeName: term(TermId.codePointer),
        role: 'frame-link',
        side,
        cells: RETURN_ADDRESS_CELLS,
      });
      bySide.set(callerName, t);
    }
    this.newObjectFrom(t, addr, 8, -1, true);
    this.storeRuntimeInt(addr, 8, returnTo);
    this.pushedReturns.set(addr, returnTo);
    return addr;
  }

  /** `ret`: pops the return address pushed by `callInstruction` (x86-64). */
  returnInstruction(slot: number): void {
    if (slot < 0) return;
    const pushed = this.pushedReturns.get(slot);
    this.pushedReturns.delete(slot);
    if (pushed !== undefined) this.checkReturnAddress(slot, pushed);
    const t = this.objects;
    const ids = this.live.ids;
    for (let i = 0, n = ids.length; i < n; i++) {
      const id = ids[i] as number;
      if (t.addr[id] === slot && t.role[id] === FRAME_LINK) {
        this.endObject(id, 'out-of-scope');
        break;
      }
    }
    this.moveSp(slot + 8);
  }

  /**
   * `ret` jumps to whatever the slot holds. A stray write over the return address sends it to
   * those bits: a non-canonical address (bits 63..47 not all equal) raises a general-protection
   * fault, which Linux reports as SIGSEGV with si_addr 0; an address no executable code is mapped
   * at faults there. A return into other mapped code is not followed (a documented simplification).
   */
  private checkReturnAddress(slot: number, pushed: number): void {
    const bytes = this.mem.readBytes(slot, 8);
    const bits = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
    if (bits === BigInt(pushed)) return;
    const shown = `0x${bits.toString(16)}`;
    const top = bits >> 47n;
    if (top !== 0n && top !== 0x1ffffn) this.crash('SIGSEGV', 0, 'crash.ret-noncanonical', [shown]);
    const target = Number(bits);
    const r = this.mem.regionOf(target);
    if (r === null || r.kind !== 'text') this.crash('SIGSEGV', target, 'crash.ret-not-code', [shown]);
  }

  // ---------------------------------------------------------------- registers

  private regEvent(name: string): void {
    this.regEventAt(this.regs.indexOf(name));
  }

  private regEventAt(i: number): void {
    // General-purpose registers are 8 bytes wide; only vector slots need all 16.
    this.rec.registerFrom(i, this.regs.bytes, i * 16, this.regs.isVector[i] === 1 ? 16 : 8);
  }

  setRegInt(name: string, value: number): void {
    const i = this.regs.indexOf(name);
    this.regs.setUintAt(i, value);
    this.regEventAt(i);
  }

  setRegF64(name: string, value: number): void {
    this.regs.setF64(name, value);
    this.regEvent(name);
  }

  setRegF32(name: string, value: number): void {
    this.regs.setF32(name, value);
    this.regEvent(name);
  }

  setRegBytes(name: string, offset: number, bytes: Uint8Array): void {
    this.regs.setBytes(name, offset, bytes);
    this.regEvent(name);
  }

  get spName(): string {
    return this.target === 'x86_64' ? 'rsp' : 'sp';
  }

  sp(): number {
    return this.regs.getUintAt(this.spIndex);
  }

  private setSpRaw(value: number): void {
    this.regs.setUintAt(this.spIndex, value);
  }

  setSp(value: number): void {
    if (value < this.stackRegion.start + 4096) {
      // The guard page below the stack: a real stack overflow faults here.
      this.crash('SIGSEGV', value, 'crash.stack-overflow', [hex(value)]);
    }
    this.moveSp(value);
  }

  /** Sets the stack pointer, with its register event, without the guard-page check. */
  private moveSp(value: number): void {
    this.regs.setUintAt(this.spIndex, value);
    this.regEventAt(this.spIndex);
  }

  // ---------------------------------------------------------------- x87 stack (x86-64 only)

  x87Depth(): number {
    return this.regs.getUint('x87depth');
  }

  /** Pushes a value on the x87 register stack (st0 becomes it). */
  x87Push(value: number): void {
    for (let i = 7; i > 0; i--) this.regs.setF64(`st${i}`, this.regs.getF64(`st${i - 1}`));
    this.regs.setF64('st0', value);
    this.regs.setUint('x87depth', Math.min(8, this.x87Depth() + 1));
    for (let i = 0; i < 8; i++) this.regEvent(`st${i}`);
    this.regEvent('x87depth');
  }

  /** Pops st0; popping an empty x87 stack yields the "real indefinite" NaN, as on hardware. */
  x87Pop(): number {
    const depth = this.x87Depth();
    const v = depth === 0 ? -NaN : this.regs.getF64('st0');
    for (let i = 0; i < 7; i++) this.regs.setF64(`st${i}`, this.regs.getF64(`st${i + 1}`));
    this.regs.setUint('x87depth', Math.max(0, depth - 1));
    for (let i = 0; i < 8; i++) this.regEvent(`st${i}`);
    this.regEvent('x87depth');
    // The x87 "indefinite" QNaN has its sign bit set: printed as -nan.
    return depth === 0 ? X87_INDEFINITE : v;
  }

  // ---------------------------------------------------------------- frames

  /** Records entry into a function; the interpreter places its locals below `entrySp`. */
  enterFrame(functionName: string, side: SourceSide, boundaryCallId = -1): number {
    const sp = this.sp();
    const step = this.lastStep();
    const id = this.frames.add(functionName, side, this.currentFrame, sp, step, boundaryCallId);
    this.currentFrame = id;
    this.rec.event(EventKind.Enter, sp, 0, 0, id);
    return id;
  }

  /** Reserves `size` bytes (aligned) on the stack for the current frame and returns the address. */
  pushStack(size: number, align: number): number {
    const sp = this.sp();
    const next = Math.floor((sp - size) / align) * align;
    this.setSp(next);
    const f = this.frames;
    const cur = this.currentFrame;
    if (cur >= 0 && cur < f.count && next < (f.low[cur] as number)) f.low[cur] = next;
    return next;
  }

  /** Leaves the current frame: its objects die (bytes stay) and the stack pointer goes back. */
  exitFrame(frameId: number): void {
    const f = this.frames;
    if (frameId < 0 || frameId >= f.count) return;
    // The frame's objects die with it (their bytes stay until something reuses them).
    const t = this.objects;
    // Oldest first, as they were created; collected before ending, since ending changes the list.
    const owned = this.scratch;
    let n = 0;
    const ids = this.live.ids;
    for (let i = 0, count = ids.length; i < count; i++) {
      const id = ids[i] as number;
      if (t.frameId[id] === frameId) owned[n++] = id;
    }
    for (let i = 0; i < n; i++) this.endObject(owned[i] as number, 'out-of-scope');
    f.exitStep[frameId] = this.lastStep();
    const entrySp = f.entrySp[frameId] as number;
    this.rec.event(EventKind.Exit, entrySp, 0, 0, frameId);
    this.moveSp(entrySp);
    this.currentFrame = f.parent[frameId] as number;
  }

  // ---------------------------------------------------------------- findings, crashes, output

  /** Records a finding; the same kind at the same line is one finding with a count. */
  finding(
    kind: FindingKind,
    loc: SourceLoc | null,
    objects: number[],
    related: RelatedLoc[],
    message: string,
    params: MessageParam[],
  ): void {
    const l = loc ?? this.currentLoc;
    const side = l?.side ?? 'runtime';
    const line = l?.line ?? 0;
    const key = `${kind}:${side}:${line}`;
    const existing = this.findingIndex.get(key);
    if (existing !== undefined) {
      (this.findings[existing] as Finding).count++;
      return;
    }
    const index = this.findings.length;
    this.findingIndex.set(key, index);
    this.findings.push({
      kind,
      side,
      line,
      column: l?.column ?? 0,
      step: this.lastStep(),
      count: 1,
      related,
      objects,
      message: { id: message, params },
    });
    this.rec.event(EventKind.Finding, 0, 0, 0, index);
  }

  /** Records a crash and stops the run. */
  crash(signal: CrashInfo['signal'], address: number, message: string, params: MessageParam[]): never {
    const loc = this.currentLoc;
    this.crashInfo = {
      signal,
      address,
      functionName: this.frames.nameOf(this.currentFrame) ?? '',
      side: loc?.side ?? this.currentSide,
      line: loc?.line ?? 0,
      message: { id: message, params },
      step: this.lastStep(),
    };
    this.rec.event(EventKind.Crash, address, SIGNALS[signal], 0, -1);
    throw new RunStop('crash');
  }

  /** Records a runtime error (Codon's CError, out of memory...) and stops the run. */
  runtimeError(type: string, message: string, loc: SourceLoc | null): never {
    this.errorInfo = { type, message, side: loc?.side ?? 'runtime', line: loc?.line ?? 0 };
    throw new RunStop('runtime-error');
  }

  print(text: string): void {
    const i = this.output.length;
    this.output.push(text);
    this.rec.event(EventKind.Output, 0, 0, i, -1);
  }

  /**
   * Registers a foreign call for the call diagram; returns its id. `shape` is what all calls
   * through one import share (pass the same object each time); `hiddenValue` is the hidden result
   * pointer's value when the shape has a hidden register.
   */
  addBoundaryCall(shape: CallShape, step: number, hiddenValue = 0): number {
    const id = this.boundaryCalls.add(shape, step, hiddenValue);
    this.rec.event(EventKind.BoundaryCall, 0, 0, 0, id);
    return id;
  }

  endBoundaryCall(id: number): void {
    const c = this.boundaryCalls;
    if (id >= 0 && id < c.count) c.returnStep[id] = this.lastStep();
    this.rec.event(EventKind.BoundaryReturn, 0, 0, 0, id);
  }

  /** Closes the run and returns the trace. */
  finish(outcome: Outcome, leftover: string): Trace {
    const { steps, events, bytes } = this.rec.finish();
    return {
      version: 1,
      target: this.target,
      leftover,
      files: this.options.files ?? { cpp: 'lib.cpp', codon: 'main.codon' },
      registerNames: this.regs.names,
      regions: this.regions,
      // A summary-only run reads a few names from the table and returns no trace: no need to copy it.
      objects: this.rec.record ? this.objects.table() : this.objects.columns(),
      frames: this.frames.table(),
      boundaryCalls: this.boundaryCalls.table(),
      steps,
      events,
      bytes,
      messageIds: this.rec.messageIds,
      params: this.rec.params,
      keyframes: this.rec.keyframes,
      output: this.output,
      findings: this.findings,
      outcome,
      crash: this.crashInfo,
      error: this.errorInfo,
    };
  }
}

/** An integer of 1, 2, 4 or 8 bytes from invented bytes, as `Memory.readInt`/`readUint` read one. */
function readInvented(v: DataView, size: number, signed: boolean): number {
  if (size === 1) return signed ? v.getInt8(0) : v.getUint8(0);
  if (size === 2) return signed ? v.getInt16(0, true) : v.getUint16(0, true);
  if (size === 4) return signed ? v.getInt32(0, true) : v.getUint32(0, true);
  return (signed ? v.getInt32(4, true) : v.getUint32(4, true)) * 4294967296 + v.getUint32(0, true);
}

const RETURN_ADDRESS_CELLS: Cell[] = [{ path: '', offset: 0, size: 8, kind: 'pointer' }];

/** One opaque cell list per size, shared by every object of that size that has no cells of its own. */
const OPAQUE = new Map<number, Cell[]>();
function opaqueCells(size: number): Cell[] {
  let cells = OPAQUE.get(size);
  if (cells === undefined) {
    cells = [{ path: '', offset: 0, size, kind: 'opaque' }];
    OPAQUE.set(size, cells);
  }
  return cells;
}

/** The x87 "real indefinite" QNaN (sign bit set), what popping an empty x87 stack gives. */
export const X87_INDEFINITE = -NaN;

/**
 * The ids of the live objects in the order they were created (ascending), so look-ups that pick
 * the first of equals stay deterministic. Objects mostly die last-in first-out (stack frames), so
 * removal is from near the end.
 */
export class LiveList {
  readonly ids: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  add(id: number): void {
    const ids = this.ids;
    // Ids are handed out in ascending order, so a new one goes at the end.
    if (ids.length === 0 || (ids[ids.length - 1] as number) < id) ids.push(id);
    else {
      let i = ids.length;
      while (i > 0 && (ids[i - 1] as number) > id) i--;
      if (ids[i - 1] !== id) ids.splice(i, 0, id);
    }
  }

  delete(id: number): void {
    const ids = this.ids;
    const i = ids.lastIndexOf(id);
    if (i < 0) return;
    // Shift the later ones down (no splice: it allocates the removed part).
    for (let j = i; j < ids.length - 1; j++) ids[j] = ids[j + 1] as number;
    ids.pop();
  }

  has(id: number): boolean {
    return this.ids.lastIndexOf(id) >= 0;
  }

  [Symbol.iterator](): IterableIterator<number> {
    return [...this.ids][Symbol.iterator]();
  }
}

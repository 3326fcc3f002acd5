/**
 * The trace's tables of objects, frames and foreign calls, stored column-wise like its steps and
 * events. A loop of 100,000 foreign calls makes 300,000 objects, 100,000 frames and 100,000 calls:
 * as JavaScript records they cost hundreds of megabytes and most of the run's time in garbage
 * collection; as typed-array columns they cost a few megabytes and no collection at all.
 *
 * Strings, source locations, cell lists and call shapes repeat from record to record, so each
 * is stored once in a pool and the columns hold its index. The tables are plain data
 * (structured-clone safe). Readers get records back with `objectRecord`, `frameRecord`,
 * `boundaryCall`, or the whole list (built once per table and cached) with `objectList`,
 * `frameList` and `boundaryCallList`.
 */
import {
  SIDES,
  SIDE_INDEX,
  type BoundaryCall,
  type Cell,
  type DeathKind,
  type FrameRecord,
  type ObjectRecord,
  type ObjectRole,
  type SourceLoc,
  type SourceSide,
} from './types.ts';
import { nameKey, type ObjectName } from './names.ts';
import { textKey, type CodeOrTerm } from './terms.ts';

export const ROLES: readonly ObjectRole[] = [
  'local',
  'param',
  'temp',
  'return-slot',
  'static',
  'global',
  'heap',
  'gc',
  'runtime',
  'frame-link',
  'heap-meta',
  'result-view',
];
/** Index 0 is "alive"; a death kind is its index here. */
const DEATHS: readonly (DeathKind | null)[] = [null, 'out-of-scope', 'freed', 'collected'];

export const ROLE_INDEX = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<ObjectRole, number>;
export const FRAME_LINK = ROLE_INDEX['frame-link'];
export const RESULT_VIEW = ROLE_INDEX['result-view'];
const DEATH_OF = { 'out-of-scope': 1, freed: 2, collected: 3 } as const;

/** Objects, column-wise. `died` is -1 while alive; `deathKind` 0 = none, else an index in DEATHS. */
export interface ObjectTable {
  count: number;
  name: Uint32Array;
  typeName: Uint32Array;
  role: Uint8Array;
  side: Uint8Array;
  regionId: Int32Array;
  addr: Float64Array;
  size: Float64Array;
  /** Index into `cellLists`. */
  cells: Uint32Array;
  frameId: Int32Array;
  born: Int32Array;
  died: Int32Array;
  deathKind: Uint8Array;
  /** Index into `locs`, -1 for none. */
  loc: Int32Array;
  deathLoc: Int32Array;
  /** 0 = not said, 1 = not atomic, 2 = atomic (GC objects only). */
  atomic: Uint8Array;
  /** The objects' types (the `typeName` column indexes this pool). */
  typeNames: CodeOrTerm[];
  /** The objects' names (the `name` column indexes this pool). */
  names: ObjectName[];
  locs: SourceLoc[];
  cellLists: Cell[][];
}

/** Frames, column-wise. */
export interface FrameTable {
  count: number;
  functionName: Uint32Array;
  side: Uint8Array;
  parent: Int32Array;
  entrySp: Float64Array;
  low: Float64Array;
  enterStep: Int32Array;
  exitStep: Int32Array;
  boundaryCallId: Int32Array;
  strings: string[];
}

/** What every call through one import has in common: its symbol, views and routes. */
export type CallShape = Omit<BoundaryCall, 'id' | 'step' | 'returnStep' | 'hiddenPointer'> & {
  /** The register the callee takes a hidden result pointer in, or null when it takes none. */
  hiddenReg: string | null;
};

/** Foreign calls, column-wise; the shared parts of a call are its shape. */
export interface BoundaryTable {
  count: number;
  shape: Uint32Array;
  step: Int32Array;
  returnStep: Int32Array;
  /** The hidden pointer's value, when the shape has a hidden register. */
  hiddenValue: Float64Array;
  shapes: CallShape[];
}

type Typed = Uint8Array | Uint32Array | Int32Array | Float64Array;

/** `arr` copied into a new array of length `n`. Tables double: growing by more allocates, and zero-fills, rows a run never uses. */
function grown<T extends Typed>(arr: T, n: number): T {
  const next = new (arr.constructor as new (n: number) => T)(n);
  next.set(arr);
  return next;
}

/** Keeps a value pool and its index, so each distinct value is stored once. */
class Pool<T> {
  readonly items: T[] = [];
  private readonly index = new Map<T, number>();
  // The last few values looked up: objects of a loop body repeat a handful of names.
  private readonly recent: (T | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly recentIndex = [0, 0, 0, 0];
  private next = 0;

  of(v: T): number {
    const r = this.recent;
    for (let k = 0; k < 4; k++) if (r[k] === v) return this.recentIndex[k] as number;
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(v);
      this.index.set(v, i);
    }
    const slot = this.next;
    r[slot] = v;
    this.recentIndex[slot] = i;
    this.next = (slot + 1) & 3;
    return i;
  }
}

/** Names and descriptions interned by value: equal ones made at different calls share one entry. */
class NamePool<T extends ObjectName | CodeOrTerm = ObjectName> {
  readonly items: T[] = [];
  private readonly index = new Map<string, number>();
  private last: T | undefined;
  private lastIndex = 0;

  constructor(private readonly key: (n: T) => string) {}

  of(n: T): number {
    if (n === this.last) return this.lastIndex;
    const key = this.key(n);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(n);
      this.index.set(key, i);
    }
    this.last = n;
    this.lastIndex = i;
    return i;
  }
}

/** What an object is, as its creator says it (the machine adds where and when). */
export interface ObjectSpec {
  name: ObjectName;
  typeName: CodeOrTerm;
  role: ObjectRole;
  side: SourceSide;
  addr: number;
  size: number;
  frameId?: number;
  loc?: SourceLoc | null;
  atomic?: boolean;
}

/** What many objects share (a parameter of one function, a return address), interned once. */
export interface ObjectTemplate {
  readonly name: number;
  readonly typeName: number;
  readonly role: number;
  readonly side: number;
  readonly cells: number;
  readonly loc: number;
  readonly atomic: number;
}

/** Builds an ObjectTable while a run goes on; the machine reads its columns directly. */
export class ObjectTableBuilder {
  count = 0;
  name = new Uint32Array(64);
  typeName = new Uint32Array(64);
  role = new Uint8Array(64);
  side = new Uint8Array(64);
  regionId = new Int32Array(64);
  addr = new Float64Array(64);
  size = new Float64Array(64);
  cells = new Uint32Array(64);
  frameId = new Int32Array(64);
  born = new Int32Array(64);
  died = new Int32Array(64);
  deathKind = new Uint8Array(64);
  loc = new Int32Array(64);
  deathLoc = new Int32Array(64);
  atomic = new Uint8Array(64);
  private readonly typeNames = new NamePool<CodeOrTerm>(textKey);
  private readonly names = new NamePool<ObjectName>(nameKey);
  private readonly locs = new Pool<SourceLoc>();
  private readonly cellLists = new Pool<Cell[]>();

  private grow(): void {
    const n = this.name.length * 2;
    this.name = grown(this.name, n);
    this.typeName = grown(this.typeName, n);
    this.role = grown(this.role, n);
    this.side = grown(this.side, n);
    this.regionId = grown(this.regionId, n);
    this.addr = grown(this.addr, n);
    this.size = grown(this.size, n);
    this.cells = grown(this.cells, n);
    this.frameId = grown(this.frameId, n);
    this.born = grown(this.born, n);
    this.died = grown(this.died, n);
    this.deathKind = grown(this.deathKind, n);
    this.loc = grown(this.loc, n);
    this.deathLoc = grown(this.deathLoc, n);
    this.atomic = grown(this.atomic, n);
  }

  /** Adds an object born at step `born`, in region `regionId`, with its cells; returns its id. */
  add(spec: ObjectSpec, regionId: number, born: number, cells: Cell[]): number {
    return this.addFrom(this.template(spec, cells), spec.addr, spec.size, regionId, spec.frameId ?? -1, born);
  }

  /** Interns what objects made from `spec` share, for `addFrom`. */
  template(spec: Omit<ObjectSpec, 'addr' | 'size' | 'frameId'>, cells: Cell[]): ObjectTemplate {
    const loc = spec.loc ?? null;
    return {
      name: this.names.of(spec.name),
      typeName: this.typeNames.of(spec.typeName),
      role: ROLE_INDEX[spec.role],
      side: SIDE_INDEX[spec.side],
      cells: this.cellLists.of(cells),
      loc: loc === null ? -1 : this.locs.of(loc),
      atomic: spec.atomic === undefined ? 0 : spec.atomic ? 2 : 1,
    };
  }

  /** Adds an object made from a template (no look-ups: the hot path of a call). */
  addFrom(
    t: ObjectTemplate,
    addr: number,
    size: number,
    regionId: number,
    frameId: number,
    born: number,
  ): number {
    const i = this.count;
    if (i >= this.name.length) this.grow();
    this.name[i] = t.name;
    this.typeName[i] = t.typeName;
    this.role[i] = t.role;
    this.side[i] = t.side;
    this.regionId[i] = regionId;
    this.addr[i] = addr;
    this.size[i] = size;
    this.cells[i] = t.cells;
    this.frameId[i] = frameId;
    this.born[i] = born;
    this.died[i] = -1;
    this.deathKind[i] = 0;
    this.loc[i] = t.loc;
    this.deathLoc[i] = -1;
    this.atomic[i] = t.atomic;
    this.count = i + 1;
    return i;
  }

  /** Ends object `id`'s lifetime at `step`. */
  end(id: number, step: number, kind: DeathKind, loc: SourceLoc | null): void {
    this.died[id] = step;
    this.deathKind[id] = DEATH_OF[kind];
    this.deathLoc[id] = loc === null ? -1 : this.locs.of(loc);
  }

  nameOf(id: number): ObjectName {
    return this.names.items[this.name[id] as number] as ObjectName;
  }

  locOf(id: number): SourceLoc | null {
    const i = this.loc[id] as number;
    return i < 0 ? null : (this.locs.items[i] as SourceLoc);
  }

  /** The object as a record (a copy: later changes to the table do not show in it). */
  record(id: number): ObjectRecord | undefined {
    return id >= 0 && id < this.count ? readObject(this.columns(), id) : undefined;
  }

  /** The columns as they are, not copied (longer than `count`): for a run that keeps no trace. */
  columns(): ObjectTable {
    return {
      count: this.count,
      name: this.name,
      typeName: this.typeName,
      role: this.role,
      side: this.side,
      regionId: this.regionId,
      addr: this.addr,
      size: this.size,
      cells: this.cells,
      frameId: this.frameId,
      born: this.born,
      died: this.died,
      deathKind: this.deathKind,
      loc: this.loc,
      deathLoc: this.deathLoc,
      atomic: this.atomic,
      typeNames: this.typeNames.items,
      names: this.names.items,
      locs: this.locs.items,
      cellLists: this.cellLists.items,
    };
  }

  /** The finished table, its columns copied to their used length. */
  table(): ObjectTable {
    const n = this.count;
    const c = this.columns();
    return {
      ...c,
      name: c.name.slice(0, n),
      typeName: c.typeName.slice(0, n),
      role: c.role.slice(0, n),
      side: c.side.slice(0, n),
      regionId: c.regionId.slice(0, n),
      addr: c.addr.slice(0, n),
      size: c.size.slice(0, n),
      cells: c.cells.slice(0, n),
      frameId: c.frameId.slice(0, n),
      born: c.born.slice(0, n),
      died: c.died.slice(0, n),
      deathKind: c.deathKind.slice(0, n),
      loc: c.loc.slice(0, n),
      deathLoc: c.deathLoc.slice(0, n),
      atomic: c.atomic.slice(0, n),
    };
  }
}

/** Builds a FrameTable while a run goes on. */
export class FrameTableBuilder {
  count = 0;
  functionName = new Uint32Array(64);
  side = new Uint8Array(64);
  parent = new Int32Array(64);
  entrySp = new Float64Array(64);
  low = new Float64Array(64);
  enterStep = new Int32Array(64);
  exitStep = new Int32Array(64);
  boundaryCallId = new Int32Array(64);
  private readonly strings = new Pool<string>();

  add(
    functionName: string,
    side: SourceSide,
    parent: number,
    sp: number,
    step: number,
    call: number,
  ): number {
    const i = this.count;
    if (i >= this.side.length) {
      const n = this.side.length * 2;
      this.functionName = grown(this.functionName, n);
      this.side = grown(this.side, n);
      this.parent = grown(this.parent, n);
      this.entrySp = grown(this.entrySp, n);
      this.low = grown(this.low, n);
      this.enterStep = grown(this.enterStep, n);
      this.exitStep = grown(this.exitStep, n);
      this.boundaryCallId = grown(this.boundaryCallId, n);
    }
    this.functionName[i] = this.strings.of(functionName);
    this.side[i] = SIDE_INDEX[side];
    this.parent[i] = parent;
    this.entrySp[i] = sp;
    this.low[i] = sp;
    this.enterStep[i] = step;
    this.exitStep[i] = -1;
    this.boundaryCallId[i] = call;
    this.count = i + 1;
    return i;
  }

  nameOf(id: number): string | undefined {
    return id >= 0 && id < this.count ? this.strings.items[this.functionName[id] as number] : undefined;
  }

  /** The finished table, its columns copied to their used length. */
  table(): FrameTable {
    const n = this.count;
    return {
      count: n,
      functionName: this.functionName.slice(0, n),
      side: this.side.slice(0, n),
      parent: this.parent.slice(0, n),
      entrySp: this.entrySp.slice(0, n),
      low: this.low.slice(0, n),
      enterStep: this.enterStep.slice(0, n),
      exitStep: this.exitStep.slice(0, n),
      boundaryCallId: this.boundaryCallId.slice(0, n),
      strings: this.strings.items,
    };
  }
}

/** Builds a BoundaryTable while a run goes on. */
export class BoundaryTableBuilder {
  count = 0;
  shape = new Uint32Array(64);
  step = new Int32Array(64);
  returnStep = new Int32Array(64);
  hiddenValue = new Float64Array(64);
  private readonly shapes = new Pool<CallShape>();

  add(shape: CallShape, step: number, hiddenValue: number): number {
    const i = this.count;
    if (i >= this.shape.length) {
      const n = this.shape.length * 2;
      this.shape = grown(this.shape, n);
      this.step = grown(this.step, n);
      this.returnStep = grown(this.returnStep, n);
      this.hiddenValue = grown(this.hiddenValue, n);
    }
    this.shape[i] = this.shapes.of(shape);
    this.step[i] = step;
    this.returnStep[i] = -1;
    this.hiddenValue[i] = hiddenValue;
    this.count = i + 1;
    return i;
  }

  /** The finished table, its columns copied to their used length. */
  table(): BoundaryTable {
    const n = this.count;
    return {
      count: n,
      shape: this.shape.slice(0, n),
      step: this.step.slice(0, n),
      returnStep: this.returnStep.slice(0, n),
      hiddenValue: this.hiddenValue.slice(0, n),
      shapes: this.shapes.items,
    };
  }
}

function readObject(t: ObjectTable, id: number): ObjectRecord {
  const loc = t.loc[id] as number;
  const deathLoc = t.deathLoc[id] as number;
  const atomic = t.atomic[id] as number;
  const record: ObjectRecord = {
    id,
    name: t.names[t.name[id] as number] as ObjectName,
    typeName: t.typeNames[t.typeName[id] as number] as CodeOrTerm,
    role: ROLES[t.role[id] as number] as ObjectRole,
    side: SIDES[t.side[id] as number] as SourceSide,
    regionId: t.regionId[id] as number,
    addr: t.addr[id] as number,
    size: t.size[id] as number,
    cells: t.cellLists[t.cells[id] as number] as Cell[],
    frameId: t.frameId[id] as number,
    born: t.born[id] as number,
    died: t.died[id] as number,
    deathKind: DEATHS[t.deathKind[id] as number] ?? null,
    loc: loc < 0 ? null : (t.locs[loc] as SourceLoc),
    deathLoc: deathLoc < 0 ? null : (t.locs[deathLoc] as SourceLoc),
  };
  if (atomic !== 0) record.atomic = atomic === 2;
  return record;
}

function readFrame(t: FrameTable, id: number): FrameRecord {
  return {
    id,
    functionName: t.strings[t.functionName[id] as number] as string,
    side: SIDES[t.side[id] as number] as SourceSide,
    parent: t.parent[id] as number,
    entrySp: t.entrySp[id] as number,
    low: t.low[id] as number,
    enterStep: t.enterStep[id] as number,
    exitStep: t.exitStep[id] as number,
    boundaryCallId: t.boundaryCallId[id] as number,
  };
}

function readCall(t: BoundaryTable, id: number): BoundaryCall {
  const { hiddenReg, ...shape } = t.shapes[t.shape[id] as number] as CallShape;
  return {
    id,
    step: t.step[id] as number,
    returnStep: t.returnStep[id] as number,
    ...shape,
    hiddenPointer: hiddenReg === null ? null : { reg: hiddenReg, value: t.hiddenValue[id] as number },
  };
}

// The lists are built once per finished table: the page reads the same trace many times.
const objectLists = new WeakMap<ObjectTable, readonly ObjectRecord[]>();
const frameLists = new WeakMap<FrameTable, readonly FrameRecord[]>();
const callLists = new WeakMap<BoundaryTable, readonly BoundaryCall[]>();

function cached<T extends object, R>(
  cache: WeakMap<T, readonly R[]>,
  t: T,
  n: number,
  read: (t: T, i: number) => R,
) {
  let list = cache.get(t);
  if (list === undefined) {
    list = Array.from({ length: n }, (_, i) => read(t, i));
    cache.set(t, list);
  }
  return list;
}

/** Every object of a finished trace, as records (built once per table). */
export function objectList(t: ObjectTable): readonly ObjectRecord[] {
  return cached(objectLists, t, t.count, readObject);
}

/** Every frame of a finished trace, as records (built once per table). */
export function frameList(t: FrameTable): readonly FrameRecord[] {
  return cached(frameLists, t, t.count, readFrame);
}

/** Every foreign call of a finished trace, as records (built once per table). */
export function boundaryCallList(t: BoundaryTable): readonly BoundaryCall[] {
  return cached(callLists, t, t.count, readCall);
}

/** Object `id` of a finished trace, or undefined. */
export function objectRecord(t: ObjectTable, id: number): ObjectRecord | undefined {
  return id >= 0 && id < t.count ? objectList(t)[id] : undefined;
}

/** Frame `id` of a finished trace, or undefined. */
export function frameRecord(t: FrameTable, id: number): FrameRecord | undefined {
  return id >= 0 && id < t.count ? frameList(t)[id] : undefined;
}

/** Foreign call `id` of a finished trace, or undefined. */
export function boundaryCall(t: BoundaryTable, id: number): BoundaryCall | undefined {
  return id >= 0 && id < t.count ? boundaryCallList(t)[id] : undefined;
}

/**
 * The view model's types: what one step of a run looks like, as plain data (no geometry, no words,
 * no React). `Scene` is the machine at a step (objects, frames, registers, pointers, the foreign
 * call, the collector, findings, a crash); `StepView` (step-view.ts) wraps it with the step's place
 * and narration. docs/TRACE.md describes both.
 */
import type { MachineState } from '../trace/reader.ts';
import type {
  BoundaryCall,
  Cell,
  DeathKind,
  ObjectRole,
  SourceSide,
  StepKind,
  Trace,
} from '../trace/types.ts';

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

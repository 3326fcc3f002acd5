/**
 * The trace: everything a run produced, as plain data (structured-clone safe), so a Web Worker
 * can post it and the page can scrub it. Going to any step is an index plus a short replay from
 * the nearest keyframe, never a re-run of the program.
 *
 * Steps and events are stored column-wise in typed arrays: a million steps cost tens of
 * megabytes, not a million objects.
 */
import type { Target } from '../abi/ctype.ts';
import type { ObjectName } from './names.ts';
import type { CodeOrTerm, Term } from './terms.ts';
import type { BoundaryTable, FrameTable, ObjectTable } from './tables.ts';

/** Which source a step or location belongs to. */
export type SourceSide = 'cpp' | 'codon' | 'runtime';
export const SIDES: readonly SourceSide[] = ['cpp', 'codon', 'runtime'];
/** A side's index in SIDES (the trace's columns store sides as these numbers). */
export const SIDE_INDEX: Record<SourceSide, number> = { cpp: 0, codon: 1, runtime: 2 };

/** The named address ranges a learner recognises. */
export type RegionKind = 'text' | 'static' | 'runtime' | 'c-heap' | 'gc-heap' | 'stack';

export interface Region {
  id: number;
  kind: RegionKind;
  /** Shown to the learner ("libfoo.so text", "main thread stack"), as a message id (formatName). */
  name: ObjectName;
  start: number;
  /** Exclusive. */
  end: number;
  writable: boolean;
}

/** One scalar leaf of an object's bytes, for display (a double, a pointer, padding...). */
export interface Cell {
  /** The member path (code: `arr[2].x`, '' for the object itself), or a description ("saved rbp"). */
  path: CodeOrTerm;
  offset: number;
  size: number;
  kind: 'int' | 'uint' | 'bool' | 'float' | 'pointer' | 'padding' | 'vptr' | 'opaque';
}

/** What an object is for, which decides where the diagram draws it. */
export type ObjectRole =
  | 'local'
  | 'param'
  | 'temp'
  | 'return-slot'
  | 'static'
  | 'global'
  | 'heap'
  | 'gc'
  | 'runtime'
  | 'frame-link'
  | 'heap-meta'
  /** A callee's name for memory it was handed (an NRVO local built in the result slot, wherever that is). */
  | 'result-view';

export type DeathKind = 'out-of-scope' | 'freed' | 'collected';

/** Every allocation of the run: a local, a temporary, a static, a heap block, a GC object... */
export interface ObjectRecord {
  id: number;
  /** As a message id with parameters: render it with formatName (src/sim/messages/format.ts). */
  name: ObjectName;
  /** Its C++ or Codon type (code), or a description of a runtime object (render with formatText). */
  typeName: CodeOrTerm;
  role: ObjectRole;
  side: SourceSide;
  regionId: number;
  addr: number;
  size: number;
  cells: Cell[];
  /** The call (frame record id) the object belongs to, for locals and parameters; -1 otherwise. */
  frameId: number;
  /** Step at which it came to life. */
  born: number;
  /** Step at which its lifetime ended, or -1 while alive at the end of the run. */
  died: number;
  deathKind: DeathKind | null;
  /** Where it was declared or allocated. */
  loc: SourceLoc | null;
  /** Where its lifetime ended (the free, the closing brace, the collection). */
  deathLoc: SourceLoc | null;
  /** GC objects only: not scanned for pointers (Codon's `Ptr[float](n)` is atomic). */
  atomic?: boolean;
}

export interface SourceLoc {
  side: SourceSide;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One activation of a function: a C++ or Codon frame on the stack. */
export interface FrameRecord {
  id: number;
  functionName: string;
  side: SourceSide;
  /** Frame id of the caller, -1 for the outermost. */
  parent: number;
  /** Stack pointer at entry (before the call pushed the return address) and the lowest address used. */
  entrySp: number;
  low: number;
  enterStep: number;
  /** -1 while still active at the end of the run. */
  exitStep: number;
  /** Set when this frame was entered across the Codon/C++ boundary. */
  boundaryCallId: number;
}

/** Machine events; the meaning of the columns a, b, c, d depends on the kind. */
export const EventKind = {
  /** a = address, b = length, c = offset into `bytes`, d = object id written (or -1). */
  Write: 0,
  /** a = address, b = length, d = object id read (or -1). */
  Read: 1,
  /** a = register index, b = length (8 or 16), c = offset into `bytes`. */
  Reg: 2,
  /** d = object id. */
  Alloc: 3,
  /** d = object id. */
  End: 4,
  /** d = frame id. */
  Enter: 5,
  /** d = frame id. */
  Exit: 6,
  /** d = object id. */
  GcMark: 7,
  /** d = object id. */
  GcSweep: 8,
  /** a = faulting address, b = signal number. */
  Crash: 9,
  /** c = index into `output` chunks. */
  Output: 10,
  /** d = finding index. */
  Finding: 11,
  /** d = boundary call id. */
  BoundaryCall: 12,
  /** d = boundary call id. */
  BoundaryReturn: 13,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** Column store of events; all arrays have at least `count` entries. */
export interface EventColumns {
  count: number;
  kind: Uint8Array;
  a: Float64Array;
  b: Uint32Array;
  c: Uint32Array;
  d: Int32Array;
}

export const StepKind = {
  Start: 0,
  Statement: 1,
  Call: 2,
  Return: 3,
  BoundaryCall: 4,
  BoundaryReturn: 5,
  Gc: 6,
  Crash: 7,
  End: 8,
  Runtime: 9,
} as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

/** Column store of steps. Step i's events are `eventStart[i] .. eventStart[i+1]` (or the end). */
export interface StepColumns {
  count: number;
  kind: Uint8Array;
  side: Uint8Array;
  line: Uint32Array;
  column: Uint16Array;
  endLine: Uint32Array;
  endColumn: Uint16Array;
  /** Index into `Trace.messageIds`. */
  message: Uint16Array;
  /** Narration parameters are `params[paramStart[i] .. paramStart[i+1]]`. */
  paramStart: Uint32Array;
  eventStart: Uint32Array;
  /** Frame record id executing at this step, -1 for none. */
  frame: Int32Array;
}

/** Machine state at the start of step `step`: memory pages and registers. */
export interface Keyframe {
  step: number;
  /** Index of the first event of `step`. */
  event: number;
  pageNumbers: number[];
  /** Page contents; an unchanged page is the same Uint8Array as in the previous keyframe. */
  pages: Uint8Array[];
  registers: Uint8Array;
  /** Number of `Trace.output` chunks printed before this keyframe. */
  outputCount: number;
}

/** Where each side of a foreign call believed a value travels (for the call diagram). */
export interface BoundaryCall {
  id: number;
  step: number;
  returnStep: number;
  symbol: string;
  /** The Codon line of the call. */
  callerLoc: SourceLoc;
  /** The C++ definition, or null when the symbol was not found. */
  calleeLoc: SourceLoc | null;
  callerSignature: string;
  calleeSignature: string;
  /** Caller's view: where each argument goes and where the result is read. */
  callerArgs: ValueRoute[];
  callerResult: ValueRoute | null;
  /** Callee's view. */
  calleeArgs: ValueRoute[];
  calleeResult: ValueRoute | null;
  /** The hidden result pointer the callee used (sret / x8), when it expects one. */
  hiddenPointer: { reg: string; value: number } | null;
  mismatch: boolean;
  /**
   * How the call reaches its callee: `dlsym` for a `from C import LIB.f` (the function found
   * through the library's handle, where the oracle's trampoline sets the leftover), `linked` for a
   * static `from C import f` the linker resolved.
   */
  linkage: 'dlsym' | 'linked';
}

export interface ValueRoute {
  /** A parameter's name (code: "bar"), or "argument 2", "result", "hidden result pointer". */
  label: CodeOrTerm;
  typeName: string;
  /** Registers (code: "rdi", "xmm0, xmm1"), or "memory at [rdi]", "stack +8". */
  where: CodeOrTerm;
  registers: string[];
}

export type FindingKind =
  | 'abi-mismatch'
  /** The declarations disagree, but on this target their registers happen to line up. */
  | 'abi-coincidence'
  | 'type-mismatch'
  | 'stray-write'
  | 'dangling-read'
  | 'use-after-free'
  | 'double-free'
  | 'leak'
  | 'uninitialized-read'
  | 'gc-unrooted';

export interface RelatedLoc {
  side: SourceSide;
  line: number;
  role: string;
}

export interface Finding {
  kind: FindingKind;
  side: SourceSide;
  line: number;
  column: number;
  step: number;
  count: number;
  related: RelatedLoc[];
  objects: number[];
  message: MessageRef;
}

/** A message as an id plus parameters, so the page can show it in any language without a re-run. */
export interface MessageRef {
  id: string;
  params: MessageParam[];
}
/**
 * A message parameter: text, a number, an object's name or one of the simulator's descriptions
 * (both rendered in the reader's language).
 */
export type MessageParam = string | number | ObjectName | Term;

export type Outcome = 'ok' | 'crash' | 'compile-error' | 'runtime-error' | 'step-limit';

export interface CrashInfo {
  signal: 'SIGSEGV' | 'SIGABRT' | 'SIGBUS' | 'SIGILL' | 'SIGFPE';
  address: number;
  functionName: string;
  side: SourceSide;
  line: number;
  message: MessageRef;
  step: number;
}

export interface RuntimeErrorInfo {
  type: string;
  message: string;
  side: SourceSide;
  line: number;
}

export interface Trace {
  version: 1;
  target: Target;
  leftover: string;
  files: Record<'cpp' | 'codon', string>;
  registerNames: string[];
  regions: Region[];
  /** Read with `objectRecord`/`objectList` (tables.ts); columns, so a long run costs no GC. */
  objects: ObjectTable;
  frames: FrameTable;
  boundaryCalls: BoundaryTable;
  steps: StepColumns;
  events: EventColumns;
  /** Bytes written by Write and Reg events. */
  bytes: Uint8Array;
  messageIds: string[];
  params: MessageParam[];
  keyframes: Keyframe[];
  output: string[];
  findings: Finding[];
  outcome: Outcome;
  crash: CrashInfo | null;
  error: RuntimeErrorInfo | null;
  /**
   * The parts of stdout (`output` joined) that depend on bytes the simulator invents rather than
   * computes; present when the run was asked to find them (`RunInput.indeterminate`), else absent.
   */
  stdoutIndeterminate?: IndeterminateSpan[];
}

/**
 * The kinds of bytes the simulator invents (src/sim/machine/garbage.ts): a register nothing set,
 * the dead stack a runtime function's frames overwrote, memory nothing wrote, what an allocator
 * writes into a block it takes back.
 */
export type GarbageKind = 'register' | 'runtime-stack' | 'uninitialised' | 'freed';
export const GARBAGE_KINDS: readonly GarbageKind[] = ['register', 'runtime-stack', 'uninitialised', 'freed'];

/**
 * A stretch of stdout the real machine may print differently. Offsets are into the stdout string
 * (UTF-16 code units, `start` inclusive, `end` exclusive).
 * - `value`: one printed value (a token: no whitespace and none of `,;:=()[]{}<>'"`), which on
 *   the real machine is some other token;
 * - `text`: any text, possibly none: with other invented bytes the program printed something else
 *   here altogether (another number of values, another path, a crash before it).
 * `sources`: the kinds of invented bytes it depends on (empty when not worked out).
 */
export interface IndeterminateSpan {
  kind: 'value' | 'text';
  start: number;
  end: number;
  sources: GarbageKind[];
}

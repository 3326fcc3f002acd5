/**
 * The ABI explorer's model: the learner's text in, a report for x86-64 and AArch64 out (or located
 * problems). Pure TypeScript, no React: every fact comes from the simulator's ABI module
 * (`layoutOf`, `classifyReturn`, `nonTrivialReason`), and the explanations beside it
 * (eightbyte merges, the HFA rule, the non-trivial chain) are checked against it in the tests.
 * `analyse` never throws.
 */
import {
  AbiError,
  classifyReturn,
  layoutOf,
  nonTrivialReason,
  typeToString,
  type CType,
  type CellKind,
  type EightbyteClass,
  type ReturnClassification,
  type Target,
} from '../sim/abi/index.ts';
import { layoutCost, MAX_CELLS } from './cost.ts';
import { explainX86, type X86Explanation } from './eightbytes.ts';
import { explainHfa, type HfaVerdict } from './hfa.ts';
import { parseReturnType, type ExplorerInput, type Problem } from './input.ts';
import { explainNonTrivial, type NonTrivialExplanation } from './nontrivial.ts';

export type { ExplorerInput, Field, Problem, ProblemCode } from './input.ts';
export { MAX_DEFINITIONS_CHARS, MAX_TYPE_CHARS } from './input.ts';

export const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];

/** How many bytes of a large value the byte map draws (the rest is summarised). */
export const MAP_BYTES = 64;

/** Where the bytes of one cell travel when the value is returned. */
export type Carrier =
  /** Bytes [regByte, regByte + size) of `reg`, which carries `partSize` bytes of the value. */
  | { kind: 'register'; reg: string; regByte: number; size: number; partSize: number }
  | { kind: 'memory' }
  /** Not carried at all: padding beyond an x87 value, or nothing is returned. */
  | { kind: 'none' };

/** One cell of the byte map: a scalar member (or padding) and where it goes. */
export interface CellView {
  path: string;
  offset: number;
  size: number;
  kind: CellKind;
  typeName: string | null;
  bitOffset?: number;
  bitWidth?: number;
  /** 0 for most cells; union members that overlap others get lanes 1, 2, ... */
  lane: number;
  carrier: Carrier;
}

/** How the whole value comes back. */
export type Route =
  | { kind: 'void' }
  | { kind: 'registers'; parts: { reg: string; offset: number; size: number }[] }
  | { kind: 'x87'; parts: { reg: string; offset: number; size: number }[] }
  /** The caller reserves the memory and passes its address in `addressIn`; x86-64 returns it in `%rax`. */
  | { kind: 'memory'; addressIn: '%rdi' | 'x8'; addressBackIn: '%rax' | null };

export interface TargetView {
  target: Target;
  size: number;
  align: number;
  /** The cells in the first `MAP_BYTES` bytes (all of them for a small value). */
  cells: CellView[];
  totalCells: number;
  lanes: number;
  trivial: boolean;
  /** The ABI module's sentence (English), and the same reason as data for other languages. */
  nonTrivialReason: string | null;
  nonTrivial: NonTrivialExplanation | null;
  /** `classifyReturn`'s convention name: `xmm0:xmm1`, `sret`, `d0-d3`, `x8-indirect`... */
  convention: string;
  route: Route;
  /** x86-64: final classes per eightbyte (`classifyReturn`'s), and the story of how they came about. */
  eightbytes: readonly EightbyteClass[] | null;
  x86: X86Explanation | null;
  /** AArch64: `classifyReturn`'s HFA (base type and member count), or null. */
  hfa: { base: string; count: number } | null;
  /** AArch64: the HFA rule applied, or which part of it the type breaks. */
  hfaVerdict: HfaVerdict | null;
}

export type TargetOutcome = { ok: true; view: TargetView } | { ok: false; problem: Problem };

export interface Report {
  input: ExplorerInput;
  /** The type as C++ prints it: `std::array<double, 4>`. */
  typeName: string;
  isVoid: boolean;
  isReference: boolean;
  targets: Record<Target, TargetOutcome>;
}

export type Analysis = { ok: true; report: Report } | { ok: false; problems: Problem[] };

/** The name a register goes by in the lessons: `%xmm0`, `st0`, `d1`, `s3`, `q0`, `x0`. */
export function registerName(reg: string, size: number): string {
  if (/^v\d+$/.test(reg)) return `${size <= 4 ? 's' : size <= 8 ? 'd' : 'q'}${reg.slice(1)}`;
  if (reg.startsWith('st') || /^x\d+$/.test(reg)) return reg;
  return `%${reg}`;
}

function route(r: ReturnClassification): Route {
  if (r.convention === 'void') return { kind: 'void' };
  if (r.indirect)
    return r.target === 'x86_64'
      ? { kind: 'memory', addressIn: '%rdi', addressBackIn: '%rax' }
      : { kind: 'memory', addressIn: 'x8', addressBackIn: null };
  const parts = r.parts.map((p) => ({ reg: registerName(p.reg, p.size), offset: p.offset, size: p.size }));
  return r.x87 ? { kind: 'x87', parts } : { kind: 'registers', parts };
}

function carrierOf(offset: number, size: number, rt: Route): Carrier {
  if (rt.kind === 'memory') return { kind: 'memory' };
  if (rt.kind === 'void') return { kind: 'none' };
  const part = rt.parts.find((p) => offset >= p.offset && offset < p.offset + p.size);
  if (!part) return { kind: 'none' };
  const regByte = offset - part.offset;
  return {
    kind: 'register',
    reg: part.reg,
    regByte,
    size: Math.min(size, part.size - regByte),
    partSize: part.size,
  };
}

/** Puts overlapping cells (union members) on separate lanes, first fit. */
function assignLanes(cells: { offset: number; size: number }[]): { lanes: number[]; count: number } {
  const ends: number[] = [];
  const lanes = cells.map((c) => {
    let lane = ends.findIndex((end) => end <= c.offset);
    if (lane < 0) lane = ends.length;
    ends[lane] = c.offset + Math.max(c.size, 1);
    return lane;
  });
  return { lanes, count: Math.max(1, ends.length) };
}

function problemFor(input: ExplorerInput, code: 'no-layout' | 'too-large', detail: string): Problem {
  return {
    code,
    field: 'type',
    line: 1,
    column: 1,
    endColumn: Math.max(2, input.type.trimEnd().length + 1),
    detail,
  };
}

function voidView(target: Target, r: ReturnClassification): TargetView {
  return {
    target,
    size: 0,
    align: 1,
    cells: [],
    totalCells: 0,
    lanes: 1,
    trivial: true,
    nonTrivialReason: null,
    nonTrivial: null,
    convention: r.convention,
    route: { kind: 'void' },
    eightbytes: target === 'x86_64' ? [] : null,
    x86: null,
    hfa: null,
    hfaVerdict: null,
  };
}

function viewFor(t: CType, target: Target): TargetView {
  const r = classifyReturn(t, target);
  if (t.kind === 'void') return voidView(target, r);
  const layout = layoutOf(t, target);
  const rt = route(r);
  const shown = layout.cells.filter((c) => c.offset < MAP_BYTES);
  const { lanes, count } = assignLanes(shown);
  const cells: CellView[] = shown.map((c, i) => ({
    path: c.path,
    offset: c.offset,
    size: c.size,
    kind: c.kind,
    typeName: c.type ? typeToString(c.type) : null,
    ...(c.bitWidth !== undefined ? { bitOffset: c.bitOffset ?? 0, bitWidth: c.bitWidth } : {}),
    lane: lanes[i] ?? 0,
    carrier: carrierOf(c.offset, c.size, rt),
  }));
  return {
    target,
    size: layout.size,
    align: layout.align,
    cells,
    totalCells: layout.cells.length,
    lanes: count,
    trivial: r.trivialForCalls,
    nonTrivialReason: nonTrivialReason(t),
    nonTrivial: explainNonTrivial(t),
    convention: r.convention,
    route: rt,
    eightbytes: r.eightbytes,
    x86: target === 'x86_64' ? explainX86(t, layout.size, r.trivialForCalls) : null,
    hfa: r.hfa,
    hfaVerdict: target === 'aarch64' ? explainHfa(t, r.trivialForCalls) : null,
  };
}

function outcome(input: ExplorerInput, t: CType, target: Target): TargetOutcome {
  try {
    return { ok: true, view: viewFor(t, target) };
  } catch (e) {
    if (e instanceof AbiError) return { ok: false, problem: problemFor(input, 'no-layout', e.message) };
    throw e;
  }
}

/** Reads the learner's input and describes how the type is laid out and returned on both machines. */
export function analyse(input: ExplorerInput): Analysis {
  try {
    const parsed = parseReturnType(input);
    if (!parsed.ok) return parsed;
    const t = parsed.type;
    if (layoutCost(t) > MAX_CELLS)
      return { ok: false, problems: [problemFor(input, 'too-large', String(MAX_CELLS))] };
    const targets = { x86_64: outcome(input, t, 'x86_64'), aarch64: outcome(input, t, 'aarch64') };
    if (!targets.x86_64.ok && !targets.aarch64.ok) return { ok: false, problems: [targets.x86_64.problem] };
    return {
      ok: true,
      report: {
        input,
        typeName: typeToString(t),
        isVoid: t.kind === 'void',
        isReference: t.kind === 'reference',
        targets,
      },
    };
  } catch (e) {
    // A bug in the simulator must not take the lesson down: say so where the learner is looking.
    const detail = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, problems: [{ ...problemFor(input, 'no-layout', detail), code: 'cpp' }] };
  }
}

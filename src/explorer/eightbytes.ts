/**
 * The x86-64 classification explained step by step (System V psABI 3.2.3): which scalar members
 * fall in each eightbyte and the class each one brings, how the classes merge, and which clean-up
 * rule (if any) turns the result into MEMORY. It walks the type in the same order as the ABI
 * module's classifier (vptr, bases, fields), because the merge is order-sensitive; the final
 * classes shown are always `classifyReturn`'s, and a test checks that this walk agrees with them.
 */
import {
  floatInfo,
  intInfo,
  layoutOf,
  mergeClasses,
  type CType,
  type EightbyteClass,
} from '../sim/abi/index.ts';

/** One scalar member's contribution to one eightbyte. */
export interface Contribution {
  /** Member path (`_M_elems[2]`, `first`); `''` for the value itself. */
  path: string;
  cls: EightbyteClass;
}

/** How two classes meeting in an eightbyte combine (the psABI's merge rules, in order). */
export type MergeRule = 'same' | 'no-class' | 'memory' | 'integer' | 'x87' | 'sse';

export interface MergeStep {
  before: EightbyteClass;
  with: EightbyteClass;
  result: EightbyteClass;
  rule: MergeRule;
  path: string;
}

export interface EightbyteExplanation {
  index: number;
  /** Bytes [from, to) of the value. */
  from: number;
  to: number;
  contributions: Contribution[];
  /** The merges that changed something or needed a rule (the first contribution just sets the class). */
  steps: MergeStep[];
  /** The class after merging, before the clean-up rules. */
  merged: EightbyteClass;
}

/** Why the clean-up (or the C++ ABI) made the value MEMORY, or changed a class. */
export type CleanupReason =
  | 'non-trivial'
  | 'larger-than-64'
  | 'unaligned'
  | 'more-than-two'
  | 'merged-memory'
  | 'x87up-alone'
  | 'sseup-to-sse'
  | 'complex-x87'
  | null;

export interface X86Explanation {
  eightbytes: EightbyteExplanation[];
  /** Member paths that sit at an offset their type cannot be aligned at (packed classes). */
  unaligned: string[];
  cleanup: CleanupReason;
}

/** Which rule of psABI 3.2.3 step 4 decides `mergeClasses(a, b)`. */
export function mergeRule(a: EightbyteClass, b: EightbyteClass): MergeRule {
  if (a === b) return 'same';
  if (a === 'NO_CLASS' || b === 'NO_CLASS') return 'no-class';
  if (a === 'MEMORY' || b === 'MEMORY') return 'memory';
  if (a === 'INTEGER' || b === 'INTEGER') return 'integer';
  const x87 = (c: EightbyteClass): boolean => c === 'X87' || c === 'X87UP' || c === 'COMPLEX_X87';
  if (x87(a) || x87(b)) return 'x87';
  return 'sse';
}

function join(prefix: string, sub: string): string {
  if (prefix === '') return sub;
  return sub.startsWith('[') ? prefix + sub : `${prefix}.${sub}`;
}

interface Leaf {
  offset: number;
  cls: EightbyteClass;
  path: string;
}

/** The scalar leaves of `t` at `offset`, in the classifier's order, each with the class it puts in its eightbyte. */
function leaves(t: CType, offset: number, path: string, out: Leaf[], unaligned: string[]): void {
  const at = (off: number, cls: EightbyteClass, p = path): void => {
    out.push({ offset: off, cls, path: p });
  };
  const aligned = (align: number): boolean => {
    if (offset % align === 0) return true;
    unaligned.push(path);
    return false;
  };
  switch (t.kind) {
    case 'void':
    case 'function':
      return;
    case 'int':
    case 'enum': {
      const info = intInfo(t.kind === 'int' ? t.name : t.underlying.name, 'x86_64');
      if (!aligned(info.align)) return;
      at(offset, 'INTEGER');
      if (info.size === 16) at(offset + 8, 'INTEGER');
      return;
    }
    case 'pointer':
    case 'reference':
      if (aligned(8)) at(offset, 'INTEGER');
      return;
    case 'float': {
      if (!aligned(floatInfo(t.name, 'x86_64').align)) return;
      if (t.name === 'long double') {
        at(offset, 'X87');
        at(offset + 8, 'X87UP');
      } else at(offset, 'SSE');
      return;
    }
    case 'complex': {
      const info = floatInfo(t.element.name, 'x86_64');
      if (!aligned(info.align)) return;
      if (t.element.name === 'long double') at(offset, 'COMPLEX_X87');
      else {
        at(offset, 'SSE', join(path, 'real'));
        at(offset + info.size, 'SSE', join(path, 'imag'));
      }
      return;
    }
    case 'vector':
      if (!aligned(16)) return;
      at(offset, 'SSE');
      at(offset + 8, 'SSEUP');
      return;
    case 'array': {
      const size = layoutOf(t.element, 'x86_64').size;
      for (let i = 0; i < t.length; i++)
        leaves(t.element, offset + i * size, `${path}[${i}]`, out, unaligned);
      return;
    }
    case 'record': {
      const l = layoutOf(t, 'x86_64');
      if (l.vptrOffset !== null) at(offset + l.vptrOffset, 'INTEGER', join(path, '_vptr'));
      for (const b of l.bases) leaves(b.type, offset + b.offset, path, out, unaligned);
      for (const f of l.fields) {
        // Members of an anonymous union or struct are named as if they were the class's own (as layoutOf does).
        const p = f.name === '' ? path : join(path, f.name);
        if (f.bitWidth !== undefined) {
          const startBit = (offset + f.offset) * 8 + (f.bitOffset ?? 0);
          const endBit = startBit + f.bitWidth;
          for (let b = Math.floor(startBit / 64); b * 64 < endBit; b++) at(b * 8, 'INTEGER', p);
        } else leaves(f.type, offset + f.offset, p, out, unaligned);
      }
      return;
    }
  }
}

/**
 * The eightbyte-by-eightbyte story of `t` on x86-64. `size` is its size and `trivial` whether it is
 * trivial for calls. Types larger than 64 bytes are MEMORY before any eightbyte is looked at.
 */
export function explainX86(t: CType, size: number, trivial: boolean): X86Explanation {
  const words = Math.ceil(size / 8);
  if (size > 64)
    return { eightbytes: [], unaligned: [], cleanup: trivial ? 'larger-than-64' : 'non-trivial' };
  const all: Leaf[] = [];
  const unaligned: string[] = [];
  leaves(t, 0, '', all, unaligned);
  const eightbytes: EightbyteExplanation[] = [];
  for (let i = 0; i < words; i++) {
    const mine = all.filter((l) => Math.floor(l.offset / 8) === i);
    let merged: EightbyteClass = 'NO_CLASS';
    const steps: MergeStep[] = [];
    for (const l of mine) {
      const result = mergeClasses(merged, l.cls);
      if (merged !== 'NO_CLASS')
        steps.push({ before: merged, with: l.cls, result, rule: mergeRule(merged, l.cls), path: l.path });
      merged = result;
    }
    eightbytes.push({
      index: i,
      from: 8 * i,
      to: Math.min(size, 8 * i + 8),
      contributions: mine.map((l) => ({ path: l.path, cls: l.cls })),
      steps,
      merged,
    });
  }
  return { eightbytes, unaligned, cleanup: cleanupReason(t, eightbytes, unaligned, trivial) };
}

/** The first psABI clean-up rule (or the C++ ABI rule) that applies to these merged classes. */
function cleanupReason(
  t: CType,
  eightbytes: EightbyteExplanation[],
  unaligned: string[],
  trivial: boolean,
): CleanupReason {
  if (!trivial) return 'non-trivial';
  if (unaligned.length > 0) return 'unaligned';
  const classes = eightbytes.map((e) => e.merged);
  if (classes[0] === 'COMPLEX_X87' && t.kind === 'complex') return 'complex-x87';
  const aggregate = t.kind === 'record' || t.kind === 'array';
  if (
    aggregate &&
    classes.length > 2 &&
    (classes[0] !== 'SSE' || classes.slice(1).some((c) => c !== 'SSEUP'))
  )
    return 'more-than-two';
  let sseup = false;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    const prev = i > 0 ? classes[i - 1] : undefined;
    if (c === 'MEMORY') return 'merged-memory';
    if (c === 'SSEUP' && prev !== 'SSE' && prev !== 'SSEUP') {
      classes[i] = 'SSE';
      sseup = true;
    }
    if (c === 'X87UP' && prev !== 'X87') return 'x87up-alone';
  }
  return sseup ? 'sseup-to-sse' : null;
}

/** The checker's symbol tables: variables, functions, `@tuple` classes, C imports and builtins. */
import type { Span } from '../diag';
import type { CImport, ClassDef, FunctionDef, LocalVar } from './ast';
import type { CodonType } from './types';

export interface VarInfo {
  name: string;
  type: CodonType;
  span: Span;
  isParam: boolean;
}

export interface FnInfo {
  def: FunctionDef;
  /** Parameter types (null where the annotation was missing or wrong: an error was reported). */
  params: (CodonType | null)[];
  /** The annotated return type, or a type variable bound by the `return` statements. */
  ret: CodonType;
  state: 'unchecked' | 'checking' | 'done';
  /** Every name the body assigns (Python's rule: such a name is local in the whole function). */
  localNames: Set<string>;
}

export interface ClassInfo {
  def: ClassDef;
  type: CodonType;
}

export interface CFnInfo {
  imp: CImport;
  params: CodonType[];
  ret: CodonType;
}

/** The variables of the module or of one function call frame. */
export class Scope {
  readonly vars = new Map<string, VarInfo>();
  readonly order: LocalVar[] = [];
  loopDepth = 0;
  constructor(readonly fn: FnInfo | null) {}

  declare(name: string, type: CodonType, span: Span, isParam: boolean): VarInfo {
    const info: VarInfo = { name, type, span, isParam };
    this.vars.set(name, info);
    this.order.push({ name, type, span, isParam });
    return info;
  }
}

/** Builtins the simulator models. */
export const BUILTINS = new Set([
  'print',
  'len',
  'range',
  'int',
  'float',
  'float32',
  'bool',
  'byte',
  'str',
  'cobj',
  'Ptr',
  'ptr',
  'List',
  'list',
  '__ptr__',
  // dict.codon, set.codon, misc.codon
  'dict',
  'set',
  'enumerate',
  // intn.codon's fixed-width integers
  'i8',
  'i16',
  'i32',
  'i64',
  'u8',
  'u16',
  'u32',
  'u64',
]);

/** Codon builtins that exist but that the simulator does not model (so "not defined" would be a lie). */
export const UNMODELLED_BUILTINS = new Set([
  'abs',
  'min',
  'max',
  'sum',
  'round',
  'pow',
  'sorted',
  'reversed',
  'zip',
  'map',
  'filter',
  'input',
  'open',
  'isinstance',
  'type',
  'id',
  'hash',
  'ord',
  'chr',
  'hex',
  'oct',
  'bin',
  'repr',
  'iter',
  'next',
  'any',
  'all',
  'divmod',
  'tuple',
  'exit',
  'super',
  'getattr',
  'setattr',
  'hasattr',
  'Optional',
  'Dict',
  'Set',
  'Tuple',
  'Array',
  'Int',
  'UInt',
  'float16',
  'float128',
  'bfloat16',
  'Function',
  'Callable',
  'Generator',
  'pyobj',
  'staticlen',
  'compile_error',
  'sizeof',
]);

/**
 * The methods Codon 0.19 defines on `Ptr` (stdlib/internal/types/ptr.codon) that a program calls by
 * name: the simulator models indexing, `+`, `-` and comparisons through their operators; a call of
 * any of these by name is reported as not modelled, never as a missing attribute.
 */
export const CODON_PTR_METHODS = new Set([
  '__int__',
  '__copy__',
  '__bool__',
  '__getitem__',
  '__setitem__',
  '__add__',
  '__sub__',
  '__eq__',
  '__ne__',
  '__lt__',
  '__gt__',
  '__le__',
  '__ge__',
  '__prefetch_r0__',
  '__prefetch_r1__',
  '__prefetch_r2__',
  '__prefetch_r3__',
  '__prefetch_w0__',
  '__prefetch_w1__',
  '__prefetch_w2__',
  '__prefetch_w3__',
  'as_byte',
  '__repr__',
]);

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The closest known name, if it is close enough to be a likely typo. */
export function suggestName(name: string, candidates: Iterable<string>): string | null {
  const allowed = name.length <= 3 ? 1 : 2;
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d <= allowed && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

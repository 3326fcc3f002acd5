/**
 * The simulator's fixed descriptions, stored in the trace as a message id plus parameters (issue 15),
 * like the names of objects and regions (names.ts): the type descriptions of runtime objects, the
 * register roles, the call table's labels and placements, the glossed cell paths and the ABI check's
 * details. A parameter is code (a C++ or Codon spelling, a register, an identifier: shown as written),
 * a number, or another term. The English and Chinese templates are in src/sim/messages (en.ts, zh.ts);
 * `formatText` in messages/format.ts renders one.
 */

export const TermId = {
  // Type descriptions of runtime objects ({0} is the C type, which stays code).
  rtldGlobal: 'type.rtld-global',
  loaderLock: 'type.loader-lock',
  ioLock: 'type.io-lock',
  libc: 'type.libc',
  threadHead: 'type.thread-head',
  codePointer: 'type.code-pointer',
  stackFrame: 'type.stack-frame',
  chunkHeader: 'type.chunk-header',
  noObject: 'type.no-object',
  frameLink: 'type.frame-link',
  calleeSavedRegister: 'type.callee-saved-register',
  // Glossed cell paths.
  tcbSelf: 'path.tcb-self',
  saved: 'path.saved',
  savedRbp: 'path.saved-rbp',
  savedRbx: 'path.saved-rbx',
  sizeFlags: 'path.size-flags',
  /** A padding cell (abi/layout.ts `PADDING_PATH`), after the element path it belongs to. */
  padding: 'path.padding',
  // The call table: labels and where a value travels.
  argument: 'call.argument',
  result: 'call.result',
  hiddenResultPointer: 'call.hidden-result-pointer',
  inMemory: 'place.memory',
  onStack: 'place.stack',
  nowhere: 'place.nowhere',
  nothing: 'place.nothing',
  // The ABI check's details ({0} is the argument's number; placements are terms).
  argMissing: 'abi.arg-missing',
  argExtra: 'abi.arg-extra',
  argPlaced: 'abi.arg-placed',
  argTyped: 'abi.arg-typed',
  resultUnset: 'abi.result-unset',
  resultHidden: 'abi.result-hidden',
  resultPlaced: 'abi.result-placed',
  resultTyped: 'abi.result-typed',
  /** Two details in a row: `{0}; {1}`. */
  details: 'abi.details',
  // Register roles.
  x86Rax: 'reg.x86.rax',
  x86Rcx: 'reg.x86.rcx',
  x86Rdx: 'reg.x86.rdx',
  x86Rsi: 'reg.x86.rsi',
  x86Rdi: 'reg.x86.rdi',
  x86Rbp: 'reg.x86.rbp',
  x86R8: 'reg.x86.r8',
  x86R9: 'reg.x86.r9',
  x86Xmm0: 'reg.x86.xmm0',
  x86Xmm1: 'reg.x86.xmm1',
  floatArgument: 'reg.float-argument',
  x87Top: 'reg.x87-top',
  x87Stack: 'reg.x87-stack',
  x87Depth: 'reg.x87-depth',
  calleeSaved: 'reg.callee-saved',
  scratch: 'reg.scratch',
  stackPointer: 'reg.stack-pointer',
  a64X0: 'reg.a64.x0',
  a64X1: 'reg.a64.x1',
  a64Argument: 'reg.a64.argument',
  a64X8: 'reg.a64.x8',
  a64Platform: 'reg.a64.platform',
  a64Fp: 'reg.a64.fp',
  a64Lr: 'reg.a64.lr',
  a64V0: 'reg.a64.v0',
  a64FloatArgument: 'reg.a64.float-argument',
  // Register values.
  x87Empty: 'reg.x87-empty',
} as const satisfies Record<string, `${string}.${string}`>;
export type TermId = (typeof TermId)[keyof typeof TermId];

/** A description as the trace stores it. */
export interface Term {
  readonly id: TermId;
  readonly params: readonly TermParam[];
}
export type TermParam = string | number | Term;

/**
 * What a type, a label, a placement or a cell path shows: code (a string, shown as written in every
 * language: `std::array<double, 4>`, `bar`, `rdi`, `arr[2].x`) or one of the simulator's descriptions.
 */
export type CodeOrTerm = string | Term;

/** A description with parameters. */
export function term(id: TermId, ...params: TermParam[]): Term {
  return { id, params };
}

export function isTerm(p: unknown): p is Term {
  return typeof p === 'object' && p !== null && 'id' in p && 'params' in p;
}

/** A key equal for equal texts (interning); code and terms never share a key. */
export function textKey(t: CodeOrTerm): string {
  if (typeof t === 'string') return `\u0003${t}`;
  let s: string = t.id;
  for (const p of t.params) s += typeof p === 'object' ? `\u0001${textKey(p)}\u0002` : `\u0000${String(p)}`;
  return s;
}

/** The ABI check's details as one term: `a; b; c` (null for none). */
export function joinDetails(details: readonly Term[]): Term | null {
  let out: Term | null = null;
  for (const d of details) out = out === null ? d : term(TermId.details, out, d);
  return out;
}

/** The details of a joined term, in order (the inverse of `joinDetails`). */
export function splitDetails(t: Term): Term[] {
  if (t.id !== TermId.details) return [t];
  return t.params.flatMap((p) => (isTerm(p) ? splitDetails(p) : []));
}

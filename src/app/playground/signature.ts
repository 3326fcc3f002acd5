// What the signature strip shows: the boundary declaration pair of the call the learner is at (or the
// next one), split into parts, with the parts the simulator's ABI check found to disagree marked. The
// verdict is the check's own finding; nothing here re-derives the ABI.
import { boundaryCallList } from '../../sim/trace/tables.ts';
import type { BoundaryCall, Finding, Trace } from '../../sim/trace/types.ts';
import { TermId, isTerm, splitDetails } from '../../sim/trace/terms.ts';

/** One piece of a signature: the return type, the name, punctuation or one parameter. */
export type SigPart =
  | { kind: 'text'; text: string }
  | { kind: 'name'; text: string }
  | { kind: 'result'; text: string; differs: boolean }
  | { kind: 'param'; index: number; text: string; differs: boolean };

export interface SignaturePair {
  symbol: string;
  /** What the C++ defines, as the simulator normalised it (`std::array<double, 4> foo()`). */
  cpp: SigPart[];
  /** What Codon declares (`foo() -> Ptr[float]`). */
  codon: SigPart[];
  /** The C++ definition's line, and the Codon `from C import` line when the check names it. */
  cppLine: number | null;
  codonLine: number | null;
  /** The ABI check's finding for this call site, or null when both sides agree. */
  verdict: Finding | null;
  mismatch: boolean;
}

/** Which parts the check names: `result: ...` and `argument N: ...` details (src/sim/run/routes.ts). */
export interface Disagreement {
  result: boolean;
  params: Set<number>;
}

const CHECK_KINDS = new Set<Finding['kind']>(['abi-mismatch', 'type-mismatch']);

/** The call the learner is at: the one in progress, else the next, else the last before. */
export function currentCall(trace: Trace, step: number): BoundaryCall | null {
  const calls = boundaryCallList(trace.boundaryCalls);
  let before: BoundaryCall | null = null;
  for (const c of calls) {
    if (c.step <= step && step <= c.returnStep) return c;
    if (c.step > step) return c;
    before = c;
  }
  return before;
}

/** The check's finding at a call site (the first one: one per call site is enough to judge). */
export function verdictOf(trace: Trace, call: BoundaryCall): Finding | null {
  return (
    trace.findings.find(
      (f) => CHECK_KINDS.has(f.kind) && f.side === call.callerLoc.side && f.line === call.callerLoc.line,
    ) ?? null
  );
}

/** The parts a check finding names, read from its details parameter (src/sim/trace/terms.ts). */
export function disagreementOf(finding: Finding | null): Disagreement {
  const out: Disagreement = { result: false, params: new Set() };
  const details = finding?.message.params[1];
  if (!isTerm(details)) return out;
  for (const d of splitDetails(details)) {
    if (RESULT_DETAILS.has(d.id)) out.result = true;
    // An argument's detail has the argument's number (from 1) as its first parameter.
    else if (ARGUMENT_DETAILS.has(d.id) && typeof d.params[0] === 'number') out.params.add(d.params[0] - 1);
  }
  return out;
}

const RESULT_DETAILS = new Set<string>([
  TermId.resultUnset,
  TermId.resultHidden,
  TermId.resultPlaced,
  TermId.resultTyped,
]);
const ARGUMENT_DETAILS = new Set<string>([
  TermId.argMissing,
  TermId.argExtra,
  TermId.argPlaced,
  TermId.argTyped,
]);

/** Splits a parameter list at its top-level commas (`std::array<double, 4>` stays one). */
export function splitParams(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '<' || ch === '[' || ch === '(') depth++;
    if (ch === '>' || ch === ']' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

function paramParts(list: string[], d: Disagreement): SigPart[] {
  const parts: SigPart[] = [];
  list.forEach((text, index) => {
    if (index > 0) parts.push({ kind: 'text', text: ', ' });
    parts.push({ kind: 'param', index, text, differs: d.params.has(index) });
  });
  return parts;
}

/** `RET name(A, B)` as parts; the whole text as one part when it has another shape. */
export function cppParts(signature: string, symbol: string, d: Disagreement): SigPart[] {
  const at = signature.indexOf(`${symbol}(`);
  if (at < 0 || !signature.endsWith(')')) return [{ kind: 'text', text: signature }];
  const ret = signature.slice(0, at).trim();
  const params = splitParams(signature.slice(at + symbol.length + 1, -1));
  return [
    { kind: 'result', text: ret, differs: d.result },
    { kind: 'text', text: ' ' },
    { kind: 'name', text: symbol },
    { kind: 'text', text: '(' },
    ...paramParts(params, d),
    { kind: 'text', text: ')' },
  ];
}

/** `name(A, B) -> RET` as parts. */
export function codonParts(signature: string, symbol: string, d: Disagreement): SigPart[] {
  const arrow = signature.lastIndexOf(') -> ');
  if (!signature.startsWith(`${symbol}(`) || arrow < 0) return [{ kind: 'text', text: signature }];
  const params = splitParams(signature.slice(symbol.length + 1, arrow));
  return [
    { kind: 'name', text: symbol },
    { kind: 'text', text: '(' },
    ...paramParts(params, d),
    { kind: 'text', text: ') -> ' },
    { kind: 'result', text: signature.slice(arrow + 5), differs: d.result },
  ];
}

/** The strip's content at a step, or null when the run makes no foreign call. */
export function signaturePair(trace: Trace, step: number): SignaturePair | null {
  const call = currentCall(trace, step);
  if (call === null) return null;
  const verdict = call.mismatch ? verdictOf(trace, call) : null;
  const d = disagreementOf(verdict);
  return {
    symbol: call.symbol,
    cpp: cppParts(call.calleeSignature, call.symbol, d),
    codon: codonParts(call.callerSignature, call.symbol, d),
    cppLine: call.calleeLoc?.line ?? null,
    codonLine: verdict?.related.find((r) => r.side === 'codon')?.line ?? null,
    verdict,
    mismatch: call.mismatch,
  };
}

/**
 * The narration builder: the one plain sentence of a step, from the trace's message id and
 * parameters (the simulator's catalogues say what happened and why it matters), in either language.
 */
import { formatMessage, type Locale } from '../messages/format.ts';
import { stepCount, stepMessage } from '../trace/reader.ts';
import { boundaryCallList } from '../trace/tables.ts';
import type { MessageRef, Trace } from '../trace/types.ts';
import type { StepView } from './step-view.ts';

/** Findings that say the two declarations of a call do not fit (the call is not a match). */
const DISAGREEMENTS = new Set(['abi-mismatch', 'type-mismatch', 'abi-coincidence']);

/**
 * The step's message as the learner should read it. The simulator narrates every foreign call with
 * what each side believes; when the trace shows the two sides agree (the call table marks no mismatch
 * and no finding at the call says the declarations differ), that framing would suggest a bug where
 * there is none, so the call is told as a match.
 */
export function narrationMessage(trace: Trace, step: number): MessageRef {
  const message = stepMessage(trace, step);
  if (message.id !== 'boundary.call') return message;
  const call = boundaryCallList(trace.boundaryCalls).find((c) => c.step === step);
  if (call === undefined || call.mismatch) return message;
  if (trace.findings.some((f) => f.step === step && DISAGREEMENTS.has(f.kind))) return message;
  return { id: 'boundary.call-match', params: [call.symbol, call.callerSignature, call.calleeSignature] };
}

/** The sentence spoken and shown for a step ('' for a run without steps). */
export function narrationAt(trace: Trace, step: number, locale: Locale): string {
  const n = stepCount(trace);
  if (n === 0) return '';
  return formatMessage(narrationMessage(trace, Math.max(0, Math.min(step, n - 1))), locale);
}

/** The sentence of a snapshot, in `locale`. */
export function narrate(view: StepView, locale: Locale): string {
  return view.total === 0 ? '' : formatMessage(view.message, locale);
}

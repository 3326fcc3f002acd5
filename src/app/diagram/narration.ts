/**
 * The one plain sentence of a step, from the trace's message id and parameters (the simulator's
 * catalogues say what happened and why it matters), plus any finding or crash recorded at it.
 */
import { formatMessage } from '../../sim/messages/format.ts';
import type { MessageRef, Trace } from '../../sim/trace/types.ts';
import type { Locale } from './strings.ts';

/** The narration message of a step, as stored in the trace. */
export function stepMessage(trace: Trace, step: number): MessageRef {
  const s = trace.steps;
  const id = trace.messageIds[s.message[step] ?? 0] ?? '';
  const from = s.paramStart[step] ?? 0;
  const to = step + 1 < s.count ? (s.paramStart[step + 1] ?? from) : trace.params.length;
  return { id, params: trace.params.slice(from, to) };
}

/** The sentence spoken and shown for a step. */
export function narrationAt(trace: Trace, step: number, locale: Locale): string {
  const st = Math.max(0, Math.min(step, trace.steps.count - 1));
  if (trace.steps.count === 0) return '';
  return formatMessage(stepMessage(trace, st), locale);
}

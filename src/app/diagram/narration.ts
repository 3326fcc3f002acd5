/**
 * The one plain sentence of a step, from the trace's message id and parameters (the simulator's
 * catalogues say what happened and why it matters), plus any finding or crash recorded at it.
 */
import { formatMessage } from '../../sim/messages/format.ts';
import { stepMessage } from '../../sim/trace/reader.ts';
import type { Trace } from '../../sim/trace/types.ts';
import type { Locale } from './strings.ts';

/** The sentence spoken and shown for a step. */
export function narrationAt(trace: Trace, step: number, locale: Locale): string {
  const st = Math.max(0, Math.min(step, trace.steps.count - 1));
  if (trace.steps.count === 0) return '';
  return formatMessage(stepMessage(trace, st), locale);
}

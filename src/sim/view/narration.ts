/**
 * The narration builder: the one plain sentence of a step, from the trace's message id and
 * parameters (the simulator's catalogues say what happened and why it matters), in either language.
 */
import { formatMessage, type Locale } from '../messages/format.ts';
import { stepCount, stepMessage } from '../trace/reader.ts';
import type { Trace } from '../trace/types.ts';
import type { StepView } from './step-view.ts';

/** The sentence spoken and shown for a step ('' for a run without steps). */
export function narrationAt(trace: Trace, step: number, locale: Locale): string {
  const n = stepCount(trace);
  if (n === 0) return '';
  return formatMessage(stepMessage(trace, Math.max(0, Math.min(step, n - 1))), locale);
}

/** The sentence of a snapshot, in `locale`. */
export function narrate(view: StepView, locale: Locale): string {
  return view.total === 0 ? '' : formatMessage(view.message, locale);
}

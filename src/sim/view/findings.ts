/** The findings builder: which of the run's findings the learner has seen by a point of the run. */
import type { Finding, Trace } from '../trace/types.ts';
import type { StepEventInfo } from './events.ts';

/**
 * The findings recorded by step `st` (inside a step reached event by event, only those whose event
 * has run), with their indices in trace.findings.
 */
export function findingsBy(
  trace: Trace,
  st: number,
  info: StepEventInfo,
  partial: boolean,
): { f: Finding; i: number }[] {
  return trace.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f, i }) => f.step < st || (f.step === st && (!partial || info.findings.includes(i))));
}

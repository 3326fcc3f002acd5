// Where each stepping command goes, as pure functions of a trace and a position. Stepping never re-runs
// anything: a position is a step index, plus an event index when stepping machine event by machine event.
import type { Trace } from '../../sim/trace/types';
import { traceIndex } from './trace-index';
import { stepCount, stepEvents } from '../../sim/trace/reader.ts';

/** A place in a run: a step, and optionally how many of the run's events have been applied. */
export interface Position {
  step: number;
  /**
   * Events [0, eventEnd) are applied: within the step's own range. Null means the whole step has run
   * (what stepping by source step shows).
   */
  eventEnd: number | null;
}

/** Source steps (statements, calls, returns) or single machine events (each register move, each write). */
export type Granularity = 'step' | 'event';

export type StepCommand = 'forward' | 'back' | 'start' | 'end' | 'over' | 'out';

/** The events of a step: [start, end). */
export const eventRange = stepEvents;

/** The last step of a run. */
export function lastStep(trace: Trace): number {
  return Math.max(0, stepCount(trace) - 1);
}

/** A position inside the run: the step clamped, the event (if any) clamped into the step. */
export function clampPosition(trace: Trace, pos: Position): Position {
  const step = Math.max(0, Math.min(Math.floor(pos.step), lastStep(trace)));
  if (pos.eventEnd === null) return { step, eventEnd: null };
  const { start, end } = eventRange(trace, step);
  const eventEnd = Math.max(start, Math.min(pos.eventEnd, end));
  return { step, eventEnd: eventEnd === end ? null : eventEnd };
}

/** Where a command leads from `pos`. Unchanged when there is nowhere to go. */
export function move(trace: Trace, pos: Position, command: StepCommand, granularity: Granularity): Position {
  const last = lastStep(trace);
  switch (command) {
    case 'start':
      return granularity === 'event'
        ? { step: 0, eventEnd: eventRange(trace, 0).start }
        : { step: 0, eventEnd: null };
    case 'end':
      return { step: last, eventEnd: null };
    case 'forward':
      if (granularity === 'event') return eventForward(trace, pos);
      // From the middle of a step (left there by event stepping), "forward" first finishes that step.
      if (pos.eventEnd !== null) return { step: pos.step, eventEnd: null };
      return { step: Math.min(last, pos.step + 1), eventEnd: null };
    case 'back':
      if (granularity === 'event') return eventBack(trace, pos);
      return { step: Math.max(0, pos.step - 1), eventEnd: null };
    case 'over':
      return { step: stepOver(trace, pos.step), eventEnd: null };
    case 'out':
      return { step: stepOut(trace, pos.step), eventEnd: null };
  }
}

function eventForward(trace: Trace, pos: Position): Position {
  const { end } = eventRange(trace, pos.step);
  if (pos.eventEnd !== null && pos.eventEnd < end) {
    const next = pos.eventEnd + 1;
    return { step: pos.step, eventEnd: next === end ? null : next };
  }
  if (pos.step >= lastStep(trace)) return { step: pos.step, eventEnd: null };
  const step = pos.step + 1;
  const range = eventRange(trace, step);
  // Arrive at the new step before any of its events: its line and narration first, then each event.
  return { step, eventEnd: range.start === range.end ? null : range.start };
}

function eventBack(trace: Trace, pos: Position): Position {
  const { start, end } = eventRange(trace, pos.step);
  const applied = pos.eventEnd ?? end;
  if (applied > start) return { step: pos.step, eventEnd: applied - 1 };
  if (pos.step === 0) return pos;
  // The previous step with all its events applied.
  return { step: pos.step - 1, eventEnd: null };
}

/** The next step at the same call depth or shallower: a call made from here runs without stopping. */
export function stepOver(trace: Trace, step: number): number {
  const { depth } = traceIndex(trace);
  const d = depth[step] ?? 0;
  for (let j = step + 1; j < stepCount(trace); j++) if ((depth[j] ?? 0) <= d) return j;
  return lastStep(trace);
}

/** The next step in a shallower frame: the rest of the current function runs without stopping. */
export function stepOut(trace: Trace, step: number): number {
  const { depth } = traceIndex(trace);
  const d = depth[step] ?? 0;
  for (let j = step + 1; j < stepCount(trace); j++) if ((depth[j] ?? 0) < d) return j;
  return lastStep(trace);
}

/** True when `command` from `pos` would move. */
export function canMove(
  trace: Trace,
  pos: Position,
  command: StepCommand,
  granularity: Granularity,
): boolean {
  const next = move(trace, pos, command, granularity);
  return next.step !== pos.step || next.eventEnd !== pos.eventEnd;
}

/**
 * What both interpreters share about statements: how a statement ends (`Flow`), the step a
 * statement starts with, and what a loop does with the way its body ended.
 */
import type { Machine } from '../machine/machine.ts';
import { StepKind, type SourceLoc, type SourceSide } from '../trace/types.ts';

/** How a statement ended: fell through, or left by `break`, `continue` or `return`. */
export const Flow = { Normal: 0, Break: 1, Continue: 2, Return: 3 } as const;
export type Flow = (typeof Flow)[keyof typeof Flow];

/** The step a statement starts with; returns its index. */
export function statementStep(
  m: Machine,
  side: SourceSide,
  loc: SourceLoc,
  message: string,
  params?: readonly (string | number)[],
): number {
  return m.step(StepKind.Statement, side, loc, message, params);
}

/**
 * What a loop does after its body ended with `fl`: null to go on (normally or by `continue`),
 * otherwise the flow the loop itself ends with (`Normal` after a `break`, `Return` passed on).
 */
export function loopExit(fl: Flow): Flow | null {
  if (fl === Flow.Break) return Flow.Normal;
  if (fl === Flow.Return) return fl;
  return null;
}

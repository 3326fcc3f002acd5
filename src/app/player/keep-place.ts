// Keeping the learner's place across a re-run: after an edit, land on the same step at the same source
// line if the new run reaches it, else on the nearest step before it.
import type { SourceSide, Trace } from '../../sim/trace/types';
import { lineAt, sideAt } from './trace-index';
import { clampPosition, eventRange, type Position } from './stepping';
import { stepCount, stepLineAt } from '../../sim/trace/reader.ts';

/**
 * Where line `line` (1-based) of `before` is in `after`, judged by the unchanged lines around the edit:
 * lines above the edit keep their number, lines below shift by the edit's growth, and a line inside the
 * edited block keeps its offset into the block, clamped to the new block.
 */
export function mapLine(before: string, after: string, line: number): number {
  if (before === after) return line;
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  if (line <= prefix) return line;
  if (line > a.length - suffix) return line + (b.length - a.length);
  // Inside the edited block [prefix + 1, a.length - suffix] -> [prefix + 1, b.length - suffix].
  const newLast = b.length - suffix;
  return Math.max(prefix + 1, Math.min(line, Math.max(prefix + 1, newLast)));
}

/** The code a trace was made from, by side. */
export interface RunSource {
  cpp: string;
  codon: string;
}

/** How many times (counting this one) the run has been at this step's side and line, up to `step`. */
function visitNumber(trace: Trace, step: number): number {
  const { side, line } = stepLineAt(trace, step);
  let count = 0;
  for (let i = 0; i <= step; i++) {
    const at = stepLineAt(trace, i);
    if (at.side === side && at.line === line) count++;
  }
  return count;
}

/**
 * The position in `next` that corresponds to `pos` in `prev`: the same visit (the k-th time the run is at
 * that line) of the same line, mapped through the edit, when the new run gets there; else the step with
 * the same number if it is at that line; else the last visit of that line before the old step number;
 * else the nearest step before it (the old step number, clamped to the new run).
 */
export function keepPlace(
  prev: Trace,
  prevSource: RunSource,
  pos: Position,
  next: Trace,
  nextSource: RunSource,
): Position {
  if (stepCount(next) === 0) return { step: 0, eventEnd: null };
  const old = clampPosition(prev, pos);
  const side: SourceSide = sideAt(prev, old.step);
  const oldLine = lineAt(prev, old.step);
  const line =
    side === 'cpp' || side === 'codon' ? mapLine(prevSource[side], nextSource[side], oldLine) : oldLine;
  const atLine = (i: number): boolean => {
    const at = stepLineAt(next, i);
    return at.side === side && at.line === line;
  };
  const withEvent = (step: number): Position => {
    if (old.eventEnd === null) return { step, eventEnd: null };
    // Keep the same number of the step's events applied, as far as the new step has them.
    const offset = old.eventEnd - eventRange(prev, old.step).start;
    return clampPosition(next, { step, eventEnd: eventRange(next, step).start + offset });
  };

  if (oldLine > 0) {
    const k = visitNumber(prev, old.step);
    let seen = 0;
    for (let i = 0; i < stepCount(next); i++) {
      if (atLine(i) && ++seen === k) return withEvent(i);
    }
  }
  const last = stepCount(next) - 1;
  const same = Math.min(old.step, last);
  if (same === old.step && atLine(same)) return withEvent(same);
  if (oldLine > 0) {
    for (let i = same; i >= 0; i--) if (atLine(i)) return { step: i, eventEnd: null };
  }
  return { step: same, eventEnd: null };
}

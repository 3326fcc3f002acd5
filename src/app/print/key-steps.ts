// Which steps of a run the handout draws: the moments that tell the story of a foreign call (it begins,
// the callee stores its result, control comes back), a collection, the crash and the end, each only if
// the run gets there, plus any moment a question of the lesson stops at. Moments that fall on the same
// step share one picture.
import { findMoment, MOMENTS, type Moment } from '../player/moments';
import type { Trace } from '../../sim/trace/types';

/** The moments every playground's handout shows when its run reaches them. */
export const HANDOUT_MOMENTS: readonly Moment[] = [
  'call',
  'callee-write',
  'call-return',
  'gc',
  'crash',
  'end',
];

/** A step the handout draws, and the moments that happen at it (in the order MOMENTS lists them). */
export interface KeyStep {
  step: number;
  moments: Moment[];
}

/** The key steps of a run, in step order: `HANDOUT_MOMENTS` plus `asked`, those the run reaches. */
export function keySteps(trace: Trace, asked: readonly Moment[] = []): KeyStep[] {
  const wanted = new Set<Moment>([...HANDOUT_MOMENTS, ...asked]);
  const byStep = new Map<number, Moment[]>();
  for (const moment of MOMENTS) {
    if (!wanted.has(moment)) continue;
    const step = findMoment(trace, moment);
    if (step === null) continue;
    const list = byStep.get(step);
    if (list) list.push(moment);
    else byStep.set(step, [moment]);
  }
  return [...byStep.entries()].sort(([a], [b]) => a - b).map(([step, moments]) => ({ step, moments }));
}

// Values derived from the player state, read by several slices and components.
import { findMoment } from '../player/moments';
import type { PlayerState, PredictStop } from './types';

/** The Predicts that apply to the run on show: same program, target and leftover. */
export function applicableStops(
  state: Pick<PlayerState, 'predictStops' | 'programId' | 'trace' | 'traceInput'>,
): PredictStop[] {
  const input = state.traceInput;
  if (!state.trace || !input) return [];
  return state.predictStops.filter(
    (s) => s.programId === state.programId && s.target === input.target && s.leftover === input.leftover,
  );
}

/** Each applicable Predict's step in the run on show, in step order. */
export function stopSteps(
  state: Pick<PlayerState, 'predictStops' | 'programId' | 'trace' | 'traceInput'>,
): { id: string; step: number }[] {
  const trace = state.trace;
  if (!trace) return [];
  const out: { id: string; step: number }[] = [];
  for (const stop of applicableStops(state)) {
    const step = findMoment(trace, stop.moment);
    if (step !== null) out.push({ id: stop.id, step });
  }
  return out.sort((a, b) => a.step - b.step);
}

/** True when the trace on show was made from the code, target and leftover now selected. */
export function isTraceCurrent(
  state: Pick<PlayerState, 'trace' | 'traceInput' | 'code' | 'target' | 'leftover'>,
): boolean {
  const input = state.traceInput;
  return (
    state.trace !== null &&
    input !== null &&
    input.code.cpp === state.code.cpp &&
    input.code.codon === state.code.codon &&
    input.target === state.target &&
    input.leftover === state.leftover
  );
}

// The run slice: which target and leftover setting the runs use, and the newest run's trace. Runs are
// numbered; a result that is not the newest one asked for is dropped, so an old run never wins.
import type { StateCreator } from 'zustand/vanilla';
import { keepPlace } from '../player/keep-place';
import { findMoment } from '../player/moments';
import { clampPosition, type Position } from '../player/stepping';
import type { PlayerState, RunSlice } from './types';
import { applicableStops } from './selectors';
import { stepCount } from '../../sim/trace/reader.ts';

export const runSlice: StateCreator<PlayerState, [], [], RunSlice> = (set, get) => ({
  target: 'x86_64',
  leftover: 'runtime-data',
  runSeq: 0,
  running: false,
  trace: null,
  traceInput: null,
  verdict: null,
  runError: null,
  setTarget: (target) => {
    if (get().target !== target) set({ target });
  },
  setLeftover: (leftover) => {
    if (get().leftover !== leftover) set({ leftover });
  },
  beginRun: () => {
    const id = get().runSeq + 1;
    set({ runSeq: id, running: true });
    return id;
  },
  finishRun: (id, input, result) => {
    const state = get();
    if (id !== state.runSeq) return;
    const { trace } = result;
    const verdict = {
      ...input,
      outcome: trace ? trace.outcome : result.outcome,
      diagnostics: result.diagnostics,
      findingKinds: trace ? trace.findings.map((f) => f.kind) : [],
      stdout: trace ? trace.output.join('') : '',
    };
    if (!trace || stepCount(trace) === 0) {
      // The code does not compile: keep showing the last run that did, with the diagnostics.
      set({ running: false, verdict, runError: null });
      return;
    }
    let pos: Position = { step: 0, eventEnd: null };
    let pendingPredict = state.pendingPredict;
    const wantedStop = state.wantedStop
      ? applicableStops({ ...state, trace, traceInput: input }).find((s) => s.id === state.wantedStop)
      : undefined;
    const stopStep = wantedStop ? findMoment(trace, wantedStop.moment) : null;
    if (wantedStop && stopStep !== null) {
      pos = { step: stopStep, eventEnd: null };
      pendingPredict = wantedStop.id;
    } else if (state.wantedStep !== null) {
      pos = clampPosition(trace, { step: state.wantedStep, eventEnd: null });
    } else if (state.trace && state.traceInput) {
      pos = keepPlace(
        state.trace,
        state.traceInput.code,
        { step: state.step, eventEnd: state.eventEnd },
        trace,
        input.code,
      );
    }
    set({
      running: false,
      trace,
      traceInput: input,
      verdict,
      runError: null,
      step: pos.step,
      eventEnd: pos.eventEnd,
      wantedStep: null,
      wantedStop: null,
      pendingPredict,
    });
  },
  failRun: (id, message) => {
    if (id !== get().runSeq) return;
    set({ running: false, runError: message });
  },
});

// The playback slice: the position in the run, play/pause and speed, the stepping granularity, and the
// lesson's Predict stops (the player stops at an unanswered question's moment and asks).
import type { StateCreator } from 'zustand/vanilla';
import { findMoment } from '../player/moments';
import { clampPosition, lastStep, move, type Position } from '../player/stepping';
import { applicableStops, stopSteps } from './selectors';
import { DEFAULT_SPEED_INDEX, PLAYBACK_SPEEDS, type PlaybackSlice, type PlayerState } from './types';

const FORWARD_COMMANDS = new Set(['forward', 'over', 'out']);

export const playbackSlice: StateCreator<PlayerState, [], [], PlaybackSlice> = (set, get) => ({
  step: 0,
  eventEnd: null,
  playing: false,
  speedIndex: DEFAULT_SPEED_INDEX,
  granularity: 'step',
  wantedStep: null,
  wantedStop: null,
  pendingPredict: null,
  predictStops: [],
  goTo: (pos) => {
    const { trace } = get();
    if (!trace) {
      set({ wantedStep: pos.step });
      return;
    }
    const next = clampPosition(trace, pos);
    set({ step: next.step, eventEnd: next.eventEnd, pendingPredict: null });
  },
  command: (command, granularity) => {
    const state = get();
    const { trace } = state;
    if (!trace) return;
    const from: Position = { step: state.step, eventEnd: state.eventEnd };
    let next = move(trace, from, command, granularity ?? state.granularity);
    let pendingPredict: string | null =
      command === 'back' || command === 'start' ? null : state.pendingPredict;
    if (FORWARD_COMMANDS.has(command) && next.step > from.step) {
      // The first unanswered question on the way stops the player there.
      const stop = stopSteps(state).find((s) => s.step > from.step && s.step <= next.step);
      if (stop) {
        next = { step: stop.step, eventEnd: null };
        pendingPredict = stop.id;
      } else {
        pendingPredict = null;
      }
    }
    const stopped = pendingPredict !== null && pendingPredict !== state.pendingPredict;
    set({
      step: next.step,
      eventEnd: next.eventEnd,
      pendingPredict,
      playing: state.playing && !stopped,
    });
  },
  play: () => {
    const { trace, step, eventEnd } = get();
    if (!trace) return;
    // Playing from the end starts over.
    if (step >= lastStep(trace) && eventEnd === null) set({ step: 0, eventEnd: null, pendingPredict: null });
    set({ playing: true });
  },
  pause: () => {
    if (get().playing) set({ playing: false });
  },
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  tick: () => {
    const { trace, playing } = get();
    if (!trace || !playing) return;
    get().command('forward');
    const after = get();
    if (after.step >= lastStep(trace) && after.eventEnd === null) set({ playing: false });
  },
  setSpeedIndex: (index) =>
    set({ speedIndex: Math.max(0, Math.min(PLAYBACK_SPEEDS.length - 1, Math.round(index))) }),
  setGranularity: (granularity) => {
    if (get().granularity === granularity) return;
    // Leaving event stepping shows the current step whole.
    set(granularity === 'step' ? { granularity, eventEnd: null } : { granularity });
  },
  registerStop: (stop) => {
    set((state) => ({ predictStops: [...state.predictStops.filter((s) => s.id !== stop.id), stop] }));
    return () =>
      set((state) => ({
        predictStops: state.predictStops.filter((s) => s !== stop),
        pendingPredict: state.pendingPredict === stop.id ? null : state.pendingPredict,
      }));
  },
  requestStop: (stopId) => {
    const state = get();
    const stop = applicableStops(state).find((s) => s.id === stopId);
    const step = stop && state.trace ? findMoment(state.trace, stop.moment) : null;
    if (step !== null) {
      set({ step, eventEnd: null, pendingPredict: stopId, playing: false });
    } else {
      // The run for that question is not there yet: land on the moment when it arrives.
      set({ wantedStop: stopId, pendingPredict: stopId, playing: false });
    }
  },
  resolvePredict: (id) => {
    if (get().pendingPredict === id) set({ pendingPredict: null });
  },
});

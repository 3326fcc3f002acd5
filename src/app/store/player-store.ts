// One player store from its typed slices. Usable outside React (vanilla `createStore`), so tests and the
// worker bridge drive it without a DOM; made per playground, never a module singleton.
import { createStore } from 'zustand/vanilla';
import { codeSlice, lessonSlice } from './code-slice';
import { playbackSlice } from './playback-slice';
import { runSlice } from './run-slice';
import { settingsSlice } from './settings-slice';
import type { PlayerDeps, PlayerState } from './types';

export type PlayerStore = ReturnType<typeof createPlayerStore>;

/** A new, empty player: load a program into it with `loadProgram`. */
export function createPlayerStore(deps: PlayerDeps) {
  return createStore<PlayerState>()((...a) => ({
    ...lessonSlice(deps)(...a),
    ...codeSlice(deps)(...a),
    ...runSlice(...a),
    ...playbackSlice(...a),
    ...settingsSlice(deps)(...a),
  }));
}

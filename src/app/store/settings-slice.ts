// The settings slice: language, theme and motion. Changing the language re-renders text from message
// ids and parameters; it never re-runs the program or moves the player.
import type { StateCreator } from 'zustand/vanilla';
import type { PlayerDeps, PlayerState, SettingsSlice } from './types';

export const settingsSlice =
  (deps: PlayerDeps): StateCreator<PlayerState, [], [], SettingsSlice> =>
  (set) => ({
    locale: deps.settings?.locale ?? 'en',
    theme: deps.settings?.theme ?? 'system',
    motion: deps.settings?.motion ?? 'system',
    setLocale: (locale) => set({ locale }),
    setTheme: (theme) => set({ theme }),
    setMotion: (motion) => set({ motion }),
  });

// React access to a player store. The store comes from the nearest provider, so a page can hold several
// players (the site's, an embed, a comparison) without any module-level singleton.
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { translator, type Translate } from '../i18n';
import type { PlayerStore } from './store/player-store';
import type { CodeSide, PlayerState } from './store/types';

/** Requests the player's parts make of each other: reveal a line in an editor. */
export interface PlayerUi {
  revealLine(side: CodeSide, line: number): void;
  onRevealLine(listener: (side: CodeSide, line: number) => void): () => void;
}

/** A PlayerUi with its own listeners. */
export function createPlayerUi(): PlayerUi {
  const listeners = new Set<(side: CodeSide, line: number) => void>();
  return {
    revealLine: (side, line) => listeners.forEach((l) => l(side, line)),
    onRevealLine: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

interface PlayerContextValue {
  store: PlayerStore;
  ui: PlayerUi;
}

export const PlayerContext = createContext<PlayerContextValue | null>(null);

function usePlayerContext(): PlayerContextValue {
  const value = useContext(PlayerContext);
  if (!value) throw new Error('a player component is used outside a PlayerContext provider');
  return value;
}

/** The store of the player this component belongs to. */
export function usePlayerStore(): PlayerStore {
  return usePlayerContext().store;
}

/** The player's UI requests. */
export function usePlayerUi(): PlayerUi {
  return usePlayerContext().ui;
}

/** Reads one value of the player state and re-renders when it changes. */
export function usePlayer<T>(selector: (state: PlayerState) => T): T {
  return useStore(usePlayerContext().store, selector);
}

/** The UI strings in the player's language. */
export function useT(): Translate {
  const locale = usePlayer((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}

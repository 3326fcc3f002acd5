// The player's clock and keyboard: playback ticks at the chosen speed; shortcuts map keys to commands.
import { useEffect } from 'react';
import { commandForKey, keyContextOf, type PlayerCommand } from '../player/keyboard';
import type { PlayerStore } from '../store/player-store';
import { PLAYBACK_SPEEDS } from '../store/types';

/** Advances the player while it plays, one step per tick at the store's speed. */
export function usePlaybackClock(store: PlayerStore) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      const state = store.getState();
      if (!state.playing) return;
      const perSecond = PLAYBACK_SPEEDS[state.speedIndex] ?? 4;
      timer = setTimeout(() => {
        store.getState().tick();
        schedule();
      }, 1000 / perSecond);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.speedIndex !== prev.speedIndex) schedule();
    });
    schedule();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}

/** Runs a shortcut's command on the store (`help` goes to `onHelp`). */
export function runCommand(store: PlayerStore, command: PlayerCommand, onHelp: () => void) {
  const s = store.getState();
  switch (command) {
    case 'event-forward':
    case 'event-back':
      s.command(command === 'event-forward' ? 'forward' : 'back', 'event');
      return;
    case 'forward':
    case 'back':
    case 'start':
    case 'end':
    case 'over':
    case 'out':
      s.command(command);
      return;
    case 'play-pause':
      s.togglePlay();
      return;
    case 'faster':
      s.setSpeedIndex(s.speedIndex + 1);
      return;
    case 'slower':
      s.setSpeedIndex(s.speedIndex - 1);
      return;
    case 'help':
      onHelp();
      return;
  }
}

/** Listens for the shortcuts on `target` (the window for the site, the player's root for an embed). */
export function useShortcuts(
  store: PlayerStore,
  target: Window | HTMLElement | null,
  onHelp: () => void,
  enabled = true,
) {
  useEffect(() => {
    if (!target || !enabled) return;
    const onKeyDown = (event: Event) => {
      const e = event as KeyboardEvent;
      if (e.defaultPrevented || e.isComposing) return;
      // A dialog (the shortcut list itself) owns the keyboard while it is open.
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      const command = commandForKey(e, keyContextOf(e.target));
      if (!command) return;
      e.preventDefault();
      runCommand(store, command, onHelp);
    };
    target.addEventListener('keydown', onKeyDown);
    return () => target.removeEventListener('keydown', onKeyDown);
  }, [store, target, onHelp, enabled]);
}

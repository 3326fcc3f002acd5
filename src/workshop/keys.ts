// The presenter's own keys, on top of the player's shortcuts (src/app/player/keyboard.ts): clickers send
// Page Up/Down; B and X switch between a bug and a fix; [ and ] walk the course's programs; T switches
// the target; A switches between the presenter and the audience layout; W shows the whole machine
// instead of the stage (and back).
import type { KeyContext, KeyPress } from '../app/player/keyboard';

export type PresenterCommand =
  'forward' | 'back' | 'bug' | 'fix' | 'previous' | 'next' | 'target' | 'layout' | 'whole';

export const PRESENTER_KEYS: readonly { command: PresenterCommand; keys: readonly string[] }[] = [
  { command: 'forward', keys: ['Page Down'] },
  { command: 'back', keys: ['Page Up'] },
  { command: 'bug', keys: ['B'] },
  { command: 'fix', keys: ['X'] },
  { command: 'previous', keys: ['['] },
  { command: 'next', keys: [']'] },
  { command: 'target', keys: ['T'] },
  { command: 'layout', keys: ['A'] },
  { command: 'whole', keys: ['W'] },
];

export function presenterCommandForKey(press: KeyPress, where: KeyContext): PresenterCommand | null {
  if (where.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'PageDown':
      return 'forward';
    case 'PageUp':
      return 'back';
    case 'b':
    case 'B':
      return 'bug';
    case 'x':
    case 'X':
      return 'fix';
    case '[':
      return 'previous';
    case ']':
      return 'next';
    case 't':
    case 'T':
      return 'target';
    case 'a':
    case 'A':
      return 'layout';
    case 'w':
    case 'W':
      return 'whole';
    default:
      return null;
  }
}

/** The deck index B or X goes to: the next program (after `from`, wrapping) that is a bug (or a fix). */
export function nextOfKind(deck: readonly { clean: boolean }[], from: number, clean: boolean): number {
  for (let i = 1; i <= deck.length; i++) {
    const index = (from + i) % deck.length;
    if (deck[index]?.clean === clean) return index;
  }
  return from;
}

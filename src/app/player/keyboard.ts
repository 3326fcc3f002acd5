// The player's keyboard shortcuts as a pure mapping from a key press to a command, so they can be tested
// and listed in the `?` overlay from one table. They never fire while the learner types in an editor.

export type PlayerCommand =
  | 'forward'
  | 'back'
  | 'event-forward'
  | 'event-back'
  | 'start'
  | 'end'
  | 'play-pause'
  | 'over'
  | 'out'
  | 'faster'
  | 'slower'
  | 'help';

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Where the key press happened. */
export interface KeyContext {
  /** In a text field, a code editor or anything editable: every key belongs to the typing. */
  typing: boolean;
  /** On a control that Space or Enter activates (a button, a link, a checkbox). */
  activatable: boolean;
  /** On a slider or list that arrows, Home and End already move (the scrubber, a select). */
  arrowsOwned: boolean;
}

/** The shortcuts, in the order the help overlay lists them. `keys` are shown as written. */
export const SHORTCUTS: readonly { command: PlayerCommand; keys: readonly string[] }[] = [
  { command: 'forward', keys: ['→'] },
  { command: 'back', keys: ['←'] },
  { command: 'event-forward', keys: ['Shift', '→'] },
  { command: 'event-back', keys: ['Shift', '←'] },
  { command: 'over', keys: ['N'] },
  { command: 'out', keys: ['F'] },
  { command: 'start', keys: ['Home'] },
  { command: 'end', keys: ['End'] },
  { command: 'play-pause', keys: ['Space'] },
  { command: 'faster', keys: ['+'] },
  { command: 'slower', keys: ['-'] },
  { command: 'help', keys: ['?'] },
];

/** The command a key press means here, or null to leave the key to the browser. */
export function commandForKey(press: KeyPress, where: KeyContext): PlayerCommand | null {
  if (where.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  const arrows = !where.arrowsOwned;
  switch (press.key) {
    case 'ArrowRight':
      return arrows ? (press.shiftKey ? 'event-forward' : 'forward') : null;
    case 'ArrowLeft':
      return arrows ? (press.shiftKey ? 'event-back' : 'back') : null;
    case 'Home':
      return arrows ? 'start' : null;
    case 'End':
      return arrows ? 'end' : null;
    case ' ':
    case 'Spacebar':
      return where.activatable ? null : 'play-pause';
    case 'n':
    case 'N':
      return 'over';
    case 'f':
    case 'F':
      return 'out';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Reads the context of a key press from its target element. */
export function keyContextOf(target: EventTarget | null): KeyContext {
  const el = target instanceof Element ? target : null;
  if (!el) return { typing: false, activatable: false, arrowsOwned: false };
  const typing =
    el.closest('.monaco-editor, textarea, [contenteditable=""], [contenteditable="true"]') !== null ||
    (el instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit'].includes(el.type));
  const activatable =
    el.closest('button, a[href], summary, [role="button"], [role="menuitem"], [role="tab"]') !== null ||
    (el instanceof HTMLInputElement && ['checkbox', 'radio', 'button', 'submit'].includes(el.type));
  const arrowsOwned =
    (el instanceof HTMLInputElement && ['range', 'radio'].includes(el.type)) ||
    el instanceof HTMLSelectElement ||
    el.closest(
      '[role="slider"], [role="separator"], [role="listbox"], [role="radiogroup"], [role="tablist"]',
    ) !== null;
  return { typing: typing || el instanceof HTMLSelectElement, activatable, arrowsOwned };
}

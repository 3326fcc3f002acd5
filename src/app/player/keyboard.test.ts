import { describe, expect, it } from 'vitest';
import { commandForKey, SHORTCUTS, type KeyContext, type KeyPress } from './keyboard';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const page: KeyContext = { typing: false, activatable: false, arrowsOwned: false };

describe('keyboard shortcuts', () => {
  it('maps the documented keys on the page', () => {
    expect(commandForKey(key('ArrowRight'), page)).toBe('forward');
    expect(commandForKey(key('ArrowLeft'), page)).toBe('back');
    expect(commandForKey(key('ArrowRight', { shiftKey: true }), page)).toBe('event-forward');
    expect(commandForKey(key('ArrowLeft', { shiftKey: true }), page)).toBe('event-back');
    expect(commandForKey(key('Home'), page)).toBe('start');
    expect(commandForKey(key('End'), page)).toBe('end');
    expect(commandForKey(key(' '), page)).toBe('play-pause');
    expect(commandForKey(key('n'), page)).toBe('over');
    expect(commandForKey(key('F', { shiftKey: true }), page)).toBe('out');
    expect(commandForKey(key('+', { shiftKey: true }), page)).toBe('faster');
    expect(commandForKey(key('-'), page)).toBe('slower');
    expect(commandForKey(key('?', { shiftKey: true }), page)).toBe('help');
    expect(commandForKey(key('x'), page)).toBeNull();
  });

  it('never fires while typing in an editor or a field', () => {
    const typing = { ...page, typing: true };
    for (const k of ['ArrowRight', 'ArrowLeft', 'Home', 'End', ' ', 'n', 'f', '?', '+', '-']) {
      expect(commandForKey(key(k), typing)).toBeNull();
    }
  });

  it('leaves Space to buttons and arrows to sliders, and modified keys to the browser', () => {
    expect(commandForKey(key(' '), { ...page, activatable: true })).toBeNull();
    expect(commandForKey(key('ArrowRight'), { ...page, activatable: true })).toBe('forward');
    const slider = { ...page, arrowsOwned: true };
    expect(commandForKey(key('ArrowRight'), slider)).toBeNull();
    expect(commandForKey(key('Home'), slider)).toBeNull();
    expect(commandForKey(key(' '), slider)).toBe('play-pause');
    expect(commandForKey(key('ArrowRight', { ctrlKey: true }), page)).toBeNull();
    expect(commandForKey(key('ArrowLeft', { altKey: true }), page)).toBeNull();
    expect(commandForKey(key('End', { metaKey: true }), page)).toBeNull();
  });

  it('lists every command in the help table once', () => {
    const commands = SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const { command, keys } of SHORTCUTS) {
      const last = keys.at(-1) as string;
      const k = { '→': 'ArrowRight', '←': 'ArrowLeft', Space: ' ' }[last] ?? last.toLowerCase();
      const press = key(k === 'home' ? 'Home' : k === 'end' ? 'End' : k, { shiftKey: keys[0] === 'Shift' });
      expect(commandForKey(press, page)).toBe(command);
    }
  });
});

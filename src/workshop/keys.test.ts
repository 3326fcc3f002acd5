import { describe, expect, it } from 'vitest';
import { nextOfKind, presenterCommandForKey } from './keys';

const press = (key: string) => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false });
const free = { typing: false, activatable: false, arrowsOwned: false };

describe('presenter keys', () => {
  it('maps clicker and letter keys, never while typing or with modifiers', () => {
    expect(presenterCommandForKey(press('PageDown'), free)).toBe('forward');
    expect(presenterCommandForKey(press('PageUp'), free)).toBe('back');
    expect(presenterCommandForKey(press('b'), free)).toBe('bug');
    expect(presenterCommandForKey(press('X'), free)).toBe('fix');
    expect(presenterCommandForKey(press(']'), free)).toBe('next');
    expect(presenterCommandForKey(press('a'), free)).toBe('layout');
    expect(presenterCommandForKey(press('w'), free)).toBe('whole');
    expect(presenterCommandForKey(press('W'), free)).toBe('whole');
    expect(presenterCommandForKey(press('b'), { ...free, typing: true })).toBeNull();
    expect(presenterCommandForKey({ ...press('b'), ctrlKey: true }, free)).toBeNull();
    expect(presenterCommandForKey(press('q'), free)).toBeNull();
  });

  it('finds the next bug or fix, wrapping, and stays put when there is none', () => {
    const deck = [{ clean: true }, { clean: false }, { clean: true }, { clean: false }];
    expect(nextOfKind(deck, 0, false)).toBe(1);
    expect(nextOfKind(deck, 1, false)).toBe(3);
    expect(nextOfKind(deck, 3, false)).toBe(1);
    expect(nextOfKind(deck, 1, true)).toBe(2);
    expect(nextOfKind([{ clean: true }], 0, false)).toBe(0);
  });
});

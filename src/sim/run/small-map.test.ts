import { describe, expect, it } from 'vitest';
import { SmallMap } from './small-map.ts';

describe('SmallMap', () => {
  it('behaves as a Map for get, set, overwrite and delete', () => {
    const m = new SmallMap<number, string>();
    const ref = new Map<number, string>();
    const ops: [string, number, string][] = [
      ['set', 1, 'a'],
      ['set', 2, 'b'],
      ['set', 1, 'c'],
      ['delete', 1, ''],
      ['set', 3, 'd'],
      ['delete', 9, ''],
      ['set', 1, 'e'],
      ['delete', 2, ''],
    ];
    for (const [op, k, v] of ops) {
      if (op === 'set') {
        m.set(k, v);
        ref.set(k, v);
      } else {
        m.delete(k);
        ref.delete(k);
      }
      for (const key of [1, 2, 3, 9]) expect(m.get(key)).toBe(ref.get(key));
    }
  });

  it('answers undefined before anything is set', () => {
    expect(new SmallMap<string, number>().get('x')).toBeUndefined();
  });
});

describe('SmallMap with room made in advance', () => {
  it('holds more than it made room for', () => {
    const m = new SmallMap<number, number>(2);
    for (let k = 0; k < 10; k++) m.set(k, k * k);
    m.delete(3);
    for (let k = 0; k < 10; k++) expect(m.get(k)).toBe(k === 3 ? undefined : k * k);
  });
});

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './index';
import { zh } from './zh';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('has every English key in Chinese, with the same parameters, and nothing left untranslated', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTruthy();
      expect(params(zh[key]), key).toEqual(params(en[key]));
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('en', 'controls.position', { step: 3, total: 40 })).toBe('Step 3 of 40');
    expect(translate('zh', 'controls.position', { step: 3, total: 40 })).toBe('第 3 / 40 步');
    expect(translate('en', 'controls.position', { step: 3 })).toBe('Step 3 of {total}');
  });

  it('names the stepping buttons as the tests and screen readers expect', () => {
    expect([en['controls.forward'], en['controls.back'], en['controls.play'], en['controls.pause']]).toEqual([
      'Step forward',
      'Step back',
      'Play',
      'Pause',
    ]);
    expect([en['controls.start'], en['controls.end'], en['player.reset']]).toEqual([
      'Go to start',
      'Go to end',
      'Reset code',
    ]);
  });
});

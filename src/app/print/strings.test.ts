import { describe, expect, it } from 'vitest';
import { handoutTranslator, PRINT_STRINGS } from './strings';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the handout strings', () => {
  it('has every English key in Chinese, with the same parameters', () => {
    const { en, zh } = PRINT_STRINGS;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTruthy();
      expect(params(zh[key]), key).toEqual(params(en[key]));
    }
  });

  it('fills parameters and falls back to the site catalogue for other keys', () => {
    const en = handoutTranslator('en');
    expect(en('print.question', { n: 2 })).toBe('Question 2');
    expect(handoutTranslator('zh')('print.question', { n: 2 })).toBe('第 2 题');
    expect(en('mdx.exercise')).toBe('Exercise');
    expect(en('handout.step', { step: 3, total: 40 })).toBe('Step 3 of 40');
  });
});

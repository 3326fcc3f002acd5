import { describe, expect, it } from 'vitest';
import { handoutAddress, isHandoutAddress } from './handout-link';

describe('handout address', () => {
  it('is asked for by the hash or by the query parameter', () => {
    expect(isHandoutAddress('?v=1&lesson=02-the-bug', '#handout')).toBe(true);
    expect(isHandoutAddress('?v=1&lesson=02-the-bug&print=handout', '')).toBe(true);
    expect(isHandoutAddress('?v=1&lesson=02-the-bug', '')).toBe(false);
    expect(isHandoutAddress('?v=1&lesson=02-the-bug', '#what-the-reporter-saw')).toBe(false);
    expect(isHandoutAddress('?print=1', '')).toBe(false);
  });

  it('opens the handout on the same lesson link, language and all', () => {
    expect(handoutAddress('?v=1&lesson=02-the-bug&lang=zh', '', true)).toBe(
      '?v=1&lesson=02-the-bug&lang=zh#handout',
    );
    // Once, however often it is asked for, and replacing a heading's hash.
    expect(handoutAddress('?v=1&lesson=04-abi&print=handout', '#the-fix', true)).toBe(
      '?v=1&lesson=04-abi#handout',
    );
  });

  it('closes it and keeps everything else', () => {
    expect(handoutAddress('?v=1&lesson=04-abi&print=handout&step=3', '', false)).toBe(
      '?v=1&lesson=04-abi&step=3',
    );
    expect(handoutAddress('?v=1&lesson=04-abi', '#handout', false)).toBe('?v=1&lesson=04-abi');
    expect(handoutAddress('?v=1&lesson=04-abi', '#the-fix', false)).toBe('?v=1&lesson=04-abi#the-fix');
  });
});

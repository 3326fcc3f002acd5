import { describe, expect, it } from 'vitest';
import { decodeLink } from '../url/link';
import { hrefOf, parseCourseHref, routeOf, slugify } from './routes';

describe('routes', () => {
  it('reads lessons and pages from links, and round-trips them', () => {
    expect(routeOf({ lesson: '04-abi', page: 'glossary' })).toEqual({ kind: 'lesson', id: '04-abi' });
    expect(routeOf({ page: 'glossary' })).toEqual({ kind: 'page', id: 'glossary' });
    expect(routeOf({})).toEqual({ kind: 'index' });
    for (const route of [
      { kind: 'lesson', id: '04-abi' },
      { kind: 'page', id: 'start' },
      { kind: 'index' },
    ] as const) {
      expect(routeOf(decodeLink(hrefOf(route).split('#')[0] as string).state)).toEqual(route);
    }
  });

  it('resolves course links written in lessons', () => {
    expect(parseCourseHref('lesson:04-abi#the-hidden-pointer')).toEqual({
      route: { kind: 'lesson', id: '04-abi' },
      hash: 'the-hidden-pointer',
    });
    expect(parseCourseHref('page:simulator')).toEqual({ route: { kind: 'page', id: 'simulator' } });
    expect(parseCourseHref('https://example.org')).toBeNull();
    expect(parseCourseHref('lesson:../x')).toBeNull();
    expect(hrefOf({ kind: 'lesson', id: '04-abi' }, 'x')).toBe('?v=1&lesson=04-abi#x');
  });

  it('makes heading ids from any script', () => {
    expect(slugify('Suspect two: the ABI')).toBe('suspect-two-the-abi');
    expect(slugify('  `std::array` returned by value ')).toBe('std-array-returned-by-value');
    expect(slugify('嫌疑人二：ABI')).toBe('嫌疑人二-abi');
  });
});

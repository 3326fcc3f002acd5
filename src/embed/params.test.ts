import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLink } from '../app/url/link';
import { embedSearch, normalOrigin, parseEmbedParams, PANES } from './params';

describe('parseEmbedParams', () => {
  it('reads the share-link part exactly as the site does', () => {
    const p = parseEmbedParams('?v=1&lesson=02-the-bug&program=bug&step=7&target=aarch64&lang=zh');
    expect(p.link).toEqual({
      lesson: '02-the-bug',
      program: 'bug',
      step: 7,
      target: 'aarch64',
      locale: 'zh',
    });
    expect(p.problems).toEqual([]);
  });

  it('has defaults: every pane, system theme, editable, any origin', () => {
    const p = parseEmbedParams('?lesson=02-the-bug');
    expect(p).toMatchObject({
      theme: 'system',
      panes: PANES,
      readOnly: false,
      id: '',
      origins: [],
      restricted: false,
    });
  });

  it('reads theme, panes, readonly, id and origins', () => {
    const p = parseEmbedParams(
      '?lesson=02-the-bug&theme=contrast&panes=diagram,controls&readonly=1&id=fig-2&origins=https://docs.example.org,http://localhost:4191',
    );
    expect(p).toMatchObject({
      theme: 'contrast',
      panes: ['diagram', 'controls'],
      readOnly: true,
      id: 'fig-2',
      origins: ['https://docs.example.org', 'http://localhost:4191'],
      restricted: true,
    });
    expect(p.problems).toEqual([]);
  });

  it('reports bad values and falls back', () => {
    const p = parseEmbedParams(
      '?lesson=02-the-bug&theme=neon&panes=nope&readonly=maybe&id=%3Cx%3E&origins=javascript:1',
    );
    expect(p).toMatchObject({
      theme: 'system',
      panes: PANES,
      readOnly: false,
      id: '',
      origins: [],
      restricted: true,
    });
    expect(p.problems.map((x) => ('param' in x ? x.param : x.kind))).toEqual([
      'theme',
      'panes',
      'readonly',
      'id',
      'origins',
    ]);
  });

  it('never throws on any query string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const p = parseEmbedParams(s);
        expect(p.panes.length).toBeGreaterThan(0);
        for (const o of p.origins) expect(normalOrigin(o)).toBe(o);
      }),
    );
  });

  it('round-trips through embedSearch', () => {
    const search = embedSearch(encodeLink({ lesson: '05-gc', program: 'gc-bite', step: 3 }), {
      theme: 'dark',
      panes: ['diagram', 'narration'],
      readOnly: true,
      id: 'a',
      origins: ['https://x.example'],
    });
    const p = parseEmbedParams(search);
    expect(p).toMatchObject({
      link: { lesson: '05-gc', program: 'gc-bite', step: 3 },
      theme: 'dark',
      panes: ['diagram', 'narration'],
      readOnly: true,
      id: 'a',
      origins: ['https://x.example'],
    });
  });
});

describe('normalOrigin', () => {
  it('keeps only http(s) origins written as origins', () => {
    expect(normalOrigin('https://a.example')).toBe('https://a.example');
    expect(normalOrigin('https://a.example/')).toBe('https://a.example');
    expect(normalOrigin('https://a.example/path')).toBeNull();
    expect(normalOrigin('data:text/html,x')).toBeNull();
    expect(normalOrigin('*')).toBeNull();
  });
});

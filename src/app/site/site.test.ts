import { describe, expect, it } from 'vitest';
import { loopTrace } from '../player/trace-fixtures';
import { memoryStorage } from '../store/storage';
import { decodeLink } from '../url/link';
import { createSite, linkOfPlayer, localeOfLanguages, persistSettings, shareUrl } from './site';

const lessonCode = { cpp: 'int x;', codon: 'print(1)' };

describe('the site', () => {
  it('opens with the saved settings, a link’s language winning', () => {
    const storage = memoryStorage();
    const first = createSite('', storage);
    const stop = persistSettings(first);
    first.store.getState().setTheme('dark');
    first.store.getState().setLocale('zh');
    stop();
    expect(createSite('', storage).store.getState()).toMatchObject({ theme: 'dark', locale: 'zh' });
    expect(createSite('?lang=en', storage).store.getState().locale).toBe('en');
  });

  it('follows the browser’s language on a first visit, unless the address or a saved choice says otherwise', () => {
    expect(createSite('', memoryStorage(), ['zh-CN', 'en']).store.getState().locale).toBe('zh');
    expect(createSite('', memoryStorage(), ['fr-FR', 'zh-TW']).store.getState().locale).toBe('zh');
    expect(createSite('', memoryStorage(), ['en-GB', 'zh-CN']).store.getState().locale).toBe('en');
    expect(createSite('', memoryStorage(), []).store.getState().locale).toBe('en');
    expect(createSite('?lang=en', memoryStorage(), ['zh-CN']).store.getState().locale).toBe('en');
    const storage = memoryStorage();
    const first = createSite('', storage, ['zh-CN']);
    const stop = persistSettings(first);
    first.store.getState().setLocale('en');
    stop();
    expect(createSite('', storage, ['zh-CN']).store.getState().locale).toBe('en');
  });

  it('keeps the language in the address when the browser prefers another, so a reload keeps it', () => {
    const site = createSite('?lang=en', memoryStorage(), ['zh-CN']);
    const state = site.store.getState();
    expect(linkOfPlayer(state, { withCode: false, browserLocale: site.browserLocale }).locale).toBe('en');
    expect(linkOfPlayer(state, { withCode: false, browserLocale: 'en' }).locale).toBeUndefined();
    expect(localeOfLanguages(['zh-Hans-CN'])).toBe('zh');
  });

  it('shares exactly what the learner sees, and the link reopens it', () => {
    const site = createSite('', memoryStorage());
    const store = site.store;
    store.getState().loadProgram({
      lessonId: '02-the-bug',
      programId: 'bug',
      lessonCode,
      target: 'aarch64',
      leftover: 'zero',
    });
    store.getState().editCode('cpp', 'int y;');
    const id = store.getState().beginRun();
    const s = store.getState();
    s.finishRun(
      id,
      { code: s.code, target: s.target, leftover: s.leftover },
      { trace: loopTrace(), diagnostics: [], outcome: 'ok' },
    );
    store.getState().goTo({ step: 7, eventEnd: null });
    const url = shareUrl(store.getState(), 'https://example.org/lab/') as string;
    expect(url.startsWith('https://example.org/lab/?v=1&lesson=02-the-bug&program=bug&step=7')).toBe(true);
    expect(decodeLink(new URL(url).search).state).toEqual({
      lesson: '02-the-bug',
      program: 'bug',
      step: 7,
      target: 'aarch64',
      leftover: 'zero',
      code: { cpp: 'int y;', codon: 'print(1)' },
    });
    // The address bar carries the code too, but not when it is the lesson's own.
    store.getState().resetCode();
    expect(linkOfPlayer(store.getState(), { withCode: true }).code).toBeUndefined();
  });

  it('refuses to share code too long for a link', () => {
    const site = createSite('', memoryStorage());
    site.store.getState().loadProgram({ lessonId: 'l', programId: 'p', lessonCode });
    let noise = '';
    for (let i = 0; noise.length < 40_000; i++) noise += `${(i * 7919) % 10007} `;
    site.store.getState().editCode('cpp', noise);
    expect(shareUrl(site.store.getState(), 'https://x/')).toBeNull();
    expect(linkOfPlayer(site.store.getState(), { withCode: true }).code).toBeUndefined();
  });
});

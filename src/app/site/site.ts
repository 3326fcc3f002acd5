// Everything the site makes once per page: the player store, the learner's progress, the link it was
// opened with, the simulator runner. Nothing here is a module singleton: `createSite` is called by App.
import { connectRunner } from '../run/connect';
import { createSimRunner, type Runner } from '../run/runner';
import { createPlayerStore, type PlayerStore } from '../store/player-store';
import {
  browserStorage,
  editStore,
  readJson,
  SITE_NAMESPACE,
  writeJson,
  type KeyValueStorage,
} from '../store/storage';
import type { PlayerState, SettingsSlice } from '../store/types';
import { createProgressStore, type ProgressStore } from '../course/progress';
import { codeFitsInLink, decodeLink, encodeLink, type DecodedLink, type LinkState } from '../url/link';
import { sameCode } from '../store/code-slice';

export interface Site {
  storage: KeyValueStorage;
  store: PlayerStore;
  progress: ProgressStore;
  /** The link the page was opened with. */
  link: DecodedLink;
  /** The language a first visit gets from the browser (its `navigator.languages`). */
  browserLocale: Locale;
}

type Locale = SettingsSlice['locale'];

/** The browser's preferred languages, or none outside a browser. */
function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/**
 * The course's language for a browser: Chinese when the first language the course has is Chinese (any
 * `zh` tag: zh-CN, zh-Hans, zh-TW), English otherwise. Languages the course lacks are skipped.
 */
export function localeOfLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

type Settings = Pick<SettingsSlice, 'locale' | 'theme' | 'motion'>;
const SETTINGS_KEY = `${SITE_NAMESPACE}settings`;

function savedSettings(storage: KeyValueStorage): Partial<Settings> {
  const value = readJson(storage, SETTINGS_KEY);
  if (typeof value !== 'object' || value === null) return {};
  const { locale, theme, motion } = value as Record<string, unknown>;
  return {
    ...(locale === 'en' || locale === 'zh' ? { locale } : {}),
    ...(theme === 'system' || theme === 'light' || theme === 'dark' || theme === 'contrast' ? { theme } : {}),
    ...(motion === 'system' || motion === 'reduce' || motion === 'full' ? { motion } : {}),
  };
}

/**
 * Makes the site's stores from the browser's storage and the page's URL. The language: the address's,
 * else the saved choice, else the browser's (a first visit from a Chinese browser reads Chinese).
 */
export function createSite(
  search: string,
  storage: KeyValueStorage = browserStorage(),
  languages: readonly string[] = browserLanguages(),
): Site {
  const link = decodeLink(search);
  const browserLocale = localeOfLanguages(languages);
  const settings = {
    locale: browserLocale,
    ...savedSettings(storage),
    ...(link.state.locale ? { locale: link.state.locale } : {}),
  };
  const store = createPlayerStore({ edits: editStore(storage, SITE_NAMESPACE), settings });
  const progress = createProgressStore(storage, SITE_NAMESPACE);
  return { storage, store, progress, link, browserLocale };
}

/** Keeps the settings in storage as they change. */
export function persistSettings(site: Site): () => void {
  return site.store.subscribe((s, prev) => {
    if (s.locale !== prev.locale || s.theme !== prev.theme || s.motion !== prev.motion) {
      writeJson(site.storage, SETTINGS_KEY, { locale: s.locale, theme: s.theme, motion: s.motion });
    }
  });
}

/** Starts the simulator worker and re-runs on changes; returns the function that stops both. */
export function startRunning(site: Site, runner: Runner = createSimRunner()): () => void {
  const stop = connectRunner(site.store, runner);
  return () => {
    stop();
    runner.dispose();
  };
}

/**
 * What the URL says for a lesson in this state: lesson, program, step, target, leftover, edited code.
 * The language is left out when it is English and the browser's is too; otherwise it is written, so a
 * reload keeps the page's language whatever the browser prefers.
 */
export function linkOfPlayer(
  state: PlayerState,
  options: { withCode: boolean; browserLocale?: Locale },
): LinkState {
  const link: LinkState = {};
  if (state.lessonId) link.lesson = state.lessonId;
  if (state.programId) link.program = state.programId;
  if (state.trace) link.step = state.step;
  link.target = state.target;
  link.leftover = state.leftover;
  if (state.locale !== 'en' || (options.browserLocale ?? 'en') !== 'en') link.locale = state.locale;
  if (options.withCode && !sameCode(state.code, state.lessonCode) && codeFitsInLink(state.code))
    link.code = state.code;
  return link;
}

/** The share link of the player's view (with the code), or null when the code is too long for a link. */
export function shareUrl(state: PlayerState, base: string): string | null {
  if (!sameCode(state.code, state.lessonCode) && !codeFitsInLink(state.code)) return null;
  return `${base}${encodeLink(linkOfPlayer(state, { withCode: true }))}`;
}

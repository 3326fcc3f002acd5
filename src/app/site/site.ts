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

/** Makes the site's stores from the browser's storage and the page's URL. */
export function createSite(search: string, storage: KeyValueStorage = browserStorage()): Site {
  const link = decodeLink(search);
  const settings = { ...savedSettings(storage), ...(link.state.locale ? { locale: link.state.locale } : {}) };
  const store = createPlayerStore({ edits: editStore(storage, SITE_NAMESPACE), settings });
  const progress = createProgressStore(storage, SITE_NAMESPACE);
  return { storage, store, progress, link };
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

/** What the URL says for a lesson in this state: lesson, program, step, target, leftover, edited code. */
export function linkOfPlayer(state: PlayerState, options: { withCode: boolean }): LinkState {
  const link: LinkState = {};
  if (state.lessonId) link.lesson = state.lessonId;
  if (state.programId) link.program = state.programId;
  if (state.trace) link.step = state.step;
  link.target = state.target;
  link.leftover = state.leftover;
  if (state.locale !== 'en') link.locale = state.locale;
  if (options.withCode && !sameCode(state.code, state.lessonCode) && codeFitsInLink(state.code))
    link.code = state.code;
  return link;
}

/** The share link of the player's view (with the code), or null when the code is too long for a link. */
export function shareUrl(state: PlayerState, base: string): string | null {
  if (!sameCode(state.code, state.lessonCode) && !codeFitsInLink(state.code)) return null;
  return `${base}${encodeLink(linkOfPlayer(state, { withCode: true }))}`;
}

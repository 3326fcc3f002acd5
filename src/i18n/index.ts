// UI strings by key in the page's language. Lesson text and simulator messages have their own sources;
// these are the player's buttons, labels and notices.
import { en, type UiKey } from './en';
import { zh } from './zh';

export type { UiKey } from './en';
export type Locale = 'en' | 'zh';
export const LOCALES: readonly Locale[] = ['en', 'zh'];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', zh: '中文' };

const catalogues: Record<Locale, Record<UiKey, string>> = { en, zh };

/** The string for `key` in `locale`, with `{name}` parameters filled in. */
export function translate(locale: Locale, key: UiKey, params?: Record<string, string | number>): string {
  const template = catalogues[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A translator bound to one locale. */
export type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

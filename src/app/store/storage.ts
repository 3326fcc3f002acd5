// What the player keeps in the browser: the learner's edits per lesson program, progress marks and
// settings. A namespace keeps the main site's data apart from an embedded playground's (issue 8).
// Storage may be missing or full (private windows, quotas): every call degrades to "not saved".

/** The part of the Web Storage API the player uses (localStorage, or a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that keeps nothing (no localStorage available). */
export const noStorage: KeyValueStorage = {
  getItem: () => null,
  setItem: () => {},
  removeItem: () => {},
};

/** An in-memory storage (tests, and pages that must not persist anything). */
export function memoryStorage(): KeyValueStorage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/**
 * The browser's localStorage when the page may use it, else a storage that keeps nothing. Only reading is
 * tried: a storage that is full is still the learner's, and a save that it refuses is reported as such
 * (a probe write would fail on a full storage and silently keep nothing).
 */
export function browserStorage(): KeyValueStorage {
  try {
    localStorage.getItem('__codon_lab_probe__');
    return localStorage;
  } catch {
    return noStorage;
  }
}

/** Reads JSON, or null when missing or unreadable. */
export function readJson(storage: KeyValueStorage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** Writes JSON; false when the storage refused (full, disabled). */
export function writeJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** The two programs of a lesson: the C++ library and the Codon program that calls it. */
export interface LessonCode {
  readonly cpp: string;
  readonly codon: string;
}

// The edits themselves, with the revisions that keep tabs from overwriting each other: ./edits.ts.
export { editStore, type EditStore } from './edits';

/** The namespace of the main site's data. */
export const SITE_NAMESPACE = 'codon-lab:v1:';

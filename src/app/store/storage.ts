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

/** The browser's localStorage when it can be used, else a storage that keeps nothing. */
export function browserStorage(): KeyValueStorage {
  try {
    const probe = '__codon_lab_probe__';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
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

/** Saved edits of lesson programs, one entry per `lesson/program`. */
export interface EditStore {
  load(lessonId: string, programId: string): LessonCode | null;
  /** False when the browser refused to store it. */
  save(lessonId: string, programId: string, code: LessonCode): boolean;
  remove(lessonId: string, programId: string): void;
}

/** Edits kept in `storage` under `<namespace>edits:<lesson>/<program>`. */
export function editStore(storage: KeyValueStorage, namespace: string): EditStore {
  const key = (lessonId: string, programId: string) => `${namespace}edits:${lessonId}/${programId}`;
  return {
    load(lessonId, programId) {
      const value = readJson(storage, key(lessonId, programId));
      if (typeof value !== 'object' || value === null) return null;
      const { cpp, codon } = value as Record<string, unknown>;
      return typeof cpp === 'string' && typeof codon === 'string' ? { cpp, codon } : null;
    },
    save(lessonId, programId, code) {
      return writeJson(storage, key(lessonId, programId), { cpp: code.cpp, codon: code.codon });
    },
    remove(lessonId, programId) {
      try {
        storage.removeItem(key(lessonId, programId));
      } catch {
        // Nothing to do: the entry stays, and the lesson code is shown anyway.
      }
    },
  };
}

/** The namespace of the main site's data. */
export const SITE_NAMESPACE = 'codon-lab:v1:';

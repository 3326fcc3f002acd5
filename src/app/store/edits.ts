// The learner's saved edits of lesson programs, one entry per `lesson/program`, shared by every tab of
// the origin. Each save carries a revision: a count, and an id no other save has. A tab writes only over
// the revision its code was based on, so a tab that missed another tab's newer save asks before
// overwriting it (the page's choice, src/app/playground/SaveNotices.tsx), and tabs learn of each other's
// saves from the browser's `storage` events (`watchOtherTabs`).
import type { KeyValueStorage, LessonCode } from './storage';

/** Which save of a program's edits: `n` counts the saves, `id` is this save's own. */
export interface Revision {
  readonly n: number;
  readonly id: string;
}

/** Nothing saved: the program shows the lesson's own code. */
export const NO_REVISION: Revision = { n: 0, id: '' };

export function sameRevision(a: Revision, b: Revision): boolean {
  return a.n === b.n && a.id === b.id;
}

/** What storage holds for a program: the learner's code (null: none, the lesson's own) at a revision. */
export interface SavedEdits {
  readonly code: LessonCode | null;
  readonly rev: Revision;
}

export const NOTHING_SAVED: SavedEdits = { code: null, rev: NO_REVISION };

export type SaveResult =
  /** Written (or there was nothing to write): the code is now at `rev`. */
  | { kind: 'saved'; rev: Revision }
  /** Another tab saved `theirs` after the revision this tab's code was based on: nothing was written. */
  | { kind: 'conflict'; theirs: SavedEdits }
  /** The browser refused to store it (full, disabled). */
  | { kind: 'refused' };

/** Saved edits of lesson programs. */
export interface EditStore {
  /** What is saved for a program (NOTHING_SAVED when nothing, or when it cannot be read). */
  load(lessonId: string, programId: string): SavedEdits;
  /**
   * Saves `code` (null: back to the lesson's own code, the entry is removed) over revision `base`, the
   * one the caller's code was based on. Writes nothing over any other revision.
   */
  save(lessonId: string, programId: string, code: LessonCode | null, base: Revision): SaveResult;
}

/** The storage key of a program's edits. */
export function editsKey(namespace: string, lessonId: string, programId: string): string {
  return `${namespace}edits:${lessonId}/${programId}`;
}

/** The program a storage key names in this namespace, or null for any other key. */
export function programOfKey(namespace: string, key: string): { lessonId: string; programId: string } | null {
  const prefix = `${namespace}edits:`;
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return null;
  return { lessonId: rest.slice(0, slash), programId: rest.slice(slash + 1) };
}

/**
 * Reads an entry: `{cpp, codon, rev, id}`. Entries saved before revisions existed (`{cpp, codon}`) are
 * at NO_REVISION; anything unreadable counts as nothing saved.
 */
export function parseEdits(text: string | null): SavedEdits {
  if (text === null) return NOTHING_SAVED;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOTHING_SAVED;
  }
  if (typeof value !== 'object' || value === null) return NOTHING_SAVED;
  const { cpp, codon, rev, id } = value as Record<string, unknown>;
  if (typeof cpp !== 'string' || typeof codon !== 'string') return NOTHING_SAVED;
  const revision =
    typeof rev === 'number' && Number.isSafeInteger(rev) && rev > 0 && typeof id === 'string'
      ? { n: rev, id }
      : NO_REVISION;
  return { code: { cpp, codon }, rev: revision };
}

function sameSaved(a: LessonCode | null, b: LessonCode | null): boolean {
  return a === null || b === null ? a === b : a.cpp === b.cpp && a.codon === b.codon;
}

/** A fresh id for a save: unique enough that two tabs never pick the same one. */
export function randomSaveId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Edits kept in `storage` under `<namespace>edits:<lesson>/<program>`. */
export function editStore(
  storage: KeyValueStorage,
  namespace: string,
  newId: () => string = randomSaveId,
): EditStore {
  const read = (key: string): SavedEdits => {
    try {
      return parseEdits(storage.getItem(key));
    } catch {
      return NOTHING_SAVED;
    }
  };
  return {
    load: (lessonId, programId) => read(editsKey(namespace, lessonId, programId)),
    save(lessonId, programId, code, base) {
      const key = editsKey(namespace, lessonId, programId);
      const current = read(key);
      if (!sameRevision(current.rev, base)) {
        // Both tabs arrived at the same code: nothing would be lost, so nothing to ask.
        if (sameSaved(current.code, code)) return { kind: 'saved', rev: current.rev };
        return { kind: 'conflict', theirs: current };
      }
      try {
        if (code === null) {
          storage.removeItem(key);
          return { kind: 'saved', rev: NO_REVISION };
        }
        const rev = { n: current.rev.n + 1, id: newId() };
        storage.setItem(key, JSON.stringify({ cpp: code.cpp, codon: code.codon, rev: rev.n, id: rev.id }));
        return { kind: 'saved', rev };
      } catch {
        return { kind: 'refused' };
      }
    },
  };
}

/** The part of a window `watchOtherTabs` listens on. */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
}

/** What a `storage` event says: which key changed, and to what (null: removed). */
export interface StorageEventLike {
  readonly key: string | null;
  readonly newValue: string | null;
}

/**
 * Tells `onSaved` of every save of a program's edits made by another tab of the origin (the browser sends
 * `storage` events to the other tabs only). Returns the function that stops listening.
 */
export function watchOtherTabs(
  source: StorageEventSource,
  namespace: string,
  onSaved: (lessonId: string, programId: string, saved: SavedEdits) => void,
): () => void {
  const listener = (event: StorageEventLike) => {
    // A null key: the other tab cleared the whole storage; the next save here will find out.
    if (event.key === null) return;
    const program = programOfKey(namespace, event.key);
    if (program) onSaved(program.lessonId, program.programId, parseEdits(event.newValue));
  };
  source.addEventListener('storage', listener);
  return () => source.removeEventListener('storage', listener);
}

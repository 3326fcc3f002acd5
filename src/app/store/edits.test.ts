import { describe, expect, it, vi } from 'vitest';
import {
  editStore,
  NO_REVISION,
  NOTHING_SAVED,
  parseEdits,
  programOfKey,
  watchOtherTabs,
  type StorageEventLike,
} from './edits';
import { browserStorage, memoryStorage, noStorage, SITE_NAMESPACE, type KeyValueStorage } from './storage';

const KEY = 'codon-lab:v1:edits:02-the-bug/bug';
const mine = { cpp: 'mine', codon: 'print(1)' };
const theirs = { cpp: 'theirs', codon: 'print(2)' };

/** Save ids in order: s1, s2, ... (the browser's are random). */
function counter() {
  let n = 0;
  return () => `s${++n}`;
}

function setup(storage = memoryStorage()) {
  return { storage, edits: editStore(storage, SITE_NAMESPACE, counter()) };
}

describe('saved edits with revisions', () => {
  it('numbers each save and reads back the code with its revision', () => {
    const { storage, edits } = setup();
    expect(edits.load('02-the-bug', 'bug')).toEqual(NOTHING_SAVED);
    const first = edits.save('02-the-bug', 'bug', mine, NO_REVISION);
    expect(first).toEqual({ kind: 'saved', rev: { n: 1, id: 's1' } });
    const second = edits.save('02-the-bug', 'bug', theirs, { n: 1, id: 's1' });
    expect(second).toEqual({ kind: 'saved', rev: { n: 2, id: 's2' } });
    expect(edits.load('02-the-bug', 'bug')).toEqual({ code: theirs, rev: { n: 2, id: 's2' } });
    expect(JSON.parse(storage.data.get(KEY) ?? '')).toEqual({ ...theirs, rev: 2, id: 's2' });
  });

  it('writes nothing over a revision other than the one the code was based on, and says what is there', () => {
    const { storage, edits } = setup();
    edits.save('02-the-bug', 'bug', theirs, NO_REVISION);
    const before = storage.data.get(KEY);
    expect(edits.save('02-the-bug', 'bug', mine, NO_REVISION)).toEqual({
      kind: 'conflict',
      theirs: { code: theirs, rev: { n: 1, id: 's1' } },
    });
    expect(storage.data.get(KEY)).toBe(before);
  });

  it('asks nothing when the newer save holds the same code', () => {
    const { edits } = setup();
    edits.save('02-the-bug', 'bug', mine, NO_REVISION);
    expect(edits.save('02-the-bug', 'bug', mine, NO_REVISION)).toEqual({
      kind: 'saved',
      rev: { n: 1, id: 's1' },
    });
  });

  it('two saves over the same revision: the second finds the first (ids tell equal counts apart)', () => {
    const storage = memoryStorage();
    const a = editStore(storage, SITE_NAMESPACE, () => 'tab-a');
    const b = editStore(storage, SITE_NAMESPACE, () => 'tab-b');
    const base = a.save('02-the-bug', 'bug', mine, NO_REVISION);
    if (base.kind !== 'saved') throw new Error('not saved');
    expect(a.save('02-the-bug', 'bug', { ...mine, cpp: 'a' }, base.rev).kind).toBe('saved');
    expect(b.save('02-the-bug', 'bug', { ...mine, cpp: 'b' }, base.rev).kind).toBe('conflict');
  });

  it('going back to the lesson’s code removes the entry; a tab still on the old revision is asked', () => {
    const { storage, edits } = setup();
    edits.save('02-the-bug', 'bug', mine, NO_REVISION);
    expect(edits.save('02-the-bug', 'bug', null, { n: 1, id: 's1' })).toEqual({
      kind: 'saved',
      rev: NO_REVISION,
    });
    expect(storage.data.size).toBe(0);
    expect(edits.save('02-the-bug', 'bug', theirs, { n: 1, id: 's1' })).toEqual({
      kind: 'conflict',
      theirs: NOTHING_SAVED,
    });
  });

  it('reports a refused write (a full storage) and keeps what was there', () => {
    const data = new Map([[KEY, JSON.stringify({ ...theirs, rev: 1, id: 'x' })]]);
    const full: KeyValueStorage = {
      getItem: (key) => data.get(key) ?? null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const edits = editStore(full, SITE_NAMESPACE);
    expect(edits.save('02-the-bug', 'bug', mine, { n: 1, id: 'x' })).toEqual({ kind: 'refused' });
    expect(edits.save('02-the-bug', 'bug', null, { n: 1, id: 'x' })).toEqual({ kind: 'refused' });
    expect(edits.load('02-the-bug', 'bug').code).toEqual(theirs);
  });

  it('reads edits saved before revisions existed, and saves over them', () => {
    const { storage, edits } = setup();
    storage.data.set(KEY, JSON.stringify(mine));
    expect(edits.load('02-the-bug', 'bug')).toEqual({ code: mine, rev: NO_REVISION });
    expect(edits.save('02-the-bug', 'bug', theirs, NO_REVISION)).toEqual({
      kind: 'saved',
      rev: { n: 1, id: 's1' },
    });
  });

  it('reads damaged entries as nothing saved', () => {
    for (const text of ['', '{', 'null', '"x"', '[]', '{"cpp":1,"codon":"x"}', '{"__proto__":{"cpp":"a"}}'])
      expect(parseEdits(text), text).toEqual(NOTHING_SAVED);
    expect(parseEdits(JSON.stringify({ ...mine, rev: -1, id: 'x' }))).toEqual({
      code: mine,
      rev: NO_REVISION,
    });
    expect(parseEdits(JSON.stringify({ ...mine, rev: 2.5, id: 'x' }))).toEqual({
      code: mine,
      rev: NO_REVISION,
    });
  });

  it('names the program of an edits key of its namespace only', () => {
    expect(programOfKey(SITE_NAMESPACE, KEY)).toEqual({ lessonId: '02-the-bug', programId: 'bug' });
    expect(programOfKey(SITE_NAMESPACE, 'codon-lab:embed:v1:edits:02-the-bug/bug')).toBeNull();
    expect(programOfKey(SITE_NAMESPACE, 'codon-lab:v1:settings')).toBeNull();
    expect(programOfKey(SITE_NAMESPACE, 'codon-lab:v1:edits:/bug')).toBeNull();
    expect(programOfKey(SITE_NAMESPACE, 'codon-lab:v1:edits:lesson/')).toBeNull();
  });
});

/** A window's `storage` events, fired by hand. */
function eventSource() {
  const listeners = new Set<(event: StorageEventLike) => void>();
  return {
    addEventListener: (_type: 'storage', l: (event: StorageEventLike) => void) => void listeners.add(l),
    removeEventListener: (_type: 'storage', l: (event: StorageEventLike) => void) => void listeners.delete(l),
    fire: (event: StorageEventLike) => listeners.forEach((l) => l(event)),
    listening: () => listeners.size,
  };
}

describe('watching other tabs', () => {
  it('passes on the saves of this namespace’s edits, and stops when asked', () => {
    const source = eventSource();
    const heard: unknown[] = [];
    const stop = watchOtherTabs(source, SITE_NAMESPACE, (...args) => heard.push(args));
    source.fire({ key: KEY, newValue: JSON.stringify({ ...theirs, rev: 3, id: 'b' }) });
    source.fire({ key: KEY, newValue: null });
    source.fire({ key: 'codon-lab:v1:settings', newValue: '{}' });
    source.fire({ key: 'codon-lab:embed:v1:edits:02-the-bug/bug', newValue: '{}' });
    source.fire({ key: null, newValue: null });
    expect(heard).toEqual([
      ['02-the-bug', 'bug', { code: theirs, rev: { n: 3, id: 'b' } }],
      ['02-the-bug', 'bug', NOTHING_SAVED],
    ]);
    stop();
    expect(source.listening()).toBe(0);
  });
});

describe('the browser’s storage', () => {
  it('is used when it is full, so a refused save is reported rather than silently kept nowhere', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    vi.stubGlobal('localStorage', full);
    try {
      const storage = browserStorage();
      expect(storage).toBe(full);
      expect(editStore(storage, SITE_NAMESPACE).save('02-the-bug', 'bug', mine, NO_REVISION)).toEqual({
        kind: 'refused',
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is a storage that keeps nothing when the page may not use it at all', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      expect(browserStorage()).toBe(noStorage);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

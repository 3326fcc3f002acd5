// Two tabs on one program, as two stores over one storage: the browser tells each tab of the other's
// writes (`storage` events, relayed here by hand, or held back to make a tab miss them).
import { describe, expect, it } from 'vitest';
import { editStore, watchOtherTabs, type StorageEventLike } from './edits';
import { createPlayerStore } from './player-store';
import { SITE_NAMESPACE, type KeyValueStorage } from './storage';
import type { ProgramSpec } from './types';

const lessonCode = { cpp: 'double* foo();', codon: 'from C import foo() -> Ptr[float]' };
const spec: ProgramSpec = { lessonId: '02-the-bug', programId: 'bug', lessonCode };

/** One origin's storage, shared by its tabs; each write is an event in every other tab (when delivered). */
function origin(options: { quota?: number } = {}) {
  const data = new Map<string, string>();
  const tabs: { listeners: Set<(e: StorageEventLike) => void>; deliver: boolean }[] = [];
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  function open() {
    const me = { listeners: new Set<(e: StorageEventLike) => void>(), deliver: true };
    tabs.push(me);
    const notify = (key: string, newValue: string | null) => {
      for (const tab of tabs)
        if (tab !== me && tab.deliver) tab.listeners.forEach((l) => l({ key, newValue }));
    };
    const storage: KeyValueStorage = {
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => {
        const grown = size() - (data.get(key)?.length ?? 0) + value.length + key.length;
        if (options.quota !== undefined && grown > options.quota)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        data.set(key, value);
        notify(key, value);
      },
      removeItem: (key) => {
        data.delete(key);
        notify(key, null);
      },
    };
    const store = createPlayerStore({ edits: editStore(storage, SITE_NAMESPACE) });
    store.getState().loadProgram(spec);
    watchOtherTabs(
      {
        addEventListener: (_t, l) => void me.listeners.add(l),
        removeEventListener: (_t, l) => void me.listeners.delete(l),
      },
      SITE_NAMESPACE,
      (...saved) => store.getState().otherTabSaved(...saved),
    );
    return {
      store,
      /** The tab misses the other tabs' saves from now on (a frozen tab, or a keystroke before the event). */
      missEvents: () => void (me.deliver = false),
    };
  }
  const saved = () => {
    const text = data.get('codon-lab:v1:edits:02-the-bug/bug');
    return text === undefined ? null : (JSON.parse(text) as { cpp: string; codon: string; rev: number });
  };
  return { open, saved };
}

describe('two tabs on one program', () => {
  it('a save in one tab shows in the other, which can undo back to its own code', () => {
    const site = origin();
    const a = site.open().store;
    const b = site.open().store;
    b.getState().editCode('cpp', 'b was here');
    expect(a.getState().code.cpp).toBe('b was here');
    a.getState().editCode('cpp', 'a wrote this');
    expect(b.getState().code.cpp).toBe('a wrote this');
    expect(b.getState().replaced?.reason).toBe('other-tab');
    expect(b.getState().conflict).toBeNull();
    // B follows every save of A; its Undo goes back to B's code from before A's first save.
    a.getState().editCode('cpp', 'a wrote this, and more');
    b.getState().undoReplace();
    expect(b.getState().code.cpp).toBe('b was here');
    expect(site.saved()?.cpp).toBe('b was here');
    expect(a.getState().code.cpp).toBe('b was here');
  });

  it('a stale tab’s keystroke overwrites nothing: it asks, and keeping its code is a choice', () => {
    const site = origin();
    const a = site.open().store;
    const tabB = site.open();
    const b = tabB.store;
    tabB.missEvents();
    a.getState().editCode('codon', 'print("newer, from A")');
    expect(b.getState().code).toEqual(lessonCode);
    b.getState().editCode('codon', 'print("stale B")');
    expect(site.saved()?.codon).toBe('print("newer, from A")');
    expect(b.getState().conflict?.code?.codon).toBe('print("newer, from A")');
    // More keystrokes: still nothing written until the learner chooses.
    b.getState().editCode('codon', 'print("stale B, more")');
    expect(site.saved()?.codon).toBe('print("newer, from A")');
    b.getState().resolveConflict('mine');
    expect(b.getState().conflict).toBeNull();
    expect(site.saved()).toMatchObject({ codon: 'print("stale B, more")', rev: 2 });
  });

  it('the stale tab can take the other tab’s code instead, and undo that', () => {
    const site = origin();
    const a = site.open().store;
    const tabB = site.open();
    tabB.missEvents();
    a.getState().editCode('codon', 'from A');
    tabB.store.getState().editCode('codon', 'from B');
    tabB.store.getState().resolveConflict('theirs');
    expect(tabB.store.getState().code.codon).toBe('from A');
    expect(tabB.store.getState().conflict).toBeNull();
    expect(site.saved()?.codon).toBe('from A');
    // Its next keystroke is a save over A's revision: no question.
    tabB.store.getState().editCode('codon', 'from A, then B');
    expect(tabB.store.getState().conflict).toBeNull();
    expect(site.saved()?.codon).toBe('from A, then B');
    tabB.store.getState().undoReplace();
    expect(tabB.store.getState().code.codon).toBe('from B');
  });

  it('a reset in one tab is asked about in a stale tab, and taking it brings the lesson’s code', () => {
    const site = origin();
    const a = site.open().store;
    a.getState().editCode('cpp', 'edited');
    const tabB = site.open();
    tabB.missEvents();
    a.getState().resetCode();
    expect(site.saved()).toBeNull();
    tabB.store.getState().editCode('cpp', 'edited, in B');
    expect(site.saved()).toBeNull();
    expect(tabB.store.getState().conflict).toEqual({ code: null, rev: { n: 0, id: '' } });
    tabB.store.getState().resolveConflict('theirs');
    expect(tabB.store.getState().code).toEqual(lessonCode);
    expect(tabB.store.getState().codeOrigin).toBe('lesson');
  });

  it('a tab whose edits the browser refused is asked when another tab saves, not overwritten', () => {
    const site = origin({ quota: 200 });
    const a = site.open().store;
    const b = site.open().store;
    b.getState().editCode('cpp', 'x'.repeat(500));
    expect(b.getState().saveFailed).toBe(true);
    a.getState().editCode('cpp', 'small');
    expect(b.getState().code.cpp).toBe('x'.repeat(500));
    expect(b.getState().conflict?.code?.cpp).toBe('small');
  });

  it('keeping a shared link’s code over edits another tab saved meanwhile asks first', () => {
    const site = origin();
    const a = site.open().store;
    const b = site.open().store;
    b.getState().loadProgram({ ...spec, linkCode: { cpp: 'from a link', codon: '' } });
    a.getState().editCode('cpp', 'a’s own');
    expect(b.getState().code.cpp).toBe('from a link');
    b.getState().keepLinkCode();
    expect(site.saved()?.cpp).toBe('a’s own');
    expect(b.getState().conflict?.code?.cpp).toBe('a’s own');
    b.getState().resolveConflict('mine');
    expect(site.saved()?.cpp).toBe('from a link');
    expect(b.getState().codeOrigin).toBe('saved');
  });
});

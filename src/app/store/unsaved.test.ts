import { describe, expect, it } from 'vitest';
import { MAX_PROGRAM_CHARS } from '../url/link';
import { editStore } from './edits';
import { createPlayerStore } from './player-store';
import { SITE_NAMESPACE, type KeyValueStorage } from './storage';
import type { ProgramSpec } from './types';
import {
  codeFile,
  downloadText,
  editsAtRisk,
  guardLeaving,
  leavingQuestion,
  type UnloadSource,
} from './unsaved';

const lessonCode = { cpp: 'double* foo();', codon: 'from C import foo() -> Ptr[float]' };
const spec: ProgramSpec = { lessonId: '02-the-bug', programId: 'bug', lessonCode };

/** A storage that is full: every write is refused, as a browser's over its quota. */
const full: KeyValueStorage = {
  getItem: () => null,
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  removeItem: () => {},
};

function fullStore() {
  const store = createPlayerStore({ edits: editStore(full, SITE_NAMESPACE) });
  store.getState().loadProgram(spec);
  return store;
}

/** Code that no link can carry: longer than a link's longest program. */
const tooLongForALink = () => `// ${'x'.repeat(MAX_PROGRAM_CHARS)}`;

/** A window's beforeunload, fired by hand; says whether the page asked to stay. */
function unloadSource() {
  let listener: ((event: BeforeUnloadEvent) => void) | null = null;
  const source: UnloadSource = {
    addEventListener: (_type, l) => void (listener = l),
    removeEventListener: (_type, l) => void (listener === l && (listener = null)),
  };
  const leave = () => {
    const event = { defaultPrevented: false, returnValue: '' as unknown };
    const asked = Object.assign(event, { preventDefault: () => void (event.defaultPrevented = true) });
    listener?.(asked as unknown as BeforeUnloadEvent);
    return { asked: asked.defaultPrevented, text: asked.returnValue };
  };
  return { source, leave };
}

describe('leaving the page', () => {
  it('asks when the browser refused the edits and they are too long for the address', () => {
    const store = fullStore();
    const { source, leave } = unloadSource();
    const stop = guardLeaving(source, store);
    expect(leave().asked).toBe(false);
    store.getState().editCode('cpp', 'short, kept in the address');
    expect(store.getState().saveFailed).toBe(true);
    expect(editsAtRisk(store.getState())).toBe(false);
    expect(leave().asked).toBe(false);
    store.getState().editCode('cpp', tooLongForALink());
    expect(editsAtRisk(store.getState())).toBe(true);
    expect(leave()).toEqual({ asked: true, text: 'Your edits are not saved anywhere yet. Leave anyway?' });
    store.getState().setLocale('zh');
    expect(leave()).toEqual({ asked: true, text: '你的修改还没有保存在任何地方。仍要离开吗？' });
    stop();
    expect(leave().asked).toBe(false);
  });

  it('asks about a link’s unkept edits, and about nothing once edits are saved', () => {
    const storage = new Map<string, string>();
    const store = createPlayerStore({
      edits: editStore(
        {
          getItem: (k) => storage.get(k) ?? null,
          setItem: (k, v) => void storage.set(k, v),
          removeItem: (k) => void storage.delete(k),
        },
        SITE_NAMESPACE,
      ),
    });
    store.getState().loadProgram({ ...spec, linkCode: { cpp: 'linked', codon: '' } });
    store.getState().editCode('cpp', tooLongForALink());
    expect(leavingQuestion(store.getState())).toBe('player.unsaved-link-edits');
    store.getState().keepLinkCode();
    expect(leavingQuestion(store.getState())).toBeNull();
  });
});

describe('a copy of the code', () => {
  it('is one text file with both programs, named after the lesson program', () => {
    const file = codeFile(
      { cpp: 'int x;', codon: 'print(1)' },
      { cpp: 'lib.cpp', codon: 'main.codon' },
      '02-the-bug',
      'bug',
    );
    expect(file.name).toBe('02-the-bug-bug.txt');
    expect(file.text).toBe('// ===== lib.cpp =====\nint x;\n\n# ===== main.codon =====\nprint(1)\n');
  });

  it('is handed to the browser as a download of a Blob', async () => {
    const clicked: { href: string; download: string }[] = [];
    const blobs = new Map<string, Blob>();
    const anchor = {
      href: '',
      download: '',
      click() {
        clicked.push({ href: this.href, download: this.download });
      },
      remove() {},
    };
    downloadText(
      {
        document: {
          createElement: (() => anchor) as unknown as Document['createElement'],
          body: { append: () => {} } as unknown as HTMLElement,
        },
        URL: {
          createObjectURL: (blob: Blob) => {
            blobs.set('blob:1', blob);
            return 'blob:1';
          },
          revokeObjectURL: () => {},
        },
      },
      'code.txt',
      'int x;',
    );
    expect(clicked).toEqual([{ href: 'blob:1', download: 'code.txt' }]);
    expect(await blobs.get('blob:1')?.text()).toBe('int x;');
  });
});

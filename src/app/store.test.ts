import { describe, expect, it } from 'vitest';
import { createAppStore, isCodeEdited } from './store';

const lessonCode = { cpp: 'double* foo();', codon: 'from C import foo() -> Ptr[float]' };

describe('the app store', () => {
  it('starts with the lesson and its own code', () => {
    const store = createAppStore({ lessonId: 'welcome', lessonCode });
    expect(store.getState().lessonId).toBe('welcome');
    expect(store.getState().code).toEqual(lessonCode);
    expect(isCodeEdited(store.getState())).toBe(false);
  });

  it('edits one program and leaves the other alone', () => {
    const store = createAppStore({ lessonId: 'welcome', lessonCode });
    store.getState().editCode('cpp', 'static double bar[4];');
    expect(store.getState().code).toEqual({ cpp: 'static double bar[4];', codon: lessonCode.codon });
    expect(store.getState().lessonCode).toEqual(lessonCode);
    expect(isCodeEdited(store.getState())).toBe(true);
  });

  it('does not notify subscribers when an edit changes nothing', () => {
    const store = createAppStore({ lessonId: 'welcome', lessonCode });
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().editCode('codon', lessonCode.codon);
    expect(notified).toBe(0);
    store.getState().editCode('codon', 'x = 1');
    expect(notified).toBe(1);
  });

  it('brings back the lesson code on reset', () => {
    const store = createAppStore({ lessonId: 'welcome', lessonCode });
    store.getState().editCode('codon', 'print(1)');
    store.getState().editCode('cpp', '');
    store.getState().resetCode();
    expect(store.getState().code).toEqual(lessonCode);
    expect(isCodeEdited(store.getState())).toBe(false);
  });
});

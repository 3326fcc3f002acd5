// The app state: one Zustand store built from typed slices, usable outside React (vanilla
// `createStore`) so tests and, later, the simulator's worker bridge can drive it without a DOM.
import { createStore, type StateCreator } from 'zustand/vanilla';

/** The two programs of a lesson: the C++ library and the Codon program that calls it. */
export interface LessonCode {
  readonly cpp: string;
  readonly codon: string;
}

/** Which of the two programs. */
export type CodeSide = keyof LessonCode;

/** Which lesson is open, and the code it ships with. */
export interface LessonSlice {
  lessonId: string;
  lessonCode: LessonCode;
}

/** The code in the editors, as the learner has edited it. */
export interface CodeSlice {
  code: LessonCode;
  /** Replaces one program's text (every keystroke in an editor lands here). */
  editCode: (side: CodeSide, text: string) => void;
  /** Brings back the lesson's own code for both programs. */
  resetCode: () => void;
}

export type AppState = LessonSlice & CodeSlice;
export type AppStore = ReturnType<typeof createAppStore>;

/** What a store starts from. */
export interface AppStoreInit {
  lessonId: string;
  lessonCode: LessonCode;
}

const lessonSlice =
  (init: AppStoreInit): StateCreator<AppState, [], [], LessonSlice> =>
  () => ({ lessonId: init.lessonId, lessonCode: init.lessonCode });

const codeSlice =
  (init: AppStoreInit): StateCreator<AppState, [], [], CodeSlice> =>
  (set) => ({
    code: init.lessonCode,
    editCode: (side, text) =>
      set((state) => (state.code[side] === text ? state : { code: { ...state.code, [side]: text } })),
    resetCode: () => set((state) => ({ code: state.lessonCode })),
  });

/** A new store for one lesson. */
export function createAppStore(init: AppStoreInit) {
  return createStore<AppState>()((...a) => ({ ...lessonSlice(init)(...a), ...codeSlice(init)(...a) }));
}

/** True when the learner has changed either program. */
export function isCodeEdited(state: Pick<AppState, 'code' | 'lessonCode'>): boolean {
  return state.code.cpp !== state.lessonCode.cpp || state.code.codon !== state.lessonCode.codon;
}

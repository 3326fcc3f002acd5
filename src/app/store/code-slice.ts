// The lesson and code slices: which program the player holds, and the learner's text for it. Edits are
// saved per lesson program; a shared link's code is shown without touching them until the learner
// keeps it; every wholesale replacement can be undone.
import type { StateCreator } from 'zustand/vanilla';
import type { CodeOrigin, CodeSlice, LessonCode, LessonSlice, PlayerDeps, PlayerState } from './types';

const DEFAULT_FILE_NAMES = { cpp: 'lib.cpp', codon: 'main.codon' } as const;
const EMPTY_CODE: LessonCode = { cpp: '', codon: '' };

/** True when two code pairs hold the same text. */
export function sameCode(a: LessonCode, b: LessonCode): boolean {
  return a.cpp === b.cpp && a.codon === b.codon;
}

/** True when the learner has edited a shared link's code without keeping it: leaving would lose that. */
export function hasUnkeptLinkEdits(state: Pick<PlayerState, 'code' | 'codeOrigin' | 'linkCode'>): boolean {
  return state.codeOrigin === 'link' && state.linkCode !== null && !sameCode(state.code, state.linkCode);
}

/** True when the learner's code differs from the lesson's. */
export function isCodeEdited(state: Pick<PlayerState, 'code' | 'lessonCode'>): boolean {
  return !sameCode(state.code, state.lessonCode);
}

export const lessonSlice =
  (_deps: PlayerDeps): StateCreator<PlayerState, [], [], LessonSlice> =>
  (set, get) => ({
    lessonId: null,
    programId: null,
    lessonCode: EMPTY_CODE,
    fileNames: DEFAULT_FILE_NAMES,
    loadProgram: (spec) => {
      const saved = _deps.edits.load(spec.lessonId, spec.programId);
      let code: LessonCode = saved ?? spec.lessonCode;
      let codeOrigin: CodeOrigin = saved && !sameCode(saved, spec.lessonCode) ? 'saved' : 'lesson';
      if (spec.linkCode && !sameCode(spec.linkCode, code)) {
        code = spec.linkCode;
        codeOrigin = 'link';
      }
      const state = get();
      set({
        lessonId: spec.lessonId,
        programId: spec.programId,
        lessonCode: spec.lessonCode,
        fileNames: spec.fileNames ?? DEFAULT_FILE_NAMES,
        code,
        codeOrigin,
        linkCode: codeOrigin === 'link' ? code : null,
        replaced: null,
        target: spec.target ?? state.target,
        leftover: spec.leftover ?? state.leftover,
        // A different program: nothing of the old run applies.
        trace: null,
        traceInput: null,
        verdict: null,
        runError: null,
        step: 0,
        eventEnd: null,
        playing: false,
        pendingPredict: null,
        wantedStep: spec.step ?? null,
        wantedStop: null,
      });
    },
  });

export const codeSlice =
  (deps: PlayerDeps): StateCreator<PlayerState, [], [], CodeSlice> =>
  (set, get) => {
    /** Saves `code` as the learner's edits of the current program (or forgets them when it is the lesson's). */
    const persist = (code: LessonCode): boolean => {
      const { lessonId, programId, lessonCode } = get();
      if (lessonId === null || programId === null) return true;
      if (sameCode(code, lessonCode)) {
        deps.edits.remove(lessonId, programId);
        return true;
      }
      return deps.edits.save(lessonId, programId, code);
    };
    const originOf = (code: LessonCode): CodeOrigin =>
      sameCode(code, get().lessonCode) ? 'lesson' : 'saved';
    /** The learner's own code for the current program: saved edits, else the lesson's. */
    const ownCode = (): LessonCode => {
      const { lessonId, programId, lessonCode } = get();
      if (lessonId === null || programId === null) return lessonCode;
      return deps.edits.load(lessonId, programId) ?? lessonCode;
    };
    return {
      code: EMPTY_CODE,
      codeOrigin: 'lesson',
      linkCode: null,
      saveFailed: false,
      replaced: null,
      editCode: (side, text) => {
        const state = get();
        if (state.code[side] === text) return;
        const code = { ...state.code, [side]: text };
        // Edits of a shared link's code stay out of the saved edits until the learner keeps them.
        if (state.codeOrigin === 'link') {
          set({ code });
          return;
        }
        const saved = persist(code);
        set({ code, codeOrigin: originOf(code), saveFailed: state.saveFailed || !saved });
      },
      resetCode: () => get().replaceCode(get().lessonCode, 'reset'),
      replaceCode: (code, reason) => {
        const state = get();
        if (sameCode(code, state.code)) return;
        const previous = { previous: state.code, previousOrigin: state.codeOrigin, reason };
        if (state.codeOrigin === 'link' && reason !== 'discard-link') {
          // Replacing a link's code does not make it the learner's: the saved edits stay as they are.
          set({ code, replaced: previous });
          return;
        }
        const saved = persist(code);
        set({ code, codeOrigin: originOf(code), replaced: previous, saveFailed: state.saveFailed || !saved });
      },
      keepLinkCode: () => {
        const state = get();
        if (state.codeOrigin !== 'link') return;
        const saved = persist(state.code);
        set({ codeOrigin: originOf(state.code), saveFailed: state.saveFailed || !saved });
      },
      discardLinkCode: () => {
        const state = get();
        if (state.codeOrigin !== 'link') return;
        const own = ownCode();
        set({
          code: own,
          codeOrigin: originOf(own),
          replaced: { previous: state.code, previousOrigin: 'link', reason: 'discard-link' },
        });
      },
      undoReplace: () => {
        const { replaced } = get();
        if (!replaced) return;
        if (replaced.previousOrigin === 'link') {
          set({ code: replaced.previous, codeOrigin: 'link', replaced: null });
          return;
        }
        const saved = persist(replaced.previous);
        set({
          code: replaced.previous,
          codeOrigin: originOf(replaced.previous),
          replaced: null,
          saveFailed: get().saveFailed || !saved,
        });
      },
      dismissReplaced: () => set({ replaced: null }),
    };
  };

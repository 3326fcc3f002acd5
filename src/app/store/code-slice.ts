// The lesson and code slices: which program the player holds, and the learner's text for it. Edits are
// saved per lesson program; a shared link's code is shown without touching them until the learner
// keeps it; every wholesale replacement can be undone. Every save is made over the revision the code was
// based on (./edits.ts): a save another tab made meanwhile is followed, or asked about, never overwritten.
import type { StateCreator } from 'zustand/vanilla';
import { NO_REVISION, sameRevision, type SaveResult } from './edits';
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

/** What the code slice learns from each kind of save result. */
const SAVE_OUTCOMES: {
  [K in SaveResult['kind']]: (result: Extract<SaveResult, { kind: K }>) => Partial<PlayerState>;
} = {
  saved: (result) => ({ editsRev: result.rev, saveFailed: false, conflict: null }),
  // Nothing was written: the learner chooses (resolveConflict); until then each edit asks again.
  conflict: (result) => ({ conflict: result.theirs }),
  refused: () => ({ saveFailed: true }),
};

function stateAfterSave<R extends SaveResult>(result: R): Partial<PlayerState> {
  return (SAVE_OUTCOMES[result.kind] as (result: R) => Partial<PlayerState>)(result);
}

/** True when the code in the editors is the learner's own but not in storage (refused, or waiting on a choice). */
export function hasUnsavedEdits(state: Pick<PlayerState, 'codeOrigin' | 'saveFailed' | 'conflict'>): boolean {
  return state.codeOrigin !== 'link' && (state.saveFailed || state.conflict !== null);
}

export const lessonSlice =
  (_deps: PlayerDeps): StateCreator<PlayerState, [], [], LessonSlice> =>
  (set, get) => ({
    lessonId: null,
    programId: null,
    lessonCode: EMPTY_CODE,
    fileNames: DEFAULT_FILE_NAMES,
    loadProgram: (spec) => {
      const { code: saved, rev } = _deps.edits.load(spec.lessonId, spec.programId);
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
        editsRev: rev,
        conflict: null,
        saveFailed: false,
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
    /**
     * Saves `code` as the learner's edits of the current program (or forgets them when it is the
     * lesson's), over the revision the editors' code is based on; returns what the state learns of it.
     */
    const persist = (code: LessonCode): Partial<PlayerState> => {
      const { lessonId, programId, lessonCode, editsRev } = get();
      if (lessonId === null || programId === null) return {};
      const own = sameCode(code, lessonCode) ? null : code;
      return stateAfterSave(deps.edits.save(lessonId, programId, own, editsRev));
    };
    const originOf = (code: LessonCode): CodeOrigin =>
      sameCode(code, get().lessonCode) ? 'lesson' : 'saved';
    return {
      code: EMPTY_CODE,
      codeOrigin: 'lesson',
      linkCode: null,
      saveFailed: false,
      editsRev: NO_REVISION,
      conflict: null,
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
        set({ code, codeOrigin: originOf(code), ...persist(code) });
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
        set({ code, codeOrigin: originOf(code), replaced: previous, ...persist(code) });
      },
      keepLinkCode: () => {
        const state = get();
        if (state.codeOrigin !== 'link') return;
        set({ codeOrigin: originOf(state.code), ...persist(state.code) });
      },
      discardLinkCode: () => {
        const state = get();
        if (state.codeOrigin !== 'link' || state.lessonId === null || state.programId === null) return;
        // The learner's own code: saved edits (as they are now, maybe saved by another tab), else the lesson's.
        const saved = deps.edits.load(state.lessonId, state.programId);
        const own = saved.code ?? state.lessonCode;
        set({
          code: own,
          codeOrigin: originOf(own),
          editsRev: saved.rev,
          conflict: null,
          saveFailed: false,
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
        set({
          code: replaced.previous,
          codeOrigin: originOf(replaced.previous),
          replaced: null,
          ...persist(replaced.previous),
        });
      },
      dismissReplaced: () => set({ replaced: null }),
      resolveConflict: (choice) => {
        const state = get();
        const { conflict } = state;
        if (!conflict) return;
        if (choice === 'mine') {
          // Over their revision now: saved, unless yet another save came in meanwhile (then it asks again).
          set({ editsRev: conflict.rev, conflict: null });
          if (state.codeOrigin === 'link') set({ codeOrigin: originOf(state.code) });
          set(persist(state.code));
          return;
        }
        const theirs = conflict.code ?? state.lessonCode;
        set({
          code: theirs,
          codeOrigin: originOf(theirs),
          editsRev: conflict.rev,
          conflict: null,
          saveFailed: false,
          replaced: { previous: state.code, previousOrigin: state.codeOrigin, reason: 'other-tab' },
        });
      },
      otherTabSaved: (lessonId, programId, saved) => {
        const state = get();
        if (state.lessonId !== lessonId || state.programId !== programId) return;
        if (sameRevision(saved.rev, state.editsRev)) return;
        const theirs = saved.code ?? state.lessonCode;
        // A link's code is not the learner's: keeping it later is a save over a stale revision, and asks.
        if (state.codeOrigin === 'link') return;
        if (sameCode(theirs, state.code)) {
          set({ editsRev: saved.rev, conflict: null, saveFailed: false });
          return;
        }
        // This tab holds code that is not in storage: following the other tab would lose it. Ask.
        if (hasUnsavedEdits(state)) {
          set({ conflict: saved });
          return;
        }
        // This tab's code is what it last saved: follow the other tab (undoable, back to where it was).
        set({
          code: theirs,
          codeOrigin: originOf(theirs),
          editsRev: saved.rev,
          replaced:
            state.replaced?.reason === 'other-tab'
              ? state.replaced
              : { previous: state.code, previousOrigin: state.codeOrigin, reason: 'other-tab' },
        });
      },
    };
  };

// The learner's progress through the course, kept in the browser: which lessons they opened, which
// questions they answered, which exercises their code passed, and whether they stepped a run to its end.
import { createStore } from 'zustand/vanilla';
import { readJson, writeJson, type KeyValueStorage } from '../store/storage';

export interface LessonProgress {
  visited: boolean;
  /** Predict id -> index of the choice the learner picked. */
  answers: Record<string, number>;
  /** Exercise program ids whose goal the learner's code met. */
  exercises: string[];
  /** The learner stepped one of the lesson's runs to its end. */
  ranToEnd: boolean;
  /** Marked done (by the learner, or because every task of the lesson is done). */
  done: boolean;
}

export type ProgressMark = 'none' | 'started' | 'done';

export interface ProgressState {
  lessons: Record<string, LessonProgress>;
  visit: (lessonId: string) => void;
  answer: (lessonId: string, predictId: string, choice: number) => void;
  clearAnswer: (lessonId: string, predictId: string) => void;
  passExercise: (lessonId: string, programId: string) => void;
  reachEnd: (lessonId: string) => void;
  markDone: (lessonId: string) => void;
}

const EMPTY: LessonProgress = { visited: false, answers: {}, exercises: [], ranToEnd: false, done: false };

/** The progress mark of a lesson. */
export function progressMark(progress: LessonProgress | undefined): ProgressMark {
  if (!progress) return 'none';
  if (progress.done) return 'done';
  return progress.visited ? 'started' : 'none';
}

/** True when every question and exercise the lesson page showed is done and a run was stepped to the end. */
export function allTasksDone(
  progress: LessonProgress | undefined,
  tasks: { predicts: readonly string[]; exercises: readonly string[]; playgrounds: number },
): boolean {
  if (!progress) return false;
  return (
    tasks.predicts.every((id) => id in progress.answers) &&
    tasks.exercises.every((id) => progress.exercises.includes(id)) &&
    (tasks.playgrounds === 0 || progress.ranToEnd)
  );
}

function sanitize(value: unknown): Record<string, LessonProgress> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, LessonProgress> = {};
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const p = raw as Partial<LessonProgress>;
    out[id] = {
      visited: p.visited === true,
      answers:
        typeof p.answers === 'object' && p.answers !== null
          ? Object.fromEntries(Object.entries(p.answers).filter(([, v]) => typeof v === 'number'))
          : {},
      exercises: Array.isArray(p.exercises)
        ? p.exercises.filter((x): x is string => typeof x === 'string')
        : [],
      ranToEnd: p.ranToEnd === true,
      done: p.done === true,
    };
  }
  return out;
}

/** A progress store saved in `storage` under `<namespace>progress`. */
export function createProgressStore(storage: KeyValueStorage, namespace: string) {
  const key = `${namespace}progress`;
  const store = createStore<ProgressState>()((set, get) => {
    const update = (lessonId: string, change: (p: LessonProgress) => LessonProgress) => {
      const before = get().lessons[lessonId] ?? EMPTY;
      const after = change(before);
      if (JSON.stringify(after) === JSON.stringify(before)) return;
      set({ lessons: { ...get().lessons, [lessonId]: after } });
    };
    return {
      lessons: sanitize(readJson(storage, key)),
      visit: (id) => update(id, (p) => ({ ...p, visited: true })),
      answer: (id, predictId, choice) =>
        update(id, (p) => ({ ...p, visited: true, answers: { ...p.answers, [predictId]: choice } })),
      clearAnswer: (id, predictId) =>
        update(id, (p) => {
          const answers = { ...p.answers };
          delete answers[predictId];
          return { ...p, answers };
        }),
      passExercise: (id, programId) =>
        update(id, (p) =>
          p.exercises.includes(programId)
            ? p
            : { ...p, visited: true, exercises: [...p.exercises, programId] },
        ),
      reachEnd: (id) => update(id, (p) => ({ ...p, visited: true, ranToEnd: true })),
      markDone: (id) => update(id, (p) => ({ ...p, visited: true, done: true })),
    };
  });
  store.subscribe((s) => writeJson(storage, key, s.lessons));
  return store;
}

export type ProgressStore = ReturnType<typeof createProgressStore>;

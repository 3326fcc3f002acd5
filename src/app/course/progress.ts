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

/**
 * A record keyed by ids that come from the address or from storage: without a prototype, so a lookup of
 * `constructor` or `toString` (`?lesson=constructor`) finds nothing instead of Object's functions.
 */
function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [id, value] of entries) record[id] = value;
  return record;
}

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
    tasks.predicts.every((id) => Object.hasOwn(progress.answers, id)) &&
    tasks.exercises.every((id) => progress.exercises.includes(id)) &&
    (tasks.playgrounds === 0 || progress.ranToEnd)
  );
}

function sanitize(value: unknown): Record<string, LessonProgress> {
  const out = idRecord<LessonProgress>();
  if (typeof value !== 'object' || value === null) return out;
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const p = raw as Partial<LessonProgress>;
    out[id] = {
      visited: p.visited === true,
      answers:
        typeof p.answers === 'object' && p.answers !== null
          ? idRecord(Object.entries(p.answers).filter((e): e is [string, number] => typeof e[1] === 'number'))
          : idRecord(),
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
      const lessons = get().lessons;
      const before = (Object.hasOwn(lessons, lessonId) ? lessons[lessonId] : undefined) ?? EMPTY;
      const after = change(before);
      if (JSON.stringify(after) === JSON.stringify(before)) return;
      set({ lessons: idRecord([...Object.entries(lessons), [lessonId, after] as const]) });
    };
    return {
      lessons: sanitize(readJson(storage, key)),
      visit: (id) => update(id, (p) => ({ ...p, visited: true })),
      answer: (id, predictId, choice) =>
        update(id, (p) => ({
          ...p,
          visited: true,
          answers: idRecord([...Object.entries(p.answers), [predictId, choice] as const]),
        })),
      clearAnswer: (id, predictId) =>
        update(id, (p) => {
          const answers = idRecord(Object.entries(p.answers).filter(([key]) => key !== predictId));
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

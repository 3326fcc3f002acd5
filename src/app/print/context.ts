// What the handout gives the lesson's widgets it replaces: the lesson's programs, their runs (each run
// once, shared), and a registry filled while the text renders: which playground shows which run, which
// moments the questions stop at, which programs are listed, the questions' answers and the terms used.
import { createContext, useContext, type ReactNode } from 'react';
import type { RunResult } from '../../sim/run/api';
import type { LessonProgram } from '../course/course';
import type { FocusMark } from '../diagram/focus';
import type { Locale } from '../store/types';
import type { HandoutRegistry } from './registry';
import type { HandoutRun } from './run-pool';

/** A question of the lesson, for the answers at the end. */
export interface HandoutAnswer {
  id: string;
  right: ReactNode[];
  explain: ReactNode;
}

export interface HandoutContextValue {
  lessonId: string;
  /** The page's language (UI strings and the simulator's narration). */
  locale: Locale;
  loadProgram: (programId: string) => Promise<LessonProgram | null>;
  run: (run: HandoutRun) => Promise<RunResult>;
  registry: HandoutRegistry;
  /** Question ids in the order the text asks them (a question's number is its index + 1). */
  questions: readonly string[];
  registerQuestion: (answer: HandoutAnswer) => () => void;
  registerTerm: (id: string) => () => void;
  /** A printed picture's marks (focusMarks of its step), for the key to the diagrams; returns its removal. */
  registerMarks: (marks: readonly FocusMark[]) => () => void;
}

export const HandoutContext = createContext<HandoutContextValue | null>(null);

/** The handout this widget is printed in. */
export function useHandout(): HandoutContextValue {
  const value = useContext(HandoutContext);
  if (!value) throw new Error('a handout widget outside the handout');
  return value;
}

// What a lesson page gives its MDX widgets: which lesson this is, how to put one of its programs in the
// player (and, on narrow screens, where the player then appears), and a registry of the questions and
// exercises on the page (for the player's "predict" stop and the progress marks).
import { createContext, useContext } from 'react';
import type { Target } from '../../sim/abi/ctype';
import type { Leftover } from '../../sim/machine/machine';
import type { LessonProgram } from '../course/course';
import type { Locale } from '../store/types';

/** A program as a widget asks for it. */
export interface ProgramRequest {
  programId: string;
  target?: Target;
  leftover?: Leftover;
}

/** A widget that can host the player on narrow screens (a Playground, Predict or Exercise card). */
export interface PlayerHost {
  key: string;
  request: ProgramRequest;
  /** Where the player is portaled on narrow screens. */
  slot: HTMLElement | null;
  /** Only Playground cards are default hosts when the lesson opens. */
  kind: 'playground' | 'predict' | 'exercise';
  focus?: 'cpp' | 'codon';
}

export interface LessonContextValue {
  lessonId: string;
  /** The language the lesson text is in (English when the translation is missing). */
  textLocale: Locale;
  /** The host the player belongs to now. */
  activeHost: string | null;
  /** Puts a program in the player, hosted by `hostKey`; resolves false when the lesson has no such program. */
  openProgram: (request: ProgramRequest, hostKey: string) => Promise<boolean>;
  registerHost: (host: PlayerHost) => () => void;
  /** A question on the page (for the lesson's progress). */
  registerQuestion: (id: string) => () => void;
  registerExercise: (programId: string) => () => void;
  loadProgram: (programId: string) => Promise<LessonProgram | null>;
  /** Inside the player: where the question it stopped at is shown (the Predict portals itself there). */
  pendingSlot: HTMLElement | null;
}

export const LessonContext = createContext<LessonContextValue | null>(null);

/** The lesson this widget is in, or null outside a lesson page. */
export function useLesson(): LessonContextValue | null {
  return useContext(LessonContext);
}

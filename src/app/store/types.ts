// The player's state: one Zustand store built from typed slices (lesson, code, run, playback,
// settings). A store is made per playground (`createPlayerStore`), never a module singleton, so a page
// can hold several (the site's player, an embed, a comparison).
import type { Target } from '../../sim/abi/ctype';
import type { Diagnostic } from '../../sim/diag';
import type { Leftover } from '../../sim/machine/machine';
import type { Outcome, Trace } from '../../sim/trace/types';
import type { Moment } from '../player/moments';
import type { Granularity, Position, StepCommand } from '../player/stepping';
import type { EditStore, Revision, SavedEdits } from './edits';
import type { LessonCode } from './storage';

export type { LessonCode } from './storage';
export type CodeSide = keyof LessonCode;
export type Locale = 'en' | 'zh';
/** `system` follows the system's light or dark; `contrast` is the high-contrast presentation theme. */
export type ThemeSetting = 'system' | 'light' | 'dark' | 'contrast';
/** `system` follows `prefers-reduced-motion`. */
export type MotionSetting = 'system' | 'reduce' | 'full';

export interface FileNames {
  readonly cpp: string;
  readonly codon: string;
}

/** What `loadProgram` needs: a lesson's program, its settings, and maybe a shared link's code. */
export interface ProgramSpec {
  lessonId: string;
  programId: string;
  lessonCode: LessonCode;
  fileNames?: FileNames;
  target?: Target;
  leftover?: Leftover;
  /** Code from a shared link: shown instead of the saved edits, without overwriting them. */
  linkCode?: LessonCode;
  /** Where to land when the first run arrives (a link's step). */
  step?: number;
}

/** Which lesson program the player holds. */
export interface LessonSlice {
  lessonId: string | null;
  programId: string | null;
  lessonCode: LessonCode;
  fileNames: FileNames;
  /** Loads a program: its saved edits (or a link's code, or its own code), its target and leftover. */
  loadProgram: (spec: ProgramSpec) => void;
}

/** Where the code in the editors came from. */
export type CodeOrigin = 'lesson' | 'saved' | 'link';

/** The code in the editors, as the learner has edited it. */
export interface CodeSlice {
  code: LessonCode;
  codeOrigin: CodeOrigin;
  /** The code a shared link carried, while the editors show it (null otherwise). */
  linkCode: LessonCode | null;
  /** True when the browser refused to store the code now in the editors (storage full or disabled). */
  saveFailed: boolean;
  /** The revision of the saved edits the code in the editors was loaded from or last saved as. */
  editsRev: Revision;
  /**
   * Another tab saved this program after `editsRev`, and this tab's code differs: saving it would
   * overwrite theirs, so nothing is saved until the learner chooses (`resolveConflict`).
   */
  conflict: SavedEdits | null;
  /** The code before the last wholesale replacement (reset, solution, leaving a link), for "Undo". */
  replaced: { previous: LessonCode; previousOrigin: CodeOrigin; reason: ReplaceReason } | null;
  /** Replaces one program's text (every keystroke in an editor lands here). */
  editCode: (side: CodeSide, text: string) => void;
  /** Brings back the lesson's own code for both programs and forgets the saved edits (undoable). */
  resetCode: () => void;
  /** Replaces both programs (an exercise's solution), keeping the old code for "Undo". */
  replaceCode: (code: LessonCode, reason: ReplaceReason) => void;
  /** Makes a shared link's code the learner's own saved code. */
  keepLinkCode: () => void;
  /** Leaves a shared link's code for the learner's own (saved or lesson) code (undoable). */
  discardLinkCode: () => void;
  /** Brings back the code from before the last reset, solution or discard. */
  undoReplace: () => void;
  dismissReplaced: () => void;
  /** The learner's answer to `conflict`: keep this tab's code (saved over theirs) or take theirs (undoable). */
  resolveConflict: (choice: 'mine' | 'theirs') => void;
  /** Another tab saved a program's edits (a `storage` event): follow it, or ask when this tab has unsaved code. */
  otherTabSaved: (lessonId: string, programId: string, saved: SavedEdits) => void;
}

export type ReplaceReason = 'reset' | 'solution' | 'discard-link' | 'other-tab';

/** What a run is made from. */
export interface RunInputs {
  code: LessonCode;
  target: Target;
  leftover: Leftover;
}

/** What a run gave back (the simulator's RunResult, without the CLI summary). */
export interface RunOutput {
  trace: Trace | null;
  diagnostics: Diagnostic[];
  outcome: Outcome;
}

/** The latest run's verdict for the code now in the editors (also when it did not compile). */
export interface RunVerdict {
  code: LessonCode;
  target: Target;
  leftover: Leftover;
  outcome: Outcome | null;
  diagnostics: Diagnostic[];
  findingKinds: string[];
  stdout: string;
}

/** Runs of the code on the simulator (in a worker), and which target and leftover they use. */
export interface RunSlice {
  target: Target;
  leftover: Leftover;
  /** Id of the newest run asked for; results of older runs are dropped. */
  runSeq: number;
  running: boolean;
  /** The trace on show: the newest run that compiled. */
  trace: Trace | null;
  /** The code, target and leftover `trace` was made from. */
  traceInput: RunInputs | null;
  /** The newest finished run, compiled or not. */
  verdict: RunVerdict | null;
  /** The worker failed (not the program: the simulator itself). */
  runError: string | null;
  setTarget: (target: Target) => void;
  setLeftover: (leftover: Leftover) => void;
  /** A new run starts: returns its id. */
  beginRun: () => number;
  /** A run finished; ignored unless it is the newest one asked for. */
  finishRun: (id: number, input: RunInputs, result: RunOutput) => void;
  /** A run failed inside the simulator; ignored unless it is the newest one. */
  failRun: (id: number, message: string) => void;
}

/** A lesson's `<Predict>`: where the player stops and asks (content/README.md). */
export interface PredictStop {
  id: string;
  programId: string;
  target: Target;
  leftover: Leftover;
  moment: Moment;
}

/** Where the player is in the run, and how it moves. */
export interface PlaybackSlice {
  step: number;
  eventEnd: number | null;
  playing: boolean;
  /** Index into PLAYBACK_SPEEDS. */
  speedIndex: number;
  granularity: Granularity;
  /** A step to land on when the next trace arrives (a link), instead of keeping the place. */
  wantedStep: number | null;
  /** A Predict whose moment to land on when the next trace arrives. */
  wantedStop: string | null;
  /** The Predict whose moment the player stopped at, waiting for an answer. */
  pendingPredict: string | null;
  predictStops: PredictStop[];
  /** Goes to a position (clamped to the run). */
  goTo: (pos: Position) => void;
  /** Runs a stepping command (by `granularity`, else the chosen one), stopping at an unanswered Predict's moment on the way. */
  command: (command: StepCommand, granularity?: Granularity) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  /** One tick of playback: a step forward, pausing at the end or at a Predict. */
  tick: () => void;
  setSpeedIndex: (index: number) => void;
  setGranularity: (granularity: Granularity) => void;
  /** A Predict on the page asks the player to stop at its moment; returns the unregister function. */
  registerStop: (stop: PredictStop) => () => void;
  /** Loads the program of a Predict (if needed) and lands on its moment, asking the question. */
  requestStop: (stopId: string) => void;
  /** The learner answered (or dismissed) the pending question. */
  resolvePredict: (id: string) => void;
}

/** How the page looks and speaks. */
export interface SettingsSlice {
  locale: Locale;
  theme: ThemeSetting;
  motion: MotionSetting;
  setLocale: (locale: Locale) => void;
  setTheme: (theme: ThemeSetting) => void;
  setMotion: (motion: MotionSetting) => void;
}

export type PlayerState = LessonSlice & CodeSlice & RunSlice & PlaybackSlice & SettingsSlice;

/** What a store is made with. */
export interface PlayerDeps {
  edits: EditStore;
  settings?: Partial<Pick<SettingsSlice, 'locale' | 'theme' | 'motion'>>;
}

/** Steps per second at each speed setting. */
export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export const DEFAULT_SPEED_INDEX = 3;

// Connects a player store to a runner: a change of code re-runs after a short pause in the typing
// (debounced), a change of program, target or leftover re-runs at once. Each run is numbered by the
// store, which drops any result that is not the newest.
import type { PlayerStore } from '../store/player-store';
import type { PlayerState, RunInputs } from '../store/types';
import { RunCancelled, type Runner } from './runner';

/**
 * The pause after a keystroke before a re-run. Short, because the whole edit-to-diagram budget is 100 ms;
 * typing faster than this only cancels runs (terminating a busy worker costs no start-up: a spare waits).
 */
export const EDIT_DEBOUNCE_MS = 12;

export interface ConnectOptions {
  debounceMs?: number;
  /** Called after each finished run (timing for the benchmark and the status line). */
  onRun?: (info: { id: number; ms: number; cancelled: boolean }) => void;
}

/** Starts re-running on changes; returns the function that stops it. */
export function connectRunner(store: PlayerStore, runner: Runner, options: ConnectOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? EDIT_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const runNow = () => {
    clearTimeout(timer);
    timer = undefined;
    const state = store.getState();
    if (state.programId === null) return;
    const input: RunInputs = { code: state.code, target: state.target, leftover: state.leftover };
    const id = state.beginRun();
    const started = performance.now();
    runner
      .run({
        cpp: input.code.cpp,
        codon: input.code.codon,
        target: input.target,
        leftover: input.leftover,
        files: state.fileNames,
      })
      .then(
        (result) => {
          store.getState().finishRun(id, input, {
            trace: result.trace,
            diagnostics: result.diagnostics,
            outcome: result.summary.outcome,
          });
          options.onRun?.({ id, ms: performance.now() - started, cancelled: false });
        },
        (error: unknown) => {
          if (error instanceof RunCancelled) {
            options.onRun?.({ id, ms: performance.now() - started, cancelled: true });
            return;
          }
          store.getState().failRun(id, error instanceof Error ? error.message : String(error));
        },
      );
  };

  const unsubscribe = store.subscribe((state: PlayerState, prev: PlayerState) => {
    if (state.programId === null) return;
    const newProgram =
      state.programId !== prev.programId ||
      state.lessonId !== prev.lessonId ||
      state.lessonCode !== prev.lessonCode;
    const newSettings = state.target !== prev.target || state.leftover !== prev.leftover;
    if (newProgram || newSettings) {
      runNow();
    } else if (state.code !== prev.code) {
      // A wholesale replacement (reset, solution) is not typing: run at once.
      const typed = state.replaced === prev.replaced;
      clearTimeout(timer);
      if (typed && debounceMs > 0) timer = setTimeout(runNow, debounceMs);
      else runNow();
    }
  });
  // A program already loaded runs straight away.
  if (store.getState().programId !== null) runNow();
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

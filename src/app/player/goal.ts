// An exercise's goal (content/README.md, `<Exercise goal=...>`), checked against the real run of the
// learner's code. Never a text match on the code.
import type { Outcome } from '../../sim/trace/types';

/** What a goal looks at: the run's outcome, its findings and what it printed. */
export interface RunFacts {
  /** Null when the code did not compile. */
  outcome: Outcome | null;
  findingKinds: readonly string[];
  stdout: string;
}

export type Goal = { kind: 'no-findings' } | { kind: 'outcome-ok' } | { kind: 'stdout'; text: string };

/** Why a goal is not met yet; `met` when it is. */
export type GoalVerdict =
  | { kind: 'met' }
  | { kind: 'compile-error' }
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'findings'; kinds: string[] }
  | { kind: 'stdout'; expected: string; actual: string };

/** Parses `no-findings`, `outcome:ok` or `stdout:<text>`; null for anything else. */
/** An exercise card's label: `word` ("Exercise") and the title, unless the title already starts with it. */
export function exerciseLabel(word: string, title: string): string {
  return title.startsWith(word) ? title : `${word}: ${title}`;
}

/** The sentence that states a goal, in the translator's language. */
export function goalSentence(
  goal: Goal,
  t: (
    key: 'mdx.exercise.goal.no-findings' | 'mdx.exercise.goal.outcome-ok' | 'mdx.exercise.goal.stdout',
    params?: Record<string, string | number>,
  ) => string,
): string {
  switch (goal.kind) {
    case 'no-findings':
      return t('mdx.exercise.goal.no-findings');
    case 'outcome-ok':
      return t('mdx.exercise.goal.outcome-ok');
    case 'stdout':
      return t('mdx.exercise.goal.stdout', { text: JSON.stringify(`${goal.text}\n`) });
  }
}

export function parseGoal(text: string): Goal | null {
  if (text === 'no-findings') return { kind: 'no-findings' };
  if (text === 'outcome:ok') return { kind: 'outcome-ok' };
  if (text.startsWith('stdout:')) return { kind: 'stdout', text: text.slice('stdout:'.length) };
  return null;
}

/** Checks a goal against a run. */
export function checkGoal(goal: Goal, run: RunFacts): GoalVerdict {
  if (run.outcome === null || run.outcome === 'compile-error') return { kind: 'compile-error' };
  if (run.outcome !== 'ok') return { kind: 'outcome', outcome: run.outcome };
  switch (goal.kind) {
    case 'outcome-ok':
      return { kind: 'met' };
    case 'no-findings':
      return run.findingKinds.length === 0
        ? { kind: 'met' }
        : { kind: 'findings', kinds: [...new Set(run.findingKinds)] };
    case 'stdout': {
      const expected = `${goal.text}\n`;
      return run.stdout === expected ? { kind: 'met' } : { kind: 'stdout', expected, actual: run.stdout };
    }
  }
}

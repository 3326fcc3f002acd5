import { describe, expect, it } from 'vitest';
import { checkGoal, exerciseLabel, parseGoal } from './goal';

const ok = { outcome: 'ok' as const, findingKinds: [], stdout: '6\n' };

describe('exercise goals', () => {
  it('parses the three goal forms and refuses anything else', () => {
    expect(parseGoal('no-findings')).toEqual({ kind: 'no-findings' });
    expect(parseGoal('outcome:ok')).toEqual({ kind: 'outcome-ok' });
    expect(parseGoal('stdout:1.5 2.5')).toEqual({ kind: 'stdout', text: '1.5 2.5' });
    expect(parseGoal('findings:none')).toBeNull();
  });

  it('checks no-findings against the outcome and the findings', () => {
    const goal = { kind: 'no-findings' } as const;
    expect(checkGoal(goal, ok)).toEqual({ kind: 'met' });
    expect(checkGoal(goal, { ...ok, findingKinds: ['stray-write', 'abi-mismatch', 'stray-write'] })).toEqual({
      kind: 'findings',
      kinds: ['stray-write', 'abi-mismatch'],
    });
    expect(checkGoal(goal, { ...ok, outcome: 'crash' })).toEqual({ kind: 'outcome', outcome: 'crash' });
    expect(checkGoal(goal, { ...ok, outcome: null })).toEqual({ kind: 'compile-error' });
    expect(checkGoal(goal, { ...ok, outcome: 'compile-error' })).toEqual({ kind: 'compile-error' });
  });

  it('checks stdout exactly, with one trailing newline, and only for a run that ended well', () => {
    const goal = { kind: 'stdout', text: '6' } as const;
    expect(checkGoal(goal, ok)).toEqual({ kind: 'met' });
    expect(checkGoal(goal, { ...ok, stdout: '6' })).toMatchObject({ kind: 'stdout' });
    expect(checkGoal(goal, { ...ok, stdout: '6\n\n' })).toMatchObject({ kind: 'stdout' });
    expect(checkGoal(goal, { ...ok, outcome: 'step-limit' })).toEqual({
      kind: 'outcome',
      outcome: 'step-limit',
    });
    expect(checkGoal({ kind: 'outcome-ok' }, { ...ok, findingKinds: ['leak'] })).toEqual({ kind: 'met' });
  });
});

describe('exercise labels', () => {
  it('name the exercise once', () => {
    expect(exerciseLabel('Exercise', 'Exercise: make the pointer valid')).toBe(
      'Exercise: make the pointer valid',
    );
    expect(exerciseLabel('Exercise', 'Keep the handle')).toBe('Exercise: Keep the handle');
    expect(exerciseLabel('练习', '练习：让返回的指针有效')).toBe('练习：让返回的指针有效');
  });
});

import { describe, expect, it } from 'vitest';
import { HandoutRegistry } from './registry';
import { handoutRun } from './run-pool';

describe('the handout registry', () => {
  it('gives a run to the first playground that shows it, until it goes', () => {
    const r = new HandoutRegistry();
    const undoA = r.claimRun(handoutRun('bug'), 'a');
    r.claimRun(handoutRun('bug'), 'b');
    r.claimRun(handoutRun('bug', 'aarch64'), 'c');
    expect(r.runOwner(handoutRun('bug', 'x86_64', 'runtime-data'))).toBe('a');
    expect(r.runOwner(handoutRun('bug', 'aarch64'))).toBe('c');
    expect(r.runOwner(handoutRun('bug', 'x86_64', 'zero'))).toBeNull();
    undoA();
    expect(r.runOwner(handoutRun('bug'))).toBe('b');
  });

  it('collects the moments questions stop at, per run', () => {
    const r = new HandoutRegistry();
    r.askMoment(handoutRun('leftovers'), 'call-return', 'rax');
    const undo = r.askMoment(handoutRun('leftovers', 'x86_64', 'gc-object'), 'call-return', 'gc');
    expect(r.askedMoments(handoutRun('leftovers'))).toEqual([{ moment: 'call-return', questionId: 'rax' }]);
    undo();
    expect(r.askedMoments(handoutRun('leftovers', 'x86_64', 'gc-object'))).toEqual([]);
  });

  it('prints the code of a program once, where it first appears', () => {
    const r = new HandoutRegistry();
    const first = r.claimCode('gc-bite', 'playground-1');
    r.claimCode('gc-bite', 'compare-1');
    expect(r.codeOwner('gc-bite')).toBe('playground-1');
    expect(r.codeOwner('gc-bite-fix')).toBeNull();
    first();
    expect(r.codeOwner('gc-bite')).toBe('compare-1');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Target } from '../../sim/abi/ctype';
import type { Leftover } from '../../sim/machine/machine';
import { runProgram } from '../../sim/run/index';
import type { Trace } from '../../sim/trace/types';
import { findMoment } from '../player/moments';
import { lastStep } from '../player/stepping';
import { keySteps } from './key-steps';

/** A real run of a lesson's program on the simulator. */
function run(
  lesson: string,
  program: string,
  target: Target = 'x86_64',
  leftover: Leftover = 'runtime-data',
) {
  const dir = new URL(`../../../content/lessons/${lesson}/programs/${program}/`, import.meta.url);
  const result = runProgram({
    cpp: readFileSync(new URL('lib.cpp', dir), 'utf8'),
    codon: readFileSync(new URL('main.codon', dir), 'utf8'),
    target,
    leftover,
  });
  if (!result.trace) throw new Error(`${program} did not compile`);
  return result.trace;
}

const momentsOf = (trace: Trace, asked: Parameters<typeof keySteps>[1] = []) =>
  keySteps(trace, asked).flatMap((k) => k.moments);

describe('key steps of a run', () => {
  it('tells the original bug in order: call, the callee writes, back in Codon, the end', () => {
    const trace = run('02-the-bug', 'bug');
    const steps = keySteps(trace);
    expect(steps.flatMap((k) => k.moments)).toEqual(['call', 'callee-write', 'call-return', 'end']);
    const at = steps.map((k) => k.step);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(new Set(at).size).toBe(at.length);
    expect(at[0]).toBe(findMoment(trace, 'call'));
    expect(at.at(-1)).toBe(lastStep(trace));
  });

  it('draws a crash once, with the moments that happen at it', () => {
    // leftover zero: foo's first store goes to address 0 and the run dies inside foo.
    const trace = run('02-the-bug', 'bug', 'x86_64', 'zero');
    expect(trace.crash).not.toBeNull();
    const steps = keySteps(trace);
    const crash = steps.find((k) => k.moments.includes('crash'));
    expect(crash?.step).toBe(findMoment(trace, 'crash'));
    // The faulting store is the callee's write, and nothing comes after it: one picture for all three.
    expect(crash?.moments).toEqual(['callee-write', 'crash', 'end']);
    expect(steps.at(-1)).toBe(crash);
    expect(momentsOf(trace)).not.toContain('call-return');
  });

  it('adds the moments a question stops at, and only those the run reaches', () => {
    const trace = run('01-calling-c', 'basics');
    expect(momentsOf(trace)).not.toContain('first-print');
    const steps = keySteps(trace, ['first-print']);
    const print = steps.find((k) => k.moments.includes('first-print'));
    expect(print?.step).toBe(findMoment(trace, 'first-print'));
    // A run without a collection never shows one, asked for or not.
    expect(momentsOf(trace, ['gc'])).not.toContain('gc');
  });

  it('shows the collection in the GC lesson', () => {
    const trace = run('05-gc', 'gc-bite');
    const gc = keySteps(trace).find((k) => k.moments.includes('gc'));
    expect(gc?.step).toBe(findMoment(trace, 'gc'));
  });
});

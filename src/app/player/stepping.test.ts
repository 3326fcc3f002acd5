import { describe, expect, it } from 'vitest';
import { StepKind } from '../../sim/trace/types';
import { findMoment } from './moments';
import { canMove, eventRange, lastStep, move, stepOut, stepOver, type Position } from './stepping';
import { loopTrace } from './trace-fixtures';
import { lineAt, sideAt, stdoutAt, traceIndex } from './trace-index';

const trace = loopTrace();
const whole = (step: number): Position => ({ step, eventEnd: null });
/** The first step at this side and line. */
const firstAt = (side: string, line: number, from = 0): number => {
  for (let i = from; i < trace.steps.count; i++)
    if (sideAt(trace, i) === side && lineAt(trace, i) === line) return i;
  throw new Error(`no step at ${side}:${line}`);
};

describe('stepping by source step', () => {
  it('moves one step forward and back, and stays inside the run', () => {
    expect(move(trace, whole(3), 'forward', 'step')).toEqual(whole(4));
    expect(move(trace, whole(3), 'back', 'step')).toEqual(whole(2));
    expect(move(trace, whole(0), 'back', 'step')).toEqual(whole(0));
    const last = lastStep(trace);
    expect(move(trace, whole(last), 'forward', 'step')).toEqual(whole(last));
    expect(canMove(trace, whole(last), 'forward', 'step')).toBe(false);
    expect(move(trace, whole(5), 'start', 'step')).toEqual(whole(0));
    expect(move(trace, whole(5), 'end', 'step')).toEqual(whole(last));
  });

  it('finishes a half-shown step before moving on', () => {
    const step = firstAt('cpp', 6);
    const { start } = eventRange(trace, step);
    expect(move(trace, { step, eventEnd: start }, 'forward', 'step')).toEqual(whole(step));
  });

  it('steps over a foreign call: from the Codon call to the step after foo has returned', () => {
    const call = firstAt('codon', 5);
    const over = stepOver(trace, call);
    // The boundary-call step is still in run's frame; the next "over" skips all of foo.
    expect(trace.steps.kind[over]).toBe(StepKind.BoundaryCall);
    const after = stepOver(trace, over);
    expect(sideAt(trace, after)).not.toBe('cpp');
    expect(traceIndex(trace).depth[after]).toBeLessThanOrEqual(traceIndex(trace).depth[call] as number);
  });

  it('steps out of foo to the first step back in Codon', () => {
    const inside = firstAt('cpp', 7);
    const out = stepOut(trace, inside);
    expect(sideAt(trace, out)).toBe('codon');
    expect(trace.steps.kind[out]).toBe(StepKind.BoundaryReturn);
    expect(move(trace, whole(inside), 'out', 'step')).toEqual(whole(out));
  });
});

describe('stepping by machine event', () => {
  it('walks every event of a step, then arrives at the next step before its events', () => {
    const step = firstAt('cpp', 6);
    const { start, end } = eventRange(trace, step);
    expect(end).toBeGreaterThan(start + 1); // a store and a register move at least
    let pos: Position = { step: step - 1, eventEnd: null };
    pos = move(trace, pos, 'forward', 'event');
    expect(pos).toEqual({ step, eventEnd: start });
    const seen: (number | null)[] = [];
    while (pos.step === step) {
      seen.push(pos.eventEnd);
      pos = move(trace, pos, 'forward', 'event');
    }
    // start, start+1, ..., end-1, then the whole step (null), then the next step.
    expect(seen).toEqual([...Array.from({ length: end - start }, (_, i) => start + i), null]);
  });

  it('walks back event by event into the previous step', () => {
    const step = firstAt('cpp', 7);
    const { start } = eventRange(trace, step);
    expect(move(trace, { step, eventEnd: start + 1 }, 'back', 'event')).toEqual({ step, eventEnd: start });
    expect(move(trace, { step, eventEnd: start }, 'back', 'event')).toEqual(whole(step - 1));
    expect(move(trace, whole(step), 'back', 'event')).toEqual({
      step,
      eventEnd: eventRange(trace, step).end - 1,
    });
  });

  it('visits every event of the run once, forward, and all of them again backward', () => {
    let pos: Position = move(trace, whole(0), 'start', 'event');
    let forward = 0;
    while (canMove(trace, pos, 'forward', 'event')) {
      pos = move(trace, pos, 'forward', 'event');
      forward++;
    }
    expect(pos).toEqual(whole(lastStep(trace)));
    let backward = 0;
    while (canMove(trace, pos, 'back', 'event')) {
      pos = move(trace, pos, 'back', 'event');
      backward++;
    }
    expect(pos.step).toBe(0);
    expect(forward).toBeGreaterThanOrEqual(trace.events.count);
    expect(backward).toBeGreaterThanOrEqual(trace.events.count);
  });
});

describe('the trace index', () => {
  it('knows the call depth, the foreign call in progress and the output so far', () => {
    const index = traceIndex(trace);
    const inFoo = firstAt('cpp', 7);
    expect(index.depth[inFoo]).toBe((index.depth[firstAt('codon', 5)] as number) + 1);
    expect(index.boundary[inFoo]).toBe(0);
    expect(index.boundary[firstAt('cpp', 7, inFoo + 1)]).toBe(1);
    expect(index.boundary[firstAt('codon', 6)]).toBe(-1);
    expect(stdoutAt(trace, firstAt('codon', 6))).toBe('1\n');
    expect(stdoutAt(trace, lastStep(trace))).toBe('1\n2\n3\n');
    const print = firstAt('codon', 6);
    expect(stdoutAt(trace, print, eventRange(trace, print).start)).toBe('');
  });
});

describe('named moments', () => {
  it('finds each moment the run reaches, and null for those it does not', () => {
    expect(sideAt(trace, findMoment(trace, 'call') as number)).toBe('codon');
    expect(trace.steps.kind[findMoment(trace, 'call-return') as number]).toBe(StepKind.BoundaryReturn);
    expect(lineAt(trace, findMoment(trace, 'first-print') as number)).toBe(6);
    expect(lineAt(trace, findMoment(trace, 'callee-write') as number)).toBe(6);
    expect(sideAt(trace, findMoment(trace, 'callee-write') as number)).toBe('cpp');
    expect(trace.steps.kind[findMoment(trace, 'frame-dies') as number]).toBe(StepKind.Return);
    expect(findMoment(trace, 'gc')).toBeNull();
    expect(findMoment(trace, 'crash')).toBeNull();
    expect(findMoment(trace, 'end')).toBe(lastStep(trace));
  });

  it('finds the crash of a run that crashes', () => {
    const crashed = loopTrace({ crashOnIteration: 2 });
    expect(crashed.outcome).toBe('crash');
    const step = findMoment(crashed, 'crash') as number;
    expect(sideAt(crashed, step)).toBe('cpp');
    expect(stdoutAt(crashed, step)).toBe('1\n');
  });
});

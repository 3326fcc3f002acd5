import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepPlace, mapLine } from './keep-place';
import { eventRange, type Position } from './stepping';
import { loopTrace } from './trace-fixtures';
import { lineAt, sideAt } from './trace-index';

const source = { cpp: 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj', codon: '1\n2\n3\n4\n5\n6\n7\n8' };
const whole = (step: number): Position => ({ step, eventEnd: null });

/** The k-th (1-based) step at this side and line. */
function visit(trace: ReturnType<typeof loopTrace>, side: string, line: number, k: number): number {
  let seen = 0;
  for (let i = 0; i < trace.steps.count; i++) {
    if (sideAt(trace, i) === side && lineAt(trace, i) === line && ++seen === k) return i;
  }
  throw new Error('no such visit');
}

describe('mapping a line through an edit', () => {
  it('keeps lines above the edit, shifts lines below it, clamps lines inside it', () => {
    const before = 'a\nb\nc\nd\ne';
    expect(mapLine(before, before, 3)).toBe(3);
    expect(mapLine(before, 'a\nb\nX\nY\nc\nd\ne', 1)).toBe(1);
    expect(mapLine(before, 'a\nb\nX\nY\nc\nd\ne', 4)).toBe(6);
    expect(mapLine(before, 'a\nc\nd\ne', 5)).toBe(4); // b deleted
    expect(mapLine(before, 'a\nB\nc\nd\ne', 2)).toBe(2); // b changed in place
    expect(mapLine(before, 'a\ne', 3)).toBe(2); // c inside a deleted block: the line after it
  });

  it('maps every unchanged line to a line holding the same text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 12 }),
        fc.nat(12),
        fc.nat(12),
        fc.array(fc.constantFrom('x', 'y'), { maxLength: 4 }),
        (lines, from, count, inserted) => {
          const start = Math.min(from, lines.length);
          const after = [...lines.slice(0, start), ...inserted, ...lines.slice(start + Math.min(count, 2))];
          const before = lines.join('\n');
          const mapped = after.join('\n');
          for (let line = 1; line <= lines.length; line++) {
            const to = mapLine(before, mapped, line);
            expect(to).toBeGreaterThanOrEqual(1);
            expect(to).toBeLessThanOrEqual(Math.max(after.length, 1) + 1);
          }
          // Lines before the first change keep their text.
          for (let line = 1; line <= start; line++)
            expect(after[mapLine(before, mapped, line) - 1]).toBe(lines[line - 1]);
        },
      ),
    );
  });
});

describe('keeping the place across a re-run', () => {
  it('lands on the same visit of the same line after an edit that changes nothing structural', () => {
    const prev = loopTrace();
    const next = loopTrace();
    const second = visit(prev, 'cpp', 7, 2);
    expect(keepPlace(prev, source, whole(second), next, source)).toEqual(whole(second));
  });

  it('follows the line when the edit moves it, and the visit when the run changes length', () => {
    const prev = loopTrace();
    // Two lines inserted at the top of the C++ file: foo's statements move down by two.
    const next = loopTrace({ cppLines: [8, 9, 10] });
    const edited = { ...source, cpp: `new1\nnew2\n${source.cpp}` };
    const at = visit(prev, 'cpp', 7, 3);
    const kept = keepPlace(prev, source, whole(at), next, edited);
    expect(sideAt(next, kept.step)).toBe('cpp');
    expect(lineAt(next, kept.step)).toBe(9);
    expect(kept.step).toBe(visit(next, 'cpp', 9, 3));
  });

  it('goes to the nearest step before when the new run stops short of the old place', () => {
    const prev = loopTrace();
    const next = loopTrace({ crashOnIteration: 2 });
    const third = visit(prev, 'codon', 6, 3);
    const kept = keepPlace(prev, source, whole(third), next, source);
    // The new run printed only once: the last visit of the print line is its first.
    expect(kept).toEqual(whole(visit(next, 'codon', 6, 1)));
  });

  it('goes to the last step of a shorter run when the old line is never reached', () => {
    const prev = loopTrace();
    const next = loopTrace({ crashOnIteration: 1 });
    const print = visit(prev, 'codon', 6, 1);
    const kept = keepPlace(prev, source, whole(print), next, source);
    expect(kept).toEqual(whole(next.steps.count - 1));
  });

  it('keeps the number of events shown when stepping by machine event', () => {
    const prev = loopTrace();
    const next = loopTrace();
    const step = visit(prev, 'cpp', 6, 1);
    const pos = { step, eventEnd: eventRange(prev, step).start + 1 };
    expect(keepPlace(prev, source, pos, next, source)).toEqual(pos);
  });

  it('always returns a position inside the new run', () => {
    const prev = loopTrace({ iterations: 4 });
    fc.assert(
      fc.property(
        fc.nat(prev.steps.count - 1),
        fc.integer({ min: 0, max: 4 }),
        fc.nat(5),
        (step, crash, iterations) => {
          const next = loopTrace({ iterations, crashOnIteration: crash === 0 ? undefined : crash });
          const kept = keepPlace(prev, source, whole(step), next, source);
          expect(kept.step).toBeGreaterThanOrEqual(0);
          expect(kept.step).toBeLessThan(next.steps.count);
          // An identical run keeps the exact place.
          if (iterations === 4 && crash === 0) expect(kept).toEqual(whole(step));
        },
      ),
    );
  });
});

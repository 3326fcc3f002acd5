/**
 * Indeterminate stdout (issue 14, section 2): the spans a run's stdout depends on invented bytes,
 * found by a perturbed run and a token diff, and the one reading of the marks the comparison with
 * the real machine and the output panel share.
 */
import { describe, expect, it } from 'vitest';
import { attribute, diffStdout, matchesMarked, showMarked, stdoutPieces } from './indeterminate.ts';
import type { GarbageKind, IndeterminateSpan } from './types.ts';

const value = (start: number, end: number): IndeterminateSpan => ({ kind: 'value', start, end, sources: [] });
const text = (start: number, end: number): IndeterminateSpan => ({ kind: 'text', start, end, sources: [] });

/** The reference stdout with the spans `diffStdout` finds against `perturbed` shown inline. */
function expectMarked(reference: string, perturbed: string, shown: string): void {
  expect(showMarked(reference, diffStdout(reference, perturbed))).toBe(shown);
}

describe('diffStdout', () => {
  it('finds nothing when both runs print the same', () => {
    expect(diffStdout('1.5 2.5\n', '1.5 2.5\n')).toEqual([]);
  });

  it('marks each value that differs, token by token', () => {
    expectMarked('4.5 0 nan nan\n', '4.5 -3.1e+287 nan nan\n', '4.5 «0» nan nan\n');
    expectMarked('[6.95336e-310, 1.5, 1.5]\n', '[-2.2e-17, 1.5, 1.5]\n', '[«6.95336e-310», 1.5, 1.5]\n');
    expectMarked('[1.5, 2.5, 3.5]\n', '[7, 2.5, -1]\n', '[«1.5», 2.5, «3.5»]\n');
  });

  it('marks a whole value, not the characters that happen to differ', () => {
    expect(diffStdout('x 1.5 y', 'x 1.7 y')).toEqual([value(2, 5)]);
  });

  it('marks the differing stretch as text when the two runs printed different shapes', () => {
    expectMarked('a\n1 2\nz\n', 'a\n1 2 3 4\nz\n', 'a\n1 2«»\nz\n');
    // The perturbed run stopped after its first line (a crash): the rest, newline included.
    expectMarked('a\nb c\nd\n', 'a\n', 'a\n«b c\nd\n»');
    expect(diffStdout('a\nb c\nd\n', 'a\n')).toEqual([text(2, 8)]);
  });

  it('marks an empty text span where only the perturbed run printed something', () => {
    expect(diffStdout('a\n', 'a\nb\n')).toEqual([text(2, 2)]);
  });
});

describe('attribute', () => {
  it('gives each span the kinds whose own perturbed run changed it', () => {
    const spans = [value(0, 1), value(4, 7)];
    const byKind = new Map<GarbageKind, IndeterminateSpan[]>([
      ['register', [value(0, 1)]],
      ['runtime-stack', [value(4, 7)]],
      ['freed', []],
    ]);
    expect(attribute(spans, byKind).map((s) => s.sources)).toEqual([['register'], ['runtime-stack']]);
  });
});

describe('stdoutPieces', () => {
  it('cuts stdout into text and marked spans', () => {
    expect(stdoutPieces('4.5 0 nan\n', [value(4, 5)])).toEqual([
      { kind: 'text', text: '4.5 ' },
      { kind: 'indeterminate', span: value(4, 5), text: '0' },
      { kind: 'text', text: ' nan\n' },
    ]);
  });

  it('cuts only the output printed so far', () => {
    expect(stdoutPieces('4.5 0 nan\n', [value(4, 5)], 3)).toEqual([{ kind: 'text', text: '4.5' }]);
    expect(stdoutPieces('4.5 0.25 nan\n', [value(4, 8)], 6).map((p) => p.text)).toEqual(['4.5 ', '0.']);
  });
});

describe('matchesMarked (the real machine against the simulator)', () => {
  const sim = '1.5 2.5 3.5 4.5\n[6.95336e-310, 1.5, 1.5]\n';
  const marks = [value(17, 29)];

  it('lets a marked value match any one value the real run printed there', () => {
    expect(matchesMarked(sim, marks, '1.5 2.5 3.5 4.5\n[1.5, 1.5, 1.5]\n')).toBe(true);
    expect(matchesMarked('4.5 0 nan nan\n', [value(4, 5)], '4.5 8.28905e-317 nan nan\n')).toBe(true);
  });

  it('compares every byte outside the marks exactly', () => {
    expect(matchesMarked(sim, marks, '1.5 2.5 3.5 4.5\n[1.5, 1.5, 2.5]\n')).toBe(false);
    expect(matchesMarked(sim, marks, '1.5 2.5 3.5 4.5\n[1.5, 1.5, 1.5]')).toBe(false);
    expect(matchesMarked('4.5 0 nan nan\n', [value(4, 5)], '4.5 0 -nan nan\n')).toBe(false);
  });

  it('does not let a marked value swallow more than one value', () => {
    expect(matchesMarked(sim, marks, '1.5 2.5 3.5 4.5\n[1.5, 2, 1.5, 1.5]\n')).toBe(false);
    expect(matchesMarked(sim, marks, '1.5 2.5 3.5 4.5\n[, 1.5, 1.5]\n')).toBe(false);
  });

  it('lets a text span match any text, none included', () => {
    const s = 'a\nb c\nd\n';
    expect(matchesMarked(s, [text(2, 7)], 'a\n\n')).toBe(true);
    expect(matchesMarked(s, [text(2, 7)], 'a\nx y z\nw\n')).toBe(true);
    expect(matchesMarked(s, [text(2, 7)], 'b\n\n')).toBe(false);
  });

  it('compares exactly without marks, and treats regular-expression characters literally', () => {
    expect(matchesMarked('1.5\n', undefined, '1.5\n')).toBe(true);
    expect(matchesMarked('1.5\n', [], '1x5\n')).toBe(false);
    expect(matchesMarked('(a.b) 0\n', [value(6, 7)], '(a.b) 9\n')).toBe(true);
    expect(matchesMarked('(a.b) 0\n', [value(6, 7)], '(axb) 9\n')).toBe(false);
  });
});

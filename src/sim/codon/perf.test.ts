import { describe, expect, it } from 'vitest';
import { bigProgram, repeatTo1MB } from './big-programs';
import { parseCodon } from './index';

// How fast these are is measured by `npm run bench` (bench/sim.bench.ts), not asserted here: a
// timed test flakes on a loaded machine. These tests check that big inputs come out right.
describe('big inputs', () => {
  it('parses and type-checks a 1 MB program without a diagnostic', () => {
    expect(parseCodon(bigProgram(1_000_000), 'big.codon').diagnostics).toEqual([]);
  });

  it.each([
    ['70,000 undefined names', repeatTo1MB((k) => `a${k} = b${k}\n`)],
    ['125,000 syntax errors', repeatTo1MB(() => 'x = 1 +\n')],
    [
      'a 30,000-function call chain',
      repeatTo1MB((k) => `def f${k}(a: int) -> int:\n    return f${k + 1}(a)\n`),
    ],
    ['a 300,000-item list', `x = [${'1, '.repeat(300_000)}]\n`],
    ['an unclosed string', `"${'a'.repeat(1_000_000)}`],
  ])('keeps its diagnostics bounded on 1 MB of %s', (_name, src) => {
    const r = parseCodon(src, 'big.codon');
    expect(r.diagnostics.length).toBeLessThanOrEqual(201);
  });

  it('cuts the diagnostics at 200, with a note saying how many more there are', () => {
    const src = Array.from({ length: 300 }, (_, k) => `a${k} = b${k}\n`).join('');
    const r = parseCodon(src, 'x.codon');
    expect(r.diagnostics).toHaveLength(201);
    expect(r.diagnostics[200]).toMatchObject({
      severity: 'note',
      message: expect.stringMatching(/^\d+ more problems are not shown/),
    });
  });
});

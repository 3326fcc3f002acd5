/**
 * Differential test against g++ 12: for each snippet in fixtures/gpp-verdicts.json (recorded with
 * `g++ -std=gnu++17 -fsyntax-only`), the front end accepts what g++ accepts and rejects what g++
 * rejects, reporting its first error on the line g++ reports. The one deliberate difference is a
 * GNU extension outside the subset (variable-length arrays), which is reported as unsupported.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from './test-helpers';

interface Case {
  source: string;
  gpp: { line: number; column: number; message: string } | null;
}

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/gpp-verdicts.json', import.meta.url), 'utf8'),
) as Case[];

describe('the front end agrees with g++ 12 on what compiles', () => {
  it.each(cases.map((c, i) => [i + 1, c.source.trim().replace(/\n/g, ' ⏎ ').slice(0, 90), c] as const))(
    'case %i: %s',
    (_i, _s, c) => {
      const errors = check(c.source).diagnostics.filter((d) => d.severity === 'error');
      if (c.gpp === null) {
        if (errors.length > 0)
          expect(errors.map((d) => d.message).join('; ')).toMatch(/not modelled by this simulator/);
        return;
      }
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]?.line).toBe(c.gpp.line);
    },
  );

  it('covers both verdicts', () => {
    expect(cases.filter((c) => c.gpp === null).length).toBeGreaterThan(30);
    expect(cases.filter((c) => c.gpp !== null).length).toBeGreaterThan(25);
  });
});

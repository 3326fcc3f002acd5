/**
 * Property test over the template subset: mutated programs with function and class templates
 * (the fixtures of cpp-templates.test.ts, the refusal corpus's template entries and
 * src/sim/cpp/fixtures/templates.cpp) never throw out of the simulator, never hit an internal error
 * of the front end, end within the step budget, and locate every diagnostic inside its file.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CPP_REFUSALS } from '../refusals/cpp-corpus.ts';
import { CPP_NOW_RUNS } from '../refusals/cpp-now-runs.ts';
import { runProgram } from './index.ts';
import { FUNCTIONS_AND_CLASSES, STACK } from './template-programs.ts';

const SCALE = Number(process.env.SIM_FUZZ_SCALE ?? '1');
const BUDGET = 3_000;
const CODON = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> float\nprint(go())\n';
const TWICE = 'LIB = "./libfoo.so"\nfrom C import LIB.twice(float) -> float\nprint(twice(1.5))\n';

const PROGRAMS: { cpp: string; codon: string }[] = [
  {
    cpp: FUNCTIONS_AND_CLASSES,
    codon: CODON,
  },
  {
    cpp: STACK,
    codon: CODON,
  },
  {
    cpp: readFileSync(new URL('../cpp/fixtures/templates.cpp', import.meta.url), 'utf8'),
    codon: 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.use(float) -> float\nprint(use(1.5))\n',
  },
  ...[...CPP_REFUSALS, ...CPP_NOW_RUNS]
    .filter((r) => r.source.includes('template'))
    .map((r) => ({ cpp: r.source, codon: TWICE })),
];

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      'template',
      'template <typename T>',
      'template <int N>',
      'typename',
      '<',
      '>',
      '<int>',
      '<double, 4>',
      '<T, N>',
      'T',
      'N',
      ',',
      '&',
      '&&',
      '*',
      '...',
      '0',
      '-1',
      ';',
      '{',
      '}',
    ),
  }),
);

type Edit =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string };

function apply(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % Math.max(1, t.length);
    switch (e.kind) {
      case 'delete':
        t = t.slice(0, at) + t.slice(at + e.len);
        break;
      case 'duplicate':
        t = t.slice(0, at) + t.slice(at, at + e.len) + t.slice(at);
        break;
      case 'insert':
        t = t.slice(0, at) + ' ' + e.text + ' ' + t.slice(at);
        break;
    }
  }
  return t;
}

describe('runProgram on mutated template programs', () => {
  it('never throws, never fails inside the front end, ends within the budget, locates every diagnostic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PROGRAMS.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('x86_64' as const, 'aarch64' as const),
        (i, edits, target) => {
          const p = PROGRAMS[i] as { cpp: string; codon: string };
          const cpp = apply(p.cpp, edits);
          const r = runProgram({ cpp, codon: p.codon, target, maxSteps: BUDGET, record: 'summary' });
          expect(r.summary.steps).toBeLessThanOrEqual(BUDGET + 2);
          const lines = cpp.split('\n');
          for (const d of r.summary.diagnostics) {
            expect(d.message).not.toContain('internal error');
            if (d.file !== 'lib.cpp') continue;
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.line).toBeLessThanOrEqual(lines.length);
            expect(d.column).toBeLessThanOrEqual((lines[d.line - 1] ?? '').length + 1);
          }
        },
      ),
      { numRuns: 300 * SCALE },
    );
  });
});

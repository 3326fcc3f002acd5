/**
 * Property tests: generated and mutated programs never throw out of the simulator, always end
 * with an outcome within the step budget, and every diagnostic points inside its file.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProgram } from './index.ts';
import type { RunResult } from './api.ts';
import { CODON_NOW_RUNS, CODON_NOW_RUNS_LIB } from '../refusals/codon-now-runs.ts';

const LESSONS = join(import.meta.dirname, '../../../content/lessons');
const SCALE = Number(process.env.SIM_FUZZ_SCALE ?? '1');
const BUDGET = 3_000;

function lessonPrograms(): { cpp: string; codon: string }[] {
  const out: { cpp: string; codon: string }[] = [];
  for (const lesson of readdirSync(LESSONS)) {
    const dir = join(LESSONS, lesson, 'programs');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      out.push({
        cpp: readFileSync(join(dir, name, 'lib.cpp'), 'utf8'),
        codon: readFileSync(join(dir, name, 'main.codon'), 'utf8'),
      });
    }
  }
  return out;
}

/** The callback fixtures (function pointers, `@export`, `__raw__`): their mutations reach the cross calls. */
function callbackPrograms(): { cpp: string; codon: string }[] {
  const root = join(import.meta.dirname, 'fixtures', 'callbacks');
  return readdirSync(root).map((name) => ({
    cpp: readFileSync(join(root, name, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(root, name, 'main.codon'), 'utf8'),
  }));
}

// The lessons' programs, the callback fixtures and the Codon the refusal corpus once refused
// (classes, `try`, f-strings...).
const PROGRAMS = [
  ...lessonPrograms(),
  ...callbackPrograms(),
  ...CODON_NOW_RUNS.map((r) => ({ cpp: CODON_NOW_RUNS_LIB, codon: r.source })),
];
const OUTCOMES = new Set(['ok', 'crash', 'compile-error', 'runtime-error', 'step-limit']);

function checkResult(r: RunResult, cpp: string, codon: string): void {
  expect(OUTCOMES.has(r.summary.outcome)).toBe(true);
  expect(r.summary.steps).toBeLessThanOrEqual(BUDGET + 2);
  for (const d of r.summary.diagnostics) {
    const text = d.file === 'lib.cpp' ? cpp : codon;
    const lines = text.split('\n');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual((lines[d.line - 1] ?? '').length + 1);
  }
}

/** A random edit of a text: delete, duplicate or swap a span, or insert a character. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  // Edits that usually keep the program compiling, so the machine itself is exercised.
  fc.record({
    kind: fc.constant('number' as const),
    at: fc.nat(),
    token: fc.constantFrom('0', '1', '3', '4', '7', '-2', '1000', '2.5'),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    ch: fc.constantFrom(...'(){}[];:,.*&<>=+-0123456789\n \tabcxyz"\'#'),
  }),
  fc.record({
    kind: fc.constant('token' as const),
    at: fc.nat(),
    token: fc.constantFrom(
      'static',
      'return',
      'while',
      'for',
      'if',
      'break',
      'goto',
      'Ptr[float]',
      'None',
      'std::',
      '->',
      '0',
      '-1',
      '1e308',
      'def',
      '__ptr__',
    ),
  }),
);

interface Edit {
  kind: string;
  at: number;
  len?: number;
  other?: number;
  ch?: string;
  token?: string;
}

function apply(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    if (t.length === 0) break;
    const at = e.at % t.length;
    switch (e.kind) {
      case 'delete':
        t = t.slice(0, at) + t.slice(at + (e.len ?? 1));
        break;
      case 'duplicate':
        t = t.slice(0, at) + t.slice(at, at + (e.len ?? 1)) + t.slice(at);
        break;
      case 'swap': {
        const b = (e.other ?? 0) % t.length;
        const [x, y] = at < b ? [at, b] : [b, at];
        t = t.slice(0, x) + (t[y] ?? '') + t.slice(x + 1, y) + (t[x] ?? '') + t.slice(y + 1);
        break;
      }
      case 'insert':
        t = t.slice(0, at) + (e.ch ?? '') + t.slice(at);
        break;
      case 'token':
        t = t.slice(0, at) + ' ' + (e.token ?? '') + ' ' + t.slice(at);
        break;
      case 'number': {
        // Replace the next number literal at or after `at` (a loop bound, an index, a value).
        const m = /\d+(\.\d+)?/.exec(t.slice(at));
        if (m !== null) t = t.slice(0, at + m.index) + (e.token ?? '0') + t.slice(at + m.index + m[0].length);
        break;
      }
    }
  }
  return t;
}

describe('runProgram on mutated lesson programs', () => {
  it('never throws, always ends within the budget, and locates every diagnostic', () => {
    let ran = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PROGRAMS.length - 1 }),
        fc.array(edit, { minLength: 0, maxLength: 2 }),
        fc.array(edit, { minLength: 0, maxLength: 2 }),
        fc.constantFrom('x86_64' as const, 'aarch64' as const),
        fc.constantFrom(
          'zero' as const,
          'runtime-data' as const,
          'gc-object' as const,
          'stale-stack' as const,
        ),
        (i, cppEdits, codonEdits, target, leftover) => {
          const p = PROGRAMS[i] as { cpp: string; codon: string };
          const cpp = apply(p.cpp, cppEdits);
          const codon = apply(p.codon, codonEdits);
          const r = runProgram({ cpp, codon, target, leftover, maxSteps: BUDGET });
          checkResult(r, cpp, codon);
          total++;
          if (r.trace !== null) ran++;
        },
      ),
      { numRuns: 400 * SCALE },
    );
    // The mutations must exercise the machine, not only the parsers.
    expect(ran / total).toBeGreaterThan(0.1);
  });
});

describe('runProgram on token soup', () => {
  const cppTokens = [
    'extern',
    '"C"',
    '{',
    '}',
    '(',
    ')',
    ';',
    'double',
    'int',
    'std::array<double, 4>',
    'return',
    'static',
    '*',
    '&',
    '=',
    '[',
    ']',
    '0',
    '1.5',
    'foo',
    'bar',
    'new',
    'delete',
    'for',
    'if',
    'while',
    'struct',
    'S',
    '::',
    '<',
    '>',
    ',',
    '\n',
  ];
  const codonTokens = [
    'from',
    'C',
    'import',
    'LIB',
    '.',
    'foo',
    '(',
    ')',
    '->',
    'Ptr[float]',
    'float',
    'int',
    'None',
    ':',
    '\n',
    '    ',
    'def',
    'for',
    'in',
    'range',
    'print',
    '=',
    '[',
    ']',
    '0.0',
    '*',
    '4',
    'while',
    'True',
    'p',
    ',',
  ];
  it('never throws and locates every diagnostic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...cppTokens), { maxLength: 60 }),
        fc.array(fc.constantFrom(...codonTokens), { maxLength: 60 }),
        (ct, pt) => {
          const cpp = ct.join(' ');
          const codon = 'LIB = "./libfoo.so"\n' + pt.join(' ');
          checkResult(runProgram({ cpp, codon, maxSteps: BUDGET }), cpp, codon);
        },
      ),
      { numRuns: 400 * SCALE },
    );
  });
});

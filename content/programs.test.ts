/**
 * Every program a lesson shows is a fixture: each run its expect.json declares is run on the
 * simulator, and its outcome, stdout, findings and crash signal must be what the lesson says.
 * Exercises: the starting program must fail its goal and the solution must meet it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../src/sim/run/index.ts';
import type { RunSummary } from '../src/sim/run/api.ts';
import type { Leftover } from '../src/sim/machine/machine.ts';
import type { Target } from '../src/sim/abi/ctype.ts';
import { stdoutPieces } from '../src/sim/trace/indeterminate.ts';
import type { GarbageKind, IndeterminateSpan } from '../src/sim/trace/types.ts';

/**
 * A piece of expected stdout: text printed exactly, or a value (`"value"`) or stretch (`"text"`) the
 * simulator marks indeterminate (src/sim/trace/indeterminate.ts), with the kinds of invented bytes
 * it depends on.
 */
type ExpectedPiece = string | { indeterminate: IndeterminateSpan['kind']; from: GarbageKind[] };

interface ExpectedRun {
  target: Target;
  leftover: Leftover;
  outcome: string;
  /** The whole stdout, exactly (nothing in it indeterminate), or its pieces. */
  stdout: string | ExpectedPiece[];
  findings: string[];
  crash: { signal: string } | null;
  why: string;
}

const LESSONS = join(import.meta.dirname, 'lessons');

interface Program {
  lesson: string;
  name: string;
  dir: string;
}

function programs(): Program[] {
  const out: Program[] = [];
  for (const lesson of readdirSync(LESSONS).sort()) {
    const dir = join(LESSONS, lesson, 'programs');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      out.push({ lesson, name, dir: join(dir, name) });
      if (existsSync(join(dir, name, 'solution', 'expect.json'))) {
        out.push({ lesson, name: `${name}/solution`, dir: join(dir, name, 'solution') });
      }
    }
  }
  return out;
}

function run(dir: string, r: { target: Target; leftover: Leftover }, indeterminate = false): RunSummary {
  return runProgram({
    cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
    target: r.target,
    leftover: r.leftover,
    indeterminate,
  }).summary;
}

/** A run's stdout as expect.json states it: text, and each marked span in its place. */
function stdoutAsExpected(s: RunSummary): ExpectedPiece[] {
  return stdoutPieces(s.stdout, s.stdoutIndeterminate).map((p) =>
    p.kind === 'text' ? p.text : { indeterminate: p.span.kind, from: p.span.sources },
  );
}

function expectedPieces(stdout: string | ExpectedPiece[]): ExpectedPiece[] {
  return typeof stdout === 'string' ? (stdout === '' ? [] : [stdout]) : stdout;
}

/** The distinct finding kinds of a run, in the order they first happened. */
function kinds(s: RunSummary): string[] {
  return [...new Set(s.findings.map((f) => f.kind))];
}

describe.each(programs())('$lesson / $name', ({ dir }) => {
  const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { runs: ExpectedRun[] };
  it.each(expected.runs)('$target, leftover $leftover: $outcome', (r) => {
    const s = run(dir, r, true);
    const where = `${r.why}\n--- got: ${JSON.stringify({ outcome: s.outcome, stdout: stdoutAsExpected(s), crash: s.crash, error: s.error, findings: s.findings.map((f) => `${f.kind} ${f.file}:${f.line} ${f.message}`), diagnostics: s.diagnostics }, null, 1)}`;
    expect(s.outcome, where).toBe(r.outcome);
    expect(stdoutAsExpected(s), where).toEqual(expectedPieces(r.stdout));
    expect(kinds(s).sort(), where).toEqual([...r.findings].sort());
    expect(s.crash?.signal ?? null, where).toBe(r.crash?.signal ?? null);
  });
  it.each(expected.runs)('$target, leftover $leftover: a summary-only run says the same', (r) => {
    const input = {
      cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
      codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
      target: r.target,
      leftover: r.leftover,
    };
    const summaryOnly = runProgram({ ...input, record: 'summary' });
    expect(summaryOnly.trace).toBeNull();
    expect(summaryOnly.summary).toEqual(runProgram(input).summary);
  });
});

/** `<Exercise program="x" goal="..." />` tags of every lesson. */
function exercises(): { lesson: string; program: string; goal: string }[] {
  const out: { lesson: string; program: string; goal: string }[] = [];
  for (const lesson of readdirSync(LESSONS).sort()) {
    const file = join(LESSONS, lesson, 'en.mdx');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<Exercise\s+program="([^"]+)"\s+goal="([^"]+)"/g)) {
      out.push({ lesson, program: m[1] as string, goal: m[2] as string });
    }
  }
  return out;
}

/** The goal check the Exercise widget runs, on a real run. */
function meetsGoal(s: RunSummary, goal: string): boolean {
  if (goal === 'no-findings') return s.outcome === 'ok' && s.findings.length === 0;
  if (goal === 'outcome:ok') return s.outcome === 'ok';
  if (goal.startsWith('stdout:'))
    return s.outcome === 'ok' && s.stdout === goal.slice('stdout:'.length) + '\n';
  throw new Error(`unknown goal ${goal}`);
}

describe.each(exercises())('exercise $lesson / $program', ({ lesson, program, goal }) => {
  const dir = join(LESSONS, lesson, 'programs', program);
  const r = { target: 'x86_64' as Target, leftover: 'runtime-data' as Leftover };
  it(`the starting code fails "${goal}"`, () => {
    expect(meetsGoal(run(dir, r), goal)).toBe(false);
  });
  it(`the solution meets "${goal}"`, () => {
    const s = run(join(dir, 'solution'), r);
    expect(meetsGoal(s, goal), JSON.stringify(s, null, 1)).toBe(true);
  });
});

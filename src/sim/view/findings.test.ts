import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Leftover } from '../machine/machine.ts';
import { runProgram } from '../run/index.ts';
import type { Trace } from '../trace/types.ts';
import { diagnosticGroups, findingGroups, type FindingGroup } from './findings.ts';
import { stepView } from './step-view.ts';

const LESSONS = join(import.meta.dirname, '../../../content/lessons');

function run(program: string, leftover: Leftover = 'runtime-data', edit = (s: string) => s) {
  const dir = join(LESSONS, program);
  return runProgram({
    cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
    codon: edit(readFileSync(join(dir, 'main.codon'), 'utf8')),
    leftover,
  });
}

function traceOf(program: string, leftover: Leftover = 'runtime-data'): Trace {
  const { trace } = run(program, leftover);
  if (trace === null) throw new Error(`${program} did not compile`);
  return trace;
}

function expectOneStrayWrite(groups: FindingGroup[], stores: number, span: { addr: number; len: number }) {
  const stray = groups.filter((g) => g.kind === 'stray-write');
  expect(stray).toHaveLength(1);
  const g = stray[0] as FindingGroup;
  expect(g.stores).toHaveLength(stores);
  expect(g.members).toHaveLength(stores);
  expect(g.span).toEqual(span);
  return g;
}

describe('findings, one per mistake', () => {
  it('the stray write of lesson 2 is one finding with its four stores inside', () => {
    const trace = traceOf('02-the-bug/programs/bug');
    expect(trace.findings.filter((f) => f.kind === 'stray-write')).toHaveLength(4);
    const groups = findingGroups(trace);
    expect(groups.map((g) => g.kind)).toEqual(['abi-mismatch', 'stray-write']);
    const g = expectOneStrayWrite(groups, 4, { addr: 0x7ffff7ffd908, len: 32 });
    expect(g.stores.map((s) => s.line)).toEqual([7, 8, 9, 10]);
    expect(g.stores.every((s) => s.len === 8)).toBe(true);
    // The loop calls foo three times: the mistake repeats, it is not three mistakes.
    expect(g.count).toBe(3);
  });

  it('stays one finding when a store lands past the object the others hit', () => {
    const trace = traceOf('04-abi/programs/leftovers', 'gc-object');
    expectOneStrayWrite(findingGroups(trace), 4, { addr: 0x7ffff7400010, len: 32 });
  });

  it('shows only the stores made so far while the callee runs', () => {
    const trace = traceOf('02-the-bug/programs/bug');
    const g = findingGroups(trace).find((x) => x.kind === 'stray-write') as FindingGroup;
    const second = g.stores[1]?.step as number;
    const view = stepView(trace, second);
    const seen = view.findings.find((x) => x.kind === 'stray-write');
    expect(seen?.stores).toHaveLength(2);
    expect(seen?.span).toEqual({ addr: 0x7ffff7ffd908, len: 16 });
    expect(stepView(trace, second - 2).findings.some((x) => x.kind === 'stray-write')).toBe(false);
  });

  it('a correct call has no finding', () => {
    expect(findingGroups(traceOf('01-calling-c/programs/basics'))).toEqual([]);
  });

  it('the same diagnostic is told once for one line, with where it was reported', () => {
    const { diagnostics } = run('02-the-bug/programs/bug', 'runtime-data', (s) =>
      s.replace('-> Ptr[float]', '-> None'),
    );
    expect(diagnostics.length).toBe(4);
    const groups = diagnosticGroups(diagnostics);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(4);
    expect(groups[0]?.columns).toEqual(diagnostics.map((d) => d.column));
  });
});

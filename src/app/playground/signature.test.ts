import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../sim/run/index';
import type { Trace } from '../../sim/trace/types';
import { signaturePair, splitParams, type SigPart } from './signature';

function traceOf(lesson: string, program: string): Trace {
  const dir = join(__dirname, '../../../content/lessons', lesson, 'programs', program);
  const result = runProgram({
    cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
    target: 'x86_64',
    leftover: 'runtime-data',
  });
  if (!result.trace) throw new Error(`${program} does not compile`);
  return result.trace;
}

const text = (parts: SigPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: SigPart[]) =>
  parts.filter((p) => (p.kind === 'result' || p.kind === 'param') && p.differs).map((p) => p.text);

function expectPair(trace: Trace, step: number, cpp: string, codon: string, differs: [string[], string[]]) {
  const pair = signaturePair(trace, step);
  expect(pair).not.toBeNull();
  expect(text(pair!.cpp)).toBe(cpp);
  expect(text(pair!.codon)).toBe(codon);
  expect([marked(pair!.cpp), marked(pair!.codon)]).toEqual(differs);
  return pair!;
}

describe('the signature strip', () => {
  it('shows the bug whole, with both return types marked and the check’s verdict', () => {
    const pair = expectPair(
      traceOf('02-the-bug', 'bug'),
      0,
      'std::array<double, 4> foo()',
      'foo() -> Ptr[float]',
      [['std::array<double, 4>'], ['Ptr[float]']],
    );
    expect(pair.verdict?.kind).toBe('abi-mismatch');
    expect(pair.codonLine).toBe(2);
    expect(pair.cppLine).toBe(5);
  });

  it('marks nothing for a correct call, and has no verdict finding', () => {
    const pair = expectPair(
      traceOf('01-calling-c', 'basics'),
      0,
      'double scale(double, long)',
      'scale(float, int) -> float',
      [[], []],
    );
    expect(pair.verdict).toBeNull();
    expect(pair.mismatch).toBe(false);
  });

  it('follows the run to the next call’s declarations', () => {
    const trace = traceOf('01-calling-c', 'basics');
    const last = trace.steps.count - 1;
    expectPair(trace, last, 'double total(const double*, long)', 'total(Ptr[float], int) -> float', [[], []]);
  });

  it('marks the argument a type check names', () => {
    expectPair(
      traceOf('08-fix-out-param', 'out-list-param'),
      0,
      'void foo(double*)',
      'foo(List[float]) -> NoneType',
      [['double*'], ['List[float]']],
    );
  });

  it('splits parameters only at top-level commas', () => {
    expect(splitParams('std::array<double, 4>, Ptr[Tuple[int, int]], long')).toEqual([
      'std::array<double, 4>',
      'Ptr[Tuple[int, int]]',
      'long',
    ]);
  });
});

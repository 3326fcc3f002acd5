import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../run/index.ts';
import { boundaryCallList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { narrationAt, narrationMessage } from './narration.ts';
import { stepView } from './step-view.ts';

const LESSONS = join(import.meta.dirname, '../../../content/lessons');

function traceOf(program: string): Trace {
  const dir = join(LESSONS, program);
  const { trace } = runProgram({
    cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
    leftover: 'runtime-data',
  });
  if (trace === null) throw new Error(`${program} did not compile`);
  return trace;
}

/** Every foreign call of a run, with its narration in both languages. */
function callSentences(trace: Trace) {
  return boundaryCallList(trace.boundaryCalls).map((c) => ({
    call: c,
    id: narrationMessage(trace, c.step).id,
    en: narrationAt(trace, c.step, 'en'),
    zh: narrationAt(trace, c.step, 'zh'),
  }));
}

function expectMatch(s: ReturnType<typeof callSentences>[number]) {
  expect(s.id).toBe('boundary.call-match');
  expect(s.en).toContain('both sides agree');
  expect(s.en).not.toMatch(/believes|really is/);
  expect(s.zh).toContain('两边一致');
  expect(s.zh).not.toMatch(/以为|实际是/);
  for (const text of [s.en, s.zh]) {
    expect(text).toContain(s.call.callerSignature);
    expect(text).toContain(s.call.calleeSignature);
  }
}

describe('a call is narrated from the trace’s facts', () => {
  it('lesson 1’s correct calls are told as a match, in both languages', () => {
    const sentences = callSentences(traceOf('01-calling-c/programs/basics'));
    expect(sentences.length).toBeGreaterThan(0);
    sentences.forEach(expectMatch);
    expect(sentences[0]?.en).toContain('double scale(double, long)');
  });

  it('the snapshot every view reads carries the same message', () => {
    const trace = traceOf('01-calling-c/programs/basics');
    const call = boundaryCallList(trace.boundaryCalls)[0]!;
    expect(stepView(trace, call.step).message.id).toBe('boundary.call-match');
  });

  it('lesson 2’s call keeps what each side believes: the declarations disagree', () => {
    for (const s of callSentences(traceOf('02-the-bug/programs/bug'))) {
      expect(s.id).not.toBe('boundary.call-match');
      expect(s.en).toMatch(/Codon believes: foo\(\) -> Ptr\[float\]/);
      expect(s.zh).toContain('Codon 以为');
    }
  });

  it('a call that works only by coincidence is not told as a match', () => {
    const trace = traceOf('10-traps/programs/ptr-hack');
    for (const s of callSentences(trace)) expect(s.id).not.toBe('boundary.call-match');
  });
});

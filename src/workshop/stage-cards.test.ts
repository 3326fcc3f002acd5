import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../sim/run/index.ts';
import { boundaryCallList } from '../sim/trace/tables.ts';
import type { Trace } from '../sim/trace/types.ts';
import { buildScene } from '../sim/view/index.ts';
import { stagePlan, type StageCard } from './stage-cards.ts';

function lessonTrace(lesson: string, program: string): Trace {
  const dir = join(__dirname, '..', '..', 'content', 'lessons', lesson, 'programs', program);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const result = runProgram({
    cpp: read('lib.cpp'),
    codon: read('main.codon'),
    target: 'x86_64',
    leftover: 'runtime-data',
  });
  if (!result.trace) throw new Error(`${program} does not compile`);
  return result.trace;
}

const kinds = (cards: StageCard[]) => cards.map((c) => c.kind);
const expectFirstCard = (cards: StageCard[], kind: StageCard['kind']) => expect(cards[0]?.kind).toBe(kind);

describe('the presenter stage, most important first', () => {
  const trace = lessonTrace('02-the-bug', 'bug');

  it('puts the stray write’s target before the call, and the call before a pushed return address', () => {
    const stray = trace.findings.find((f) => f.kind === 'stray-write')!;
    const atStray = stagePlan(buildScene(trace, stray.step), false, false).cards;
    expectFirstCard(atStray, 'object');
    const first = atStray[0];
    expect(first?.kind === 'object' && first.focus.object.name).toBe('_rtld_global._dl_load_lock');
    expect(kinds(atStray)).toContain('call');

    const call = boundaryCallList(trace.boundaryCalls)[0]!;
    const atCall = kinds(stagePlan(buildScene(trace, call.step), false, false).cards);
    expect(atCall.indexOf('call')).toBeLessThan(atCall.indexOf('object'));
  });

  it('the first touched object carries its neighbours in memory (no card of their own to be left out)', () => {
    const stray = trace.findings.find((f) => f.kind === 'stray-write')!;
    const call = boundaryCallList(trace.boundaryCalls)[0]!;
    for (const step of [call.step, stray.step]) {
      const cards = stagePlan(buildScene(trace, step), false, false).cards;
      const first = cards.find((c) => c.kind === 'object');
      expect(first?.kind === 'object' && first.neighbours.length, `step ${step}`).toBeGreaterThan(0);
      expect(cards.filter((c) => c.kind === 'object' && c !== first && c.neighbours.length > 0)).toEqual([]);
    }
  });

  it('ends with the output and the findings', () => {
    const last = trace.steps.count - 1;
    const cards = kinds(stagePlan(buildScene(trace, last), true, true).cards);
    expect(cards.slice(0, 2)).toEqual(['output', 'findings']);
  });
});

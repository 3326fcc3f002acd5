// Predict before reveal: every lesson question stops the player at a moment where the answer is not yet
// on screen. For each <Predict> of each lesson (both languages), the program is run as the player runs
// it, the player is put where the question stops it, and the values the correct choice names (numbers,
// printed text) must not be in what the screen shows there: the narration, the focus view's machine
// (registers, the memory touched, the call table) and the output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScene } from '../sim/view/index.ts';
import { focusOf } from '../app/diagram/focus';
import { findMoment, isMoment } from '../app/player/moments';
import { stepNarration } from '../app/player/narration';
import { stdoutAt } from '../app/player/trace-index';
import type { Leftover } from '../sim/machine/machine';
import type { Target } from '../sim/abi/ctype';
import { runProgram } from '../sim/run/index';
import type { Trace } from '../sim/trace/types';

const LESSONS = join(__dirname, '../../content/lessons');

interface Question {
  lesson: string;
  locale: 'en' | 'zh';
  id: string;
  program: string;
  atStep: string;
  target: Target;
  leftover: Leftover;
  question: string;
  answer: string;
}

/**
 * Questions whose correct choice names a value the learner is meant to have seen: what they ask about
 * is something else. Each with the reason.
 */
const STATED: Record<string, string> = {
  '04-abi/gc-object-fails':
    'the question says foo has just written its values; what it asks is that the run then crashes',
};

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}

function questions(): Question[] {
  const out: Question[] = [];
  for (const lesson of readdirSync(LESSONS).sort()) {
    for (const locale of ['en', 'zh'] as const) {
      const text = readFileSync(join(LESSONS, lesson, `${locale}.mdx`), 'utf8');
      for (const m of text.matchAll(/<Predict ([^>]*)>([\s\S]*?)<\/Predict>/g)) {
        const attrs = m[1] ?? '';
        const answer = /<Choice correct>([\s\S]*?)<\/Choice>/.exec(m[2] ?? '')?.[1] ?? '';
        const question = (m[2] ?? '').split('<Choice')[0] ?? '';
        out.push({
          lesson,
          locale,
          id: attr(attrs, 'id') ?? '?',
          program: attr(attrs, 'program') ?? '?',
          atStep: attr(attrs, 'atStep') ?? '?',
          target: (attr(attrs, 'target') ?? 'x86_64') as Target,
          leftover: (attr(attrs, 'leftover') ?? 'runtime-data') as Leftover,
          question,
          answer,
        });
      }
    }
  }
  return out;
}

const traces = new Map<string, Trace>();
function traceOf(q: Question): Trace {
  const key = `${q.lesson}/${q.program}/${q.target}/${q.leftover}`;
  let trace = traces.get(key);
  if (trace === undefined) {
    const dir = join(LESSONS, q.lesson, 'programs', q.program);
    const result = runProgram({
      cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
      codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
      target: q.target,
      leftover: q.leftover,
    });
    if (!result.trace) throw new Error(`${key} does not compile`);
    trace = result.trace;
    traces.set(key, trace);
  }
  return trace;
}

/** The values a correct choice names: code spans made of numbers (`6`, `1.5 2.5 3.5 4.5`, `nan`). */
function answerValues(answer: string): string[] {
  return [...answer.matchAll(/`([^`]+)`/g)]
    .map((m) => (m[1] ?? '').trim())
    .filter((v) => /^(-?(\d+(\.\d+)?|nan|inf|0x[0-9a-f]+)\s*)+$/i.test(v));
}

/**
 * What the learner has been shown by the time the question is asked: the narration of every step up to
 * it (the player walked through them), and at the step itself the machine (every object's cells, the
 * registers, the call table: the whole machine is one click away) and the output.
 */
function shownSoFar(trace: Trace, step: number, locale: 'en' | 'zh'): string {
  const scene = buildScene(trace, step);
  const focus = focusOf(scene);
  const machine = [
    ...scene.registers.map((r) => r.text),
    ...scene.objects.flatMap((o) => o.rows.map((r) => r.cell?.text ?? '')),
    ...focus.touched.flatMap((f) => f.rows.map((r) => r.row.cell?.text ?? '')),
    ...(scene.call?.rows.map((r) => r.value) ?? []),
  ];
  const narration = Array.from({ length: step + 1 }, (_, i) => stepNarration(trace, i, locale));
  return [...narration, ...machine, stdoutAt(trace, step)].join('\n');
}

/** Whether `value` stands in `text` as a value of its own (not the `6` inside `0x7ff6` or `6.0`). */
function shows(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\w.])${escaped}($|[^\\w.]|\\.(?!\\d))`).test(text);
}

describe('predict before reveal', () => {
  const all = questions();
  it('finds every question of the course, in both languages', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
  });
  for (const q of all) {
    it(`${q.lesson} ${q.locale} “${q.id}” (at ${q.atStep}) does not show its answer`, () => {
      expect(isMoment(q.atStep)).toBe(true);
      const trace = traceOf(q);
      const step = findMoment(trace, q.atStep as Parameters<typeof findMoment>[1]);
      expect(step).not.toBeNull();
      const text = shownSoFar(trace, step as number, q.locale);
      // Given away when every value of the answer has been shown (`1.5 2.5 3.5 4.5`: all four numbers).
      if (STATED[`${q.lesson}/${q.id}`] !== undefined) return;
      for (const answer of answerValues(q.answer)) {
        // A value the question itself gives (`4` in "puts 4 in %rsi") is not the answer leaking.
        const values = answer.split(/\s+/).filter((v) => !shows(q.question, v));
        if (values.length === 0) continue;
        const seen = values.filter((v) => shows(text, v));
        expect(seen.length < values.length, `${answer} already shown:\n${text.slice(-1500)}`).toBe(true);
      }
    });
  }
});

/**
 * Real traces for the diagram's tests: the lesson programs run by the simulator, and small runs
 * driven straight on the Machine for states the lessons reach only through longer programs
 * (a freed block, a collection). Test-only; nothing here is drawn by the app.
 */
import type { Target } from '../../sim/abi/ctype.ts';
import { CHeap, GcHeap } from '../../sim/machine/heap.ts';
import { INTENT_UNKNOWN, Machine, type Leftover } from '../../sim/machine/machine.ts';
import { runProgram } from '../../sim/run/index.ts';
import { StepKind, type SourceLoc, type Trace } from '../../sim/trace/types.ts';
import { objectList } from '../../sim/trace/tables.ts';
import { ident } from '../../sim/trace/names.ts';
import { stepCount, stepMessage } from '../../sim/trace/reader.ts';

// Vite loads the lesson sources as text (no Node file APIs, so this module type-checks with the app).
const SOURCES = import.meta.glob<string>('../../../content/lessons/*/programs/*/{lib.cpp,main.codon}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every lesson program as "lesson/program" ("02-the-bug/bug"). */
export function lessonPrograms(): string[] {
  const names = new Set<string>();
  for (const path of Object.keys(SOURCES)) {
    const m = /lessons\/([^/]+)\/programs\/([^/]+)\//.exec(path);
    if (m !== null) names.add(`${m[1]}/${m[2]}`);
  }
  return [...names]
    .filter((n) => source(n, 'lib.cpp') !== undefined && source(n, 'main.codon') !== undefined)
    .sort();
}

function source(name: string, file: string): string | undefined {
  const [lesson, program] = name.split('/');
  return SOURCES[`../../../content/lessons/${lesson}/programs/${program}/${file}`];
}

/** Runs a lesson program ("02-the-bug/bug") on the simulator. */
export function runLesson(
  name: string,
  target: Target = 'x86_64',
  leftover: Leftover = 'runtime-data',
): Trace {
  const r = runProgram({
    cpp: source(name, 'lib.cpp') ?? '',
    codon: source(name, 'main.codon') ?? '',
    target,
    leftover,
  });
  if (r.trace === null)
    throw new Error(`${name} did not compile: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.trace;
}

const at = (line: number): SourceLoc => ({ side: 'codon', line, column: 1, endLine: line, endColumn: 2 });

/** A malloc'ed block written, then freed: steps 0 (alloc + write) and 1 (free). */
export function freedTrace(): { trace: Trace; block: number } {
  const m = new Machine({ target: 'x86_64', leftover: 'zero', maxSteps: 100 });
  const heap = new CHeap(m);
  m.step(StepKind.Statement, 'cpp', { ...at(1), side: 'cpp' }, 'test');
  const p = heap.malloc(16, ident('buf'), 'double[2]', 'cpp', at(1), [
    { path: '[0]', offset: 0, size: 8, kind: 'float' },
    { path: '[1]', offset: 8, size: 8, kind: 'float' },
  ]);
  m.storeF64(p, 1.5, { intended: INTENT_UNKNOWN, loc: at(1) });
  m.step(StepKind.Statement, 'cpp', { ...at(2), side: 'cpp' }, 'test');
  heap.free(p, at(2));
  m.step(StepKind.End, 'runtime', null, 'step.end');
  const trace = m.finish('ok', 'zero');
  return { trace, block: objectList(trace.objects).find((o) => o.name.params[0] === 'buf')?.id ?? -1 };
}

/**
 * A collection: `kept` is reachable from a stack slot, `hidden` only from malloc'ed memory (which
 * the collector does not scan), so the sweep frees it. Steps: 0 setup, 1 mark, 2 sweep, 3 end.
 */
export function gcTrace(): Trace {
  const m = new Machine({ target: 'x86_64', leftover: 'zero', maxSteps: 100 });
  const gc = new GcHeap(m);
  const heap = new CHeap(m);
  m.step(StepKind.Statement, 'codon', at(1), 'test');
  m.enterFrame('main', 'codon');
  const kept = gc.alloc(32, true, ident('kept'), 'Ptr[float]', at(1));
  const slotAddr = m.pushStack(8, 8);
  const slot = m.newObject({
    name: ident('p'),
    typeName: 'Ptr[float]',
    role: 'local',
    side: 'codon',
    addr: slotAddr,
    size: 8,
    cells: [{ path: '', offset: 0, size: 8, kind: 'pointer' }],
    frameId: m.currentFrame,
  });
  m.storeInt(slotAddr, 8, kept, { intended: slot, loc: at(1) });
  const hidden = gc.alloc(32, true, ident('hidden'), 'Ptr[float]', at(2));
  const cbuf = heap.malloc(8, ident('saved'), 'double*', 'cpp', at(3), [
    { path: '', offset: 0, size: 8, kind: 'pointer' },
  ]);
  m.storeInt(cbuf, 8, hidden, { intended: INTENT_UNKNOWN, loc: at(3) });
  m.setRegInt('rax', 0);
  m.setRegInt('rdi', 0);
  gc.collect(at(4));
  m.step(StepKind.End, 'runtime', null, 'step.end');
  return m.finish('ok', 'zero');
}

/** The first step at which a finding of `kind` is recorded. */
export function findingStep(trace: Trace, kind: string): number {
  const f = trace.findings.find((x) => x.kind === kind);
  if (f === undefined) throw new Error(`no ${kind} finding`);
  return f.step;
}

/** The first step whose narration id is `id` (at or after `from`). */
export function stepWithMessage(trace: Trace, id: string, from = 0): number {
  for (let s = from; s < stepCount(trace); s++) if (stepMessage(trace, s).id === id) return s;
  throw new Error(`no step with message ${id}`);
}

/**
 * Reference classes, methods and `try`/`except CError` (issue 13, Codon), on both targets. The
 * programs that run are in codon-class-programs.ts, each with the output the oracle (`npx tsx
 * oracle/now-runs.ts`: the program lowered as Codon 0.19 lowers it, oracle/lower-class.ts, built
 * and run for real) printed on x86-64 and AArch64; an object's printed address is the one exception
 * (the simulator's address plan is not the real one), so it is checked by its shape. Codon's docs
 * (docs/integrations/cpp/cpp-from-codon.md): a `class` crosses to C as a "pointer to corresponding
 * tuple".
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { formatName } from '../messages/format.ts';
import { objectList } from '../trace/tables.ts';
import { classFixture, type ClassFixtureName } from './codon-class-programs.ts';
import { runProgram } from './index.ts';

const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];
const TWICE = 'extern "C" double twice(double x) { return 2 * x; }\n';

function summary(codon: string, target: Target, cpp = TWICE) {
  return runProgram({ cpp, codon, target, record: 'summary' }).summary;
}

function expectRuns(codon: string, stdout: string | RegExp, cpp = TWICE) {
  for (const target of TARGETS) {
    const s = summary(codon, target, cpp);
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    if (typeof stdout === 'string') expect(s.stdout, target).toBe(stdout);
    else expect(s.stdout, target).toMatch(stdout);
  }
}

function expectFixture(name: ClassFixtureName) {
  const f = classFixture(name);
  expectRuns(f.codon, f.stdout, f.cpp);
}

function expectCheckError(codon: string, at: string, text: string) {
  const s = summary(codon, 'x86_64');
  expect(s.outcome).toBe('compile-error');
  expect(s.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
    expect.stringContaining(`${at} ${text}`),
  ]);
}

/** The GC objects of a run named "`name` object", with their region kind, size, cells and atomicity. */
function gcObjects(codon: string, name: string, cpp = TWICE) {
  const r = runProgram({ cpp, codon, target: 'x86_64' });
  const trace = r.trace;
  if (trace === null) throw new Error('no trace');
  return objectList(trace.objects)
    .filter((o) => formatName(o.name) === `${name} object`)
    .map((o) => ({
      region: trace.regions.find((g) => g.id === o.regionId)?.kind,
      size: o.size,
      cells: o.cells.map((c) => `${c.path}@${c.offset}`),
      atomic: o.atomic ?? false,
      zh: formatName(o.name, 'zh'),
    }));
}

describe('reference classes (type.codon _ref_new, class.cpp codegenMagic)', () => {
  it('construct with their own __init__, run methods on self, and share the object between variables', () => {
    expectFixture('own __init__ and methods');
  });

  it('get the generated __init__ (one argument per field, in order) when they define none', () => {
    expectFixture('generated __init__');
  });

  it('live on the GC heap as the struct of their fields, atomic when no field holds a pointer', () => {
    expect(gcObjects(classFixture('own __init__ and methods').codon, 'Counter')).toEqual([
      { region: 'gc-heap', size: 16, cells: ['n@0', 'total@8'], atomic: true, zh: 'Counter 对象' },
    ]);
    expectFixture('fields holding pointers');
    expect(gcObjects(classFixture('fields holding pointers').codon, 'Path')).toEqual([
      {
        region: 'gc-heap',
        size: 32,
        cells: ['name.len@0', 'name.ptr@8', 'n@16', 'pts@24'],
        atomic: false,
        zh: 'Path 对象',
      },
    ]);
  });

  it('print as __magic__.repr_default does: <C object at 0x...>', () => {
    expectRuns('class P:\n    x: int\nprint(P(1))\n', /^<P object at 0x[0-9a-f]+>\n$/);
  });

  it('are passed to C by their address (obj.__raw__(), type.codon _ref_raw), fields in declaration order', () => {
    expectFixture('objects to C by __raw__');
  });

  it('cross the boundary as a pointer when a C import takes or returns the class (getLLVMType: ptr)', () => {
    expectFixture('class-typed C parameter and result');
  });

  it('say what Codon says of a missing field or a wrong call', () => {
    expectCheckError(
      'class P:\n    x: int\np = P(1)\nprint(p.y)\n',
      '4:9',
      "'P' object has no attribute 'y'",
    );
    expectCheckError('class P:\n    x: int\np = P(1, 2)\n', '3:10', 'P() takes 1 arguments (2 given)');
  });
});

describe('methods of @tuple classes (self by value)', () => {
  it('read the fields of the value they are called on', () => {
    expectFixture('@tuple methods');
  });

  it('cannot assign a field of self, as in Codon (ASSIGN_UNEXPECTED_FROZEN)', () => {
    expectCheckError(
      '@tuple\nclass V:\n    x: float\n    def zero(self):\n        self.x = 0.0\nV(1.0).zero()\n',
      '5:9',
      'cannot modify tuple attributes: a @tuple class value cannot be changed in place',
    );
  });
});

describe('try / except CError (dlopen.codon dlsym raises CError(dlerror()))', () => {
  const TRY = classFixture('try / except CError');

  it('skips the rest of the body and runs the clause when the import fails, and not otherwise', () => {
    expectFixture('try / except CError');
  });

  it('nests: an inner clause catches its own body, the outer one what follows', () => {
    expectFixture('nested try');
  });

  it('binds the exception: e.message is its first field, print and f-strings show it (__str__)', () => {
    expectFixture('e.message');
  });

  it('keeps the caught CError as a GC object of error.codon BaseException fields', () => {
    const objs = gcObjects(TRY.codon, 'CError');
    expect(objs).toHaveLength(1);
    expect(objs[0]?.region).toBe('gc-heap');
    expect(objs[0]?.cells.slice(0, 2)).toEqual(['message.len@0', 'message.ptr@8']);
  });

  it('leaves an uncaught CError as before: the run ends with it where the import stands', () => {
    for (const target of TARGETS) {
      const s = summary(`${TRY.codon}from C import LIB.nope() -> int\n`, target);
      expect(s.outcome).toBe('runtime-error');
      expect(s.error).toMatchObject({
        type: 'CError',
        message: './libfoo.so: undefined symbol: nope',
        line: 12,
      });
      expect(s.stdout).toBe(TRY.stdout);
    }
  });

  it('does not catch another error raised in its body', () => {
    const s = summary('l: List[int] = []\ntry:\n    l.pop()\nexcept CError:\n    print("no")\n', 'x86_64');
    expect(s.outcome).toBe('runtime-error');
    expect(s.error).toMatchObject({ type: 'IndexError', message: 'pop from empty list' });
  });
});

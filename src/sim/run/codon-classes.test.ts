/**
 * Reference classes, methods and `try`/`except CError` (issue 13, Codon), on both targets. Each
 * program that runs is one whose output the oracle (`npm run real`: the program lowered as Codon
 * 0.19 lowers it, oracle/lower-class.ts, built and run for real) printed the same on x86-64 and
 * AArch64; an object's printed address is the one exception (the simulator's address plan is not
 * the real one), so it is checked by its shape.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { formatName } from '../messages/format.ts';
import { objectList } from '../trace/tables.ts';
import { runProgram } from './index.ts';

const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];
const TWICE = 'extern "C" double twice(double x) { return 2 * x; }\n';
const HEAD = 'LIB = "./libfoo.so"\nfrom C import LIB.twice(float) -> float\n';

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
  const COUNTER = `${HEAD}
class Counter:
    n: int
    total: float
    def __init__(self):
        self.n = 0
        self.total = 0.0
    def bump(self, x: float) -> int:
        self.n += 1
        self.total += twice(x)
        return self.n

c = Counter()
c.bump(1.5)
d = c
print(d.bump(2.0), c.n, c.total)
`;

  it('construct with their own __init__, run methods on self, and share the object between variables', () => {
    expectRuns(COUNTER, '2 2 7\n');
  });

  it('get the generated __init__ (one argument per field, in order) when they define none', () => {
    expectRuns(
      `${HEAD}
class Pt:
    x: float
    y: float
p = Pt(1.0, 2.0)
p.x = twice(p.y)
p.y += 1
print(p.x, p.y)
`,
      '4 3\n',
    );
  });

  it('live on the GC heap as the struct of their fields, atomic when no field holds a pointer', () => {
    expect(gcObjects(COUNTER, 'Counter')).toEqual([
      { region: 'gc-heap', size: 16, cells: ['n@0', 'total@8'], atomic: true, zh: 'Counter 对象' },
    ]);
    const path = `class Path:
    name: str
    n: i32
    pts: List[float]
path = Path("walk", i32(2), [1.5])
print(path.name, path.n, path.pts)
`;
    expectRuns(path, 'walk 2 [1.5]\n');
    expect(gcObjects(path, 'Path')).toEqual([
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
    const cpp = `extern "C" double sum2(double *p) { return p[0] + p[1]; }
extern "C" void scale(void *o, double k) { double *d = (double *)o; d[0] *= k; d[1] *= k; }
`;
    expectRuns(
      `LIB = "./libfoo.so"
from C import LIB.sum2(Ptr[float]) -> float
from C import LIB.scale(cobj, float) -> None

class Pt:
    x: float
    y: float
    def moved(self, dx: float) -> Pt:
        return Pt(self.x + dx, self.y)
    def total(self) -> float:
        return sum2(Ptr[float](self.__raw__()))

class Path:
    pts: List[Pt]
    name: str
    def __init__(self, name: str):
        self.pts = []
        self.name = name
    def add(self, p: Pt):
        self.pts.append(p)
    def length(self) -> int:
        return len(self.pts)

def first(p: Path) -> Pt:
    return p.pts[0]

path = Path("walk")
path.add(Pt(1.0, 2.0))
path.add(path.pts[0].moved(10.0))
q = first(path)
q.y = 5.0
print(path.name, path.length(), path.pts[0].y, path.pts[1].x, q.total())
scale(q.__raw__(), 2.0)
print(q.x, q.y, path.pts[0].x)
`,
      'walk 2 5 11 6\n2 10 2\n',
      cpp,
    );
  });

  it('cross the boundary as a pointer when a C import takes or returns the class (getLLVMType: ptr)', () => {
    expectRuns(
      `LIB = "./libfoo.so"
class Pt:
    x: float
    y: float
from C import LIB.scale(Pt, float) -> Pt
p = Pt(1.0, 2.0)
q = scale(p, 2.0)
print(q.x, p.y, q.y)
`,
      '2 4 4\n',
      'extern "C" void *scale(void *o, double k) { double *d = (double *)o; d[0] *= k; d[1] *= k; return o; }\n',
    );
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
    expectRuns(
      `${HEAD}
@tuple
class Vec:
    x: float
    y: float
    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y
    def doubled(self) -> Vec:
        return Vec(twice(self.x), twice(self.y))

v = Vec(3.0, 4.0)
w = v.doubled()
print(v.norm2(), w.norm2(), w.x, v.x)
`,
      '25 100 6 3\n',
    );
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
  const TRY = `LIB = "./libfoo.so"
try:
    from C import LIB.thrice(float) -> float
    print("thrice is there")
except CError as e:
    print("no thrice:", e)
try:
    from C import LIB.twice(float) -> float
    print(twice(2.0))
except CError:
    print("no twice")
`;

  it('skips the rest of the body and runs the clause when the import fails, and not otherwise', () => {
    expectRuns(TRY, 'no thrice: ./libfoo.so: undefined symbol: thrice\n4\n');
  });

  it('binds the exception: e.message is its first field, print and f-strings show it (__str__)', () => {
    expectRuns(
      `LIB = "./libfoo.so"
try:
    from C import LIB.nope() -> int
except CError as e:
    print(len(e.message), f"[{e}]")
    m = e.message + "!"
    print(m)
`,
      '35 [./libfoo.so: undefined symbol: nope]\n./libfoo.so: undefined symbol: nope!\n',
    );
  });

  it('keeps the caught CError as a GC object of error.codon BaseException fields', () => {
    const objs = gcObjects(TRY, 'CError');
    expect(objs).toHaveLength(1);
    expect(objs[0]?.region).toBe('gc-heap');
    expect(objs[0]?.cells.slice(0, 2)).toEqual(['message.len@0', 'message.ptr@8']);
  });

  it('leaves an uncaught CError as before: the run ends with it where the import stands', () => {
    for (const target of TARGETS) {
      const s = summary(`${TRY}from C import LIB.nope() -> int\n`, target);
      expect(s.outcome).toBe('runtime-error');
      expect(s.error).toMatchObject({
        type: 'CError',
        message: './libfoo.so: undefined symbol: nope',
        line: 12,
      });
      expect(s.stdout).toBe('no thrice: ./libfoo.so: undefined symbol: thrice\n4\n');
    }
  });

  it('does not catch another error raised in its body', () => {
    const s = summary('l: List[int] = []\ntry:\n    l.pop()\nexcept CError:\n    print("no")\n', 'x86_64');
    expect(s.outcome).toBe('runtime-error');
    expect(s.error).toMatchObject({ type: 'IndexError', message: 'pop from empty list' });
  });
});

/**
 * The programs of codon-classes.test.ts that run (reference classes, methods, `try`/`except
 * CError`), in one module so that the test and the oracle's check (`npx tsx oracle/now-runs.ts`)
 * run the same text. Each `stdout` is what the oracle printed for it on x86-64 and AArch64.
 */
export interface ClassFixture {
  name: string;
  cpp: string;
  codon: string;
  stdout: string;
}

const TWICE = 'extern "C" double twice(double x) { return 2 * x; }\n';
const HEAD = 'LIB = "./libfoo.so"\nfrom C import LIB.twice(float) -> float\n';

export const CLASS_FIXTURES = [
  {
    name: 'own __init__ and methods',
    cpp: TWICE,
    codon: `${HEAD}
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
`,
    stdout: '2 2 7\n',
  },
  {
    name: 'generated __init__',
    cpp: TWICE,
    codon: `${HEAD}
class Pt:
    x: float
    y: float
p = Pt(1.0, 2.0)
p.x = twice(p.y)
p.y += 1
print(p.x, p.y)
`,
    stdout: '4 3\n',
  },
  {
    name: 'fields holding pointers',
    cpp: TWICE,
    codon: `class Path:
    name: str
    n: i32
    pts: List[float]
path = Path("walk", i32(2), [1.5])
print(path.name, path.n, path.pts)
`,
    stdout: 'walk 2 [1.5]\n',
  },
  {
    name: 'objects to C by __raw__',
    cpp: `extern "C" double sum2(double *p) { return p[0] + p[1]; }
extern "C" void scale(void *o, double k) { double *d = (double *)o; d[0] *= k; d[1] *= k; }
`,
    codon: `LIB = "./libfoo.so"
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
    stdout: 'walk 2 5 11 6\n2 10 2\n',
  },
  {
    name: 'class-typed C parameter and result',
    cpp: 'extern "C" void *scale(void *o, double k) { double *d = (double *)o; d[0] *= k; d[1] *= k; return o; }\n',
    codon: `LIB = "./libfoo.so"
class Pt:
    x: float
    y: float
from C import LIB.scale(Pt, float) -> Pt
p = Pt(1.0, 2.0)
q = scale(p, 2.0)
print(q.x, p.y, q.y)
`,
    stdout: '2 4 4\n',
  },
  {
    name: '@tuple methods',
    cpp: TWICE,
    codon: `${HEAD}
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
    stdout: '25 100 6 3\n',
  },
  {
    name: 'try / except CError',
    cpp: TWICE,
    codon: `LIB = "./libfoo.so"
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
`,
    stdout: 'no thrice: ./libfoo.so: undefined symbol: thrice\n4\n',
  },
  {
    name: 'nested try',
    cpp: TWICE,
    codon: `LIB = "./libfoo.so"
try:
    try:
        from C import LIB.nope() -> int
    except CError:
        print(1)
    from C import LIB.nada() -> int
    print(3)
except CError as e:
    print(2, e)
`,
    stdout: '1\n2 ./libfoo.so: undefined symbol: nada\n',
  },
  {
    name: 'e.message',
    cpp: TWICE,
    codon: `LIB = "./libfoo.so"
try:
    from C import LIB.nope() -> int
except CError as e:
    print(len(e.message), f"[{e}]")
    m = e.message + "!"
    print(m)
`,
    stdout: '35 [./libfoo.so: undefined symbol: nope]\n./libfoo.so: undefined symbol: nope!\n',
  },
] as const satisfies readonly ClassFixture[];

export type ClassFixtureName = (typeof CLASS_FIXTURES)[number]['name'];

/** The fixture of that name. */
export function classFixture(name: ClassFixtureName): ClassFixture {
  return CLASS_FIXTURES.find((f) => f.name === name) as ClassFixture;
}

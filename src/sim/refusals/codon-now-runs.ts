/**
 * Codon a learner writes that the simulator once refused and now runs (issue 13: f-strings, string
 * concatenation, `str(x)`, `in` and slicing of lists, conditional expressions, `@export`, `f.__raw__()`, `@pure`, reference classes,
 * methods, `try`/`except CError`). Each calls the library `twice` (`2 * x`) and its expected output is
 * what the oracle (`npm run real`: the program lowered as Codon 0.19 lowers it, run for real)
 * printed on both targets.
 */
export const CODON_NOW_RUNS_LIB = `extern "C" double twice(double x) { return 2 * x; }
`;

export const CODON_NOW_RUNS: readonly { name: string; source: string; stdout: string }[] = [
  {
    name: 'f-string',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
x = twice(1.25)
print(f"x = {x:.3f}")
`,
    stdout: 'x = 2.500\n',
  },
  {
    name: 'lesson bug with f-string',
    source: `LIBPATH = "./libfoo.so"
from C import LIBPATH.twice(float) -> float

def run():
    for i in range(3):
        bar = twice(float(i))
        print(f"{i}: {bar}")

run()
`,
    stdout: '0: 0\n1: 2\n2: 4\n',
  },
  {
    name: 'string concatenation and str()',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
s = "twice(1.5) = " + str(twice(1.5))
s += ", n = " + str(len(s))
print(s)
`,
    stdout: 'twice(1.5) = 3, n = 14\n',
  },
  {
    name: 'in and not in on a list',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
xs = [twice(float(i)) for i in range(4)]
ns = [1, 2, 3]
print(4.0 in xs, 5.0 in xs, 6 in xs, 7.0 not in xs, 2 in ns, 4 not in ns, 1 < 2 in ns)
`,
    stdout: 'True False True True True True True\n',
  },
  {
    name: 'slicing a list',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
xs = [twice(float(i)) for i in range(6)]
a = xs[1:4]
b = xs[:2]
c = xs[-2:]
d = xs[:]
e = xs[4:2]
f = xs[-100:100]
d.append(99.0)
print(a, b, c, d, e, f, len(e), a.arr.len, d.arr.len, xs.arr.len)
for x in xs[2:-1]:
    print(x, twice(x), end="; ")
print()
`,
    stdout:
      '[2, 4, 6] [0, 2] [8, 10] [0, 2, 4, 6, 8, 10, 99] [] [0, 2, 4, 6, 8, 10] 0 3 9 6\n4 8; 6 12; 8 16; \n',
  },
  {
    name: 'conditional expressions',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float

def sign(x: float) -> str:
    return "neg" if x < 0.0 else "zero" if x == 0.0 else "pos"

for i in range(-1, 2):
    y = twice(float(i)) if i != 0 else 0.0
    n = i * 10 if i > 0 else -i
    print(sign(y), y, n, f"{'odd' if n % 2 else 'even'}")
`,
    stdout: 'neg -2 1 odd\nzero 0 0 even\npos 2 10 even\n',
  },
  {
    name: '@export',
    source: `@export
def triple(x: int) -> int:
    return 3 * x
print(triple(2))
`,
    stdout: '6\n',
  },
  {
    name: '__raw__ of a Codon function',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
def cb(x: int) -> int:
    return x
p = cb.__raw__()
print(p == cobj(), twice(2.0))
`,
    stdout: 'False 4\n',
  },
  {
    name: '@pure',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
@pure
def sq(x: float) -> float:
    return x * x
print(sq(twice(1.5)))
`,
    stdout: '9\n',
  },
  {
    name: 'reference class',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float

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
    name: 'tuple class method',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float

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
    name: 'try',
    source: `LIB = "./libfoo.so"
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
];

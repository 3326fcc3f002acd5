/**
 * Codon a learner writes that the simulator once refused and now runs (issue 13: f-strings, string
 * concatenation, `str(x)`, `in` and slicing of lists, conditional expressions, `@export`, `f.__raw__()`, `@pure`, reference classes,
 * methods, `try`/`except CError`). Each calls the library `twice` (`2 * x`) and its expected output is
 * what the oracle (`npm run real`: the program lowered as Codon 0.19 lowers it, run for real)
 * printed on both targets.
 */
import { CLASS_FIXTURES, type ClassFixture } from '../run/codon-class-programs.ts';

// The class fixtures of the programs the corpus once refused (codon-class-programs.ts), run here
// by name rather than copied.
const fixture = (name: string): ClassFixture => CLASS_FIXTURES.find((f) => f.name === name) as ClassFixture;
const OWN_INIT = fixture('own __init__ and methods');
const TUPLE_METHODS = fixture('@tuple methods');
const TRY_EXCEPT = fixture('try / except CError');

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
    // The class fixture of the same program (codon-class-programs.ts), not a second copy of it.
    name: 'reference class',
    source: OWN_INIT.codon,
    stdout: OWN_INIT.stdout,
  },
  {
    name: 'tuple class method',
    source: TUPLE_METHODS.codon,
    stdout: TUPLE_METHODS.stdout,
  },
  {
    name: 'try',
    source: TRY_EXCEPT.codon,
    stdout: TRY_EXCEPT.stdout,
  },
];

/**
 * Dicts, sets, tuples and `enumerate` (issue 13): the simulator runs them as Codon 0.19 does
 * (codon-interp/dicts.ts: khash over simulated memory) and the oracle lowers them (lower-dict.ts,
 * the table in runtime/codonrt.c); `npm run test:diff` runs each on both targets and compares
 * (oracle/diff.ts). The iteration orders were also checked against an independent C
 * transcription of dict.codon/khash.codon (oracle/runtime/khash-check.c prints the same orders).
 */
export const CODON_COLLECTIONS_RUN: readonly { name: string; source: string; stdout: string }[] = [
  {
    name: 'dict display, d[k] = v, in, len, items (bucket order, not insertion order)',
    source: `d = {"one": 1, "two": 2, "three": 3}
d["four"] = 4
print(d, len(d), d["two"], "two" in d, "five" in d)
for k, v in d.items():
    print(k, v)
`,
    stdout: "{'four': 4, 'two': 2, 'one': 1, 'three': 3} 4 2 True False\nfour 4\ntwo 2\none 1\nthree 3\n",
  },
  {
    name: 'counting words with get(k, default)',
    source: `counts = {}
for w in ["apple", "pear", "fig", "apple", "kiwi", "fig", "apple"]:
    counts[w] = counts.get(w, 0) + 1
print(counts, len(counts))
for k in counts:
    print(k, counts[k])
`,
    stdout: "{'kiwi': 1, 'apple': 3, 'fig': 2, 'pear': 1} 4\nkiwi 1\napple 3\nfig 2\npear 1\n",
  },
  {
    name: 'a dict that grows past its buckets (khash rehash in place)',
    source: `n = dict()
for i in range(20):
    n[i * 7] = i
print(n)
`,
    stdout:
      '{0: 0, 98: 14, 35: 5, 133: 19, 70: 10, 7: 1, 105: 15, 42: 6, 77: 11, 14: 2, 112: 16, 49: 7, 84: 12, 21: 3, 119: 17, 56: 8, 91: 13, 28: 4, 126: 18, 63: 9}\n',
  },
  {
    name: 'sets: display, add, in, iteration, set()',
    source: `seen = set()
for n in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    seen.add(n)
print(seen, len(seen), 9 in seen, 7 in seen)
s = {5, 1, 17, 33}
s.add(2)
words = Set[str]()
words.add("b")
words.add("a")
print(s, words, Set[int]())
`,
    stdout: "{1, 2, 3, 4, 5, 6, 9} 7 True False\n{17, 1, 2, 33, 5} {'a', 'b'} set()\n",
  },
  {
    name: 'keys(), values() and a Dict annotation',
    source: `d: Dict[int, bool] = {1: True, -1: False}
print(d, Dict[str, float]())
for v in d.values():
    print(v)
for k in d.keys():
    print(k)
`,
    stdout: '{-1: False, 1: True} {}\nFalse\nTrue\n-1\n1\n',
  },
  {
    name: 'tuples: returned, unpacked, indexed, printed; enumerate',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
def stats(xs: List[float]):
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
xs = [twice(float(i)) for i in range(5)]
lo, hi = stats(xs)
print(lo, hi, stats([3.0]))
for i, x in enumerate(xs):
    print(i, x, end="; ")
print()
t = (1, "a", 2.5)
print(t, t[1], t[-1], (7,))
`,
    stdout: "0 8 (3, 3)\n0 0; 1 2; 2 4; 3 6; 4 8; \n(1, 'a', 2.5) a 2.5 (7,)\n",
  },
  {
    name: 'a missing key raises KeyError(str(key)) (dict.codon __getitem__)',
    source: `d = {"a": 1}
print(d["a"])
print(d["nope"])
`,
    stdout: '1\n',
  },
  {
    name: 'truth of a dict, an overwrite, a resize, a typed tuple return, a loop over a list of tuples',
    source: `d = Dict[int, int]()
if not d:
    print("empty")
d[1] = 1
if d:
    print("full")
d2 = {}
for k in [12, 4, 8, 1]:
    d2[k] = k
print(d2)
d3 = {3: 1.5}
d3[3] = 2.5
d3[3] += 1
d3[4] = 1
print(d3, len(d3), d3.get(9, -1.0))
def two() -> Tuple[int, str]:
    return 1, "x"
n, s = two()
for a, b in [(1, 2.5), (3, 4.5)]:
    print(a, b)
print(n, s, (n,), two())
print({2, 2, 3}, 3 in {2, 3})
`,
    stdout:
      "empty\nfull\n{8: 8, 1: 1, 12: 12, 4: 4}\n{4: 1, 3: 3.5} 2 -1\n1 2.5\n3 4.5\n1 x (1,) (1, 'x')\n{2, 3} True\n",
  },
  {
    name: 'strings inside lists, dicts, sets and tuples print with str.codon __repr__',
    source: `xs = ["it's", "a\\tb", "q\\"'"]
d = {"k'": "v\\n"}
print(xs, d, ("x\\\\y", 1), {"\\x01"})
`,
    stdout: `["it's", 'a\\tb', 'q"\\''] {"k'": 'v\\n'} ('x\\\\y', 1) {'\\x01'}\n`,
  },
];

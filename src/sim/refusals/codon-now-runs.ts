/**
 * Codon a learner writes that the simulator once refused and now runs (issue 13: f-strings, string
 * concatenation, `str(x)`). Each calls the library `twice` (`2 * x`) and its expected output is
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
];
